// Package eval scores coveragebot's answers to "What did X say?" questions
// exactly as ../shared/eval/speakers.py does: the first five items of an
// answer count; an item is right when it cites an article holding gold
// quotes of the speaker, at least half of its words lie in those quotes,
// and it covers at least half of one of them (of five words or more).
// hit@5 is the share of questions with a right item, precision@5 the share
// of right items among the items given.
package eval

import (
	"strings"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/retrieval"
)

// words splits s as the scorer's words() does: lowercase, the curly
// apostrophe made straight, then every run of [a-z0-9].
func words(s string) []string {
	s = strings.ReplaceAll(strings.ToLower(s), "\u2019", "'")
	var out []string
	start := -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		ascii := r >= 'a' && r <= 'z' || r >= '0' && r <= '9'
		switch {
		case ascii && start < 0:
			start = i
		case !ascii && start >= 0:
			out = append(out, s[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// bag is a multiset of words, Python's collections.Counter.
type bag map[string]int

func bagOf(s string) bag {
	b := bag{}
	for _, w := range words(s) {
		b[w]++
	}
	return b
}

// size is the number of words, Counter's sum(values()).
func (b bag) size() int {
	n := 0
	for _, c := range b {
		n += c
	}
	return n
}

// common is the size of the intersection of b and o (Counter's &): the
// smaller count of every word both hold.
func (b bag) common(o bag) int {
	n := 0
	for w, c := range b {
		n += min(c, o[w])
	}
	return n
}

// union adds o to b as Counter's |= does: the larger count of every word.
func (b bag) union(o bag) {
	for w, c := range o {
		b[w] = max(b[w], c)
	}
}

// right reports whether item is right for the gold quotes golds of the
// article it cites (the scorer's right()).
func right(item retrieval.Item, goldByArticle map[string][]string) bool {
	golds := goldByArticle[item.Source.ID]
	if len(golds) == 0 {
		return false
	}
	it := bagOf(item.Text)
	n := it.size()
	if n == 0 {
		return false
	}
	pool := bag{}
	for _, g := range golds {
		pool.union(bagOf(g))
	}
	if float64(it.common(pool))/float64(n) < 0.5 {
		return false
	}
	for _, g := range golds {
		gw := bagOf(g)
		if gn := gw.size(); gn >= 5 && float64(it.common(gw))/float64(gn) >= 0.5 {
			return true
		}
	}
	return false
}
