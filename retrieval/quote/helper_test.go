package quote

import (
	"strings"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/retrieval/article"
)

// segment builds an Article from text the way the reader does: paragraphs
// are lines, blank lines dropped, offsets in runes.
func segment(id, text string) *article.Article {
	a := &article.Article{ID: id, Text: text}
	r := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		body := strings.TrimRight(line, "\r\n")
		n := utf8.RuneCountInString(body)
		if strings.TrimSpace(body) != "" {
			a.Paragraphs = append(a.Paragraphs, article.Paragraph{Index: len(a.Paragraphs), Text: body, Start: r, End: r + n})
		}
		r += utf8.RuneCountInString(line)
	}
	return a
}
