// Package retrieval holds coveragebot's answers to questions about a body of
// news coverage: the index, attribution of statements to speakers, search,
// and the daily summary. It knows nothing of Discord; the command line and
// the bot are two faces of the same answers.
package retrieval

import (
	"time"

	"github.com/coveragebot/coveragebot/retrieval/article"
)

// AnswerKind says what an Answer holds.
type AnswerKind string

// The kinds of answer.
const (
	KindQuotes   AnswerKind = "quotes"   // statements attributed to the person asked about
	KindPassages AnswerKind = "passages" // relevant passages of the coverage
	KindNone     AnswerKind = "none"     // nothing relevant; Message says why
)

// Answer is the reply to one question.
type Answer struct {
	Question string     `json:"question"`
	Kind     AnswerKind `json:"answer_kind"`
	Message  string     `json:"message,omitempty"`
	Items    []Item     `json:"items"`
	// More is set when further items follow the last one returned.
	More     bool     `json:"more,omitempty"`
	Coverage Coverage `json:"coverage"`
}

// Item is one excerpt, verbatim from its article.
type Item struct {
	// Text is verbatim from the article; an omission inside it is shown as "…".
	Text string `json:"text"`
	// Speaker is who said it, as the text names them (empty for passages).
	Speaker string `json:"speaker,omitempty"`
	// Kind is "direct", "indirect", "mixed" or "passage".
	Kind   string   `json:"kind"`
	Source Source   `json:"source"`
	Also   []Source `json:"also,omitempty"` // other articles carrying the same words
	Score  float64  `json:"score"`
}

// Source cites the place an excerpt comes from.
type Source = article.Source

// Coverage describes the body of coverage an answer was drawn from.
type Coverage struct {
	Articles  int       `json:"articles"`
	From      string    `json:"from,omitempty"` // YYYY-MM-DD
	To        string    `json:"to,omitempty"`
	IndexedAt time.Time `json:"indexed_at"`
}
