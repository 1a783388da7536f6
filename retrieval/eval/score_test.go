package eval

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/retrieval"
)

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Don’t stop", []string{"don", "t", "stop"}},
		{"Don't stop", []string{"don", "t", "stop"}},
		{"COVID-19 in 2023!", []string{"covid", "19", "in", "2023"}},
		{"Zelenskyy’s café", []string{"zelenskyy", "s", "caf"}},
		{"“Quoted,” he said.", []string{"quoted", "he", "said"}},
		{"ΑΒΓ naïve", []string{"na", "ve"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := words(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func item(text, id string) retrieval.Item {
	return retrieval.Item{Text: text, Source: retrieval.Source{ID: id}}
}

func TestRight(t *testing.T) {
	gold := map[string][]string{
		"a": {
			"we will rebuild every bridge in the valley", // 8 words
			"not now",                       // under 5 words: never enough alone
			"war war one two three",         // a repeated word
			"war four five six seven",       // "war" again: the pool holds it twice, not three times
			"the plan is a stalling tactic", // 6 words
		},
		"b": {"short one"},
	}
	tests := []struct {
		name string
		item retrieval.Item
		want bool
	}{
		{"exact gold", item("We will rebuild every bridge in the valley.", "a"), true},
		{"other article", item("We will rebuild every bridge in the valley.", "c"), false},
		{"article with only short golds", item("short one", "b"), false},
		{"no id", item("We will rebuild every bridge in the valley.", ""), false},
		{"empty text", item("", "a"), false},
		{"punctuation only", item("“…” — !", "a"), false},
		{"short gold alone", item("Not now.", "a"), false},
		{"half of a gold", item("we will rebuild every", "a"), true},
		{"under half of a gold", item("we will rebuild", "a"), false},
		// 10 words, 5 in the pool (we will rebuild every bridge) and they
		// cover 5 of 8 words of the first gold.
		{"half the item in the pool", item("we will rebuild every bridge xa xb xc xd xe", "a"), true},
		{"under half the item in the pool", item("we will rebuild every xa xb xc xd xe xf", "a"), false},
		// 3 of the 6 words of the last gold: exactly half.
		{"exactly half of a gold", item("the plan is", "a"), true},
		{"two of six", item("the plan", "a"), false},
		{"curly apostrophes", item("We’ll rebuild every bridge in the valley", "a"), true},
		// The pool holds "war" twice (Counter |=), so 2 of 6 words lie in it.
		{"pool is a union", item("war war war xa xb xc", "a"), false},
		{"repeated words count once per gold word", item("war war war war war war", "a"), false},
		{"case and punctuation", item("THE PLAN, IS A", "a"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := right(tt.item, gold); got != tt.want {
				t.Errorf("right(%q, %q) = %v, want %v", tt.item.Text, tt.item.Source.ID, got, tt.want)
			}
		})
	}
}

func TestReadCasesFilters(t *testing.T) {
	in := `{"q": "What did Ann say?", "speaker": "Ann Example", "gold": [{"text": "one two three four five", "article": "x"}]}
{"q": "What did Bo say?", "speaker": "Bo", "gold": [{"text": "one two three four", "article": "x"}, {"text": "“Don’t.”", "article": "y"}]}

{"q": "What did Cy say?", "speaker": "Cy", "gold": []}
{"q": "What did Di say?", "speaker": "Di", "gold": [{"text": "no", "article": "x"}, {"text": "I can’t say it, sorry", "article": "z"}]}`
	cases, err := ReadCases(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var qs []string
	for _, c := range cases {
		qs = append(qs, c.Q)
	}
	if want := []string{"What did Ann say?", "What did Di say?"}; !slices.Equal(qs, want) {
		t.Errorf("kept %q, want %q", qs, want)
	}
	if cases[0].Speaker != "Ann Example" || cases[1].Gold[1].Article != "z" {
		t.Errorf("cases = %+v", cases)
	}
	if _, err := ReadCases(strings.NewReader("{\"q\": 1}\n")); err == nil {
		t.Error("a malformed line was accepted")
	}
	if _, err := LoadCases("testdata/absent.jsonl"); err == nil {
		t.Error("a missing file was accepted")
	}
}

// answers is an Answerer that replies from a table.
type answers map[string]retrieval.Answer

func (a answers) Answer(_ context.Context, q string) (retrieval.Answer, error) {
	ans, ok := a[q]
	if !ok {
		return retrieval.Answer{}, errors.New("unexpected question")
	}
	return ans, nil
}

func TestRun(t *testing.T) {
	cases := []Case{
		{Q: "q1", Speaker: "One", Gold: []Gold{{Text: "we will rebuild every bridge", Article: "a"}}},
		{Q: "q2", Speaker: "Two", Gold: []Gold{{Text: "the plan is a stalling tactic", Article: "b"}}},
		{Q: "q3", Speaker: "Three", Gold: []Gold{{Text: "nothing was agreed at the talks", Article: "c"}}},
	}
	a := answers{
		// Right only at the sixth item, which does not count.
		"q1": {Kind: retrieval.KindQuotes, Items: []retrieval.Item{
			item("x", "a"), item("y", "a"), item("z", "a"), item("w", "a"), item("v", "a"),
			item("we will rebuild every bridge", "a"),
		}},
		"q2": {Kind: retrieval.KindQuotes, Items: []retrieval.Item{
			item("The plan is a stalling tactic.", "b"), item("unrelated words here", "b"),
			item("the plan is a stalling tactic", "b"),
		}},
		"q3": {Kind: retrieval.KindNone, Message: "no coverage"},
	}
	r, err := Run(context.Background(), cases, a)
	if err != nil {
		t.Fatal(err)
	}
	want := Result{Questions: 3, Hits: 1, Given: 8, Good: 2, Empty: 1}
	if r.Questions != want.Questions || r.Hits != want.Hits || r.Given != want.Given || r.Good != want.Good || r.Empty != want.Empty {
		t.Errorf("Run = %+v, want counts %+v", r, want)
	}
	if got, want := r.String(), "speakers: hit@5 33.3% (1/3), precision@5 25.0% (2/8), empty 33.3%"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if len(r.Misses) != 2 || r.Misses[0].Q != "q1" || len(r.Misses[0].Items) != 5 || r.Misses[1].Message != "no coverage" {
		t.Errorf("Misses = %+v", r.Misses)
	}

	for workers := 1; workers <= 4; workers++ {
		rn, err := RunN(context.Background(), cases, a, workers)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(rn, r) {
			t.Errorf("RunN(%d) = %+v, want Run's %+v", workers, rn, r)
		}
		many := append(slices.Clone(cases), Case{Q: "unknown"})
		many = append(many, cases...)
		if _, err := RunN(context.Background(), many, a, workers); err == nil || !strings.Contains(err.Error(), "unexpected question") {
			t.Errorf("RunN(%d) with a failing question = %v, want the answerer's error", workers, err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, cases, a); !errors.Is(err, context.Canceled) {
		t.Errorf("Run on a cancelled context = %v, want context.Canceled", err)
	}
}

func TestResultStringEmpty(t *testing.T) {
	var r Result
	r.finish()
	if got, want := r.String(), "speakers: hit@5 0.0% (0/0), precision@5 0.0% (0/0), empty 0.0%"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
