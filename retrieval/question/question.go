// Package question understands a question put to coveragebot: whether the
// asker wants someone's own words ("what did Blinken say about Bucha?") or
// passages of the coverage, who is asked about, as written, and what about.
//
// Parse only reads the words of the question; it does not know who is in the
// coverage. The answerer checks whether Speaker names someone known and falls
// back to passages (searching Terms) when it does not.
package question

import (
	"strings"
	"unicode"
)

// Intent is what the asker wants back.
type Intent int

// The intents.
const (
	// Passages: relevant passages of the coverage (any question that does
	// not ask for someone's words).
	Passages Intent = iota
	// Statements: the words of Speaker, on Topic when one is given.
	Statements
)

// String returns "passages" or "statements".
func (i Intent) String() string {
	if i == Statements {
		return "statements"
	}
	return "passages"
}

// Question is a question as understood.
type Question struct {
	// Text is the question as asked, trimmed.
	Text string
	// Speaker is the person, institution or role asked about, as written
	// ("Blinken", "blinkin", "Japan's prime minister", "the White House").
	// It is empty when Intent is Passages.
	Speaker string
	// Topic is what the statements should be about, as written ("Bucha",
	// "the peace plan", "Putin as he left"); empty when none is given.
	Topic  string
	Intent Intent
	// Terms are the content words of the whole question, lowercased, with
	// question words, stop words and the words that ask for statements
	// ("say", "comments", "quotes") removed: what a passage search looks
	// for. They include the speaker's name, so a fallback to passages still
	// searches for it; Words(q.Topic) gives the topic's words alone.
	Terms []string
}

// Parse understands q. It never fails: a question it cannot read as a
// request for someone's words is a request for passages.
func Parse(q string) Question {
	text := strings.TrimSpace(q)
	out := Question{Text: text, Intent: Passages, Terms: Words(text)}
	body := stripRequest(normalize(text))
	if body == "" {
		return out
	}
	speaker, topic, ok := matchStatements(body)
	if !ok {
		return out
	}
	speaker = trimEdges(speaker)
	if !plausibleSpeaker(speaker) {
		return out
	}
	out.Intent = Statements
	out.Speaker = speaker
	out.Topic = trimEdges(topic)
	return out
}

// normalize collapses white space and drops the punctuation that closes a
// question, so that patterns can be anchored at both ends.
func normalize(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimRightFunc(s, func(r rune) bool {
		return r == '?' || r == '!' || r == '.' || r == '…' || r == ',' || r == ';' || r == ':' || unicode.IsSpace(r)
	})
}

// trimEdges removes spaces, quotation marks and stray punctuation around a
// speaker or topic, keeping what lies inside as written.
func trimEdges(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		switch r {
		case '"', '\'', '“', '”', '‘', '’', '«', '»', ',', ';', ':', '?', '!', '.', '…':
			return true
		}
		return unicode.IsSpace(r)
	})
}

// plausibleSpeaker rejects what cannot name a speaker the coverage could
// know: pronouns, "people", the article itself, and phrases that come from
// misreading a clause ("happened after Trump").
func plausibleSpeaker(s string) bool {
	fields := strings.Fields(s)
	if len(fields) == 0 || len(fields) > maxSpeakerWords {
		return false
	}
	l := strings.ToLower(strings.Join(fields, " "))
	if !isAcronym(fields[len(fields)-1]) { // "the US", "the WHO" are speakers
		for _, prefix := range []string{"", "the ", "this ", "that ", "these ", "those ", "a ", "an "} {
			rest, ok := strings.CutPrefix(l, prefix)
			if !ok {
				continue
			}
			// A bare capitalised "Media" or "News" is a name; "the media",
			// "media" and "the Report" are not.
			if notSpeakers[rest] || documents[rest] && (prefix != "" || !capitalised(fields[0])) {
				return false
			}
		}
	}
	for _, f := range fields {
		if clauseWords[strings.ToLower(f)] && !isAcronym(f) {
			return false
		}
	}
	return true
}

// maxSpeakerWords bounds a speaker phrase ("the Ukrainian deputy prime
// minister of Ukraine" is eight words).
const maxSpeakerWords = 8

// notSpeakers are words in the speaker's place that name nobody the
// coverage could quote.
var notSpeakers = setOf(
	"he", "she", "they", "it", "we", "you", "i", "him", "her", "them", "us", "me",
	"people", "everyone", "everybody", "anyone", "anybody", "someone", "somebody",
	"nobody", "no one", "others", "other people", "being", "this", "that", "these",
	"those", "there", "all", "many", "most", "some", "both", "each", "one",
	"latest", "update", "updates", "anything", "something", "more", "info",
	"information", "details", "what", "who",
)

// documents are what a question may ask to "say" without being a speaker:
// "what did the report say?" asks for passages.
var documents = setOf(
	"article", "articles", "report", "reports", "story", "stories", "news",
	"coverage", "media", "press", "papers", "paper", "piece", "headline",
	"headlines", "source", "sources", "text", "document", "documents",
)

// clauseWords cannot stand in a speaker's name: a speaker holding one was
// read from a clause ("what happened when X said ..."). Acronyms are
// exempt (the WHO).
var clauseWords = setOf(
	"what", "who", "whom", "whose", "when", "where", "why", "how", "which",
	"did", "does", "has", "have", "had", "is", "are", "was", "were", "been",
	"being", "else", "exactly", "happened", "about", "regarding",
)

// capitalised reports whether w opens with a capital letter.
func capitalised(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// isAcronym reports whether w is written in capitals, as "WHO" or "US".
func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}
