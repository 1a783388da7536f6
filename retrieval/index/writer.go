package index

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
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
	docs  *docBuilder
	size  int
	added time.Time
	err   error // the mapping could not be read: every Add fails with it

	// The tally of speakers, read from the index on the first change and
	// saved with the last batch (Flush).
	tally      tally
	tallyDirty bool

	// With Parallel, full batches are indexed in the background.
	slots    chan struct{} // one token per batch in flight
	inflight sync.WaitGroup
	mu       sync.Mutex
	bgErr    error // the first error of a background batch
}

// NewWriter returns a Writer that sends a batch to bleve every batchSize
// documents (DefaultBatchSize when batchSize <= 0). Undated articles are
// dated by added, the time they were added to the coverage.
func (ix *Index) NewWriter(batchSize int, added time.Time) *Writer {
	if batchSize <= 0 {
		batchSize = DefaultBatchSize
	}
	docs, err := newDocBuilder(ix.b.Mapping())
	return &Writer{ix: ix, batch: ix.b.NewBatch(), docs: docs, size: batchSize, added: added, err: err}
}

func articleDocID(id string) string          { return "a/" + id }
func paragraphDocID(id string, n int) string { return "p/" + id + "/" + strconv.Itoa(n) }

// Add queues an article and its statements.
func (w *Writer) Add(a *article.Article, qs []quote.Quote) error {
	if w.err != nil {
		return fmt.Errorf("index article %s: %w", a.ID, w.err)
	}
	if err := w.loadTally(); err != nil {
		return fmt.Errorf("index article %s: %w", a.ID, err)
	}
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
	ad := w.docs.start(articleDocID(a.ID), typeArticle).str(fArticle, a.ID).str(fADate, adate).str(fAOutlet, a.Outlet).
		str(fTitle, a.Title).str(fURL, a.URL).str(fAuthors, strings.Join(a.Authors, ", ")).str(fAdded, added).
		num(fParas, len(a.Paragraphs)).num(fStmts, len(qs)).num(fTextLen, len(a.Text))
	if err := w.index(ad); err != nil {
		return fmt.Errorf("index article %s: %w", a.ID, err)
	}
	said, err := w.statementsByParagraph(a, date, qs)
	if err != nil {
		return fmt.Errorf("index article %s: %w", a.ID, err)
	}
	for _, p := range a.Paragraphs {
		d := w.docs.start(paragraphDocID(a.ID, p.Index), typeParagraph).str(fArticle, a.ID).str(fPText, p.Text).
			num(fPara, p.Index).num(fStart, p.Start).num(fEnd, p.End)
		if date != "" {
			d.str(fDate, date)
		}
		if a.Outlet != "" {
			d.str(fOutlet, a.Outlet)
		}
		if p.Caption {
			d.str(fCaption, "1")
		}
		if s := said[p.Index]; s != nil {
			d.strs(fKey, s.keys).strs(fKeyMonth, s.months).strs(fTags, s.tags).strs(fSData, s.records)
			if date != "" {
				d.str(fSDate, date)
			}
		}
		if err := w.index(d); err != nil {
			return fmt.Errorf("index article %s paragraph %d: %w", a.ID, p.Index+1, err)
		}
	}
	return w.maybeFlush()
}

// paragraphStatements are the fields a paragraph's statements add to its
// document, each keyword once.
type paragraphStatements struct {
	keys, months, tags, records []string
}

// statementsByParagraph builds the statement fields of an article's
// paragraphs, by paragraph index, and counts them in the tally. A
// statement without a speaker key, or outside the article's paragraphs,
// is left out: the tally counts only what the index stores.
func (w *Writer) statementsByParagraph(a *article.Article, date string, qs []quote.Quote) (map[int]*paragraphStatements, error) {
	out := map[int]*paragraphStatements{}
	for _, p := range a.Paragraphs {
		out[p.Index] = nil
	}
	for i, q := range qs {
		key := quote.NameKey(q.Name)
		if _, ok := out[q.Paragraph]; !ok || key == "" {
			continue
		}
		rec := newStatementRecord(a.ID, date, key, q)
		data, err := rec.encode()
		if err != nil {
			return nil, fmt.Errorf("statement %d: %w", i+1, err)
		}
		w.tally.add(key, rec.Forms, monthOf(date), 1)
		w.tallyDirty = true
		s := out[q.Paragraph]
		if s == nil {
			s = &paragraphStatements{}
			out[q.Paragraph] = s
		}
		s.records = append(s.records, data)
		s.keys = appendNew(s.keys, key)
		s.months = appendNew(s.months, key+formSep+monthOf(date))
		if c := CueLemma(q.Cue); c != "" {
			s.tags = appendNew(s.tags, cueTag(c))
		}
	}
	return out, nil
}

// appendNew appends v unless list holds it already.
func appendNew(list []string, v string) []string {
	if slices.Contains(list, v) {
		return list
	}
	return append(list, v)
}

func cueTag(lemma string) string { return "cue:" + lemma }

// monthOf is the month of a date (YYYY-MM-DD), or "0000-00" (before
// every month) when there is no date.
func monthOf(date string) string {
	month := "0000-00"
	if len(date) >= len(month) {
		month = date[:len(month)]
	}
	return month
}

// loadTally reads the tally of speakers before the first change.
func (w *Writer) loadTally() error {
	if w.tally != nil {
		return nil
	}
	t, err := w.ix.readTally()
	if err != nil {
		return err
	}
	w.tally = t
	return nil
}

// index queues a built document.
func (w *Writer) index(d *doc) error {
	bd, err := d.done()
	if err != nil {
		return err
	}
	return w.batch.IndexAdvanced(bd)
}

// Delete queues the removal of an article with the given number of
// paragraphs (as stored; see Index.ArticleMeta), its statements with them.
func (w *Writer) Delete(id string, paragraphs int) error {
	if err := w.loadTally(); err != nil {
		return fmt.Errorf("delete article %s: %w", id, err)
	}
	was, err := w.ix.tallyOf(id, paragraphs)
	if err != nil {
		return fmt.Errorf("delete article %s: %w", id, err)
	}
	for _, e := range was {
		w.tally.add(e.key, e.forms, e.month, -1)
		w.tallyDirty = true
	}
	w.batch.Delete(articleDocID(id))
	for i := 0; i < paragraphs; i++ {
		w.batch.Delete(paragraphDocID(id, i))
	}
	return w.maybeFlush()
}

// SetInternal queues a key/value pair of the index's own store.
func (w *Writer) SetInternal(key string, val []byte) { w.batch.SetInternal([]byte(key), pack(val)) }

// Parallel lets up to n full batches be indexed at once, in the
// background, while the next one is filled: bleve turns a batch into a
// segment on one core, so a build on several cores keeps them busy. Batches
// in flight may be applied in any order, so only a writer whose batches
// touch distinct documents (a build into a new index) may use it. n <= 1
// indexes each batch in turn, before Add returns.
func (w *Writer) Parallel(n int) {
	if n > 1 {
		w.slots = make(chan struct{}, n)
	}
}

func (w *Writer) maybeFlush() error {
	if w.batch.Size() < w.size {
		return nil
	}
	if w.slots == nil {
		return w.send()
	}
	if err := w.backgroundErr(); err != nil {
		return err
	}
	w.slots <- struct{}{}
	b := w.batch
	w.batch = w.ix.b.NewBatch()
	w.inflight.Add(1)
	go func() {
		defer w.inflight.Done()
		defer func() { <-w.slots }()
		if err := w.ix.b.Batch(b); err != nil {
			w.mu.Lock()
			if w.bgErr == nil {
				w.bgErr = fmt.Errorf("index batch: %w", err)
			}
			w.mu.Unlock()
		}
	}()
	return nil
}

func (w *Writer) backgroundErr() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.bgErr
}

// Wait waits for the batches in flight (see Parallel) and returns the
// first error of one of them.
func (w *Writer) Wait() error {
	w.inflight.Wait()
	return w.backgroundErr()
}

// Flush sends what is queued to the index, with the tally of speakers,
// and returns once every batch, including those in flight, is in it.
func (w *Writer) Flush() error {
	if err := w.Wait(); err != nil {
		return err
	}
	if w.tallyDirty {
		w.batch.SetInternal([]byte(internalSpeakers), pack(w.tally.encode()))
		w.tallyDirty = false
	}
	return w.send()
}

// send sends the queued batch to the index and waits for it.
func (w *Writer) send() error {
	if w.batch.Size() == 0 {
		return nil
	}
	if err := w.ix.b.Batch(w.batch); err != nil {
		return fmt.Errorf("index batch: %w", err)
	}
	w.batch.Reset()
	return nil
}
