package quote

import "strings"

// content finds the reported words of an attribution phrase that owns no
// quotation: the clause after it (X said (that) …, according to X, …) or,
// when it closes the sentence, the clause before it (…, X said).
func (d *doc) content(m *match, ms []match, s, e int) (int, int, string) {
	end := d.wordsEnd(s, e)
	if m.start > s && d.freeRelative(m) {
		return -1, -1, "" // "what Romney has said privately …": the writer's noun
	}
	c := m.end
	if m.info.base == "put" {
		// "As Crenshaw put it: it would …", "as she put it, that …": the
		// words after; the clause before "as X put it" is the writer's,
		// who borrows at most a quotation from X
		if d.isPunct(c, ",:") {
			c++
		}
		if d.is(c, "that") {
			c++
		}
		if d.words(c, end) < 2 || d.toks[c].kind != tWord && d.toks[c].kind != tOpen {
			return -1, -1, ""
		}
		return c, d.trimEnd(c, end, ms, m), "speaker-cue-clause"
	}
	if !m.according && d.actionAfterCue(m, c) {
		return -1, -1, ""
	}
	if d.is(m.cue, "tell") && !m.inverted && c == m.cue+1 && c < end && d.toks[c].kind == tWord && !d.is(c, "that") {
		// "could tell something was brewing": telling no one is seeing
		return -1, -1, ""
	}
	if m.according && m.start-1 > s && d.isPunct(m.start-1, ",") && d.isPunct(c, ",") {
		// "Since November, according to X, forces have killed …": the
		// sentence around the attribution
		if cs := d.trimLead(s, m.start-1); d.frontedAdverbial(cs, m.start-1) {
			if ce := d.trimEnd(c+1, end, ms, m); d.words(c+1, ce) >= 3 {
				return cs, ce, "clause-according-clause"
			}
		}
	}
	if m.according {
		switch {
		case d.isPunct(m.start-1, ",—–("):
			c = -1 // "…, according to X, an analyst": the clause before
		case d.isPunct(c, ","):
			c++
		default:
			c = -1
		}
	} else {
		c = d.skipAdverbials(c, end)
		if d.isPunct(c, ",") && d.is(c+1, "that") {
			c++
		}
		c = d.asideEnd(c, end)
		if d.isPunct(c, "—–") {
			// "complained during the call — excerpts of which … — that …":
			// an aside between the cue and its "that"
			for k := c + 1; k+1 < end && k < c+40; k++ {
				if d.isPunct(k, "—–") {
					if d.is(k+1, "that") {
						c = k + 1
					}
					break
				}
			}
		}
		if d.is(c, "that") || d.isPunct(c, ":") {
			c++
			if d.isPunct(c, ",") && d.is(c-1, "that") {
				c++ // "said that, if its claims are true, …"
			}
		}
	}
	// an inverted speaker's appositive ends on a comma: "Rather than …, said
	// Marcia Smith, senior vice president, Teck wants …"
	afterAppositive := m.inverted && c > 0 && c < end && d.isPunct(c-1, ",") && d.toks[c].kind == tWord
	// "…, said RoseAnn DeMoro, executive director of the union, a union
	// that has …": a second appositive, describing
	described := afterAppositive && (d.is(c, "a") || d.is(c, "an"))
	if afterAppositive && !described && d.isPunct(m.start-1, ",") && !relatives[d.toks[c].low] && !relativePronouns[d.toks[c].low] && !d.nameOnly(c, end) {
		c-- // the comma, as in "Still, he said, officials …"
	}
	if !m.according && !m.info.gerund && c >= 0 && c < end && d.isPunct(c, ",") && d.isPunct(m.start-1, ",") && (d.words(c+1, end) >= 3 || d.words(c+1, end) == 2 && finite[d.toks[c+1].low]) {
		// "Still, he said, officials have to decide …": the words around
		// a parenthetical attribution; a clause before a colon or a
		// semicolon is the writer's ("… a larger purpose: These stories,
		// she writes, are about …")
		cs := d.trimLead(s, m.start-1)
		for k := m.start - 2; k > cs; k-- {
			if d.isPunct(k, ":;") && d.toks[k].span < 0 && !(isNumber(d.toks[k-1].low) && isNumber(d.toks[k+1].low)) { // not "7:40 a.m."
				cs = k + 1
				break
			}
		}
		ce := d.trimEnd(c+1, end, ms, m)
		// "That, the aide explained, is by design": a predicate needs the
		// subject before the attribution, however short; "In the summer,
		// the ranger says, …" only sets the time
		lead := d.words(cs, m.start-1)
		if cues[d.toks[c+1].low].gerund && lead >= 3 && !d.hasMatchIn(ms, m, cs, m.start-1) {
			return cs, m.start - 1, "clause-speaker-cue" // "…, Tom Diaz said, adding that …": what is added is the gerund's
		}
		if (lead >= 3 || lead >= 1 && d.toks[c+1].kind == tWord && finite[d.toks[c+1].low]) && !d.hasMatchIn(ms, m, cs, m.start-1) && !d.setting(cs, m.start-1) {
			return cs, ce, "clause-speaker-cue-clause"
		}
		return c + 1, ce, "speaker-cue-clause"
	}
	if !m.according && !m.info.gerund && !m.inverted && c >= 0 && c+1 < end && d.isPunct(c, ",") && !d.isPunct(m.start-1, ",") && !d.is(m.start-1, "as") &&
		d.toks[c+1].kind == tWord && d.toks[c+1].span < 0 && !relatives[d.toks[c+1].low] && d.words(c+1, end) >= 5 && (m.start == s || d.toks[m.start-1].kind != tClose) {
		// "Marco Rubio says, win or lose in Tuesday’s primary, he will stay"
		cs := c + 1
		if d.isPunct(cs+1, ",") && (d.is(cs, "however") || d.is(cs, "though") || d.is(cs, "too") || d.is(cs, "instead")) {
			cs += 2 // "said, however, that …"
		}
		if cs = d.asideEnd(cs, end); d.is(cs, "that") {
			cs++ // "said, however, that …", "added, as the crowd cheered, that …"
		}
		return cs, d.trimEnd(cs, end, ms, m), "speaker-cue-comma-clause"
	}
	if !m.according && c >= 0 && d.isPunct(c, ",") && d.is(m.start-1, "as") && d.words(c+1, end) >= 2 {
		if b := m.start - 2; b > s && d.isPunct(b, ",") {
			// the attribution interrupts a sentence
			cs := d.trimLead(s, b)
			if lead := d.words(cs, b); lead >= 1 && !d.hasMatchIn(ms, m, cs, b) && d.toks[c+1].kind == tWord {
				switch {
				case finite[d.toks[c+1].low] && !d.hasFinite(cs, b) && strings.HasSuffix(d.toks[cs].low, "ing") && lead >= 3:
					// "Having officers push children back into the water, as
					// the Chronicle has reported, is beyond cruel": what was
					// reported is the deed; the judgment is the writer's
					return cs, b, "clause-as-speaker-cue"
				case finite[d.toks[c+1].low] && !d.hasFinite(cs, b):
					// "The flooding, as the Chronicle reported, was the worst
					// in decades": the subject before, the predicate after
					return cs, d.trimEnd(c+1, end, ms, m), "clause-as-speaker-cue-clause"
				case lead >= 3 && relatives[d.toks[c+1].low]:
					// "…, as the Chronicle reported, and officials said …":
					// the clause before; the writer goes on after it
					return cs, b, "clause-as-speaker-cue"
				}
			}
		}
		if d.words(c+1, end) >= 3 {
			// "as Clyburn noted, those voters will …"
			return c + 1, d.trimEnd(c+1, end, ms, m), "as-speaker-cue-clause"
		}
	}
	// "…, he said of the people found dead": whom the words are of, not the words
	prep := c >= 0 && c < end && d.toks[c].kind == tWord && (adverbialPrepositions[d.toks[c].low] && !d.is(c, "that") || d.is(c, "of") && m.info.base == "say" && d.onlyPhrase(c, end))
	if c < 0 || c >= end || d.toks[c].kind != tWord || relatives[d.toks[c].low] || d.words(c, end) < 3 || prep && d.isPunct(m.start-1, ",") || d.nameOnly(c, end) || described {
		// backward: "…, X said." / "…, according to X."
		b := m.start - 1
		if d.is(b, "as") && b-1 > s && d.isPunct(b-1, ",") && !m.according {
			b-- // "…, as David Dayen noted in The Intercept."
		}
		if b > s && d.isPunct(b, ",—–") && !m.info.gerund && m.info.base != "call" && m.info.base != "describe" && !d.ownsComplement(m, c, end) && !d.frontedAdverbial(d.trimLead(s, b), b) {
			cs := d.trimLead(s, b)
			if d.words(cs, b) >= 3 && !d.hasMatchIn(ms, m, cs, b) {
				if m.according {
					return cs, b, "clause-according"
				}
				return cs, b, "clause-speaker-cue"
			}
		}
		if c < 0 || c >= end || d.toks[c].kind != tWord && d.toks[c].kind != tOpen || relatives[d.toks[c].low] || described {
			return -1, -1, ""
		}
	}
	if !m.according && !introduced(d, c) && ((d.is(c, "about") || d.is(c, "of")) && m.info.base == "say" && (c+1 >= end || !isNumber(d.toks[c+1].low)) || saidNothing[d.toks[c].low] && (c+1 >= end || d.is(c+1, "about") || d.is(c+1, "on") || d.toks[c+1].kind == tPunct)) {
		// "said about the incident that …"; not "said about the incident",
		// "said little about how" ("joked about moving" tells the topic)
		cl := -1
		if d.is(c, "about") || d.is(c, "of") { // "said of the plan that …"
			cl = d.clauseAfterPhrase(c, end, false)
		}
		switch {
		case cl >= 0:
			c = cl
		case !d.is(c, "of"):
			return -1, -1, ""
		}
	}
	if m.info.base != "say" && (d.is(c, "of") || d.is(c, "about")) && c+1 < end && contentOpeners[d.toks[c+1].low] && d.toks[c+1].low != "that" {
		c++ // "boasted of how the inquiry was hurting her"
	}
	if m.info.base != "say" && !introduced(d, c) && adverbialPrepositions[d.toks[c].low] && !(d.is(c, "to") && d.infinitive(c+1)) {
		// "alleged in the suit that …", "wrote in both listings he was
		// …"; not "responded with vitriol", "insisted on paying"
		cl := -1
		if !objectCues[m.info.base] {
			cl = d.clauseAfterPhrase(c, end, true)
		}
		if cl < 0 {
			return -1, -1, ""
		}
		c = cl
	}
	if m.info.thatOnly && !d.is(c-1, "that") && !d.isPunct(c-1, ":") && !(c < end && d.toks[c].kind == tOpen) {
		return -1, -1, "" // "the Senate confirmed his 100th judge"
	}
	ce := d.trimEnd(c, end, ms, m)
	if d.subordinateLead(s, m) {
		// "When Ann Moss said the plan was dead, Dan Miles laughed": the
		// words end with the subordinate clause
		for k := d.commaAfter(c, ce); k > 0; k = d.commaAfter(k, ce) {
			if k+1 < ce && d.toks[k].cap && d.isPunct(k+1, ",") {
				continue // "in Bunkerville, Nev., others argue"
			}
			ce = k - 1
			break
		}
	}
	for k := c + 1; k+1 < ce && k <= c+12; k++ {
		// "urging them to act on the issue – and then used …": what they did next
		thenAct := d.is(k, "and") && d.isPunct(k-1, ",—–-") && d.is(k+1, "then") && k+2 < ce && pastTense(d.toks[k+2].low)
		if k > c+6 && !thenAct {
			continue
		}
		if d.is(k, "and") && (finite[d.toks[k+1].low] && k <= c+3 || d.nextAct(c, k) && d.words(c, k) >= 3 || thenAct) && !d.hasFinite(c, k) {
			// "claimed self-defense and was acquitted", "denied targeting
			// children and issued a statement": the speaker's next act
			ce = k
			for ce > c && d.isPunct(ce-1, ",;—–-") {
				ce--
			}
			break
		}
	}
	for k := c + 1; k+2 < ce; k++ {
		if d.toks[k].span >= 0 {
			k = d.last(d.toks[k].span)
			continue
		}
		if d.isPunct(k, ",") && (d.is(k+1, "but") && !d.is(k+2, "not") || d.is(k+1, "and") && d.andGoesOn(c, k+2, ce)) && !d.clauseLike(c, k) {
			// "praised Clinton's remarks, but also used them to …": what
			// they praised ends where the contrast begins
			ce = k
			break
		}
	}
	if d.words(c, ce) < 3 {
		return -1, -1, ""
	}
	if m.according && strings.HasSuffix(d.toks[c].low, "ing") && !d.hasFinite(c, ce) {
		return -1, -1, "" // "According to Jack Kelly, writing for RealClearPolitics:"
	}
	if m.info.base == "deny" && c < ce && (d.is(c, "them") || d.is(c, "him") || d.is(c, "us") || d.is(c, "me")) {
		return -1, -1, "" // "denying them a chance": an act on someone
	}
	if (m.info.base == "recall" || m.info.base == "add") && c < ce && isNumber(d.toks[c].low) {
		return -1, -1, "" // "recalled 448,613 cars", "added 30 points": counted things
	}
	// "claiming his third victory", "noted the pitch count", "the town
	// boasts four beaches" report nothing (a boast about something tells
	// its topic, as "joked about" does);
	// what a hearer was told is a clause, however its verb looks ("told me
	// photo circulating … violates DNC rules")
	// what someone wrote is a work or a letter unless it is a clause or
	// says what the letter asked ("wrote a book about the war", but "wrote
	// a letter to Zucker asking that the proceeds go to charity")
	if propositional[m.info.base] && !(m.info.base == "tell" && m.end > m.cue+1) && !(m.info.base == "boast" && (d.is(c, "about") || d.is(c, "of"))) &&
		!(m.info.base == "write" && d.gerundCueIn(c, ce)) && d.topicOnly(c, ce) {
		return -1, -1, ""
	}
	if m.info.base == "describe" && d.is(c, "as") && c+1 < ce && d.toks[c+1].kind == tOpen {
		c++ // "a deal he described as “a Netflix plan”": the words are the quotation
	}
	switch {
	case m.according:
		return c, ce, "according-clause"
	case m.info.gerund:
		return c, ce, "speaker-gerund-clause"
	}
	return c, ce, "speaker-cue-clause"
}

// asideEnd returns where an aside between a cue and its words ends: a
// time or "as" clause closed by ", that" or by a colon before a quotation
// ("added, as the crowd cheered, that …", "said in a tweet before the poll
// had closed: “…”"). It returns the "that" or the colon, or c when the
// words at c open no such aside.
func (d *doc) asideEnd(c, end int) int {
	if c >= end || !timeSubordinators[d.toks[c].low] && !d.is(c, "as") {
		return c
	}
	for k := c + 1; k+1 < end && k < c+12; k++ {
		switch {
		case d.isPunct(k, ",") && d.is(k+1, "that"):
			return k + 1
		case d.isPunct(k, ":") && d.toks[k+1].kind == tOpen:
			return k
		case d.toks[k].span >= 0 || d.isPunct(k, ".;:"):
			return c
		}
	}
	return c
}

// nextAct reports whether "and" at token a, after the object [c, a) of a
// cue, goes on to the speaker's next act: a past tense and its own object
// ("denied wrongdoing and called the inquiries …", "denied targeting
// children and issued a statement"), the object no clause of its own.
// The caller keeps an object of fewer than three words whole ("blasted
// Rubio and defended Cruz"), since it reports too little alone.
func (d *doc) nextAct(c, a int) bool {
	v := a + 1
	if v+1 >= len(d.toks) || !d.hasFinite(v, v+1) || subjectPronouns[d.toks[c].low] || d.is(c, "i") || d.is(c, "we") {
		return false
	}
	o := &d.toks[v+1]
	return o.kind == tWord && (determiners[o.low] || possessives[o.low] || o.low == "to" || o.low == "him" || o.low == "her" || o.low == "them" || o.cap)
}

// wordsEnd returns where the words of [s, e) end, before the sentence's
// closing punctuation and stray quotation marks.
func (d *doc) wordsEnd(s, e int) int {
	for e > s && (d.isPunct(e-1, ".!?;:—–-)") || (d.toks[e-1].kind == tOpen || d.toks[e-1].kind == tClose) && d.toks[e-1].span < 0) {
		e--
	}
	return e
}

// hasThat reports whether "that" appears outside quotations in [s, e).
func (d *doc) hasThat(s, e int) bool {
	return d.hasWord(s, e, "that")
}

// freeRelative reports whether attribution phrase m follows "what" or
// "whatever": "what Romney has said privately" names the words, as a noun
// of the writer's, and reports none.
func (d *doc) freeRelative(m *match) bool {
	return !m.according && m.start > 0 && (d.is(m.start-1, "what") || d.is(m.start-1, "whatever"))
}

// hasMatchIn reports whether another attribution phrase, not a free
// relative, lies in [s, e).
func (d *doc) hasMatchIn(ms []match, m *match, s, e int) bool {
	for i := range ms {
		if &ms[i] != m && ms[i].cue >= s && ms[i].cue < e && !ms[i].info.gerund && !d.freeRelative(&ms[i]) {
			return true
		}
	}
	return false
}

// words counts the words in [s, e), a quotation counting as its words.
func (d *doc) words(s, e int) int {
	n := 0
	for k := s; k < e; k++ {
		if d.toks[k].kind == tWord {
			n++
		}
	}
	return n
}

// trimLead skips what opens a sentence without being reported
// (a dateline, punctuation) and a connective set off by a comma
// ("Separately, …", "But …").
func (d *doc) trimLead(s, e int) int {
	s = d.placeLabel(d.afterDateline(s, e), e)
	for s < e && d.isPunct(s, ",—–-(") {
		s++
	}
	if s+1 < e && d.toks[s].kind == tWord && d.isPunct(s+1, ",") && (stopCaps[d.toks[s].low] || strings.HasSuffix(d.toks[s].low, "ly")) {
		s += 2
	} else if s < e && d.toks[s].kind == tWord && (d.is(s, "but") || d.is(s, "and") || d.is(s, "yet") || d.is(s, "so") && !(s+1 < e && soDegree[d.toks[s+1].low])) {
		s++
	}
	return s
}

// subordinateLead reports whether attribution m opens a subordinate
// clause of the sentence starting at s ("When Ann Moss said …,", "While he
// said …,"): the words it reports end with that clause.
func (d *doc) subordinateLead(s int, m *match) bool {
	lead := d.trimLead(s, m.start)
	return lead == m.start-1 && subordinators[d.toks[lead].low] && !d.is(lead, "whether")
}

// soDegree follow "so" when it is a degree ("So far, it has raised …",
// "so many"), not the connective.
var soDegree = set("far much many few little long")

// writerParticiples open the writer's comment after reported words.
var writerParticiples = set("echoing prompting sparking drawing referring reflecting marking signaling signalling employing invoking citing")

// comparisonVerbs follow "as" in the writer's comparison ("…, as have
// other Democrats").
var comparisonVerbs = set("have has had did do does was were")

// danglers are connectives that cannot end reported words: what they
// joined was cut off after them ("… can't be president, while").
var danglers = set("and but or which who as while although though whereas because when if whether unless")

// relatives open a relative clause, never reported content.
var relatives = set("who whose whom which where and but or")

// trimEnd cuts reported content [c, end) before the next attribution
// phrase and drops trailing connectives.
func (d *doc) trimEnd(c, end int, ms []match, m *match) int {
	ce := end
	for i := range ms {
		if ms[i].start > c && ms[i].start < ce && &ms[i] != m && !d.reportsNothing(&ms[i]) {
			ce = ms[i].start
		}
		if ms[i].start <= c && ms[i].cue > c && ms[i].cue < ce && &ms[i] != m && !ms[i].according && d.isPunct(ms[i].cue-1, ",") {
			// "Durbin, noting the size of his list, said, …": the main
			// cue ends a gerund's words
			ce = ms[i].cue
		}
	}
	for k := c + 1; k+1 < ce; k++ {
		closing := d.toks[k].kind == tClose && d.toks[k-1].text == "," // "… in the Senate," but
		if !d.isPunct(k, ",;") && !closing {
			continue
		}
		cut := k
		if closing {
			cut = k + 1
		}
		// "…, echoing a memo …", "…, as have other Democrats": the
		// writer's comment on the reported words
		if writerParticiples[d.toks[k+1].low] && d.toks[k+1].span < 0 || d.is(k+1, "as") && k+2 < ce && comparisonVerbs[d.toks[k+2].low] {
			ce = cut
			break
		}
		if k < c+3 || k+2 >= ce {
			continue
		}
		// "…, but he is as strong a favorite as ever": the writer's own
		// clause after the reported one
		if (d.is(k+1, "but") || d.is(k+1, "while") || d.is(k+1, "although") || d.is(k+1, "though")) && d.toks[k+2].kind == tWord && d.toks[k+2].span < 0 && (d.toks[k+2].cap || subjectPronouns[d.toks[k+2].low]) {
			if p, ok := d.phraseAfter(k+2, ce); ok && p.ok() && p.e < ce && d.toks[p.e].kind == tWord && !d.toks[p.e].cap || d.is(k+1, "while") && d.toks[k+2].cap {
				ce = cut
				break
			}
		}
	}
	if ce-2 > c && nextActAuxiliaries[d.toks[ce-1].low] && (d.is(ce-2, "and") || d.is(ce-2, "but")) {
		ce-- // "…proud and had called for fans to …": the next act's auxiliary
	}
	for ce > c && (d.isPunct(ce-1, ",;:—–-(") || d.toks[ce-1].kind == tWord && danglers[d.toks[ce-1].low]) {
		ce--
	}
	return ce
}

// nextActAuxiliaries stand before a cue in a speaker's next act ("and had
// called for …", "and has urged …").
var nextActAuxiliaries = set("had has have was were is would will")

// timeSubordinators open a clause telling when something happened.
var timeSubordinators = set("when after before until once")

// reportsNothing reports whether an attribution phrase inside reported
// words reports nothing of its own and so does not end them: its cue
// reports only with "that", a colon or a quotation and has none ("before
// he announced his bid"), or it tells when ("whether Clinton committed
// perjury when she testified before a committee"), or it is the means of
// what was said ("the law by calling on Russia to …").
func (d *doc) reportsNothing(m *match) bool {
	if m.inverted || m.according {
		return false
	}
	if m.info.gerund && m.info.base != "say" && m.cue > 1 && d.is(m.cue-1, "by") && !d.isPunct(m.cue-2, ",") {
		// "may have violated the law by calling on Russia to …": how, not
		// a report; "by saying: “…”", "by saying he can …" report
		c := d.skipAdverbials(m.end, len(d.toks))
		return c < len(d.toks) && !d.is(c, "that") && !d.isPunct(c, ":,") && d.toks[c].kind != tOpen && !d.clauseOpens(c, len(d.toks))
	}
	if m.info.gerund && propositional[m.info.base] && m.cue > 0 && d.is(m.cue-1, "and") {
		// "sent racist and threatening messages to …": a describing word
		// before a noun, no second report
		return d.topicOnly(m.end, d.sents[d.sentOf(m.cue)].e)
	}
	when := m.start > 0 && timeSubordinators[d.toks[m.start-1].low]
	if !m.info.thatOnly && !when {
		return false
	}
	c := d.skipAdverbials(m.end, len(d.toks))
	if c >= len(d.toks) {
		return false
	}
	if when && !m.info.thatOnly {
		return adverbialPrepositions[d.toks[c].low] || d.isPunct(c, ".;") // "when she testified before …"
	}
	return !d.is(c, "that") && !d.isPunct(c, ":,") && d.toks[c].kind != tOpen
}

// ownsClause reports whether a cue is followed by reported words of its
// own ("co-host Mika Brzezinski asked Trump how he would …"), so that the
// quotation before it is not its content.
func (d *doc) ownsClause(m *match, e int) bool {
	if m.according || m.info.gerund {
		return false
	}
	c := d.skipAdverbials(m.end, e)
	if c >= e || d.toks[c].kind != tWord || d.toks[c].span >= 0 || relatives[d.toks[c].low] {
		return false
	}
	switch d.toks[c].low {
	case "that", "how", "what", "why", "whether", "if", "where", "who":
		return d.words(c, e) >= 3
	}
	// "“…stage.” The New York Times reported she’s raised …"; "called"
	// matches only with a quotation after it: "“unhinged.” Sen. Marco
	// Rubio called the statement “offensive and outlandish.”"
	return m.info.base == "report" && d.clauseOpens(m.end, e) || m.info.base == "call" || m.info.base == "describe"
}

// actionAfterCue reports whether the words after a cue at c make it an
// act, not a report: "responded by blocking access", "was accused by the
// press", "was shouted down", "said no to the war",
// "tweeted back at Trump". Reports still open with such words: "said by
// refusing to act, they …", "said by phone that …", "said up to 30 people
// …", "wrote back that …".
func (d *doc) actionAfterCue(m *match, c int) bool {
	if c+1 >= len(d.toks) || d.toks[c].kind != tWord || d.toks[c].span >= 0 {
		return false
	}
	if (d.is(c, "no") || d.is(c, "yes")) && d.is(c+1, "to") {
		return true // "said no to the war": a vote, not words
	}
	if m.info.base == "say" {
		return false
	}
	switch d.toks[c].low {
	case "down", "back", "off", "away", "out", "up":
		return !d.is(c+1, "that")
	case "by":
		// "responded by (abruptly) blocking", "was accused by the press",
		// "claims by intelligence agencies"; not "added by phone that"
		n := c + 1
		if strings.HasSuffix(d.toks[n].low, "ly") && n+1 < len(d.toks) {
			n++
		}
		next := &d.toks[n]
		return next.kind == tWord && next.span < 0 && (strings.HasSuffix(next.low, "ing") || determiners[next.low] || next.cap)
	}
	return false
}

// clauseLike reports whether [s, e) reads as a clause rather than a noun
// phrase: a finite verb (hasFinite), a contracted one ("hadn't", "he'll")
// or a subject pronoun ("she plans to …").
func (d *doc) clauseLike(s, e int) bool {
	if d.hasFinite(s, e) {
		return true
	}
	for k := s; k < e; k++ {
		tk := &d.toks[k]
		if tk.kind != tWord {
			continue
		}
		lw := tk.low
		if base, ok := strings.CutSuffix(straighten(lw), "'s"); ok && (subjectPronouns[base] || base == "that" || base == "there") {
			return true // "he's worth $10 billion"
		}
		if subjectPronouns[lw] || lw == "we" || lw == "i" || lw == "you" || strings.HasSuffix(lw, "n't") || strings.HasSuffix(lw, "'ll") || strings.HasSuffix(lw, "'d") || strings.HasSuffix(lw, "'re") || strings.HasSuffix(lw, "'ve") {
			return true
		}
	}
	return false
}

// propositional cues report words only as a clause or a quotation: with a
// noun phrase alone they tell an act or a topic ("claimed victory", "added
// Illinois to the list", "noting the pitch count", "tells the story of",
// "threatening crops", "questioned his judgment"), not what was said.
var propositional = set(`add note recall stress emphasize explain acknowledge admit claim repeat
	tell remind promise pledge reiterate maintain report observe remark concede declare
	threaten question inform boast write`)

// topicOnly reports whether the words [c, ce) after a cue are a noun phrase
// alone: no "that", colon or wh-word before or at them, no infinitive, no
// quotation and nothing that makes a clause.
func (d *doc) topicOnly(c, ce int) bool {
	if c <= 0 || c >= ce || d.is(c-1, "that") || d.isPunct(c-1, ":") || contentOpeners[d.toks[c].low] || d.is(c, "to") {
		return false
	}
	for k := c; k < ce; k++ {
		if sp := d.toks[k].span; sp >= 0 && d.titleQuoted(sp) {
			continue // "wrote a love song, “One Way Ticket to New Orleans.”": a title
		}
		if d.toks[k].span >= 0 || d.toks[k].kind == tOpen || k > c && presentVerbs[d.toks[k].low] {
			return false
		}
		if k > c && d.isPunct(k, ",") && k+1 < ce && (d.is(k+1, "as") || d.is(k+1, "while") || d.is(k+1, "when") || d.is(k+1, "after")) {
			ce = k // "added the 1,000th goal, as Zambia earned …": the clause after is the writer's
			break
		}
		if k > c+1 && (d.is(k, "when") || d.is(k, "while")) && (determiners[d.toks[c].low] || possessives[d.toks[c].low]) {
			// "recalling the thinking back when the city landed …": a time
			// of the noun's ("recalled sitting in on focus groups when he
			// worked …" recalls an act: what was said)
			ce = k
			break
		}
	}
	return !d.clauseLike(c, ce)
}

// presentVerbs are verbs common enough after a subject, most in the
// present tense, that they make a clause of the words they stand in
// ("noted the country needs a president", "the front remains fluid") where
// hasFinite sees none.
var presentVerbs = set(`needs remains uses owns knows wants means seems appears continues deserves
	requires poses lacks intends expects understands exists belongs depends stands becomes operates
	says tells said told used
	remain need want know seem appear deserve require lack intend expect understand exist belong depend`)

// andGoesOn reports whether ", and" at a-1 leaves reported words [c, …)
// that are no clause for the writer's own: the speaker's next act ("urged
// the Kurds not to cross, and turned a blind eye to …") or a new clause
// after a gerund's words ("denied ever paying for sex, and no charges
// have been filed").
func (d *doc) andGoesOn(c, a, ce int) bool {
	if a >= ce || d.toks[a].kind != tWord {
		return false
	}
	if lw := d.toks[a].low; !d.toks[a].cap && (irregularPasts[lw] || len(lw) > 4 && strings.HasSuffix(lw, "ed")) {
		return true // a past tense; "…, and is a graduate student" goes on
	}
	first := c
	if d.is(first, "ever") || d.is(first, "never") || d.is(first, "not") {
		first++
	}
	return first < ce && strings.HasSuffix(d.toks[first].low, "ing") && d.hasFinite(a, ce)
}

// onlyPhrase reports whether [c, e) is a phrase alone: no clause of its
// own after "that", no colon and no quotation ("…, he said of the people
// found dead", not "said of the plan: “…”").
func (d *doc) onlyPhrase(c, e int) bool {
	for k := c; k < e; k++ {
		if d.toks[k].span >= 0 || d.toks[k].kind == tOpen || d.isPunct(k, ":") || d.is(k, "that") {
			return false
		}
	}
	return true
}

// pastTense reports whether w looks like a verb in the past tense.
func pastTense(w string) bool {
	return irregularPasts[w] || len(w) > 3 && strings.HasSuffix(w, "ed")
}

// gerundCueIn reports whether a cue's gerund stands in [s, e) outside
// quotations ("a letter to the mayor demanding a recount").
func (d *doc) gerundCueIn(s, e int) bool {
	for k := s; k < e; k++ {
		if d.toks[k].kind == tWord && d.toks[k].span < 0 && cues[d.toks[k].low].gerund {
			return true
		}
	}
	return false
}
