package bot

import (
	"context"
	"time"

	"github.com/coveragebot/coveragebot/retrieval"
	"github.com/coveragebot/coveragebot/retrieval/digest"
)

// Answerer is what the bot needs of the coverage. *retrieval.Library
// satisfies it.
type Answerer interface {
	// Ask answers a question (/ask); Offset pages on for "More".
	Ask(ctx context.Context, r retrieval.Request) (retrieval.Answer, error)
	// Quotes lists a speaker's statements (/quotes).
	Quotes(ctx context.Context, q retrieval.QuoteQuery) (retrieval.Answer, error)
	// Speakers lists known speakers whose name contains prefix anywhere
	// (autocomplete), at most limit of them.
	Speakers(ctx context.Context, prefix string, limit int) ([]retrieval.SpeakerCount, error)
	// Search finds passages (/search).
	Search(ctx context.Context, q retrieval.SearchQuery) (retrieval.Answer, error)
	// Sources says what is indexed (/sources).
	Sources(ctx context.Context) (retrieval.SourcesReport, error)
	// Summary builds the summary of a day (/summary and the daily post).
	Summary(ctx context.Context, date time.Time) (digest.Summary, error)
	// Rebuild rebuilds the index from the corpus (/reindex), telling
	// progress how it goes; it returns retrieval.ErrRebuildRunning when one
	// is already running.
	Rebuild(ctx context.Context, progress retrieval.Progress) (retrieval.IndexReport, error)
}
