package index

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/document"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/coveragebot/coveragebot/retrieval/quote"
)

// TestDocBuilderMatchesMapping checks that the documents the writer builds
// by hand are the ones bleve's mapping makes of the same values as maps:
// the same fields, values, options, array positions and analysed terms,
// and no _all field.
func TestDocBuilderMatchesMapping(t *testing.T) {
	ix := memIndex(t)
	b, err := newDocBuilder(ix.b.Mapping())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		built *doc
		data  map[string]any
	}{
		{"article", b.start("a/x", typeArticle).str(fArticle, "x").str(fADate, "2023-03-21").str(fAOutlet, "Reuters").
			str(fTitle, "Xi visits Moscow").str(fURL, "https://example.com/x").str(fAuthors, "A, B").str(fAdded, "").
			num(fParas, 12).num(fStmts, 3).num(fTextLen, 4096),
			map[string]any{fType: typeArticle, fArticle: "x", fADate: "2023-03-21", fAOutlet: "Reuters", fTitle: "Xi visits Moscow",
				fURL: "https://example.com/x", fAuthors: "A, B", fAdded: "", fParas: 12, fStmts: 3, fTextLen: 4096}},
		{"paragraph", b.start("p/x/2", typeParagraph).str(fArticle, "x").str(fPText, "Putin said the talks were \"frank\" on Tuesday.").
			num(fPara, 2).num(fStart, 310).num(fEnd, 358).str(fDate, "2023-03-21").str(fOutlet, "Reuters").str(fCaption, "1"),
			map[string]any{fType: typeParagraph, fArticle: "x", fPText: "Putin said the talks were \"frank\" on Tuesday.",
				fPara: 2, fStart: 310, fEnd: 358, fDate: "2023-03-21", fOutlet: "Reuters", fCaption: "1"}},
		{"paragraph with statements", b.start("p/x/3", typeParagraph).str(fArticle, "x").str(fPText, "Putin said the talks were \"frank\".").
			num(fPara, 3).num(fStart, 359).num(fEnd, 393).str(fDate, "2023-03-21").
			strs(fKey, []string{"vladimir putin", "xi jinping"}).strs(fKeyMonth, []string{"vladimir putin\x1f2023-03", "xi jinping\x1f2023-03"}).
			strs(fTags, []string{"cue:say"}).strs(fSData, []string{`{"a":"x"}`, `{"a":"y"}`}).str(fSDate, "2023-03-21"),
			map[string]any{fType: typeParagraph, fArticle: "x", fPText: "Putin said the talks were \"frank\".",
				fPara: 3, fStart: 359, fEnd: 393, fDate: "2023-03-21",
				fKey: []string{"vladimir putin", "xi jinping"}, fKeyMonth: []string{"vladimir putin\x1f2023-03", "xi jinping\x1f2023-03"},
				fTags: []string{"cue:say"}, fSData: []string{`{"a":"x"}`, `{"a":"y"}`}, fSDate: "2023-03-21"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.built.done()
			if err != nil {
				t.Fatal(err)
			}
			want := document.NewDocument(got.ID())
			if err := ix.b.Mapping().MapDocument(want, tt.data); err != nil {
				t.Fatal(err)
			}
			if got.HasComposite() || want.HasComposite() {
				t.Errorf("composite (_all) fields: built %v, mapped %v; want none", got.HasComposite(), want.HasComposite())
			}
			if g, w := describe(got), describe(want); !slices.Equal(g, w) {
				t.Errorf("built document differs from the mapped one:\nbuilt:  %s\nmapped: %s", strings.Join(g, "\n        "), strings.Join(w, "\n        "))
			}
		})
	}
}

// TestDocBuilderRejectsUnknownFields keeps a typo from indexing nothing.
func TestDocBuilderRejectsUnknownFields(t *testing.T) {
	ix := memIndex(t)
	b, err := newDocBuilder(ix.b.Mapping())
	if err != nil {
		t.Fatal(err)
	}
	for name, d := range map[string]*doc{
		"unknown field":  b.start("p/x/0", typeParagraph).str("nope", "x"),
		"unknown type":   b.start("z/x", "nope"),
		"text as number": b.start("p/x/0", typeParagraph).num(fPText, 1),
		"number as text": b.start("p/x/0", typeParagraph).str(fPara, "1"),
	} {
		if _, err := d.done(); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// describe lists a document's fields with everything that reaches the
// index, analysed, in a stable order.
func describe(d *document.Document) []string {
	var out []string
	d.VisitFields(func(f bleveindex.Field) {
		if f.Options().IsIndexed() {
			f.Analyze()
		}
		var terms []string
		for term, tf := range f.AnalyzedTokenFrequencies() {
			terms = append(terms, fmt.Sprintf("%q×%d", term, tf.Frequency()))
		}
		slices.Sort(terms)
		out = append(out, fmt.Sprintf("%s%v=%q opts=%d len=%d terms=%v", f.Name(), f.ArrayPositions(), f.Value(), f.Options(), f.AnalyzedLength(), terms))
	})
	slices.Sort(out)
	return out
}

// TestStatementRecordRoundTrip: what a statement stores reads back whole,
// one record or several of a paragraph, and a broken record is an error.
func TestStatementRecordRoundTrip(t *testing.T) {
	q := quote.Quote{Speaker: "Putin", Name: "Vladimir Putin", Role: "Russian President", Kind: quote.Direct,
		Text: "The talks were frank & useful", Sentence: `"The talks were frank & useful," Putin said.`,
		Cue: "said", Rule: "quote-said", Paragraph: 2, Start: 321, End: 350, Aliases: []string{"Vladimir Vladimirovich"}}
	rec := newStatementRecord("x", "2023-03-21", "vladimir putin", q)
	data, err := rec.encode()
	if err != nil {
		t.Fatal(err)
	}
	back, err := statementRecordsOf(map[string]any{fSData: data})
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != 1 || !reflect.DeepEqual(back[0], rec) {
		t.Fatalf("read back %+v, want %+v", back, rec)
	}
	want := q
	want.Cue, want.Aliases = "", nil // not shown: not stored
	if got := back[0].quote(); !reflect.DeepEqual(got, want) {
		t.Errorf("quote %+v, want %+v", got, want)
	}
	if !slices.Equal(back[0].Forms, []string{"nVladimir Putin", "sPutin", "rRussian President", "aVladimir Vladimirovich"}) {
		t.Errorf("forms %q", back[0].Forms)
	}
	two, err := statementRecordsOf(map[string]any{fSData: []any{data, data}})
	if err != nil || len(two) != 2 || !reflect.DeepEqual(two[1], rec) {
		t.Errorf("two records: %+v, %v", two, err)
	}
	if none, err := statementRecordsOf(map[string]any{}); err != nil || len(none) != 0 {
		t.Errorf("a paragraph without statements: %+v, %v", none, err)
	}
	for _, bad := range []any{"{", data[:len(data)-1], data + "x", []any{data, 7}, 3.5} {
		if _, err := statementRecordsOf(map[string]any{fSData: bad}); err == nil {
			t.Errorf("stored statements %#v read back without an error", bad)
		}
	}
}

// FuzzDecodeRecord: no stored value makes reading a record panic, and a
// record read back encodes to a value that reads back the same.
func FuzzDecodeRecord(f *testing.F) {
	rec := newStatementRecord("x", "2023-03-21", "ann lee", quote.Quote{Speaker: "Lee", Name: "Ann Lee", Kind: quote.Direct,
		Text: "We will build it", Sentence: `"We will build it," Lee said.`, Paragraph: 3, Start: 10, End: 26})
	data, err := rec.encode()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add("")
	f.Add("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01")
	f.Fuzz(func(t *testing.T, raw string) {
		r, err := decodeRecord(raw)
		if err != nil {
			return
		}
		again, err := r.encode()
		if err != nil {
			t.Fatalf("re-encode %+v: %v", r, err)
		}
		if back, err := decodeRecord(again); err != nil || !reflect.DeepEqual(back, r) {
			t.Fatalf("read back %+v, %v; want %+v", back, err, r)
		}
	})
}
