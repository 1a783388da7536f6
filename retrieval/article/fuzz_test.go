package article_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/retrieval/article"
)

// FuzzSegment checks on any text that Segment does not panic, that each
// paragraph and sentence is the rune slice of the text its offsets name,
// and that paragraphs and sentences are trimmed, in order and disjoint.
func FuzzSegment(f *testing.F) {
	arts, _, _ := readFSForBench(f)
	for _, a := range arts {
		f.Add(a.Text)
	}
	for _, s := range []string{
		"", " \n\n ", "Mr. J. K. Rowling said… “No.” He left!", "It cost $15.6 billion. U.S. The end...",
		"Photo. AFP - Getty Images", "(AP Photo/Evan Vucci)", "a\u00a0b.\u2028C d.\r\n\r\n…", "\xff\xfe. A.",
		"“Why?” “Because.” (Yes.) [No.] » Oui. «", "x/AP/Getty Images y/z", "....... . . .",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			// readers reject invalid UTF-8; hand-built articles must still not break Segment
			text = strings.ToValidUTF8(text, "\uFFFD")
		}
		a := &article.Article{Text: text}
		article.Segment(a)
		checkOffsets(t, a)
		prevEnd := 0
		for i, p := range a.Paragraphs {
			if p.Text == "" || p.Text != strings.TrimFunc(p.Text, unicode.IsSpace) || strings.Contains(p.Text, "\n") {
				t.Fatalf("paragraph %d %q not trimmed or holds a newline", i, p.Text)
			}
			if p.Start < prevEnd {
				t.Fatalf("paragraph %d starts at %d before %d", i, p.Start, prevEnd)
			}
			prevEnd = p.End
			last := p.Start
			for _, s := range p.Sentences {
				if s.Start < last || s.Text == "" || s.Text != strings.TrimFunc(s.Text, unicode.IsSpace) {
					t.Fatalf("sentence %q at %d (after %d)", s.Text, s.Start, last)
				}
				last = s.End
			}
		}
		if strings.TrimSpace(text) != "" && len(a.Paragraphs) == 0 {
			t.Fatalf("text %q has no paragraph", text)
		}
	})
}
