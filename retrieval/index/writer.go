package index

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/coveragebot/coveragebot/retrieval/article"
	"github.com/coveragebot/coveragebot/retrieval/quote"
)

// DefaultBatchSize is how many documents go to bleve in one batch.
const DefaultBatchSize = 2000

// Writer adds and removes articles in batches. It is not safe for
// concurrent use; Flush before reading what was written.
type Writer struct {
	ix    *Index
	batch *bleve.Batch
	size  int
	added time.Time
}

// NewWriter returns a Writer that sends a batch to bleve every batchSize
// documents (DefaultBatchSize when batchSize <= 0). Undated articles are
// dated by added, the time they were added to the coverage.
func (ix *Index) NewWriter(batchSize int, added time.Time) *Writer {
	if batchSize <= 0 {
		batchSize = DefaultBatchSize
	}
	return &Writer{ix: ix, batch: ix.b.NewBatch(), size: batchSize, added: added}
}

func articleDocID(id string) string          { return "a/" + id }
func paragraphDocID(id string, n int) string { return "p/" + id + "/" + strconv.Itoa(n) }
func statementDocID(id string, n int) string { return "s/" + id + "/" + strconv.Itoa(n) }

// Add queues an article and its statements.
func (w *Writer) Add(a *article.Article, qs []quote.Quote) error {
	date, added := "", ""
	if !a.Published.IsZero() {
		date = a.Published.Format(dateLayout)
	} else {
		added = w.added.Format(dateLayout)
	}
	adate := date
	if adate == "" {
		adate = added
	}
	if err := w.batch.Index(articleDocID(a.ID), map[string]any{
		fType: typeArticle, fArticle: a.ID, fADate: adate, fAOutlet: a.Outlet,
		fTitle: a.Title, fURL: a.URL, fAuthors: strings.Join(a.Authors, ", "), fAdded: added,
		fParas: len(a.Paragraphs), fStmts: len(qs), fTextLen: len(a.Text),
	}); err != nil {
		return fmt.Errorf("index article %s: %w", a.ID, err)
	}
	for _, p := range a.Paragraphs {
		doc := map[string]any{
			fType: typeParagraph, fArticle: a.ID, fPText: p.Text,
			fPara: p.Index, fStart: p.Start, fEnd: p.End,
		}
		if date != "" {
			doc[fDate] = date
		}
		if a.Outlet != "" {
			doc[fOutlet] = a.Outlet
		}
		if p.Caption {
			doc[fCaption] = "1"
		}
		if err := w.batch.Index(paragraphDocID(a.ID, p.Index), doc); err != nil {
			return fmt.Errorf("index article %s paragraph %d: %w", a.ID, p.Index+1, err)
		}
	}
	for i, q := range qs {
		key := quote.NameKey(q.Name)
		if key == "" {
			continue
		}
		doc := map[string]any{
			fType: typeStatement, fArticle: a.ID, fQText: q.Text, fContext: q.Sentence,
			fSentence: q.Sentence, fKey: key, fForms: speakerForms(key, q),
			fCue: CueLemma(q.Cue), fSpeaker: q.Speaker, fName: q.Name, fRole: q.Role,
			fKind: string(q.Kind), fRule: q.Rule, fPara: q.Paragraph, fStart: q.Start, fEnd: q.End,
		}
		if date != "" {
			doc[fDate] = date
		}
		if a.Outlet != "" {
			doc[fOutlet] = a.Outlet
		}
		if err := w.batch.Index(statementDocID(a.ID, i), doc); err != nil {
			return fmt.Errorf("index article %s statement %d: %w", a.ID, i+1, err)
		}
	}
	return w.maybeFlush()
}

// Delete queues the removal of an article with the given numbers of
// paragraphs and statements (as stored; see Index.ArticleMeta).
func (w *Writer) Delete(id string, paragraphs, statements int) error {
	w.batch.Delete(articleDocID(id))
	for i := 0; i < paragraphs; i++ {
		w.batch.Delete(paragraphDocID(id, i))
	}
	for i := 0; i < statements; i++ {
		w.batch.Delete(statementDocID(id, i))
	}
	return w.maybeFlush()
}

// SetInternal queues a key/value pair of the index's own store.
func (w *Writer) SetInternal(key string, val []byte) { w.batch.SetInternal([]byte(key), val) }

func (w *Writer) maybeFlush() error {
	if w.batch.Size() >= w.size {
		return w.Flush()
	}
	return nil
}

// Flush sends what is queued to the index.
func (w *Writer) Flush() error {
	if w.batch.Size() == 0 {
		return nil
	}
	if err := w.ix.b.Batch(w.batch); err != nil {
		return fmt.Errorf("index batch: %w", err)
	}
	w.batch.Reset()
	return nil
}

// speakerForms lists "key\x1fform" for each way the coverage names the
// speaker, so that the speakers table can be read back from the term
// dictionary alone, and stays right when articles are removed.
func speakerForms(key string, q quote.Quote) []string {
	seen := map[string]bool{}
	var out []string
	add := func(kind, v string) {
		if v == "" || seen[kind+v] {
			return
		}
		seen[kind+v] = true
		out = append(out, key+formSep+kind+v)
	}
	add("n", q.Name)
	add("s", q.Speaker)
	add("r", q.Role)
	for _, al := range q.Aliases {
		add("a", al)
	}
	return out
}
