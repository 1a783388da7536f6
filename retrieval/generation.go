package retrieval

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/coveragebot/coveragebot/retrieval/index"
)

// Build builds the index anew from the corpus in a new generation of the
// index directory and makes it the live one, without opening the live one:
// it works while another process (the bot) owns that, which follows the
// pointer to the new generation (see Follow). The generations no process
// holds any more are deleted.
func Build(ctx context.Context, opts Options) (IndexReport, error) {
	if opts.IndexDir == "" {
		return IndexReport{}, errors.New("build: no index directory")
	}
	l := newLibrary(opts)
	start := l.opts.Now()
	total := 0
	if ix, err := l.peekMeta(); err == nil {
		total = ix.Articles
	}
	ix, gen, meta, err := l.buildGeneration(ctx, total, opts.Progress)
	if err != nil {
		return IndexReport{}, fmt.Errorf("build: %w", err)
	}
	if err := ix.Close(); err != nil {
		removeGen(ix.Path())
		return IndexReport{}, fmt.Errorf("build: %w", err)
	}
	if err := l.point(gen); err != nil {
		removeGen(ix.Path())
		return IndexReport{}, fmt.Errorf("build: %w", err)
	}
	l.removeUnheld(gen)
	return reportOf(meta, l.opts.Now().Sub(start)), nil
}

// peekMeta reads the metadata of the live generation, if no other process
// holds it.
func (l *Library) peekMeta() (Meta, error) {
	s, err := l.openCurrent()
	if err != nil {
		return Meta{}, err
	}
	defer func() { _ = s.close() }()
	return s.view.Load().meta, nil
}

// removeUnheld deletes the generations other than keep that no process
// holds open; one still held is left to its holder, which deletes it when
// it moves to the new one.
func (l *Library) removeUnheld(keep string) {
	entries, err := os.ReadDir(l.opts.IndexDir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || e.Name() == keep || !strings.HasPrefix(e.Name(), "gen-") {
			continue
		}
		dir := filepath.Join(l.opts.IndexDir, e.Name())
		ix, err := index.Open(dir)
		if errors.Is(err, index.ErrBusy) {
			continue
		}
		if err == nil {
			_ = ix.Close()
		}
		removeGen(dir)
	}
}

// Follow moves to the generation the index directory points at when
// another process (coveragebot index) has built a new one, checking every
// interval until ctx is done.
func (l *Library) Follow(ctx context.Context, interval time.Duration) {
	if l.opts.IndexDir == "" || interval <= 0 {
		return
	}
	every(ctx, interval, func() {
		if _, err := l.Reload(); err != nil && ctx.Err() == nil {
			l.log.Error("could not move to the new index; still answering from the old one", "err", err)
		}
	})
}

// Reload moves to the generation the index directory points at, if it is
// not the live one, and says whether it moved.
func (l *Library) Reload() (bool, error) {
	if l.opts.IndexDir == "" || !l.rebuild.TryLock() {
		return false, nil
	}
	defer l.rebuild.Unlock()
	gen, err := l.currentGen()
	if err != nil {
		return false, err
	}
	if live := l.live.Load(); live != nil && filepath.Base(live.ix.Path()) == gen {
		return false, nil
	}
	s, err := l.openCurrent()
	if err != nil {
		return false, err
	}
	l.swap(s)
	v := s.view.Load()
	l.log.Info("moved to the index built by another process", "generation", gen, "articles", v.stats.Articles, "indexed_at", v.meta.IndexedAt)
	return true, nil
}

// swap makes s the live snapshot; the old one is closed (once the
// questions in flight on it are answered) and its directory deleted.
func (l *Library) swap(s *snapshot) {
	if old := l.live.Swap(s); old != nil {
		go func() {
			if err := old.close(); err != nil {
				l.log.Warn("closing the old index", "err", err)
			}
			removeGen(old.ix.Path())
		}()
	}
}

// point makes gen the live generation of the index directory, for this
// process and any other that follows it.
func (l *Library) point(gen string) error {
	return writeAtomic(filepath.Join(l.opts.IndexDir, currentFile), []byte(gen+"\n"))
}

// writeAtomic replaces path with data, so a reader sees the old or the
// new content, never a part.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		_ = tmp.Close()
		_ = os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close()
		_ = os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		_ = os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func removeGen(dir string) {
	if dir != "" {
		_ = os.RemoveAll(dir)
	}
}

// removeStale deletes the generations left behind by a crash or an
// interrupted rebuild, keeping keep (the live one). Called at Open only,
// before anything else can be using an old generation.
func (l *Library) removeStale(keep string) {
	if l.opts.IndexDir == "" {
		return
	}
	entries, err := os.ReadDir(l.opts.IndexDir)
	if err != nil {
		return
	}
	live := map[string]bool{keep: true}
	for _, e := range entries {
		if e.IsDir() && !live[e.Name()] && strings.HasPrefix(e.Name(), "gen-") {
			_ = os.RemoveAll(filepath.Join(l.opts.IndexDir, e.Name()))
		}
	}
}

// every calls fn every interval until ctx is done.
func every(ctx context.Context, interval time.Duration, fn func()) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			fn()
		}
	}
}
