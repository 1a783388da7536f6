// Package article reads news coverage (txt, md, json, jsonl, jsonl.gz, html)
// into Articles split into paragraphs and sentences, each carrying its
// character offsets into the article text so any excerpt can be traced to
// its exact place.
package article

import "time"

// Article is one news article with its text split into paragraphs.
type Article struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	Outlet    string    `json:"outlet,omitempty"`
	URL       string    `json:"url,omitempty"`
	Published time.Time `json:"published,omitzero"` // zero when the source gives no date
	Authors   []string  `json:"authors,omitempty"`
	// Text is the article body as read (front matter and date marker removed).
	Text string `json:"text"`
	// Paragraphs in reading order; Paragraph.Index is the position in this slice.
	Paragraphs []Paragraph `json:"-"`
	// Origin names where the article came from: "path" or "path:line".
	Origin string `json:"-"`
}

// Paragraph is one paragraph of an Article.
type Paragraph struct {
	Index int    // 0-based position in Article.Paragraphs
	Text  string // verbatim substring of Article.Text
	// Start and End are rune offsets of Text within Article.Text.
	Start, End int
	// Caption is set for photo captions and credits ("… AFP - Getty Images").
	Caption   bool
	Sentences []Sentence
}

// Sentence is one sentence of a Paragraph.
type Sentence struct {
	Text string // verbatim substring of Paragraph.Text
	// Start and End are rune offsets within Article.Text.
	Start, End int
}
