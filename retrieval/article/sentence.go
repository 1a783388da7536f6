package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a sentence's byte range within its paragraph.
type span struct{ start, end int }

// splitSentences appends to out the sentences of paragraph p (trimmed, no
// newline inside). A sentence ends at '.', '?', '!' or an ellipsis, with any
// closing quotes and brackets after it, when whitespace and the start of a
// new sentence (a capital, a digit, an opening quote or bracket, a currency
// sign) follow. A single period after an abbreviation (Mr., Gen., Jan.,
// U.S., a.m., an initial "J.") ends a sentence only when the next word is
// one that usually starts one ("The", "He", "But", …). Decimals ($15.6) and
// "e.g.," have no space after the period and never split.
func splitSentences(p string, out []span) []span {
	start, n := 0, len(p)
	for i := 0; i < n; {
		c := p[i]
		if c != '.' && c != '?' && c != '!' && !isEllipsis(p, i) {
			i++
			continue
		}
		j, dots, other := i, 0, false
		for j < n {
			switch {
			case p[j] == '.':
				dots++
				j++
				continue
			case p[j] == '?' || p[j] == '!':
				other = true
				j++
				continue
			case isEllipsis(p, j):
				other = true
				j += 3
				continue
			}
			break
		}
		for j < n {
			l := closerLen(p, j)
			if l == 0 {
				break
			}
			j += l
		}
		k := j
		for k < n {
			l := spaceLen(p, k)
			if l == 0 {
				break
			}
			k += l
		}
		switch {
		case k == j: // no space after: "$15.6", "U.S.-led", "now.”He"
			i = j
			continue
		case k == n:
			i = n
			continue
		case !opensSentence(p, k):
			i = j
			continue
		case dots == 1 && !other && !periodEnds(p, start, i, k):
			i = j
			continue
		}
		out = append(out, span{start, j})
		start, i = k, k
	}
	if start < n {
		out = append(out, span{start, n})
	}
	return out
}

// isEllipsis tells whether p[i:] starts with "…" (U+2026).
func isEllipsis(p string, i int) bool {
	return i+2 < len(p) && p[i] == 0xE2 && p[i+1] == 0x80 && p[i+2] == 0xA6
}

// closerLen is the byte length of a closing quote or bracket at p[i], or 0.
func closerLen(p string, i int) int {
	switch p[i] {
	case '"', '\'', ')', ']':
		return 1
	case 0xE2: // ’ ” › (U+2019, U+201D, U+203A)
		if i+2 < len(p) && (p[i+1] == 0x80 && (p[i+2] == 0x99 || p[i+2] == 0x9D || p[i+2] == 0xBA)) {
			return 3
		}
	case 0xC2: // » (U+00BB)
		if i+1 < len(p) && p[i+1] == 0xBB {
			return 2
		}
	}
	return 0
}

// spaceLen is the byte length of a whitespace rune at p[i], or 0.
func spaceLen(p string, i int) int {
	c := p[i]
	if c < utf8.RuneSelf {
		if c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' {
			return 1
		}
		return 0
	}
	r, l := utf8.DecodeRuneInString(p[i:])
	if unicode.IsSpace(r) {
		return l
	}
	return 0
}

// opensSentence tells whether a sentence may start at p[k].
func opensSentence(p string, k int) bool {
	c := p[k]
	if c < utf8.RuneSelf {
		return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '"' || c == '\'' || c == '(' || c == '[' || c == '$'
	}
	r, _ := utf8.DecodeRuneInString(p[k:])
	switch r {
	case '“', '‘', '«', '¿', '¡', '£', '€', '¥':
		return true
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r) || unicode.IsDigit(r)
}

// periodEnds decides whether the single period at p[i], followed by
// whitespace and a sentence opener at p[k], ends the sentence begun at
// p[start]: it does unless the word before it is an abbreviation or an
// initial, in which case it does only when the next word usually starts a
// sentence.
func periodEnds(p string, start, i, k int) bool {
	word := wordBefore(p, start, i)
	if word == "" {
		return true
	}
	abbrev := abbreviations[word]
	if !abbrev {
		r, size := utf8.DecodeRuneInString(word)
		abbrev = size == len(word) && unicode.IsUpper(r) // an initial: "J."
	}
	if !abbrev {
		for x := 0; x < len(word); x++ {
			if word[x] == '.' {
				abbrev = true // dotted: "U.S", "a.m", "D.C", "Ph.D"
				break
			}
		}
	}
	if !abbrev {
		return true
	}
	return sentenceStarters[nextWord(p, k)]
}

// wordBefore returns the run of letters, periods and apostrophes that ends
// at p[i] (not before p[start]): "Gov" in "More:Gov.", "U.S" in "(U.S.".
func wordBefore(p string, start, i int) string {
	w := i
	for w > start {
		c := p[w-1]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '.' || c == '\'' {
				w--
				continue
			}
			break
		}
		r, l := utf8.DecodeLastRuneInString(p[start:w])
		if !unicode.IsLetter(r) {
			break
		}
		w -= l
	}
	return strings.TrimLeft(p[w:i], ".'")
}

// trimOpeners drops opening quotes and brackets from the front of a word.
func trimOpeners(w string) string {
	for w != "" {
		switch {
		case w[0] == '"' || w[0] == '\'' || w[0] == '(' || w[0] == '[':
			w = w[1:]
		case len(w) >= 3 && w[0] == 0xE2 && w[1] == 0x80 && (w[2] == 0x9C || w[2] == 0x98):
			w = w[3:] // “ ‘
		default:
			return w
		}
	}
	return w
}

// nextWord returns the letters of the word at p[k], after an opening quote.
func nextWord(p string, k int) string {
	k += len(p[k:]) - len(trimOpeners(p[k:]))
	e := k
	for e < len(p) {
		c := p[e]
		if c < utf8.RuneSelf {
			if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
				break
			}
			e++
			continue
		}
		r, l := utf8.DecodeRuneInString(p[e:])
		if !unicode.IsLetter(r) {
			break
		}
		e += l
	}
	return p[k:e]
}

// abbreviations are words commonly written with a period that does not end
// the sentence (titles, months, "No.", company suffixes…).
var abbreviations = setOf(
	"Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Gen", "Gens", "Sen", "Sens", "Rep", "Reps",
	"Gov", "Govs", "Lt", "Col", "Sgt", "Capt", "Cmdr", "Cmdt", "Adm", "Maj", "Brig", "Cpl", "Pvt", "Pfc",
	"Rev", "Hon", "Pres", "Supt", "Det", "Insp", "Atty", "Amb", "Sec", "Secs", "Gov", "Fr", "Msgr",
	"St", "Ste", "Mt", "Ft", "Ave", "Blvd", "Rd", "Sq", "Hwy",
	"Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "Bros", "Plc", "Cos", "Dept", "Univ", "Assn", "Gov't",
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
	"Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
	"No", "Nos", "Avg", "Vol", "Vols", "Fig", "Figs", "p", "pp", "vs", "v", "etc", "approx", "ca", "cf", "al",
	"Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky",
	"La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn",
	"Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
)

// StartsSentence reports whether w, capitalised after an abbreviation
// ("… in the U.S. The FBI …"), most likely opens a new sentence.
func StartsSentence(w string) bool { return sentenceStarters[w] }

// sentenceStarters are words that, capitalised after an abbreviation, make
// it likely that the abbreviation also ended the sentence ("… in the U.S.
// The …"), unlike names ("U.S. President", "Gen. Patrick Ryder").
var sentenceStarters = setOf(
	"The", "He", "She", "It", "They", "We", "You", "His", "Her", "Its", "Their", "Our", "My", "Your",
	"This", "That", "These", "Those", "There", "Then", "Here", "But", "And", "Or", "So", "Yet", "Nor",
	"In", "On", "At", "For", "After", "Before", "When", "While", "If", "As", "Since", "Although",
	"Though", "However", "Meanwhile", "Still", "Some", "Many", "Most", "Now", "What", "Why", "How",
	"Who", "Where", "Which", "Both", "Each", "All", "Not", "Last", "Next", "Another", "Such", "Also",
	"During", "Under", "Over", "From", "With", "Without", "By", "To", "Despite", "According",
	"Earlier", "Later", "Instead", "Officials", "Asked", "Even", "Only", "Once", "Because", "Other",
	"Several", "Few", "More", "Both", "Among", "Until", "Every", "Any", "No",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
