package retrieval

import (
	"context"
	"strings"
	"testing"
)

// TestNeverQuotedNamesArePassagesNamingThem: asked what someone the
// coverage names but never quotes said, the answer says so and gives only
// passages that name them, their words in a row and written as a name; a
// name the coverage holds only as common words, or as part of a longer
// word, is not in it.
func TestNeverQuotedNamesArePassagesNamingThem(t *testing.T) {
	lib := openCorpus(t, `{"id":"a","title":"Ads","published":"2023-05-01","text":"The Club for Growth Action spent $1 million on ads in Ohio.\n\nGrowth in jobs slowed and action on the bill stalled, economists said.\n\nNo matter what happens, the growth of action committees goes on, Tom Berg said."}
{"id":"b","title":"March","published":"2023-05-02","text":"Black Lives Matter marched in Columbus on Sunday.\n\nIt does not matter who wins, Ann Cole said.\n\nDiane Hendricks gave $5 million to a super PAC."}
`)
	ctx := context.Background()
	for _, tt := range []struct{ q, name, naming string }{
		{"what did Growth Action say?", "Growth Action", "Club for Growth Action"},
		{"what did matter say?", "matter", "Black Lives Matter"},
	} {
		ans, err := lib.Answer(ctx, tt.q)
		if err != nil || ans.Kind != KindPassages || len(ans.Items) == 0 {
			t.Fatalf("%s: %+v %v, want passages", tt.q, ans, err)
		}
		if !strings.Contains(ans.Message, tt.name+" is mentioned in the coverage but never quoted") {
			t.Errorf("%s: message %q", tt.q, ans.Message)
		}
		for _, it := range ans.Items {
			if !strings.Contains(it.Text, tt.naming) {
				t.Errorf("%s: passage %q does not name %s", tt.q, it.Text, tt.naming)
			}
		}
	}
	ans, err := lib.Answer(ctx, "what did Hendrick say?")
	if err != nil || ans.Kind != KindNone || !strings.Contains(ans.Message, "does not appear") {
		t.Errorf("Hendricks is not Hendrick: %+v %v", ans, err)
	}
}

// TestNamedIn: a name is in a text when its words stand in a row there,
// or with initials between them, one at least capitalised.
func TestNamedIn(t *testing.T) {
	for _, tt := range []struct {
		text, name string
		want       bool
	}{
		{"Former Attorney General Eric H. Holder said", "Eric Holder", true},
		{"Eric Himpton Holder said", "Eric Holder", false},
		{"Former Attorney General Eric Holder's memo", "eric holder", true},
		{"Mayor Bill de Blasio spoke", "de Blasio", true},
		{"Mayor Bill de Blasio spoke", "Bill Blasio", false},
		{"no matter what", "Matter", false},
		{"Black Lives Matter", "Matter", true},
		{"Pérez left", "Perez", true},
		{"", "Perez", false},
		{"Perez", "", false},
	} {
		if got := namedIn(tt.text, tt.name); got != tt.want {
			t.Errorf("namedIn(%q, %q) = %v, want %v", tt.text, tt.name, got, tt.want)
		}
	}
}
