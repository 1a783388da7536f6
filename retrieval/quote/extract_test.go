package quote

import (
	"strings"
	"testing"
)

// want is one statement a test expects: who, how and the words.
type want struct {
	name string
	kind Kind
	text string
}

// find returns the quote of name whose text is text, or nil.
func find(qs []Quote, w want) *Quote {
	for i := range qs {
		if qs[i].Name == w.name && qs[i].Text == w.text && (w.kind == "" || qs[i].Kind == w.kind) {
			return &qs[i]
		}
	}
	return nil
}

func dump(qs []Quote) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString("\n  " + q.Name + " | " + string(q.Kind) + " | " + q.Rule + " | " + q.Text)
	}
	return b.String()
}

// TestPatterns checks each attribution pattern on sentences of our own.
func TestPatterns(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
		none []string // names that must not be speakers
	}{
		{"quote then speaker and cue", "“We will rebuild the bridge by spring,” Mayor Ana Lopez said.",
			[]want{{"Ana Lopez", Direct, "We will rebuild the bridge by spring"}}, nil},
		{"quote then cue and speaker", "\"The budget is balanced,\" said Governor Tom Reyes.",
			[]want{{"Tom Reyes", Direct, "The budget is balanced"}}, nil},
		{"speaker and cue then colon quote", "Senator Mary Cole said: “Nobody voted for this.”",
			[]want{{"Mary Cole", Direct, "Nobody voted for this."}}, nil},
		{"said on a day that", "Finance Minister Karl Berg said on Tuesday that the deficit would shrink next year.",
			[]want{{"Karl Berg", Indirect, "the deficit would shrink next year"}}, nil},
		{"told someone a quote", "Dr. Helen Park told the committee: “The vaccine is safe for children.”",
			[]want{{"Helen Park", Direct, "The vaccine is safe for children."}}, nil},
		{"told reporters at the end", "The talks will resume in June, Ambassador Luis Ortega told reporters.",
			[]want{{"Luis Ortega", Indirect, "The talks will resume in June"}}, nil},
		{"according to first", "According to Paula Grant, the factory will close in March.",
			[]want{{"Paula Grant", Indirect, "the factory will close in March"}}, nil},
		{"according to last", "The factory will close in March, according to union leader Paula Grant.",
			[]want{{"Paula Grant", Indirect, "The factory will close in March"}}, nil},
		{"said without that", "Coach Dan Miles said the team had never played better.",
			[]want{{"Dan Miles", Indirect, "the team had never played better"}}, nil},
		{"mixed quote", "Senator Rita Vance said the deal amounted to a “blank check” for the industry.",
			[]want{{"Rita Vance", Mixed, "the deal amounted to a “blank check” for the industry"}}, nil},
		{"two speakers in a paragraph", "“I agree,” Putin said, to which Xi responded: “Take care of yourself dear friend, please.”",
			[]want{{"Putin", Direct, "I agree"}, {"Xi", Direct, "Take care of yourself dear friend, please."}}, nil},
		{"quote continues in the next sentence", "“We are waiting for confirmation,” Deputy Prime Minister Iryna Vereshchuk told a newspaper. “That would be an important move.”",
			[]want{{"Iryna Vereshchuk", Direct, "We are waiting for confirmation"}, {"Iryna Vereshchuk", Direct, "That would be an important move."}}, nil},
		{"quote runs over paragraphs", "Former mayor Carl Hodges said: “We built this town with our hands.\n\n“Nobody will take it from us.”",
			[]want{{"Carl Hodges", Direct, "We built this town with our hands.\n\n“Nobody will take it from us."}}, nil},
		{"next paragraph continues a speaker", "“Prices keep rising,” said economist Joan Ruiz.\n\n“Wages do not.”",
			[]want{{"Joan Ruiz", Direct, "Prices keep rising"}, {"Joan Ruiz", Direct, "Wages do not."}}, nil},
		{"appositive", "Debbie Walsh, director of the Center for Women, said it was time for a change.",
			[]want{{"Debbie Walsh", Indirect, "it was time for a change"}}, nil},
		{"party tag and parenthesis", "Rep. Bobby Scott (D-Va.), a senior member of the committee, said he fully supports the compromise.",
			[]want{{"Bobby Scott", Indirect, "he fully supports the compromise"}}, nil},
		{"gerund after the main clause", "Senator Mark Hill rescinded his endorsement, saying the nominee lacks the temperament to lead.",
			[]want{{"Mark Hill", Indirect, "the nominee lacks the temperament to lead"}}, nil},
		{"straight double quotes", `"It's the '90s all over again," Ms. Dana Ford said.`,
			[]want{{"Dana Ford", Direct, "It's the '90s all over again"}}, nil},
		{"apostrophes inside curly quotes", "“Xi’s visit doesn’t change the ’90s deal,” Chancellor Olaf Brandt said.",
			[]want{{"Olaf Brandt", Direct, "Xi’s visit doesn’t change the ’90s deal"}}, nil},
		{"doubled apostrophes as quotation marks", "''We assess it is possible,'' Mr. Comey said.",
			[]want{{"Comey", Direct, "We assess it is possible"}}, nil},
		{"single curly quotes when no double ones", "‘The countries’ relations have never been better,’ Foreign Secretary Anne Hale said.",
			[]want{{"Anne Hale", Direct, "The countries’ relations have never been better"}}, nil},
		{"institution", "The Kremlin said the talks were useful.",
			[]want{{"Kremlin", Indirect, "the talks were useful"}}, nil},
		{"capital for a government", "Beijing says there is no link between the two cases.",
			[]want{{"Beijing", Indirect, "there is no link between the two cases"}}, nil},
		{"a statement released by", "\"The relationship has gone far beyond the bilateral scope,\" said a statement released by China.",
			[]want{{"China", Direct, "The relationship has gone far beyond the bilateral scope"}}, nil},
		{"parenthetical attribution", "The old bridge, Mayor Ana Lopez said, will reopen in spring. Under the plan, she said, the new one will open too.",
			[]want{{"Ana Lopez", Indirect, "The old bridge"}, {"Ana Lopez", Indirect, "will reopen in spring"}, {"Ana Lopez", Indirect, "the new one will open too"}}, nil},
		{"that then a comma", "Yukiya Amano said in a statement Wednesday that, if the claims are true, the tests break the rules.",
			[]want{{"Yukiya Amano", Indirect, "if the claims are true, the tests break the rules"}}, nil},
		{"told a body, clause before", "The state was only doing what 40 states already do, Bill Schuette told the court in his filing.",
			[]want{{"Bill Schuette", Indirect, "The state was only doing what 40 states already do"}}, nil},
		{"according to a document filed by", "“The evidence is insufficient,” according to a court document filed by state attorney Dave Aronberg.",
			[]want{{"Dave Aronberg", Direct, "The evidence is insufficient"}}, nil},
		{"thoughts are not statements", "Governor Tom Reyes believes the budget is balanced. Tom Reyes hopes voters agree.",
			nil, []string{"Tom Reyes"}},
		{"unresolved pronoun is dropped", "“Nothing will change,” he said.",
			nil, []string{"he", ""}},
		{"negated cue", "Senator Mary Cole has not said whether she will run again.",
			nil, []string{"Mary Cole"}},
		{"passive is not the speaker", "Mary Cole was told the plant would close.",
			nil, []string{"Mary Cole"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := Extract(segment("t", tt.text))
			for _, w := range tt.want {
				if find(qs, w) == nil {
					t.Errorf("missing %s %s %q in%s", w.name, w.kind, w.text, dump(qs))
				}
			}
			if len(tt.want) > 0 && len(qs) != len(tt.want) {
				t.Errorf("got %d quotes, want %d:%s", len(qs), len(tt.want), dump(qs))
			}
			for _, n := range tt.none {
				for _, q := range qs {
					if q.Name == n || n == "" {
						t.Errorf("unexpected quote of %q: %q", q.Name, q.Text)
					}
				}
			}
		})
	}
}

// TestSpeakers checks names, roles, surname joins and pronouns.
func TestSpeakers(t *testing.T) {
	text := "Democratic presidential candidate Hillary Clinton spoke in Ohio on Monday. Donald Trump attacked her later.\n\n" +
		"“We need jobs, not walls,” she said.\n\n" +
		"Former President Bill Clinton joined her on stage. “She is ready,” Mr. Clinton said.\n\n" +
		"“I am ready,” Mrs. Clinton said.\n\n" +
		"Trump told a rally in Iowa that the polls were rigged. “Believe me,” he said."
	qs := Extract(segment("t", text))
	checks := []struct {
		text, name, role string
	}{
		{"We need jobs, not walls", "Hillary Clinton", "Democratic presidential candidate"},
		{"She is ready", "Bill Clinton", "Former President"},
		{"I am ready", "Hillary Clinton", "Democratic presidential candidate"},
		{"Believe me", "Donald Trump", ""},
		{"the polls were rigged", "Donald Trump", ""},
	}
	for _, c := range checks {
		var got *Quote
		for i := range qs {
			if qs[i].Text == c.text {
				got = &qs[i]
			}
		}
		if got == nil {
			t.Errorf("no quote %q in%s", c.text, dump(qs))
			continue
		}
		if got.Name != c.name || got.Role != c.role {
			t.Errorf("%q: got %q (%q), want %q (%q)", c.text, got.Name, got.Role, c.name, c.role)
		}
	}
	for _, q := range qs {
		if q.Name == "Hillary Clinton" && !contains(q.Aliases, "Clinton") {
			t.Errorf("aliases of Hillary Clinton lack the surname: %q", q.Aliases)
		}
	}
}

// TestOffsets checks that every quote's Text is the article's text between
// its rune offsets and lies in its paragraph and sentence.
func TestOffsets(t *testing.T) {
	text := "Ünal Çelik, the mayor, said: “Les élèves d’aujourd’hui — they’re great.”\n\n" +
		"Photo: a crowd gathers. AFP - Getty Images\n\n" +
		"“Xi’s visit is welcome,” Çelik added. “We hope for more.”"
	for _, a := range append(seedArticles(t), segment("t", text)) {
		runes := []rune(a.Text)
		for _, q := range Extract(a) {
			if q.Start < 0 || q.End > len(runes) || q.Start >= q.End {
				t.Fatalf("%s: bad offsets %d..%d", a.ID, q.Start, q.End)
			}
			if got := string(runes[q.Start:q.End]); got != q.Text {
				t.Errorf("%s: text %q != runes %q", a.ID, q.Text, got)
			}
			if !strings.Contains(q.Sentence, q.Text) {
				t.Errorf("%s: sentence %q lacks %q", a.ID, q.Sentence, q.Text)
			}
			p := a.Paragraphs[q.Paragraph]
			if q.Start < p.Start || q.Start >= p.End {
				t.Errorf("%s: quote at %d outside paragraph %d (%d..%d)", a.ID, q.Start, q.Paragraph, p.Start, p.End)
			}
		}
	}
}

// TestBadInput feeds odd texts: nothing panics, offsets stay in range.
func TestBadInput(t *testing.T) {
	for _, text := range []string{
		"", "\"", "“", "”", "''", "'''", "“unclosed\n\nstill “open", "said", "Said Putin:", ", said he.",
		"according to", "according to ,", "\"a,\" said", "(((", "R-Ky.", "Mr.", "“”“”", "\x00\xff said",
		strings.Repeat("“a ", 500), strings.Repeat("said X, ", 300),
	} {
		a := segment("bad", text)
		runes := []rune(a.Text)
		for _, q := range Extract(a) {
			if q.Start < 0 || q.End > len(runes) || string(runes[q.Start:q.End]) != q.Text {
				t.Errorf("%q: bad quote %+v", text, q)
			}
		}
	}
	if Extract(nil) != nil {
		t.Error("Extract(nil) should be nil")
	}
}

func TestNameKey(t *testing.T) {
	tests := map[string]string{
		"Mr. Trump":                              "trump",
		"Sen. Ted Cruz":                          "ted cruz",
		"Xi’s":                                   "xi",
		"José Martí":                             "jose marti",
		"President Barack Obama":                 "barack obama",
		"the White House":                        "white house",
		"US Secretary of State Antony Blinken":   "antony blinken",
		"U.S. Secretary of State Antony Blinken": "antony blinken",
		"State Department":                       "state department",
		"The Justice Department":                 "justice department",
		"Brett H. McGurk":                        "brett h mcgurk",
		"Brent Bozell III":                       "brent bozell",
		"O’Rourke":                               "orourke",
		"Jean-Claude Juncker":                    "jean-claude juncker",
		"President":                              "president",
		"Senate Majority Whip John Cornyn":       "john cornyn",
		"Archbishop Aris Shirvanian":             "aris shirvanian",
		"the Senate":                             "senate",
		"Ken Starr":                              "kenneth starr",
		"Kenneth W. Starr":                       "kenneth w starr",
		"Dean Baker":                             "dean baker",
		"Dean John Smith":                        "john smith",
		"Major John Smith":                       "john smith",
		"":                                       "",
	}
	for in, want := range tests {
		if got := NameKey(in); got != want {
			t.Errorf("NameKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNamingOf(t *testing.T) {
	text := "Japan’s Prime Minister Fumio Kishida visited Bucha. “The world was astonished,” Fumio Kishida said. " +
		"“I feel great anger,” Kishida added. “We stand with Ukraine,” he said."
	want := map[string]Naming{
		"The world was astonished": NamedFull,
		"I feel great anger":       NamedPart,
		"We stand with Ukraine":    NamedNot,
	}
	qs := Extract(segment("t", text))
	for _, q := range qs {
		if w, ok := want[q.Text]; ok {
			if got := NamingOf(q); got != w {
				t.Errorf("%q: naming %d, want %d", q.Text, got, w)
			}
			delete(want, q.Text)
		}
	}
	if len(want) > 0 {
		t.Errorf("quotes not found: %v in%s", want, dump(qs))
	}
}

func TestTwoSpeakers(t *testing.T) {
	qs := Extract(segment("t", "Sens. Johnny Isakson and John Boozman said they would be happy to have Cruz on the trail with them."))
	for _, name := range []string{"Johnny Isakson", "John Boozman"} {
		if find(qs, want{name, Indirect, "they would be happy to have Cruz on the trail with them"}) == nil {
			t.Errorf("no statement of %s in%s", name, dump(qs))
		}
	}
}

func TestSingleOpened(t *testing.T) {
	tests := []struct {
		text string
		c    rune
		want bool
	}{
		{"He called it ‘the players", '’', true},
		{"Items fell in the students", '’', false},
		{"He called it 'the players", '\'', true},
		{"'The players", '\'', true},
		{"Voilà' said the chef's students", '\'', false}, // a letter before it, though its last byte is 0xA0
	}
	for _, tt := range tests {
		if got := singleOpened(tt.text, tt.c); got != tt.want {
			t.Errorf("singleOpened(%q, %q) = %v, want %v", tt.text, tt.c, got, tt.want)
		}
	}
}

// TestAnnouncedCue checks that a quotation announced by "X told reporters:"
// at the end of the paragraph before keeps the cue that announced it.
func TestAnnouncedCue(t *testing.T) {
	for _, text := range []string{
		"Mayor Ana Lopez told reporters:\n\n“We cannot go on like this.”",
		"Mayor Ana Lopez told reporters in a statement. “We cannot go on like this.”",
	} {
		qs := Extract(segment("t", text))
		if len(qs) != 1 || qs[0].Name != "Ana Lopez" || qs[0].Cue != "told" || qs[0].Text != "We cannot go on like this." {
			t.Errorf("%q: want Ana Lopez told “We cannot go on like this.”, got%s", text, dump(qs))
		}
	}
}
