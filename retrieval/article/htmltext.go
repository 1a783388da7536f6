package article

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlText turns the article HTML chosen by readability into plain text:
// one paragraph a block element (p, h1–h6, li, blockquote, figcaption,
// td…) or <br>-separated line, whitespace collapsed, paragraphs separated
// by a blank line.
func htmlText(content string) string {
	nodes, err := html.ParseFragment(strings.NewReader(content), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return ""
	}
	var t textBuilder
	for _, n := range nodes {
		t.walk(n)
	}
	t.flush()
	return t.out.String()
}

// textBuilder gathers the text of blocks, one paragraph at a time.
type textBuilder struct {
	out   strings.Builder
	block strings.Builder
	space bool // a space is due before the next word of the block
}

func (t *textBuilder) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		t.text(n.Data)
		return
	case html.ElementNode:
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			t.walk(c)
		}
		return
	}
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Svg, atom.Button, atom.Template, atom.Iframe, atom.Object:
		return
	case atom.Br, atom.Hr:
		t.flush()
		return
	}
	block := blockElements[n.DataAtom]
	if block {
		t.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t.walk(c)
	}
	if block {
		t.flush()
	}
}

// text adds s to the block, collapsing its whitespace.
func (t *textBuilder) text(s string) {
	if s == "" {
		return
	}
	lead := unicode.IsSpace(rune(s[0]))
	words := strings.FieldsFunc(s, unicode.IsSpace)
	for i, w := range words {
		if (i > 0 || lead || t.space) && t.block.Len() > 0 {
			t.block.WriteByte(' ')
		}
		t.block.WriteString(w)
	}
	if len(words) == 0 {
		t.space = true
		return
	}
	t.space = unicode.IsSpace(rune(s[len(s)-1]))
}

// flush ends the current paragraph.
func (t *textBuilder) flush() {
	if t.block.Len() > 0 {
		if t.out.Len() > 0 {
			t.out.WriteString("\n\n")
		}
		t.out.WriteString(t.block.String())
		t.block.Reset()
	}
	t.space = false
}

var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Blockquote: true, atom.Figcaption: true,
	atom.Figure: true, atom.Td: true, atom.Th: true, atom.Tr: true, atom.Table: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Footer: true, atom.Pre: true, atom.Dd: true, atom.Dt: true,
	atom.Dl: true, atom.Aside: true, atom.Main: true, atom.Address: true, atom.Caption: true,
}
