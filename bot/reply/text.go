package reply

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Ellipsis marks text left out.
const Ellipsis = "…"

// Escape returns s with Discord markdown neutralised, so that it shows as
// written: emphasis, code, spoilers, links, mentions and timestamps
// (<…>), and headings, quotes and lists at the start of a line. Mentions
// are not what stops pings; allowed_mentions does that.
func Escape(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/16)
	lineStart := true
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n':
			lineStart = true
			b.WriteRune(r)
			i += size
			continue
		case lineStart && (r == ' ' || r == '\t'):
			b.WriteRune(r)
			i += size
			continue
		case lineStart && strings.ContainsRune("#>-+", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		case lineStart && r >= '0' && r <= '9':
			// "1. " at the start of a line would become a numbered list.
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			b.WriteString(s[i:j])
			if j+1 < len(s) && s[j] == '.' && (s[j+1] == ' ' || s[j+1] == '\t') {
				b.WriteString(`\.`)
				j++
			}
			i = j
			lineStart = false
			continue
		case strings.ContainsRune("\\*_~`|<>[]", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
		lineStart = false
		i += size
	}
	return b.String()
}

// BlockQuote renders already escaped text as a Discord block quote.
func BlockQuote(escaped string) string {
	lines := strings.Split(strings.TrimRight(escaped, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "> " + l
	}
	return strings.Join(lines, "\n")
}

// Fit renders raw with render and returns the result if it holds at most
// max runes. Otherwise it cuts raw after its last sentence that still fits
// once rendered with a trailing "…" (after a word when no sentence fits,
// inside a word only when a single word is too long) and reports cut. It
// returns "" when not even "…" fits.
func Fit(raw string, max int, render func(string) string) (out string, cut bool) {
	if s := render(raw); runes(s) <= max {
		return s, false
	}
	fits := func(i int) bool { return runes(render(trimEnd(raw[:i])+Ellipsis)) <= max }
	for _, ends := range [][]int{sentenceEnds(raw), wordEnds(raw), runeEnds(raw)} {
		// Rendered length grows with the prefix: find the longest that fits.
		k := sort.Search(len(ends), func(k int) bool { return !fits(ends[k]) })
		if k > 0 && trimEnd(raw[:ends[k-1]]) != "" {
			return render(trimEnd(raw[:ends[k-1]]) + Ellipsis), true
		}
	}
	if s := render(Ellipsis); runes(s) <= max {
		return s, true
	}
	return "", true
}

// Cut shortens plain (not yet escaped) text to at most max runes at a
// sentence, as Fit does, and escapes it.
func Cut(raw string, max int) string {
	s, _ := Fit(raw, max, Escape)
	return s
}

// CutWords shortens text to max runes at a word with "…", without escaping:
// for text the bot writes itself.
func CutWords(s string, max int) string {
	if runes(s) <= max {
		return s
	}
	for _, ends := range [][]int{wordEnds(s), runeEnds(s)} {
		k := sort.Search(len(ends), func(k int) bool { return runes(trimEnd(s[:ends[k]]))+1 > max })
		if k > 0 && trimEnd(s[:ends[k-1]]) != "" {
			return trimEnd(s[:ends[k-1]]) + Ellipsis
		}
	}
	return Ellipsis
}

func trimEnd(s string) string { return strings.TrimRightFunc(s, unicode.IsSpace) }

// sentenceEnds are the byte offsets just after each sentence of s (its
// closing punctuation and quotation marks), in increasing order.
func sentenceEnds(s string) []int {
	var ends []int
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if !strings.ContainsRune(".!?…", r) {
			continue
		}
		j := i
		for j < len(s) {
			c, n := utf8.DecodeRuneInString(s[j:])
			if !strings.ContainsRune(`"'”’»)]`, c) {
				break
			}
			j += n
		}
		if j == len(s) {
			ends = append(ends, j)
			break
		}
		next, _ := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsSpace(next) || (r == '.' && abbreviation(s[:i-size])) {
			continue
		}
		ends = append(ends, j)
	}
	return ends
}

// abbreviation reports whether the word before a full stop looks like an
// abbreviation ("Mr", "U.S", "Jan") rather than the end of a sentence.
func abbreviation(before string) bool {
	k := strings.LastIndexFunc(before, unicode.IsSpace)
	w := before[k+1:]
	switch {
	case w == "":
		return false
	case runes(w) == 1 && unicode.IsUpper([]rune(w)[0]):
		return true // an initial: "George W. Bush"
	case strings.Contains(w, "."):
		return true // "U.S", "a.m"
	}
	switch strings.ToLower(strings.TrimLeft(w, `"'“‘(`)) {
	case "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "prof", "jr", "sr",
		"jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "no", "vs", "inc", "corp", "co", "ltd":
		return true
	}
	return false
}

// wordEnds are the byte offsets where a word of s ends (before a space).
func wordEnds(s string) []int {
	var ends []int
	prevSpace := true
	for i, r := range s {
		sp := unicode.IsSpace(r)
		if sp && !prevSpace {
			ends = append(ends, i)
		}
		prevSpace = sp
	}
	if !prevSpace {
		ends = append(ends, len(s))
	}
	return ends
}

// runeEnds are the byte offsets after each rune of s.
func runeEnds(s string) []int {
	ends := make([]int, 0, len(s))
	for i, r := range s {
		ends = append(ends, i+utf8.RuneLen(r))
	}
	return ends
}
