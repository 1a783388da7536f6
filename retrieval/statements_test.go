package retrieval

import (
	"context"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/retrieval/index"
)

// TestRankStatements: at equal relevance, the speaker's very words come
// before reported speech, statements of a few words last, and the newest
// first among the rest.
func TestRankStatements(t *testing.T) {
	hit := func(id, kind, date, text string) index.StatementHit {
		return index.StatementHit{ArticleID: id, Kind: kind, Date: date, Text: text, Name: "Ann Lee", Speaker: "Lee",
			Sentence: "Lee said " + text, Score: 1}
	}
	hits := []index.StatementHit{
		hit("reported-new", "indirect", "2023-05-02", "the bridge would open in the spring of next year"),
		hit("short", "direct", "2023-05-03", "No comment"),
		hit("quoted-old", "direct", "2023-05-01", "the bridge will open in the spring of next year"),
		hit("reported-newer", "indirect", "2023-05-04", "the tolls would stay as they are for now"),
	}
	got := rankStatements(hits, "Ann Lee", "Ann Lee")
	want := []string{"quoted-old", "reported-newer", "reported-new", "short"}
	for i, h := range got {
		if h.ArticleID != want[i] {
			t.Fatalf("ranked %v, want %v", ids(got), want)
		}
	}
}

func ids(hs []index.StatementHit) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = h.ArticleID
	}
	return out
}

// TestStatementItems: a quote broken by its attribution is one item, but
// statements of other paragraphs, and reported speech beside a quote, are
// items of their own; the same words in two articles are one item.
func TestStatementItems(t *testing.T) {
	st := func(id string, para, start int, kind, text string) index.StatementHit {
		return index.StatementHit{ArticleID: id, Paragraph: para, Start: start, End: start + len(text), Kind: kind,
			Text: text, Key: "ann lee", Speaker: "Ann Lee", Score: 1}
	}
	hits := []index.StatementHit{
		st("a", 3, 100, "direct", "The risk"),
		st("a", 3, 130, "direct", "is that we lose the bridge"),
		st("a", 3, 170, "indirect", "the tolls would stay"),
		st("a", 4, 220, "direct", "We will build it anyway"),
		st("b", 0, 10, "direct", "We will build it anyway"),
	}
	got := statementItems(hits)
	want := []string{"The risk … is that we lose the bridge", "the tolls would stay", "We will build it anyway"}
	if len(got) != len(want) {
		t.Fatalf("got %d items %+v, want %q", len(got), got, want)
	}
	for i, it := range got {
		if it.Text != want[i] {
			t.Errorf("item %d = %q, want %q", i, it.Text, want[i])
		}
	}
	if src := got[0].Source; src.ID != "a" || src.Paragraph != 4 || src.Start != 100 || src.End != 156 {
		t.Errorf("first item cites %+v, want article a, paragraph 4, runes 100-156", src)
	}
	if last := got[2]; last.Source.ID != "a" || len(last.Also) != 1 || last.Also[0].ID != "b" {
		t.Errorf("repeated words cite %+v and also %+v, want a and also b", last.Source, last.Also)
	}
}

// TestStatementItemsJoinContinuedParagraphs: a quotation opening a
// paragraph to go on with the statement ending the one before is one item
// with it, placed where the better of the two stood; a quotation of the
// same speaker found on its own in the next paragraph is not.
func TestStatementItemsJoinContinuedParagraphs(t *testing.T) {
	st := func(id string, para, start int, kind, rule, text string, score float64) index.StatementHit {
		return index.StatementHit{ArticleID: id, Paragraph: para, Start: start, End: start + len(text), Kind: kind,
			Rule: rule, Text: text, Key: "ann lee", Speaker: "Ann Lee", Score: score}
	}
	hits := []index.StatementHit{
		st("a", 5, 300, "direct", "continued-paragraph", "Who cares? It was her speech.", 3),
		st("b", 1, 40, "direct", "quote-after-cue", "The toll stays", 2),
		st("a", 4, 200, "mixed", "cue-that", "the bridge had “the obligation to open”", 1),
		st("b", 2, 90, "direct", "cue-after-quote", "We will build it", 1),
		st("c", 7, 500, "direct", "continued-paragraph", "And soon.", 1), // nothing of paragraph 6 found
	}
	got := statementItems(hits)
	want := []string{"the bridge had “the obligation to open” … Who cares? It was her speech.", "The toll stays", "We will build it", "And soon."}
	if len(got) != len(want) {
		t.Fatalf("got %d items %+v, want %q", len(got), got, want)
	}
	for i, it := range got {
		if it.Text != want[i] {
			t.Errorf("item %d = %q, want %q", i, it.Text, want[i])
		}
	}
	if src := got[0].Source; src.ID != "a" || src.Paragraph != 5 || src.Start != 200 || src.End != 329 || got[0].Score != 3 {
		t.Errorf("the joined item cites %+v with score %v, want article a from paragraph 5, runes 200-329, score 3", src, got[0].Score)
	}
}

// TestFragmentsLeftOutOfAnswers: asked what someone said, a few words of
// theirs quoted inside the reporter's sentence are left out when they have
// more to show, and kept when that is all they said; a short sentence of
// their own stays, and a listing of their quotes keeps everything.
func TestFragmentsLeftOutOfAnswers(t *testing.T) {
	lib := openCorpus(t, `{"id":"a","title":"Bridge","published":"2023-05-01","text":"Mayor Ann Lee called the delay \"absolute chaos.\"\n\n\"The bridge will open in the spring, whatever the council decides,\" Lee said on Tuesday.\n\n\"We will see,\" Lee said of the council."}
{"id":"b","title":"Tolls","published":"2023-05-02","text":"Council member Bo Chen called the tolls \"a disgrace.\""}
`)
	ctx := context.Background()
	ans, err := lib.Answer(ctx, "what did Ann Lee say?")
	if err != nil || ans.Kind != KindQuotes {
		t.Fatalf("Ann Lee: %+v %v", ans, err)
	}
	var texts []string
	for _, it := range ans.Items {
		texts = append(texts, it.Text)
	}
	if len(texts) != 2 || !strings.Contains(strings.Join(texts, "|"), "The bridge will open") || !strings.Contains(strings.Join(texts, "|"), "We will see") {
		t.Errorf("Ann Lee: %q, want her two sentences and not the words she called the delay", texts)
	}
	ans, err = lib.Answer(ctx, "what did Bo Chen say?")
	if err != nil || ans.Kind != KindQuotes || len(ans.Items) != 1 || !strings.Contains(ans.Items[0].Text, "disgrace") {
		t.Errorf("Bo Chen: %+v %v, want his only words, short as they are", ans, err)
	}
	list, err := lib.Quotes(ctx, QuoteQuery{Speaker: "Ann Lee"})
	if err != nil || len(list.Items) != 3 {
		t.Errorf("quotes --speaker Ann Lee: %+v %v, want all three statements", list, err)
	}
}

func TestFragment(t *testing.T) {
	for _, tt := range []struct {
		kind, text string
		want       bool
	}{
		{"mixed", `the delay "absolute chaos."`, true},
		{"indirect", "about those Mexican rapists", true},
		{"direct", "the damage is done.", true},
		{"direct", "It was truly shameful", false},
		{"direct", "…", true},
		{"mixed", "the delay was what she called “absolute chaos” at the bridge", false},
	} {
		if got := fragment(Item{Kind: tt.kind, Text: tt.text}); got != tt.want {
			t.Errorf("fragment(%s %q) = %v, want %v", tt.kind, tt.text, got, tt.want)
		}
	}
}

func TestWordCount(t *testing.T) {
	for text, want := range map[string]int{"": 0, "absolute chaos.": 2, "We don’t know … yet": 5, "rip up": 2, "$1.6 billion": 3} {
		if got := wordCount(text); got != want {
			t.Errorf("wordCount(%q) = %d, want %d", text, got, want)
		}
	}
}
