package quote

import (
	"cmp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// entity is one person or institution of an article, with every way the
// article names it.
type entity struct {
	name     string   // canonical: the fullest bare name ("Antony Blinken")
	words    []string // NameKey(name) split
	key      string   // words joined by spaces
	full     string   // the fullest phrase ("US Secretary of State Antony Blinken")
	role     string   // the longest role given
	gender   byte     // 'm', 'f' or 0
	inst     bool
	plural   bool // a band, a team, a family: never "he" or "she"
	aliases  []string
	last     int // token of the latest mention
	lastSubj int // token of the latest mention as a speaker or subject, -1 if none
	bare     int // how often the surname alone has meant this person
	named    int // how often a phrase has meant them
	// described holds the heads of what appositives outside attributions
	// have called them (" coach head "), for a later "the coach said"
	described string
}

// maxEntities bounds the people and institutions one article may name.
const maxEntities = 400

// registry holds an article's entities in order of first mention.
type registry struct {
	ents []entity
	// unplaced holds, by surname key, full names met outside attributions
	// that were not registered (a given name the lexicon lacks: "Novak
	// Djokovic"), for a lone surname that speaks later to find.
	unplaced map[string]phrase
	// anon is one past the token of the latest main subject that names no
	// one ("A resident delivered a speech"), 0 when there is none: a later
	// "he" or "she" means that person rather than someone named before.
	anon       int
	anonGender byte
	at         int // the token of the phrase being resolved
	// keys caches the words of NameKey by name: an article names the same
	// people again and again.
	keys map[string][]string
}

// nameWords returns the words of NameKey(name). The slice is shared: it
// must not be changed.
func (r *registry) nameWords(name string) []string {
	if w, ok := r.keys[name]; ok {
		return w
	}
	if r.keys == nil {
		r.keys = map[string][]string{}
	}
	w := strings.Fields(NameKey(name))
	r.keys[name] = w
	return w
}

// resolve returns the entity a phrase at token pos names, registering or
// updating it, or -1 when it names none (an unresolved pronoun).
func (r *registry) resolve(p phrase, pos int, subject bool) int {
	i := -1
	r.at = pos
	switch {
	case p.pronoun != "":
		i = r.pronoun(p.pronoun)
		if i >= 0 && r.ents[i].gender == 0 && !r.ents[i].inst {
			r.ents[i].gender = pronounGender(p.pronoun)
		}
	case p.name != "":
		i = r.byName(p)
	case p.desc != "" && instEpithets[p.desc]:
		if p.bare {
			i = r.institution(p.desc)
		}
	case p.desc != "":
		if strings.Contains(p.role, " ") {
			i = r.byRole(p.desc, strings.ToLower(p.role), p.bare) // "the Archbishop of Canterbury", of two archbishops
		}
		if i < 0 {
			i = r.byRole(p.desc, p.desc, p.bare)
		}
		if i < 0 && p.bare && epithets[p.desc] {
			i = r.epithet(p.desc)
		}
	}
	if i < 0 {
		return -1
	}
	e := &r.ents[i]
	e.last = pos
	e.named++
	if subject {
		e.lastSubj = pos
	}
	return i
}

// mention records a name met outside an attribution, so that later
// surnames and pronouns can find it. Lone words only refresh people already
// known; fuller names register when they look like people's names.
//
// A lone surname described as it is named ("Infantino, the boss of world
// soccer's governing body, looked on") is the full name met before it
// that was not registered (unplaced): a later "he" may mean them.
func (r *registry) mention(p phrase, pos int, subject, described bool) {
	if p.name == "" {
		return
	}
	words := r.nameWords(p.name)
	switch {
	case len(words) == 0:
		return
	case p.inst:
		if !subject {
			return
		}
	case len(words) == 1:
		found := false
		for i := range r.ents {
			if n := len(r.ents[i].words); n > 0 && r.ents[i].words[n-1] == words[0] {
				found = true
			}
		}
		if !found && !(subject && (p.gender != 0 || titled(p.role) || described && r.unplaced[words[0]].name != "") && lettersOnly(words[0])) {
			// "President Obama backed her up": a titled subject is
			// someone a later "he" may mean
			return
		}
	case p.role == "" && p.gender == 0 && !givenName(words[0]) && !subject:
		if q, seen := r.unplaced[words[len(words)-1]]; len(words) <= 3 && !p.plural && personShaped(p.name) && (!seen || q.name != "") {
			r.unplace(words[len(words)-1], p)
		}
		return
	}
	r.resolve(p, pos, subject)
}

// shared records that the surname of p's name is more than one person's,
// so that a lone surname is joined to no unregistered full name.
func (r *registry) shared(p phrase) {
	words := r.nameWords(p.name)
	if len(words) < 2 {
		return
	}
	r.unplace(words[len(words)-1], phrase{})
}

// unplace records under a surname the full name a lone surname stands for
// (a phrase with no name: several people's).
func (r *registry) unplace(surname string, p phrase) {
	if r.unplaced == nil {
		r.unplaced = map[string]phrase{}
	}
	r.unplaced[surname] = p
}

// titled reports whether a role ends with a title ("President",
// "Sen."): a lone word after it is a person's name.
func titled(role string) bool {
	f := strings.Fields(strings.ToLower(role))
	if len(f) == 0 {
		return false
	}
	last := trimDot(f[len(f)-1])
	return titleWords[last] && personNoun(last)
}

// lettersOnly reports whether w is made of letters alone, as a surname is.
func lettersOnly(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

// pronoun finds the nearest fitting entity for he, she or it: the latest
// speaker or subject first, else the latest mention.
func (r *registry) pronoun(pr string) int {
	fits := func(e *entity) bool {
		switch pr {
		case "he":
			return !e.inst && !e.plural && e.gender != 'f'
		case "she":
			return !e.inst && !e.plural && e.gender != 'm'
		case "it":
			return e.inst && !(len(e.words) > 0 && events[e.words[len(e.words)-1]]) // a contest says nothing
		}
		return false
	}
	i := r.latestSubject(fits)
	if i < 0 {
		i = r.newest(fits, func(e *entity) int { return e.last }, -1)
	}
	if g := pronounGender(pr); g != 0 && i >= 0 && r.anon > 0 && r.anon-1 > r.ents[i].lastSubj && r.anon-1 > r.ents[i].last && (r.anonGender == 0 || g == r.anonGender) {
		return -1 // "A resident delivered a speech. “…,” he shouted": the resident
	}
	return i
}

// anonymous records a main subject at token pos that describes a person
// without naming one ("a resident", "one woman").
func (r *registry) anonymous(pos int, gender byte) {
	r.anon, r.anonGender = pos+1, gender
}

// pronounGender is the gender "he" or "she" gives, else 0.
func pronounGender(pr string) byte {
	switch pr {
	case "he":
		return 'm'
	case "she":
		return 'f'
	}
	return 0
}

// notMeant says whether the subject p of words a sentence reports before
// ", he said" (", she said") is not the one the pronoun g means: a person
// of the other gender, or nobody at all (an institution, a place, a lone
// word naming no one met). "Chris Shays was pro John Kasich, he said" is
// Shays's; in "AT&T just finished laying fiber, she said" she is someone
// named before.
func (r *registry) notMeant(p phrase, g byte) bool {
	words := r.nameWords(p.name)
	if p.inst || p.plural || len(words) == 0 {
		return true
	}
	e := r.known(words)
	if e != nil && (e.inst || e.plural) {
		return true
	}
	pg := p.gender
	if pg == 0 && e != nil {
		pg = e.gender
	}
	switch {
	case pg != 0:
		return pg != g
	case e != nil || p.role != "":
		return false
	case len(strings.Fields(p.name)) == 1:
		return true
	}
	return places[words[len(words)-1]]
}

// known finds, without registering anyone, the entity of a name key's
// words: the same name, or the person of a lone surname met last.
func (r *registry) known(words []string) *entity {
	key := strings.Join(words, " ")
	for i := len(r.ents) - 1; i >= 0; i-- {
		if r.ents[i].key == key {
			return &r.ents[i]
		}
	}
	if len(words) > 1 {
		return nil
	}
	if i := r.latest(func(e *entity) bool {
		return !e.inst && len(e.words) > 1 && e.words[len(e.words)-1] == words[0]
	}); i >= 0 {
		return &r.ents[i]
	}
	return nil
}

// byRole finds the latest entity whose role holds text, a description's
// head ("the senator" → Senator Bernie Sanders) or all its words. A bare
// description ("the coach", not "a coach" or "the secretary of state’s
// office") may also mean a person named lately whose appositive had that
// head.
func (r *registry) byRole(head, text string, bare bool) int {
	best, bestPos := -1, -1
	person := personNoun(head)
	for i := range r.ents {
		e := &r.ents[i]
		if e.inst && person {
			continue // "the former president" is not "Former President Trump’s Twitter"
		}
		if (strings.Contains(spelledRole(e.role), text) || bare && r.at-e.last <= describedReach && strings.Contains(e.described, " "+text+" ")) && e.last > bestPos {
			best, bestPos = i, e.last
		}
	}
	return best
}

// describe records that an appositive outside an attribution calls the
// person of phrase p by the noun head: "coach" in "Spain’s coach, Luis de
// la Fuente, named …", "head" in "John Aquilino, the head of
// Indo-Pacific Command, …".
func (r *registry) describe(p phrase, head string) {
	if p.name == "" || p.inst || head == "" {
		return
	}
	words := r.nameWords(p.name)
	if len(words) < 2 {
		return
	}
	if e := r.known(words); e != nil && len(e.described) < 200 && !strings.Contains(e.described, " "+head+" ") {
		e.described = cmp.Or(e.described, " ") + head + " "
	}
}

// epithets are what a story calls the person it is about, instead of the
// name, and rarely someone new: "“…,” the candidate said" after Trump has
// spoken. A spokesman, a judge or an officer is as often someone else.
var epithets = set(`candidate nominee hopeful front-runner frontrunner contender challenger incumbent
	businessman businesswoman billionaire mogul tycoon entrepreneur actor actress singer rapper
	musician comedian star superstar author novelist filmmaker designer senator congressman
	congresswoman lawmaker governor coach quarterback golfer athlete`)

// epithet returns the person a bare epithet ("the candidate", "the
// actress") means when no role says it: the story's main person, who is
// both the latest subject and the one named most among those named within
// describedReach, of the epithet's gender, unless someone unnamed became
// the subject since ("A resident said … the singer said"); -1 when there
// is none.
func (r *registry) epithet(head string) int {
	g := titleGender(head)
	if head == "actress" {
		g = 'f'
	}
	near := func(e *entity) bool { return !e.inst && !e.plural && r.at-e.last <= describedReach }
	i := r.latestSubject(near)
	if i < 0 || r.newest(near, func(e *entity) int { return e.named }, 0) != i || r.anon-1 > r.ents[i].lastSubj {
		return -1 // the latest subject is not the one named most: who is meant is unclear
	}
	if e := &r.ents[i]; len(e.words) < 2 || !givenName(e.words[0]) || g != 0 && e.gender == other(g) {
		return -1 // not a person's name ("Crescent Ballroom"), or "the actress" of a man
	}
	return i
}

// instEpithets are what a story calls an institution it has named: "Tesla
// cut prices … the company said", "the Justice Department … the
// department said". govEpithets are a government's, companyEpithets a
// business's.
var (
	govEpithets     = set("agency department ministry administration commission bureau regulator")
	companyEpithets = set("company automaker carmaker retailer firm airline bank insurer carrier chipmaker lender manufacturer startup conglomerate")
	instEpithets    = unite(govEpithets, companyEpithets, set("organization organisation nonprofit union league club"))
	// govNames and companyNames are the words that make a name a
	// government's or a business's.
	govNames     = set("department ministry agency administration commission bureau office service authority government")
	companyNames = set("inc inc. co co. corp corp. company llc ltd ltd. plc group holdings")
	// placePrefixes open the names of places ("New York", "South Korea").
	placePrefixes = set("new north south east west united saudi san los las st st. hong sri el")
	// outletNames end the names of newspapers and broadcasters, which
	// report on the company rather than being it.
	outletNames = set(`times post journal news telegraph herald tribune gazette press register monitor
		review magazine radio television tv channel observer courier chronicle star sun daily record
		bee examiner inquirer dispatch guardian independent reuters`)
)

// institution returns the institution a bare "the company", "the
// department" means: the latest named within describedReach whose name
// holds the word ("the Justice Department"), or else the latest
// institution to be a subject, when it is also the latest named (places
// and outlets reporting on it aside) and its name is of the kind the word
// says (not "the agency" of "Tesla Inc."); -1 when there is none.
func (r *registry) institution(head string) int {
	near := func(e *entity) bool {
		// an institution, or one word that names no person known
		// ("OSHA", "T-Mobile"): a company the lexicon lacks
		body := e.inst || len(e.words) == 1 && e.gender == 0 && !givenName(e.words[0])
		if !body || e.plural || len(e.words) == 0 || r.at-e.last > describedReach {
			return false
		}
		w := e.words[len(e.words)-1]
		place := places[w] && (len(e.words) == 1 || placePrefixes[e.words[0]]) // not "Transport Canada"
		return !place && !outletNames[w] && !groupWords[w] && !strings.HasSuffix(w, "-tv")
	}
	last := func(e *entity) int { return e.last }
	if i := r.newest(func(e *entity) bool { return near(e) && contains(e.words, head) }, last, -1); i >= 0 {
		return i
	}
	i := r.latestSubject(near)
	if i < 0 || r.newest(near, last, -1) != i || r.at-r.ents[i].lastSubj > instReach {
		return -1
	}
	gov, company := false, false
	for _, w := range r.ents[i].words {
		gov = gov || govNames[w]
		company = company || companyNames[w]
	}
	if gov && companyEpithets[head] || company && govEpithets[head] {
		return -1
	}
	return i
}

// instReach is how many tokens after an institution was last a subject
// "the company said" may mean it when its name does not say so: a
// sentence or two. Further on, it is as often a company the rules did not
// register.
const instReach = 80

// describedReach is how many tokens after an entity's latest mention a
// description ("the coach", "the candidate", "the company") may still
// mean it: a few paragraphs.
const describedReach = 250

// titleAbbreviations spell out the abbreviated titles a later description
// may use for the same person: "Gov. Ron DeSantis … the governor said",
// "Rep. Mike Gallagher … the congressman".
var titleAbbreviations = map[string]string{
	"sen.": "senator", "sen": "senator", "gov.": "governor", "gov": "governor",
	"rep.": "representative congressman congresswoman", "rep": "representative congressman congresswoman",
	"adm.": "admiral", "gen.": "general", "lt.": "lieutenant", "col.": "colonel", "maj.": "major",
	"capt.": "captain", "sgt.": "sergeant", "prof.": "professor", "rev.": "reverend", "dr.": "doctor",
	"supt.": "superintendent", "cmdr.": "commander", "amb.": "ambassador", "atty.": "attorney",
}

// spelledRole returns a role in lower case with its abbreviated titles
// spelled out after them ("gov. governor").
func spelledRole(role string) string {
	role = strings.ToLower(role)
	var b strings.Builder
	for _, w := range strings.Fields(role) {
		if full, ok := titleAbbreviations[w]; ok {
			if b.Len() == 0 {
				b.WriteString(role)
			}
			b.WriteString(" " + full)
		}
	}
	if b.Len() == 0 {
		return role
	}
	return b.String()
}

// byName joins a named phrase to the entity it names: the same name, a
// surname (or a lone given name) of a fuller name named before, or the
// fuller form of a surname named before. Two people sharing a surname stay
// apart; a lone surname goes to the latest of them (of the right gender
// when a courtesy title says it).
func (r *registry) byName(p phrase) int {
	words := r.nameWords(p.name)
	if len(words) == 0 {
		return -1
	}
	key := strings.Join(words, " ")
	found := -1
	for i := range r.ents {
		if r.ents[i].key == key {
			found = i
		}
	}
	if found < 0 && !p.inst {
		if len(words) == 1 {
			// Of several people sharing the surname, the one who last
			// spoke or acted is meant before one merely named since ("Hillary
			// Clinton said … her husband, former President Bill Clinton, …
			// Clinton said"). Only a title says a surname's gender: Maggie
			// Hassan is "Hassan", though Hassan is a man's given name.
			g := roleGender(p.role)
			surname := func(e *entity) bool {
				n := len(e.words)
				return !e.inst && n > 1 && e.words[n-1] == words[0] && !fathers(e.name, words[0]) && (g == 0 || e.gender != other(g))
			}
			found = r.latestSubject(surname)
			if found < 0 {
				found = r.latest(surname)
			}
			if found >= 0 && r.at-r.ents[found].last > namesakeReach {
				// A surname the article mostly uses for one person means
				// them again once a namesake has not been named for a
				// while: after "Trump" has meant Donald Trump, "Mary Trump
				// said …", paragraphs later "Trump called for …" is Donald
				// Trump again.
				if k := r.mostBare(surname); k >= 0 && r.ents[k].bare >= establishedBare && r.ents[k].bare > r.ents[found].bare {
					found = k
				}
			}
			if found >= 0 {
				r.ents[found].bare++
			}
			if found < 0 {
				found = r.latest(func(e *entity) bool {
					return !e.inst && len(e.words) > 1 && contains(e.words, words[0]) && !fathers(e.name, words[0]) && (p.gender == 0 || e.gender != other(p.gender))
				})
			}
		} else {
			first, last := words[0], words[len(words)-1]
			found = r.latest(func(e *entity) bool {
				n := len(e.words)
				if patronymics[first] && len(words) == 2 {
					return !e.inst && n > 2 && e.words[n-2] == first && e.words[n-1] == last // "bin Salman"
				}
				return !e.inst && n > 1 && e.words[0] == first && e.words[n-1] == last
			})
			if found < 0 {
				// a surname named alone before, and no other person shares it
				found = r.latest(func(e *entity) bool {
					return !e.inst && len(e.words) == 1 && e.words[0] == last
				})
				if found >= 0 {
					e := &r.ents[found]
					e.name, e.words, e.key = p.name, words, key
				}
			}
		}
	}
	if q, ok := r.unplaced[key]; ok && q.name != "" && found < 0 && !p.inst && len(words) == 1 && !acronym(p.name) {
		// "Djokovic said", after "… beat Novak Djokovic": the person named
		qw := r.nameWords(q.name)
		r.ents = append(r.ents, entity{name: q.name, words: qw, key: strings.Join(qw, " "), gender: q.gender, lastSubj: -1})
		found = len(r.ents) - 1
		delete(r.unplaced, key)
	}
	if found < 0 && p.inst && len(words) == 1 {
		// "Mayor Don Guardian … Guardian said": the person, not the paper
		found = r.latest(func(e *entity) bool {
			return !e.inst && len(e.words) > 1 && e.words[len(e.words)-1] == words[0]
		})
	}
	if found < 0 && len(r.ents) >= maxEntities {
		return -1 // run-on junk: stop learning names
	}
	if found < 0 {
		r.ents = append(r.ents, entity{name: p.name, words: words, key: key, inst: p.inst, gender: p.gender, lastSubj: -1})
		found = len(r.ents) - 1
	}
	e := &r.ents[found]
	if len(p.name) > len(e.name) && len(words) >= len(e.words) {
		e.name, e.words, e.key = p.name, words, key
	}
	written := describes(p)
	if len(p.text) > len(e.full) && written {
		e.full = p.text
	}
	if len(p.role) > len(e.role) {
		e.role = p.role
	}
	if e.gender == 0 {
		e.gender = p.gender
	}
	e.plural = e.plural || p.plural
	e.alias(p.name)
	if written {
		e.alias(p.text)
	}
	return found
}

// namesakeReach is how many tokens after its latest mention a lone surname
// still means a namesake rather than the person it mostly means.
const namesakeReach = 80

// establishedBare is how often a surname alone must have meant one person
// for it to keep meaning them when a namesake appears.
const establishedBare = 2

// mostBare returns the entity the surname alone has meant most often, -1
// when it has meant no one yet.
func (r *registry) mostBare(ok func(*entity) bool) int {
	best := -1
	for i := range r.ents {
		if e := &r.ents[i]; e.bare > 0 && ok(e) && (best < 0 || e.bare > r.ents[best].bare) {
			best = i
		}
	}
	return best
}

// patronymics join a person's name to their father's: "Salman" alone is
// not Mohammed bin Salman, the son, though "bin Salman" is.
var patronymics = set("bin ibn bint")

// fathers reports whether the name word w is, in name, the father's name
// after a patronymic written in lower case ("Mohammed bin Salman"): a lone
// "Salman" is someone else. Capitalised, the particle starts a family
// name ("Ali Bin Nasser" is Nasser).
func fathers(name, w string) bool {
	f := strings.Fields(name)
	for i := 1; i < len(f); i++ {
		if patronymics[f[i-1]] && NameKey(f[i]) == w {
			return true
		}
	}
	return false
}

// describes reports whether the words of a phrase around its name only
// say who the person is (titles, roles, what they do, where they are
// from: "Real estate mogul Donald Trump", "former Gov. Jeb Bush of
// Florida"), so that it may stand for them as written. A phrase that
// caught a verb, an adverb or an adjective of the sentence ("the most able
// candidate Viguerie", "Mr. Trump of running a campaign", "Unfortunately
// for Clinton") may not.
func describes(p phrase) bool {
	rest := p.text
	if i := strings.Index(rest, p.name); i >= 0 && p.name != "" {
		rest = rest[:i] + " " + rest[i+len(p.name):]
	}
	for _, w := range strings.Fields(rest) {
		w = strings.Trim(w, ",.()\"“”")
		if w == "" {
			continue
		}
		lw := strings.ToLower(w)
		base := trimPossessive(lw)
		first, _ := utf8.DecodeRuneInString(w)
		switch {
		case isNumber(lw) || unicode.IsDigit(first):
		case unicode.IsUpper(first):
			if stopCaps[base] && !titleWords[base] || sentenceAdverbs[lw] {
				return false // "That's the Trump", "Unfortunately for Clinton"
			}
		case roleLike(lw) || titleWords[trimDot(lw)] || headNouns[lw] || phraseLinks[lw] || base != lw:
		case strings.Contains(lw, "-") && roleLike(lw[strings.LastIndex(lw, "-")+1:]): // "ex-wife", "then-senator"
		case !descWord(lw) || notDescriptive[lw]:
			return false
		}
	}
	return true
}

// phraseLinks join the words of a description: "spokesman for the
// Pentagon", "Senator Bernie Sanders of Vermont", "a statement released
// by China".
var phraseLinks = set("of for the a an and at by from released issued published posted de la le du van von der den")

// sentenceAdverbs open a sentence, never a description.
var sentenceAdverbs = set(`unfortunately fortunately ironically curiously notably clearly finally currently
	importantly interestingly surprisingly predictably obviously apparently naturally reportedly
	separately similarly additionally consequently subsequently ultimately initially originally`)

// notDescriptive are words that pass for a description's but belong to the
// sentence around a name: comparisons, manner, verbs without an ending.
var notDescriptive = set(`most more less least than nor even just only able dynamic popular defensive
	beat found hit met took gave know sent put set let cut won lost led ran saw got made`)

// latest returns the most recently mentioned entity that passes ok, or -1.
func (r *registry) latest(ok func(*entity) bool) int {
	return r.newest(ok, func(e *entity) int { return e.last }, -2)
}

// latestSubject returns the entity that passes ok and was most recently a
// speaker or a sentence's subject, or -1.
func (r *registry) latestSubject(ok func(*entity) bool) int {
	return r.newest(ok, func(e *entity) int { return e.lastSubj }, -1)
}

// newest returns the entity that passes ok whose position at(e) is the
// greatest above floor, or -1.
func (r *registry) newest(ok func(*entity) bool, at func(*entity) int, floor int) int {
	best, bestPos := -1, floor
	for i := range r.ents {
		if ok(&r.ents[i]) && at(&r.ents[i]) > bestPos {
			best, bestPos = i, at(&r.ents[i])
		}
	}
	return best
}

// alias records a way of naming the entity, once.
func (e *entity) alias(s string) {
	if s == "" {
		return
	}
	for _, a := range e.aliases {
		if a == s {
			return
		}
	}
	e.aliases = append(e.aliases, s)
}

func other(g byte) byte {
	switch g {
	case 'm':
		return 'f'
	case 'f':
		return 'm'
	}
	return 0
}

func contains(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

// qualifier says whether a subject phrase names a person known before
// only to qualify the noun after it: "The Murdoch outlets have …" is not
// Murdoch acting, so a later "he said" is not his.
func (r *registry) qualifier(d *doc, p phrase) bool {
	if p.inst || p.role != "" || p.e >= len(d.toks) || d.toks[p.e].kind != tWord || d.toks[p.e].cap {
		return false
	}
	if s := p.s; !determiners[d.toks[s].low] && (s == 0 || !determiners[d.toks[s-1].low]) {
		return false
	}
	e := r.known(r.nameWords(p.name))
	return e != nil && !e.inst
}

// personShaped reports whether a name of a few capitalised words may be a
// person's, the given name unknown ("Novak Djokovic"): letters only, two
// at least in each word, none of them a place, an institution's word, a
// nationality or an acronym ("Washington CNN", "Bulgarian Bogdan Dochev",
// "UPS Teamsters").
func personShaped(name string) bool {
	ws := strings.Fields(name)
	if len(ws) < 2 {
		return false
	}
	for _, w := range ws {
		lw := fold(strings.ReplaceAll(w, ".", ""))
		if len([]rune(lw)) < 2 || !lettersOnly(lw) || acronym(w) && len(lw) > 2 ||
			places[lw] || orgWords[lw] || groupWords[lw] || companies[lw] || statesWords[lw] || stopCaps[lw] || demonyms[lw] || events[lw] {
			return false
		}
	}
	return true
}

// acronym reports whether a word is written in capitals ("CNN", "UPS").
func acronym(w string) bool {
	return len(w) > 1 && strings.ToUpper(w) == w
}
