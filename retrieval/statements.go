package retrieval

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/coveragebot/coveragebot/retrieval/index"
)

// statementPool is how many statements of one person are weighed before
// the page is cut: enough to rank by more than bleve's score.
const statementPool = 60

// statements answers with the words of the people a question names, the
// best match first; when they are quoted but not on topic, it says so.
func (l *Library) statements(ctx context.Context, s *snapshot, ans Answer, cands []candidate, topic, cue, since string, offset, limit int) (Answer, error) {
	want := offset + limit + 1
	var hits []index.StatementHit
	for _, c := range cands {
		got, _, err := s.ix.SearchStatements(ctx, index.StatementQuery{Keys: c.p.keys, Topic: topic, Cue: cue, Since: since, Size: max(statementPool, want)})
		if err != nil {
			return Answer{}, err
		}
		hits = append(hits, rankStatements(got)...)
		if len(hits) >= want {
			break
		}
	}
	who := cands[0].p.name
	if len(hits) == 0 {
		ans.Kind = KindNone
		switch {
		case topic != "" && since != "":
			ans.Message = fmt.Sprintf("%s is quoted in the coverage, but not on %q since %s.", who, topic, since)
		case topic != "":
			ans.Message = fmt.Sprintf("%s is quoted in the coverage, but not on %q.", who, topic)
		case since != "":
			ans.Message = fmt.Sprintf("%s is not quoted in the coverage since %s.", who, since)
		default:
			ans.Message = fmt.Sprintf("%s is not quoted in the coverage.", who)
		}
		return ans, nil
	}
	items, err := l.statementItems(ctx, s, hits)
	if err != nil {
		return Answer{}, err
	}
	ans.Kind = KindQuotes
	ans.Items, ans.More = page(items, offset, limit)
	if len(cands) > 1 && cands[1].p.name != who {
		ans.Message = fmt.Sprintf("Several people match; most of these are from %s.", who)
	}
	return ans, nil
}

// rankStatements orders one person's statements: bleve's score (topic,
// cue, direct quotes), then substance (statements of a few words say
// little), then the newest.
func rankStatements(hits []index.StatementHit) []index.StatementHit {
	weight := func(h index.StatementHit) float64 {
		n := len(strings.Fields(h.Text))
		w := h.Score
		switch {
		case n < 3:
			w -= 1
		case n < 6:
			w -= 0.2
		}
		return w
	}
	sort.SliceStable(hits, func(i, j int) bool {
		wi, wj := weight(hits[i]), weight(hits[j])
		if wi != wj {
			return wi > wj
		}
		return hits[i].Date > hits[j].Date
	})
	return hits
}

// statementItems turns statements into cited items, one item for the
// same words carried by several articles.
func (l *Library) statementItems(ctx context.Context, s *snapshot, hits []index.StatementHit) ([]Item, error) {
	ids := make([]string, 0, len(hits))
	for _, h := range hits {
		ids = append(ids, h.ArticleID)
	}
	metas, err := s.ix.Articles(ctx, ids)
	if err != nil {
		return nil, err
	}
	var m merger
	for _, h := range hits {
		meta, ok := metas[h.ArticleID]
		if !ok {
			continue
		}
		m.add(Item{Text: h.Text, Speaker: h.Speaker, Kind: h.Kind, Score: h.Score, Source: cite(meta, h.Paragraph, h.Start, h.End)})
	}
	return m.items, nil
}

// page cuts one page of items and says whether more follow.
func page(items []Item, offset, limit int) ([]Item, bool) {
	if offset >= len(items) {
		return []Item{}, false
	}
	end := min(len(items), offset+limit)
	return items[offset:end], end < len(items)
}

// cite makes the Source of runes start..end in paragraph p of an article.
func cite(m index.ArticleMeta, p, start, end int) Source {
	src := Source{ID: m.ID, Title: m.Title, Outlet: m.Outlet, URL: m.URL, Paragraph: p + 1, Start: start, End: end}
	if !m.Undated {
		src.Published = m.Date
	}
	return src
}
