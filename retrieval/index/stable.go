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
// wanted in the order alone, with no fields, and sorts those by id; when a
// tie runs past them (the same paragraph in many articles), so that bleve
// may have left out an equal with a smaller id, it asks for many more, and
// only then sorts every match by id. The fields of the page are read last,
// for its hits alone, or for its first load hits when load is above zero:
// then only those are sure to stand where a sort by id would put them.
func (ix *Index) searchStable(ctx context.Context, req *bleve.SearchRequest, order []string, load int) (*bleve.SearchResult, error) {
	want := req.From + req.Size
	if want == 0 {
		return ix.b.SearchInContext(ctx, req)
	}
	// Only the hits to be loaded must be in their exact place: a tie
	// running past those fetched after them leaves the order of the rest
	// (read later, if at all) as bleve gives it.
	exact := want
	if load > 0 {
		exact = min(want, req.From+load)
	}
	var res *bleve.SearchResult
	for _, spare := range fetchSizes(exact) {
		fetch := max(want, spare)
		fast := *req
		fast.From, fast.Size, fast.Fields = 0, fetch, nil
		fast.SortBy(order)
		r, err := ix.b.SearchInContext(ctx, &fast)
		if err != nil {
			return nil, err
		}
		if h := r.Hits; len(h) < fetch || compareHits(h[exact-1], h[len(h)-1], order) != 0 {
			res = r
			break
		}
	}
	if res == nil { // a tie longer than all that: sort every match by id
		slow := *req
		slow.From, slow.Size, slow.Fields = 0, want, nil
		slow.SortBy(append(slices.Clone(order), "_id"))
		r, err := ix.b.SearchInContext(ctx, &slow)
		if err != nil {
			return nil, err
		}
		res = r
	}
	hits := res.Hits
	slices.SortStableFunc(hits, func(a, b *search.DocumentMatch) int {
		if c := compareHits(a, b, order); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	res.Hits = hits[min(req.From, len(hits)):min(want, len(hits))]
	res.Request = req
	if load > 0 {
		hits = res.Hits[:min(load, len(res.Hits))]
	}
	return res, ix.loadFields(ctx, hits, req.Fields)
}

// fetchSizes are the two fetches searchStable tries for exact hits in
// their exact place (at least all the hits wanted). Hits without fields
// cost little beyond the matching itself and reading their ids, so they
// are generous: a second fetch means matching everything again.
var fetchSizes = func(exact int) []int { return []int{exact + exact/2 + 16, 16*exact + 1024} }

// loadFields reads the stored fields of hits.
func (ix *Index) loadFields(ctx context.Context, hits search.DocumentMatchCollection, fields []string) error {
	if len(hits) == 0 || len(fields) == 0 {
		return nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	byID, err := ix.fieldsOf(ctx, ids, fields)
	if err != nil {
		return err
	}
	for _, h := range hits {
		h.Fields = byID[h.ID]
	}
	return nil
}

// fieldsOf reads the stored fields of documents, by id.
func (ix *Index) fieldsOf(ctx context.Context, ids, fields []string) (map[string]map[string]any, error) {
	if len(ids) == 0 || len(fields) == 0 {
		return nil, nil
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = fields
	res, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]map[string]any, len(res.Hits))
	for _, h := range res.Hits {
		byID[h.ID] = h.Fields
	}
	return byID, nil
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
