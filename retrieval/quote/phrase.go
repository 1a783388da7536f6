package quote

import "strings"

// phrase is a noun phrase naming a speaker: a name with its title or role,
// a pronoun, an institution, or a description ("the senator").
type phrase struct {
	s, e    int    // token range
	text    string // verbatim, without a leading determiner
	name    string // the name proper ("Antony Blinken"), empty for pronouns and descriptions
	role    string // the title or role before the name ("US Secretary of State")
	pronoun string // "he", "she", "it", "they"
	desc    string // the head of a description without a name ("senator")
	gender  byte   // 'm', 'f' or 0 from a courtesy title
	inst    bool   // an institution or place speaking for a government
	plural  bool   // a band, a team or a family named in the plural ("the Gin Blossoms"): never "he" or "she"
	pre     int    // tokens of a description set off before the name ("The French interior minister, Bernard Cazeneuve")
	// bare: the phrase is "the" and one word, with no "of" after it ("the
	// coach", not "a coach" or "the secretary of state")
	bare bool
}

// ok reports whether the phrase can name a speaker.
func (p phrase) ok() bool { return p.name != "" || p.pronoun != "" || p.desc != "" }

// isNameWord reports whether token k may be part of a name or title phrase.
func (d *doc) nameWord(k int) bool {
	tk := &d.toks[k]
	if tk.kind != tWord || tk.span >= 0 {
		return false
	}
	lw := tk.low
	if tk.cap {
		if lw == "will" && d.asks(k) {
			return false // "Will Donald Trump attend the debate?"
		}
		if cues[lw].base != "" && k+1 < len(d.toks) && (subjectPronouns[d.toks[k+1].low] || d.toks[k+1].low == "that") {
			return false // "Don Jr. Said he was …": a cue in capitals
		}
		return !stopCaps[lw] || titleWords[lw] || d.surnameWord(k) || d.capitalsPair(k)
	}
	if lyAdjectives[lw] && k+1 < len(d.toks) && !d.toks[k+1].cap {
		return d.nameWord(k + 1) // "the network's nightly news anchor"
	}
	return roleLike(lw)
}

// asks reports whether token k opens a sentence that is a question.
func (d *doc) asks(k int) bool {
	sn := d.sents[d.sentOf(k)]
	return k == sn.s && sn.e > sn.s && d.isPunct(sn.e-1, "?")
}

// capitalsPair reports whether token k is a common word in capitals after
// another word in capitals: a name written in capitals ("USA TODAY").
func (d *doc) capitalsPair(k int) bool {
	if k == 0 || len(d.toks[k].text) < 3 || strings.ToUpper(d.toks[k].text) != d.toks[k].text {
		return false
	}
	prev := &d.toks[k-1]
	return prev.kind == tWord && prev.span < 0 && len(prev.text) >= 2 && strings.ToUpper(prev.text) == prev.text && !stopCaps[prev.low]
}

// surnameWord reports whether the capitalised common word at k ("From",
// "Still") is a surname: it follows a known given name inside a sentence
// and ends the name ("said Al From, who …", "Al From said").
func (d *doc) surnameWord(k int) bool {
	if k == 0 || dayName(d.toks[k].low) || timeWords[d.toks[k].low] || periodWords[d.toks[k].low] {
		return false
	}
	prev := &d.toks[k-1]
	if prev.kind != tWord || prev.span >= 0 || !prev.cap || stopCaps[prev.low] || !givenName(prev.low) {
		return false
	}
	if k+1 >= len(d.toks) {
		return true
	}
	next := &d.toks[k+1]
	return next.kind == tPunct && next.span < 0 && strings.Contains(",.;:", next.text) || next.kind == tWord && !next.cap && cues[next.low].base != ""
}

// phraseBefore parses the speaker phrase ending at token j (inclusive),
// looking no further left than lo.
func (d *doc) phraseBefore(j, lo int) (phrase, bool) {
	if j >= lo && d.isPunct(j, ")") {
		if o := d.openParen(j, lo); o > lo {
			j = o - 1
		}
	}
	if j < lo || d.toks[j].kind != tWord {
		return phrase{}, false
	}
	if lw := d.toks[j].low; subjectPronouns[lw] {
		return phrase{s: j, e: j + 1, text: d.toks[j].text, pronoun: lw}, true
	}
	if lw := trimPossessive(d.toks[j].low); (lw == "he" || lw == "she") && lw != d.toks[j].low {
		// "he's said": the contraction of "has"
		return phrase{s: j, e: j + 1, text: d.toks[j].text, pronoun: lw}, true
	}
	if pr := contractedPronoun(d.toks[j].low); pr != "" {
		return phrase{s: j, e: j + 1, text: d.toks[j].text, pronoun: pr}, true // "She'll say", "he'd tell"
	}
	if j-1 >= lo && d.instEpithet(j-1, j) {
		return d.interpret(j-1, j+1) // "the company said"
	}
	k := j
	for k >= lo {
		tk := &d.toks[k]
		if tk.kind != tWord || tk.span >= 0 {
			break
		}
		lw := tk.low
		if d.nameWord(k) {
			k--
			continue
		}
		if (lw == "of" || lw == "for" || lw == "with" && d.nameWord(k-1) && d.is(k+1, "the") || lw == "on" && k > lo && d.toks[k-1].cap && orgWords[d.toks[k-1].low] || particles[lw] || headNouns[lw] || lw == "released" || lw == "issued" || lw == "filed" || lw == "published" || lw == "by" || lw == "from") &&
			k > lo && k < j && (d.nameWord(k-1) || headNouns[d.toks[k-1].low] || d.toks[k-1].cap) {
			k--
			continue
		}
		if lw == "in" && k > lo && k < j && d.groupBefore(k) {
			k-- // "Democrats in Iowa said"
			continue
		}
		if lw == "to" && k > lo && k < j && d.officeTo(k) {
			k-- // "Ambassador to Japan Rahm Emanuel", "adviser to President Biden"
			continue
		}
		if determiners[lw] && lw != "that" && k > lo && k < j && d.toks[k+1].cap && (d.is(k-1, "of") || d.is(k-1, "for") || d.is(k-1, "at") || d.is(k-1, "with") || d.is(k-1, "to") && d.officeTo(k-1)) &&
			k-1 > lo && d.nameWord(k-2) {
			k-- // "James Pethokoukis of the American Enterprise Institute"
			continue
		}
		if (determiners[lw] || possessives[lw]) && k < j && lw != "that" {
			k--
		}
		break
	}
	if k+1 > j {
		return phrase{}, false
	}
	return d.interpret(k+1, j+1)
}

// phraseAfter parses the speaker phrase starting at token i, looking no
// further right than hi (exclusive).
func (d *doc) phraseAfter(i, hi int) (phrase, bool) {
	if i >= hi || d.toks[i].kind != tWord || d.toks[i].span >= 0 {
		return phrase{}, false
	}
	if lw := d.toks[i].low; subjectPronouns[lw] {
		return phrase{s: i, e: i + 1, text: d.toks[i].text, pronoun: lw}, true
	}
	k := i
	if w := d.toks[k].low; determiners[w] && w != "that" || possessives[w] {
		k++
	}
	for k < hi {
		tk := &d.toks[k]
		if tk.kind != tWord || tk.span >= 0 {
			break
		}
		lw := tk.low
		if d.nameWord(k) || headNouns[lw] || d.instEpithet(i, k) {
			k++
			continue
		}
		if k == i+1 && k+1 < hi && !tk.cap && trimPossessive(lw) != straighten(lw) && d.nameWord(k+1) {
			k++ // "the company's chief executive": whose, then what
			continue
		}
		// "a statement released by China", but not "Smith issued a
		// statement": a document's verb follows the document
		published := (lw == "released" || lw == "issued" || lw == "filed" || lw == "published") && headNouns[d.toks[k-1].low]
		// "the Center on Budget and Policy Priorities": "and" inside an
		// institution's name, after its "of", "for" or "on"
		innerAnd := lw == "and" && k+1 < hi && d.toks[k+1].cap && !givenName(d.toks[k+1].low) && (d.institutionBefore(i, k) || d.institutionAfter(i, k, hi))
		if (lw == "of" || lw == "for" || lw == "on" && d.toks[k-1].cap && orgWords[d.toks[k-1].low] || innerAnd || particles[lw] || published || lw == "by" || lw == "from" || determiners[lw] && lw != "that") &&
			k+1 < hi && k > i && d.toks[k+1].kind == tWord {
			k++
			continue
		}
		if lw == "and" && k > i && !d.toks[k-1].cap && roleLike(d.toks[k-1].low) {
			// "Columbia Business School professor and corporate strategy
			// expert Rita McGrath": a second role, then the name
			if n := d.describingRun(k+1, hi); n > k+1 && n < hi && d.toks[n].kind == tWord && d.toks[n].cap && d.toks[n].span < 0 && roleLike(d.toks[n-1].low) ||
				n == k+1 && (d.personAhead(n, hi) || d.capitalsThenRole(n, hi)) {
				// "Trump supporter and South Carolina Republican Sen.
				// Lindsey Graham"
				k = n
				continue
			}
		}
		if k > i && d.toks[k-1].cap {
			// "Post White House bureau chief Juliet Eilperin": describing
			// words between capitalised ones, the last saying what the
			// person is or a title following ("Air Force 1st Lt. Tyler
			// Livingston"); else the bridge spans a verb or a conjunction
			// ("Polls show Clinton", "Cruz nor Christie")
			n := d.describingRun(k, hi)
			if n > k && n+1 < hi && d.is(n, "and") && roleLike(d.toks[n-1].low) && d.personAhead(n+1, hi) {
				n++ // "Trump supporter and South Carolina Republican Sen. Lindsey Graham"
			}
			if n > k && n < hi && d.toks[n].kind == tWord && d.toks[n].cap && d.toks[n].span < 0 &&
				(roleLike(d.toks[n-1].low) || titleWords[trimDot(d.toks[n].low)] || d.is(n-1, "and")) {
				k = n
				continue
			}
		}
		break
	}
	k = d.cutLowerTail(i, k)
	// trim trailing connectors
	for k > i && !d.nameWord(k-1) && !headNouns[d.toks[k-1].low] && !d.instEpithet(i, k-1) {
		k--
	}
	if k == i {
		return phrase{}, false
	}
	return d.interpret(i, k)
}

// instEpithet reports whether token k is an institution's epithet right
// after "the" at i: "the company", "the department".
func (d *doc) instEpithet(i, k int) bool {
	return k == i+1 && d.is(i, "the") && instEpithets[d.toks[k].low] && !d.toks[k].cap
}

// bareDescription reports whether [s, e) is "the" and one word with no
// "of" or possessive after it: "the coach said", not "the secretary of
// state" or "the mayor’s office".
func (d *doc) bareDescription(s, e int) bool {
	if e-s != 2 || !d.is(s, "the") {
		return false
	}
	return e >= len(d.toks) || !d.is(e, "of") && !(d.toks[e].kind == tWord && possessive(d.toks[e].low))
}

// interpret reads tokens [s, e) as a speaker phrase.
func (d *doc) interpret(s, e int) (phrase, bool) {
	p := phrase{s: s, e: e, bare: d.bareDescription(s, e)}
	for s < e && (determiners[d.toks[s].low] || possessives[d.toks[s].low]) {
		s++
	}
	if s == e {
		return p, false
	}
	p.text = d.slice(s, e)
	if j := d.domainThenName(s, e); j == 0 {
		if k := d.officeToAt(s, e); k > 0 {
			// "Senior adviser to President Joe Biden", "Ukraine's
			// ambassador to Israel": an office, its holder named elsewhere
			// if at all
			p.desc, p.role = d.toks[k-1].low, p.text
			return p, true
		}
	} else {
		// "Vice President of Football Operations Troy Vincent": the
		// office runs up to the given name
		if inner, ok := d.interpret(j, e); ok && inner.name != "" && !inner.inst {
			inner.s, inner.e, inner.text = p.s, p.e, p.text
			inner.role = strings.TrimSpace(d.slice(s, j) + " " + inner.role)
			return inner, true
		}
	}
	if inner, ok := d.roleThenName(s, e); ok {
		inner.s, inner.e, inner.text = p.s, p.e, p.text
		return inner, true
	}
	// "a statement released by China", "a spokesman for the Pentagon"
	anonymous := s > p.s && (d.toks[p.s].low == "a" || d.toks[p.s].low == "an")
	for k := s; k < e; k++ {
		if !headNouns[d.toks[k].low] && !(anonymous && !d.toks[k].cap && roleLike(d.toks[k].low)) {
			continue
		}
		for m := k + 1; m < e; m++ {
			lw := d.toks[m].low
			if d.toks[m].cap {
				break // "Representative Raul Grijalva of Arizona": a name, not what it speaks for
			}
			if lw == "by" || lw == "from" || lw == "for" || lw == "of" || lw == "at" {
				inner, ok := d.interpret(m+1, e)
				if ok && inner.name != "" {
					inner.s, inner.e, inner.text = p.s, p.e, p.text
					statement := !personNoun(d.toks[k].low)
					if inner.role == "" && !statement {
						inner.role = d.slice(s, m) // "a spokesman for"
					} else if whole := d.slice(s, e); !statement && strings.HasSuffix(whole, " "+inner.name) {
						inner.role = strings.TrimSuffix(whole, " "+inner.name) // "Spokesman for the Pentagon"
					}
					inner.inst = inner.inst || statement
					return inner, true
				}
				break
			}
		}
	}
	if last := d.toks[e-1].low; strings.HasSuffix(last, "'s") || strings.HasSuffix(last, "s'") {
		return p, false // "China’s position": the phrase names a possession
	}
	for k := s + 1; k < e-1; k++ {
		if d.is(k, "in") && d.groupBefore(k) {
			// "Democrats in Iowa": the group speaks, the place is where
			g, ok := d.interpret(s, k)
			if ok && g.name != "" {
				g.s, g.e, g.text = p.s, p.e, p.text
				g.role = strings.TrimSpace(g.role + " " + d.slice(k, e))
				return g, true
			}
			break
		}
	}
	if q, ok := d.principal(p, s, e); ok {
		return q, true
	}
	// "chief executive officer of Private Jet Services", "the senator from
	// Vermont" describe someone named elsewhere
	for k := s + 1; k < e-1; k++ {
		if lw := d.toks[k].low; lw == "of" || lw == "at" || lw == "for" || lw == "from" {
			lower := true
			for x := s; x < k; x++ {
				// "CEO of X" is a description too
				lower = lower && (!d.toks[x].cap || roleWords[d.toks[x].low] && d.toks[x].text == strings.ToUpper(d.toks[x].text))
			}
			if n := e - 2; lower && n > k+1 && !d.toks[n-1].cap && d.toks[n].cap && d.toks[n+1].cap && givenName(d.toks[n].low) {
				// "head of news and talk Dave Gorab": the office, then the person
				if inner, ok := d.interpret(n, e); ok && inner.name != "" && !inner.inst {
					inner.s, inner.e, inner.text = p.s, p.e, p.text
					inner.role = d.slice(s, n)
					return inner, true
				}
			}
			if lower {
				p.desc, p.role = d.toks[k-1].low, p.text
				return p, true
			}
			break
		}
	}
	// "Senator Barbara Boxer of California": the name before "of" when
	// there is one, the rest is where the person is from
	for k := e - 2; k > s; k-- {
		if lw := d.toks[k].low; lw == "of" || lw == "from" || lw == "at" || lw == "with" && d.is(k+1, "the") || (lw == "for" || lw == "on") && d.toks[k-1].cap && orgWords[d.toks[k-1].low] && d.properTail(k+1, e) {
			left, ok := d.interpret(s, k)
			if ok && left.inst && d.toks[e-1].cap && lw != "with" {
				// "Department of Justice", "University of Chicago", "the
				// Agency for International Development"
				p.name, p.inst = d.slice(s, e), true
				if strings.HasSuffix(left.role, " with the") {
					// "an agent with the Oklahoma Bureau of Narcotics"
					p.name, p.role = left.name+" "+d.slice(k, e), left.role
				}
				return p, true
			}
			if lw == "for" || lw == "on" || lw == "with" && (!ok || left.inst || len(strings.Fields(left.name)) < 2) {
				continue // "Jeffrey Lewis of the James Martin Center for …", "Officials with the agency"
			}
			if ok && left.name == "" && left.desc != "" && lw == "of" && d.is(p.s, "the") && d.toks[k-1].cap && e-k <= 3 && d.capsFrom(k+1, e) && !givenName(d.toks[k+1].low) {
				p.desc, p.role = left.desc, p.text // "the Archbishop of Canterbury": an office, held by someone named before
				return p, true
			}
			if ok && left.name != "" && !left.inst && d.toks[k-1].cap && !titleWords[trimDot(d.toks[k-1].low)] && !officeWords[d.toks[k-1].low] {
				left.s, left.e, left.text = p.s, p.e, p.text
				left.role = strings.TrimSpace(left.role + " " + d.slice(k, e))
				return left, true
			}
			break
		}
	}
	if last := d.toks[e-1].low; orgWords[last] && d.toks[e-1].cap && (e-2 < s || !givenName(d.toks[e-2].low)) {
		// an institution keeps its title words: "White House", "State
		// Department", and an owner right before its last word: "the
		// Maricopa County Sheriff's Office", "the NFL Players' Association"
		n := e - 1
		for n > s && (d.toks[n-1].cap && !stopCaps[d.toks[n-1].low] && (n == e-1 || !possessive(d.toks[n-1].low)) || d.is(n-1, "and") && d.institutionAfter(s, n-1, e)) {
			n--
		}
		p.name, p.inst = d.slice(n, e), true
		if n > s {
			p.role = d.slice(s, n)
		}
		return p, true
	}
	// the name: the longest run of capitalised non-title words at the end
	hasOf := false
	for k := s; k < e; k++ {
		if d.toks[k].low == "of" {
			hasOf = true
		}
	}
	n := e
	for n > s {
		tk := &d.toks[n-1]
		lw := trimPossessive(tk.low)
		if particles[lw] && n < e && n-1 > s {
			n--
			continue
		}
		if !tk.cap || stopCaps[lw] && !titleWords[lw] && !d.surnameWord(n-1) && !d.capitalsPair(n-1) || hasOf && officeWords[lw] && n < e {
			break
		}
		if givenNames[lw] && n == e-1 && n-1 >= s {
			n-- // a given name before a surname alone: "Dean Baker"
			continue
		}
		if d.majorLeague(n - 1) {
			n-- // "Major League Soccer": a name, no title
			continue
		}
		if titleWords[lw] {
			// a title word is a surname after a given name or a courtesy
			// title: "Amy Pope", "Mr. Prince"
			if !(n == e && n-2 >= s && (d.toks[n-2].cap && !titleWords[d.toks[n-2].low] && !stopCaps[d.toks[n-2].low] && givenName(d.toks[n-2].low) || courtesy[trimDot(d.toks[n-2].low)] || d.givenThenTitle(n-2, s, p.s))) {
				break
			}
		}
		if n < e && possessive(d.toks[n-1].low) {
			break // "Japan’s Prime Minister", "the Colts' Rodney Thomas": a role
		}
		n--
	}
	if n == e {
		// no name: a description ("the senator") or nothing
		last := d.toks[e-1].low
		if groupWords[last] && d.toks[e-1].cap {
			// "Some Democrats said", "the Republicans argued": a party or
			// group speaking as one
			p.name, p.inst = d.toks[e-1].text, true
			if e-1 > s {
				p.role = d.slice(s, e-1)
			}
			return p, true
		}
		if personNoun(last) || (epithets[last] || instEpithets[last]) && p.bare {
			p.desc = last // "the senator"; "the billionaire", "the actress", "the company"
			p.role = p.text
			return p, true
		}
		return p, false
	}
	if e-n > 5 {
		n = e - 3
	}
	// "TikTok CEO Shou Zi Chew", "Journalist Omid Scobie", "TikTok CEO
	// Chew": what they do, then who (not "Teacher Appreciation Week")
	if last := trimPossessive(d.toks[e-1].low); !orgWords[last] && !periodWords[last] && !headNouns[last] && !groupWords[last] {
		for j := n; j+2 < e || j+1 < e && personTitles[d.toks[j].low]; j++ {
			if lw := d.toks[j].low; whatOneDoes(lw) && !givenName(lw) && !d.majorLeague(j) &&
				!roleLike(d.toks[j+1].low) && !titleWords[trimDot(d.toks[j+1].low)] {
				n = j + 1
				break
			}
		}
	}
	for j := n; j+2 < e; j++ {
		if lw := d.toks[j].low; (orgWords[lw] || places[lw] || roleWords[lw] || j > n && roleLike(lw)) && !givenName(lw) && givenName(d.toks[j+1].low) {
			// "Spokesman for the Pentagon John Kirby", "Education
			// Statistics Commissioner Peggy Carr": the rest is the role
			n = j + 1
			break
		}
	}
	if e-n == 1 && badName(d.toks[n].text) {
		return p, false // "Fla.", "N.C.": a place in an appositive
	}
	if lw := d.toks[n].low; e-n == 1 && roleWords[lw] && !givenName(lw) &&
		(n > s && possessive(d.toks[n-1].low) || d.toks[n].text == strings.ToUpper(d.toks[n].text)) {
		p.desc, p.role = lw, p.text // "Southwest's CEO", "CEO": a description, not a name
		return p, true
	}
	p.name = d.slice(n, e)
	p.plural = d.pluralName(p.s, s, n, e) || e-n == 1 && crowds[trimPossessive(d.toks[n].low)]
	if n > s {
		p.role = d.slice(s, n)
	}
	for k := s; k < n; k++ {
		if g := titleGender(trimDot(d.toks[k].low)); g != 0 {
			p.gender = g
		}
	}
	last := trimPossessive(d.toks[e-1].low)
	// "Mayor Don Guardian" is a man; "Team Trump" is a campaign, not a Mr. Trump
	p.inst = orgWords[last] && (e-n == 1 || !givenName(d.toks[e-2].low)) || groupWords[last] || events[last] ||
		placeName(p.name) || (e-n == 1 && (places[last] || companies[last])) ||
		e-n > 1 && d.toks[n].low == "team" || strings.Contains(p.name, "&") // "Johnson & Johnson", "AT&T"
	if p.gender == 0 && !p.inst {
		p.gender = firstNameGender(d.toks[n].low)
	}
	return p, true
}

// roleThenName reads [s, e) as an institution in capitals, a lower-case
// role, then a person: "Ministry of Health spokesperson Dr. Ashraf
// al-Qudra" is Ashraf al-Qudra, whose role is all before his name.
func (d *doc) roleThenName(s, e int) (phrase, bool) {
	for k := s + 1; k+1 < e; k++ {
		if d.toks[k].cap || !roleLike(d.toks[k].low) {
			continue
		}
		r := k + 1 // "chief executive": a role of several words
		for r < e && !d.toks[r].cap && d.toks[r].kind == tWord && roleLike(d.toks[r].low) {
			r++
		}
		if r >= e || !d.capsFrom(s, k) || !d.capsFrom(r, e) || !d.hasWord(s, k, "of") {
			return phrase{}, false
		}
		inner, ok := d.interpret(r, e)
		if !ok || inner.name == "" || inner.inst {
			return phrase{}, false
		}
		inner.role = strings.TrimSpace(d.slice(s, r) + " " + inner.role)
		return inner, true
	}
	return phrase{}, false
}

// hasWord reports whether [s, e) holds the word w.
func (d *doc) hasWord(s, e int, w string) bool {
	for k := s; k < e; k++ {
		if d.is(k, w) {
			return true
		}
	}
	return false
}

// pluralName reports whether the name in [n, e) of a phrase that starts
// at ps (its words at s) names many: a plural right after "the" ("the Gin
// Blossoms", "the Obamas"), or a name a plural verb follows ("Gin Blossoms
// were treated …", "Coldplay are"). A band, a team or a family is not
// someone "he" or "she" may mean. A given name first ("the John Adams") is
// a person; and the verb must follow the whole subject, not a name inside
// it ("Trump and Clinton were", "opponents of McCarthy are").
func (d *doc) pluralName(ps, s, n, e int) bool {
	if n != s || givenName(d.toks[n].low) {
		return false
	}
	if ps < s && d.is(s-1, "the") {
		last := d.toks[e-1].low
		return len(last) > 3 && strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") && !strings.HasSuffix(last, "us") && !strings.HasSuffix(last, "is")
	}
	if e >= len(d.toks) || d.toks[e].span >= 0 || !pluralVerbs[d.toks[e].low] {
		return false
	}
	if ps == 0 || d.toks[ps-1].para != d.toks[ps].para {
		return true
	}
	if sn := d.sentOf(ps); sn < len(d.sents) && d.sents[sn].s == ps {
		return true
	}
	return d.toks[ps-1].kind != tWord && !d.is(ps-1, "&")
}

// crowds are plural words for people: alone ("Experts say …", "Officials
// said …") they name many, never the "he" or "she" of a later quotation.
// They are listed, not found by their ending: "Sanders", "Fields" and
// "Peters" are surnames.
var crowds = set(`people police authorities others officials sources experts critics analysts residents
	observers witnesses voters fans users parents students neighbors neighbours families relatives
	lawmakers legislators researchers scientists economists historians prosecutors investigators
	officers doctors nurses teachers workers employees members supporters opponents protesters
	activists advocates leaders reporters journalists organizers volunteers staffers aides advisers
	advisors executives managers owners farmers veterans immigrants survivors victims`)

// pluralVerbs follow a subject that names many.
var pluralVerbs = set(`are were have`)

// slice returns the article text from token s to token e-1.
func (d *doc) slice(s, e int) string {
	if s >= e {
		return ""
	}
	return d.a.Text[d.toks[s].bs:d.toks[e-1].be]
}

func trimDot(s string) string { return strings.TrimSuffix(s, ".") }

// roleGender is the gender the words before a name give ("Mr.", "Queen",
// "spokeswoman"), else 0: the last of them that gives one.
func roleGender(role string) byte {
	var g byte
	for role != "" {
		var w string
		w, role, _ = strings.Cut(role, " ")
		if t := titleGender(trimDot(strings.ToLower(w))); t != 0 {
			g = t
		}
	}
	return g
}

// titleGender is the gender a title or a word for a relative gives.
func titleGender(w string) byte {
	switch w {
	case "mr", "sir", "lord", "king", "prince", "father", "brother", "husband", "son", "man", "boy":
		return 'm'
	case "mrs", "ms", "miss", "dame", "lady", "queen", "princess", "mother", "sister", "wife", "daughter", "congresswoman", "spokeswoman", "chairwoman", "councilwoman", "businesswoman", "woman", "girl":
		return 'f'
	}
	return 0
}

// possessive reports whether w ends in a possessive ("minister's",
// "players'").
func possessive(w string) bool {
	return trimPossessive(w) != straighten(w)
}

// owner reads a person's full name in the possessive from token k ("Donald
// Trump's failed casino ventures"), after a title if one comes first ("FIFA
// President Gianni Infantino's tirade"): someone a later "Infantino" or
// "he" may mean, though the phrase names what is theirs.
func (d *doc) owner(k, e int) (phrase, bool) {
	j := k
	for j < e && j-k < 4 && d.toks[j].kind == tWord && d.toks[j].span < 0 && d.toks[j].cap && !possessive(d.toks[j].low) {
		j++
	}
	if j >= e || j == k || d.toks[j].kind != tWord || d.toks[j].span >= 0 || !d.toks[j].cap || !possessive(d.toks[j].low) {
		return phrase{}, false
	}
	g := k // the name, after the last title
	for t := k; t < j; t++ {
		if titleWords[trimDot(d.toks[t].low)] {
			g = t + 1
		}
	}
	if g == j && g > k && givenName(d.toks[g-1].low) {
		g-- // "Pope Francis's": a title that is a name too stays before one word
	}
	name := dropPossessive(d.slice(g, j+1))
	if g == k && !givenName(d.toks[k].low) && !personShaped(name) {
		return phrase{}, false // a given name the lexicon lacks may still shape a person's name: "Caroline Titus’ home"
	}
	p := phrase{s: k, e: j + 1, text: dropPossessive(d.slice(k, j+1)), name: name, gender: firstNameGender(d.toks[g].low)}
	if g > k {
		p.role = d.slice(k, g)
	}
	return p, true
}

// dropPossessive drops a possessive ending from a name as the text writes
// it: "Donald Trump’s" → "Donald Trump", "Jones'" → "Jones".
func dropPossessive(name string) string {
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(name, suf) {
			return strings.TrimSuffix(name, suf)
		}
	}
	return name
}

// contractedPronoun returns the pronoun of "she'll", "he'd" or
// "they'll", or "" for any other word.
func contractedPronoun(w string) string {
	w = straighten(w)
	for _, aux := range []string{"'ll", "'d"} {
		if pr, ok := strings.CutSuffix(w, aux); ok && subjectPronouns[pr] {
			return pr
		}
	}
	return ""
}

// trimPossessive drops a possessive ending: "xi's" → "xi", "countries'" → "countries".
func trimPossessive(s string) string {
	s = straighten(s)
	if strings.HasSuffix(s, "'s") {
		return s[:len(s)-2]
	}
	return strings.TrimSuffix(s, "'")
}

// principal reads "Senator Ann Moss’s spokesman" and "the Kremlin’s
// statement" in [s, e): an unnamed spokesperson or a statement speaks for
// the owner, as "a spokesman for X" does.
func (d *doc) principal(p phrase, s, e int) (phrase, bool) {
	switch d.toks[e-1].low {
	case "spokesman", "spokeswoman", "spokesperson", "statement", "spokespeople":
	default:
		return p, false
	}
	o := e - 2
	if o < s || !d.toks[o].cap {
		return p, false
	}
	low := straighten(d.toks[o].low)
	if !strings.HasSuffix(low, "'s") && !strings.HasSuffix(low, "s'") {
		return p, false
	}
	n := o
	for n > s && d.toks[n-1].cap && !stopCaps[d.toks[n-1].low] && !titleWords[trimDot(d.toks[n-1].low)] {
		n--
	}
	name := dropPossessive(d.slice(n, o+1))
	if name == "" || stopCaps[fold(name)] {
		return p, false
	}
	p.name = name
	if n > s {
		p.role = d.slice(s, n)
	}
	last := trimPossessive(d.toks[o].low)
	p.inst = orgWords[last] || events[last] || placeName(name)
	if !p.inst {
		p.gender = firstNameGender(d.toks[n].low)
	}
	return p, true
}

// givenThenTitle reports whether the capitalised word at g, before a title
// word ending the phrase, is a given name the rules do not know: the
// phrase is just the two words, or a title stands before them ("Charlie
// King", "Rep. Charlie King"), and g is no place or institution.
func (d *doc) givenThenTitle(g, s, ps int) bool {
	tk := &d.toks[g]
	if !tk.cap || titleWords[trimDot(tk.low)] || stopCaps[tk.low] || places[tk.low] || orgWords[tk.low] || strings.ToUpper(tk.text) == tk.text || strings.HasSuffix(trimPossessive(tk.low), "s") && trimPossessive(tk.low) != tk.low {
		return false
	}
	return g == s && ps == s || g > s && titleWords[trimDot(d.toks[g-1].low)]
}

// cutLowerTail ends the phrase of tokens [i, k) before its last "of",
// "for", "from" or "by" that follows a name when no capitalised word
// comes after it: "Mayor Ana Lopez of running a campaign" (accused of
// running) is "Mayor Ana Lopez", while "Ana Lopez of Ohio" and "a
// spokesman for the campaign" stay whole.
func (d *doc) cutLowerTail(i, k int) int {
	for b := k - 1; b > i; b-- {
		tk := &d.toks[b]
		if tk.cap {
			return k
		}
		switch tk.low {
		case "of", "for", "from", "by":
			if d.toks[b-1].cap {
				return b
			}
		}
	}
	return k
}

// groupBefore reports whether the word before token k is a party or group
// speaking as one ("Democrats", "Republicans"), capitalised.
func (d *doc) groupBefore(k int) bool {
	return k > 0 && d.toks[k-1].kind == tWord && d.toks[k-1].cap && groupWords[d.toks[k-1].low]
}

// properTail reports whether [s, e), after "for" or "on" in an
// institution's name, is the rest of that name: capitalised words and
// joiners, no given name and no title followed by a name ("Center for
// Biomedical Research director Dr. Clayton Yates" is a person), and a lone
// word shaped like an abstract noun.
func (d *doc) properTail(s, e int) bool {
	if e-s == 1 {
		return abstractNoun(d.toks[s].low)
	}
	for k := s; k < e; k++ {
		tk := &d.toks[k]
		switch {
		case tk.kind != tWord:
			return false
		case !tk.cap:
			if !nameJoiners[tk.low] && tk.low != "a" && tk.low != "to" {
				return false // "Committee for a Responsible Federal Budget"
			}
		case courtesy[trimDot(tk.low)] || givenName(tk.low):
			return false
		case (personTitles[trimDot(tk.low)] || occupation(tk.low) && !orgWords[tk.low]) && k+2 < e && d.toks[k+1].cap && d.toks[k+2].cap:
			// "… Executive Director Nihad Awad": a title, then a name
			return false
		}
	}
	return d.toks[e-1].cap
}

// abstractNoun reports whether a word is shaped like the abstract noun an
// institution is named for ("Center for Justice", "Club for Growth"), not
// like a person's name ("Coalition for Trump").
func abstractNoun(w string) bool {
	for _, suf := range []string{"ice", "ion", "ity", "ment", "ness", "ism", "ics", "ance", "ence", "cy", "th", "dom", "ress", "ture", "ry"} {
		if strings.HasSuffix(w, suf) && !givenName(w) {
			return true
		}
	}
	return false
}

// institutionBefore reports whether [i, k) holds a capitalised institution
// word followed by "of", "for" or "on": the start of a name such as "Center
// on Budget" that an "and" may go on.
func (d *doc) institutionBefore(i, k int) bool {
	for n := i; n+1 < k; n++ {
		if d.toks[n].cap && orgWords[d.toks[n].low] && (d.is(n+1, "of") || d.is(n+1, "for") || d.is(n+1, "on")) {
			return true
		}
	}
	return false
}

// institutionAfter reports whether the "and" at k joins the words of
// one institution's name, from i, that ends in an institution's word after
// it: "the Food and Drug Administration", "the U.S. Fish and Wildlife
// Service", "the Securities and Exchange Commission". Before it stand a
// few capitalised words naming no person and no institution of their own
// ("the State Department and FBI", "NBC and ABC News" are two).
func (d *doc) institutionAfter(i, k, hi int) bool {
	if determiners[d.toks[i].low] {
		i++
	}
	if k-i < 1 || k-i > 3 {
		return false
	}
	plain := func(n int) bool {
		tk := &d.toks[n]
		return tk.kind == tWord && tk.span < 0 && tk.cap && !stopCaps[tk.low] && !determiners[tk.low] && !givenName(tk.low) && !possessive(tk.low)
	}
	for n := i; n < k; n++ {
		if !plain(n) || orgWords[d.toks[n].low] || titleWords[trimDot(d.toks[n].low)] {
			return false
		}
	}
	if w := d.toks[k-1].text; len(w) > 1 && strings.ToUpper(w) == w {
		return false // "NBC and ABC News": an acronym names one of two
	}
	for n := k + 1; n < hi && n <= k+4 && plain(n); n++ {
		if orgWords[d.toks[n].low] {
			return true
		}
	}
	return false
}

// personAhead reports whether the capitalised words from k hold a title or
// a given name soon (within six tokens): a person is named there.
func (d *doc) personAhead(k, hi int) bool {
	for n := k; n < hi && n < k+6; n++ {
		tk := &d.toks[n]
		if tk.kind != tWord || tk.span >= 0 || !tk.cap {
			return false
		}
		if titleWords[trimDot(tk.low)] && personNoun(trimDot(tk.low)) || givenName(tk.low) {
			return true
		}
	}
	return false
}

// capitalsThenRole reports whether from k come one or two capitalised
// words that are no given names, then lower-case words ending in a role,
// then a capitalised name: "GOP strategist Charlie Black" after
// "lobbyist and".
func (d *doc) capitalsThenRole(k, hi int) bool {
	c := k
	for c < hi && c < k+2 && d.toks[c].kind == tWord && d.toks[c].span < 0 && d.toks[c].cap && !givenName(d.toks[c].low) {
		c++
	}
	if c == k {
		return false
	}
	r := d.describingRun(c, hi)
	return r > c && r < hi && roleLike(d.toks[r-1].low) && d.toks[r].kind == tWord && d.toks[r].cap && d.toks[r].span < 0
}

// whatOneDoes reports whether a capitalised word before a name says what
// the person does ("CEO", "Journalist", "Coordinator") or where they come
// from ("Korean-born"). A word merely shaped like an occupation must
// plainly be one: "Pieter", "Kristian", "Edelman" and "Frankfurter" are
// names.
func whatOneDoes(w string) bool {
	for _, suf := range []string{"-born", "-based", "-raised", "-bred"} {
		if strings.HasSuffix(w, suf) {
			return true // "South Korean-born Monte Haines": where they are from
		}
	}
	if personTitles[w] || roleWords[w] && personNoun(w) || titleWords[w] && personNoun(w) {
		return true
	}
	return occupation(w) && !strings.Contains(w, "-") &&
		(strings.HasSuffix(w, "ist") || strings.HasSuffix(w, "ator") || strings.HasSuffix(w, "ographer"))
}

// personTitles stand before a person's name ("Executive Director Nihad
// Awad", "Sen. Ann Lopez"), never inside an institution's.
var personTitles = set("ceo cfo coo president secretary minister chair chief head counsel dr sen rep gov gen adm col capt sgt lt prof rev")

// describingRun returns the end of up to three lower-case words describing
// a person from token k, or k when there are none. Two roles joined by
// "and" count as one description: "professor and corporate strategy
// expert Rita McGrath".
func (d *doc) describingRun(k, hi int) int {
	n, limit := k, k+3
	for n < hi && n < limit && d.toks[n].kind == tWord && d.toks[n].span < 0 && !d.toks[n].cap {
		switch {
		case descWord(d.toks[n].low):
		case d.toks[n].low == "and" && limit == k+3 && n > k && roleLike(d.toks[n-1].low):
			limit = n + 4
		default:
			return n
		}
		n++
	}
	if n > k && d.is(n-1, "and") {
		return n - 1
	}
	return n
}
