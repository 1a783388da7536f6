package retrieval

import (
	"strings"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/retrieval/index"
)

// minSpelled is how many statements a speaker needs before another
// spelling of their name is looked for: a name the coverage uses once or
// twice is as likely a different person as a misspelling.
const minSpelled = 3

// spellingLinks maps the key of a speaker whose name is another spelling
// of a more quoted speaker's to that speaker's key: the same words but for
// a first or last word respelt (a transliteration, "Volodymyr Zelenskyy"
// and "Volodymyr Zelensky", or a typo, "Volodymr Zelenskyy"),
// and a word of their roles in common ("Ukrainian President"). Both are
// quoted at least minSpelled times. Like the alias file's links, these
// make one person, for answering as for the list of speakers.
func spellingLinks(sp []index.Speaker) map[string]string {
	buckets := map[string][]int{}
	for i, s := range sp {
		ws := strings.Fields(s.Key)
		if len(ws) < 2 || s.Statements < minSpelled || len(s.Roles) == 0 {
			continue
		}
		for _, at := range []int{0, len(ws) - 1} {
			if utf8.RuneCountInString(ws[at]) < 5 {
				continue
			}
			rest := strings.Join(ws[:at], " ") + "|" + strings.Join(ws[at+1:], " ")
			for _, v := range oneLess(ws[at]) {
				b := rest + "|" + v
				buckets[b] = append(buckets[b], i)
			}
		}
	}
	// spellings of one name form a group, listed under the most quoted
	parent := make([]int, len(sp))
	for i := range parent {
		parent[i] = i
	}
	root := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, in := range buckets {
		for x := 0; x < len(in); x++ {
			for y := x + 1; y < len(in); y++ {
				a, b := in[x], in[y]
				if ra, rb := root(a), root(b); ra != rb && oneApart(sp[a].Key, sp[b].Key) && shareRole(sp[a].Roles, sp[b].Roles) {
					if more(sp[rb], sp[ra]) {
						ra, rb = rb, ra
					}
					parent[rb] = ra // the less quoted spelling, under the more quoted
				}
			}
		}
	}
	links := map[string]string{}
	for i := range sp {
		if r := root(i); r != i && sp[i].Key != sp[r].Key {
			links[sp[i].Key] = sp[r].Key
		}
	}
	return links
}

// more reports whether speaker a is quoted more than b (by key on a tie).
func more(a, b index.Speaker) bool {
	return a.Statements > b.Statements || a.Statements == b.Statements && a.Key < b.Key
}

// oneLess returns w and every word w less one of its letters: two words
// one edit apart share one of these.
func oneLess(w string) []string {
	r := []rune(w)
	out := make([]string, 0, len(r)+1)
	out = append(out, w)
	for i := range r {
		out = append(out, string(r[:i])+string(r[i+1:]))
	}
	return out
}

// oneApart reports whether two keys of as many words differ in one word,
// respelt.
func oneApart(a, b string) bool {
	aw, bw := strings.Fields(a), strings.Fields(b)
	if len(aw) != len(bw) {
		return false
	}
	diff := 0
	for i := range aw {
		if aw[i] == bw[i] {
			continue
		}
		if diff++; diff > 1 || !respelt(aw[i], bw[i]) {
			return false
		}
	}
	return diff == 1
}

// respelt reports whether two words are one spelling apart the way names
// are respelt: a letter more or less ("Zelenskyy", "Steven", "Vitalii")
// or an i for a y ("Sergei", "Podoliak"). Another letter for another
// ("Larson", "Lawson") is another name.
func respelt(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return editDistance(a, b, 1) == 1
	}
	diff := 0
	for i := range ra {
		if ra[i] == rb[i] {
			continue
		}
		if diff++; diff > 1 || !(ra[i] == 'i' && rb[i] == 'y' || ra[i] == 'y' && rb[i] == 'i') {
			return false
		}
	}
	return diff == 1
}

// shareRole reports whether two lists of roles have a word in common
// beyond the small words that join a role ("Ukrainian President" and
// "President of Ukraine" share "president").
func shareRole(a, b []string) bool {
	seen := map[string]bool{}
	for _, r := range a {
		for _, w := range words(r) {
			if !roleJoiners[w] {
				seen[w] = true
			}
		}
	}
	for _, r := range b {
		for _, w := range words(r) {
			if seen[w] {
				return true
			}
		}
	}
	return false
}

// roleJoiners are words of a role that say nothing of it.
var roleJoiners = map[string]bool{"of": true, "the": true, "a": true, "an": true, "and": true, "for": true, "at": true, "in": true, "former": true, "s": true}
