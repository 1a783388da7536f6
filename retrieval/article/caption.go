package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isCaption tells whether paragraph p, whose last sentence is last, is a
// photo caption or credit: it ends in a credit, either bare as its last
// "sentence" ("… in Kyiv on Tuesday. AFP - Getty Images", "… Aleksey
// Nikolskyi / Sputnik via AP", "REUTERS/Evgenia Novozhenina") or in
// brackets ("… (Photo: Reuters)", "(AP Photo/Evan Vucci)").
func isCaption(p, last string) bool {
	if isVideoTeaser(p) {
		return true
	}
	if strings.HasSuffix(p, ")") {
		if open := strings.LastIndexByte(p, '('); open >= 0 && isCredit(p[open+1:len(p)-1]) {
			return true
		}
	}
	if isCredit(last) {
		return true
	}
	return slashCreditTail(p)
}

// isVideoTeaser tells whether p announces a video of the page: "Video Ad
// Feedback Pelé dead at 82 04:20 - Source: CNN", a headline with its
// running time and source.
func isVideoTeaser(p string) bool {
	if strings.HasPrefix(p, "Video Ad Feedback ") {
		return true
	}
	const sep = " - Source: "
	i := strings.LastIndex(p, sep)
	if i < 0 {
		return false
	}
	if src := p[i+len(sep):]; len(src) > 30 || src == "" || !unicode.IsUpper(rune(src[0])) {
		return false // the source is a name: "CNN", "Reuters"
	}
	mins, secs, ok := strings.Cut(p[strings.LastIndexByte(p[:i], ' ')+1:i], ":")
	return ok && len(secs) == 2 && len(mins) >= 1 && len(mins) <= 2 && allDigits(mins) && allDigits(secs)
}

// allDigits tells whether s is made of ASCII digits alone.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// slashCreditTail tells whether p ends in a slashed credit run on from
// the caption with no full stop ("… in Moscow Natalia Kolesnikova/AFP/Getty
// Images"): a suffix of its last few words that holds a slash and is a credit.
func slashCreditTail(p string) bool {
	if strings.IndexByte(p[max(0, len(p)-160):], '/') < 0 {
		return false
	}
	tail := p
	for n := 0; n < 8; n++ {
		sp := strings.LastIndexFunc(strings.TrimRightFunc(tail, unicode.IsSpace), unicode.IsSpace)
		if sp < 0 {
			return false
		}
		tail = tail[:sp]
		suffix := p[sp+1:]
		if strings.Contains(suffix, "/") && isCredit(suffix) {
			return true
		}
	}
	return false
}

// maxCreditWords bounds the length of a credit.
const maxCreditWords = 12

// isCredit tells whether s is a photo credit: short, with no sentence
// punctuation at its end (one period is allowed), and either introduced by
// "Photo:", "Photograph:", "Photo by", "Credit:"…, or made of capitalised
// words (and "via", "for", "de"…) that name an agency at the end or before
// a slash ("… via AP", "Evan Vucci/AP", "AP Photo/…", "REUTERS/…").
func isCredit(s string) bool {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, ".")
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") && strings.Count(s, "(") == 1 {
		s = s[1 : len(s)-1]
	}
	if s == "" || len(s) > 160 {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(s); strings.ContainsRune(".!?\"”’'…:;,", r) {
		return false
	}
	for _, prefix := range creditPrefixes {
		if len(s) > len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
			return countWords(s, maxCreditWords+3) <= maxCreditWords+2
		}
	}
	// every word must be credit-like; most sentences fail at once
	words := 0
	for rest := s; rest != ""; {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		end := strings.IndexFunc(rest, unicode.IsSpace)
		if end < 0 {
			end = len(rest)
		}
		if end == 0 {
			break
		}
		words++
		if words > maxCreditWords || !creditWord(rest[:end]) {
			return false
		}
		rest = rest[end:]
	}
	lower := strings.ToLower(s)
	if strings.Contains(lower, "photo/") || strings.Contains(lower, "photos/") {
		return true
	}
	tokens := strings.FieldsFunc(lower, func(r rune) bool { return unicode.IsSpace(r) || r == '/' || r == '|' })
	n := len(tokens)
	if n == 0 {
		return false
	}
	if agencies[tokens[n-1]] || n >= 2 && agencies[tokens[n-2]+" "+tokens[n-1]] {
		return true
	}
	// an agency before a slash: "REUTERS/Name", "AFP/Name"
	for _, part := range strings.Split(lower, "/")[:strings.Count(lower, "/")] {
		f := strings.Fields(part)
		if len(f) > 0 && agencies[f[len(f)-1]] {
			return true
		}
	}
	return false
}

// countWords counts the words of s, stopping at max.
func countWords(s string, max int) int {
	n := 0
	in := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			if n++; n >= max {
				break
			}
		}
	}
	return n
}

// creditWord tells whether w may appear in a credit: capitalised, a number,
// a separator or a small connecting word.
func creditWord(w string) bool {
	w = strings.Trim(w, "()[],")
	if w == "" || strings.Contains(w, "/") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) || unicode.IsDigit(r) || !unicode.IsLetter(r) {
		return true
	}
	return creditConnectors[w]
}

// creditPrefixes introduce a credit (compared in lower case).
var creditPrefixes = []string{
	"photo:", "photos:", "photo by ", "photos by ", "photograph:", "photograph by ", "photography:",
	"image:", "images:", "image credit:", "photo credit:", "image by ", "credit:", "picture:", "pictures:", "file photo:", "video:",
}

// creditConnectors are the lower-case words a credit may hold.
var creditConnectors = setOf("via", "for", "and", "de", "del", "della", "da", "di", "do", "dos", "van",
	"von", "der", "den", "la", "le", "du", "y", "e", "of", "the", "al", "bin", "el", "photo", "file",
	"pool", "handout", "courtesy", "staff", "images", "by", "alliance", "stock")

// agencies are names (lower case, one or two words) that end a credit.
var agencies = setOf(
	"ap", "afp", "reuters", "getty", "getty images", "epa", "epa-efe", "efe", "sputnik", "xinhua", "tass",
	"ria novosti", "bloomberg", "shutterstock", "alamy", "anadolu", "anadolu agency", "nurphoto",
	"sopa images", "lightrocket", "pool", "kyodo", "yonhap", "ansa", "dpa", "picture alliance",
	"zuma", "zuma press", "zuma wire", "upi", "aap", "pa images", "pa wire", "cnp", "abaca",
	"sipa", "sipa usa", "redux", "imagn", "associated press", "handout", "corbis", "wireimage",
	"filmmagic", "polaris", "rex", "rex/shutterstock", "press association", "ukrinform", "unian",
	"the new york times", "the washington post", "nyt", "eyevine", "panos", "magnum", "kcna",
	"kremlin", "courtesy", "photo", "stock photo", "usa today", "usa today network", "imagn images", "ap photo", "afp photo",
)
