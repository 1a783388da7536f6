package quote

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestRunOnInputs feeds half-megabyte run-on texts: extraction stays
// linear (a quadratic rule would take minutes here, not milliseconds).
func TestRunOnInputs(t *testing.T) {
	for name, text := range map[string]string{
		"quotes in one paragraph": strings.Repeat("“a b c,” he said. ", 20000),
		"cues without full stops": strings.Repeat("Tom Reyes said, ", 20000),
		"unclosed quotations":     strings.Repeat("“a b ", 20000),
		"commas":                  strings.Repeat("Mary Cole, ", 20000) + "said it.",
		"paragraphs":              strings.Repeat("“a b c,” Mary Cole said.\n\n“d e”\n\n", 10000),
		"according to":            strings.Repeat("according to Mary Cole, ", 20000),
		"capitals":                strings.Repeat("Abc Def Ghi ", 20000) + "said it.",
		"names":                   manyNames(10000),
	} {
		start := time.Now()
		qs := Extract(segment("x", text))
		took := time.Since(start)
		t.Logf("%-24s %7d bytes %6d quotes %v", name, len(text), len(qs), took)
		if took > 10*time.Second {
			t.Errorf("%s: %v is far too slow for %d bytes", name, took, len(text))
		}
	}
}

// manyNames returns n sentences by n different people.
func manyNames(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("Ann Bee" + strconv.Itoa(i) + " said the sky is blue. “It is,” she said. ")
	}
	return b.String()
}
