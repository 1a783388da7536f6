package bench

import (
	"errors"
	"fmt"
	"time"
)

// Target is one of the goals of the benchmark, judged on a report.
type Target struct {
	Name   string `json:"name"`
	Met    bool   `json:"met"`
	Detail string `json:"detail"`
}

// Targets judges the report against coveragebot's goals: the ratios at
// every size, the absolute bounds at the largest.
func (r *Report) Targets() []Target {
	if len(r.Sizes) == 0 {
		return nil
	}
	first, last := r.Sizes[0], r.Sizes[len(r.Sizes)-1]
	var ts []Target
	worst := func(f func(Size) float64) (float64, int) {
		w, at := 0.0, 0
		for _, s := range r.Sizes {
			if v := f(s); v > w {
				w, at = v, s.Scale
			}
		}
		return w, at
	}
	ratio := func(a, b time.Duration) float64 {
		if b <= 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	idx, idxAt := worst(func(s Size) float64 { return ratio(s.Coveragebot.Build.Took, s.Bleve.Build.Took) })
	ts = append(ts, Target{"indexing with attribution no slower than raw bleve (≤ 1.0×)", idx <= 1.0,
		fmt.Sprintf("worst %.2f× at ×%d", idx, idxAt)})
	for _, s := range r.Sizes {
		if u := s.Unattributed; u != nil {
			a := ratio(s.Coveragebot.Build.Took, u.Took)
			ts = append(ts, Target{"indexing with attribution at most 1.5× as long as without it", a <= 1.5,
				fmt.Sprintf("%.2f× at ×%d", a, s.Scale)})
		}
	}
	p99, p99At := worst(func(s Size) float64 { return ratio(s.Coveragebot.Serial.P99, s.Bleve.Serial.P99) })
	ts = append(ts, Target{"answer p99 no slower than raw bleve's match query (≤ 1.0×)", p99 <= 1.0,
		fmt.Sprintf("worst %.2f× at ×%d", p99, p99At)})
	ts = append(ts, Target{fmt.Sprintf("answer p99 under 50 ms at %d articles", last.Articles), last.Coveragebot.Serial.P99 < 50*time.Millisecond,
		fmt.Sprintf("%s one at a time, %s with %d at once", ms(last.Coveragebot.Serial.P99), ms(last.Coveragebot.Concurrent.P99), Concurrency)})
	ts = append(ts, Target{fmt.Sprintf("peak RSS under 1 GiB indexing %d articles", last.Articles), last.Coveragebot.Build.PeakRSS < 1<<30,
		fmt.Sprintf("VmHWM %s, of which anonymous at most %s", mib(last.Coveragebot.Build.PeakRSS), mib(last.Coveragebot.Build.PeakAnon))})
	open, openAt := worst(func(s Size) float64 { return s.Coveragebot.Ready.Seconds() })
	ts = append(ts, Target{"the index opens (ready to answer every question) in under a second", open < 1,
		fmt.Sprintf("slowest %s at ×%d", ms(time.Duration(open*float64(time.Second))), openAt)})
	if len(r.Sizes) > 1 {
		grow := float64(last.Articles) / float64(first.Articles)
		g50 := ratio(last.Coveragebot.Serial.P50, first.Coveragebot.Serial.P50)
		g99 := ratio(last.Coveragebot.Serial.P99, first.Coveragebot.Serial.P99)
		ts = append(ts, Target{fmt.Sprintf("answer latency grows sub-linearly from %d to %d articles", first.Articles, last.Articles),
			g50 < grow && g99 < grow, fmt.Sprintf("corpus ×%.1f, p50 ×%.2f, p99 ×%.2f", grow, g50, g99)})
	}
	return ts
}

// Check says what is missing or absurd in a report: every figure of every
// size must be present and positive, both systems must have answered every
// question, and both must have indexed the same articles and paragraphs.
func (r *Report) Check() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if len(r.Sizes) == 0 {
		bad("no sizes")
	}
	if len(r.Questions) == 0 {
		bad("no questions")
	}
	for _, s := range r.Sizes {
		at := fmt.Sprintf("×%d", s.Scale)
		if s.Articles <= 0 || s.TextBytes <= 0 || s.Paragraphs <= 0 || s.Statements <= 0 {
			bad("%s: articles %d, text %d, paragraphs %d, statements %d", at, s.Articles, s.TextBytes, s.Paragraphs, s.Statements)
		}
		if s.Read.Took <= 0 || s.Read.Articles != s.Articles || s.Read.Paragraphs != s.Paragraphs {
			bad("%s: reading alone: %+v", at, s.Read)
		}
		if u := s.Unattributed; u != nil && (u.Took <= 0 || u.Articles != s.Articles || u.Statements != 0) {
			bad("%s: without attribution: %+v", at, *u)
		}
		if s.SummaryDay == "" || s.SummaryArticles <= 0 || s.Summary <= 0 {
			bad("%s: summary of %q (%d articles) took %s", at, s.SummaryDay, s.SummaryArticles, s.Summary)
		}
		for name, sys := range map[string]System{SystemCoveragebot: s.Coveragebot, SystemBleve: s.Bleve} {
			b := sys.Build
			if b.Articles != s.Articles || b.Paragraphs != s.Paragraphs {
				bad("%s %s: indexed %d articles, %d paragraphs; want %d, %d", at, name, b.Articles, b.Paragraphs, s.Articles, s.Paragraphs)
			}
			if b.Took <= 0 || b.CPU <= 0 || b.Settle <= 0 || b.Segments <= 0 || b.PeakRSS <= 0 || b.PeakAnon <= 0 || sys.IndexBytes <= 0 || sys.Open <= 0 || sys.Ready < sys.Open {
				bad("%s %s: build %s (CPU %s), merge tail %s, %d segments, peak RSS %d, size %d, open %s", at, name, b.Took, b.CPU, b.Settle, b.Segments, b.PeakRSS, sys.IndexBytes, sys.Open)
			}
			for pass, l := range map[string]Latency{"one at a time": sys.Serial, "at once": sys.Concurrent} {
				if l.Questions != len(r.Questions) || l.Answered != l.Questions {
					bad("%s %s %s: answered %d of %d questions (%d asked)", at, name, pass, l.Answered, l.Questions, len(r.Questions))
				}
				if l.WithItems <= 0 || l.P50 <= 0 || l.P95 < l.P50 || l.P99 < l.P95 || l.Max < l.P99 || l.Wall <= 0 || l.PerSecond <= 0 {
					bad("%s %s %s: %+v", at, name, pass, l)
				}
			}
		}
	}
	return errors.Join(errs...)
}
