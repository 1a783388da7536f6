package article_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/coveragebot/coveragebot/retrieval/article"
)

// sharedCorpus returns the path of a corpus in ../shared beside the module
// root, skipping the test when it is absent.
func sharedCorpus(t *testing.T, name string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("module root not found")
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", "corpora", name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s absent: %v", p, err)
	}
	return p
}

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
			p := sharedCorpus(t, tt.name)
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
