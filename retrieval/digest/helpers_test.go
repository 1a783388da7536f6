package digest

import (
	"context"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/retrieval/article"
	"github.com/coveragebot/coveragebot/retrieval/sample"
)

// newArticle builds a segmented Article as the corpus readers do.
func newArticle(id, title, outlet, published, text string) *article.Article {
	a := &article.Article{ID: id, Title: title, Outlet: outlet, Text: text}
	if published != "" {
		a.Published, _ = time.Parse(time.DateOnly, published)
	}
	article.Segment(a)
	return a
}

// seeds reads the two seed articles of the embedded sample corpus.
func seeds(t testing.TB) []*article.Article {
	t.Helper()
	var arts []*article.Article
	_, err := article.WalkFS(context.Background(), sample.FS(), sample.Root, article.Options{Strict: true}, func(a *article.Article) error {
		arts = append(arts, a)
		return nil
	})
	if err != nil || len(arts) != 2 {
		t.Fatalf("sample corpus: %d articles, %v", len(arts), err)
	}
	return arts
}
