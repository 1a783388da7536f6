package retrieval

import (
	"context"
	"fmt"
	"maps"
	"time"

	"github.com/coveragebot/coveragebot/retrieval/article"
	"github.com/coveragebot/coveragebot/retrieval/quote"
)

// UpdateReport says what an update took in.
type UpdateReport struct {
	Added, Changed, Removed int // files
	Articles                int // articles indexed
	Deleted                 int // articles removed
	Skipped                 []Skipped
}

// Empty says whether the update found nothing to do.
func (r UpdateReport) Empty() bool { return r.Added+r.Changed+r.Removed == 0 }

// Update takes in the corpus files added, changed or deleted since the
// index last saw them, in the live index, while questions keep being
// answered. A broken new file is reported and skipped. It does nothing
// while a rebuild runs (the rebuild will see the files).
func (l *Library) Update(ctx context.Context) (UpdateReport, error) {
	var rep UpdateReport
	if len(l.opts.Corpus) == 0 || !l.rebuild.TryLock() {
		return rep, nil
	}
	defer l.rebuild.Unlock()
	s, release, err := l.acquire()
	if err != nil {
		return rep, err
	}
	defer release()
	meta := s.view.Load().meta
	meta.Files = maps.Clone(meta.Files)
	if meta.Files == nil {
		meta.Files = map[string]FileState{}
	}
	files, listErr := article.Files(l.opts.Corpus)
	rep.Skipped, err = fileProblems(listErr, false)
	if err != nil {
		return rep, fmt.Errorf("update: %w", err)
	}
	// A corpus path that cannot be listed now (unmounted, renamed) is not
	// taken for deleted: nothing indexed is dropped on that account.
	canDelete := listErr == nil
	now := map[string]article.FileInfo{}
	for _, f := range files {
		now[f.Path] = f
	}
	w := s.ix.NewWriter(0, l.opts.Now())
	drop := func(path string) error {
		for _, a := range meta.Files[path].Articles {
			if err := w.Delete(a.ID, a.Paragraphs); err != nil {
				return err
			}
			meta.Articles--
			meta.Paragraphs -= a.Paragraphs
			meta.Statements -= a.Statements
			rep.Deleted++
		}
		delete(meta.Files, path)
		return nil
	}
	for path := range meta.Files {
		if _, ok := now[path]; !ok && canDelete {
			if err := drop(path); err != nil {
				return rep, fmt.Errorf("update: %w", err)
			}
			rep.Removed++
		}
	}
	for _, f := range files {
		old, known := meta.Files[f.Path]
		if known && old.Size == f.Size && old.ModTime.Equal(f.ModTime) {
			continue
		}
		if known {
			rep.Changed++
			if err := drop(f.Path); err != nil {
				return rep, fmt.Errorf("update: %w", err)
			}
		} else {
			rep.Added++
		}
		seen := map[string]bool{}
		for _, st := range meta.Files {
			for _, a := range st.Articles {
				seen[a.ID] = true
			}
		}
		st := FileState{Size: f.Size, ModTime: f.ModTime}
		sk, err := article.ReadFile(ctx, f.Path, article.Options{Logger: l.log}, func(a *article.Article) error {
			if seen[a.ID] {
				rep.Skipped = append(rep.Skipped, Skipped{Where: a.Origin, Reason: fmt.Sprintf("duplicate id %q", a.ID)})
				return nil
			}
			seen[a.ID] = true
			qs := quote.Extract(a)
			if err := w.Add(a, qs); err != nil {
				return err
			}
			st.Articles = append(st.Articles, ArticleDocs{ID: a.ID, Paragraphs: len(a.Paragraphs), Statements: len(qs)})
			meta.Articles++
			meta.Paragraphs += len(a.Paragraphs)
			meta.Statements += len(qs)
			rep.Articles++
			return nil
		})
		rep.Skipped = append(rep.Skipped, sk...)
		if err != nil {
			return rep, fmt.Errorf("update %s: %w", f.Path, err)
		}
		meta.Files[f.Path] = st
	}
	if rep.Empty() {
		return rep, nil
	}
	meta.IndexedAt = l.opts.Now().UTC()
	b, err := metaJSON(meta)
	if err != nil {
		return rep, err
	}
	w.SetInternal(indexMetaKey, b)
	if err := w.Flush(); err != nil {
		return rep, fmt.Errorf("update: %w", err)
	}
	if err := s.refresh(); err != nil {
		return rep, fmt.Errorf("update: %w", err)
	}
	l.log.Info("corpus update", "added", rep.Added, "changed", rep.Changed, "removed", rep.Removed,
		"articles", rep.Articles, "deleted", rep.Deleted, "skipped", len(rep.Skipped))
	for _, sk := range rep.Skipped {
		l.log.Warn("skipped", "where", sk.Where, "reason", sk.Reason)
	}
	return rep, nil
}

// Watch polls the corpus every interval and takes in what changed, until
// ctx is done. Failures are logged and tried again at the next tick.
func (l *Library) Watch(ctx context.Context, interval time.Duration) {
	if interval <= 0 || len(l.opts.Corpus) == 0 {
		return
	}
	every(ctx, interval, func() {
		if _, err := l.Update(ctx); err != nil && ctx.Err() == nil {
			l.log.Error("corpus update failed; will try again", "err", err)
		}
	})
}
