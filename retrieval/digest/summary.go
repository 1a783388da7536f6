// Package digest builds the summary of a day's coverage: its stories, their
// most central sentences (verbatim, cited), who said what, and the counts.
package digest

import (
	"github.com/coveragebot/coveragebot/retrieval/article"
	"github.com/coveragebot/coveragebot/retrieval/quote"
)

// Summary is the coverage of one day.
type Summary struct {
	Date    string  `json:"date"` // YYYY-MM-DD
	Stories []Story `json:"stories"`
	Quotes  []Quote `json:"quotes"`
	Counts  Counts  `json:"counts"`
}

// Story is a group of articles about the same event, biggest first.
type Story struct {
	Title     string           `json:"title"`
	Articles  []string         `json:"articles"` // article ids
	Sentences []Sentence       `json:"sentences"`
	Sources   []article.Source `json:"sources"` // one per article
}

// Sentence is one central sentence of a story, verbatim.
type Sentence struct {
	Text   string         `json:"text"`
	Source article.Source `json:"source"`
}

// Quote is the day's most notable statement of one speaker.
type Quote struct {
	Speaker string         `json:"speaker"`
	Text    string         `json:"text"`
	Source  article.Source `json:"source"`
	// Role is the speaker's title as an article gives it ("US Secretary of State").
	Role string `json:"role,omitempty"`
	// Kind says whether Text is the speaker's own words or reported speech.
	Kind quote.Kind `json:"kind,omitempty"`
	// Articles counts the day's articles quoting or naming the speaker.
	Articles int `json:"articles"`
}

// Counts sums up the day.
type Counts struct {
	Articles int `json:"articles"`
	Outlets  int `json:"outlets"`
	Stories  int `json:"stories"`
}
