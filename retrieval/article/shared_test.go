package article_test

import (
	"errors"
	"testing"

	"github.com/coveragebot/coveragebot/internal/sharedtest"

	"github.com/coveragebot/coveragebot/retrieval/article"
)

func TestSharedCorpora(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 70 MB of text")
	}
	tests := []struct {
		name     string
		articles int
	}{
		{"realtimeqa-2023.jsonl.gz", 7584},
		{"polnear-train.jsonl", 840},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := sharedtest.Path(t, "corpora", tt.name)
			// Under -race the whole of realtimeqa takes half a minute: read its
			// first articles there, and all of it (with the count) without -race.
			limit := tt.articles
			if raceDetector && limit > 1000 {
				limit = 1000
			}
			enough := errors.New("enough")
			got, paragraphs, undated, captions := 0, 0, 0, 0
			skipped, err := article.Walk(t.Context(), []string{p}, article.Options{Strict: true}, func(a *article.Article) error {
				if got == limit && limit < tt.articles {
					return enough
				}
				got++
				if got%50 == 1 { // the rune slicing of every article is slow under -race
					checkOffsets(t, a)
				}
				if a.Title == "" || a.ID == "" || len(a.Paragraphs) == 0 {
					t.Errorf("%s: id %q, title %q, %d paragraphs", a.Origin, a.ID, a.Title, len(a.Paragraphs))
				}
				if a.Published.IsZero() {
					undated++
				}
				paragraphs += len(a.Paragraphs)
				for _, p := range a.Paragraphs {
					if p.Caption {
						captions++
					}
				}
				return nil
			})
			if err == enough {
				t.Logf("stopped after %d articles under -race", limit)
				err = nil
			}
			if err != nil || len(skipped) != 0 {
				t.Fatalf("err %v, skipped %v", err, skipped)
			}
			if got != limit || undated != 0 {
				t.Errorf("read %d articles (%d undated), want %d, all dated", got, undated, tt.articles)
			}
			t.Logf("%d articles, %d paragraphs, %d captions", got, paragraphs, captions)
		})
	}
}
