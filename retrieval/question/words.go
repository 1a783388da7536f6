package question

import (
	"strings"
	"unicode"
)

// Words returns the content words of s for a search: lowercased, curly
// apostrophes made straight, possessive "'s" dropped, split at anything but
// letters, digits and inner apostrophes, without stop words, question
// words and the words that ask for statements, each once in order of first
// appearance. A word written in capitals ("US", "WHO", "IT") is an acronym
// and kept even when it spells a stop word.
func Words(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, tok := range tokens(s) {
		w := strings.ToLower(tok)
		if !isAcronym(tok) && IsStopWord(w) {
			continue
		}
		if r := []rune(w); len(r) == 1 && !unicode.IsDigit(r[0]) {
			continue
		}
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// IsStopWord reports whether the lowercase word w carries nothing to search
// for in a question: a function word, a question word, or a word that asks
// for statements ("say", "comments", "quotes").
func IsStopWord(w string) bool {
	return stopWords[w]
}

// tokens splits s into words: runs of letters and digits, joined by inner
// apostrophes ("O’Connor" is one word), with curly apostrophes made
// straight and a possessive "'s" or trailing apostrophe removed.
func tokens(s string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		t := strings.TrimRight(b.String(), "'")
		t = strings.TrimSuffix(t, "'s")
		t = strings.TrimSuffix(t, "'S")
		t = strings.Trim(t, "'")
		if t != "" {
			out = append(out, t)
		}
		b.Reset()
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			b.WriteRune(r)
		case (r == '\'' || r == '’') && b.Len() > 0:
			b.WriteByte('\'')
		default:
			flush()
		}
	}
	flush()
	return out
}

var stopWords = setOf(
	// function words
	"a", "an", "the", "and", "or", "but", "if", "nor", "so", "yet", "of", "at", "by", "for",
	"with", "about", "against", "between", "into", "through", "during", "before", "after",
	"above", "below", "to", "from", "up", "down", "in", "out", "on", "off", "over", "under",
	"again", "further", "then", "once", "here", "there", "all", "any", "both", "each", "few",
	"more", "most", "other", "some", "such", "no", "not", "only", "own", "same", "than", "too",
	"very", "can", "will", "just", "should", "would", "could", "might", "must", "shall", "may",
	"now", "also", "as", "i", "me", "my", "we", "our", "us", "you", "your", "he", "him", "his",
	"she", "her", "it", "its", "they", "them", "their", "this", "that", "these", "those", "am",
	"is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having", "do",
	"does", "did", "doing", "don't", "didn't", "doesn't", "isn't", "wasn't", "hasn't",
	"haven't", "what's", "who's", "it's", "i'm", "regarding", "concerning", "re", "toward",
	"towards", "around", "ever", "already", "even", "really", "actually", "much", "many",
	// question words
	"what", "which", "who", "whom", "whose", "when", "where", "why", "how", "else", "exactly",
	// asking for statements or results
	"say", "says", "said", "saying", "tell", "tells", "told", "telling", "comment", "comments",
	"commented", "remark", "remarks", "quote", "quotes", "quoted", "statement", "statements",
	"reaction", "reactions", "respond", "responded", "response", "react", "reacted",
	"anything", "something", "please", "show", "give", "find", "know", "latest", "news",
	"happen", "happens", "happened", "happening", // "what happened with X?" asks about X
	"recent", "coverage", "mention", "mentioned", "speak", "spoke", "talk", "talked", "words",
	"thoughts", "views", "think", "thought", "anyone", "someone", "let", "get", "list",
)
