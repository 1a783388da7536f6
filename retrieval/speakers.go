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
	speakers []index.Speaker // what the index holds of each key
	name     string          // display name: the most frequent canonical name
	count    int             // statements
	names    []string        // canonical names
	forms    []string        // names and the ways the text writes them
	roles    []string
	aliases  []string
	tokens   map[string]bool // words of the names and aliases
	surnames []string        // the last words of the names of two words or more
	roleTok  map[string]bool // words of the roles and written forms
	forTok   map[string]bool // what the person speaks for ("Pentagon" of a Pentagon spokesperson)
	formKeys map[string]bool // name keys of the forms and aliases
	folded   []string        // the names, forms and aliases, lower-cased without accents
	// formWords are the words of the form keys, for the index of words.
	formWords []string
}

// findWords fills the person's sets of words from their names, forms,
// roles and aliases; linked are the alias file's names for them.
func (p *person) findWords(linked []string) {
	// A question's words must all be words of the person's names (or of
	// the alias file's): not of the ways articles write them, which catch
	// a neighbour now and then ("Cruz nor Christie" is not a name of
	// Christie's that "Cruz" should find).
	for i, list := range [][]string{p.names, linked} {
		for _, f := range list {
			ws := words(quote.NameKey(f))
			for _, w := range ws {
				p.tokens[w] = true
			}
			if i == 0 && len(ws) > 1 {
				p.surnames = appendNew(p.surnames, ws[len(ws)-1])
			}
		}
	}
	for _, list := range [][]string{p.roles, p.forms} {
		for _, f := range list {
			for _, w := range words(f) {
				p.roleTok[w] = true
			}
		}
	}
	for _, r := range p.roles {
		for _, w := range speaksFor(r) {
			p.forTok[w] = true
		}
	}
	for _, list := range [][]string{p.forms, p.aliases} {
		for _, f := range list {
			p.formKeys[quote.NameKey(f)] = true
		}
	}
	for k := range p.formKeys {
		p.formWords = append(p.formWords, words(k)...)
	}
	p.folded = make([]string, 0, 1+len(p.forms)+len(p.aliases))
	p.folded = append(p.folded, fold(strings.ToLower(p.name)))
	for _, list := range [][]string{p.forms, p.aliases} {
		for _, f := range list {
			p.folded = append(p.folded, fold(strings.ToLower(f)))
		}
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
	// byWord maps each word of a name, a form, a role or an alias to the
	// people it belongs to, so a question looks at a few people, not all.
	byWord map[string][]*person
}

func newSpeakerTable(sp []index.Speaker, aliases map[string][]string) *speakerTable {
	// The alias file links names the text cannot: every alias key points
	// to its canonical key.
	canon := aliasLinks(aliases)
	t := &speakerTable{byKey: map[string]*person{}}
	for _, s := range sp {
		key := s.Key
		if ck, ok := canon[key]; ok {
			key = ck
		}
		p := t.byKey[key]
		if p == nil {
			p = &person{tokens: map[string]bool{}, roleTok: map[string]bool{}, forTok: map[string]bool{}, formKeys: map[string]bool{}}
			t.byKey[key] = p
			t.list = append(t.list, p)
		}
		if key == s.Key && len(s.Names) > 0 {
			p.name = s.Names[0]
		}
		if p.name == "" && len(s.Names) > 0 {
			p.name = s.Names[0]
		}
		p.keys = append(p.keys, s.Key)
		p.speakers = append(p.speakers, s)
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
	// Each person's words are found on every core: the table is what a
	// freshly opened index waits for.
	var wg sync.WaitGroup
	workers := max(1, runtime.GOMAXPROCS(0))
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(t.list); i += workers {
				t.list[i].findWords(linked[t.list[i]])
			}
		}()
	}
	wg.Wait()
	t.group = map[*person]*person{}
	for key, target := range links(sp, aliases) {
		p, q := t.byKey[key], t.byKey[target]
		for q != nil && t.group[q] != nil && t.group[q] != q { // follow a chain of links
			q = t.group[q]
		}
		if p != nil && q != nil && p != q {
			t.group[p] = q
		}
	}
	t.listing = listing(t)
	t.byWord = map[string][]*person{}
	for _, p := range t.list {
		seen := map[string]bool{}
		for _, m := range []map[string]bool{p.tokens, p.roleTok, p.forTok} {
			for w := range m {
				if !seen[w] {
					seen[w] = true
					t.byWord[w] = append(t.byWord[w], p)
				}
			}
		}
		for _, w := range p.formWords {
			if !seen[w] {
				seen[w] = true
				t.byWord[w] = append(t.byWord[w], p)
			}
		}
	}
	sort.SliceStable(t.list, func(i, j int) bool {
		if t.list[i].count != t.list[j].count {
			return t.list[i].count > t.list[j].count
		}
		return t.list[i].name < t.list[j].name
	})
	return t
}

// links maps a speaker key to the key of the person it is another name
// for: the alias file's links; a name with middle initials to the same name
// without them ("Donald J. Trump", "Donald Trump"); and a surname the
// coverage uses alone to the one person of that surname it quotes most
// ("Trump" to Donald Trump), when that person is most (three quarters) of
// those quoted under the surname and quoted at least as often as the
// surname alone.
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
	bySurname := map[string][]string{}
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
		bySurname[w[len(w)-1]] = append(bySurname[w[len(w)-1]], s.Key)
	}
	for _, s := range sp {
		full := bySurname[s.Key]
		if _, ok := canon[s.Key]; ok || strings.Contains(s.Key, " ") || len(full) == 0 {
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
		if best != "" && 4*count[best] >= 3*total && count[best] >= s.Statements {
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
	return out
}
