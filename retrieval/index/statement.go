package index

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2"

	"github.com/coveragebot/coveragebot/retrieval/quote"
)

// statementRecord is everything a paragraph's document stores of one of
// its statements, as one value: a statement has a dozen values to show and
// none to search on, and bleve spends as much on each stored field of a
// document as on its words.
type statementRecord struct {
	Article   string   `json:"a"`
	Date      string   `json:"d,omitempty"`
	Key       string   `json:"k"`
	Text      string   `json:"x"`
	Sentence  string   `json:"t"`
	Speaker   string   `json:"s"`
	Name      string   `json:"n"`
	Role      string   `json:"r,omitempty"`
	Kind      string   `json:"c"`
	Rule      string   `json:"u,omitempty"`
	Paragraph int      `json:"p"`
	Start     int      `json:"b"`
	End       int      `json:"e"`
	Forms     []string `json:"f,omitempty"` // see statementForms
}

func newStatementRecord(articleID, date, key string, q quote.Quote) statementRecord {
	return statementRecord{Article: articleID, Date: date, Key: key, Text: q.Text, Sentence: q.Sentence,
		Speaker: q.Speaker, Name: q.Name, Role: q.Role, Kind: string(q.Kind), Rule: q.Rule,
		Paragraph: q.Paragraph, Start: q.Start, End: q.End, Forms: statementForms(q)}
}

func (r statementRecord) encode() (string, error) {
	b, err := json.Marshal(r)
	if err != nil {
		return "", fmt.Errorf("statement of %s: %w", r.Article, err)
	}
	return string(b), nil
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
		if err := json.Unmarshal([]byte(raw), &out[i]); err != nil {
			return nil, fmt.Errorf("a statement's stored record: %w", err)
		}
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
