package quote

import "github.com/coveragebot/coveragebot/retrieval/article"

// segment builds an Article from text the way the readers do.
func segment(id, text string) *article.Article {
	a := &article.Article{ID: id, Text: text}
	article.Segment(a)
	return a
}
