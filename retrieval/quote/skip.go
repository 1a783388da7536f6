package quote

import "strings"

// appositive reads ", director of …," after a speaker phrase ending at i
// into the phrase's role and returns the token after it.
func (d *doc) appositive(p *phrase, i, e int) int {
	if !d.isPunct(i, ",") || i+1 >= e || d.toks[i+1].kind != tWord || d.toks[i+1].span >= 0 {
		return i
	}
	w := d.toks[i+1].low
	if strings.HasPrefix(straighten(w), "who'") || w == "whose" {
		w = "who" // "…, who's represented clients in …"
	}
	if !(determiners[w] || roleWords[w] || w == "who" || possessives[w] || d.toks[i+1].cap && !subjectPronouns[w] || d.roleSoon(i+1, e)) {
		return i
	}
	k := i + 1
	if w == "who" {
		if r := d.relativeEnd(k, e); r >= 0 {
			return r
		}
	}
	for k < e && !d.isPunct(k, ",.;:!?—–") && d.toks[k].span < 0 && d.toks[k].kind != tOpen {
		k++
	}
	if k == i+1 {
		return i
	}
	if possessives[w] && (k-i-1 > 4 || !roleLike(d.toks[k-1].low)) {
		return i // "his nephew" is one; "his plan failed" is not
	}
	if p.role == "" && w != "who" {
		p.role = d.slice(i+1, k)
	}
	if d.isPunct(k, ",") && k+1 < e {
		if n := d.describedLast(k+1, e); n > 0 {
			return n // "…, principal scientist with Wikimedia Foundation, the nonprofit that operates Wikipedia."
		}
		return k + 1
	}
	return k
}

// appositiveEnds end the head of an appositive: "the head of Indo-Pacific
// Command", "a spokesman for the Pentagon", "the coach who …".
var appositiveEnds = set("of for at in with from on to who whose which that since")

// appositiveRole returns the head of a description set off after a
// person's name when it is a person's ("coach" of "Luis de la Fuente,
// Spain’s coach, …", "head" of "John Aquilino, the head of Indo-Pacific
// Command, …"), or "".
func (d *doc) appositiveRole(p phrase, e int) string {
	if p.name == "" || p.inst || p.pronoun != "" {
		return ""
	}
	q := p
	q.role = ""
	end := d.appositive(&q, p.e, e)
	if q.role == "" || end <= p.e+1 {
		return ""
	}
	head := ""
	for k := p.e + 1; k < end && d.toks[k].kind == tWord; k++ {
		w := d.toks[k].low
		if w == "not" || w == "nor" {
			return "" // "Jill Biden, not the president, …"
		}
		if appositiveEnds[w] {
			break
		}
		head = trimPossessive(w)
	}
	if !personNoun(head) || groupWords[head+"s"] {
		return "" // "Mary Peltola, a Democrat, …": many are; "the Democrat said" means the one speaking
	}
	return head
}

// describedLast returns the end of a noun phrase at k that closes the
// sentence and describes the noun before its comma ("…, the nonprofit
// organization that supports and operates Wikipedia."), or 0.
func (d *doc) describedLast(k, e int) int {
	if !d.is(k, "the") && !d.is(k, "a") && !d.is(k, "an") {
		return 0
	}
	n := k
	for n < e && d.toks[n].kind == tWord && d.toks[n].span < 0 {
		n++
	}
	if n < e && !d.isPunct(n, ".") {
		return 0
	}
	for h := k + 1; h < n && !relativePronouns[d.toks[h].low]; h++ {
		if lw := d.toks[h].low; finite[lw] || presentVerbs[lw] || pastTense(lw) {
			return 0 // "…, said Ann Moss, the city's budget chief, the council wants deep cuts."
		}
	}
	return n
}

// roleSoon reports whether the words from k, to the next punctuation, are
// a role with a few words before its head and no verb ("…, said Brown,
// athletics director for the city of Cody"), not a clause going on.
func (d *doc) roleSoon(k, e int) bool {
	n := k
	for n < e && d.toks[n].kind == tWord && d.toks[n].span < 0 && !d.toks[n].cap {
		n++
	}
	if n == k || d.hasFinite(k, n) || d.toks[k].kind != tWord || strings.HasSuffix(d.toks[k].low, "ing") {
		return false
	}
	return d.roleIn(k+1, n, 3)
}

// relativeEnd returns the end of a relative clause set off after a
// speaker, its relative word at k ("…, said Ellen Shell, whose book on
// eels, “Slippery Beasts,” arrives next year."): the clause runs over
// commas, dashes and quoted titles to the sentence's end, a colon or a
// semicolon, or sooner at a comma before a quotation, "that", a gerund
// that reports (", adding …") or the verb of an interrupted clause, and at
// a quotation that is no title: the speaker's words ("who worries about a
// “fear factor”"). A clause whose own verb reports
// (", who noted that …", ", who called it “…”") gives -1: the words after
// its first comma or quotation mark are the speaker's.
func (d *doc) relativeEnd(k, e int) int {
	for r := k + 1; r < e && r <= k+3 && d.toks[r].kind == tWord && d.toks[r].span < 0; r++ {
		if c, ok := cues[d.toks[r].low]; ok && !c.gerund {
			return -1
		}
	}
	reports := false // someone else named in the clause reports
	subordinate := false
	for ; k < e && !d.isPunct(k, ".;:!?"); k++ {
		if d.isPunct(k, ",") && k+1 < e && (d.toks[k+1].kind == tOpen || d.is(k+1, "that") || d.toks[k+1].kind == tWord && (cues[d.toks[k+1].low].gerund || !subordinate && !isNumber(d.toks[k-1].low) && d.clauseGoesOn(k+1))) {
			return k + 1
		}
		if subordinators[d.toks[k].low] && d.toks[k].kind == tWord {
			subordinate = true // "…, who became an advocate after his son Paul, 23, was killed"
		}
		if _, ok := cues[d.toks[k].low]; ok && d.toks[k].kind == tWord && d.toks[k].span < 0 {
			reports = true // "…, who is running against Sandy Smith, a Republican who tweeted …"
		}
		if sp := d.toks[k].span; d.toks[k].kind == tOpen && sp >= 0 {
			if !d.spans[sp].closed || !reports && !d.titleQuotation(sp) {
				return k // "…, who worries about a “fear factor” …": the speaker's words
			}
			k = d.spans[sp].close
		}
	}
	return min(k, e)
}

// clauseGoesOn reports whether the word at k, after a comma, is the
// verb of a clause an attribution interrupted ("And Trump, said Sunshine,
// who remains friendly with her former boss, doesn't forgive or forget").
func (d *doc) clauseGoesOn(k int) bool {
	tk := &d.toks[k]
	return tk.kind == tWord && !tk.cap && tk.span < 0 && (finite[tk.low] || strings.HasSuffix(straighten(tk.low), "n't"))
}

// hearer skips the hearer of "told reporters", "told Italian newspaper
// Corriere della Sera", "asked him" and returns the token after it.
func (d *doc) hearer(i, e int) int {
	if i >= e || d.toks[i].span >= 0 || d.toks[i].kind != tWord {
		return i
	}
	if hearers[d.toks[i].low] {
		if n := i + 1; d.is(i, "her") && n < e && d.toks[n].kind == tWord && !d.toks[n].cap && hearers[d.toks[n].low] && !pronounHearers[d.toks[n].low] {
			return n + 1 // "told her audience": "her" is the audience's
		}
		return i + 1
	}
	if p, ok := d.phraseAfter(i, e); ok && p.name != "" {
		return p.e
	}
	// "the crowd", "an audience of supporters", "the court": a short
	// lower-case phrase ending where the content or an adverbial begins
	if determiners[d.toks[i].low] && !d.complementizer(i, e) || possessives[d.toks[i].low] {
		for k := i + 1; k < e && k < i+5; k++ {
			tk := &d.toks[k]
			if tk.kind != tWord || tk.span >= 0 {
				if k > i+1 {
					return k
				}
				break
			}
			if hearers[tk.low] {
				return k + 1
			}
			if k > i+1 && (contentOpeners[tk.low] || adverbialPrepositions[tk.low]) {
				if k-1 > i+1 && (d.is(k-1, "not") || d.is(k-1, "never")) {
					return k - 1 // "asked the judge not to allow it": the negation is reported
				}
				return k
			}
		}
	}
	return i
}

// skipBack skips, leftwards from j, what may stand between a speaker and
// the cue: auxiliaries, adverbs, time phrases ("on Tuesday", "last month")
// and a parenthesis ("(D-Calif.)").
func (d *doc) skipBack(j, s int) int {
	for j >= s {
		tk := &d.toks[j]
		if tk.span >= 0 {
			return j
		}
		if d.isPunct(j, ")") {
			o := d.openParen(j, s)
			if o < 0 {
				return j
			}
			j = o - 1
			continue
		}
		if d.isPunct(j, ",") {
			// ", for instance," ", however,": a parenthetical aside
			if b := d.asideBefore(j, s); b >= s {
				j = b
				continue
			}
		}
		if tk.kind != tWord {
			return j
		}
		lw := tk.low
		if partyTag(tk.text) && d.isPunct(j-1, ",") {
			j -= 2 // "Mitch McConnell, R-Ky., said"
			continue
		}
		switch {
		case !tk.cap && (auxiliaries[lw] || len(lw) > 4 && strings.HasSuffix(lw, "ly")):
			j--
		case timeWords[lw] && (tk.cap == dayName(lw)):
			j--
			if d.is(j, "on") {
				j--
			}
		case periodWords[lw] && (d.is(j-1, "last") || d.is(j-1, "this") || d.is(j-1, "next")):
			j -= 2
			if d.is(j, "earlier") || d.is(j, "later") {
				j--
			}
		default:
			return j
		}
	}
	return j
}

// openParen returns the "(" matching the ")" at j, within a few tokens, or -1.
func (d *doc) openParen(j, s int) int {
	for k := j - 1; k >= s && k > j-12; k-- {
		if d.isPunct(k, "(") {
			return k
		}
		if d.isPunct(k, ")") || d.toks[k].span >= 0 {
			return -1
		}
	}
	return -1
}

func dayName(w string) bool {
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}

// partyTag reports whether w reads like "R-Ky." or "D-Calif.".
func partyTag(w string) bool {
	return len(w) >= 4 && (w[0] == 'R' || w[0] == 'D' || w[0] == 'I') && w[1] == '-' && w[2] >= 'A' && w[2] <= 'Z'
}

// asideBefore reads a parenthetical aside ending with the comma at j
// (", for example,", ", however,", ", too,") and returns the token before
// its opening comma, or -1.
func (d *doc) asideBefore(j, s int) int {
	b := j - 1
	switch {
	case d.is(b, "instance") || d.is(b, "example"):
		if !d.is(b-1, "for") {
			return -1
		}
		b -= 2
	case d.is(b, "however") || d.is(b, "too") || d.is(b, "meanwhile") || d.is(b, "though") || d.is(b, "likewise"):
		b--
	default:
		return -1
	}
	if b <= s || !d.isPunct(b, ",") {
		return -1
	}
	return b - 1
}

// complementizer reports whether the "that" at i opens the content
// ("warned that while “…”", "told that the plan …") rather than
// pointing at a hearer ("told that crowd").
func (d *doc) complementizer(i, e int) bool {
	if d.toks[i].low != "that" {
		return false
	}
	if i+1 >= e || d.toks[i+1].kind != tWord || d.toks[i+1].span >= 0 || d.toks[i+1].cap {
		return true
	}
	w := d.toks[i+1].low
	return subordinators[w] || contentOpeners[w] || determiners[w] || subjectPronouns[w] || firstPersons[w] || clauseWords[w]
}
