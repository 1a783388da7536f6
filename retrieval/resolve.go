package retrieval

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/coveragebot/coveragebot/retrieval/quote"
)

// Match strengths, strongest first.
const (
	matchExact = 100 // the name as given
	matchAlias = 90  // another form the coverage uses for them
	matchWords = 80  // every word given is a word of their name
	matchFuzzy = 60  // the same, with small misspellings
	matchRole  = 40  // the words describe their role
)

type candidate struct {
	p     *person
	score float64
	// head is the person p is listed under: p, or the name p's is
	// another form of ("Donald Trump" for "Donald J. Trump").
	head *person
}

// resolve returns the people x names, best first: the strongest kind of
// match, then the most quoted. It returns nothing when x names no one the
// coverage quotes.
//
// With fuzzy, a name that is a small misspelling of a speaker's matches
// too ("blinkin"); callers turn it off when x stands as written in the
// coverage (a "Tracey" of the text is not a misspelt "Tracy").
func (t *speakerTable) resolve(x string, fuzzy bool) []candidate {
	q := t.nameQuery(x)
	if q.key == "" && len(q.xw) == 0 {
		return nil
	}
	kw := q.kw
	if held := t.holders(x, q); len(held) > 0 {
		return held
	}
	var out []candidate
	for _, p := range t.suspects(q, fuzzy) {
		if s := t.match(p, q, fuzzy); s > 0 {
			out = append(out, candidate{p: p, score: s, head: t.headOf(p)})
		}
	}
	if len(out) == 0 {
		return nil
	}
	best := 0.0
	for _, c := range out {
		best = max(best, c.score)
	}
	// Keep the strongest tier, and a full-name match beside an exact
	// surname-only one ("Trump" finds Donald Trump too). A speaker known
	// by a surname alone is someone the article never named in full: when
	// a full name matches, that one is meant, and a lone "Romero" of
	// another article may be anybody.
	full := false
	for _, c := range out {
		if c.score >= matchWords && len(words(c.p.name)) > 1 {
			full = true
		}
	}
	// One word names a person by their surname before anyone by a given
	// name: "Frank" is Barney Frank before Frank Luntz, when the coverage
	// quotes both.
	bySurname := len(kw) == 1 && slices.ContainsFunc(out, func(c candidate) bool {
		return c.score >= matchWords && c.p.surnames.has(q.kid[0])
	})
	kept := out[:0]
	for _, c := range out {
		if full && len(words(c.p.name)) == 1 && len(c.p.keys) == 1 {
			continue
		}
		if bySurname && c.score == matchWords && !c.p.surnames.has(q.kid[0]) {
			continue
		}
		if c.score >= best || (best == matchExact && c.score >= matchWords) {
			kept = append(kept, c)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool {
		if (kept[i].score >= matchWords) != (kept[j].score >= matchWords) {
			return kept[i].score > kept[j].score
		}
		return kept[i].p.count > kept[j].p.count
	})
	return kept
}

// holders returns, for a title alone after "the" ("the pope", "the
// president"), the people who hold it now, most quoted first: a title so
// asked names whoever holds it, not people who bear it as a name (Rick
// Pope). It returns nothing when the coverage quotes someone under the
// word itself ("the Kremlin") or nobody holds it.
func (t *speakerTable) holders(x string, q nameQuery) []candidate {
	if len(q.kw) != 1 || !strings.HasPrefix(strings.ToLower(strings.TrimSpace(x)), "the ") || t.byKey[q.key] != nil {
		return nil
	}
	var out []candidate
	for _, p := range t.suspects(q, false) {
		if roleHits(p.roles, q.kw, false) == 1 {
			out = append(out, candidate{p: p, score: matchRole, head: t.headOf(p)})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].p.count > out[j].p.count })
	return out
}

// nameQuery is a name a question asks for, as the table looks it up.
type nameQuery struct {
	key      string   // its name key
	keyID    int32    // the key's number in the vocab (a form key), or noWord
	kw, xw   []string // the key's words, the name's words
	kid, xid []int32  // their numbers
}

func (t *speakerTable) nameQuery(x string) nameQuery {
	q := nameQuery{key: quote.NameKey(x), xw: words(x)}
	q.kw = words(q.key)
	q.keyID, q.kid, q.xid = t.vocab.id(q.key), t.vocab.numbers(q.kw), t.vocab.numbers(q.xw)
	return q
}

// suspects returns the people match can say yes to: the one keyed by the
// question's name, and those holding enough of its words among the words
// of their names, roles and forms (every word of the name, or most of
// those of a role); with fuzzy, anyone with a word one or two letters
// away from one of the name's. A name of common words ("the state
// Department of Health") shares a word with thousands of people, and few
// of them hold the others.
func (t *speakerTable) suspects(q nameQuery, fuzzy bool) []*person {
	held := map[*person]int{} // how many of the distinct words each holds
	var order []*person
	distinct := slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(q.kw), q.xw...))))
	for _, w := range distinct {
		// a country's name stands for its people's word too ("Japan's
		// prime minister" is the "Japanese Prime Minister")
		with := t.peopleWith(t.vocab.id(w))
		if alt, ok := peoples[w]; ok {
			with = slices.Compact(slices.Sorted(slices.Values(slices.Concat(with, t.peopleWith(t.vocab.id(alt))))))
		}
		for _, i := range with {
			p := t.list[i]
			if held[p] == 0 {
				order = append(order, p)
			}
			held[p]++
		}
	}
	need := wordsNeeded(q.kw, q.xw)
	seen := map[*person]bool{}
	var out []*person
	add := func(p *person) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	if p := t.byKey[q.key]; p != nil {
		add(p)
	}
	for _, p := range order {
		if fuzzy || held[p] >= need {
			add(p)
		}
	}
	if fuzzy {
		for _, w := range q.kw {
			if len(w) < 4 {
				continue
			}
			for id := range int32(t.vocab.size()) {
				if v := t.vocab.word(id); len(v) >= 4 && v[0] == w[0] && editDistance(w, v, 2) <= 2 {
					for _, i := range t.peopleWith(id) {
						add(t.list[i])
					}
				}
			}
		}
	}
	return out
}

// wordsNeeded is the fewest distinct words of a question's name (kw, its
// key's words; xw, its words) that a person match says yes to holds, over
// every way match has: all of kw (a name, an alias), three quarters of xw
// (a role: repeated words count again), all of xw (what they speak for).
func wordsNeeded(kw, xw []string) int {
	kd := len(slices.Compact(slices.Sorted(slices.Values(kw))))
	xd := len(slices.Compact(slices.Sorted(slices.Values(xw))))
	need := min(kd, xd)
	if len(xw) >= 2 {
		role := (3*len(xw)+3)/4 - (len(xw) - xd) // a repeated word is held once
		need = min(need, role)
	}
	return max(need, 1)
}

// match says how well a question's name names p. Misspellings are
// forgiven only when fuzzy is set.
func (t *speakerTable) match(p *person, q nameQuery, fuzzy bool) float64 {
	if slices.Contains(p.keys, q.key) {
		return matchExact
	}
	if p.formKeys.has(q.keyID) {
		return matchAlias
	}
	if len(q.kid) > 0 && all(q.kid, p.tokens.has) {
		return matchWords
	}
	if fuzzy && len(q.kw) > 0 && all(q.kw, func(w string) bool { return t.fuzzy(p, w) }) {
		return matchFuzzy
	}
	// A role: "Japan's prime minister", "the Ukrainian deputy prime
	// minister" (most of its words).
	hit := 0
	for _, w := range q.xid {
		if p.roleTok.has(w) {
			hit++
		}
	}
	if len(q.xid) >= 2 && hit >= 2 {
		// the words of the roles they hold now: "Japanese Prime Minister"
		// for "Japan's prime minister", not "Japan's then-Prime
		// Minister"; a role held before only when no one holds it now
		roles := slices.Concat(p.roles, p.forms)
		for _, past := range []bool{false, true} {
			if hit = roleHits(roles, q.xw, past); hit >= 2 && float64(hit)/float64(len(q.xid)) >= 0.75 {
				if past {
					return matchRole / 2 * float64(hit) / float64(len(q.xid))
				}
				return matchRole * float64(hit) / float64(len(q.xid))
			}
		}
	}
	// An institution, for its spokesperson: "the Pentagon".
	if len(q.xid) > 0 && all(q.xid, p.forTok.has) {
		return matchRole / 2
	}
	return 0
}

// roleHits counts the words of a question's role (xw) that roles (a
// person's roles, or their roles and written forms) hold, a country's name
// and its people's word alike; none when they lack the country the
// question names. Unless past or the question asks for one, a role held
// before ("former", "then-", "late") is left out.
func roleHits(roles, xw []string, past bool) int {
	past = past || slices.ContainsFunc(xw, pastRole)
	held := map[string]bool{}
	for _, r := range roles {
		rw := words(r)
		if !past && slices.ContainsFunc(rw, pastRole) {
			continue
		}
		for _, w := range rw {
			held[countryOf(w)] = true
		}
	}
	hit := 0
	for _, w := range xw {
		c := countryOf(w)
		switch {
		case held[c]:
			hit++
		case peoples[c] != "":
			return 0 // the country asked for is not theirs: "Japan's", not a British prime minister
		}
	}
	return hit
}

// pastRole reports whether a role's word says it is held no more.
func pastRole(w string) bool {
	return w == "former" || w == "ex" || w == "late" || w == "then"
}

// countryOf returns the country a word of a role names ("japanese" and
// "japan" are both Japan), "former" for every word of a role held before
// ("then", "ex"), or the word itself.
func countryOf(w string) string {
	if c, ok := demonyms[w]; ok {
		return c
	}
	if pastRole(w) {
		return "former"
	}
	return w
}

// peoples maps a country's name to the word for its people, the other
// way from demonyms.
var peoples = func() map[string]string {
	m := make(map[string]string, len(demonyms))
	for d, c := range demonyms {
		m[c] = d
	}
	return m
}()

// demonyms are the words for the people of a country, with its name as
// the words of a role give it.
var demonyms = map[string]string{
	"japanese": "japan", "chinese": "china", "russian": "russia", "ukrainian": "ukraine", "american": "america",
	"british": "britain", "french": "france", "german": "germany", "israeli": "israel", "iranian": "iran",
	"indian": "india", "turkish": "turkey", "italian": "italy", "spanish": "spain", "canadian": "canada",
	"mexican": "mexico", "korean": "korea", "brazilian": "brazil", "polish": "poland", "taiwanese": "taiwan",
	"palestinian": "palestine", "saudi": "arabia", "egyptian": "egypt", "syrian": "syria", "iraqi": "iraq",
	"australian": "australia", "dutch": "netherlands", "swedish": "sweden", "finnish": "finland",
}

// fuzzy says whether w is a small misspelling of a word of p's names.
func (t *speakerTable) fuzzy(p *person, w string) bool {
	if len(w) < 4 {
		return false
	}
	limit := 1
	if len(w) >= 8 {
		limit = 2
	}
	for _, id := range p.tokens {
		v := t.vocab.word(id)
		if len(v) >= 4 && v[0] == w[0] && editDistance(w, v, limit) <= limit {
			return true
		}
	}
	return false
}

// editDistance is the Levenshtein distance of a and b, or limit+1 once it
// is known to exceed limit.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			low = min(low, cur[j])
		}
		if low > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// spokesWords are the roles of people who speak for an institution.
var spokesWords = map[string]bool{"spokesperson": true, "spokesman": true, "spokeswoman": true, "spokespeople": true, "spokesmen": true, "press": true}

// speaksFor returns the words of a role (its words, ws) that name what its
// holder speaks for: "Pentagon spokesperson Brigadier General" →
// ["pentagon"].
func speaksFor(ws []string) []string {
	for i, w := range ws {
		if spokesWords[w] {
			return ws[:i]
		}
	}
	return nil
}

// words lowercases s, folds accents and splits it into words (letters and
// digits), dropping those that never identify a speaker: "the", "of",
// "Mr.", and the "s" of a possessive ("Japan's prime minister").
func words(s string) []string {
	var out []string
	scanWords(s, func(w string, _ bool) { out = append(out, w) })
	return out
}

// scanWords calls f with each word of s as words gives them, and whether
// the word begins with a capital letter in s.
func scanWords(s string, f func(w string, capital bool)) {
	s = fold(s)
	low := strings.ToLower(s) // once, not a copy a word
	aligned := len(low) == len(s)
	start := -1
	emit := func(end int) {
		var w string
		if aligned {
			w = low[start:end]
		} else { // lowering moved the offsets (a rare letter): word by word
			w = strings.ToLower(s[start:end])
		}
		if speakerWord(w) {
			r, _ := utf8.DecodeRuneInString(s[start:])
			f(w, unicode.IsUpper(r))
		}
	}
	for i, r := range s {
		switch {
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'),
			r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if start < 0 {
				start = i
			}
		case start >= 0:
			emit(i)
			start = -1
		}
	}
	if start >= 0 {
		emit(len(s))
	}
}

// speakerWord says whether w may identify a speaker: not "the", "of",
// "Mr." or the "s" of a possessive.
func speakerWord(w string) bool {
	switch w {
	case "the", "a", "an", "of", "s", "and", "mr", "mrs", "ms", "dr":
		return false
	}
	return true
}

// fold removes accents ("Zelenskyy" stays, "Pérez" becomes "perez").
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii { // nothing to fold, and most names are
		return s
	}
	// Decompose, drop the accents, compose again: what a transform chain
	// of the three does, without building one per call (the table of
	// speakers folds every form of every speaker when the index opens).
	return norm.NFC.String(strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, norm.NFD.String(s)))
}

func all[T any](ws []T, f func(T) bool) bool {
	for _, w := range ws {
		if !f(w) {
			return false
		}
	}
	return true
}

func appendNew(list []string, vs ...string) []string {
	for _, v := range vs {
		if v != "" && !slices.Contains(list, v) {
			list = append(list, v)
		}
	}
	return list
}
