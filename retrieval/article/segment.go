package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Segment fills a.Paragraphs from a.Text: one paragraph a non-blank line
// (paragraphs are separated by blank lines or single newlines), trimmed,
// split into sentences, and marked Caption when it ends in a photo credit.
// Offsets are rune offsets into a.Text, so that for every paragraph p,
// string([]rune(a.Text)[p.Start:p.End]) == p.Text, and the same holds for
// every sentence. Readers call it; it is exported for articles built by hand.
func Segment(a *Article) {
	text := a.Text
	paras := make([]Paragraph, 0, strings.Count(text, "\n")/2+1)
	sents := make([]Sentence, 0, len(text)/120+1)
	firstSent := make([]int, 0, cap(paras)) // index in sents of each paragraph's first sentence
	var spans []span

	// cur/curRune: a byte offset in text and its rune offset, moving forward.
	cur, curRune := 0, 0
	runeAt := func(b int) int {
		curRune += utf8.RuneCountInString(text[cur:b])
		cur = b
		return curRune
	}
	for i := 0; i <= len(text); {
		end := strings.IndexByte(text[i:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += i
		}
		line := text[i:end]
		t := strings.TrimLeftFunc(line, unicode.IsSpace)
		ps := i + len(line) - len(t)
		t = strings.TrimRightFunc(t, unicode.IsSpace)
		if t != "" {
			pe := ps + len(t)
			p := Paragraph{Index: len(paras), Text: t, Start: runeAt(ps)}
			firstSent = append(firstSent, len(sents))
			spans = splitSentences(t, spans[:0])
			for _, s := range spans {
				sents = append(sents, Sentence{Text: t[s.start:s.end], Start: runeAt(ps + s.start), End: runeAt(ps + s.end)})
			}
			p.End = runeAt(pe)
			last := t
			if n := len(spans); n > 0 {
				last = t[spans[n-1].start:spans[n-1].end]
			}
			p.Caption = isCaption(t, last)
			paras = append(paras, p)
		}
		i = end + 1
	}
	for k := range paras {
		lo, hi := firstSent[k], len(sents)
		if k+1 < len(paras) {
			hi = firstSent[k+1]
		}
		paras[k].Sentences = sents[lo:hi:hi]
	}
	a.Paragraphs = paras
}
