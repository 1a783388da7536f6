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
	speakers *speakerTable
}

func newSnapshot(ix *index.Index, aliases map[string][]string, log *slog.Logger) (*snapshot, error) {
	s := &snapshot{ix: ix, aliases: aliases}
	if err := s.refresh(); err != nil {
		_ = ix.Close()
		return nil, err
	}
	v := s.view.Load()
	log.Debug("index open", "path", ix.Path(), "articles", v.stats.Articles, "speakers", len(v.speakers.list))
	return s, nil
}

// refresh rereads metadata, statistics and speakers after the index changed.
func (s *snapshot) refresh() error {
	var meta Meta
	raw, err := s.ix.Internal(index.InternalMeta)
	if err != nil {
		return err
	}
	if raw != nil {
		if err := json.Unmarshal(raw, &meta); err != nil {
			return fmt.Errorf("read metadata of index %s: %w", s.ix.Path(), err)
		}
	}
	st, err := s.ix.Stats()
	if err != nil {
		return err
	}
	sp, err := s.ix.Speakers()
	if err != nil {
		return err
	}
	s.view.Store(&view{meta: meta, stats: st, coverage: coverageOf(meta, st), speakers: newSpeakerTable(sp, s.aliases)})
	return nil
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
