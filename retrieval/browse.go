package retrieval

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/coveragebot/coveragebot/retrieval/article"
	"github.com/coveragebot/coveragebot/retrieval/digest"
	"github.com/coveragebot/coveragebot/retrieval/quote"
)

// Search answers with passages for free text, optionally from one outlet
// and between two dates: what /search shows.
func (l *Library) Search(ctx context.Context, q SearchQuery) (Answer, error) {
	text, err := checkQuestion(q.Text, l.opts.MaxQuestion)
	if err != nil {
		return Answer{}, err
	}
	s, release, err := l.acquire()
	if err != nil {
		return Answer{}, err
	}
	defer release()
	v := s.view.Load()
	ans := Answer{Question: text, Coverage: v.coverage, Items: []Item{}}
	pq := passageQuery{text: text, outlet: strings.TrimSpace(q.Outlet)}
	if !q.Since.IsZero() {
		pq.since = q.Since.Format(dayLayout)
	}
	if !q.Until.IsZero() {
		pq.until = q.Until.Format(dayLayout)
	}
	return l.passages(ctx, s, ans, pq, q.Offset, l.limit(q.Limit))
}

const dayLayout = "2006-01-02"

// Sources says what is indexed: articles by outlet (most first), the date
// range and when it was indexed.
func (l *Library) Sources(ctx context.Context) (SourcesReport, error) {
	if err := ctx.Err(); err != nil {
		return SourcesReport{}, err
	}
	s, release, err := l.acquire()
	if err != nil {
		return SourcesReport{}, err
	}
	defer release()
	v := s.view.Load()
	r := SourcesReport{Coverage: v.coverage, Outlets: []OutletCount{}}
	for o, n := range v.stats.Outlets {
		r.Outlets = append(r.Outlets, OutletCount{Outlet: o, Articles: n})
	}
	sort.Slice(r.Outlets, func(i, j int) bool {
		if r.Outlets[i].Articles != r.Outlets[j].Articles {
			return r.Outlets[i].Articles > r.Outlets[j].Articles
		}
		return r.Outlets[i].Outlet < r.Outlets[j].Outlet
	})
	return r, nil
}

// Days returns the number of articles of each day (YYYY-MM-DD).
func (l *Library) Days() (map[string]int, error) {
	s, release, err := l.acquire()
	if err != nil {
		return nil, err
	}
	defer release()
	out := map[string]int{}
	for d, n := range s.view.Load().stats.Days {
		out[d] = n
	}
	return out, nil
}

// Summary builds the summary of one day's coverage: the articles published
// that day (undated ones by the day they were added).
func (l *Library) Summary(ctx context.Context, date time.Time) (digest.Summary, error) {
	day := date.Format(dayLayout)
	s, release, err := l.acquire()
	if err != nil {
		return digest.Summary{}, err
	}
	defer release()
	metas, err := s.ix.ArticlesOn(ctx, day)
	if err != nil {
		return digest.Summary{}, err
	}
	arts := make([]*article.Article, 0, len(metas))
	quotes := map[string][]quote.Quote{}
	for _, m := range metas {
		a, qs, err := s.ix.Article(ctx, m)
		if err != nil {
			return digest.Summary{}, err
		}
		arts = append(arts, a)
		if len(qs) > 0 {
			quotes[m.ID] = qs
		}
	}
	return digest.Build(day, arts, quotes, digest.Options{}), nil
}
