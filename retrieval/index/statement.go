package index

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/coveragebot/coveragebot/retrieval/quote"
)

// statementRecord is everything a statement document stores, in one
// stored field: a statement has a dozen values to show and none to search
// on, and bleve spends as much on each stored field of a document as on
// its words.
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

// statementRecordOf reads back the record of a hit's stored fields.
func statementRecordOf(fields map[string]any) (statementRecord, error) {
	var r statementRecord
	raw := str(fields[fSData])
	if raw == "" {
		return r, fmt.Errorf("a statement without its stored record")
	}
	if err := json.Unmarshal([]byte(raw), &r); err != nil {
		return r, fmt.Errorf("a statement's stored record: %w", err)
	}
	return r, nil
}

func (r statementRecord) quote() quote.Quote {
	return quote.Quote{Speaker: r.Speaker, Name: r.Name, Role: r.Role, Kind: quote.Kind(r.Kind), Text: r.Text,
		Sentence: r.Sentence, Paragraph: r.Paragraph, Start: r.Start, End: r.End, Rule: r.Rule}
}

// restOfSentence is what a statement's sentence says besides the statement's own
// words ("Kishida said on Tuesday" of a quotation): a question's topic is
// matched in both, and the words of the statement are indexed once.
func restOfSentence(q quote.Quote) string {
	if q.Text != "" {
		if rest, ok := strings.CutPrefix(q.Sentence, q.Text); ok {
			return rest
		}
		if i := strings.Index(q.Sentence, q.Text); i >= 0 {
			return q.Sentence[:i] + " " + q.Sentence[i+len(q.Text):]
		}
	}
	return q.Sentence
}
