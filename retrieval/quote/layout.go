package quote

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/retrieval/article"
)

// span is one quotation: the tokens between its opening and closing marks.
type span struct {
	open, close int // token indices of the marks; close is the last inner token + 1 when unterminated
	closed      bool
}

// sentence is a run of tokens [s, e) ending a sentence; quotations never
// straddle sentences, so a sentence may run over paragraphs.
type sentence struct{ s, e int }

// doc is an article laid out for attribution.
type doc struct {
	a     *article.Article
	toks  []token
	spans []span
	sents []sentence
	paras []int    // paragraph index → first token (len(Paragraphs)+1 entries, -1 for skipped)
	buf   *[]token // the pooled array toks lies in, and how much of it was used
	used  int
}

// tokenArrays keeps the arrays of tokens of articles already read, for the
// next to reuse: an article's tokens are most of what reading it allocates.
var tokenArrays sync.Pool

// release hands the doc's array of tokens back for another article. The
// doc must not be used after it; nothing extracted points into it.
func (d *doc) release() {
	if d.buf == nil {
		return
	}
	clear((*d.buf)[:d.used]) // let the article's text go
	tokenArrays.Put(d.buf)
	d.buf, d.toks = nil, nil
}

// layout tokenizes the article's non-caption paragraphs and finds its
// quotations and sentences.
func layout(a *article.Article) *doc {
	d := &doc{a: a}
	buf, _ := tokenArrays.Get().(*[]token)
	if buf == nil || cap(*buf) < len(a.Text)/5 {
		b := make([]token, 0, len(a.Text)/5)
		buf = &b
	}
	d.buf = buf
	t := tokenizer{toks: (*buf)[:0]}
	paras := a.Paragraphs
	if len(paras) == 0 {
		paras = splitLines(a.Text)
	}
	b, r := 0, 0 // byte and rune cursor in a.Text
	for i, p := range paras {
		if p.Text == "" {
			continue
		}
		// find the paragraph in the text at or after the cursor
		at := -1
		if strings.HasPrefix(a.Text[b:], p.Text) {
			at = b
		} else if k := strings.Index(a.Text[b:], p.Text); k >= 0 {
			at = b + k
		} else if k := strings.Index(a.Text, p.Text); k >= 0 {
			at, b, r = k, 0, 0
		} else {
			continue
		}
		r += utf8.RuneCountInString(a.Text[b:at])
		if !p.Caption {
			t.add(p.Text, at, r, i)
		}
		b, r = at+len(p.Text), r+utf8.RuneCountInString(p.Text)
	}
	if cap(t.toks) != cap(*buf) {
		grown := t.toks[:0] // the tokens outgrew the array: keep the larger one
		d.buf = &grown
	}
	d.used = len(t.toks)
	d.toks = dropNicknameMarks(t.toks)
	d.findSpans()
	d.findSentences()
	return d
}

// dropNicknameMarks removes the quotation marks around a nickname inside a
// name (Mushelle "Shelley" Smith, Dwayne “The Rock” Johnson): the name is
// read whole, and no one said "Shelley".
func dropNicknameMarks(toks []token) []token {
	capWord := func(i int) bool {
		return i >= 0 && i < len(toks) && toks[i].kind == tWord && toks[i].cap && !stopCaps[toks[i].low]
	}
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		if toks[i].kind == tOpen && capWord(i-1) {
			j := i + 1
			for j < len(toks) && j <= i+3 && toks[j].kind == tWord && toks[j].cap {
				j++
			}
			if j > i+1 && j < len(toks) && toks[j].kind == tClose && toks[j].single == toks[i].single &&
				capWord(j+1) && toks[i-1].para == toks[j+1].para {
				out = append(out, toks[i+1:j]...)
				i = j
				continue
			}
		}
		out = append(out, toks[i])
	}
	return out
}

// splitLines segments an article that came without paragraphs.
func splitLines(text string) []article.Paragraph {
	var ps []article.Paragraph
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) != "" {
			ps = append(ps, article.Paragraph{Index: len(ps), Text: line})
		}
	}
	return ps
}

// findSpans pairs the quotation marks of the article's primary style
// (double marks, or single marks when the article uses no double ones).
// A quotation left open at a paragraph's end continues into the next when
// that one starts with a repeated opening mark or closes it before opening
// another.
func (d *doc) findSpans() {
	doubles := 0
	for i := range d.toks {
		if (d.toks[i].kind == tOpen || d.toks[i].kind == tClose) && !d.toks[i].single {
			doubles++
		}
	}
	single := doubles == 0
	primary := func(i int) bool {
		k := d.toks[i].kind
		return (k == tOpen || k == tClose) && d.toks[i].single == single
	}
	cur := -1 // open span
	endAt := func(e int) {
		d.spans[cur].close = e
		for k := d.spans[cur].open + 1; k < e; k++ {
			d.toks[k].span = cur
		}
		cur = -1
	}
	for i := 0; i < len(d.toks); i++ {
		tk := &d.toks[i]
		paraStart := i == 0 || d.toks[i-1].para != tk.para
		if paraStart && cur >= 0 {
			// the quotation is still open at the paragraph break
			if !(primary(i) && tk.kind == tOpen) && !d.closesFirst(i, primary) {
				endAt(i)
			} else if primary(i) && tk.kind == tOpen {
				continue // the repeated opening mark
			}
		}
		if !primary(i) {
			continue
		}
		switch {
		case tk.kind == tOpen && cur < 0:
			d.spans = append(d.spans, span{open: i})
			cur = len(d.spans) - 1
			tk.span = cur
		case tk.kind == tOpen:
			endAt(i) // the previous one never closed
			d.spans = append(d.spans, span{open: i})
			cur = len(d.spans) - 1
			tk.span = cur
		case tk.kind == tClose && cur >= 0:
			d.spans[cur].closed = true
			tk.span = cur
			endAt(i)
		}
	}
	if cur >= 0 {
		endAt(len(d.toks))
	}
}

// closesFirst reports whether the paragraph starting at token i meets a
// closing primary mark before an opening one.
func (d *doc) closesFirst(i int, primary func(int) bool) bool {
	p := d.toks[i].para
	for k := i; k < len(d.toks) && d.toks[k].para == p; k++ {
		if primary(k) {
			return d.toks[k].kind == tClose
		}
	}
	return false
}

// findSentences splits the tokens into sentences: at a full stop, question
// or exclamation mark outside quotations, after a quotation ending one
// when a capitalised word or a new quotation follows, and at paragraph
// breaks no quotation runs over.
func (d *doc) findSentences() {
	s := 0
	n := len(d.toks)
	for i := 0; i < n; i++ {
		tk := &d.toks[i]
		end := false
		if i+1 == n || d.toks[i+1].para != tk.para {
			end = i+1 == n || d.toks[i+1].span < 0 || d.toks[i+1].span != d.spanOf(i)
		} else if tk.span < 0 && tk.kind == tPunct && (tk.text == "." || tk.text == "?" || tk.text == "!") {
			// not before a lower-case word or a comma: "(D-Calif.) last month"
			nx := &d.toks[i+1]
			end = !(nx.kind == tWord && !nx.cap && unicode.IsLetter(firstRune(nx.text)) || nx.kind == tPunct && strings.Contains(",;)", nx.text))
		} else if tk.kind == tWord && tk.span < 0 && strings.HasSuffix(tk.text, ".") && d.toks[i+1].kind == tOpen && d.toks[i+1].span >= 0 {
			end = true // "of Jacksonville, Fla. ''She …"
		} else if tk.kind == tWord && tk.span < 0 && strings.HasSuffix(tk.text, ".") && d.toks[i+1].kind == tWord && article.StartsSentence(d.toks[i+1].text) {
			end = true // "in the U.S. The FBI announced …"
		} else if tk.kind == tClose && tk.span >= 0 && d.spans[tk.span].close == i && d.spans[tk.span].closed && i > 0 && endsSentence(d.toks[i-1].text) {
			nx := d.toks[i+1]
			end = nx.kind == tOpen || nx.kind == tWord && nx.cap && !d.startsAttribution(i+1)
		}
		if end {
			d.sents = append(d.sents, sentence{s, i + 1})
			s = i + 1
		}
	}
}

// spanOf returns the quotation a token belongs to, marks included.
func (d *doc) spanOf(i int) int { return d.toks[i].span }

func endsSentence(s string) bool { return s == "." || s == "?" || s == "!" || s == "…" }

// startsAttribution reports whether the words at i read "Name said" or
// "said Name", which attaches to the quotation before them. A possessive
// makes the cue a noun ("His comments came Tuesday").
func (d *doc) startsAttribution(i int) bool {
	if i < len(d.toks) && possessives[d.toks[i].low] {
		return false
	}
	for k := i; k < len(d.toks) && k < i+6; k++ {
		tk := d.toks[k]
		if tk.kind != tWord {
			return false
		}
		if c, ok := cues[tk.low]; ok && !c.gerund {
			return true
		}
		if !tk.cap && !titleWords[tk.low] {
			return false
		}
	}
	return false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
