package retrieval

import (
	"errors"
	"time"

	"github.com/coveragebot/coveragebot/retrieval/article"
)

// Sentinel errors the faces (command line, bot) turn into friendly replies.
var (
	ErrEmptyQuestion   = errors.New("the question is empty")
	ErrQuestionTooLong = errors.New("the question is too long")
	ErrRebuildRunning  = errors.New("a rebuild is already running")
)

// MaxQuestionRunes is the default bound on the length of a question.
const MaxQuestionRunes = 500

// Request asks a question, optionally for a later page of items.
type Request struct {
	Question string
	Offset   int // items to skip (for "More")
	Limit    int // items to return; 0 means the default (5)
}

// QuoteQuery asks for the statements of one speaker.
type QuoteQuery struct {
	Speaker string
	About   string    // optional topic
	Since   time.Time // optional: only articles published on or after
	Offset  int
	Limit   int
}

// SearchQuery asks for passages.
type SearchQuery struct {
	Text   string
	Outlet string    // optional: only this outlet
	Since  time.Time // optional
	Until  time.Time // optional, inclusive
	Offset int
	Limit  int
}

// SpeakerCount is a speaker known to the coverage with its number of statements.
type SpeakerCount struct {
	Name    string   `json:"name"`
	Quotes  int      `json:"quotes"`
	Aliases []string `json:"aliases,omitempty"`
	Role    string   `json:"role,omitempty"`
}

// OutletCount is the number of articles of one outlet.
type OutletCount struct {
	Outlet   string `json:"outlet"`
	Articles int    `json:"articles"`
}

// SourcesReport says what is indexed.
type SourcesReport struct {
	Coverage Coverage      `json:"coverage"`
	Outlets  []OutletCount `json:"outlets"`
}

// Skipped is one input that could not be read, and why.
type Skipped = article.Skipped

// IndexReport sums up a build or rebuild of the index.
type IndexReport struct {
	Articles   int           `json:"articles"`
	Paragraphs int           `json:"paragraphs"`
	Statements int           `json:"statements"`
	Skipped    []Skipped     `json:"skipped,omitempty"`
	Took       time.Duration `json:"took"`
}

// Progress is called during a build with the articles done and the total
// known so far (total is 0 while it is unknown).
type Progress func(done, total int)
