package retrieval

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/coveragebot/coveragebot/retrieval/article"
	"github.com/coveragebot/coveragebot/retrieval/index"
	"github.com/coveragebot/coveragebot/retrieval/quote"
	"github.com/coveragebot/coveragebot/retrieval/sample"
)

// Rebuild builds the whole index anew from the corpus, beside the live one
// (which keeps answering), then swaps it in and deletes the old one. Only
// one rebuild runs at a time: another gets ErrRebuildRunning. A rebuild that
// fails or is cancelled leaves the live index as it was.
func (l *Library) Rebuild(ctx context.Context, progress Progress) (IndexReport, error) {
	return l.RebuildBy(ctx, "", progress)
}

// RebuildBy is Rebuild, remembering who asked for it (told to the asker of
// a second rebuild while this one runs).
func (l *Library) RebuildBy(ctx context.Context, who string, progress Progress) (IndexReport, error) {
	if !l.rebuild.TryLock() {
		by, _ := l.busy.Load().(string)
		if by != "" {
			return IndexReport{}, fmt.Errorf("%w (asked by %s)", ErrRebuildRunning, by)
		}
		return IndexReport{}, ErrRebuildRunning
	}
	defer l.rebuild.Unlock()
	if who == "" {
		who = "coveragebot"
	}
	l.busy.Store(who)
	defer l.busy.Store("")
	l.log.Info("rebuild started", "by", who)

	start := l.opts.Now()
	total := 0
	if old := l.live.Load(); old != nil {
		total = old.view.Load().meta.Articles
	}
	ix, gen, meta, err := l.buildGeneration(ctx, total, progress)
	if err != nil {
		l.log.Warn("rebuild failed; the live index is unchanged", "by", who, "err", err)
		return IndexReport{}, fmt.Errorf("rebuild: %w", err)
	}
	s, err := newSnapshot(ix, l.opts.Aliases, l.log)
	if err != nil {
		removeGen(ix.Path())
		return IndexReport{}, fmt.Errorf("rebuild: %w", err)
	}
	if gen != "" {
		if err := l.point(gen); err != nil {
			_ = s.close()
			removeGen(ix.Path())
			return IndexReport{}, fmt.Errorf("rebuild: %w", err)
		}
	}
	l.swap(s)
	rep := reportOf(meta, l.opts.Now().Sub(start))
	l.log.Info("rebuild done", "by", who, "articles", rep.Articles, "paragraphs", rep.Paragraphs,
		"statements", rep.Statements, "skipped", len(rep.Skipped), "took", rep.Took.Round(time.Millisecond))
	return rep, nil
}

func reportOf(m Meta, took time.Duration) IndexReport {
	return IndexReport{Articles: m.Articles, Paragraphs: m.Paragraphs, Statements: m.Statements, Skipped: m.Skipped, Took: took}
}

// buildGeneration builds a new index from the corpus: in a fresh directory
// of the index directory (gen names it), or in memory when there is none.
// On failure nothing of it is left.
func (l *Library) buildGeneration(ctx context.Context, total int, progress Progress) (*index.Index, string, Meta, error) {
	dir, gen := "", ""
	if l.opts.IndexDir != "" {
		if err := os.MkdirAll(l.opts.IndexDir, 0o755); err != nil {
			return nil, "", Meta{}, err
		}
		// A fresh name, even when the clock stands still (tests): reserve
		// it with a temporary directory, which bleve must create itself.
		tmp, err := os.MkdirTemp(l.opts.IndexDir, "gen-"+l.opts.Now().UTC().Format("20060102T150405")+"-")
		if err != nil {
			return nil, "", Meta{}, err
		}
		if err := os.Remove(tmp); err != nil {
			return nil, "", Meta{}, err
		}
		dir, gen = tmp, filepath.Base(tmp)
	}
	ix, err := index.Create(dir)
	if err != nil {
		return nil, "", Meta{}, err
	}
	meta, err := l.fill(ctx, ix, total, progress)
	if err == nil {
		start, before := time.Now(), ix.Segments()
		err = ix.Compact(ctx)
		l.log.Debug("compacted the index", "segments_before", before, "segments", ix.Segments(), "took", time.Since(start))
	}
	if err == nil {
		meta.IndexedAt = l.opts.Now().UTC()
		err = saveMeta(ix, meta)
	}
	if err != nil {
		_ = ix.Close()
		removeGen(dir)
		return nil, "", Meta{}, err
	}
	return ix, gen, meta, nil
}

// extracted is an article with its statements, on its way to the index.
type extracted struct {
	a    *article.Article
	qs   []quote.Quote
	file string
}

// fill reads the corpus into ix: one goroutine reads, the others find the
// statements, and this one writes batches.
func (l *Library) fill(ctx context.Context, ix *index.Index, total int, progress Progress) (Meta, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	meta := Meta{Corpus: l.corpusKey(), Files: map[string]FileState{}}
	raw := make(chan extracted, 64)
	done := make(chan extracted, 64)
	var readErr error
	var skipped []Skipped
	files := map[string]FileState{} // the reader's until raw is closed
	go func() {
		defer close(raw)
		skipped, readErr = l.read(ctx, raw, files)
	}()
	var wg sync.WaitGroup
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for e := range raw {
				if !l.opts.WithoutStatements {
					e.qs = quote.Extract(e.a)
				}
				select {
				case done <- e:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()

	w := ix.NewWriter(0, l.opts.Now())
	w.Parallel(runtime.GOMAXPROCS(0)) // a new index: every batch holds other documents
	defer func() { _ = w.Wait() }()   // none left in flight when the index is closed
	docs := map[string][]ArticleDocs{}
	var writeErr error
	for e := range done {
		if writeErr != nil {
			continue // drain
		}
		if writeErr = w.Add(e.a, e.qs); writeErr != nil {
			cancel()
			continue
		}
		meta.Articles++
		meta.Paragraphs += len(e.a.Paragraphs)
		meta.Statements += len(e.qs)
		if e.file != "" {
			docs[e.file] = append(docs[e.file], ArticleDocs{ID: e.a.ID, Paragraphs: len(e.a.Paragraphs), Statements: len(e.qs)})
		}
		if progress != nil && meta.Articles%50 == 0 {
			progress(meta.Articles, max(total, meta.Articles))
		}
	}
	if writeErr != nil {
		return meta, writeErr
	}
	if readErr != nil {
		return meta, readErr
	}
	if err := ctx.Err(); err != nil {
		return meta, err
	}
	if err := w.Flush(); err != nil {
		return meta, err
	}
	if progress != nil {
		progress(meta.Articles, meta.Articles)
	}
	// done is closed, so the reader has finished with files.
	for path, st := range files {
		st.Articles = docs[path]
		meta.Files[path] = st
	}
	meta.Skipped = skipped
	return meta, nil
}

// read sends every article of the corpus to out, skipping (and reporting)
// what cannot be read and ids already seen.
// The size and time of each file read go into files.
func (l *Library) read(ctx context.Context, out chan<- extracted, files map[string]FileState) ([]Skipped, error) {
	opts := article.Options{Strict: l.opts.Strict, Logger: l.log}
	send := func(file string) func(*article.Article) error {
		return func(a *article.Article) error {
			select {
			case out <- extracted{a: a, file: file}:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	}
	if len(l.opts.Corpus) == 0 {
		return article.WalkFS(ctx, sample.FS(), sample.Root, opts, send(""))
	}
	list, err := article.Files(l.opts.Corpus)
	if err != nil && len(list) == 0 {
		// Not one file can be listed (a mistyped path): building an
		// empty index would put nothing in place of what is indexed.
		return nil, fmt.Errorf("read corpus: no file of it can be read: %w", err)
	}
	skipped, err := fileProblems(err, l.opts.Strict)
	if err != nil {
		return nil, fmt.Errorf("read corpus: %w", err)
	}
	seen := map[string]string{}
	for _, f := range list {
		files[f.Path] = FileState{Size: f.Size, ModTime: f.ModTime}
		fn := send(f.Path)
		sk, err := article.ReadFile(ctx, f.Path, opts, func(a *article.Article) error {
			if first, dup := seen[a.ID]; dup {
				p := &article.Problem{Where: a.Origin, Reason: fmt.Sprintf("duplicate id %q (first in %s)", a.ID, first), Kind: article.ErrDuplicateID}
				if opts.Strict {
					return p
				}
				skipped = append(skipped, p.Skipped())
				return nil
			}
			seen[a.ID] = a.Origin
			return fn(a)
		})
		skipped = append(skipped, sk...)
		if err != nil {
			return skipped, err
		}
	}
	return skipped, nil
}

// fileProblems turns the problems of listing the corpus (a missing or
// unreadable path) into skips, or, when strict, into the error.
func fileProblems(err error, strict bool) ([]Skipped, error) {
	if err == nil {
		return nil, nil
	}
	if strict {
		return nil, err
	}
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	var out []Skipped
	for _, e := range errs {
		var p *article.Problem
		if errors.As(e, &p) {
			out = append(out, p.Skipped())
		} else {
			return nil, err
		}
	}
	return out, nil
}

const indexMetaKey = index.InternalMeta

func metaJSON(m Meta) ([]byte, error) {
	b, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("save index metadata: %w", err)
	}
	return b, nil
}

func saveMeta(ix *index.Index, m Meta) error {
	b, err := metaJSON(m)
	if err != nil {
		return err
	}
	return ix.SetInternal(indexMetaKey, b)
}
