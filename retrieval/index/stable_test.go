package index

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/coveragebot/coveragebot/retrieval/article"
	"github.com/coveragebot/coveragebot/retrieval/quote"
)

// TestSearchStableMatchesIDSort checks that searchStable pages through
// hits exactly as sorting by the order and then by document id does, with
// runs of equal hits shorter and longer than what it fetches beyond a page
// (copies of one article score alike), on every path (with fetches made
// small for it): the first fetch, the larger one, and sorting every match
// by id.
func TestSearchStableMatchesIDSort(t *testing.T) {
	ix := memIndex(t)
	w := ix.NewWriter(50, time.Now())
	add := func(id, day, text string, qs ...quote.Quote) {
		a := &article.Article{ID: id, Title: id, Text: text}
		a.Published, _ = time.Parse(dateLayout, day)
		article.Segment(a)
		if err := w.Add(a, qs); err != nil {
			t.Fatal(err)
		}
	}
	said := quote.Quote{Speaker: "Putin", Name: "Vladimir Putin", Kind: quote.Direct, Text: "the talks were frank and useful",
		Sentence: `"The talks were frank and useful," Putin said.`, Cue: "said", Start: 1, End: 31}
	for i := range 300 { // 300 equal copies, in one run of equal scores
		add(fmt.Sprintf("copy-%03d", (i*37)%300), "2023-03-21", `"The talks were frank and useful," Putin said.`+"\n\nXi and Putin met in Moscow.", said)
	}
	for i := range 25 { // distinct articles, each scoring apart, dated apart
		add(fmt.Sprintf("other-%02d", i), fmt.Sprintf("2023-03-%02d", 1+i%20),
			fmt.Sprintf("Moscow talks %s went on in Moscow.", string(rune('a'+i))), said)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	pages := []struct{ from, size int }{{0, 5}, {0, 40}, {3, 10}, {55, 10}, {290, 40}, {0, 400}, {5, 0}}
	defaultSizes := fetchSizes
	defer func() { fetchSizes = defaultSizes }()
	for _, sizes := range []struct {
		name string
		f    func(int) []int
	}{
		{"default fetches", defaultSizes},
		{"small fetches", func(want int) []int { return []int{want + 16, 4*want + 256} }},
	} {
		fetchSizes = sizes.f
		testSearchStable(t, ix, sizes.name, pages)
	}
}

func testSearchStable(t *testing.T, ix *Index, name string, pages []struct{ from, size int }) {
	ctx := context.Background()
	for _, tt := range []struct {
		name  string
		query func() *bleve.SearchRequest
		order []string
	}{
		{"paragraphs by score", func() *bleve.SearchRequest {
			m := bleve.NewMatchQuery("talks in Moscow")
			m.SetField(fPText)
			return bleve.NewSearchRequest(m)
		}, []string{"-_score"}},
		{"statements by score then date", func() *bleve.SearchRequest {
			return bleve.NewSearchRequest(term(fKey, quote.NameKey("Vladimir Putin")))
		}, []string{"-_score", "-" + fSDate}},
	} {
		for _, p := range pages {
			t.Run(fmt.Sprintf("%s, %s from %d size %d", name, tt.name, p.from, p.size), func(t *testing.T) {
				req := tt.query()
				req.From, req.Size, req.Fields = p.from, p.size, []string{fArticle, fPara, fSData}
				got, err := ix.searchStable(ctx, req, tt.order, 0)
				if err != nil {
					t.Fatal(err)
				}
				want := tt.query()
				want.From, want.Size, want.Fields = p.from, p.size, []string{fArticle, fPara, fSData}
				want.SortBy(append(slices.Clone(tt.order), "_id"))
				exp, err := ix.b.SearchInContext(ctx, want)
				if err != nil {
					t.Fatal(err)
				}
				if g, w := ids(got.Hits), ids(exp.Hits); !slices.Equal(g, w) {
					t.Errorf("hits\n got %v\nwant %v", g, w)
				}
				for i := range min(len(got.Hits), len(exp.Hits)) {
					if g, w := fmt.Sprint(got.Hits[i].Fields), fmt.Sprint(exp.Hits[i].Fields); g != w || w == "map[]" {
						t.Errorf("hit %d fields %s, want %s", i, g, w)
					}
				}
				if got.Total != exp.Total {
					t.Errorf("total %d, want %d", got.Total, exp.Total)
				}
				// With load, the loaded hits stand where the sort by id puts
				// them, and the page is as long.
				const load = 3
				req = tt.query()
				req.From, req.Size, req.Fields = p.from, p.size, []string{fArticle}
				part, err := ix.searchStable(ctx, req, tt.order, load)
				if err != nil {
					t.Fatal(err)
				}
				if len(part.Hits) != len(exp.Hits) {
					t.Fatalf("with load: %d hits, want %d", len(part.Hits), len(exp.Hits))
				}
				n := min(load, len(exp.Hits))
				if g, w := ids(part.Hits[:n]), ids(exp.Hits[:n]); !slices.Equal(g, w) {
					t.Errorf("with load, loaded hits\n got %v\nwant %v", g, w)
				}
				for i, h := range part.Hits {
					if loaded := h.Fields != nil; loaded != (i < n) {
						t.Errorf("with load %d: hit %d loaded %v", load, i, loaded)
					}
				}
			})
		}
	}
}

func ids(hits search.DocumentMatchCollection) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.ID
	}
	return out
}

// TestBareMatchScoresAsBoolean checks that a question's words matched
// alone score every paragraph as they do inside a boolean query of one
// must clause (as SearchParagraphs asks when there is no filter).
func TestBareMatchScoresAsBoolean(t *testing.T) {
	ix := memIndex(t)
	w := ix.NewWriter(0, time.Now())
	for i := range 40 {
		a := &article.Article{ID: fmt.Sprint("a", i), Text: fmt.Sprintf("Talks in Moscow, day %d.\n\n%s met %s in Moscow for talks on trade.", i, []string{"Xi", "Putin", "Lula"}[i%3], []string{"Putin", "Modi"}[i%2])}
		article.Segment(a)
		if err := w.Add(a, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	for _, words := range []string{"talks in Moscow", "Putin trade", "Lula"} {
		m := bleve.NewMatchQuery(words)
		m.SetField(fPText)
		b := bleve.NewBooleanQuery()
		b.AddMust(m)
		scores := func(q query.Query) map[string]float64 {
			res, err := ix.b.Search(bleve.NewSearchRequestOptions(q, 1000, 0, false))
			if err != nil {
				t.Fatal(err)
			}
			out := map[string]float64{}
			for _, h := range res.Hits {
				out[h.ID] = h.Score
			}
			return out
		}
		bare, boolean := scores(m), scores(b)
		if len(bare) == 0 || fmt.Sprint(bare) != fmt.Sprint(boolean) {
			t.Errorf("%q: bare %v\nboolean %v", words, bare, boolean)
		}
	}
}

// TestStoredFieldsOnDiskAsInMemory: the stored fields read straight from
// scorch's segments (an index on disk) are those bleve's documents give
// (an index in memory is upside_down), over several segments, with an
// article written again (its first documents deleted) and an id no
// document has.
func TestStoredFieldsOnDiskAsInMemory(t *testing.T) {
	disk, err := Create(filepath.Join(t.TempDir(), "ix"))
	if err != nil {
		t.Fatal(err)
	}
	defer disk.Close()
	said := quote.Quote{Speaker: "Lee", Name: "Ann Lee", Kind: quote.Direct, Text: "We will build it",
		Sentence: `"We will build it," Lee said.`, Cue: "said", Start: 1, End: 17}
	mem := memIndex(t)
	var ids []string
	for _, ix := range []*Index{mem, disk} {
		ids = ids[:0]
		for b, texts := range [][]string{{"a", "b"}, {"c"}, {"a", "d"}} {
			w := ix.NewWriter(0, time.Now())
			for _, id := range texts {
				a := &article.Article{ID: id, Title: id, Text: fmt.Sprintf("\"We will build it,\" Lee said.\n\nThe bridge of %s, batch %d.", id, b)}
				a.Published, _ = time.Parse(dateLayout, "2023-03-21")
				article.Segment(a)
				if err := w.Add(a, []quote.Quote{said}); err != nil {
					t.Fatal(err)
				}
				ids = append(ids, paragraphDocID(id, 0), paragraphDocID(id, 1), articleDocID(id))
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
		}
	}
	ids = append(ids, paragraphDocID("none", 0))
	fields := []string{fArticle, fPText, fPara, fStart, fEnd, fCaption, fSData, fTitle, fParas}
	ctx := context.Background()
	fromMem, err := mem.fieldsOf(ctx, ids, fields)
	if err != nil {
		t.Fatal(err)
	}
	fromDisk, err := disk.fieldsOf(ctx, ids, fields)
	if err != nil {
		t.Fatal(err)
	}
	if len(fromDisk) != 12 || !reflect.DeepEqual(fromDisk, fromMem) {
		t.Fatalf("on disk %d documents:\n%v\nin memory %d:\n%v", len(fromDisk), fromDisk, len(fromMem), fromMem)
	}
	if got := fromDisk[paragraphDocID("a", 1)][fPText]; got != "The bridge of a, batch 2." {
		t.Errorf("article a written again reads %q, want its second text", got)
	}
}
