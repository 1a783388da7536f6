package quote

import (
	"log/slog"
	"sort"
	"strings"

	"github.com/coveragebot/coveragebot/retrieval/article"
)

// Extract returns every statement attributed to someone in a, in text
// order. Caption paragraphs are ignored. Statements whose speaker cannot be
// named (an unresolved "he", "a spokesman") are left out.
func Extract(a *article.Article) (qs []Quote) {
	if a == nil || a.Text == "" {
		return nil
	}
	defer func() {
		// the rules index tokens by hand: a slip must cost one article's
		// statements, never the indexer
		if r := recover(); r != nil {
			slog.Error("quote: extraction failed", "article", a.ID, "panic", r)
			qs = nil
		}
	}()
	return extract(a)
}

// extract is Extract without the safety net (the fuzz test calls it).
func extract(a *article.Article) []Quote {
	d := layout(a)
	defer d.release()
	if len(d.toks) == 0 {
		return nil
	}
	reg := &registry{}
	owner := make([]int, len(d.spans))
	for i := range owner {
		owner[i] = -1
	}
	var stmts []stmt
	colon := map[int]herald{} // paragraph → speaker announced by "X said:" at the end of the one before
	ahead := map[int]herald{} // quotation → speaker announced by "X said in a statement." just before it
	for si, sn := range d.sents {
		ms := d.matches(sn.s, sn.e)
		d.mentions(sn, reg, ms)
		for i := range ms {
			if ms[i].also.name != "" {
				ms[i].alsoEnt = reg.resolve(ms[i].also, ms[i].also.s, true)
			}
			if ms[i].info.base == "report" && outletShaped(ms[i].subj) {
				ms[i].subj.inst = true // "CNN has previously reported": no "she"
			}
			ms[i].ent = reg.resolve(ms[i].subj, ms[i].subj.s, !ms[i].agent)
		}
		first := len(stmts)
		d.attribute(si, ms, owner, &stmts)
		if m := d.announcer(sn, ms, stmts[first:]); m != nil {
			colon[d.toks[sn.e].para] = herald{m.ent, m.cueText}
			m.used = true
		}
		for i := range ms {
			m := &ms[i]
			if !m.used && m.ent >= 0 && !m.info.gerund {
				// "X said in a statement. “…”": the quotation opening the
				// next sentence, in the paragraph or the next one
				if n := d.objectPhrase(d.skipAdverbials(m.end, sn.e), sn.e); n+1 < len(d.toks) && d.isPunct(n, ".:") && d.toks[n+1].kind == tOpen &&
					d.toks[n+1].span >= 0 && d.spans[d.toks[n+1].span].open == n+1 {
					ahead[d.toks[n+1].span] = herald{m.ent, m.cueText}
					m.used = true
				}
			}
		}
	}
	stmts = d.continuations(stmts, owner, colon, ahead)
	return d.quotes(stmts, reg)
}

// someone finds a main subject in [s, e) that describes a person without
// naming one: "a", "an" or "one" at the sentence's start or after a
// fronted adverbial and its comma, a few lower-case words or places, a
// word for a person, and a verb in the past later in the sentence ("A
// resident delivered …", "On Thursday, one woman told …", "A 29-year-old
// Berlin woman, meanwhile, received …"; not "A representative may …", a
// rule of thumb). It
// returns the subject's first token and the gender its words give.
func (d *doc) someone(s, e int) (int, byte, bool) {
	for i := s; i+2 < e && i < s+16; i++ {
		if i > s && !(d.isPunct(i-1, ",") && d.frontedAdverbial(d.trimLead(s, i-1), i-1)) || !d.is(i, "a") && !d.is(i, "an") && !d.is(i, "one") {
			continue // after a comma only when what is before it sets the time or place, not a name it describes
		}
		for h := i + 1; h+1 < e && h <= i+4; h++ {
			tk := &d.toks[h]
			if tk.kind != tWord || tk.span >= 0 || tk.cap && !(places[tk.low] || demonyms[tk.low]) {
				break // "a 29-year-old Berlin woman", not "a Berlin lawyer, Ann Moss"
			}
			if tk.cap || !(personNoun(tk.low) || people[tk.low]) || !lettersOnly(tk.low) {
				continue
			}
			p := d.pastAside(h+1, e)
			if d.predicateAt(p) && d.pastAfter(p, e) {
				return i, roleGender(d.slice(i, h+1)), true
			}
		}
	}
	return 0, 0, false
}

// pastAside returns the token after a one-word aside set off by commas
// at k (", meanwhile,", ", however,"), or k when there is none.
func (d *doc) pastAside(k, e int) int {
	if k+3 < e && d.isPunct(k, ",") && d.isPunct(k+2, ",") && d.asideBefore(k+2, k-1) == k-1 {
		return k + 3
	}
	return k
}

// someoneNamed returns where the name starts in a subject that describes
// a person and then names them between commas ("One man, Sukru Canbulat,
// was wheeled …"), or 0.
func (d *doc) someoneNamed(s, e int) int {
	if !d.is(s, "a") && !d.is(s, "an") && !d.is(s, "one") {
		return 0
	}
	for h := s + 1; h+2 < e && h <= s+3; h++ {
		tk := &d.toks[h]
		if tk.kind != tWord || tk.cap || tk.span >= 0 {
			return 0
		}
		if (personNoun(tk.low) || people[tk.low]) && d.isPunct(h+1, ",") && d.toks[h+2].cap && d.toks[h+2].kind == tWord {
			return h + 2
		}
	}
	return 0
}

// predicateAt reports whether token k may follow a subject noun: a verb,
// a relative pronoun or a preposition that describes the subject ("a man
// holding flowers", "a worker with the ministry"), not another noun ("a
// 99-member group").
func (d *doc) predicateAt(k int) bool {
	tk := &d.toks[k]
	if tk.kind != tWord || tk.cap || tk.span >= 0 {
		return false
	}
	lw := tk.low
	return d.hasFinite(k, k+1) || presentVerbs[lw] || relativePronouns[lw] || adverbialPrepositions[lw] || lw == "of" || strings.HasSuffix(lw, "ing")
}

// outletShaped reports whether the subject of "reported" is one word in
// capitals with no role ("CNN", "KCNA"): a news outlet, never "he" or
// "she" later.
func outletShaped(p phrase) bool {
	return p.name != "" && p.role == "" && !strings.Contains(p.name, " ") && acronym(p.name)
}

// pastAfter reports whether [s, e) holds a verb in the past tense: the
// sentence tells what happened, not what may ("A representative may …").
func (d *doc) pastAfter(s, e int) bool {
	for k := s; k < e; k++ {
		if lw := d.toks[k].low; d.toks[k].kind == tWord && !d.toks[k].cap && (irregularPasts[lw] || lw == "was" || lw == "had" || len(lw) > 4 && strings.HasSuffix(lw, "ed")) {
			return true
		}
	}
	return false
}

// people are words for a person that are no role ("a woman told …").
var people = set("man woman boy girl person resident witness neighbor neighbour passenger driver bystander")

// coupled reports whether the name of phrase p follows a lone given name
// and "and" ("Khizr and Ghazala Khan"): two people share its surname.
func (d *doc) coupled(p phrase, s int) bool {
	g := p.s - 2
	return p.name != "" && g >= s && d.is(p.s-1, "and") && d.toks[g].kind == tWord && d.toks[g].cap && (g == s || !d.toks[g-1].cap)
}

// sentOf returns the sentence holding token k.
func (d *doc) sentOf(k int) int {
	return sort.Search(len(d.sents), func(i int) bool { return d.sents[i].e > k })
}

// quotes turns statements into Quotes, dropping unresolved speakers.
func (d *doc) quotes(stmts []stmt, reg *registry) []Quote {
	out := make([]Quote, 0, len(stmts))
	seen := map[[3]int]bool{}
	for i, n := 0, len(stmts); i < n; i++ {
		if m := stmts[i].match; m != nil && m.alsoEnt >= 0 && m.alsoEnt != stmts[i].ent {
			both := stmts[i]
			both.ent = m.alsoEnt
			stmts = append(stmts, both) // said by both speakers
		}
	}
	for _, st := range stmts {
		if st.ent < 0 || st.s >= st.e || st.e > len(d.toks) {
			continue
		}
		key := [3]int{st.s, st.e, st.ent}
		if seen[key] {
			continue
		}
		seen[key] = true
		e := &reg.ents[st.ent]
		sn := d.sents[st.sent]
		ss, se := sn.s, sn.e
		if st.s < ss {
			ss = st.s
		}
		if st.e > se {
			se = st.e
		}
		q := Quote{
			Speaker:   e.full,
			Name:      e.name,
			Role:      e.role,
			Aliases:   e.names(),
			Kind:      st.kind,
			Cue:       st.cue,
			Text:      d.slice(st.s, st.e),
			Sentence:  d.slice(ss, se),
			Paragraph: d.toks[st.s].para,
			Start:     d.toks[st.s].rs,
			End:       d.toks[st.e-1].re,
			Rule:      st.rule,
		}
		if q.Speaker == "" {
			q.Speaker = e.name
		}
		out = append(out, q)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
	return dropNested(out)
}

// dropNested drops a statement lying inside another of the same speaker
// ("said he has advised many winners" read from both "said" and "advised").
func dropNested(qs []Quote) []Quote {
	kept := qs[:0]
	for _, q := range qs {
		inside := false
		for i := len(kept) - 1; i >= 0 && i >= len(kept)-8; i-- {
			k := &kept[i]
			if k.Name == q.Name && k.Start <= q.Start && q.End <= k.End {
				inside = true
				break
			}
		}
		if !inside {
			kept = append(kept, q)
		}
	}
	return kept
}

// names returns the entity's aliases with its surname for people.
func (e *entity) names() []string {
	as := append([]string(nil), e.aliases...)
	if !e.inst {
		if f := strings.Fields(e.name); len(f) > 1 {
			last := trimPossessive(f[len(f)-1])
			found := false
			for _, a := range as {
				if a == last {
					found = true
				}
			}
			if !found {
				as = append(as, last)
			}
		}
	}
	return as
}

// inSubjectRole reports whether the person phrase p, read from inside the
// role of the main subject [subj, roleEnd), is that subject: "the network's
// nightly news anchor Ilia Calderón" read from "nightly", or "the club's CEO
// Oliver Kahn" from "CEO"; not "the Education City Stadium" from "Education".
func (d *doc) inSubjectRole(p phrase, subj, roleEnd int) bool {
	if p.e != roleEnd || p.s <= subj || p.inst {
		return false
	}
	first := &d.toks[p.s]
	return !first.cap || roleLike(first.low) || titleWords[first.low]
}

// mentions registers the names of sentence sn in text order, its main
// subject as a subject.
//
// The subject of words a sentence reports before ", he said" or ", she
// said" is no subject when the pronoun cannot mean it (registry.notMeant).
func (d *doc) mentions(sn sentence, reg *registry, ms []match) {
	subj, roleEnd := -1, -1
	if p, ok := d.mainSubject(sn.s, sn.e); ok && p.name != "" && !reg.qualifier(d, p) {
		subj = p.s
		if p.role != "" && !p.inst {
			roleEnd = p.e
		}
		for _, m := range ms {
			if g := pronounGender(m.subj.pronoun); g != 0 && subj < m.start && d.isPunct(m.start-1, ",") && reg.notMeant(p, g) {
				subj = -1
			}
		}
	} else if ok && p.desc != "" && d.isPunct(p.e, ",") && p.e+1 < sn.e && d.toks[p.e+1].cap {
		subj = p.e + 1 // "Kazakhstan's foreign minister, Erlan Idrissov, plays down …"
	}
	if subj < 0 {
		if at, g, ok := d.someone(sn.s, sn.e); ok {
			reg.anonymous(at, g) // "On Thursday, a resident delivered a speech": someone unnamed
		} else if n := d.someoneNamed(sn.s, sn.e); n > 0 {
			subj = n // "One man, Sukru Canbulat, was wheeled …": the subject, named
		}
	}
	read := sn.s    // tokens before it were read as part of a phrase
	var lead phrase // the phrase read before
	for k := sn.s; k < sn.e; k++ {
		tk := &d.toks[k]
		if tk.kind != tWord || tk.span >= 0 || !tk.cap || stopCaps[tk.low] && !titleWords[tk.low] {
			continue
		}
		if k > sn.s && d.nameWord(k-1) && d.toks[k-1].cap {
			continue // inside a run of capitals that names no one
		}
		// the lowercase role words before the name belong to its phrase:
		// "former Gov. Jeb Bush", "reality television star Donald Trump"
		i := k
		for i > read && i > k-3 && d.nameWord(i-1) {
			i--
		}
		p, ok := d.phraseAfter(i, sn.e)
		if !ok {
			if o, ok := d.owner(k, sn.e); ok {
				reg.mention(o, o.s, false, false) // "a reminder of Donald Trump's failed ventures"
				k = o.e - 1
			}
			continue
		}
		if o, ok := d.owner(k, sn.e); ok && o.e < p.e {
			reg.mention(o, o.s, false, false) // "President Joe Biden’s State of the Union": Biden is named
		}
		if d.coupled(p, sn.s) {
			reg.shared(p) // "Khizr and Ghazala Khan": a later "Mr. Khan" may be either
		}
		described := d.isPunct(p.e, ",") && p.e+1 < sn.e && determiners[d.toks[p.e+1].low]
		reg.mention(p, p.s, p.s == subj || d.inSubjectRole(p, subj, roleEnd), described)
		if desc := d.appositiveRole(p, sn.e); desc != "" {
			reg.describe(p, desc)
		}
		if lead.desc != "" && lead.name == "" && lead.e+1 == p.s && d.isPunct(lead.e, ",") && d.isPunct(p.e, ",") {
			reg.describe(p, lead.desc) // "Spain’s coach, Luis de la Fuente, named …"
		}
		lead = p
		if p.e > k {
			k = p.e - 1
		}
		read = max(read, p.e)
	}
}

// herald is a speaker announced ahead of the quotation they speak, with
// the cue that announced them.
type herald struct {
	ent int
	cue string
}

// announcer returns the match of sentence sn that announces the quotation
// opening the next paragraph when sn ends its own paragraph with a colon:
// "He told his audience, to rowdy applause:", "Ward said that, given the
// field:", "as Joel Pollak observed, the winner was the stage itself:".
// The match is the sentence's last whose speaker is known; what stands
// between its phrase and the colon is a few words naming no one else's
// cue, or the reported words the match already gave, ending at the colon.
// A question announces its answer, not the asker's words ("The network
// asked the company how it would use the readings:").
func (d *doc) announcer(sn sentence, ms []match, given []stmt) *match {
	k := sn.e - 1
	if sn.e >= len(d.toks) || !d.isPunct(k, ":") || d.toks[sn.e].para == d.toks[k].para || d.toks[sn.e].kind != tOpen {
		return nil
	}
	for i := len(ms) - 1; i >= 0; i-- {
		m := &ms[i]
		if m.cue >= k {
			continue
		}
		if m.ent < 0 || m.info.base == "ask" {
			return nil
		}
		if !m.used {
			for n := m.end; n < k; n++ {
				if d.toks[n].span >= 0 {
					return nil
				}
			}
			if d.words(m.end, k) > 12 {
				return nil
			}
			return m
		}
		for _, st := range given {
			if st.match == m && st.span < 0 && (st.e == k || st.e == k+1) {
				return m
			}
		}
		return nil
	}
	return nil
}
