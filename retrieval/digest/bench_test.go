package digest

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/sharedtest"

	"github.com/coveragebot/coveragebot/retrieval/article"
	"github.com/coveragebot/coveragebot/retrieval/quote"
)

// realtimeQA reads the first limit articles (all when limit <= 0) of the
// realtimeqa corpus, grouped by publication date (YYYY-MM-DD; "" for undated).
func realtimeQA(tb testing.TB, limit int) map[string][]*article.Article {
	tb.Helper()
	name := filepath.Join(sharedtest.Dir(tb), "corpora", "realtimeqa-2023.jsonl.gz")
	byDay := make(map[string][]*article.Article)
	n := 0
	errEnough := errors.New("enough")
	_, err := article.ReadFile(context.Background(), name, article.Options{}, func(a *article.Article) error {
		day := ""
		if !a.Published.IsZero() {
			day = a.Published.Format(time.DateOnly)
		}
		byDay[day] = append(byDay[day], a)
		if n++; n == limit {
			return errEnough
		}
		return nil
	})
	if err != nil && !errors.Is(err, errEnough) {
		tb.Fatal(err)
	}
	return byDay
}

// BenchmarkBuild times the summary of the busiest day of the realtimeqa
// corpus, and of its busiest month as one very busy "day" of hundreds, with
// the statements quote.Extract finds in them.
func BenchmarkBuild(b *testing.B) {
	byDay := realtimeQA(b, 0)
	var busiest string
	month := make(map[string][]*article.Article)
	for d, arts := range byDay {
		if d == "" {
			continue
		}
		if len(arts) > len(byDay[busiest]) || len(arts) == len(byDay[busiest]) && d < busiest {
			busiest = d
		}
		month[d[:7]] = append(month[d[:7]], arts...)
	}
	var busiestMonth string
	for m, arts := range month {
		if len(arts) > len(month[busiestMonth]) || len(arts) == len(month[busiestMonth]) && m < busiestMonth {
			busiestMonth = m
		}
	}
	for _, bc := range []struct {
		name string
		arts []*article.Article
	}{
		{"day=" + busiest, byDay[busiest]},
		{"month=" + busiestMonth, month[busiestMonth]},
	} {
		quotes := make(map[string][]quote.Quote, len(bc.arts))
		for _, a := range bc.arts {
			quotes[a.ID] = quote.Extract(a)
		}
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				Build(busiest, bc.arts, quotes, Options{})
			}
			b.ReportMetric(float64(len(bc.arts)), "articles")
		})
	}
}
