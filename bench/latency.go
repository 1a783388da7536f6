package bench

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Latency sums up the times of a set of questions.
type Latency struct {
	Questions int `json:"questions"`
	// Asked is how many answers were timed: every question, Rounds times.
	Asked     int           `json:"asked,omitempty"`
	Answered  int           `json:"answered"`   // questions answered without error every time
	WithItems int           `json:"with_items"` // with at least one item or hit
	P50       time.Duration `json:"p50"`
	P95       time.Duration `json:"p95"`
	P99       time.Duration `json:"p99"`
	Max       time.Duration `json:"max"`
	Wall      time.Duration `json:"wall"` // for the whole set
	PerSecond float64       `json:"per_second"`
}

// Rounds is how many times the timed passes ask every question: the
// percentiles are of all those times, so that the p99 of 200 questions is
// not the second slowest answer alone, which one pause of a shared machine
// decides.
const Rounds = 3

// asker answers one question, saying how many items it gave.
type asker func(ctx context.Context, q string) (int, error)

// measure asks every question rounds times over (the whole set, then again),
// with conc of them in flight at a time, timing each. A question that
// fails is counted, not retried; the first error is returned beside the
// figures.
func measure(ctx context.Context, qs []Question, conc, rounds int, ask asker) (Latency, error) {
	rounds = max(rounds, 1)
	n := len(qs) * rounds
	times := make([]time.Duration, n)
	items := make([]int, n)
	errs := make([]error, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range max(1, conc) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n || ctx.Err() != nil {
					return
				}
				t := time.Now()
				items[i], errs[i] = ask(ctx, qs[i%len(qs)].Text)
				times[i] = time.Since(t)
			}
		}()
	}
	wg.Wait()
	l := Latency{Questions: len(qs), Asked: n, Wall: time.Since(start)}
	if err := ctx.Err(); err != nil {
		return l, err
	}
	var first error
	for q := range qs {
		ok := true
		for r := range rounds {
			if err := errs[r*len(qs)+q]; err != nil {
				ok = false
				if first == nil {
					first = fmt.Errorf("question %q: %w", qs[q].Text, err)
				}
			}
		}
		if !ok {
			continue
		}
		l.Answered++
		if items[q] > 0 {
			l.WithItems++
		}
	}
	slices.Sort(times)
	l.P50, l.P95, l.P99 = percentile(times, 50), percentile(times, 95), percentile(times, 99)
	if len(times) > 0 {
		l.Max = times[len(times)-1]
	}
	if l.Wall > 0 {
		l.PerSecond = float64(n) / l.Wall.Seconds()
	}
	return l, first
}

// percentile is the nearest-rank p-th percentile of sorted durations.
func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := (p*len(sorted) + 99) / 100 // ceil(p/100 × n)
	return sorted[min(max(rank, 1), len(sorted))-1]
}
