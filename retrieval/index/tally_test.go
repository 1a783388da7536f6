package index

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/retrieval/article"
	"github.com/coveragebot/coveragebot/retrieval/quote"
)

// TestSpeakersCountedExactly: the speakers and their counts stay exact
// through many small batches (many segments, merged), deletions and a
// reopen. Counts read from bleve's term dictionary would not: after a term
// held by one document in a merged segment, it gives 1 for every term
// (blevesearch/zapx#445).
func TestSpeakersCountedExactly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ix")
	ix, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	said := func(name, as, role string) quote.Quote {
		return quote.Quote{Speaker: as, Name: name, Role: role, Kind: quote.Direct, Text: "we will rebuild the bridge",
			Sentence: `"We will rebuild the bridge," ` + as + ` said.`, Cue: "said", Start: 1, End: 27}
	}
	w := ix.NewWriter(7, time.Now()) // a batch every few documents: many segments
	for i := range 120 {
		a := &article.Article{ID: fmt.Sprintf("a%03d", i), Title: "Bridge", Text: `"We will rebuild the bridge," she said.`}
		a.Published = time.Date(2023, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC)
		article.Segment(a)
		qs := []quote.Quote{said("Ann Lee", "Lee", "mayor")}
		if i%3 == 0 {
			qs = append(qs, said("Ann Lee", "Ann Lee", "Mayor"))
		}
		qs = append(qs, said(fmt.Sprintf("Once Only %03d", i), "Only", "")) // a speaker of one statement each
		if err := w.Add(a, qs); err != nil {
			t.Fatal(err)
		}
		if i%10 == 9 {
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	lee := func(ix *Index) Speaker {
		t.Helper()
		sp, err := ix.Speakers()
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range sp {
			if s.Key == quote.NameKey("Ann Lee") {
				return s
			}
		}
		t.Fatalf("Ann Lee is not among %d speakers", len(sp))
		return Speaker{}
	}
	if s := lee(ix); s.Statements != 160 || !slices.Equal(s.Written, []string{"Lee", "Ann Lee"}) || month(t, s, "2023-01") != 10+10 {
		t.Fatalf("after adding: %d statements, written %q, January %d; want 160, [Lee Ann Lee], 20", s.Statements, s.Written, month(t, s, "2023-01"))
	}
	w = ix.NewWriter(0, time.Now())
	for i := 0; i < 120; i += 2 { // delete every other article
		if err := w.Delete(fmt.Sprintf("a%03d", i), 1); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if ix, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	// Left: the 60 odd articles, each with Lee once, and the 20 of them
	// divisible by 3 with Ann Lee too.
	if s := lee(ix); s.Statements != 80 || month(t, s, "2023-02") != 10 {
		t.Errorf("after deleting and reopening: %d statements, February %d; want 80, 10", s.Statements, month(t, s, "2023-02"))
	}
	sp, err := ix.Speakers()
	if err != nil {
		t.Fatal(err)
	}
	if len(sp) != 1+60 {
		t.Errorf("%d speakers after deleting, want Ann Lee and 60 others", len(sp))
	}
}

// month is a speaker's number of statements in a month.
func month(t *testing.T, s Speaker, m string) int {
	t.Helper()
	ms, err := s.Months()
	if err != nil {
		t.Fatal(err)
	}
	for i, mc := range ms {
		if i > 0 && mc.Month >= ms[i-1].Month {
			t.Fatalf("months not newest first: %+v", ms)
		}
		if mc.Month == m {
			return mc.N
		}
	}
	return 0
}

// TestMonthsRoundTrip: months are written newest first and read back; a
// damaged list is an error naming what is wrong, not a wrong count.
func TestMonthsRoundTrip(t *testing.T) {
	s := encodeMonths(map[string]int{"2023-01": 3, "2023-12": 1, "0000-00": 2})
	if s != "2023-12=1 2023-01=3 0000-00=2" {
		t.Errorf("encodeMonths = %q", s)
	}
	ms, err := decodeMonths(s)
	if err != nil || len(ms) != 3 || ms[0] != (MonthCount{"2023-12", 1}) || ms[2] != (MonthCount{"0000-00", 2}) {
		t.Errorf("decodeMonths(%q) = %+v, %v", s, ms, err)
	}
	for _, bad := range []string{"2023-12=x", "2023-12", "2023=4"} {
		if _, err := decodeMonths(bad); err == nil || !strings.Contains(err.Error(), bad) {
			t.Errorf("decodeMonths(%q): %v, want an error naming it", bad, err)
		}
	}
}

// TestStoredTally: the tally reads back as it was counted, a speaker's
// forms by kind and most frequent first; a form cannot break the stored
// lines; and a damaged line is an error naming it.
func TestStoredTally(t *testing.T) {
	tl := tally{}
	tl.add("ann lee", statementForms(quote.Quote{Name: "Ann Lee", Speaker: "Lee", Role: "Mayor"}), "2023-03", 1)
	tl.add("ann lee", statementForms(quote.Quote{Name: "Ann Lee", Speaker: "Ann Lee"}), "2023-04", 1)
	tl.add("ann lee", statementForms(quote.Quote{Name: "Ann Lee", Speaker: "Ann Lee"}), "2023-04", 1)
	tl.add("bo chan", statementForms(quote.Quote{Name: "Bo Chan", Speaker: "Bo\tChan\nthe\x1ecook\x1f"}), "0000-00", 1)
	raw := tl.encode()
	var lines []storedSpeaker
	if err := eachStored(raw, func(s storedSpeaker) error { lines = append(lines, s); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(lines) != 2 || lines[0].key != "ann lee" || lines[1].key != "bo chan" || lines[0].n != 3 || lines[0].months != "2023-04=2 2023-03=1" {
		t.Fatalf("stored lines %+v", lines)
	}
	var forms []string
	lines[0].eachForm(func(form, count string) { forms = append(forms, form+"="+count) })
	if want := []string{"nAnn Lee=3", "sAnn Lee=2", "sLee=1", "rMayor=1"}; !slices.Equal(forms, want) {
		t.Errorf("forms %q, want %q", forms, want)
	}
	forms = nil
	lines[1].eachForm(func(form, count string) { forms = append(forms, form+"="+count) })
	if want := []string{"nBo Chan=1", "sBo Chan the cook =1"}; !slices.Equal(forms, want) {
		t.Errorf("a form with separators: %q, want %q", forms, want)
	}
	for _, bad := range []string{"ann lee\t3\t2023-04=3\n", "ann lee\tthree\t\t\n"} {
		err := eachStored([]byte(bad), func(storedSpeaker) error { return nil })
		if err == nil || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("stored %q: %v, want an error naming line 1", bad, err)
		}
	}
}

// TestTallyCountsWhatIsStored: a statement outside its article's
// paragraphs, or without a speaker, is neither stored nor counted, so that
// deleting the article takes away exactly what adding it counted.
func TestTallyCountsWhatIsStored(t *testing.T) {
	ix := memIndex(t)
	w := ix.NewWriter(0, time.Now())
	a := &article.Article{ID: "a", Title: "a", Text: `"The bridge will open in May," Ann Lee said.`, Published: time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC)}
	article.Segment(a)
	in := quote.Quote{Name: "Ann Lee", Speaker: "Ann Lee", Kind: quote.Direct, Text: "The bridge will open in May", Sentence: a.Text, End: len(a.Text)}
	out := in
	out.Name, out.Paragraph = "Bo Chan", 7
	nobody := in
	nobody.Name = ""
	if err := w.Add(a, []quote.Quote{in, out, nobody}); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	sp, err := ix.Speakers()
	if err != nil || len(sp) != 1 || sp[0].Key != "ann lee" || sp[0].Statements != 1 {
		t.Fatalf("speakers %+v, %v; want Ann Lee alone, once", sp, err)
	}
	w = ix.NewWriter(0, time.Now())
	if err := w.Delete("a", len(a.Paragraphs)); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if sp, err := ix.Speakers(); err != nil || len(sp) != 0 {
		t.Errorf("after deleting: speakers %+v, %v; want none", sp, err)
	}
}
