package index

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/retrieval/article"
	"github.com/coveragebot/coveragebot/retrieval/quote"
)

// TestSearchStatements: a topic is found in a statement's words or in the
// rest of its sentence; the cue the question uses lifts a statement; of a
// paragraph with several speakers only the one asked for is given, and of
// their statements there the one on the topic first; and what a statement
// stores reads back.
func TestSearchStatements(t *testing.T) {
	ix := memIndex(t)
	w := ix.NewWriter(0, time.Now())
	add := func(id string, q quote.Quote) {
		a := &article.Article{ID: id, Title: id, Text: q.Sentence}
		a.Published = time.Date(2023, 3, 21, 0, 0, 0, 0, time.UTC)
		article.Segment(a)
		q.Name, q.Speaker, q.Start, q.End = "Ann Lee", "Lee", 0, len([]rune(q.Sentence))
		if err := w.Add(a, []quote.Quote{q}); err != nil {
			t.Fatal(err)
		}
	}
	// One paragraph, three statements: Lee on the budget, Bo on the
	// tunnel, Lee on the tunnel.
	para := `"The budget holds," Lee said. Bo said the tunnel was late. Lee said the tunnel would open in June.`
	two := &article.Article{ID: "two", Title: "two", Text: para, Published: time.Date(2023, 3, 20, 0, 0, 0, 0, time.UTC)}
	article.Segment(two)
	at := func(name, kind, text, sentence string) quote.Quote {
		s := strings.Index(para, sentence)
		return quote.Quote{Name: name, Speaker: name, Kind: quote.Kind(kind), Cue: "said", Text: text, Sentence: sentence,
			Start: s, End: s + len(sentence)}
	}
	if err := w.Add(two, []quote.Quote{
		at("Ann Lee", "direct", "The budget holds", `"The budget holds," Lee said.`),
		at("Bo Chan", "indirect", "the tunnel was late", "Bo said the tunnel was late."),
		at("Ann Lee", "indirect", "the tunnel would open in June", "Lee said the tunnel would open in June."),
	}); err != nil {
		t.Fatal(err)
	}
	add("told", quote.Quote{Kind: quote.Indirect, Cue: "told", Text: "the plan was ready", Sentence: "Lee told reporters the plan was ready."})
	add("said", quote.Quote{Kind: quote.Indirect, Cue: "said", Text: "the plan was ready", Sentence: "Lee said the plan was ready."})
	add("zquoted", quote.Quote{Kind: quote.Direct, Cue: "said", Text: "The plan is ready", Sentence: `"The plan is ready," Lee said.`})
	add("bridge", quote.Quote{Kind: quote.Direct, Cue: "said", Text: "It will open in May", Sentence: `"It will open in May," Lee said of the bridge.`})
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	key := []string{quote.NameKey("Ann Lee")}
	first := func(q StatementQuery) StatementHit {
		t.Helper()
		hits, _, err := ix.SearchStatements(ctx, q)
		if err != nil || len(hits) == 0 {
			t.Fatalf("%+v: %v hits, %v", q, len(hits), err)
		}
		return hits[0]
	}
	if h := first(StatementQuery{Keys: key, Topic: "bridge"}); h.ArticleID != "bridge" || h.Text != "It will open in May" || h.Name != "Ann Lee" || h.Kind != "direct" {
		t.Errorf("about the bridge: %+v, want the statement whose sentence names it", h)
	}
	if h := first(StatementQuery{Keys: key, Topic: "plan", Cue: "tell"}); h.ArticleID != "told" {
		t.Errorf("told about the plan: %s first, want the statement made with \"told\"", h.ArticleID)
	}
	hits, _, err := ix.SearchStatements(ctx, StatementQuery{Keys: key, Topic: "tunnel"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hits {
		got = append(got, h.Name+": "+h.Text)
	}
	if want := []string{"Ann Lee: the tunnel would open in June", "Ann Lee: The budget holds"}; !slices.Equal(got, want) {
		t.Errorf("Lee on the tunnel: %q, want %q", got, want)
	}
	if hits[0].Score <= hits[1].Score {
		t.Errorf("Lee on the tunnel: scores %v, %v; want the statement on the topic above", hits[0].Score, hits[1].Score)
	}
	metas, err := ix.Articles(ctx, []string{"bridge", "told", "two"})
	if err != nil {
		t.Fatal(err)
	}
	qs := map[string][]quote.Quote{}
	for _, id := range []string{"bridge", "told", "two"} {
		_, of, err := ix.Article(ctx, metas[id])
		if err != nil {
			t.Fatal(err)
		}
		qs[id] = of
	}
	var inTwo []string
	for _, q := range qs["two"] {
		inTwo = append(inTwo, q.Name)
	}
	if want := []string{"Ann Lee", "Bo Chan", "Ann Lee"}; !slices.Equal(inTwo, want) {
		t.Errorf("statements of two: %q, want %q in text order", inTwo, want)
	}
	if len(qs) != 3 || len(qs["bridge"]) != 1 || qs["bridge"][0].Sentence != `"It will open in May," Lee said of the bridge.` || qs["told"][0].Kind != quote.Indirect {
		t.Errorf("statements of the articles: %+v", qs)
	}
}

// TestLoadParagraphs: a search reads the fields of its first Load hits
// only, and LoadParagraphs reads the others as a full search gives them.
func TestLoadParagraphs(t *testing.T) {
	ix := memIndex(t)
	texts := map[string]string{}
	for i := range 12 {
		texts[fmt.Sprint("a", i)] = fmt.Sprintf("Lead of %d.\n\nThe bridge opened in May, %s.", i, strings.Repeat("again and ", i))
	}
	indexTexts(t, ix, texts)
	ctx := context.Background()
	full, _, err := ix.SearchParagraphs(ctx, PassageQuery{Text: "bridge", Size: 10})
	if err != nil {
		t.Fatal(err)
	}
	lazy, _, err := ix.SearchParagraphs(ctx, PassageQuery{Text: "bridge", Size: 10, Load: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(full) != 10 || len(lazy) != 10 {
		t.Fatalf("%d and %d hits, want 10", len(full), len(lazy))
	}
	for i, h := range lazy {
		if h.Loaded() != (i < 3) || (i >= 3 && h.Text != "") {
			t.Errorf("hit %d: loaded %v, text %q; want only the first 3 read", i, h.Loaded(), h.Text)
		}
	}
	if err := ix.LoadParagraphs(ctx, lazy[2:]); err != nil {
		t.Fatal(err)
	}
	for i := range full {
		if !lazy[i].Loaded() || fmt.Sprint(lazy[i]) != fmt.Sprint(full[i]) || !strings.Contains(full[i].Text, "bridge") {
			t.Errorf("hit %d: %+v, want %+v", i, lazy[i], full[i])
		}
	}
}

// memIndex creates an index in memory, closed when the test ends.
func memIndex(t *testing.T) *Index {
	t.Helper()
	ix, err := Create("")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	return ix
}

// TestMinTerms: a search for at least two of a text's terms matches the
// paragraphs holding two or more of them, scored as a search for any of
// them scores those, and none holding one alone; asking for more terms
// than the text has asks for all of them.
func TestMinTerms(t *testing.T) {
	ix := memIndex(t)
	indexTexts(t, ix, map[string]string{
		"one":   "The bridge opened on Monday.",
		"two":   "The bridge over the river opened.",
		"three": "The bridge over the river opened to traffic.",
		"other": "Traffic was light on Monday.",
	})
	ctx := context.Background()
	ids := func(hits []ParagraphHit) []string {
		var out []string
		for _, h := range hits {
			out = append(out, h.ArticleID)
		}
		slices.Sort(out)
		return out
	}
	q := "bridge river traffic"
	anyOf, _, err := ix.SearchParagraphs(ctx, PassageQuery{Text: q, Size: 10})
	if err != nil {
		t.Fatal(err)
	}
	two, total, err := ix.SearchParagraphs(ctx, PassageQuery{Text: q, MinTerms: 2, Size: 10})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(two); !slices.Equal(got, []string{"three", "two"}) || total != 2 {
		t.Fatalf("MinTerms 2 found %v (%d matched), want three and two", got, total)
	}
	for _, h := range two {
		for _, a := range anyOf {
			if a.ArticleID == h.ArticleID && a.Score != h.Score {
				t.Errorf("%s scores %v with MinTerms, %v without", h.ArticleID, h.Score, a.Score)
			}
		}
	}
	if len(anyOf) != 4 {
		t.Errorf("any of the terms found %v, want all four", ids(anyOf))
	}
	all, _, err := ix.SearchParagraphs(ctx, PassageQuery{Text: q, MinTerms: 5, Size: 10})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(all); !slices.Equal(got, []string{"three"}) {
		t.Errorf("MinTerms above the terms found %v, want only three (all of them)", got)
	}
}

// indexTexts indexes articles of the given ids and texts, without
// statements.
func indexTexts(t *testing.T, ix *Index, texts map[string]string) {
	t.Helper()
	w := ix.NewWriter(0, time.Now())
	for id, text := range texts {
		a := &article.Article{ID: id, Text: text}
		article.Segment(a)
		if err := w.Add(a, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
}
