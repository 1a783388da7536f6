package question

import (
	"slices"
	"strings"
	"testing"
)

func TestParseStatements(t *testing.T) {
	tests := []struct {
		q, speaker, topic string
	}{
		// what did X say (about|on|regarding Y)
		{"What did Blinken say?", "Blinken", ""},
		{"what did blinkin say", "blinkin", ""},
		{"WHAT DID KISHIDA SAY ABOUT BUCHA?", "KISHIDA", "BUCHA"},
		{"What did Kishida say about Bucha?", "Kishida", "Bucha"},
		{"what did Zelensky say on the peace plan", "Zelensky", "the peace plan"},
		{"What did the White House say regarding the peace plan?", "the White House", "the peace plan"},
		{"What did Japan's prime minister say about Bucha?", "Japan's prime minister", "Bucha"},
		{"what did the Ukrainian deputy prime minister say", "the Ukrainian deputy prime minister", ""},
		{"  What   did Vereshchuk say ?? ", "Vereshchuk", ""},
		{"What did Xi say to Putin?", "Xi", "Putin"},
		{"What did Putin say when Xi left?", "Putin", "when Xi left"},
		{"what did Ryder say yesterday", "Ryder", "yesterday"},
		{"What exactly did Kyiv say about the talks?", "Kyiv", "the talks"},
		{"What else did Moscow say?", "Moscow", ""},
		{"what did Blinken have to say about China", "Blinken", "China"},
		{"What did the WHO say about covid?", "the WHO", "covid"},
		{"What did the US say?", "the US", ""},
		// verbs that are also names
		{"What did Edward Said say?", "Edward Said", ""},
		{"What did Mark Post tell reporters?", "Mark Post", "reporters"},
		{"What did the State Department say yesterday?", "the State Department", "yesterday"},
		{"What did Al From say?", "Al From", ""},
		{"What did Do Kwon say?", "Do Kwon", ""},
		{"What did Will Hurd say about the wall?", "Will Hurd", "the wall"},
		// what has / does / is X said / saying
		{"What has Blinken said on Bucha?", "Blinken", "Bucha"},
		{"what does Zelensky say about the peace plan", "Zelensky", "the peace plan"},
		{"What is Xi saying about Ukraine?", "Xi", "Ukraine"},
		{"What's Putin saying about the West", "Putin", "the West"},
		{"What’s Putin been saying?", "Putin", ""},
		{"What has the Kremlin been saying about sanctions?", "the Kremlin", "sanctions"},
		{"What did Zelensky tweet about the visit?", "Zelensky", "the visit"},
		{"What did Kishida write on Twitter?", "Kishida", "Twitter"},
		{"What does Beijing think about the war?", "Beijing", "the war"},
		// what did X tell Y
		{"What did Xi tell Putin as he left?", "Xi", "Putin as he left"},
		{"what did Ryder tell reporters", "Ryder", "reporters"},
		{"What has Blinken told Congress about China?", "Blinken", "Congress about China"},
		// possessive nouns
		{"Blinken's comments on Bucha", "Blinken", "Bucha"},
		{"Kishida’s remarks about Bucha?", "Kishida", "Bucha"},
		{"Zelensky's statements", "Zelensky", ""},
		{"the White House's response to the peace plan", "the White House", "the peace plan"},
		{"What was Kishida's reaction to Bucha?", "Kishida", "Bucha"},
		{"what was Japan's prime minister's reaction to Bucha", "Japan's prime minister", "Bucha"},
		{"What is Washington's position on the peace plan?", "Washington", "the peace plan"},
		{"What's the Kremlin's take on the visit?", "the Kremlin", "the visit"},
		{"what were the Ukrainians' reactions to the talks", "the Ukrainians", "the talks"},
		{"Show me Blinken's latest comments on China", "Blinken", "China"},
		{"all of the White House's comments", "the White House", ""},
		// quotes from X
		{"quotes from Blinken", "Blinken", ""},
		{"Quotes from Vereshchuk about the peace plan", "Vereshchuk", "the peace plan"},
		{"any statements by the White House on sanctions?", "the White House", "sanctions"},
		{"comments from the Ukrainian deputy prime minister", "the Ukrainian deputy prime minister", ""},
		{"give me quotes from Xi", "Xi", ""},
		{"statement released by China about the visit", "China", "the visit"},
		// did X say anything about Y / has X commented on Y
		{"Did Blinken say anything about Bucha?", "Blinken", "Bucha"},
		{"did kishida say something on bucha", "kishida", "bucha"},
		{"Has Xi commented on the war?", "Xi", "the war"},
		{"has Zelensky spoken about the visit", "Zelensky", "the visit"},
		{"Has Moscow said anything?", "Moscow", ""},
		{"Did Ryder mention the drone?", "Ryder", "the drone"},
		{"Has the Washington Post said anything about it?", "the Washington Post", "it"},
		{"Did Putin ever talk about Bucha?", "Putin", "Bucha"},
		// how did X respond
		{"How did Blinken respond?", "Blinken", ""},
		{"How did the Kremlin react to the warrant?", "the Kremlin", "the warrant"},
		{"how has Kyiv responded to the peace plan", "Kyiv", "the peace plan"},
		{"How does Beijing view the war?", "Beijing", "the war"},
		// what X said
		{"what Blinken said about Bucha", "Blinken", "Bucha"},
		{"Tell me what Xi told Putin", "Xi", "Putin"},
		{"can you tell me what the White House has said about the visit?", "the White House", "the visit"},
		{"I want to know what Kishida said about Bucha", "Kishida", "Bucha"},
		{"what Zelensky is saying about the talks, please", "Zelensky", "the talks"},
		// X on Y
		{"Blinken on Bucha?", "Blinken", "Bucha"},
		{"the White House on the peace plan", "the White House", "the peace plan"},
		{"Japan's prime minister on Bucha", "Japan's prime minister", "Bucha"},
		// names written with curly possessives and quotes
		{"What did CNN’s Dana Bash say?", "CNN’s Dana Bash", ""},
		{"What did O’Connor say?", "O’Connor", ""},
		{"What did Media say?", "Media", ""},
		{`What did "Blinken" say?`, "Blinken", ""},
		{"Please, what did Blinken say about China?", "Blinken", "China"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			got := Parse(tt.q)
			if got.Intent != Statements || got.Speaker != tt.speaker || got.Topic != tt.topic {
				t.Errorf("Parse(%q) = %v speaker %q topic %q, want statements speaker %q topic %q",
					tt.q, got.Intent, got.Speaker, got.Topic, tt.speaker, tt.topic)
			}
		})
	}
}

func TestParsePassages(t *testing.T) {
	tests := []struct {
		q     string
		terms []string
	}{
		{"What happened in Bucha?", []string{"bucha"}},
		{"Why did Xi visit Moscow?", []string{"xi", "visit", "moscow"}},
		{"the impact of sanctions on Russia", []string{"impact", "sanctions", "russia"}},
		{"what did the report say?", []string{"report"}},
		{"what did media say about it?", []string{"media"}},
		{"What did the Media say?", []string{"media"}},
		{"What did the article say about the peace plan", []string{"article", "peace", "plan"}},
		{"what did he say", nil},
		{"What did they say about Bucha?", []string{"bucha"}},
		{"What was said about the peace plan?", []string{"peace", "plan"}},
		{"What is being said about the visit?", []string{"visit"}},
		{"who said the peace plan was a stalling tactic", []string{"peace", "plan", "stalling", "tactic"}},
		{"what happened when Trump said that", []string{"trump"}},
		{"What happened with Delaware student growth?", []string{"delaware", "student", "growth"}},
		{"latest news on Ukraine", []string{"ukraine"}},
		{"Tell me about the US and China", []string{"us", "china"}},
		{"", nil},
		{"???", nil},
		{"Bucha", []string{"bucha"}},
		{"What did the war mean for Europe?", []string{"war", "mean", "europe"}},
		{"What did people say about the summit?", []string{"people", "summit"}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			got := Parse(tt.q)
			if got.Intent != Passages || got.Speaker != "" || got.Topic != "" {
				t.Errorf("Parse(%q) = %v speaker %q topic %q, want passages", tt.q, got.Intent, got.Speaker, got.Topic)
			}
			if !slices.Equal(got.Terms, tt.terms) {
				t.Errorf("Parse(%q).Terms = %q, want %q", tt.q, got.Terms, tt.terms)
			}
		})
	}
}

func TestParseKeepsText(t *testing.T) {
	q := "  What did Blinken say?\n"
	if got := Parse(q).Text; got != "What did Blinken say?" {
		t.Errorf("Text = %q", got)
	}
}

func TestTermsOfStatements(t *testing.T) {
	tests := []struct {
		q     string
		terms []string
	}{
		{"What did Blinken say about Bucha?", []string{"blinken", "bucha"}},
		{"What was Japan's prime minister's reaction to Bucha?", []string{"japan", "prime", "minister", "bucha"}},
		{"What did O’Connor say?", []string{"o'connor"}},
		{"What did the US say about COVID-19?", []string{"us", "covid", "19"}},
	}
	for _, tt := range tests {
		if got := Parse(tt.q).Terms; !slices.Equal(got, tt.terms) {
			t.Errorf("Parse(%q).Terms = %q, want %q", tt.q, got, tt.terms)
		}
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"the peace plan", []string{"peace", "plan"}},
		{"Putin as he left", []string{"putin", "left"}},
		{"Zelensky’s plan, Zelensky's plan", []string{"zelensky", "plan"}},
		{"Adams-Sarthou", []string{"adams", "sarthou"}},
		{"a b 7 x", []string{"7"}},
		{"Kyiv's 'war' — \"now\"", []string{"kyiv", "war"}},
		{"Ukrainians' reaction", []string{"ukrainians"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := Words(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIntentString(t *testing.T) {
	if Statements.String() != "statements" || Passages.String() != "passages" {
		t.Errorf("got %q and %q", Statements, Passages)
	}
}

// FuzzParse checks that Parse never panics and that the speaker and topic
// are taken from the question as written.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"What did Blinken say about Bucha?", "Blinken's comments on", "quotes from", "what did  ’s say", "on on on", "\xff\xfe what did X say"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := Parse(s)
		flat := strings.Join(strings.Fields(q.Text), " ")
		if q.Intent == Statements && (q.Speaker == "" || !strings.Contains(flat, q.Speaker) || !strings.Contains(flat, q.Topic)) {
			t.Errorf("Parse(%q) = speaker %q topic %q, not in the question", s, q.Speaker, q.Topic)
		}
		if q.Intent == Passages && (q.Speaker != "" || q.Topic != "") {
			t.Errorf("Parse(%q) = passages with speaker %q topic %q", s, q.Speaker, q.Topic)
		}
	})
}

// TestCueWords: a question that a pattern for someone's words matches
// holds one of the words that let it be tried, and a question for
// passages holds none of them, so it skips the patterns.
func TestCueWords(t *testing.T) {
	asking := []string{
		"What did Blinken have to say about China", "did Zelensky weigh in on the plan", "What has Blinken said on Bucha?",
		"How did the Kremlin respond to the sanctions?", "Kishida's comments on Bucha", "any remarks from the Pentagon about it",
		"Did Xi mention Taiwan?", "what Putin told reporters", "What is Biden's latest position on tariffs?",
		"Has the Washington Post said anything about it?", "what were Lula's first words after the vote",
	}
	for _, q := range asking {
		body := stripRequest(normalize(q))
		matched := false
		for _, p := range append(append([]pattern{}, strictPatterns...), loosePatterns...) {
			matched = matched || p.re.MatchString(body)
		}
		if !matched {
			t.Errorf("%q: no pattern matches it; the test wants questions they match", q)
		}
		if !hasCue(body) {
			t.Errorf("%q: a pattern matches it, but it holds no cue word", q)
		}
	}
	for _, q := range []string{"What's the latest on Ukraine Finland apply NATO?", "Why is Boeing's problems China in the news?"} {
		if body := stripRequest(normalize(q)); hasCue(body) {
			t.Errorf("%q holds a cue word; want none", q)
		}
	}
}
