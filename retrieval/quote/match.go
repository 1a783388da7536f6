package quote

import "strings"

// match is one attribution phrase: a reporting verb with its speaker
// ("Putin said", "said a statement released by China", "according to X").
type match struct {
	cue       int // token of the cue word
	info      cueInfo
	cueText   string
	subj      phrase
	ent       int    // entity, -1 when unresolved
	also      phrase // a second speaker: "Trump and Cruz said"
	alsoEnt   int
	start     int // first token of the attribution phrase
	end       int // token after it (cue, inverted speaker, hearer)
	inverted  bool
	according bool
	used      bool
}

// next returns the first token at or after k outside quotations, or e.
func (d *doc) next(k, e int) int {
	for k < e && d.toks[k].span >= 0 {
		k++
	}
	return k
}

// is reports whether token k is the word or punctuation w (case-insensitive).
func (d *doc) is(k int, w string) bool {
	if k < 0 || k >= len(d.toks) || d.toks[k].span >= 0 {
		return false
	}
	t := d.toks[k].text
	return t == w || len(t) == len(w) && strings.EqualFold(t, w)
}

// isPunct reports whether token k is punctuation in set.
func (d *doc) isPunct(k int, set string) bool {
	return k >= 0 && k < len(d.toks) && d.toks[k].kind == tPunct && d.toks[k].span < 0 && strings.Contains(set, d.toks[k].text)
}

// maxMatches bounds the attribution phrases read in one sentence (real
// sentences hold a handful; run-on junk must not cost quadratic time).
const maxMatches = 24

// matches finds the attribution phrases of sentence [s, e).
func (d *doc) matches(s, e int) []match {
	var ms []match
	for k := s; k < e && len(ms) < maxMatches; k++ {
		tk := &d.toks[k]
		if tk.span >= 0 || tk.kind != tWord {
			continue
		}
		lw := tk.low
		if lw == "according" && d.is(k+1, "to") {
			at := d.descThenName(k+2, e) // "according to election lawyer Charlie Spies"
			if p, ok := d.phraseAfter(at, e); ok && p.pronoun == "" && (p.name != "" || p.desc != "") {
				if at > k+2 {
					p.role = strings.TrimSpace(d.slice(k+2, at) + " " + p.role)
				}
				end := p.e
				if k > s && !d.isPunct(k-1, ",;:(") {
					end = d.appositive(&p, p.e, e) // "…, according to Charlie Spies, an election lawyer."
				}
				ms = append(ms, match{cue: k, cueText: d.slice(k, k+2), subj: p, start: k, end: end, according: true, ent: -1, alsoEnt: -1})
			}
			continue
		}
		info, ok := cues[lw]
		if !ok || (tk.cap && k > s && !d.isPunct(k-1, "“\"")) {
			continue
		}
		if m, ok := d.matchCue(k, s, e, info); ok {
			ms = append(ms, m)
		}
	}
	return ms
}

// matchCue finds the speaker of the cue at token k.
func (d *doc) matchCue(k, s, e int, info cueInfo) (match, bool) {
	m := match{cue: k, info: info, cueText: d.toks[k].text, start: k, end: k + 1, ent: -1, alsoEnt: -1}
	j := k - 1
	j = d.skipBack(j, s)
	if j >= s && d.toks[j].kind == tWord && d.toks[j].span < 0 {
		lw := d.toks[j].low
		if negations[lw] || strings.HasSuffix(lw, "n't") || (passive[lw] && !info.gerund) || lw == "to" {
			return m, false
		}
	}
	switch info.base {
	case "continue", "agree", "charge", "report", "state", "post":
		// "he continued." but not "continued to hurt"; "agreed that" but not "agreed to"
		if n := k + 1; n < e && !(d.toks[n].kind == tPunct || d.toks[n].kind == tOpen || d.is(n, "that")) {
			return m, false
		}
	case "call":
		// "called the statement “offensive and outlandish”", not "called for"
		if d.is(k+1, "for") || d.is(k+1, "on") || d.is(k+1, "off") || d.is(k+1, "up") || d.is(k+1, "in") || d.is(k+1, "out") || d.is(k+1, "back") {
			return m, false
		}
		quoted := false
		for n := k + 1; n < e && n < k+9; n++ {
			if d.toks[n].kind == tOpen && d.toks[n].span >= 0 {
				quoted = true
				break
			}
		}
		if !quoted {
			return m, false
		}
	case "add", "note", "warn", "promise", "pledge", "vow":
		if d.is(k+1, "to") && info.base == "add" {
			return m, false
		}
	}
	prevClose := j >= s && j == k-1 && (d.toks[j].kind == tClose || d.isPunct(j, "—–"))
	prevComma := j >= s && j == k-1 && d.isPunct(j, ",")
	switch {
	case info.gerund:
		if !(d.isPunct(k-1, ",—–") || d.is(k-1, "as") || d.is(k-1, "by") || d.is(k-1, "and") || d.is(k-1, "while") || d.is(k-1, "before") || d.is(k-1, "after") || k > s && headNouns[d.toks[k-1].low]) {
			return m, false
		}
		p, ok := d.mainSubject(s, k)
		if !ok {
			return m, false
		}
		m.subj = p
	case info.invert && (prevClose || prevComma && d.invertedAhead(k+1, e) && !d.hasAppositiveSubject(j, s)) || k == s && d.toks[k].cap && d.invertedAhead(k+1, e):
		at := d.descThenName(k+1, e)
		p, ok := d.phraseAfter(at, e)
		if !ok || p.desc == "" && p.name == "" && p.pronoun == "" {
			return m, false
		}
		if at > k+1 {
			p.role = strings.TrimSpace(d.slice(k+1, at) + " " + p.role)
		}
		m.subj, m.inverted = p, true
		m.end = d.appositive(&m.subj, p.e, e)
	case j >= s && (d.is(j, "and") || d.is(j, "but") || d.is(j, "then")):
		// "he barely mentioned the conflict and said …": the clause's subject
		p, ok := d.mainSubject(s, k)
		if !ok {
			return m, false
		}
		m.subj = p
	default:
		if j < s {
			return m, false
		}
		p, ok := d.subjectBefore(j, s)
		if !ok {
			return m, false
		}
		m.subj, m.start = p, p.s
		if p.name != "" && d.is(p.s-1, "and") {
			// "Sens. Johnny Isakson and John Boozman said"
			if q, ok := d.phraseBefore(p.s-2, s); ok && q.name != "" && d.clauseStart(q.s, s) {
				m.also, m.start = q, q.s
			}
		}
	}
	if info.object && !m.inverted {
		m.end = d.hearer(m.end, e)
		// "told a rally in Iowa that …"
		for n := m.end; n < e && n < m.end+8 && d.toks[n].kind == tWord && d.toks[n].span < 0; n++ {
			if d.toks[n].low == "that" {
				m.end = n
				break
			}
		}
	}
	return m, true
}

// invertedAhead reports whether a speaker phrase (not a clause) follows a
// cue after a comma: "…, said Adriaan Schout, Europe coordinator …".
func (d *doc) invertedAhead(i, e int) bool {
	p, ok := d.phraseAfter(d.descThenName(i, e), e)
	if !ok || p.pronoun != "" || p.name == "" && !(p.desc != "" && titleWords[p.desc]) {
		return false
	}
	// the speaker ends the clause: "…, said Robert Egge, executive
	// director …" but not "…, said Mr. Trump had disrespected …"
	n := p.e
	return n >= e || d.toks[n].kind != tWord || d.toks[n].cap
}

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
	p, ok := d.phraseBefore(j, s)
	if !ok {
		return p, false
	}
	if p.pronoun == "he" || p.pronoun == "she" {
		// "as Xi departed he told Putin", but not "what he said were"
		return p, !d.is(p.s-1, "what")
	}
	// the phrase must start the clause: sentence start, punctuation, a
	// quotation, a conjunction or a relative word
	// a lower-case description may open it: "journalist Martha Raddatz"
	b := p.s - 1
	for n := 0; n < 6 && b >= s && p.name != "" && d.toks[b].kind == tWord && d.toks[b].span < 0 &&
		!determiners[d.toks[b].low] && !clauseWords[d.toks[b].low] && !(d.toks[b].cap && stopCaps[d.toks[b].low]) && !possessives[d.toks[b].low]; n++ {
		b--
	}
	if b < p.s-1 && (b < s || d.toks[b].kind != tWord || determiners[d.toks[b].low]) {
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

// appositive reads ", director of …," after a speaker phrase ending at i
// into the phrase's role and returns the token after it.
func (d *doc) appositive(p *phrase, i, e int) int {
	if !d.isPunct(i, ",") || i+1 >= e || d.toks[i+1].kind != tWord || d.toks[i+1].span >= 0 {
		return i
	}
	w := d.toks[i+1].low
	if !(determiners[w] || roleWords[w] || w == "who" || d.toks[i+1].cap && !subjectPronouns[w]) {
		return i
	}
	k := i + 1
	for k < e && !d.isPunct(k, ",.;:!?—–") && d.toks[k].span < 0 && d.toks[k].kind != tOpen {
		k++
	}
	if k == i+1 {
		return i
	}
	if p.role == "" && w != "who" {
		p.role = d.slice(i+1, k)
	}
	if d.isPunct(k, ",") && k+1 < e {
		return k + 1
	}
	return k
}

// hearer skips the hearer of "told reporters", "told Italian newspaper
// Corriere della Sera", "asked him" and returns the token after it.
func (d *doc) hearer(i, e int) int {
	if i >= e || d.toks[i].span >= 0 || d.toks[i].kind != tWord {
		return i
	}
	if hearers[d.toks[i].low] {
		return i + 1
	}
	if p, ok := d.phraseAfter(i, e); ok && p.name != "" {
		return p.e
	}
	// "the crowd", "an audience of supporters": a short lower-case phrase
	if determiners[d.toks[i].low] {
		for k := i + 1; k < e && k < i+4; k++ {
			if d.toks[k].kind != tWord || d.toks[k].span >= 0 {
				break
			}
			if hearers[d.toks[k].low] {
				return k + 1
			}
		}
	}
	return i
}

// mainSubject finds the subject of the sentence's main clause, before
// token k: the first speaker phrase followed by a lower-case word (its
// verb), tried at the sentence start and after each comma of an
// introductory phrase ("At a rally in Portsmouth, N.H., on Tuesday,
// Senator Bernie Sanders endorsed …").
func (d *doc) mainSubject(s, k int) (phrase, bool) {
	var fallback phrase
	found := false
	for i, tries := s, 0; i < k && tries < 5; tries++ {
		if p, verb, ok := d.subjectAt(i, k); ok {
			if verb {
				return p, true
			}
			if !found && tries == 0 {
				fallback, found = p, true // "Putin, who …, said"
			}
		}
		// next candidate: after the next comma
		c := i
		for c < k && !d.isPunct(c, ",") {
			if d.toks[c].span >= 0 && d.toks[c].kind == tOpen {
				c = d.last(d.toks[c].span)
			}
			c++
		}
		i = c + 1
	}
	return fallback, found
}

// subjectAt parses a subject phrase at token i; verb reports whether a
// lower-case word follows it (after a parenthesis and time words).
func (d *doc) subjectAt(i, k int) (phrase, bool, bool) {
	for i < k && d.toks[i].span < 0 && d.toks[i].kind == tWord && d.toks[i].cap && stopCaps[d.toks[i].low] && !titleWords[d.toks[i].low] {
		w := d.toks[i].low
		if subjectPronouns[w] {
			break
		}
		if subordinators[w] {
			return phrase{}, false, false // "If Trump doesn't …, he said": not the main clause
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
	if i >= k || d.toks[i].kind != tWord || !d.toks[i].cap && !subjectPronouns[d.toks[i].low] && !(determiners[d.toks[i].low] && i+1 < k && d.toks[i+1].cap) {
		return phrase{}, false, false
	}
	if w := d.toks[i].low; d.toks[i].cap && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")) && !subjectPronouns[w] && len(w) > 4 {
		return phrase{}, false, false // "Commenting on the meeting, …"
	}
	p, ok := d.phraseAfter(i, k)
	if !ok {
		return p, false, false
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
	if after < k && d.toks[after].kind == tWord && !d.toks[after].cap && d.toks[after].span < 0 {
		return p, true, true
	}
	return p, false, after < k && d.isPunct(after, ",") && p.pronoun == ""
}

func isPreposition(w string) bool {
	switch w {
	case "in", "on", "at", "after", "before", "during", "speaking", "asked", "for", "with", "from", "since", "despite", "amid", "following", "earlier", "later", "last", "commenting", "writing", "addressing", "responding", "as", "when", "while", "if", "although", "though", "because", "to", "under", "over", "by":
		return true
	}
	return false
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
	var best phrase
	found := false
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
		if p, ok := d.phraseBefore(d.skipBack(c-1, s), s); ok && (p.name != "" || p.pronoun != "") && d.clauseStart(p.s, s) {
			if p.role == "" {
				if w := d.toks[c+1].low; determiners[w] || roleLike(w) || d.toks[c+1].cap {
					p.role = d.slice(c+1, j)
					if i := strings.Index(p.role, ", wh"); i > 0 {
						p.role = p.role[:i]
					}
				}
			}
			place := p.inst && places[strings.ReplaceAll(strings.ToLower(p.name), " ", "-")]
			if !found && !place || p.s == s || !d.isPunct(p.s-1, ",") {
				best, found = p, true
			}
			if p.s == s || !d.isPunct(p.s-1, ",") {
				return best, true // the phrase opens the clause: no better one
			}
			continue
		}
		// "One pastor supporting Mr. Cruz, Darran Whiting of Liberty Baptist Church, said"
		if p, ok := d.phraseAfter(c+1, j); ok && p.name != "" && !p.inst && d.toks[c+1].cap && d.placeRest(p.e, j) && !found {
			return p, true
		}
	}
	return best, found
}

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
	return clauseWords[tk.low] || tk.cap && stopCaps[tk.low]
}

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

// partyTag reports whether w reads like "R-Ky." or "D-Calif.".
func partyTag(w string) bool {
	return len(w) >= 4 && (w[0] == 'R' || w[0] == 'D' || w[0] == 'I') && w[1] == '-' && w[2] >= 'A' && w[2] <= 'Z'
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
