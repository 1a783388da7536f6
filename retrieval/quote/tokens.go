package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind classifies a token.
type tokKind uint8

const (
	tWord  tokKind = iota // a word, number or abbreviation ("U.S.", "Xi’s", "’90s")
	tPunct                // one punctuation rune
	tOpen                 // an opening quotation mark
	tClose                // a closing quotation mark
)

// token is one word, punctuation rune or quotation mark of an article.
type token struct {
	text   string // verbatim
	low    string // lower case, curly apostrophes straightened (words only)
	bs, be int    // byte offsets in the article text
	rs, re int    // rune offsets in the article text
	para   int    // index of the paragraph in Article.Paragraphs
	kind   tokKind
	single bool // quotation mark is a single one (‘ ’ ')
	cap    bool // word starts with an upper-case letter
	span   int  // index of the quotation span the token lies in, -1 outside
}

// isOpenContext reports whether a quotation mark after r opens a quotation.
func isOpenContext(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\u00a0', '(', '[', '{', '—', '–', '-', '/', '“', '‘', ':', 0:
		return true
	}
	return unicode.IsSpace(r)
}

// abbreviations keep their full stop ("Mr.", "Sen.").
var abbreviations = set(`mr mrs ms dr sen sens reps rep gov lt gen col maj capt adm sgt prof rev jr sr st mt
	jan feb aug sept sep oct nov dec inc corp co ltd vs no gov't messrs brig cmdr supt ft
	ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb
	nev okla ore pa penn tenn tex va vt wash wis wisc wyo`)

// tokenizer turns paragraphs into tokens, tracking byte and rune offsets.
type tokenizer struct {
	toks []token
}

// add tokenizes text, which starts at byte offset b0 and rune offset r0 of
// the article, as paragraph para.
func (t *tokenizer) add(text string, b0, r0, para int) {
	i, r := 0, r0 // byte index in text, rune offset
	prev := rune(0)
	for i < len(text) {
		c, w := utf8.DecodeRuneInString(text[i:])
		next, nw := rune(0), 0
		if i+w < len(text) {
			next, nw = utf8.DecodeRuneInString(text[i+w:])
		}
		switch {
		case unicode.IsSpace(c):
			i, r, prev = i+w, r+1, c
			continue
		case unicode.Is(unicode.Cf, c):
			// invisible formatting (a bidi mark before a quotation mark,
			// a zero-width space): skipped, as if it were not there
			i, r = i+w, r+1
			continue
		case c == '&' && unicode.IsSpace(prev) && next == ' ' && t.capitalBefore(para) && unicode.IsUpper(firstLetter(text[i+w+1:])):
			// "Procter & Gamble", "Pacific Gas & Electric": the ampersand
			// joins the words of one name
			t.toks = append(t.toks, token{text: "&", low: "&", bs: b0 + i, be: b0 + i + w, rs: r, re: r + 1,
				para: para, kind: tWord, cap: true, span: -1})
			i, r, prev = i+w, r+1, c
			continue
		case isWordStart(c, next, prev):
			j, n := scanWord(text, i)
			w := text[i:j]
			t.toks = append(t.toks, token{text: w, low: wordLow(w), bs: b0 + i, be: b0 + j, rs: r, re: r + n,
				para: para, kind: tWord, cap: capitalised(w), span: -1})
			last, _ := utf8.DecodeLastRuneInString(text[:j])
			i, r, prev = j, r+n, last
			continue
		}
		kind, single := tPunct, false
		width, runes := w, 1
		switch c {
		case '“':
			kind = tOpen
			if !isOpenContext(prev) && (next == 0 || unicode.IsSpace(next)) {
				// a typo'd closing mark: “It's unusual,“ said …
				kind = tClose
			}
		case '„', '«':
			kind = tOpen
		case '»':
			kind = tClose
		case '”':
			kind = tClose
			if isOpenContext(prev) && (unicode.IsLetter(next) || unicode.IsDigit(next)) {
				kind = tOpen
			}
		case '"':
			kind = quoteDirection(prev, next)
		case '‘':
			kind, single = tOpen, true
		case '’', '\'', '`':
			if c == '\'' && next == '\'' { // '' is a double quotation mark
				after := rune(0)
				if i+w+nw < len(text) {
					after, _ = utf8.DecodeRuneInString(text[i+w+nw:])
				}
				kind, width, runes = quoteDirection(prev, after), w+nw, 2
				if after == '\'' && kind == tClose {
					// ,''' closes a nested single quotation, then the double one
					kind, width, runes, single = tClose, w, 1, true
				}
				break
			}
			single = true
			kind = tClose
			if isOpenContext(prev) && (unicode.IsLetter(next) || unicode.IsDigit(next) || next == '“' || next == '"') {
				kind = tOpen
			}
		}
		t.toks = append(t.toks, token{text: text[i : i+width], bs: b0 + i, be: b0 + i + width, rs: r, re: r + runes,
			para: para, kind: kind, single: single, span: -1})
		i, r, prev = i+width, r+runes, c
		if runes == 2 {
			prev = '\''
		}
	}
}

// capitalised reports whether word w starts with a capital, or is a
// name with a lower-case particle joined to it: "al-Sheikh", "el-Sisi".
func capitalised(w string) bool {
	if unicode.IsUpper(firstLetter(w)) {
		return true
	}
	particle, rest, ok := strings.Cut(w, "-")
	r, _ := utf8.DecodeRuneInString(rest)
	return ok && hyphenParticles[particle] && unicode.IsUpper(r)
}

// hyphenParticles join an Arabic name's next word with a hyphen.
var hyphenParticles = set("al el ad ash as at an ar az bin ibn abu abd")

// capitalBefore reports whether the last token is a capitalised word of
// paragraph para, not one in capitals ("SUBSCRIBE & SAVE" is a button).
func (t *tokenizer) capitalBefore(para int) bool {
	n := len(t.toks)
	if n == 0 {
		return false
	}
	tk := &t.toks[n-1]
	return tk.kind == tWord && tk.cap && tk.para == para && (len(tk.text) < 2 || strings.ToUpper(tk.text) != tk.text)
}

// quoteDirection decides whether a straight quotation mark between prev and
// next opens or closes.
func quoteDirection(prev, next rune) tokKind {
	if isOpenContext(prev) && next != 0 && !unicode.IsSpace(next) {
		return tOpen
	}
	return tClose
}

func firstLetter(s string) rune {
	for _, c := range s {
		if unicode.IsLetter(c) {
			return c
		}
	}
	return 0
}

// isWordStart reports whether c starts a word: a letter or digit, or an
// apostrophe eliding a number ("’90s") or a handle or tag ("@potus", "#MAGA").
func isWordStart(c, next, prev rune) bool {
	if unicode.IsLetter(c) || unicode.IsDigit(c) {
		return true
	}
	switch c {
	case '’', '\'', '‘':
		return unicode.IsDigit(next) && !unicode.IsLetter(prev) && !unicode.IsDigit(prev)
	case '@', '#', '$':
		return unicode.IsLetter(next) || unicode.IsDigit(next)
	}
	return false
}

// singleOpened reports whether text holds a single quotation mark that
// the closing mark c may close: "‘" for "’", an apostrophe opening a word
// for "'".
func singleOpened(text string, c rune) bool {
	if c == '’' {
		return strings.ContainsRune(text, '‘')
	}
	for k := strings.IndexByte(text, '\''); k >= 0; k = strings.IndexByte(text, '\'') {
		if before, _ := utf8.DecodeLastRuneInString(text[:k]); k == 0 || isOpenContext(before) {
			return true
		}
		text = text[k+1:]
	}
	return false
}

// scanWord returns the end of the word starting at byte i and its length in runes.
func scanWord(text string, i int) (int, int) {
	j, n := i, 0
	prev := rune(0)
	hasDot, sinceDot := false, 0
	for j < len(text) {
		if b := text[j]; b < utf8.RuneSelf && (j == i || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9') {
			j, n, prev, sinceDot = j+1, n+1, rune(b), sinceDot+1 // ASCII letters and digits, the most of any text
			continue
		}
		c, w := utf8.DecodeRuneInString(text[j:])
		if j == i || unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.Is(unicode.Mn, c) {
			j, n, prev, sinceDot = j+w, n+1, c, sinceDot+1
			continue
		}
		next := rune(0)
		if j+w < len(text) {
			next, _ = utf8.DecodeRuneInString(text[j+w:])
		}
		inner := false
		switch c {
		case '’', '\'':
			switch {
			case unicode.IsLetter(next):
				inner = unicode.IsLetter(prev) || unicode.IsDigit(prev)
			case (prev == 's' || prev == 'S') && next == ' ':
				// plural possessive before a lower-case word: "countries’
				// relations"; before a capital or a title in quotation marks
				// when no single quotation opened before it: "campus’
				// Science Center Plaza", "CBS’ “Face the Nation”"
				f, _ := utf8.DecodeRuneInString(text[j+w+1:])
				inner = unicode.IsLower(f) || (unicode.IsUpper(f) || f == '“') && !singleOpened(text[:i], c)
			}
		case '-', '‐', '&':
			inner = unicode.IsLetter(next) || unicode.IsDigit(next)
		case '.':
			inner = unicode.IsLetter(prev) && unicode.IsLetter(next) && sinceDot <= 2 ||
				unicode.IsDigit(prev) && unicode.IsDigit(next)
			if inner && unicode.IsLetter(prev) {
				hasDot, sinceDot = true, -1
			}
		case ',':
			inner = unicode.IsDigit(prev) && unicode.IsDigit(next)
		}
		if !inner {
			break
		}
		if c == '-' || c == '‐' {
			sinceDot = -1 // "D-N.Y."
		}
		j, n, prev, sinceDot = j+w, n+1, c, sinceDot+1
	}
	// keep the full stop of abbreviations and initials: "Mr.", "U.S.", "H."
	if j < len(text) && text[j] == '.' {
		word := text[i:j]
		if h := strings.LastIndexByte(word, '-'); h >= 0 {
			word = word[h+1:] // "R-Calif."
		}
		if hasDot || abbreviations[strings.ToLower(word)] || (n == 1 && unicode.IsUpper(prev)) {
			j, n = j+1, n+1
			for _, suf := range titleSuffixes {
				if after, _ := utf8.DecodeRuneInString(text[min(j+len(suf), len(text)):]); strings.HasPrefix(text[j:], suf) && !unicode.IsLetter(after) {
					j, n = j+len(suf), n+len(suf) // "Rep.-elect"
				}
			}
		}
	}
	return j, n
}

// titleSuffixes make a title one still to be taken up: "Rep.-elect",
// "President-designate".
var titleSuffixes = []string{"-elect", "-designate"}

// wordLow is the lower-case form of word w the rules read: a title with a
// suffix of titleSuffixes reads as the title ("Rep.-elect" as "rep."), so
// that it stands before a name as the title does.
func wordLow(w string) string {
	low := fold(w)
	for _, suf := range titleSuffixes {
		if base, ok := strings.CutSuffix(low, suf); ok && titleWords[strings.TrimSuffix(base, ".")] {
			return base
		}
	}
	return low
}
