package index

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/coveragebot/coveragebot/retrieval/article"
	"github.com/coveragebot/coveragebot/retrieval/quote"
)

// ArticleMeta is what the index keeps of an article beside its paragraphs.
type ArticleMeta struct {
	ID, Title, Outlet, URL string
	Date                   string // YYYY-MM-DD published, or added when Undated
	Undated                bool
	Authors                []string
	Paragraphs, Statements int
	TextLen                int // bytes
}

var articleFields = []string{fArticle, fTitle, fAOutlet, fURL, fADate, fAdded, fAuthors, fParas, fStmts, fTextLen}

// Articles returns the metadata of the articles with the given ids, by id;
// ids the index does not hold are absent.
func (ix *Index) Articles(ctx context.Context, ids []string) (map[string]ArticleMeta, error) {
	out := make(map[string]ArticleMeta, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	docIDs := make([]string, len(ids))
	for i, id := range ids {
		docIDs[i] = articleDocID(id)
	}
	fields, err := ix.fieldsOf(ctx, docIDs, articleFields)
	if err != nil {
		return nil, fmt.Errorf("read articles: %w", err)
	}
	for _, f := range fields {
		m := metaOf(f)
		out[m.ID] = m
	}
	return out, nil
}

// ArticlesOn returns the metadata of the articles of one day (YYYY-MM-DD:
// published then, or undated and added then).
func (ix *Index) ArticlesOn(ctx context.Context, day string) ([]ArticleMeta, error) {
	req := bleve.NewSearchRequestOptions(term(fADate, day), maxResults, 0, false)
	req.Fields = articleFields
	req.SortBy([]string{"_id"})
	res, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("read articles of %s: %w", day, err)
	}
	out := make([]ArticleMeta, 0, len(res.Hits))
	for _, h := range res.Hits {
		out = append(out, metaOf(h.Fields))
	}
	return out, nil
}

func metaOf(f map[string]any) ArticleMeta {
	m := ArticleMeta{
		ID: str(f[fArticle]), Title: str(f[fTitle]), Outlet: str(f[fAOutlet]), URL: str(f[fURL]),
		Date: str(f[fADate]), Undated: str(f[fAdded]) != "",
		Paragraphs: num(f[fParas]), Statements: num(f[fStmts]), TextLen: num(f[fTextLen]),
	}
	if a := str(f[fAuthors]); a != "" {
		m.Authors = strings.Split(a, ", ")
	}
	return m
}

// Article rebuilds a whole article from its paragraphs: the text has every
// paragraph at its original rune offsets (what lay between paragraphs is
// given back as line breaks), so citations into it stay exact. Its
// statements, stored with the paragraphs, come with it, in text order.
func (ix *Index) Article(ctx context.Context, m ArticleMeta) (*article.Article, []quote.Quote, error) {
	ids := make([]string, m.Paragraphs)
	for i := range ids {
		ids[i] = paragraphDocID(m.ID, i)
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), max(len(ids), 1), 0, false)
	req.Fields = []string{fPText, fPara, fStart, fEnd, fCaption, fSData}
	res, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, nil, fmt.Errorf("read article %s: %w", m.ID, err)
	}
	paras := make([]article.Paragraph, len(res.Hits))
	var qs []quote.Quote
	for _, h := range res.Hits {
		i := num(h.Fields[fPara])
		if i < 0 || i >= len(paras) {
			return nil, nil, fmt.Errorf("read article %s: paragraph %d out of %d", m.ID, i+1, len(paras))
		}
		paras[i] = article.Paragraph{Index: i, Text: str(h.Fields[fPText]), Start: num(h.Fields[fStart]), End: num(h.Fields[fEnd]), Caption: str(h.Fields[fCaption]) == "1"}
		recs, err := statementRecordsOf(h.Fields)
		if err != nil {
			return nil, nil, fmt.Errorf("read article %s paragraph %d: %w", m.ID, i+1, err)
		}
		for _, r := range recs {
			qs = append(qs, r.quote())
		}
	}
	slices.SortStableFunc(qs, func(a, b quote.Quote) int { return cmp.Compare(a.Start, b.Start) })
	var sb strings.Builder
	pos := 0
	for _, p := range paras {
		for ; pos < p.Start; pos++ {
			sb.WriteByte('\n')
		}
		sb.WriteString(p.Text)
		pos = p.End
	}
	a := &article.Article{ID: m.ID, Title: m.Title, Outlet: m.Outlet, URL: m.URL, Authors: m.Authors, Text: sb.String()}
	if !m.Undated && m.Date != "" {
		a.Published = parseDate(m.Date)
	}
	article.Segment(a)
	return a, qs, nil
}

func parseDate(s string) time.Time {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return time.Time{}
	}
	return t
}
