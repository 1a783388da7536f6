package bench

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/coveragebot/coveragebot/retrieval/article"
	"github.com/coveragebot/coveragebot/retrieval/index"
)

// rawField is the one field of a raw paragraph document.
const rawField = "text"

// rawHits is how many paragraphs a raw question returns, as an answer
// holds five items.
const rawHits = 5

// readArticles reads the corpus with coveragebot's reader (the same
// paragraphs for both systems) into a channel, closed at the end; the
// error, if any, arrives on errc.
func readArticles(ctx context.Context, corpus string) (<-chan *article.Article, <-chan error) {
	out := make(chan *article.Article, 64)
	errc := make(chan error, 1)
	go func() {
		defer close(out)
		_, err := article.ReadFile(ctx, corpus, article.Options{Logger: slog.New(slog.DiscardHandler)}, func(a *article.Article) error {
			select {
			case out <- a:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
		errc <- err
	}()
	return out, errc
}

// buildBleve builds the floor: bleve's default dynamic mapping with BM25
// scoring, one document per paragraph holding its text, written in batches
// of args.Batch documents as the corpus is read.
func buildBleve(ctx context.Context, args WorkerArgs, progress func(int)) (BuildResult, error) {
	start := time.Now()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	m := bleve.NewIndexMapping()
	m.ScoringModel = "bm25"
	ix, err := bleve.New(args.Index, m)
	if err != nil {
		return BuildResult{}, fmt.Errorf("bleve build: %w", err)
	}
	size := args.Batch
	if size <= 0 {
		size = index.DefaultBatchSize
	}
	arts, errc := readArticles(ctx, args.Corpus)
	var res BuildResult
	b := ix.NewBatch()
	var werr error
	for a := range arts {
		if werr != nil {
			continue // drain
		}
		for _, p := range a.Paragraphs {
			if werr = b.Index(a.ID+"/"+strconv.Itoa(p.Index), map[string]any{rawField: p.Text}); werr != nil {
				break
			}
			if b.Size() >= size {
				if werr = ix.Batch(b); werr != nil {
					break
				}
				b.Reset()
			}
		}
		if werr != nil {
			cancel()
			continue
		}
		res.Articles++
		res.Paragraphs += len(a.Paragraphs)
		progress(res.Articles)
	}
	rerr := <-errc
	if werr == nil && rerr == nil && b.Size() > 0 {
		werr = ix.Batch(b)
	}
	cerr := ix.Close()
	for _, err := range []error{werr, rerr, cerr} {
		if err != nil {
			return BuildResult{}, fmt.Errorf("bleve build: %w", err)
		}
	}
	res.Took = time.Since(start)
	return res, nil
}

// readOnly reads and segments the corpus and does nothing else: what
// reading costs both builds.
func readOnly(ctx context.Context, args WorkerArgs, progress func(int)) (BuildResult, error) {
	start := time.Now()
	arts, errc := readArticles(ctx, args.Corpus)
	var res BuildResult
	for a := range arts {
		res.Articles++
		res.Paragraphs += len(a.Paragraphs)
		progress(res.Articles)
	}
	if err := <-errc; err != nil {
		return BuildResult{}, fmt.Errorf("read: %w", err)
	}
	res.Took = time.Since(start)
	return res, nil
}

// rawIndex answers questions the plain way: one match query over the
// default _all field, the best five paragraphs with their stored text.
type rawIndex struct{ ix bleve.Index }

func openRaw(dir string) (*rawIndex, error) {
	ix, err := bleve.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("open raw bleve index: %w", err)
	}
	return &rawIndex{ix: ix}, nil
}

// ask returns the number of paragraphs found (at most five), each with
// its text.
func (r *rawIndex) ask(ctx context.Context, q string) (int, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewMatchQuery(q), rawHits, 0, false)
	req.Fields = []string{rawField}
	res, err := r.ix.SearchInContext(ctx, req)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, h := range res.Hits {
		if s, ok := h.Fields[rawField].(string); ok && s != "" {
			n++
		}
	}
	return n, nil
}

func (r *rawIndex) Close() error { return r.ix.Close() }
