package index

import (
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/blevesearch/bleve/v2"

	"github.com/coveragebot/coveragebot/retrieval/quote"
)

// statementRecord is everything a paragraph's document stores of one of
// its statements, as one value: a statement has a dozen values to show and
// none to search on, and bleve spends as much on each stored field of a
// document as on its words.
type statementRecord struct {
	Article   string
	Date      string
	Key       string
	Text      string
	Sentence  string
	Speaker   string
	Name      string
	Role      string
	Kind      string
	Rule      string
	Paragraph int
	Start     int
	End       int
	Forms     []string // see statementForms
}

func newStatementRecord(articleID, date, key string, q quote.Quote) statementRecord {
	return statementRecord{Article: articleID, Date: date, Key: key, Text: q.Text, Sentence: q.Sentence,
		Speaker: q.Speaker, Name: q.Name, Role: q.Role, Kind: string(q.Kind), Rule: q.Rule,
		Paragraph: q.Paragraph, Start: q.Start, End: q.End, Forms: statementForms(q)}
}

// encode writes a record as its stored value: each string as its length
// (a uvarint) then its bytes, each number as a uvarint, the forms as their
// count then each form. Reading it back takes no copy and no parsing of
// text (JSON was a tenth of an answer's time).
func (r statementRecord) encode() (string, error) {
	if r.Paragraph < 0 || r.Start < 0 || r.End < 0 {
		return "", fmt.Errorf("statement of %s: negative place %d:%d-%d", r.Article, r.Paragraph, r.Start, r.End)
	}
	var b []byte
	for _, f := range [...]string{r.Article, r.Date, r.Key, r.Text, r.Sentence, r.Speaker, r.Name, r.Role, r.Kind, r.Rule} {
		b = appendString(b, f)
	}
	for _, n := range [...]int{r.Paragraph, r.Start, r.End, len(r.Forms)} {
		b = binary.AppendUvarint(b, uint64(n))
	}
	for _, f := range r.Forms {
		b = appendString(b, f)
	}
	return string(b), nil
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// errRecord means a stored statement record ends early or runs over.
var errRecord = errors.New("a statement's stored record is broken")

// recordReader reads the values of one encoded record in turn; the
// strings it returns share the record's memory.
type recordReader struct {
	s   string
	err error
}

func (rr *recordReader) number() int {
	if rr.err != nil {
		return 0
	}
	n, k := binary.Uvarint([]byte(rr.s[:min(len(rr.s), binary.MaxVarintLen64)]))
	if k <= 0 || n > math.MaxInt32 {
		rr.err = errRecord
		return 0
	}
	rr.s = rr.s[k:]
	return int(n)
}

func (rr *recordReader) string() string {
	n := rr.number()
	if rr.err != nil || n > len(rr.s) {
		rr.err = errRecord
		return ""
	}
	v := rr.s[:n]
	rr.s = rr.s[n:]
	return v
}

func decodeRecord(raw string) (statementRecord, error) {
	rr := &recordReader{s: raw}
	r := statementRecord{Article: rr.string(), Date: rr.string(), Key: rr.string(), Text: rr.string(), Sentence: rr.string(),
		Speaker: rr.string(), Name: rr.string(), Role: rr.string(), Kind: rr.string(), Rule: rr.string(),
		Paragraph: rr.number(), Start: rr.number(), End: rr.number()}
	if n := rr.number(); n > 0 && n <= len(rr.s) {
		r.Forms = make([]string, n)
		for i := range r.Forms {
			r.Forms[i] = rr.string()
		}
	} else if n > len(rr.s) {
		rr.err = errRecord
	}
	if rr.err == nil && rr.s != "" {
		rr.err = errRecord
	}
	if rr.err != nil {
		return statementRecord{}, rr.err
	}
	return r, nil
}

// statementRecordsOf reads back the records of a paragraph's stored
// fields, in text order; a paragraph without statements has none.
func statementRecordsOf(fields map[string]any) ([]statementRecord, error) {
	var raws []string
	switch v := fields[fSData].(type) {
	case nil:
		return nil, nil
	case string:
		raws = []string{v}
	case []any:
		for _, e := range v {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("a statement's stored record is a %T", e)
			}
			raws = append(raws, s)
		}
	default:
		return nil, fmt.Errorf("the stored statements are a %T", v)
	}
	out := make([]statementRecord, len(raws))
	for i, raw := range raws {
		r, err := decodeRecord(raw)
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	return out, nil
}

// statementsIn reads the statement records of an article of n
// paragraphs, in text order.
func (ix *Index) statementsIn(ctx context.Context, id string, n int) ([]statementRecord, error) {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = paragraphDocID(id, i)
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), max(n, 1), 0, false)
	req.Fields = []string{fSData}
	res, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	var out []statementRecord
	for _, h := range res.Hits {
		recs, err := statementRecordsOf(h.Fields)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", h.ID, err)
		}
		out = append(out, recs...)
	}
	slices.SortStableFunc(out, func(a, b statementRecord) int { return cmp.Compare(a.Start, b.Start) })
	return out, nil
}

func (r statementRecord) quote() quote.Quote {
	return quote.Quote{Speaker: r.Speaker, Name: r.Name, Role: r.Role, Kind: quote.Kind(r.Kind), Text: r.Text,
		Sentence: r.Sentence, Paragraph: r.Paragraph, Start: r.Start, End: r.End, Rule: r.Rule}
}
