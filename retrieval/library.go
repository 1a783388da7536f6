package retrieval

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coveragebot/coveragebot/retrieval/index"
)

// Options configure a Library.
type Options struct {
	// IndexDir is the directory that holds the index (its generations and
	// the pointer to the live one). Empty keeps the index in memory.
	IndexDir string
	// Corpus lists the files and folders the coverage is read from; empty
	// means the sample corpus embedded in the binary.
	Corpus []string
	// Strict makes any unreadable input an error instead of a skip.
	Strict bool
	// WithoutStatements builds the index without finding who said what:
	// no statements, so "what did X say?" finds nobody. It is there to
	// measure what attribution costs (coveragebot bench).
	WithoutStatements bool
	// Aliases maps a canonical speaker name to other names for them, for
	// links the text cannot make.
	Aliases map[string][]string
	// MaxItems is the number of items an answer holds (default 5).
	MaxItems int
	// MaxQuestion is the longest question accepted, in characters
	// (default MaxQuestionRunes).
	MaxQuestion int
	// Logger receives progress and problems (default: discard).
	Logger *slog.Logger
	// Now is the clock (default time.Now).
	Now func() time.Time
	// Progress, when set, is told how a build goes.
	Progress Progress
}

// Library answers questions about a body of coverage held in an index. It
// is safe for concurrent use; a rebuild swaps a new index in without
// failing the questions asked meanwhile.
type Library struct {
	opts    Options
	log     *slog.Logger
	live    atomic.Pointer[snapshot]
	rebuild sync.Mutex   // held by the one running rebuild or update
	busy    atomic.Value // string: who runs the rebuild
	built   *IndexReport // the build Open made, if it made one
}

// Open opens the library's index, building it from the corpus when there
// is none yet, when it was written in another format, or when it was built
// from another corpus.
func Open(ctx context.Context, opts Options) (*Library, error) {
	l := newLibrary(opts)
	if opts.IndexDir != "" {
		s, err := l.openCurrent()
		switch {
		case err == nil && slices.Equal(s.view.Load().meta.Corpus, l.corpusKey()):
			l.live.Store(s)
			l.removeStale(filepath.Base(s.ix.Path()))
			return l, nil
		case err == nil:
			l.log.Info("corpus changed; rebuilding the index", "was", s.view.Load().meta.Corpus, "now", l.corpusKey())
			_ = s.close()
		case errors.Is(err, index.ErrNotExist):
			l.log.Info("no index yet; building it", "dir", opts.IndexDir)
		case errors.Is(err, index.ErrFormat):
			l.log.Info("index format changed; rebuilding it", "dir", opts.IndexDir)
		default:
			return nil, err
		}
	}
	rep, err := l.Rebuild(ctx, opts.Progress)
	if err != nil {
		return nil, err
	}
	l.built = &rep
	if s := l.live.Load(); s != nil {
		l.removeStale(filepath.Base(s.ix.Path()))
	}
	return l, nil
}

func newLibrary(opts Options) *Library {
	if opts.MaxItems <= 0 {
		opts.MaxItems = 5
	}
	if opts.MaxQuestion <= 0 {
		opts.MaxQuestion = MaxQuestionRunes
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Library{opts: opts, log: opts.Logger}
}

// LastBuild returns the report of the build Open made, and false when
// Open found the index ready and built nothing.
func (l *Library) LastBuild() (IndexReport, bool) {
	if l.built == nil {
		return IndexReport{}, false
	}
	return *l.built, true
}

// Close closes the index. Questions asked after Close fail.
func (l *Library) Close() error {
	l.rebuild.Lock()
	defer l.rebuild.Unlock()
	if s := l.live.Swap(nil); s != nil {
		return s.close()
	}
	return nil
}

// corpusKey names the configured corpus as stored in the index metadata.
func (l *Library) corpusKey() []string {
	if len(l.opts.Corpus) == 0 {
		return []string{"(sample)"}
	}
	out := make([]string, len(l.opts.Corpus))
	for i, p := range l.opts.Corpus {
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		out[i] = p
	}
	return out
}

const currentFile = "current"

// currentGen reads the name of the live generation from the pointer file.
func (l *Library) currentGen() (string, error) {
	b, err := os.ReadFile(filepath.Join(l.opts.IndexDir, currentFile))
	if errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("open index in %s: %w", l.opts.IndexDir, index.ErrNotExist)
	}
	if err != nil {
		return "", fmt.Errorf("open index in %s: %w", l.opts.IndexDir, err)
	}
	gen := strings.TrimSpace(string(b))
	if gen == "" || strings.ContainsAny(gen, `/\`) {
		return "", fmt.Errorf("open index in %s: bad pointer %q: %w", l.opts.IndexDir, gen, index.ErrNotExist)
	}
	return gen, nil
}

// openCurrent opens the live generation named by the pointer file.
func (l *Library) openCurrent() (*snapshot, error) {
	gen, err := l.currentGen()
	if err != nil {
		return nil, err
	}
	ix, err := index.Open(filepath.Join(l.opts.IndexDir, gen))
	if err != nil {
		return nil, err
	}
	return newSnapshot(ix, l.opts.Aliases, l.log)
}

// acquire returns the live snapshot, held until release is called.
func (l *Library) acquire() (*snapshot, func(), error) {
	for {
		s := l.live.Load()
		if s == nil {
			return nil, nil, errors.New("the library is closed")
		}
		if s.hold() {
			return s, s.release, nil
		}
		// s was retired between Load and hold: the next Load sees its successor.
	}
}
