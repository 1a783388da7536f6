package article_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/retrieval/article"
	"github.com/coveragebot/coveragebot/retrieval/sample"
)

// readFS reads the sample corpus, strictly.
func readFS(t *testing.T) ([]*article.Article, []article.Skipped) {
	t.Helper()
	got, skipped, err := readFSForBench(t)
	if err != nil {
		t.Fatalf("WalkFS: %v", err)
	}
	return got, skipped
}

func readFSForBench(t testing.TB) ([]*article.Article, []article.Skipped, error) {
	var got []*article.Article
	skipped, err := article.WalkFS(context.Background(), sample.FS(), sample.Root, article.Options{Strict: true}, func(a *article.Article) error {
		got = append(got, a)
		return nil
	})
	return got, skipped, err
}

func TestSampleCorpus(t *testing.T) {
	got, skipped := readFS(t)
	if len(skipped) != 0 {
		t.Errorf("skipped %v", skipped)
	}
	if len(got) != 2 {
		t.Fatalf("got %d articles, want 2", len(got))
	}
	first, second := got[0], got[1]
	if first.ID != "000_76528b6416c0b70a" || second.ID != "001_425d613339c8dc6c" {
		t.Errorf("ids %q, %q", first.ID, second.ID)
	}
	day := time.Date(2023, 3, 22, 0, 0, 0, 0, time.UTC)
	for _, a := range got {
		if !a.Published.Equal(day) {
			t.Errorf("%s: published %v, want %v", a.ID, a.Published, day)
		}
		if a.Title == "" || strings.HasPrefix(a.Text, "---") {
			t.Errorf("%s: title %q, text starts %q", a.ID, a.Title, a.Text[:20])
		}
		checkOffsets(t, a)
	}
	if !strings.HasPrefix(second.Text, "Chinese President Xi Jinping") {
		t.Errorf("second text starts %q", second.Text[:40])
	}
	if want := "Chinese President Xi Jinping and Russian President Vladimir Putin set their sights on shaping a new…"; second.Title != want {
		t.Errorf("second title %q, want %q", second.Title, want)
	}
	var captions []string
	for _, a := range got {
		for _, p := range a.Paragraphs {
			if p.Caption {
				captions = append(captions, p.Text[strings.LastIndex(p.Text, ". ")+2:])
			}
		}
	}
	want := []string{"AFP - Getty Images", "Aleksey Nikolskyi / Sputnik via AP"}
	if strings.Join(captions, "|") != strings.Join(want, "|") {
		t.Errorf("captions %q, want %q", captions, want)
	}
}

// checkOffsets checks that every paragraph and sentence is the rune slice
// of the article text its offsets name.
func checkOffsets(t *testing.T, a *article.Article) {
	t.Helper()
	runes := []rune(a.Text)
	for i, p := range a.Paragraphs {
		if p.Index != i {
			t.Errorf("%s: paragraph %d has index %d", a.ID, i, p.Index)
		}
		if p.Start < 0 || p.End > len(runes) || p.Start > p.End || string(runes[p.Start:p.End]) != p.Text {
			t.Errorf("%s: paragraph %d [%d:%d] does not match %q", a.ID, i, p.Start, p.End, p.Text)
			continue
		}
		if len(p.Sentences) == 0 {
			t.Errorf("%s: paragraph %d has no sentence", a.ID, i)
		}
		for j, s := range p.Sentences {
			if s.Start < p.Start || s.End > p.End || s.Start > s.End || string(runes[s.Start:s.End]) != s.Text {
				t.Errorf("%s: paragraph %d sentence %d [%d:%d] does not match %q", a.ID, i, j, s.Start, s.End, s.Text)
			}
		}
	}
}
