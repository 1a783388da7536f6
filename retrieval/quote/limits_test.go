package quote

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/retrieval/article"
)

// TestRunOnInputs feeds run-on texts of two sizes, one eight times the
// other: extraction must stay linear. The bound is a ratio of times (the
// best of a few runs each), not a wall-clock limit, so a busy machine slows
// both sizes alike; a quadratic rule makes the ratio about 64, a linear one
// about 8 (run-on sentences of commas reach 25 through memory effects),
// and the test fails above 40.
func TestRunOnInputs(t *testing.T) {
	for name, text := range map[string]func(n int) string{
		"quotes in one paragraph": func(n int) string { return strings.Repeat("“a b c,” he said. ", 2*n) },
		"cues without full stops": func(n int) string { return strings.Repeat("Tom Reyes said, ", 2*n) },
		"unclosed quotations":     func(n int) string { return strings.Repeat("“a b ", 2*n) },
		"commas":                  func(n int) string { return strings.Repeat("Mary Cole, ", 2*n) + "said it." },
		"paragraphs":              func(n int) string { return strings.Repeat("“a b c,” Mary Cole said.\n\n“d e”\n\n", n) },
		"according to":            func(n int) string { return strings.Repeat("according to Mary Cole, ", 2*n) },
		"capitals":                func(n int) string { return strings.Repeat("Abc Def Ghi ", 2*n) + "said it." },
		"names":                   func(n int) string { return manyNames(n / 4) },
	} {
		small, large := segment("x", text(3000)), segment("x", text(24000))
		ts, ns := fastest(small)
		tl, nl := fastest(large)
		r := float64(tl) / float64(max(ts, time.Microsecond))
		t.Logf("%-24s %7d bytes %6d quotes %v; ×8 input: %v (×%.1f), %d quotes", name, len(small.Text), ns, ts, tl, r, nl)
		if r > 40 {
			t.Errorf("%s: eight times the input took %.0f times as long: extraction is not linear", name, r)
		}
	}
}

// fastest returns the best time of three extractions of a (one under the
// race detector) and the number of quotes found.
func fastest(a *article.Article) (time.Duration, int) {
	best, n := time.Duration(-1), 0
	runs := 3
	if raceEnabled {
		runs = 1 // the race detector slows both sizes alike; one run keeps the test short
	}
	for range runs {
		start := time.Now()
		n = len(Extract(a))
		if took := time.Since(start); best < 0 || took < best {
			best = took
		}
	}
	return best, n
}

// manyNames returns n sentences by n different people.
func manyNames(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("Ann Bee" + strconv.Itoa(i) + " said the sky is blue. “It is,” she said. ")
	}
	return b.String()
}
