package index

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/search/query"
)

// ParagraphHit is a paragraph found by a search.
type ParagraphHit struct {
	ArticleID  string
	Paragraph  int // 0-based
	Start, End int // rune offsets in the article text
	Text       string
	Caption    bool
	Score      float64

	id     string // the paragraph's document
	loaded bool   // its fields were read
}

// Loaded says whether the hit's fields (text, article, offsets) were read.
func (h ParagraphHit) Loaded() bool { return h.loaded }

// StatementHit is a statement found by a search.
type StatementHit struct {
	ArticleID  string
	Paragraph  int // 0-based
	Start, End int // rune offsets in the article text
	Text       string
	Sentence   string
	Speaker    string // as written
	Name       string // canonical
	Key        string
	Role       string
	Kind       string
	Rule       string // the pattern that found it (quote.Quote.Rule)
	Date       string
	Score      float64
}

// PassageQuery asks for paragraphs.
type PassageQuery struct {
	Text         string // free text, analysed in English
	Outlet       string // optional exact outlet
	Since, Until string // optional YYYY-MM-DD bounds, inclusive
	NoCaptions   bool
	All          bool // every term must match (default: any)
	// MinTerms, without All, is how many of the text's distinct terms a
	// paragraph must hold to match (default: one).
	MinTerms   int
	From, Size int
	// Load, when above zero, is how many of the first hits have their
	// fields read; the others have only a score until LoadParagraphs.
	Load int
}

// StatementQuery asks for statements of some speakers.
type StatementQuery struct {
	Keys []string // speaker keys; at least one
	// Buckets, when set, narrows the statements of Keys to those months
	// (RecentBuckets).
	Buckets []string
	Topic   string // optional: only statements in paragraphs about it
	Cue     string // optional cue lemma that lifts matching statements
	Since   string // optional YYYY-MM-DD
	// From and Size count paragraphs, each giving its statements by the
	// speakers asked for.
	From, Size int
}

// SearchParagraphs returns the best paragraphs for q, best first, and the
// number of paragraphs that matched.
func (ix *Index) SearchParagraphs(ctx context.Context, q PassageQuery) ([]ParagraphHit, uint64, error) {
	m := ix.wordsQuery(q.Text, q.All, q.MinTerms)
	must := []query.Query{m}
	if q.Outlet != "" {
		must = append(must, term(fOutlet, q.Outlet))
	}
	if q.Since != "" || q.Until != "" {
		must = append(must, dateRange(q.Since, q.Until))
	}
	var pq query.Query = m // alone, the words are matched without a conjunction of one around them
	if len(must) > 1 || q.NoCaptions {
		b := bleve.NewBooleanQuery()
		b.AddMust(must...)
		if q.NoCaptions {
			b.AddMustNot(term(fCaption, "1"))
		}
		pq = b
	}
	req := bleve.NewSearchRequestOptions(pq, size(q.Size), q.From, false)
	req.Fields = paragraphFields
	res, err := ix.searchStable(ctx, req, []string{"-_score"}, q.Load) // ties by _id: the same answer every time
	if err != nil {
		return nil, 0, fmt.Errorf("search paragraphs: %w", err)
	}
	hits := make([]ParagraphHit, len(res.Hits))
	for i, h := range res.Hits {
		hits[i] = ParagraphHit{id: h.ID, Score: h.Score}
		if h.Fields != nil {
			hits[i].fill(h.Fields)
		}
	}
	return hits, res.Total, nil
}

// wordsQuery matches the paragraphs holding every term of text (all), or
// at least min of its distinct terms. A match query would do for one, but
// bleve's match query cannot ask for several: then the disjunction of the
// terms is built here, so that bleve scores only paragraphs holding
// enough of them, instead of all those holding any.
func (ix *Index) wordsQuery(text string, all bool, min int) query.Query {
	if !all && min > 1 {
		terms := slices.Compact(slices.Sorted(slices.Values(ix.Terms(text))))
		if min < len(terms) {
			clauses := make([]query.Query, len(terms))
			for i, t := range terms {
				clauses[i] = term(fPText, t)
			}
			d := bleve.NewDisjunctionQuery(clauses...)
			d.SetMin(float64(min))
			return d
		}
		all = true // as many as it has
	}
	m := bleve.NewMatchQuery(text)
	m.SetField(fPText)
	if all {
		m.SetOperator(query.MatchQueryOperatorAnd)
	}
	return m
}

var paragraphFields = []string{fArticle, fPText, fPara, fStart, fEnd, fCaption}

// fill sets the fields of a hit from those stored.
func (h *ParagraphHit) fill(f map[string]any) {
	h.ArticleID, h.Text = str(f[fArticle]), str(f[fPText])
	h.Paragraph, h.Start, h.End = num(f[fPara]), num(f[fStart]), num(f[fEnd])
	h.Caption = str(f[fCaption]) == "1"
	h.loaded = true
}

// LoadParagraphs reads the fields of the hits not read yet, in one search.
func (ix *Index) LoadParagraphs(ctx context.Context, hits []ParagraphHit) error {
	var ids []string
	for _, h := range hits {
		if !h.loaded {
			ids = append(ids, h.id)
		}
	}
	fields, err := ix.fieldsOf(ctx, ids, paragraphFields)
	if err != nil {
		return fmt.Errorf("load paragraphs: %w", err)
	}
	for i := range hits {
		if f, ok := fields[hits[i].id]; ok && !hits[i].loaded {
			hits[i].fill(f)
		}
	}
	return nil
}

// SearchStatements returns statements of the speakers in q, most relevant
// to the topic first, then the newest, and the number of paragraphs that
// matched.
//
// A topic is matched in the words of the statements' paragraphs; a
// statement whose own sentence does not hold them weighs less than one
// that does, and those outside its words (in "Kishida said on Tuesday")
// less than those in them.
func (ix *Index) SearchStatements(ctx context.Context, q StatementQuery) ([]StatementHit, uint64, error) {
	if len(q.Keys) == 0 {
		return nil, 0, nil
	}
	wanted := map[string]bool{}
	keys := make([]query.Query, 0, len(q.Keys))
	for _, k := range q.Keys {
		keys = append(keys, term(fKey, k))
		wanted[k] = true
	}
	var months map[string]bool
	if len(q.Buckets) > 0 { // the months stand for the keys, and match fewer
		months = map[string]bool{}
		keys = keys[:0]
		for _, m := range q.Buckets {
			keys = append(keys, term(fKeyMonth, m))
			months[m] = true
		}
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(bleve.NewDisjunctionQuery(keys...))
	var topic []string
	if q.Topic != "" {
		words := bleve.NewMatchQuery(q.Topic)
		words.SetField(fPText)
		b.AddMust(words)
		topic = slices.Compact(slices.Sorted(slices.Values(ix.Terms(q.Topic))))
	}
	if q.Since != "" {
		b.AddMust(dateRange(q.Since, ""))
	}
	// Direct quotes are lifted by the ranker, from the hits: a clause
	// for them here would walk the postings of most statements.
	if q.Cue != "" {
		c := term(fTags, cueTag(q.Cue))
		c.SetBoost(0.5)
		b.AddShould(c)
	}
	req := bleve.NewSearchRequestOptions(b, size(q.Size), q.From, false)
	req.Fields = []string{fSData}
	res, err := ix.searchStable(ctx, req, []string{"-_score", "-" + fSDate}, 0) // ties by _id: the same answer every time
	if err != nil {
		return nil, 0, fmt.Errorf("search statements: %w", err)
	}
	hits := make([]StatementHit, 0, len(res.Hits))
	for _, h := range res.Hits {
		recs, err := statementRecordsOf(h.Fields)
		if err != nil {
			return nil, 0, fmt.Errorf("search statements: %s: %w", h.ID, err)
		}
		for _, r := range recs {
			if !wanted[r.Key] || (months != nil && !months[r.Key+formSep+monthOf(r.Date)]) {
				continue // another speaker of the paragraph, or another month
			}
			hits = append(hits, StatementHit{
				ArticleID: r.Article, Text: r.Text, Sentence: r.Sentence, Speaker: r.Speaker, Name: r.Name, Key: r.Key,
				Role: r.Role, Kind: r.Kind, Rule: r.Rule, Date: r.Date, Paragraph: r.Paragraph, Start: r.Start, End: r.End,
				Score: h.Score * ix.topicWeight(r, topic),
			})
		}
	}
	// The paragraphs came best first, then newest: a statement weighed down
	// by the topic sinks among them, and equals keep that order.
	slices.SortStableFunc(hits, func(a, b StatementHit) int { return cmp.Compare(b.Score, a.Score) })
	return hits, res.Total, nil
}

// topicWeight is how much of a paragraph's score a statement of it
// keeps: all when its words hold every term of the topic, half when its
// sentence holds none, and the words around it count half their own.
func (ix *Index) topicWeight(r statementRecord, topic []string) float64 {
	if len(topic) == 0 {
		return 1
	}
	own := map[string]bool{}
	for _, t := range ix.Terms(r.Text) {
		own[t] = true
	}
	around := map[string]bool{}
	for _, t := range ix.Terms(r.Sentence) {
		around[t] = true
	}
	share := 0.0
	for _, t := range topic {
		switch {
		case own[t]:
			share++
		case around[t]:
			share += 0.5
		}
	}
	return 0.5 + 0.5*share/float64(len(topic))
}

func term(field, value string) *query.TermQuery {
	t := bleve.NewTermQuery(value)
	t.SetField(field)
	return t
}

// dateRange matches dates from since to until, inclusive; an empty bound
// is open.
func dateRange(since, until string) query.Query {
	inclusive := true
	r := bleve.NewTermRangeInclusiveQuery(since, until, &inclusive, &inclusive)
	r.SetField(fDate)
	return r
}

func size(n int) int {
	if n <= 0 {
		return 10
	}
	if n > maxResults {
		return maxResults
	}
	return n
}

func str(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case []any:
		if len(t) > 0 {
			return str(t[0])
		}
	}
	return ""
}

func num(v any) int {
	if f, ok := v.(float64); ok {
		return int(f)
	}
	return 0
}

// Token is one index term of a text and the bytes it was made from.
type Token struct {
	Term       string
	Start, End int // byte offsets in the text
}

// Tokens returns the index terms of text as the English analysis makes
// them (lower-cased, stemmed, stop words dropped), with where each stands,
// for matching excerpts to a question the way the index does.
func (ix *Index) Tokens(text string) []Token {
	a := ix.b.Mapping().AnalyzerNamed(en.AnalyzerName)
	if a == nil {
		return nil
	}
	toks := a.Analyze([]byte(text))
	out := make([]Token, 0, len(toks))
	for _, t := range toks {
		out = append(out, Token{Term: string(t.Term), Start: t.Start, End: t.End})
	}
	return out
}

// Terms returns the index terms of text, as Tokens makes them.
func (ix *Index) Terms(text string) []string {
	toks := ix.Tokens(text)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Term
	}
	return out
}
