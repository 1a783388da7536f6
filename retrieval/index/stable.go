package index

import (
	"context"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
)

// searchStable runs req in the order given, ties broken by document id, so
// the same question gets the same answer every time. It gives what
// req.SortBy(append(order, "_id")) gives, without what that costs: bleve
// would read the id of every match (most paragraphs, for a question of
// common words) to sort on it. Instead it asks for a few more hits than
// wanted in the order alone, and sorts those by id; when a tie runs past
// them, so that bleve may have left out an equal with a smaller id, it
// asks again with the id in the order.
func (ix *Index) searchStable(ctx context.Context, req *bleve.SearchRequest, order []string) (*bleve.SearchResult, error) {
	want := req.From + req.Size
	fast := *req
	fast.From, fast.Size = 0, want+max(16, want/2)
	fast.SortBy(order)
	res, err := ix.b.SearchInContext(ctx, &fast)
	if err != nil {
		return nil, err
	}
	hits := res.Hits
	if want > 0 && len(hits) == fast.Size && compareHits(hits[want-1], hits[len(hits)-1], order) == 0 {
		slow := *req
		slow.SortBy(append(slices.Clone(order), "_id"))
		return ix.b.SearchInContext(ctx, &slow)
	}
	slices.SortStableFunc(hits, func(a, b *search.DocumentMatch) int {
		if c := compareHits(a, b, order); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	res.Hits = hits[min(req.From, len(hits)):min(want, len(hits))]
	res.Request = req
	return res, nil
}

// compareHits orders two hits as bleve does for order ("-_score",
// "-field", "field"…): scores as numbers, fields by their sort values.
func compareHits(a, b *search.DocumentMatch, order []string) int {
	for i, o := range order {
		desc := strings.HasPrefix(o, "-")
		c := 0
		if strings.TrimLeft(o, "+-") == "_score" {
			switch {
			case a.Score < b.Score:
				c = -1
			case a.Score > b.Score:
				c = 1
			}
		} else if i < len(a.Sort) && i < len(b.Sort) {
			c = strings.Compare(a.Sort[i], b.Sort[i])
		}
		if desc {
			c = -c
		}
		if c != 0 {
			return c
		}
	}
	return 0
}
