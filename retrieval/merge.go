package retrieval

import (
	"strings"
	"unicode"
)

// nearSame is the share of words two excerpts must have in common to be
// the same sentence reported by two outlets ("The two leaders referred to
// each other as dear friends…" and "Xi and Putin referred to each other
// as dear friends…").
const nearSame = 0.75

// merger collects items, folding the same words reported by several
// articles into one item that lists every source.
type merger struct {
	items []Item
	bags  []map[string]int // the words of each item
	sizes []int
}

// add adds an item, or folds it into the item holding the same words; it
// reports whether it folded it.
func (m *merger) add(it Item) (folded bool) {
	bag, n := wordBag(it.Text)
	for i := range m.items {
		// Two texts share at most the words of the shorter: when those are
		// too few, the words need not be compared.
		need := nearSame * float64(max(n, m.sizes[i]))
		if float64(min(n, m.sizes[i])) < need || overlap(bag, m.bags[i]) < need {
			continue
		}
		prev := &m.items[i]
		if prev.Source.ID == it.Source.ID {
			return true // the same words twice in one article: once is enough
		}
		for _, a := range prev.Also {
			if a.ID == it.Source.ID {
				return true
			}
		}
		prev.Also = append(prev.Also, it.Source)
		return true
	}
	m.items = append(m.items, it)
	m.bags = append(m.bags, bag)
	m.sizes = append(m.sizes, n)
	return false
}

// wordBag counts the words of text, lower-cased, so that quotation marks,
// apostrophes and spacing do not tell copies apart.
func wordBag(text string) (map[string]int, int) {
	bag := map[string]int{}
	n := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		bag[w]++
		n++
	}
	return bag, n
}

// overlap counts the words two bags share.
func overlap(a, b map[string]int) float64 {
	n := 0
	for w, c := range a {
		n += min(c, b[w])
	}
	return float64(n)
}
