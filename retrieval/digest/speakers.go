package digest

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"unicode"

	"github.com/coveragebot/coveragebot/retrieval/quote"
)

// Bounds on the statements "who said what" shows.
const (
	minQuoteWords  = 5  // "I agree" says little on its own
	maxQuoteWords  = 80 // longer ones would be cut, and a quote is never cut
	goodQuoteWords = 40 // beyond this, more words add nothing to a statement's worth
)

// speaker gathers what one person or institution said in the day's coverage.
type speaker struct {
	key        string // quote.NameKey of the name
	name, role string
	aliases    []string
	statements []statement  // those fit to show
	quoted     int          // statements of any length
	articles   map[int]bool // docs quoting them
	prominence int          // docs quoting or mentioning them
	best       statement
}

type statement struct {
	doc   int
	q     quote.Quote
	score float64
}

// whoSaidWhat picks the day's most notable statements, one per speaker:
// speakers ranked by how many of the day's articles quote or name them,
// then by how often they are quoted; for each, the statement that weighs
// most, a direct quotation of a good length first.
func (b *builder) whoSaidWhat(quotes map[string][]quote.Quote, max int) []Quote {
	byID := make(map[string]int, len(b.docs))
	for i, d := range b.docs {
		byID[d.a.ID] = i
	}
	speakers := make(map[string]*speaker)
	// In article order, so that a speaker's name and role as shown come
	// from the same article whatever the map's order.
	for _, id := range slices.Sorted(maps.Keys(quotes)) {
		di, ok := byID[id]
		if !ok {
			continue
		}
		for _, q := range quotes[id] {
			name := strings.Join(strings.Fields(cmp.Or(q.Name, q.Speaker)), " ")
			key := quote.NameKey(name)
			if !named(name) || key == "" {
				continue
			}
			sp := speakers[key]
			if sp == nil {
				sp = &speaker{key: key, name: name, articles: make(map[int]bool)}
				speakers[key] = sp
			}
			sp.articles[di] = true
			sp.quoted++
			sp.aliases = append(sp.aliases, q.Aliases...)
			if sp.role == "" {
				sp.role = strings.TrimSpace(q.Role)
			}
			if sc, ok := statementScore(q); ok {
				sp.statements = append(sp.statements, statement{doc: di, q: q, score: sc})
			}
		}
	}
	var ranked []*speaker
	for _, sp := range speakers {
		if len(sp.statements) == 0 {
			continue
		}
		slices.SortFunc(sp.statements, func(x, y statement) int {
			if c := cmp.Compare(y.score, x.score); c != 0 {
				return c
			}
			if c := strings.Compare(b.docs[x.doc].a.ID, b.docs[y.doc].a.ID); c != 0 {
				return c
			}
			return cmp.Compare(x.q.Start, y.q.Start)
		})
		sp.best = sp.statements[0]
		sp.prominence = b.prominence(sp)
		ranked = append(ranked, sp)
	}
	slices.SortFunc(ranked, func(x, y *speaker) int {
		if c := cmp.Compare(y.prominence, x.prominence); c != 0 {
			return c
		}
		if c := cmp.Compare(y.quoted, x.quoted); c != 0 {
			return c
		}
		if c := cmp.Compare(y.best.score, x.best.score); c != 0 {
			return c
		}
		return strings.Compare(x.key, y.key)
	})
	if len(ranked) > max {
		ranked = ranked[:max]
	}
	out := make([]Quote, 0, len(ranked))
	for _, sp := range ranked {
		q := sp.best.q
		a := b.docs[sp.best.doc].a
		out = append(out, Quote{
			Speaker: sp.name, Role: cmp.Or(strings.TrimSpace(q.Role), sp.role), Kind: q.Kind, Text: q.Text,
			Source: a.Cite(q.Paragraph, q.Start, q.End), Articles: sp.prominence,
		})
	}
	return out
}

// prominence counts the day's articles that quote the speaker or name them
// (every word of the name, or of one of the names the articles use).
func (b *builder) prominence(sp *speaker) int {
	docs := maps.Clone(sp.articles)
	for _, name := range append([]string{sp.name}, sp.aliases...) {
		if ids := b.nameTerms(name); ids != nil {
			for _, di := range b.holding(ids) {
				docs[di] = true
			}
		}
	}
	return len(docs)
}

// statementScore weighs a statement: its length up to goodQuoteWords, a
// speaker's own words (direct, mixed) above reported ones. Statements too
// short to stand alone or too long to show whole are left out.
func statementScore(q quote.Quote) (float64, bool) {
	n := wordCount(q.Text)
	if n < minQuoteWords || n > maxQuoteWords {
		return 0, false
	}
	score := float64(min(n, goodQuoteWords))
	switch q.Kind {
	case quote.Direct:
		score += 10
	case quote.Mixed:
		score += 5
	}
	return score, true
}

// named tells a named speaker ("Antony Blinken", "White House") from an
// anonymous one ("officials", "a spokesperson").
func named(name string) bool {
	return strings.IndexFunc(name, unicode.IsUpper) >= 0
}
