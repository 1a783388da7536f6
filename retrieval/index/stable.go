package index

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	bleveindex "github.com/blevesearch/bleve_index_api"
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

// fieldsOf reads the stored fields of documents, by id, as a search's
// hits give them (a field stored more than once as a list); ids the index
// does not hold are absent. It reads each document straight from one
// snapshot of the index: a search for the ids would look each of them up
// twice, once to match it and once to read it.
func (ix *Index) fieldsOf(ctx context.Context, ids, fields []string) (map[string]map[string]any, error) {
	if len(ids) == 0 || len(fields) == 0 {
		return nil, nil
	}
	adv, err := ix.b.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	defer func() { _ = r.Close() }()
	want := make(map[string]bool, len(fields))
	for _, f := range fields {
		want[f] = true
	}
	if snap, ok := r.(*scorch.IndexSnapshot); ok {
		return storedFields(ctx, snap, ids, want)
	}
	// An index in memory is bleve's upside_down, not scorch.
	byID := make(map[string]map[string]any, len(ids))
	for _, id := range ids {
		if _, done := byID[id]; done {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		doc, err := r.Document(id)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", id, err)
		}
		if doc == nil {
			continue // gone since it was found
		}
		got := map[string]any{}
		doc.VisitFields(func(f bleveindex.Field) {
			if !want[f.Name()] {
				return
			}
			var v any
			switch f := f.(type) {
			case bleveindex.TextField:
				v = f.Text()
			case bleveindex.NumericField:
				n, err := f.Number()
				if err != nil {
					return
				}
				v = n
			default:
				return
			}
			addValue(got, f.Name(), v)
		})
		byID[id] = got
	}
	return byID, nil
}

// addValue sets field name of got to v, or adds v to its values.
func addValue(got map[string]any, name string, v any) {
	switch old := got[name].(type) {
	case nil:
		got[name] = v
	case []any:
		got[name] = append(old, v)
	default:
		got[name] = []any{old, v}
	}
}

// storedFields is fieldsOf on a scorch snapshot: each segment finds the
// documents of all the ids at once, and only the fields wanted are
// decoded (Document looks every id up in every segment on its own, and
// makes a field of every stored value).
func storedFields(ctx context.Context, snap *scorch.IndexSnapshot, ids []string, want map[string]bool) (map[string]map[string]any, error) {
	byID := make(map[string]map[string]any, len(ids))
	for _, seg := range snap.Segments() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		nums, err := seg.DocNumbers(ids)
		if err != nil {
			return nil, fmt.Errorf("find documents: %w", err)
		}
		for it := nums.Iterator(); it.HasNext(); {
			n := uint64(it.Next())
			id, err := seg.DocID(n)
			if err != nil {
				return nil, fmt.Errorf("read document %d: %w", n, err)
			}
			got := map[string]any{}
			var bad error
			err = seg.VisitDocument(n, func(name string, typ byte, val []byte, _ []uint64) bool {
				if !want[name] {
					return true
				}
				switch typ {
				case 't':
					addValue(got, name, string(val))
				case 'n':
					v, err := document.NewNumericFieldFromBytes(name, nil, val).Number()
					if err != nil {
						bad = fmt.Errorf("field %s: %w", name, err)
						return false
					}
					addValue(got, name, v)
				}
				return true
			})
			if err == nil {
				err = bad
			}
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", id, err)
			}
			byID[string(id)] = got
		}
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
