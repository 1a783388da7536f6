package retrieval

import (
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/coveragebot/coveragebot/retrieval/index"
	"github.com/coveragebot/coveragebot/retrieval/quote"
)

// person is one speaker across the coverage: one or more speaker keys (a
// full name and, merged in, its alias-file links), with every way the
// coverage names them.
type person struct {
	keys     []string
	speakers []index.Speaker // the tally of each key (index.Speaker.Tally)
	name     string          // display name: the most frequent canonical name
	count    int             // statements
	names    []string        // canonical names
	forms    []string        // names and the ways the text writes them
	roles    []string
	aliases  []string
	// The sets of words the table looks a question's name up in, as word
	// numbers of the table's vocab:
	tokens   wordSet // words of the names and aliases
	surnames wordSet // the last words of the names of two words or more
	roleTok  wordSet // words of the roles and written forms
	forTok   wordSet // what the person speaks for ("Pentagon" of a Pentagon spokesperson)
	formKeys wordSet // name keys of the forms and aliases
	// folded are the names, forms and aliases, lower-cased without
	// accents, each after a zero byte.
	folded string
}

// personWords are the words of a person, found before they are numbered.
type personWords struct {
	tokens, surnames, roleTok, forTok, formKeys []string
	formWords                                   []string // the words of the form keys
}

// findWords finds the person's words from their names, forms, roles and
// aliases, and their folded names; linked are the alias file's names for
// them.
func (p *person) findWords(linked []string) personWords {
	n := len(p.forms) + len(p.aliases)
	pw := personWords{ // room for two or three words a name
		formKeys: make([]string, 0, n), formWords: make([]string, 0, 3*n),
		tokens: make([]string, 0, 3*(len(p.names)+len(linked))), roleTok: make([]string, 0, 3*(len(p.forms)+len(p.roles))),
	}
	var folded strings.Builder
	folded.WriteString("\x00" + fold(strings.ToLower(p.name)))
	for _, list := range [][]string{p.forms, p.aliases} {
		for _, f := range list {
			k := quote.NameKey(f)
			pw.formKeys = append(pw.formKeys, k)
			pw.formWords = append(pw.formWords, words(k)...)
			folded.WriteString("\x00" + fold(strings.ToLower(f)))
		}
	}
	p.folded = folded.String()
	// A question's words must all be words of the person's names (or of
	// the alias file's): not of the ways articles write them, which catch
	// a neighbour now and then ("Cruz nor Christie" is not a name of
	// Christie's that "Cruz" should find).
	for i, list := range [][]string{p.names, linked} {
		for _, f := range list {
			var ws []string
			if j := slices.Index(p.forms, f); j >= 0 { // names are forms too
				ws = words(pw.formKeys[j])
			} else {
				ws = words(quote.NameKey(f))
			}
			pw.tokens = append(pw.tokens, ws...)
			if i == 0 && len(ws) > 1 {
				pw.surnames = append(pw.surnames, ws[len(ws)-1])
			}
		}
	}
	for _, r := range p.roles {
		ws := words(r)
		pw.roleTok = append(pw.roleTok, ws...)
		pw.forTok = append(pw.forTok, speaksFor(ws)...)
	}
	for _, f := range p.forms {
		pw.roleTok = append(pw.roleTok, words(f)...)
	}
	return pw
}

// number gives the person their sets of word numbers, all in one array.
func (p *person) number(b *vocabBuilder, pw personWords) {
	buf := make([]int32, 0, len(pw.tokens)+len(pw.surnames)+len(pw.roleTok)+len(pw.forTok)+len(pw.formKeys))
	buf, p.tokens = b.set(buf, pw.tokens)
	buf, p.surnames = b.set(buf, pw.surnames)
	buf, p.roleTok = b.set(buf, pw.roleTok)
	buf, p.forTok = b.set(buf, pw.forTok)
	_, p.formKeys = b.set(buf, pw.formKeys)
}

// pack copies the person's lists of names into one array.
func (p *person) pack() {
	lists := []*[]string{&p.keys, &p.names, &p.forms, &p.roles, &p.aliases}
	n := 0
	for _, l := range lists {
		n += len(*l)
	}
	all := make([]string, 0, n)
	for _, l := range lists {
		start := len(all)
		all = append(all, *l...)
		*l = all[start:len(all):len(all)]
	}
}

// listed is one entry of the list of speakers: a person, with the people
// listed under it (a surname alone, a name with middle initials).
type listed struct {
	SpeakerCount
	members []*person
}

// speakerTable finds the people a question names.
type speakerTable struct {
	list  []*person // most quoted first
	byKey map[string]*person
	// group is the person each person is listed under in the list of
	// speakers (itself, or the full name a surname or a name with middle
	// initials stands for).
	group map[*person]*person
	// listing is the list of speakers, grouped, most quoted first.
	listing []listed
	vocab   *vocab
	// The people each word of a name, a form, a role or an alias belongs
	// to, so a question looks at a few people, not all: those of word w
	// are list[people[start[w]:start[w+1]]].
	start, people []int32
}

func newSpeakerTable(sp []index.Speaker, aliases map[string][]string) *speakerTable {
	// The alias file links names the text cannot: every alias key points
	// to its canonical key.
	canon := aliasLinks(aliases)
	for k, to := range spellingLinks(sp) {
		if c, ok := canon[to]; ok {
			to = c
		}
		if _, ok := canon[k]; !ok && k != to {
			canon[k] = to // "Zelenskyy" and "Zelensky": one person
		}
	}
	keyOf := func(s index.Speaker) string {
		if ck, ok := canon[s.Key]; ok {
			return ck
		}
		return s.Key
	}
	at := map[string]int{}
	for _, s := range sp {
		if _, ok := at[keyOf(s)]; !ok {
			at[keyOf(s)] = len(at)
		}
	}
	people := make([]person, len(at)) // one array, not an object a person
	t := &speakerTable{byKey: make(map[string]*person, len(at)), list: make([]*person, len(at))}
	for key, i := range at {
		t.byKey[key] = &people[i]
		t.list[i] = &people[i]
	}
	for _, s := range sp {
		key := keyOf(s)
		p := t.byKey[key]
		if key == s.Key && len(s.Names) > 0 {
			p.name = s.Names[0]
		}
		if p.name == "" && len(s.Names) > 0 {
			p.name = s.Names[0]
		}
		p.keys = append(p.keys, s.Key)
		p.speakers = append(p.speakers, s.Tally())
		p.count += s.Statements
		p.names = appendNew(p.names, s.Names...)
		p.forms = appendNew(p.forms, s.Names...)
		p.forms = appendNew(p.forms, s.Written...)
		p.aliases = appendNew(p.aliases, s.Aliases...)
		p.roles = appendNew(p.roles, s.Roles...)
	}
	linked := map[*person][]string{} // the alias file's names for each person
	for name, als := range aliases {
		if p := t.byKey[quote.NameKey(name)]; p != nil {
			p.name = name
			p.aliases = appendNew(p.aliases, als...)
			linked[p] = append(linked[p], als...)
		}
	}
	for _, p := range t.list {
		p.pack()
	}
	// The table is what a freshly opened index waits for: the people are
	// grouped for the list of speakers while their words are found on
	// every core.
	var grouping sync.WaitGroup
	grouping.Go(func() {
		t.group = groups(t.byKey, links(sp, aliases))
		t.listing = listing(t)
	})
	found := make([]personWords, len(t.list))
	var wg sync.WaitGroup
	workers := max(1, runtime.GOMAXPROCS(0))
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(t.list); i += workers {
				found[i] = t.list[i].findWords(linked[t.list[i]])
			}
		})
	}
	wg.Wait()
	vb := newVocabBuilder()
	for i, p := range t.list {
		p.number(vb, found[i])
	}
	grouping.Wait()
	order := make([]int, len(t.list)) // the people's places in list, once sorted
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := t.list[order[i]], t.list[order[j]]
		if a.count != b.count {
			return a.count > b.count
		}
		return a.name < b.name
	})
	// The people of a word are in the order of the speakers' keys, as
	// before the sort: of two people equally quoted, a question's name
	// finds them in that order.
	held := make([][]int32, len(t.list))
	rank := make([]int32, len(t.list))
	sorted := make([]*person, len(order))
	for i, o := range order {
		sorted[i], rank[o] = t.list[o], int32(i)
	}
	for o, p := range t.list {
		ws := slices.Concat([]int32(p.tokens), p.roleTok, p.forTok)
		for _, w := range found[o].formWords {
			ws = append(ws, vb.number(w))
		}
		slices.Sort(ws)
		held[o] = slices.Compact(ws)
	}
	t.list = sorted
	t.start, t.people = invert(held, rank, len(vb.words))
	t.vocab = vb.vocab()
	return t
}

// invert turns the words each person holds into the people each word
// belongs to: those of word w are people[start[w]:start[w+1]], each the
// rank of its holder.
func invert(held [][]int32, rank []int32, n int) (start, people []int32) {
	start = make([]int32, n+1)
	for _, ws := range held {
		for _, w := range ws {
			start[w+1]++
		}
	}
	for w := range n {
		start[w+1] += start[w]
	}
	people = make([]int32, start[n])
	next := slices.Clone(start[:n])
	for i, ws := range held {
		for _, w := range ws {
			people[next[w]] = rank[i]
			next[w]++
		}
	}
	return start, people
}

// peopleWith returns the people word w belongs to.
func (t *speakerTable) peopleWith(w int32) []int32 {
	if w == noWord {
		return nil
	}
	return t.people[t.start[w]:t.start[w+1]]
}

// groups maps each person to the one they are listed under, following the
// links between their keys (see links).
func groups(byKey map[string]*person, links map[string]string) map[*person]*person {
	group := map[*person]*person{}
	for key, target := range links {
		p, q := byKey[key], byKey[target]
		for q != nil && group[q] != nil && group[q] != q { // follow a chain of links
			q = group[q]
		}
		if p != nil && q != nil && p != q {
			group[p] = q
		}
	}
	return group
}

// links maps a speaker key to the key of the person it is another name
// for: the alias file's links; a name with middle initials to the same name
// without them ("Donald J. Trump", "Donald Trump"); and a surname the
// coverage uses alone, of one word or more ("Trump", "Wasserman Schultz"),
// to the one person of that surname it quotes most (Donald Trump, Debbie
// Wasserman Schultz), when that person is most (three quarters) of those
// quoted under the surname and, for a surname of one word, quoted at least
// as often as the surname alone.
//
// The alias file's links make one person for answering; the others only
// group the list of speakers (answers keep the names apart, since "Donald
// J. Trump" in a question asks for the articles that write it so).
func links(sp []index.Speaker, aliases map[string][]string) map[string]string {
	canon := aliasLinks(aliases)
	count := map[string]int{}
	for _, s := range sp {
		count[s.Key] = s.Statements
	}
	byTail := map[string][]string{}
	for _, s := range sp {
		w := strings.Fields(s.Key)
		if len(w) < 2 {
			continue
		}
		if short := withoutInitials(w); short != s.Key && count[short] > 0 {
			if _, ok := canon[s.Key]; !ok {
				canon[s.Key] = short
			}
		}
		for i := 1; i < len(w); i++ {
			tail := strings.Join(w[i:], " ")
			byTail[tail] = append(byTail[tail], s.Key)
		}
	}
	for _, s := range sp {
		full := byTail[s.Key]
		if _, ok := canon[s.Key]; ok || len(full) == 0 {
			continue
		}
		best, total := "", 0
		for _, k := range full {
			if _, linked := canon[k]; linked {
				continue // counted with the name it links to
			}
			total += count[k]
			if best == "" || count[k] > count[best] {
				best = k
			}
		}
		// a surname of two words or more is rare enough to name its
		// person however often it stands alone
		compound := strings.Contains(s.Key, " ")
		if best != "" && 4*count[best] >= 3*total && (compound || count[best] >= s.Statements) {
			canon[s.Key] = best
		}
	}
	return canon
}

// aliasLinks maps the key of every alias in the alias file to the key of
// its canonical name.
func aliasLinks(aliases map[string][]string) map[string]string {
	canon := map[string]string{}
	for name, als := range aliases {
		ck := quote.NameKey(name)
		if ck == "" {
			continue
		}
		for _, a := range als {
			if ak := quote.NameKey(a); ak != "" && ak != ck {
				canon[ak] = ck
			}
		}
	}
	return canon
}

// withoutInitials drops the one-letter middle words of a name key.
func withoutInitials(w []string) string {
	out := []string{w[0]}
	for _, x := range w[1 : len(w)-1] {
		if len([]rune(x)) > 1 {
			out = append(out, x)
		}
	}
	return strings.Join(append(out, w[len(w)-1]), " ")
}

// headOf is the person p is listed under in the list of speakers: p
// itself, or the person whose name p's is another form of.
func (t *speakerTable) headOf(p *person) *person {
	for range len(t.list) { // links do not loop, but a bound costs nothing
		g := t.group[p]
		if g == nil || g == p {
			return p
		}
		p = g
	}
	return p
}

// listing groups the people of t for the list of speakers: each under the
// person its name stands for, with their statements added up.
func listing(t *speakerTable) []listed {
	at := map[*person]int{}
	var out []listed
	for _, p := range t.list {
		head := p
		if g := t.group[p]; g != nil {
			head = g
		}
		i, ok := at[head]
		if !ok {
			i = len(out)
			at[head] = i
			out = append(out, listed{SpeakerCount: SpeakerCount{Name: head.name, Role: displayRole(head.roles)}})
		}
		e := &out[i]
		e.members = append(e.members, p)
		e.Quotes += p.count
		for _, a := range append(aliasesOf(p), p.name) {
			if a != head.name && !slices.Contains(e.Aliases, a) {
				e.Aliases = append(e.Aliases, a)
			}
		}
	}
	for i := range out {
		sort.Strings(out[i].Aliases)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Quotes > out[j].Quotes })
	packListing(out)
	return out
}

// packListing copies the entries' members and aliases into two arrays:
// the listing lives as long as the index is open, and two arrays are
// less for the garbage collector to mark than two small ones an entry.
func packListing(out []listed) {
	var nm, na int
	for _, e := range out {
		nm, na = nm+len(e.members), na+len(e.Aliases)
	}
	members, aliases := make([]*person, 0, nm), make([]string, 0, na)
	for i := range out {
		e := &out[i]
		m, a := len(members), len(aliases)
		members, aliases = append(members, e.members...), append(aliases, e.Aliases...)
		e.members = members[m:len(members):len(members)]
		if len(e.Aliases) > 0 {
			e.Aliases = aliases[a:len(aliases):len(aliases)]
		}
	}
}
