package index

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"sort"
	"strings"
)

// Speaker is one speaker known to the index, read back from its terms.
type Speaker struct {
	Key        string
	Statements int      // statements attributed to the speaker
	Names      []string // canonical names, most frequent first
	Written    []string // the speaker as the text names them
	Roles      []string
	Aliases    []string
}

// Speakers lists every speaker with statements, in key order.
func (ix *Index) Speakers() ([]Speaker, error) {
	counts := map[string]int{}
	if err := ix.eachTerm(fKey, func(term string, n int) { counts[term] = n }); err != nil {
		return nil, err
	}
	type formCount struct {
		v string
		n int
	}
	forms := map[string]map[byte][]formCount{}
	err := ix.eachTerm(fForms, func(term string, n int) {
		key, form, ok := strings.Cut(term, formSep)
		if !ok || form == "" {
			return
		}
		if forms[key] == nil {
			forms[key] = map[byte][]formCount{}
		}
		forms[key][form[0]] = append(forms[key][form[0]], formCount{form[1:], n})
	})
	if err != nil {
		return nil, err
	}
	list := func(fc []formCount) []string {
		sort.SliceStable(fc, func(i, j int) bool { return fc[i].n > fc[j].n })
		out := make([]string, len(fc))
		for i, f := range fc {
			out[i] = f.v
		}
		return out
	}
	out := make([]Speaker, 0, len(counts))
	for key, n := range counts {
		if n <= 0 {
			continue
		}
		f := forms[key]
		out = append(out, Speaker{Key: key, Statements: n, Names: list(f['n']), Written: list(f['s']), Roles: list(f['r']), Aliases: list(f['a'])})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out, nil
}

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

// eachTerm calls fn with every term of a keyword field and the number of
// documents holding it.
func (ix *Index) eachTerm(field string, fn func(term string, n int)) error {
	d, err := ix.b.FieldDict(field)
	if err != nil {
		return fmt.Errorf("read terms of %s: %w", field, err)
	}
	defer func() { _ = d.Close() }()
	for {
		e, err := d.Next()
		if err != nil {
			return fmt.Errorf("read terms of %s: %w", field, err)
		}
		if e == nil {
			return nil
		}
		fn(e.Term, int(e.Count))
	}
}
