package retrieval

import (
	"slices"
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
	bags  [][]uint64 // the words of each item (see wordBag)
}

// add adds an item, or folds it into the item holding the same words; it
// reports whether it folded it.
func (m *merger) add(it Item) (folded bool) {
	bag := wordBag(it.Text)
	n := len(bag)
	for i := range m.items {
		// Two texts share at most the words of the shorter: when those are
		// too few, the words need not be compared.
		other := len(m.bags[i])
		need := nearSame * float64(max(n, other))
		if float64(min(n, other)) < need || float64(overlap(bag, m.bags[i])) < need {
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
	return false
}

// wordBag returns the words of text, lower-cased, so that quotation
// marks, apostrophes and spacing do not tell copies apart: each word as a
// 64-bit FNV-1a hash of its runes, sorted, one entry per occurrence.
func wordBag(text string) []uint64 {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	var bag []uint64
	h, in := uint64(offset), false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			h = (h ^ uint64(unicode.ToLower(r))) * prime
			in = true
			continue
		}
		if in {
			bag = append(bag, h)
			h, in = offset, false
		}
	}
	if in {
		bag = append(bag, h)
	}
	slices.Sort(bag)
	return bag
}

// overlap counts the words two bags share, each as often as both hold it.
func overlap(a, b []uint64) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}
