package quote

import "strings"

// hasAppositiveSubject reports whether the comma at j closes "NAME,
// description," before the cue.
func (d *doc) hasAppositiveSubject(j, s int) bool {
	_, ok := d.appositiveSubject(j, s)
	return ok
}

// subjectBefore parses the speaker before a cue whose last token before the
// cue (after auxiliaries) is j, skipping an appositive: "Debbie Walsh,
// director of the Center …, said".
func (d *doc) subjectBefore(j, s int) (phrase, bool) {
	if d.isPunct(j, ",") {
		return d.appositiveSubject(j, s)
	}
	if d.isPunct(j, "—–-") && j > s && !d.isPunct(j-1, ",") {
		// "John McCain, who lost the 2008 election to Obama -- said"
		if p, ok := d.appositiveSubject(j, s); ok && p.name != "" {
			return p, true
		}
		return phrase{}, false
	}
	if q, ok := d.openAppositive(j, s); ok {
		return q, true
	}
	if d.titleThenComma(j) {
		return d.appositiveSubject(j+1, s)
	}
	p, ok := d.phraseBefore(j, s)
	if !ok {
		return p, false
	}
	if p.inst && p.s-2 >= s && d.isPunct(p.s-1, ",") && placeName(p.name) {
		// "Stacy Baker of Columbia, South Carolina says": the state of the
		// speaker's town, not the speaker
		if q, ok := d.phraseBefore(p.s-2, s); ok && q.name != "" && !q.inst && strings.Contains(q.role, "of ") {
			if q.s == s || !d.toks[q.s-1].cap && d.toks[q.s-1].kind == tWord && clauseWords[d.toks[q.s-1].low] || d.toks[q.s-1].kind != tWord {
				q.e = p.e
				return q, true
			}
		}
	}
	if p.name != "" && p.role == "" && p.s-2 >= s && d.is(p.s-1, "in") && !givenName(d.toks[p.s].low) {
		// "the National Weather Service in Honolulu said": the service,
		// in the place
		if q, ok := d.phraseBefore(p.s-2, s); ok && q.inst && q.name != "" {
			start := q.s
			if start > s && determiners[d.toks[start-1].low] {
				start--
			}
			if d.clauseStart(start, s) {
				q.e = p.e
				return q, true
			}
		}
	}
	if p.inst && p.s-2 >= s && (d.is(p.s-1, "in") || d.is(p.s-1, "near")) && placeName(p.name) && !officialsOf(d.toks[p.s-2].low) {
		// "Helen Maser, a pharmacist based in New York said": where the
		// speaker works is not the speaker; but "leaders in North
		// Carolina noted" speak for the place
		if q, ok := d.phraseBefore(p.s-2, s); ok && len(strings.Fields(q.name)) > 1 && !q.inst && d.clauseStart(q.s, s) {
			q.role = strings.TrimSpace(q.role + " " + d.slice(p.s-1, p.e))
			q.e = p.e
			return q, true // "Pedro Mateo in South Carolina said"
		}
		if q, ok := d.appositiveSubject(p.e, s); ok && q.name != "" && !q.inst && d.isPunct(q.e, ",") && (d.is(q.e+1, "a") || d.is(q.e+1, "an") || d.is(q.e+1, "the")) {
			return q, true
		}
		return phrase{}, false
	}
	if p.pronoun == "he" || p.pronoun == "she" {
		// "as Xi departed he told Putin", but not "what he said were"
		return p, !d.is(p.s-1, "what")
	}
	if p.name != "" && d.is(p.s-1, "on") && p.s-2 >= s && !d.toks[p.s-2].cap {
		// "one user on Twitter said": the user speaks, not the platform
		return phrase{}, false
	}
	// the phrase must start the clause: sentence start, punctuation, a
	// quotation, a conjunction or a relative word
	// a lower-case description may open it: "journalist Martha Raddatz"
	b := p.s - 1
	for n := 0; n < 6 && b >= s && p.name != "" && d.toks[b].kind == tWord && d.toks[b].span < 0 &&
		!determiners[d.toks[b].low] && !clauseWords[d.toks[b].low] && d.toks[b].low != "what" && !(d.toks[b].cap && stopCaps[d.toks[b].low]) && !possessives[d.toks[b].low]; n++ {
		b--
	}
	// "what aide Kevin Phillips called …": the description starts after
	// "what"; "President Gordon Gee and athletic director Wren Baker said":
	// after "and" and a first person
	if b < p.s-1 && d.closeTo(b+1, p.s) {
		return p, false // "A source close to the White House said": someone else, unnamed
	}
	if b < p.s-1 && (b < s || d.toks[b].kind != tWord || determiners[d.toks[b].low] || d.toks[b].low == "what" || d.personThenAnd(b, s)) {
		if determiners[d.toks[max(b, s)].low] && b >= s {
			b--
		}
		p.role = strings.TrimSpace(d.slice(b+1, p.s) + " " + p.role)
		p.s = b + 1
		p.text = d.slice(p.s, p.e)
		return p, true
	}
	if b := p.s - 1; b >= s {
		tk := d.toks[b]
		if tk.kind == tWord && tk.span < 0 {
			if !clauseWords[tk.low] {
				if !tk.cap && !stopCaps[tk.low] {
					return p, false
				}
			}
		}
	}
	return p, true
}

// closeTo reports whether [i, j) says someone is near the name after it
// rather than the named one: "source close to", "person familiar with".
func (d *doc) closeTo(i, j int) bool {
	for k := i; k+1 < j; k++ {
		if nearWords[d.toks[k].low] && (d.is(k+1, "to") || d.is(k+1, "with")) {
			return true
		}
	}
	return false
}

// nearWords, before "to" or "with", put a person near someone else.
var nearWords = set("close closest familiar near loyal allied aligned linked tied connected")

// personThenAnd reports whether token b is "and" after a person's name
// that opens the clause: "Gordon Gee and …", "Ms. Lopez and …".
func (d *doc) personThenAnd(b, s int) bool {
	if b <= s || !d.is(b, "and") {
		return false
	}
	q, ok := d.phraseBefore(b-1, s)
	if !ok || q.name == "" || q.inst || !d.clauseStart(q.s, s) {
		return false
	}
	// a person's name, not half an institution's ("U.S. Fish and Wildlife
	// Service wildlife refuge specialist Catherine Hibbard")
	words := strings.Fields(q.name)
	return q.gender != 0 || len(words) > 1 && givenName(strings.ToLower(words[0])) && personShaped(q.name)
}

// officialsOf reports whether w names many who may speak for the place
// after it ("officials", "lawmakers", "leaders in North Carolina").
func officialsOf(w string) bool {
	return crowds[w] || len(w) > 3 && strings.HasSuffix(w, "s") && roleLike(strings.TrimSuffix(w, "s"))
}

// mainSubject finds the subject of the sentence's main clause, before
// token k: the first speaker phrase followed by a lower-case word (its
// verb), tried at the sentence start and after each comma of an
// introductory phrase ("At a rally in Portsmouth, N.H., on Tuesday,
// Senator Bernie Sanders endorsed …").
func (d *doc) mainSubject(s, k int) (phrase, bool) {
	s = d.afterDateline(s, k)
	var fallback phrase
	found := false
	for i, tries := s, 0; i < k && tries < 5; tries++ {
		appositive := found && (d.is(i, "a") || d.is(i, "an")) // "Ann Moss, a Boca Raton lawyer who …"
		if p, verb, ok := d.subjectAt(i, k); ok && !appositive {
			if !verb {
				if q, ok := d.namedDescription(p, k); ok {
					return q, true // "His attorney, Terry Nolan, told …": the person named
				}
			}
			if verb || (!found || fallback.name == "") && p.name != "" && d.describedThenVerb(p.e, k) {
				return p, true // "On the left, Betty Friedan, the feminist leader, compared …"
			}
			if !found && tries == 0 {
				fallback, found = p, true // "Putin, who …, said"
			}
		}
		// next candidate: after the next comma
		c := i
		for c < k && !d.isPunct(c, ",") {
			if sp := d.toks[c].span; sp >= 0 && d.toks[c].kind == tOpen {
				c = d.last(sp)
				if d.spans[sp].closed && d.spans[sp].close-d.spans[sp].open < 10 && d.toks[c-1].kind == tPunct && d.toks[c-1].text == "," {
					break // the comma closing a quoted title or phrase: “Planet of the Apes,” the anchor …
				}
			}
			c++
		}
		i = c + 1
	}
	return fallback, found
}

// namedDescription returns who a description p names right after it, set
// off by commas: "His attorney, Terry Nolan, told …" is Terry Nolan, the
// attorney; "Byatt's publisher, Chatto & Windus, said …" the publisher.
func (d *doc) namedDescription(p phrase, k int) (phrase, bool) {
	if p.name != "" || p.pronoun != "" || p.desc == "" || !d.isPunct(p.e, ",") {
		return phrase{}, false
	}
	q, verb, ok := d.subjectAt(p.e+1, k)
	if !ok || q.name == "" || q.s != p.e+1 || !verb && !d.isPunct(q.e, ",") {
		return phrase{}, false
	}
	q.role = strings.TrimSpace(p.role + " " + q.role)
	return q, true
}

// describedThenVerb reports whether the comma at c opens a description
// ("the feminist leader and author") closed by a comma before a
// lower-case verb: the name before c is the subject of that verb.
func (d *doc) describedThenVerb(c, k int) bool {
	if !d.isPunct(c, ",") || c+1 >= k || d.toks[c+1].kind != tWord || d.toks[c+1].cap && !determiners[d.toks[c+1].low] {
		return false
	}
	if w := d.toks[c+1].low; !determiners[w] && !possessives[w] && !roleLike(w) {
		return false
	}
	verbAfter := func(next int) bool {
		return next < k && d.toks[next].kind == tWord && !d.toks[next].cap && d.toks[next].span < 0 &&
			!clauseWords[d.toks[next].low] && !determiners[d.toks[next].low] && !subjectPronouns[d.toks[next].low]
	}
	for n, read := c+2, 0; n < k && read < 12; n, read = n+1, read+1 {
		tk := &d.toks[n]
		if sp := tk.span; sp >= 0 && tk.kind == tOpen && d.spans[sp].closed && d.titleCasedUpTo(sp, 14) {
			// "author of the book “Manufacturing Celebrity: …,”": a title
			n = d.last(sp)
			if d.isInnerPunct(d.spans[sp].close-1, ",") {
				return verbAfter(n + 1)
			}
			continue
		}
		if tk.span >= 0 || tk.kind == tWord && (clauseWords[tk.low] && tk.low != "and" || tk.low == "who") {
			return false
		}
		if d.isPunct(n, ",") {
			return verbAfter(n + 1)
		}
	}
	return false
}

// subjectAt parses a subject phrase at token i; verb reports whether a
// lower-case word follows it (after a parenthesis and time words).
func (d *doc) subjectAt(i, k int) (phrase, bool, bool) {
	for i < k && d.toks[i].span < 0 && d.toks[i].kind == tWord && d.toks[i].cap && stopCaps[d.toks[i].low] && !titleWords[d.toks[i].low] {
		w := d.toks[i].low
		if subjectPronouns[w] || possessives[w] {
			break // "His mother, Dawn Woods, expressed …": whose, then who
		}
		if subordinators[w] {
			return phrase{}, false, false // "If Trump doesn't …, he said": not the main clause
		}
		if adverbialPrepositions[w] && i+1 < k && d.toks[i+1].cap {
			return phrase{}, false, false // "In South Florida, developers see …": a place, not the subject
		}
		i++
	}
	if i < k && d.toks[i].kind == tWord && (d.is(i, "and") || d.is(i, "but") || d.is(i, "so")) {
		i++
	}
	for i < k && (d.toks[i].kind == tOpen || d.toks[i].span >= 0) {
		if d.toks[i].span >= 0 {
			i = d.last(d.toks[i].span)
		}
		i++
	}
	for n := 0; n < 2 && i+1 < k && d.toks[i].kind == tWord && !d.toks[i].cap && d.toks[i].span < 0 && strings.ContainsAny(d.toks[i].text, "-0123456789") && d.toks[i+1].cap; n++ {
		i++ // "62-year-old Brenda Johnson"
	}
	if i+2 < k && d.toks[i].kind == tWord && determiners[d.toks[i].low] && d.toks[i].low != "that" && !d.toks[i+1].cap {
		// "the district GOP Chairman Chuck Williams declined …": a
		// lower-case description between the article and the name
		at := i + 1
		for at < k && at < i+4 && d.toks[at].kind == tWord && d.toks[at].span < 0 && !d.toks[at].cap && descWord(d.toks[at].low) && !isPreposition(d.toks[at].low) && d.toks[at].low != "of" {
			at++
		}
		if at > i+1 && at+1 < k && (d.is(at, "named") || d.is(at, "called")) && d.toks[at+1].cap {
			// "a worker named Antonio Arroyo has …": the description is
			// their role
			desc := d.slice(i+1, at)
			if p, verb, ok := d.subjectAt(at+1, k); ok && !p.inst && len(strings.Fields(p.name)) > 1 {
				p.role = strings.TrimSpace(desc + " " + p.role)
				return p, verb, ok
			}
		}
		if at > i+1 && at < k && d.toks[at].cap {
			desc := d.slice(i+1, at)
			if p, verb, ok := d.subjectAt(at, k); ok && !p.inst && len(strings.Fields(p.name)) > 1 && (p.role != "" || roleLike(d.toks[at-1].low)) {
				p.role = strings.TrimSpace(desc + " " + p.role)
				return p, verb, ok
			}
		}
	}
	if i >= k || d.toks[i].kind != tWord || !d.toks[i].cap && !subjectPronouns[d.toks[i].low] && !(determiners[d.toks[i].low] && i+1 < k && (d.toks[i+1].cap || possessive(d.toks[i+1].low) && i+2 < k && d.nameWord(i+2))) {
		return phrase{}, false, false
	}
	if w := d.toks[i].low; d.toks[i].cap && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")) && !subjectPronouns[w] && len(w) > 4 {
		return phrase{}, false, false // "Commenting on the meeting, …"
	}
	p, ok := d.phraseAfter(i, k)
	if !ok {
		return p, false, false
	}
	if p.e-p.s == 1 && (describingWords[d.toks[p.s].low] || d.groupAfter(p.e, k)) {
		// "Public colleges make up …", "Twitter critics denounced …": a
		// describing word, then the subject
		return phrase{}, false, false
	}
	after := p.e
	if d.isPunct(after, "(") {
		for c := after + 1; c < k && c < after+12; c++ {
			if d.isPunct(c, ")") {
				after = c + 1
				break
			}
		}
	}
	after = d.skipBackwardsSafe(after, k)
	if q, ok := d.oneSubject(i, after, k); ok {
		return q, true, true
	}
	if after < k && d.toks[after].kind == tWord && !d.toks[after].cap && d.toks[after].span < 0 {
		return p, true, true
	}
	return p, false, after < k && d.isPunct(after, ",") && p.pronoun == ""
}

// groupAfter reports whether token i is a plural word for people ("critics",
// "supporters", "officials"): the name before it only says whose.
func (d *doc) groupAfter(i, k int) bool {
	if i >= k || d.toks[i].kind != tWord || d.toks[i].cap || d.toks[i].span >= 0 {
		return false
	}
	w := d.toks[i].low
	if !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") {
		return false
	}
	one := strings.TrimSuffix(w, "s")
	if strings.HasSuffix(w, "ies") {
		one = strings.TrimSuffix(w, "ies") + "y" // "allies"
	}
	return roleWords[one] && !notPersons[one] && !nounVerbs[one] && cues[w].base == ""
}

// nounVerbs are words for people that are verbs too: "Harris hosts …",
// "Smith chairs the committee".
var nounVerbs = set("host chair head lead star partner whip anchor boss mate fan father mother")

// describingWords open a sentence capitalised before the noun they
// describe ("Public colleges", "Federal prosecutors"); alone they name no one.
var describingWords = set(`public private local national federal regional international legal economic political
	medical military foreign domestic immigrant global senior`)

// singularVerbs follow a subject that is one person.
var singularVerbs = set("has is was says does")

// oneSubject reads "Yahoo News and former TV network anchor Katie Couric
// has promoted …": two names joined by "and" before a verb in the
// singular are one person, the first name part of their description.
func (d *doc) oneSubject(i, and, k int) (phrase, bool) {
	if !d.is(and, "and") {
		return phrase{}, false
	}
	at := d.descThenName(and+1, k)
	q, ok := d.phraseAfter(at, k)
	if !ok || q.name == "" || q.inst || len(strings.Fields(q.name)) < 2 || q.e >= k || !singularVerbs[d.toks[q.e].low] {
		return phrase{}, false
	}
	q.role = strings.TrimSpace(d.slice(i, at) + " " + q.role)
	return q, true
}

func isPreposition(w string) bool {
	switch w {
	case "in", "on", "at", "after", "before", "during", "speaking", "asked", "for", "with", "from", "since", "despite", "amid", "following", "earlier", "later", "last", "commenting", "writing", "addressing", "responding", "as", "when", "while", "if", "although", "though", "because", "to", "under", "over", "by":
		return true
	}
	return false
}

// clauseWords may stand right before a clause's subject.
var clauseWords = set("and but as while when so yet because although though which who after before since where then also if that whereas once until or")

// skipBackwardsSafe skips time words after a subject ("Putin on Tuesday
// said") so the verb after them can be checked.
func (d *doc) skipBackwardsSafe(i, k int) int {
	for i < k && d.toks[i].kind == tWord && d.toks[i].span < 0 {
		lw := d.toks[i].low
		switch {
		case lw == "on" && i+1 < k && dayName(d.toks[i+1].low):
			i += 2
		case dayName(lw) || (lw == "last" || lw == "this") && i+1 < k && periodWords[d.toks[i+1].low]:
			i++
			if !dayName(lw) {
				i++
			}
		default:
			return i
		}
	}
	return i
}

// appositiveSubject finds the speaker of "NAME, description, said" or
// "description, NAME, said", the cue's comma being at j.
func (d *doc) appositiveSubject(j, s int) (phrase, bool) {
	// "Ms. Epstein, along with Judge Posner and William Landes, a law
	// professor, wrote": the aside's names are company, not the subject
	for c := j - 1; c > s && c > j-40; c-- {
		if d.toks[c].span >= 0 || d.isPunct(c, ".;:!?") {
			break
		}
		if d.isPunct(c, ",") && (d.is(c+1, "along") || d.is(c+1, "together")) && d.is(c+2, "with") {
			if p, ok := d.phraseBefore(c-1, s); ok && (p.name != "" || p.pronoun != "") && d.clauseStart(p.s, s) {
				return p, true
			}
			break
		}
	}
	if q, ok := d.includedSpeaker(j, s); ok {
		return q, true
	}
	var best phrase
	found, described := false, false
	for c := j - 1; c >= s && c > j-40; c-- {
		if sp := d.toks[c].span; sp >= 0 && d.spans[sp].closed && d.spans[sp].close == c && d.spans[sp].close-d.spans[sp].open < 8 {
			c = d.spans[sp].open // "wearing “Ted Cruz” campaign pins"
			continue
		}
		if d.toks[c].span >= 0 || d.toks[c].kind == tOpen || d.toks[c].kind == tClose || d.isPunct(c, ".;:!?") {
			break
		}
		if !d.isPunct(c, ",") {
			continue
		}
		// "Christopher Harvey, an African-American delegate from Houston, Texas, said"
		p, ok := d.phraseBefore(d.skipBack(c-1, s), s)
		if ok && !found && c+2 == j && partyTag(d.toks[c+1].text) && p.name != "" && !p.inst {
			return p, true // "fellow GOP committee member Rand Paul, R-Ky., told"
		}
		if ok && !found && d.describes(p, c) && !d.is(p.s-1, "and") && !d.is(p.s-1, "or") {
			// "Clinton's campaign chairman, John Podesta, said": the
			// description names no one, the name after it speaks
			// "Byatt's publisher, Chatto & Windus, said": a company too, but
			// not a place ("the state's capital, Albany")
			if q, ok := d.phraseAfter(c+1, j); ok && q.name != "" && !(q.inst && placeName(q.name)) && q.s == c+1 && d.placeRest(q.e, j) && d.clauseStart(p.s, s) {
				return d.describedBy(q, p.s, c), true
			}
		}
		if ok && (p.name != "" || p.pronoun != "") && d.clauseStart(p.s, s) && d.ownClause(c+1, j) {
			// "The Cat, a high-speed catamaran, will sail between Yarmouth,
			// Nova Scotia, to Bar Harbor, said …": the sentence's subject
			// has its own verb, and the comma before the cue ends a clause;
			// a name described just before the cue still speaks (", Ravinder
			// Singh, a NDRF official, said")
			return best, found && described
		}
		if ok && (p.name != "" || p.pronoun != "") && (d.clauseStart(p.s, s) || d.describedStart(&p, s)) && d.describing(c+1, j) && !d.prepObject(p.s, s) {
			if p.role == "" {
				if w := d.toks[c+1].low; determiners[w] || roleLike(w) || d.toks[c+1].cap {
					p.role = d.slice(c+1, j)
					if i := strings.Index(p.role, ", wh"); i > 0 {
						p.role = p.role[:i]
					}
				}
			}
			place := p.inst && placeName(p.name)
			if !found && !place || p.s == s || !d.isPunct(p.s-1, ",") {
				best, found = p, true
				described = determiners[d.toks[c+1].low] || roleLike(d.toks[c+1].low)
			}
			if p.s == s || !d.isPunct(p.s-1, ",") {
				return best, true // the phrase opens the clause: no better one
			}
			continue
		}
		// "One pastor supporting Mr. Cruz, Darran Whiting of Liberty Baptist Church, said"
		if p, ok := d.phraseAfter(c+1, j); ok && p.name != "" && !p.inst && d.toks[c+1].cap && !partyTag(d.toks[c+1].text) && d.placeRest(p.e, j) && !found {
			if q, ok := d.describedBefore(c, s); ok {
				return q, true
			}
			b := c - 1
			for b >= s && d.toks[b].kind == tWord && d.toks[b].span < 0 && !clauseWords[d.toks[b].low] {
				b--
			}
			if b >= s && d.toks[b].kind == tWord && !relativePronouns[d.toks[b].low] {
				return p, true // "she and her husband, Hugo Urbina, have asked"
			}
			if b >= s && relativePronouns[d.toks[b].low] {
				continue // "Michael Seaman, who lives outside the capital, Sacramento, said"
			}
			return d.describedBy(p, b+1, c), true
		}
	}
	return best, found
}

// includedSpeaker finds the speaker of "GROUP, including NAME, said", the
// cue's comma at j: the one named of those who said it ("Local officials,
// including Mayor Ann Lee, said"; "Six newspapers, including the Asbury
// Park Press, said").
func (d *doc) includedSpeaker(j, s int) (phrase, bool) {
	for c := j - 2; c > s && c > j-12; c-- {
		if d.toks[c].span >= 0 || d.isPunct(c, ".;:!?") {
			break
		}
		if !d.isPunct(c, ",") {
			continue
		}
		if !d.is(c+1, "including") {
			break
		}
		q, ok := d.phraseAfter(c+2, j)
		if !ok || q.name == "" || q.e != j {
			break
		}
		if d.hasFinite(s, c) {
			break // "He met several people, including Ann Lee, …": no group speaks
		}
		return q, true
	}
	return phrase{}, false
}

// describingOpeners may open an appositive: "Smith, himself a lawyer,",
// "Smith, now retired,", "Smith, one of …", "Smith, both up for …",
// "Smith, like many others,", "Smith, known as …".
var describingOpeners = set(`himself herself themselves itself now once still too however then one two
	three four five both all each neither either among like unlike along despite known born`)

// describing reports whether [i, j), after a name and a comma, may
// describe it or set something before the cue: it opens with a
// preposition, a subordinator, a relative word, a participle or an adverb
// ("during remarks at …", "when asked …", "who's …", "citing data …", "now
// retired"), holds a determiner or a number within its first three words
// ("an analyst", "45"), a role before its first function word ("refugee
// rights program director at …") or a capital anywhere ("financial
// professional with Equitable"). A longer run of plain words is a clause:
// in "Nowadays, people tend to pick their own news, said Jeffery Hemsley",
// "Nowadays" is no speaker.
func (d *doc) describing(i, j int) bool {
	if d.words(i, j) < 4 {
		return true
	}
	if d.ownClause(i, j) {
		return false
	}
	head := true // in the words before the first function word
	for k := i; k < j; k++ {
		tk := &d.toks[k]
		lw := tk.low
		if k < i+3 && (tk.kind != tWord || tk.span >= 0) {
			return true
		}
		if tk.kind != tWord || tk.span >= 0 {
			continue
		}
		if k == i && (adverbialPrepositions[lw] || clauseWords[lw] || subordinators[lw] || strings.HasPrefix(lw, "who") || timeWords[lw] ||
			describingOpeners[lw] || strings.HasSuffix(lw, "ly") || strings.HasSuffix(lw, "ing") || strings.HasSuffix(lw, "ed")) {
			return true
		}
		function := adverbialPrepositions[lw] || determiners[lw] || possessives[lw] || clauseWords[lw] || lw == "of"
		if k < i+3 && (determiners[lw] || possessives[lw] || relativePronouns[lw] || isNumber(lw)) {
			return true
		}
		head = head && !function
		if tk.cap || head && roleLike(lw) {
			return true
		}
	}
	return false
}

// ownClause reports whether [i, j), after a name and a comma, is a clause
// of its own rather than an appositive: a verb right after a short aside
// ("Willow, in particular, is not a fan of …, said"), or an opening word
// of the phrase it describes and an auxiliary with no relative word before
// it ("Salah Abu-Laban and his wife, son Ghassan and daughter Reem had
// been traveling together, wrote …"; not "an aide who was …").
func (d *doc) ownClause(i, j int) bool {
	for k := i + 1; k < j && k < i+4; k++ {
		if d.isPunct(k, ",") {
			if k+1 < j && d.clauseGoesOn(k+1) {
				return true // "Willow, in particular, is not a fan of …, said": an aside, then the verb
			}
			break
		}
	}
	if lw := d.toks[i].low; d.toks[i].kind != tWord || adverbialPrepositions[lw] || subordinators[lw] || clauseWords[lw] || describingOpeners[lw] || timeWords[lw] ||
		lw == "as" || strings.HasSuffix(lw, "ly") || strings.HasSuffix(lw, "ing") || strings.HasSuffix(lw, "ed") || irregularPasts[lw] {
		return false // "Fauci, asked whether Americans would …, replied"
	}
	aside := d.toks[i].cap || subjectPronouns[d.toks[i].low]
	for k := i + 1; k < j && aside; k++ {
		if _, cue := cues[d.toks[k].low]; cue && d.toks[k].kind == tWord && !d.toks[k].cap {
			return false // "Emmanuel Macron, Biden has told audiences, asked": an aside
		}
	}
	for k := i; k < j; k++ {
		tk := &d.toks[k]
		if tk.kind != tWord || tk.span >= 0 || tk.cap {
			continue
		}
		switch {
		case relativePronouns[tk.low] || subordinators[tk.low] || tk.low == "where" || tk.low == "when" || tk.low == "as" || tk.low == "than" || tk.low == "whether" || tk.low == "if":
			return false
		case finite[tk.low] && k > i:
			return true
		}
	}
	return false
}

// describedBefore reads "NAME, description, OTHER NAME, said", the comma
// before OTHER NAME being at c: when a person opening the clause is
// described first ("Giovanni Maria Vian, the editor in chief of the
// Vatican's official newspaper, L'Osservatore Romano, said"), the second
// name is set off after the description's noun and the person speaks.
func (d *doc) describedBefore(c, s int) (phrase, bool) {
	b := c - 1
	for n := 0; b >= s && n < 20 && d.toks[b].kind == tWord && d.toks[b].span < 0; n++ {
		b--
	}
	if b < s || b == c-1 || !d.isPunct(b, ",") {
		return phrase{}, false
	}
	if w := d.toks[b+1].low; !determiners[w] && !roleLike(w) {
		return phrase{}, false
	}
	q, ok := d.phraseBefore(d.skipBack(b-1, s), s)
	if !ok || q.name == "" || q.inst || !d.clauseStart(q.s, s) {
		return phrase{}, false
	}
	if q.role == "" {
		q.role = d.slice(b+1, c)
	}
	return q, true
}

// describes reports whether phrase p, ending before the comma at c, is a
// description naming no one who speaks: "the bureau's director", "Clinton's
// spokesman" (a spokesman speaks for Clinton only when unnamed).
func (d *doc) describes(p phrase, c int) bool {
	if p.pronoun != "" || p.e != c || p.e <= p.s {
		return false
	}
	last := &d.toks[p.e-1]
	if last.kind == tWord && !last.cap && (p.name == "" || roleLike(last.low) || headNouns[last.low]) {
		return true
	}
	if last.kind == tWord && last.cap && titleWords[trimDot(last.low)] && determiners[d.toks[p.s].low] {
		return true // "the top Democrat", "the Senate Majority Leader"
	}
	// "a former spokesman for Ukraine's Foreign Ministry": a person who
	// speaks for an institution, unnamed until the name after the comma
	for k := p.s; k+1 < p.e; k++ {
		if tk := &d.toks[k]; tk.kind == tWord && !tk.cap && personNoun(tk.low) && (d.is(k+1, "for") || d.is(k+1, "of") || d.is(k+1, "at")) {
			return true
		}
	}
	return false
}

// describedBy gives the named phrase q the description [b, c) set off
// before it as its role, and counts the description in the attribution.
func (d *doc) describedBy(q phrase, b, c int) phrase {
	if b >= c {
		return q
	}
	if q.role == "" {
		q.role = d.slice(b, c)
	}
	q.pre = q.s - b
	return q
}

// relativePronouns open a relative clause.
var relativePronouns = set("who whose whom which that")

// clauseStart reports whether a phrase starting at token i opens a clause:
// sentence start, after punctuation, a quotation or a conjunction.
func (d *doc) clauseStart(i, s int) bool {
	b := i - 1
	if b < s {
		return true
	}
	tk := &d.toks[b]
	if tk.kind != tWord || tk.span >= 0 {
		return true
	}
	// "At Boca West, where …": a capitalised preposition opens an
	// adverbial, and its object is no subject
	return clauseWords[tk.low] || tk.cap && stopCaps[tk.low] && !placePrepositions[tk.low]
}

// placePrepositions open a phrase of place or company, never a clause.
var placePrepositions = set("at in on for with from by of to into onto under over near outside inside across through toward towards")

// placeRest reports whether [i, e) holds only a parenthesis or a place
// after a name ("(D-Va.)", "in Marion, Iowa").
func (d *doc) placeRest(i, e int) bool {
	for k := i; k < e; k++ {
		tk := &d.toks[k]
		switch {
		case tk.span >= 0:
			return false
		case tk.kind == tPunct:
		case tk.cap:
		case tk.kind == tWord && (tk.text == "in" || tk.text == "from" || tk.text == "of" || tk.text == "at"):
		default:
			if !d.inParens(k, i) {
				return false
			}
		}
	}
	return true
}

// inParens reports whether token k lies after an unclosed "(" since s.
func (d *doc) inParens(k, s int) bool {
	for b := k - 1; b >= s; b-- {
		if d.isPunct(b, ")") {
			return false
		}
		if d.isPunct(b, "(") {
			return true
		}
	}
	return false
}

// subordinators open a clause that is not the sentence's main one.
var subordinators = set("if when while although though because as after before since unless until once whether whereas")

// descThenName skips up to three lower-case words describing a speaker
// before the name ("conservative activist Bob Klaus") and returns where the
// name starts, or i when no name follows them.
func (d *doc) descThenName(i, e int) int {
	at := i
	for n := 0; n < 4 && at < e; n++ {
		tk := &d.toks[at]
		if tk.kind != tWord || tk.span >= 0 {
			return i
		}
		if tk.cap {
			return at
		}
		if determiners[tk.low] && n > 0 || clauseWords[tk.low] || subjectPronouns[tk.low] || cues[tk.low].base != "" || tk.low == "to" || tk.low == "that" {
			return i
		}
		at++
	}
	return i
}

// afterDateline returns where the sentence starting at s begins after a
// dateline ("WASHINGTON — ", "ORLANDO, Fla. (AP) — "), or s.
func (d *doc) afterDateline(s, k int) int {
	if s >= k || d.toks[s].kind != tWord || d.toks[s].span >= 0 || len(d.toks[s].text) < 3 || strings.ToUpper(d.toks[s].text) != d.toks[s].text {
		return s
	}
	for i := s + 1; i < k && i < s+10; i++ {
		tk := &d.toks[i]
		switch {
		case tk.span >= 0:
			return s
		case tk.kind == tPunct && (tk.text == "—" || tk.text == "–" || tk.text == "-" || tk.text == "--"):
			return i + 1
		case tk.kind == tPunct && strings.Contains(",.()", tk.text):
		case tk.kind == tWord && tk.cap:
		default:
			return s
		}
	}
	return s
}

// openAppositive reads "NAME, description said" with the appositive's
// closing comma missing ("Sam Lau, the communications director for the
// Iowa Democratic Party said", "Anthony Anton, president and CEO of the
// association stated"), the cue's last token before it being j: the
// speaker is the name opening the sentence or clause before the comma.
func (d *doc) openAppositive(j, s int) (phrase, bool) {
	c := j
	for n := 0; n < 12 && c > s && d.toks[c].kind == tWord && d.toks[c].span < 0; n++ {
		lw := d.toks[c].low
		if (clauseWords[lw] || relatives[lw]) && lw != "and" || subjectPronouns[lw] || cues[lw].base != "" {
			return phrase{}, false
		}
		c--
	}
	if c <= s || c == j || !d.isPunct(c, ",") {
		return phrase{}, false
	}
	r := c + 1
	if determiners[d.toks[r].low] && r < j {
		r++
	}
	if d.toks[r].cap || !roleLike(d.toks[r].low) {
		return phrase{}, false
	}
	if d.predicateAfterCue(j) {
		return phrase{}, false
	}
	q, ok := d.phraseBefore(c-1, s)
	if !ok || q.name == "" || q.inst || q.s > s && d.toks[q.s-1].kind == tWord && d.toks[q.s-1].span < 0 {
		return phrase{}, false
	}
	if q.role == "" {
		q.role = d.slice(c+1, j+1)
	}
	return q, true
}

// describedStart reports whether a name at p.s follows a lower-case
// description opening the clause ("The venture capitalist Marc
// Andreessen, who …, said"), and then takes the description as its role.
func (d *doc) describedStart(p *phrase, s int) bool {
	b := p.s - 1
	if b >= s && objectTakers[d.toks[b].low] {
		return false // "One pastor supporting Mr. Cruz, Darran Whiting, said"
	}
	for n := 0; n < 4 && b >= s && d.toks[b].kind == tWord && d.toks[b].span < 0 && !d.toks[b].cap &&
		!determiners[d.toks[b].low] && !clauseWords[d.toks[b].low] && !adverbialPrepositions[d.toks[b].low] && cues[d.toks[b].low].base == ""; n++ {
		if w := d.toks[b].low; placePrepositions[w] && w != "of" && w != "for" {
			return false // "Several passing through campus' Science Center Plaza, …, said": a place passed
		}
		b--
	}
	if b < p.s-2 && d.hasFinite(p.s-1, p.s) && strings.HasSuffix(d.toks[p.s-2].low, "s") && !roleLike(d.toks[p.s-1].low) {
		return false // "As demonstrators filled Freedom Plaza, …": what they did, not who they are
	}
	if b == p.s-1 || b >= s && relativePronouns[d.toks[b].low] {
		// "who heads the Senate Banking Committee": the object of a
		// relative clause, not a described speaker
		return false
	}
	if b >= s && determiners[d.toks[b].low] && d.toks[b].span < 0 {
		b--
	}
	if !d.clauseStart(b+1, s) {
		return false
	}
	p.role = strings.TrimSpace(d.slice(b+1, p.s) + " " + p.role)
	p.s = b + 1
	return true
}

// objectTakers are words before a name that make it their object, not the
// person a description describes.
var objectTakers = set("supporting backing opposing endorsing representing defending including like against")

// predicateAfterCue reports whether the cue after token j is set off by
// commas inside a sentence whose subject came before it, the sentence
// going on with that subject's predicate in lower case: "Clinton, a top
// aide said, “is very confident …”" is the aide's statement about
// Clinton, not Clinton's.
func (d *doc) predicateAfterCue(j int) bool {
	k := j + 1
	for n := 0; n < 3 && k < len(d.toks) && d.toks[k].kind == tWord && cues[d.toks[k].low].base == ""; n++ {
		k++ // auxiliaries: "has said"
	}
	if k+1 >= len(d.toks) || d.toks[k].kind != tWord || cues[d.toks[k].low].base == "" || !d.isPunct(k+1, ",") {
		return false
	}
	w := k + 2
	if w < len(d.toks) && d.toks[w].kind == tOpen {
		w++
	}
	return w < len(d.toks) && d.toks[w].kind == tWord && !d.toks[w].cap && !subjectPronouns[d.toks[w].low] && !firstPersons[d.toks[w].low]
}

// firstPersons open a quotation in the speaker's own voice.
var firstPersons = set("i we you our my")

// joiners open, after a comma, a second clause with a subject of its own.
var joiners = set("while whereas but although though")

// joinedSubject finds the subject of a verb joined by "and" at j to a
// clause opened after a comma by "while", "but" …: "Jindal signed an order,
// while Mike Huckabee, the former Arkansas governor, proposed … and said
// …" is Huckabee's. An "and" after a comma joins the main clause instead.
func (d *doc) joinedSubject(s, j, k int) (phrase, bool) {
	if d.isPunct(j-1, ",") {
		return phrase{}, false
	}
	for i := j - 1; i > s; i-- {
		tk := &d.toks[i]
		if tk.span >= 0 || tk.kind != tWord {
			if d.isPunct(i, ";:") {
				break
			}
			continue
		}
		if !joiners[tk.low] || !d.isPunct(i-1, ",") {
			continue
		}
		// "X …, but he barely mentioned the conflict and said": a pronoun
		// is the main clause's subject again
		p, _, ok := d.subjectAt(i+1, k)
		if !ok || p.name == "" || p.inst {
			return phrase{}, false
		}
		return p, true
	}
	return phrase{}, false
}

// namedAfter reads the name set off after a description starting at token
// start, after an inverted cue: "“…,” said the bureau's director, James B.
// Comey." The name speaks, the description is its role; it must end the
// clause.
func (d *doc) namedAfter(p phrase, start, e int) (phrase, bool) {
	c := p.e
	p.s = start // "the top Democrat": the words before a title word belong to it
	if !d.isPunct(c, ",") || !d.describes(p, c) || c+1 >= e || !d.toks[c+1].cap || timeWords[d.toks[c+1].low] {
		return phrase{}, false
	}
	q, ok := d.phraseAfter(c+1, e)
	if !ok || q.name == "" || q.inst || q.s != c+1 {
		return phrase{}, false
	}
	if q.e < e && !d.isPunct(q.e, ".,;:!?—–") && d.toks[q.e].kind != tClose {
		return phrase{}, false
	}
	if q.role == "" {
		q.role = d.slice(p.s, c)
	}
	return q, true
}

// titleThenComma reports whether the closing quotation mark at j ends a
// title whose quotation marks hold the comma closing an appositive: "Joe
// Scarborough, host of MSNBC’s “Morning Joe,” said".
func (d *doc) titleThenComma(j int) bool {
	sp := d.toks[j].span
	// a title inside a phrase, not a quotation opening the sentence
	return d.toks[j].kind == tClose && sp >= 0 && d.spans[sp].closed && d.spans[sp].close == j &&
		d.spans[sp].open > 0 && d.toks[d.spans[sp].open-1].kind == tWord &&
		d.toks[j-1].kind == tPunct && d.toks[j-1].text == "," && d.titleWords(d.spans[sp].open+1, j-1)
}

// prepObject reports whether the name starting at token k ends a phrase
// that a preposition opens, with capitals and "and" between ("a senior
// associate at the Energy and Climate Intelligence Unit, a climate advisory
// group, said"): where the speaker works, not the speaker.
func (d *doc) prepObject(k, s int) bool {
	if k-1 < s || !d.is(k-1, "and") {
		return false
	}
	for b := k - 2; b >= s && b > k-8; b-- {
		tk := &d.toks[b]
		switch {
		case tk.kind != tWord || tk.span >= 0:
			return false
		case tk.cap || tk.low == "the" || tk.low == "and" || tk.low == "of":
		case placePrepositions[tk.low]:
			return true
		default:
			return false
		}
	}
	return false
}

// placeLabel returns where a paragraph opening at s begins after a place
// and a colon ("Washington: The first hearing …", "St. Paul: Another 29 …"),
// or s. The place is no part of what was said; it stays in the sentence
// for finding who speaks, since a label before a linked headline
// ("Elections: What Sen. Tim Scott does …") names no one the story quotes.
func (d *doc) placeLabel(s, k int) int {
	if s > 0 && d.toks[s-1].para == d.toks[s].para {
		return s
	}
	for i := s; i < k && i < s+6; i++ {
		tk := &d.toks[i]
		switch {
		case tk.kind == tPunct && tk.text == ":":
			if i > s && i+1 < k && d.toks[i+1].kind == tWord && d.toks[i+1].cap {
				return i + 1
			}
			return s
		case tk.kind == tWord && tk.cap && tk.span < 0 && !stopCaps[tk.low] && !titleWords[tk.low] && !isNumber(tk.low) && (len(tk.text) < 3 || strings.ToUpper(tk.text) != tk.text):
			// a place in capitals is a headline's kicker ("CAMERON SMITH:"), kept
		case i > s && tk.kind == tPunct && (tk.text == "." || tk.text == ","):
		default:
			return s
		}
	}
	return s
}
