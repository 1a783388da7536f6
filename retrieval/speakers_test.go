package retrieval

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/retrieval/index"
	"github.com/coveragebot/coveragebot/retrieval/quote"
)

// TestSpeakerListGroupsNames: a surname used alone and a name with a
// middle initial are listed under the full name, while answers keep the
// names apart.
func TestSpeakerListGroupsNames(t *testing.T) {
	lib := openCorpus(t, `{"id":"a","title":"Dam","published":"2023-05-01","text":"\"The dam will hold,\" engineer Maria Lopez said on Monday.\n\n\"We checked every bolt,\" Lopez added."}
{"id":"b","title":"Dam again","published":"2023-05-02","text":"\"The water is falling,\" Lopez said."}
{"id":"c","title":"Dam report","published":"2023-05-03","text":"\"Repairs start in June,\" Maria J. Lopez said."}
{"id":"d","title":"Bridge","published":"2023-05-03","text":"\"Traffic resumes tomorrow,\" mayor Tom Berg said."}
`)
	ctx := context.Background()
	list, err := lib.Speakers(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Name != "Maria Lopez" || list[0].Quotes != 4 || list[1].Name != "Tom Berg" {
		t.Fatalf("speakers = %+v, want Maria Lopez (4, with Lopez and Maria J. Lopez) then Tom Berg", list)
	}
	for _, prefix := range []string{"lop", "maria j", "opez"} {
		if got, _ := lib.Speakers(ctx, prefix, 25); len(got) != 1 || got[0].Name != "Maria Lopez" {
			t.Errorf("Speakers(%q) = %+v", prefix, got)
		}
	}
	ans, err := lib.Answer(ctx, "what did Maria J. Lopez say?")
	if err != nil || ans.Kind != KindQuotes || ans.Items[0].Source.ID != "c" {
		t.Errorf("the name as asked comes first: %+v %v", ans, err)
	}
}

// TestCompoundSurnameJoinsItsPerson: a surname of two words used alone
// ("Wasserman Schultz") is the one person quoted under it, however often
// it stands alone; an answer does not ask which of them is meant.
func TestCompoundSurnameJoinsItsPerson(t *testing.T) {
	lib := openCorpus(t, `{"id":"h","title":"Party","published":"2023-05-01","text":"\"We are united,\" party chair Debbie Wasserman Schultz said."}
{"id":"i","title":"Party again","published":"2023-05-02","text":"\"The rules are fair,\" Wasserman Schultz said.\n\n\"Nobody was cheated,\" Wasserman Schultz added."}
{"id":"j","title":"Polls","published":"2023-05-03","text":"\"The race is close,\" analyst David Wasserman said."}
`)
	ctx := context.Background()
	list, err := lib.Speakers(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Name != "Debbie Wasserman Schultz" || list[0].Quotes != 3 {
		t.Fatalf("speakers = %+v, want Debbie Wasserman Schultz (3, with Wasserman Schultz) then David Wasserman", list)
	}
	ans, err := lib.Answer(ctx, "what did Schultz say?")
	if err != nil || ans.Kind != KindQuotes || len(ans.Items) != 3 || strings.Contains(ans.Message, "Several") {
		t.Errorf("one person's three statements, no choice asked: %+v %v", ans, err)
	}
}

// TestSpellingsOfOneNameAreOnePerson: two spellings of a transliterated
// name ("Zelensky", "Zelenskyy"), each quoted a few times with the same
// role, are one person for the list and for answers; two surnames another
// letter apart ("Larson", "Lawson") stay two people.
func TestSpellingsOfOneNameAreOnePerson(t *testing.T) {
	var lines []string
	for i, sp := range []struct{ name, words string }{
		{"Ukrainian President Volodymyr Zelensky", "The front is holding"}, {"Ukrainian President Volodymyr Zelensky", "We need more air defense"},
		{"Ukrainian President Volodymyr Zelensky", "Kyiv will not give up"}, {"Ukrainian President Volodymyr Zelenskyy", "Our soldiers are brave"},
		{"Ukrainian President Volodymyr Zelenskyy", "The grain deal must go on"}, {"Ukrainian President Volodymyr Zelenskyy", "Winter will be hard"},
		{"Coach David Larson", "The team played well"}, {"Coach David Larson", "We lost the second half"}, {"Coach David Larson", "The season is long"},
		{"Coach David Lawson", "The defense was poor"}, {"Coach David Lawson", "We need a new kicker"}, {"Coach David Lawson", "Practice starts Monday"},
	} {
		lines = append(lines, fmt.Sprintf(`{"id":"s%d","title":"T%d","published":"2023-05-%02d","text":"\"%s,\" said %s."}`, i, i, i+1, sp.words, sp.name))
	}
	lib := openCorpus(t, strings.Join(lines, "\n")+"\n")
	ctx := context.Background()
	list, err := lib.Speakers(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]int{}
	for _, c := range list {
		names[c.Name] = c.Quotes
	}
	if len(list) != 3 || names["Volodymyr Zelensky"]+names["Volodymyr Zelenskyy"] != 6 || names["David Larson"] != 3 || names["David Lawson"] != 3 {
		t.Fatalf("speakers = %+v, want one Zelensky (6) and two coaches (3 each)", list)
	}
	ans, err := lib.Answer(ctx, "what did Zelensky say?")
	if err != nil || ans.Kind != KindQuotes || len(ans.Items) != 5 || strings.Contains(ans.Message, "Several") {
		t.Errorf("five statements of one person, from both spellings: %+v %v", ans, err)
	}
}

// TestATitleAloneNamesWhoHoldsItNow: "the pope" is the pope, not people
// whose surname is Pope; a country's role finds the word for its people
// ("Japan's prime minister" is the "Japanese Prime Minister"), and a role
// held before ("then-Prime Minister") only when the question says so.
func TestATitleAloneNamesWhoHoldsItNow(t *testing.T) {
	lib := openCorpus(t, `{"id":"p1","title":"Mass","published":"2023-05-01","text":"\"Peace is possible,\" Pope Francis said."}
{"id":"p2","title":"Fire","published":"2023-05-02","text":"\"The fire was huge,\" church member Rick Pope said.\n\n\"We saw it for miles,\" Rick Pope added."}
{"id":"j1","title":"Tokyo","published":"2023-05-03","text":"\"The missiles are a threat,\" Japanese Prime Minister Fumio Kishida said."}
{"id":"j2","title":"Tokyo again","published":"2023-05-04","text":"\"Our alliance is strong,\" Japan's then-Prime Minister Shinzo Abe said.\n\n\"We will stand firm,\" Abe added."}
`)
	ctx := context.Background()
	for _, tt := range []struct{ q, want, not string }{
		{"what did the pope say?", "Francis", "Rick Pope"},
		{"what did Japan's prime minister say?", "Fumio Kishida", "Abe"},
		{"what did Japan's former prime minister say?", "Shinzo Abe", "Kishida"},
	} {
		ans, err := lib.Answer(ctx, tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if ans.Kind != KindQuotes || len(ans.Items) == 0 || !strings.Contains(ans.Items[0].Speaker, tt.want) {
			t.Errorf("%s: want %s first, got %+v", tt.q, tt.want, ans)
		}
		for _, it := range ans.Items {
			if strings.Contains(it.Speaker, tt.not) {
				t.Errorf("%s: %s does not hold that title: %+v", tt.q, it.Speaker, ans.Items)
			}
		}
	}
}

// TestSpeakerListJoinsFamiliarNames: a familiar and a formal given name
// of one surname ("Ben Rhodes", "Benjamin J. Rhodes": quote.NameKey gives
// both the formal name) are listed as one speaker under the one quoted
// most; two names that differ only by their initials are not joined, and
// answers keep the names apart.
func TestSpeakerListJoinsFamiliarNames(t *testing.T) {
	lib := openCorpus(t, `{"id":"e","title":"Talks","published":"2023-05-04","text":"\"The talks went well,\" Ben Rhodes said."}
{"id":"e2","title":"More talks","published":"2023-05-05","text":"\"Nothing is agreed,\" said Ben Rhodes."}
{"id":"e3","title":"Adviser","published":"2023-05-06","text":"\"We meet again in June,\" said Benjamin J. Rhodes, an adviser."}
{"id":"f","title":"Farms","published":"2023-05-05","text":"\"Rain came late,\" said John A. Smith."}
{"id":"g","title":"Prices","published":"2023-05-06","text":"\"Prices fell,\" said John B. Smith."}
`)
	ctx := context.Background()
	list, err := lib.Speakers(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]SpeakerCount{}
	for _, c := range list {
		names[c.Name] = c
	}
	if r := names["Ben Rhodes"]; len(list) != 3 || r.Quotes != 3 || !slices.Contains(r.Aliases, "Benjamin J. Rhodes") {
		t.Fatalf("speakers = %+v, want Ben Rhodes (3, with Benjamin J. Rhodes), John A. Smith and John B. Smith", list)
	}
	onlyQuotesOf(t, lib, "what did Benjamin J. Rhodes say?", "Benjamin J. Rhodes")
}

// TestNamesAreNotFoundThroughNeighbours: a question's name finds the
// people it is a name of, not one whose written form caught a neighbour,
// and a given name that is also a title is part of the name.
func TestNamesAreNotFoundThroughNeighbours(t *testing.T) {
	lib := openCorpus(t, `{"id":"a","title":"Debate","published":"2016-02-01","text":"\"We will win Iowa,\" Sen. Ted Cruz said.\n\n\"It is a long race,\" Cruz added."}
{"id":"a2","title":"Race","published":"2016-02-04","text":"\"Iowa is ours,\" Cruz said."}
{"id":"b","title":"Pledge","published":"2016-02-02","text":"Cruz spokeswoman Catherine Frazier said the pledge to visit every county was not constraining."}
{"id":"c","title":"Economy","published":"2016-02-03","text":"\"Wages are rising at last,\" said Dean Baker, an economist.\n\n\"Prices are too,\" said Matt Baker, a regulator. \"They will fall in June,\" Baker added."}
`)
	for q, want := range map[string]string{"what did Cruz say?": "Ted Cruz", "what did Dean Baker say?": "Dean Baker"} {
		for _, it := range onlyQuotesOf(t, lib, q, want) {
			if strings.Contains(it.Text, "Prices") {
				t.Errorf("%s: %q is Matt Baker's", q, it.Text)
			}
		}
	}
}

// onlyQuotesOf asks q and checks that it is answered with statements, each
// by a speaker whose name ends in want; it returns them.
func onlyQuotesOf(t *testing.T, lib *Library, q, want string) []Item {
	t.Helper()
	ans, err := lib.Answer(context.Background(), q)
	if err != nil || ans.Kind != KindQuotes || len(ans.Items) == 0 {
		t.Fatalf("%s: %+v %v", q, ans, err)
	}
	for _, it := range ans.Items {
		if !strings.HasSuffix(it.Speaker, want) {
			t.Errorf("%s: an item of %q (%q), want only those of a %s", q, it.Speaker, it.Text, want)
		}
	}
	return ans.Items
}

// TestOneWordIsASurnameFirst: a question naming one word means the people
// whose surname it is (and one the text names by it alone) before those
// whose given name it is; with none of the first, those of the second are
// found.
func TestOneWordIsASurnameFirst(t *testing.T) {
	lib := openCorpus(t, `{"id":"a","title":"Polls","published":"2016-02-01","text":"\"Voters are angry,\" pollster Frank Luntz said.\n\n\"They want change,\" Luntz added."}
{"id":"b","title":"Banks","published":"2016-02-02","text":"\"The banks must be watched,\" former congressman Barney Frank said."}
{"id":"c","title":"Ports","published":"2016-02-03","text":"\"The port will grow,\" said Ellen Hart, who runs it."}
{"id":"d","title":"Rates","published":"2016-02-04","text":"\"Rates will rise,\" Frank said."}
`)
	for q, want := range map[string]string{"what did Frank say?": "Frank", "what did Ellen say?": "Ellen Hart"} {
		onlyQuotesOf(t, lib, q, want)
	}
}

// TestFold: accents go, letters stay, and scripts whose letters
// decompose into others (Hangul) come back composed.
func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Zelenskyy": "Zelenskyy", "Pérez": "Perez", "Ñúñez O’Malley": "Nunez O’Malley",
		"Gülen": "Gulen", "한국": "한국", "Łukasz": "Łukasz",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSuspectsHoldEnoughWords: of the people sharing a word with a name
// of common words, only those holding enough of its words are weighed,
// and no one a full match would find is left out.
func TestSuspectsHoldEnoughWords(t *testing.T) {
	sp := []index.Speaker{
		{Key: quote.NameKey("Ann Lee"), Statements: 9, Names: []string{"Ann Lee"}, Roles: []string{"state senator"}},
		{Key: quote.NameKey("Health Department"), Statements: 3, Names: []string{"Health Department"}},
		{Key: quote.NameKey("state Department of Health"), Statements: 2, Names: []string{"state Department of Health"}},
		{Key: quote.NameKey("Bo Chan"), Statements: 4, Names: []string{"Bo Chan"}, Roles: []string{"state health department spokesman"}},
		{Key: quote.NameKey("Fumio Kishida"), Statements: 5, Names: []string{"Fumio Kishida"}, Roles: []string{"Japan's prime minister"}},
		{Key: quote.NameKey("Lee"), Statements: 1, Names: []string{"Lee"}},
	}
	tbl := newSpeakerTable(sp, nil)
	suspects := func(name string) map[string]bool {
		got := map[string]bool{}
		for _, p := range tbl.suspects(tbl.nameQuery(name), false) {
			got[p.name] = true
		}
		return got
	}
	// "state" is a role word, not a word of the name's key: the two
	// departments and the spokesman hold the key's words, the senator only
	// "state".
	if got := suspects("the state Department of Health"); len(got) != 3 || got["Ann Lee"] {
		t.Errorf("suspects = %v, want the two departments and the department's spokesman", got)
	}
	for _, name := range []string{"the state Department of Health", "Lee", "Ann Lee", "Japan's prime minister", "the prime minister", "health", "Chan"} {
		got := suspects(name)
		for _, p := range tbl.list {
			if tbl.match(p, tbl.nameQuery(name), false) > 0 && !got[p.name] {
				t.Errorf("%q: %s matches but is not a suspect (suspects %v)", name, p.name, got)
			}
		}
	}
	for _, tt := range []struct {
		kw, xw []string
		want   int
	}{
		{[]string{"lee"}, []string{"lee"}, 1},
		{[]string{"state", "department", "health"}, []string{"state", "department", "health"}, 3},
		{[]string{"japan", "prime", "minister"}, []string{"japan", "prime", "minister"}, 3},
		{[]string{"ukrainian", "deputy", "prime", "minister"}, []string{"ukrainian", "deputy", "prime", "minister"}, 3},
		{nil, []string{"pentagon"}, 1},
		{[]string{"x"}, []string{"x", "x", "y"}, 1},
	} {
		if got := wordsNeeded(tt.kw, tt.xw); got != tt.want {
			t.Errorf("wordsNeeded(%v, %v) = %d, want %d", tt.kw, tt.xw, got, tt.want)
		}
	}
}

// TestSeveralPeopleAreOneStatementEachFirst: a surname several people
// share is answered first with one statement of each, for the asker to
// choose; "More" goes on with the rest, and a listing (quotes --speaker)
// fills its page. Two forms of one person's name are not several people.
func TestSeveralPeopleAreOneStatementEachFirst(t *testing.T) {
	lib := openCorpus(t, `{"id":"a","title":"Farms","published":"2016-03-01","text":"\"Corn prices are falling,\" said Monte Shaw, who leads a farm group.\n\n\"Growers need the mandate,\" Monte Shaw said.\n\n\"Ethanol keeps towns alive,\" Monte Shaw added."}
{"id":"b","title":"Polls","published":"2016-03-02","text":"\"Texas is safe for now,\" said Daron Shaw, a pollster.\n\n\"Turnout will decide it,\" Daron Shaw said."}
{"id":"c","title":"Budget","published":"2016-03-03","text":"\"The budget is balanced,\" Paul Ryan said.\n\n\"Taxes will not rise,\" Paul D. Ryan said.\n\n\"We meet again in June,\" Paul Ryan said."}
`)
	ctx := context.Background()
	ans, err := lib.Answer(ctx, "what did Shaw say?")
	if err != nil {
		t.Fatal(err)
	}
	if len(ans.Items) != 2 || !ans.More || !strings.Contains(ans.Message, "one statement of each") {
		t.Fatalf("first page = %+v, want one statement of Monte Shaw and one of Daron Shaw, and more", ans)
	}
	got := map[string]bool{ans.Items[0].Speaker: true, ans.Items[1].Speaker: true}
	if !got["Monte Shaw"] || !got["Daron Shaw"] {
		t.Errorf("speakers = %v, want Monte Shaw and Daron Shaw", got)
	}
	next, err := lib.Ask(ctx, Request{Question: "what did Shaw say?", Offset: len(ans.Items)})
	if err != nil || len(next.Items) != 3 || next.More {
		t.Fatalf("next page = %+v %v, want the other three statements", next, err)
	}
	for _, it := range next.Items {
		for _, seen := range ans.Items {
			if it.Text == seen.Text {
				t.Errorf("%q is shown twice", it.Text)
			}
		}
	}
	list, err := lib.Quotes(ctx, QuoteQuery{Speaker: "Shaw"})
	if err != nil || len(list.Items) != 5 {
		t.Errorf("quotes --speaker Shaw = %+v %v, want all five statements", list, err)
	}
	ryan, err := lib.Answer(ctx, "what did Paul Ryan say?")
	if err != nil || len(ryan.Items) != 3 || strings.Contains(ryan.Message, "Several") {
		t.Errorf("Paul Ryan and Paul D. Ryan are one man: %+v %v", ryan, err)
	}
}
