package quote

import "strings"

// Naming says how plainly a statement's own sentence names its speaker.
type Naming int

// How a statement's sentence names its speaker.
const (
	NamedNot  Naming = iota // "he said", "the senator said", or a quotation continued from before
	NamedPart               // a surname, a given name or a title: "Kishida said", "Mr. Trump said"
	NamedFull               // the full name: "Fumio Kishida said", "the White House said"
)

// NamingOf reports how plainly q's sentence names q's speaker. Statements
// named in full are the surest: a ranker may put them first.
func NamingOf(q Quote) Naming {
	outside := q.Sentence
	if i := strings.Index(outside, q.Text); i >= 0 && q.Text != "" {
		outside = outside[:i] + " " + outside[i+len(q.Text):]
	}
	if q.Name != "" && strings.Contains(outside, q.Name) {
		return NamedFull
	}
	for _, a := range q.Aliases {
		if a != "" && strings.Contains(outside, a) {
			return NamedPart
		}
	}
	return NamedNot
}
