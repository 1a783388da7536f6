// Package quote finds who said what in an article: direct, indirect and
// mixed quotations with their speakers, cue verbs and offsets.
package quote

// Kind says how a statement is reported.
type Kind string

// The kinds of statement.
const (
	Direct   Kind = "direct"   // the speaker's exact words, in quotation marks
	Indirect Kind = "indirect" // reported speech: X said (that) …
	Mixed    Kind = "mixed"    // reported speech holding a quoted fragment
)

// Reported reports whether the words are the writer's report of what was
// said (indirect or mixed), not the speaker's own words throughout.
func (k Kind) Reported() bool { return k == Indirect || k == Mixed }

// Quote is one statement attributed to a speaker in an article.
type Quote struct {
	// Speaker is the speaker as the text names them at their fullest
	// ("US Secretary of State Antony Blinken").
	Speaker string
	// Name is the canonical person or institution ("Antony Blinken", "White House").
	Name string
	// Role is the title or role the article gives the speaker ("US Secretary of State").
	Role string
	// Aliases are other ways the article names the speaker ("Blinken").
	Aliases []string
	Kind    Kind
	Cue     string // the reporting verb as written ("said", "told")
	// Text is the quoted or reported words: exactly the article's text from
	// Start to End (a quote running over several paragraphs keeps the breaks).
	Text string
	// Sentence is the sentence(s) the statement stands in, verbatim.
	Sentence string
	// Paragraph is the index of the paragraph where Text starts.
	Paragraph int
	// Start and End are rune offsets of Text within the article text.
	Start, End int
	// Rule names the pattern that found the statement (for debugging and docs).
	Rule string
}
