package index

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
)

// Stats describes what the index holds.
type Stats struct {
	Articles int
	Outlets  map[string]int // articles per outlet ("" for none)
	Days     map[string]int // articles per day (YYYY-MM-DD; undated by when added)
}

// Stats counts the articles by outlet and by day. It counts with a
// search (not the term dictionary), so articles removed by an update are
// not counted.
func (ix *Index) Stats() (Stats, error) {
	s := Stats{Outlets: map[string]int{}, Days: map[string]int{}}
	req := bleve.NewSearchRequestOptions(term(fType, typeArticle), 0, 0, false)
	req.AddFacet(fADate, bleve.NewFacetRequest(fADate, maxFacet))
	req.AddFacet(fAOutlet, bleve.NewFacetRequest(fAOutlet, maxFacet))
	res, err := ix.b.Search(req)
	if err != nil {
		return s, fmt.Errorf("count articles: %w", err)
	}
	s.Articles = int(res.Total)
	named := 0
	if f := res.Facets[fADate]; f != nil && f.Terms != nil {
		for _, t := range f.Terms.Terms() {
			s.Days[t.Term] = t.Count
		}
	}
	if f := res.Facets[fAOutlet]; f != nil && f.Terms != nil {
		for _, t := range f.Terms.Terms() {
			s.Outlets[t.Term] = t.Count
			named += t.Count
		}
	}
	if rest := s.Articles - named; rest > 0 {
		s.Outlets[""] = rest
	}
	return s, nil
}

// maxFacet bounds the days and outlets counted (about 270 years of days).
const maxFacet = 100000
