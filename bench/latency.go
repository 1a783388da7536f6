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
	Questions int           `json:"questions"`
	Answered  int           `json:"answered"`   // without error
	WithItems int           `json:"with_items"` // with at least one item or hit
	P50       time.Duration `json:"p50"`
	P95       time.Duration `json:"p95"`
	P99       time.Duration `json:"p99"`
	Max       time.Duration `json:"max"`
	Wall      time.Duration `json:"wall"` // for the whole set
	PerSecond float64       `json:"per_second"`
}

// asker answers one question, saying how many items it gave.
type asker func(ctx context.Context, q string) (int, error)

// measure asks every question once, with conc of them in flight at a
// time, timing each. A question that fails is counted, not retried; the
// first error is returned beside the figures.
func measure(ctx context.Context, qs []Question, conc int, ask asker) (Latency, error) {
	times := make([]time.Duration, len(qs))
	items := make([]int, len(qs))
	errs := make([]error, len(qs))
	var next atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range max(1, conc) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(qs) || ctx.Err() != nil {
					return
				}
				t := time.Now()
				items[i], errs[i] = ask(ctx, qs[i].Text)
				times[i] = time.Since(t)
			}
		}()
	}
	wg.Wait()
	l := Latency{Questions: len(qs), Wall: time.Since(start)}
	if err := ctx.Err(); err != nil {
		return l, err
	}
	var first error
	for i := range qs {
		if errs[i] != nil {
			if first == nil {
				first = fmt.Errorf("question %q: %w", qs[i].Text, errs[i])
			}
			continue
		}
		l.Answered++
		if items[i] > 0 {
			l.WithItems++
		}
	}
	slices.Sort(times)
	l.P50, l.P95, l.P99 = percentile(times, 50), percentile(times, 95), percentile(times, 99)
	if len(times) > 0 {
		l.Max = times[len(times)-1]
	}
	if l.Wall > 0 {
		l.PerSecond = float64(len(qs)) / l.Wall.Seconds()
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
