package article_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/retrieval/article"
)

// walkAll walks paths and returns the articles by id, in order, and the
// skipped inputs.
func walkAll(t *testing.T, opts article.Options, paths ...string) ([]*article.Article, []article.Skipped, error) {
	t.Helper()
	var got []*article.Article
	skipped, err := article.Walk(context.Background(), paths, opts, func(a *article.Article) error {
		checkOffsets(t, a)
		got = append(got, a)
		return nil
	})
	return got, skipped, err
}

func TestFormats(t *testing.T) {
	dir := filepath.Join("testdata", "corpus")
	got, skipped, err := walkAll(t, article.Options{Strict: true}, dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(skipped) != 0 {
		t.Errorf("skipped %v", skipped)
	}
	byID := map[string]*article.Article{}
	var order []string
	for _, a := range got {
		byID[a.ID] = a
		order = append(order, a.ID)
	}
	// lexical order of the files, then the order inside each file
	wantOrder := "dated eastport-budget-2024 ld line-1 pretty-1 arr-1 arr-2 notes jl-1 news-3 42 page plain"
	if strings.Join(order, " ") != wantOrder {
		t.Errorf("order %q\nwant  %q", strings.Join(order, " "), wantOrder)
	}
	day := func(s string) time.Time { d, _ := time.Parse(time.RFC3339, s); return d }
	tests := []struct {
		id, title, outlet, url, published, authors, origin, textStart string
		paragraphs, captions                                          int
	}{
		{id: "plain", title: "The harbour board of Eastport voted on Tuesday to close the old ferry pier",
			published: "2024-05-02T00:00:00Z", origin: "plain.txt", textStart: "The harbour board", paragraphs: 4, captions: 1},
		{id: "eastport-budget-2024", title: "Eastport council passes its budget", outlet: "Eastport Herald",
			url: "https://herald.example/budget-2024", published: "2024-05-03T18:30:00+02:00", authors: "Mia Novak|Tom Okafor",
			origin: "front.txt", textStart: "The council of Eastport", paragraphs: 2},
		{id: "notes", title: "Eastport library reopens after a year of works", origin: "nested/notes.md",
			textStart: "# Eastport library", paragraphs: 3},
		{id: "jl-1", title: "Port strike ends", outlet: "Coast Daily", url: "https://coast.example/strike",
			published: "2024-04-30T00:00:00Z", authors: "Rita Moss", origin: "news.jsonl:1", textStart: "Dock workers", paragraphs: 2},
		{id: "news-3", title: "No id here", published: "2024-04-29T08:00:00Z", authors: "Kai Lund", origin: "news.jsonl:3",
			textStart: "This record has no id", paragraphs: 1},
		{id: "42", title: "A record without a title gets its first sentence as one", outlet: "Coast Daily",
			origin: "news.jsonl:4", textStart: "A record without", paragraphs: 1},
		{id: "arr-1", title: "First in the array", published: "2024-03-01T00:00:00Z", origin: "list.json:2",
			textStart: "The first article", paragraphs: 1},
		{id: "arr-2", title: "Second in the array", origin: "list.json:4", textStart: "The second article.\nIt has", paragraphs: 2},
		{id: "line-1", title: "One a line", origin: "lines.json:1", textStart: "A .json file", paragraphs: 1},
		{id: "pretty-1", title: "Pretty printed", origin: "lines.json:2", textStart: "Or objects printed", paragraphs: 1},
		{id: "page", title: "Tide gauge records a new high", outlet: "Coast Daily", url: "https://coast.example/tide",
			published: "2024-02-10T07:15:00Z", authors: "Nora Vidal", origin: "page.html",
			textStart: "The tide gauge at Eastport", paragraphs: 5, captions: 1},
		{id: "ld", title: "Lighthouse keeper retires after 40 years", outlet: "Eastport Herald",
			url: "https://herald.example/lighthouse", published: "2023-11-04T09:00:00Z", origin: "ld.html",
			textStart: "Posted 6 November", paragraphs: 4},
		{id: "dated", title: "Ferry timetable changes", published: "2024-01-15T00:00:00Z", origin: "dated.htm",
			textStart: "Published 15 January 2024", paragraphs: 3},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			a := byID[tt.id]
			if a == nil {
				t.Fatalf("no article %q", tt.id)
			}
			check := func(field, got, want string) {
				if got != want {
					t.Errorf("%s = %q, want %q", field, got, want)
				}
			}
			check("title", a.Title, tt.title)
			check("outlet", a.Outlet, tt.outlet)
			check("url", a.URL, tt.url)
			check("authors", strings.Join(a.Authors, "|"), tt.authors)
			check("origin", a.Origin, filepath.Join(dir, tt.origin))
			if tt.published == "" {
				if !a.Published.IsZero() {
					t.Errorf("published = %v, want none", a.Published)
				}
			} else if !a.Published.Equal(day(tt.published)) {
				t.Errorf("published = %v, want %s", a.Published, tt.published)
			}
			if !strings.HasPrefix(a.Text, tt.textStart) {
				t.Errorf("text starts %q, want %q", a.Text[:min(len(a.Text), 40)], tt.textStart)
			}
			captions := 0
			for _, p := range a.Paragraphs {
				if p.Caption {
					captions++
				}
			}
			if len(a.Paragraphs) != tt.paragraphs || captions != tt.captions {
				t.Errorf("%d paragraphs (%d captions), want %d (%d)", len(a.Paragraphs), captions, tt.paragraphs, tt.captions)
			}
		})
	}
}

func TestLongTitleIsShortened(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("Eastport council members argued at length about the harbour ", 4) + "budget."
	write(t, dir, "long.txt", long+" Second sentence.")
	got, _, err := walkAll(t, article.Options{Strict: true}, dir)
	if err != nil || len(got) != 1 {
		t.Fatalf("got %d articles, err %v", len(got), err)
	}
	title := got[0].Title
	if n := len([]rune(title)); n > 101 || !strings.HasSuffix(title, "…") {
		t.Errorf("title %q (%d runes)", title, n)
	}
	if stem := strings.TrimSuffix(title, "…"); !strings.HasPrefix(long, stem) || long[len(stem)] != ' ' {
		t.Errorf("title %q is not cut at a word boundary", title)
	}
}
