package retrieval

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coveragebot/coveragebot/retrieval/index"
)

// Meta is what the index remembers of how it was built.
type Meta struct {
	Corpus     []string             `json:"corpus"`
	IndexedAt  time.Time            `json:"indexed_at"`
	Articles   int                  `json:"articles"`
	Paragraphs int                  `json:"paragraphs"`
	Statements int                  `json:"statements"`
	Skipped    []Skipped            `json:"skipped,omitempty"`
	Files      map[string]FileState `json:"files,omitempty"`
}

// FileState is what the index holds of one corpus file, so that a change
// to it can be taken in without a rebuild.
type FileState struct {
	Size     int64         `json:"size"`
	ModTime  time.Time     `json:"mtime"`
	Articles []ArticleDocs `json:"articles"`
}

// ArticleDocs counts the documents of one indexed article.
type ArticleDocs struct {
	ID         string `json:"id"`
	Paragraphs int    `json:"p"`
	Statements int    `json:"s"`
}

// snapshot is one open generation of the index with what is read from it
// once: its metadata, statistics and speakers.
type snapshot struct {
	ix      *index.Index
	aliases map[string][]string
	log     *slog.Logger
	view    atomic.Pointer[view]

	mu     sync.RWMutex // readers hold it shared; retire takes it whole
	closed bool
}

// view is what is read from a snapshot's index once, and again after
// each change to it.
type view struct {
	meta     Meta
	stats    index.Stats
	coverage Coverage
	// The table of speakers is built in the background, so that opening
	// the index (and starting the bot) does not wait for it; the first
	// question that needs it does.
	table     *speakerTable
	tableDone chan struct{}
}

// speakers returns the table of speakers, once it is built.
func (v *view) speakers() *speakerTable {
	<-v.tableDone
	return v.table
}

func newSnapshot(ix *index.Index, aliases map[string][]string, log *slog.Logger) (*snapshot, error) {
	s := &snapshot{ix: ix, aliases: aliases, log: log}
	if err := s.refresh(); err != nil {
		_ = ix.Close()
		return nil, err
	}
	log.Debug("index open", "path", ix.Path(), "articles", s.view.Load().stats.Articles)
	return s, nil
}

// refresh rereads metadata, statistics and speakers after the index changed.
func (s *snapshot) refresh() error {
	// The table is built while the metadata is read and the articles are
	// counted: on two cores, the index is ready in the longer of the two,
	// not in both.
	v := &view{tableDone: make(chan struct{})}
	if s.hold() { // the build holds the index open; close waits for it
		go func() {
			defer s.release()
			s.buildTable(v)
		}()
	} else { // the snapshot is being retired: whoever refreshes still holds it
		s.buildTable(v)
	}
	meta, err := s.readMeta()
	if err != nil {
		<-v.tableDone // nobody else will wait for it
		return err
	}
	st, err := s.ix.Stats()
	if err != nil {
		<-v.tableDone
		return err
	}
	v.meta, v.stats, v.coverage = meta, st, coverageOf(meta, st)
	s.view.Store(v)
	return nil
}

// readMeta reads what the index remembers of how it was built; an index
// without it has the zero Meta.
func (s *snapshot) readMeta() (Meta, error) {
	var meta Meta
	raw, err := s.ix.Internal(index.InternalMeta)
	if err != nil {
		return meta, err
	}
	if raw != nil {
		if err := json.Unmarshal(raw, &meta); err != nil {
			return meta, fmt.Errorf("read metadata of index %s: %w", s.ix.Path(), err)
		}
	}
	return meta, nil
}

// buildTable reads the speakers of the index into v's table. An index
// whose speakers cannot be read answers as if nobody were quoted, and
// says why in the log.
func (s *snapshot) buildTable(v *view) {
	defer close(v.tableDone)
	sp, err := s.ix.Speakers()
	if err != nil {
		s.log.Error("cannot read the speakers of the index; statements will not be found", "path", s.ix.Path(), "err", err)
	}
	v.table = newSpeakerTable(sp, s.aliases)
}

// hold marks the snapshot in use; false when it is being retired.
func (s *snapshot) hold() bool {
	if !s.mu.TryRLock() {
		return false
	}
	if s.closed {
		s.mu.RUnlock()
		return false
	}
	return true
}

func (s *snapshot) release() { s.mu.RUnlock() }

// close waits for the questions in flight, then closes the index.
func (s *snapshot) close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	return s.ix.Close()
}
