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
	agent     bool // "asked by X": X is the speaker but not the sentence's subject
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
		if k == s && tk.cap && d.colonQuote(s, e) {
			// "Ann Moss: “We will not back down.”": a name, a colon and a
			// quotation (interview write-ups, headlines); but a title is
			// no one's words ("WINNER: “Everything Everywhere All at Once”")
			if p, ok := d.phraseAfter(s, e); ok && p.name != "" && d.isPunct(p.e, ":") && p.e+1 < e && d.toks[p.e+1].kind == tOpen && d.toks[p.e+1].span >= 0 && !d.titleCasedUpTo(d.toks[p.e+1].span, 12) {
				ms = append(ms, match{cue: p.e, cueText: ":", subj: p, start: s, end: p.e, ent: -1, alsoEnt: -1})
				k = p.e
				continue
			}
		}
		if lw == "according" && d.is(k+1, "to") {
			at := d.descThenName(k+2, e) // "according to election lawyer Charlie Spies"
			if src := d.sourceOf(k+2, e); src > 0 {
				at = src // "according to a court document filed by Dave Aronberg"
			}
			if p, ok := d.phraseAfter(at, e); ok && p.pronoun == "" && (p.name != "" || p.desc != "") {
				if at > k+2 {
					p.role = strings.TrimSpace(d.slice(k+2, at) + " " + p.role)
				}
				end := p.e
				if k > s && !d.isPunct(k-1, ",;:(") {
					end = d.appositive(&p, p.e, e) // "…, according to Charlie Spies, an election lawyer."
				} else {
					// "According to Ann Moss, a spokeswoman for the city, the
					// bridge …": the role set off after the name is no content
					q := p
					if n := d.appositive(&q, p.e, e); n > p.e+2 && d.isPunct(n-1, ",") && d.roleIn(p.e+1, n-1, 5) && !d.clauseLike(p.e+1, n-1) && !d.hasWord(p.e+1, n-1, "not") {
						p, end = q, d.roleGoesOn(n, e)-1 // the comma before the content
					}
				}
				ms = append(ms, match{cue: k, cueText: d.slice(k, k+2), subj: p, start: k, end: end, according: true, ent: -1, alsoEnt: -1})
			}
			continue
		}
		info, ok := cues[lw]
		if !ok && (lw == "went" || lw == "goes") && d.is(k+1, "on") {
			info, ok = wentOn, true
		}
		if !ok && (lw == "put" || lw == "puts") && d.is(k+1, "it") {
			info, ok = putIt, true
		}
		if !ok || (tk.cap && k > s && !d.isPunct(k-1, "“\"")) {
			continue
		}
		if m, ok := d.matchCue(k, s, e, info); ok {
			ms = append(ms, m)
		}
	}
	return ms
}

// statesWords before "states" make it a noun ("U.S. states", "swing
// states", "Gulf states").
var statesWords = set(`u.s. us united member members swing battleground border red blue other several many
	most some all both these those southern northern eastern western northeastern southeastern
	northwestern southwestern midwestern northeast southeast northwest southwest midwest gulf coastal
	sunbelt rustbelt lakes baltic arab island nuclear sovereign neighboring neighbouring key early
	republican democratic gop conservative liberal`)

// statesNoun reports whether w before "states" makes it the plural noun:
// one of statesWords, a number ("17", "Seventeen") or a compound such as
// "Republican-led", "GOP-dominated".
func statesNoun(w string) bool {
	if statesWords[w] || isNumber(w) || numberWords[w] {
		return true
	}
	for _, suf := range []string{"-led", "-run", "-dominated", "-controlled", "-governed", "-leaning"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// numberWords are numbers written out.
var numberWords = set(`two three four five six seven eight nine ten eleven twelve thirteen fourteen
	fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty dozen dozens hundreds
	twenty-one twenty-two twenty-three twenty-four twenty-five twenty-six twenty-seven twenty-eight
	twenty-nine thirty-one thirty-two thirty-three thirty-four thirty-five thirty-six thirty-seven
	thirty-eight thirty-nine forty-one forty-two forty-three forty-four forty-five forty-six
	forty-seven forty-eight forty-nine`)

// matchCue finds the speaker of the cue at token k.
func (d *doc) matchCue(k, s, e int, info cueInfo) (match, bool) {
	m := match{cue: k, info: info, cueText: d.toks[k].text, start: k, end: k + 1, ent: -1, alsoEnt: -1}
	if d.is(k+1, "by") && (info.base == "ask" || d.is(k-1, "as")) {
		// "As reported by Western Journalism, …", "Rubio was asked by
		// moderator Gerard Baker whether …": the agent is the speaker
		at := d.descThenName(k+2, e)
		p, ok := d.phraseAfter(at, e)
		if !ok || p.name == "" {
			return m, false
		}
		if at > k+2 {
			p.role = strings.TrimSpace(d.slice(k+2, at) + " " + p.role)
		}
		m.subj, m.inverted, m.agent, m.end = p, true, true, p.e
		if info.base == "ask" {
			m.end = d.appositive(&m.subj, p.e, e) // "asked by Matt Lauer, the host, whether"
		}
		if info.base == "ask" && !(d.is(m.end, "whether") || d.is(m.end, "if") || d.is(m.end, "about") || d.isPunct(m.end, ",:") || d.toks[min(m.end, e-1)].kind == tOpen) {
			return m, false
		}
		return m, true
	}
	if k+2 < e && (d.is(k+1, "of") || d.is(k+1, "about") || d.is(k+1, "against") || d.is(k+1, "for")) && d.toks[k+2].kind == tWord && !d.toks[k+2].cap && finite[d.toks[k+2].low] {
		return m, false // "large parties like the ones Birx warned of is a challenge": a clause of the words around it
	}
	if info.gerund && k+1 < e && gerundNouns[d.toks[k+1].low] {
		return m, false // "recalls, warning letters and lawsuits": a noun's modifier
	}
	if info.base == "point" {
		// "X pointed out that …"
		if !d.is(k+1, "out") {
			return m, false
		}
		m.end = k + 2
	}
	if info.base == "put" {
		// "as the commission put it, “…”", "…,” as Lopez put it.", "Lopez
		// put it this way: “…”"; not "put it on the table"
		n := k + 2
		if d.is(n, "this") && d.is(n+1, "way") {
			n += 2
		} else if n < e && d.toks[n].kind == tWord && strings.HasSuffix(d.toks[n].low, "ly") {
			n++ // "put it bluntly"
		}
		if n < e && !d.isPunct(n, ",:.") && d.toks[n].kind != tOpen {
			return m, false
		}
		m.end, m.cueText = n, d.slice(k, k+2)
	}
	if info.base == "go" {
		// "…,” she went on.", "he went on: “…”", not "went on a tour",
		// "went on to win", "went on “The View”" nor "went on, portraying"
		if !d.is(k+1, "on") || k+2 < e && (d.toks[k+2].kind != tPunct || d.isPunct(k+2, ",") && k+3 < e && d.toks[k+3].kind != tOpen) {
			return m, false
		}
		m.end, m.cueText = k+2, d.slice(k, k+2)
	}
	j := k - 1
	if info.gerund && info.base != "recall" && k-2 >= s && (d.is(k-1, "is") || d.is(k-1, "are") || d.is(k-1, "was") || d.is(k-1, "were")) && d.toks[k-2].kind == tWord && d.toks[k-2].span < 0 {
		// "Donald Trump is telling supporters that …": the progressive
		// is the cue's own tense, its subject before the auxiliary
		info.gerund = false
		m.info = info
		j = k - 2
	}
	j = d.skipBack(j, s)
	if j >= s && d.toks[j].kind == tWord && d.toks[j].span < 0 {
		lw := d.toks[j].low
		if lw == "to" && !info.gerund {
			// "X went on to say", "X went so far as to say": X is the speaker
			if b := d.raisedSpeaker(j, s); b >= s {
				if j = d.skipBack(b, s); j < s {
					return m, false
				}
				lw = d.toks[j].low
			}
		}
		if negations[lw] || strings.HasSuffix(lw, "n't") || (passive[lw] && !info.gerund) || lw == "to" {
			return m, false
		}
	}
	switch info.base {
	case "continue", "agree", "charge", "report", "state", "post":
		// "he continued." but not "continued to hurt"; "agreed that" but not "agreed to"
		n := k + 1
		if info.base == "report" || info.base == "state" {
			n = d.skipAdverbials(n, e) // "USA TODAY reported last month that …"
		}
		if k+1 < e && cues[d.toks[k+1].low].base == "say" {
			return m, false // "Media reports said …": the noun
		}
		inverted := info.base == "report" && k > s && (d.toks[k-1].kind == tClose || d.isPunct(k-1, ",")) // "…," reported the Examiner
		if d.toks[k].low == "states" && (d.isPunct(n, ",") && !(n+1 < e && d.toks[n+1].kind == tOpen) || k > s && statesNoun(d.toks[k-1].low)) {
			// "Republican-led states, …", "17 states": the noun, not the verb
			return m, false
		}
		if n < e && !(d.toks[n].kind == tPunct || d.toks[n].kind == tOpen || d.is(n, "that")) && !inverted && !(info.base == "report" && d.clauseOpens(k+1, e)) {
			return m, false
		}
	case "call", "describe":
		// "called the statement “offensive and outlandish”", not "called
		// for"; "described the indictment as “big news”"
		if info.base == "call" && (d.is(k+1, "for") || d.is(k+1, "on") && d.toks[min(k+2, e-1)].kind == tWord) {
			// "called for a ban on …", "called on Congress to act": a demand
			m.end = k + 2
			break
		}
		if d.is(k+1, "on") || d.is(k+1, "off") || d.is(k+1, "up") || d.is(k+1, "in") || d.is(k+1, "out") || d.is(k+1, "back") {
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
	case "slam", "blast":
		if d.forceful(k+1, e) {
			return m, false
		}
	case "add", "note", "warn", "promise", "pledge", "vow":
		if d.is(k+1, "to") && info.base == "add" {
			return m, false
		}
	}
	prevClose := j >= s && j == k-1 && (d.toks[j].kind == tClose || d.isPunct(j, "—–"))
	if prevClose && d.titleThenComma(j) {
		// "Joe Scarborough, host of MSNBC’s “Morning Joe,” said the …":
		// with no speaker after the cue, the title closes an appositive
		p, ok := d.phraseAfter(d.descThenName(k+1, e), e)
		prevClose = ok && (p.desc != "" || p.name != "" || p.pronoun != "")
	}
	prevComma := j >= s && j == k-1 && d.isPunct(j, ",")
	switch {
	case info.gerund:
		// ", telling", ", recently telling", "as telling", "while telling" …
		commaInside := k-2 >= s && d.toks[k-1].kind == tClose && d.toks[k-2].kind == tPunct && d.toks[k-2].text == "," // "to be “patient,” saying"
		if !(d.isPunct(k-1, ",—–") || commaInside || d.is(k-1, "upon") || k-1 > s && strings.HasSuffix(d.toks[k-1].low, "ly") && d.isPunct(k-2, ",") || d.is(k-1, "as") || d.is(k-1, "by") || d.is(k-1, "and") || d.is(k-1, "while") || d.is(k-1, "before") || d.is(k-1, "after") || k > s && headNouns[d.toks[k-1].low] || k-1 > s && timeWords[d.toks[k-1].low] && headNouns[d.toks[k-2].low]) {
			return m, false
		}
		if q, at, ok := d.quotedAs(k-1, s); ok {
			// "The Times quoted Ann Lee as saying …": the one quoted
			// speaks, and a quotation just before is theirs
			m.subj, m.start = q, at
			m.info.gerund = false
			break
		}
		if q, aside := d.asideSubject(s, k); aside {
			if !q.ok() {
				return m, false // "…, the court ruled, adding": no one named adds
			}
			m.subj = q // "…, Tom Diaz said, adding that …": the aside's subject adds
			break
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
		if q, ok := d.namedAfter(p, k+1, e); ok {
			// "said the bureau's director, James B. Comey"
			m.subj = q
			m.end = d.appositive(&m.subj, q.e, e) // ", who also ran …"
			break
		}
		m.end = d.appositive(&m.subj, p.e, e)
	case j >= s && (d.is(j, "and") || d.is(j, "but") || d.is(j, "then")):
		// "he barely mentioned the conflict and said …": the clause's subject
		p, ok := d.joinedSubject(s, j, k)
		if !ok {
			p, ok = d.mainSubject(s, k)
		}
		if !ok {
			return m, false
		}
		m.subj = p
	default:
		if j < s {
			return m, false
		}
		p, ok := d.subjectBefore(j, s)
		if !ok || d.nounCue(k, s) {
			return m, false
		}
		m.subj, m.start = p, p.s-p.pre
		if p.name != "" && d.is(p.s-1, "and") {
			// "Sens. Johnny Isakson and John Boozman said"; but "Yahoo News
			// and former anchor Katie Couric has said" is one person
			if q, ok := d.phraseBefore(p.s-2, s); ok && q.name != "" && d.clauseStart(q.s, s) {
				oneWord := len(strings.Fields(p.name)) < 2
				namePart := p.gender == 0 && p.role == "" && !p.inst && strings.ToUpper(p.name) != p.name
				switch {
				case !q.inst && (q.gender != 0 || len(strings.Fields(q.name)) > 1) && namePart && (strings.Contains(q.role, " of ") || strings.HasPrefix(q.role, "of ")) && strings.Contains(q.role, " for "):
					// "David Albright of the Institute for Science and
					// International Security wrote": the second half of an
					// institution's name, not a second speaker
					m.subj, m.start = q, q.s
					m.subj.role = q.role + " and " + p.name
					m.subj.e = p.e
					if r, ok := d.phraseBefore(q.s-2, s); ok && r.name != "" && !r.inst && d.is(q.s-1, "and") && (d.clauseStart(r.s, s) || d.describedStart(&r, s)) {
						m.also, m.start = r, r.s // "(nuclear experts) David Albright and Serena Kelleher-Vergantini of …"
					}
				case d.singularBetween(p.e, k) && oneWord:
					m.subj, m.start = q, q.s // "the Centers for Disease Control and Prevention says"
					if q.inst {
						m.subj.name, m.subj.text, m.subj.e = q.name+" and "+p.name, q.text+" and "+p.text, p.e
					}
				case q.inst && (oneWord || p.gender == 0 && p.role == "" && (!p.inst || len(strings.Fields(p.name)) == 2)) && strings.ToUpper(p.name) != p.name && (strings.Contains(q.name, " of ") || strings.Contains(q.name, " for ")),
					p.inst && p.role == "" && d.institutionAfter(q.s, p.s-1, p.e):
					// "Egypt’s Ministry of Tourism and Antiquities said", "the
					// National Institute of Allergy and Infectious Diseases
					// said", "the Food and Drug Administration said": one
					// institution
					m.subj, m.start = q, q.s
					m.subj.name, m.subj.text, m.subj.e, m.subj.inst = q.name+" and "+p.name, q.text+" and "+p.text, p.e, true
				case !q.inst && d.onlyTitles(q.s, q.e):
					// "Chairman Hugh Andrews and CEO and President Andy
					// Sareyan said": "CEO" is Sareyan's title
					m.subj.role = strings.TrimSpace(d.slice(q.s, p.s) + " " + m.subj.role)
					m.start = q.s
				case d.singularBetween(p.e, k):
					m.subj.role = strings.TrimSpace(d.slice(q.s, p.s) + " " + m.subj.role)
					m.start = q.s
					if r, ok := d.phraseBefore(q.s-2, s); ok && r.name != "" && d.is(q.s-1, "and") && d.clauseStart(r.s, s) {
						m.also, m.start = r, r.s
					}
				default:
					m.also, m.start = q, q.s
				}
			}
		}
	}
	if info.object && !m.inverted {
		m.end = d.hearer(m.end, e)
		// "told a rally in Iowa that …", but not "asked Pence whether
		// that would …"
		reach := 8
		if m.end < e && (d.is(m.end, "after") || d.is(m.end, "before") || d.is(m.end, "during") || d.is(m.end, "at") || d.is(m.end, "in") || d.is(m.end, "on")) {
			reach = 12 // "told supporters after his victory in the South Carolina primary that …"
		}
		for n := m.end; n < e && n < m.end+reach && d.toks[n].kind == tWord && d.toks[n].span < 0 && (d.toks[n].low == "that" || !contentOpeners[d.toks[n].low]); n++ {
			if d.toks[n].low == "that" {
				m.end = n
				break
			}
		}
		if q := d.quoteAfterTime(m.end, e); q > 0 {
			m.end = q // "told the Associated Press after she announced her retirement “I knew …”"
		}
	}
	return m, true
}

// roleIn reports whether [s, e) holds a word for a role among its first
// n words ("a spokeswoman for the city", "director of the agency").
func (d *doc) roleIn(s, e, n int) bool {
	for k := s; k < e && k < s+n; k++ {
		if tk := &d.toks[k]; tk.kind == tWord && !tk.cap && tk.span < 0 && roleLike(tk.low) {
			return true
		}
	}
	return false
}

// roleGoesOn returns where the words after a role set off by commas
// start, from k after its first comma: the role goes on over a place
// ("a pediatrician at a hospital in Winfield, Illinois, …") and over the
// rest of a list of roles ("chief of interpretation, education and
// volunteers as well as public information officer for the park, …").
func (d *doc) roleGoesOn(k, e int) int {
	for k < e {
		n := k
		for n < e && d.toks[n].kind == tWord && d.toks[n].span < 0 {
			n++
		}
		if n >= e || !d.isPunct(n, ",") || n == k {
			return k
		}
		place := n-k <= 3 && d.toks[k].cap && d.toks[n-1].cap
		if !place && !(d.roleIn(k, n, n-k) && !d.clauseLike(k, n)) {
			return k
		}
		k = n + 1
	}
	return k
}

// quoteAfterTime returns the quotation that a time clause opening at c
// leads to, right after a cue and its hearer ("told the AP after she
// announced her retirement in January “I knew …”"), or 0: the clause
// says when, the quotation, of a few words and ending the sentence, what
// was said.
func (d *doc) quoteAfterTime(c, e int) int {
	if c >= e || !timeSubordinators[d.toks[c].low] {
		return 0
	}
	for n := c + 1; n < e && n < c+16; n++ {
		tk := &d.toks[n]
		switch {
		case tk.kind == tOpen && tk.span >= 0 && d.spans[tk.span].open == n:
			sp := d.spans[tk.span]
			if !sp.closed || d.words(n, sp.close) < 4 || d.titleQuotation(tk.span) || sp.close+1 < e && !d.isPunct(sp.close+1, ".") {
				return 0 // "after addressing the “Native Voices of the Canyon” event": a name in the clause
			}
			return n
		case tk.kind != tWord || tk.span >= 0 || tk.low == "that":
			return 0
		}
	}
	return 0
}

// quotedAs reads "quoted X as" before a gerund whose "as" is at token a:
// X, and where the attribution starts (the reporter quoting X when one is
// named: "The Times quotes a diplomat as saying").
func (d *doc) quotedAs(a, s int) (phrase, int, bool) {
	if !d.is(a, "as") || a-1 < s {
		return phrase{}, 0, false
	}
	p, ok := d.phraseBefore(a-1, s)
	if !ok || p.s-1 < s {
		return phrase{}, 0, false
	}
	switch d.toks[p.s-1].low {
	case "quoted", "quotes", "quoting", "cited", "cites", "citing":
	default:
		return phrase{}, 0, false
	}
	at := p.s - 1
	if r, ok := d.phraseBefore(p.s-2, s); ok && (r.name != "" || r.pronoun != "") {
		at = r.s
	}
	return p, at, true
}

// onlyTitles reports whether [s, e) holds a person's titles alone ("CEO",
// "Vice President") or one word for what a person does ("Lobbyist"), no
// name and no group ("Democrats").
func (d *doc) onlyTitles(s, e int) bool {
	for k := s; k < e; k++ {
		lw := d.toks[k].low
		if !titleWords[trimDot(lw)] && lw != "ceo" && lw != "and" && !(e-s == 1 && whatOneDoes(lw) && !givenName(lw)) || strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss") {
			return false
		}
	}
	return e > s
}

// nounCue reports whether the cue at k, in a form ending in s, is a noun
// after a possessive ("his Islamophobic remarks loomed large", "her
// claims") or a word counting many ("in many Asian states, said …"): a
// verb in the singular follows neither.
func (d *doc) nounCue(k, s int) bool {
	if !strings.HasSuffix(d.toks[k].low, "s") {
		return false
	}
	for b := k - 1; b >= s && b >= k-2; b-- {
		if d.toks[b].kind != tWord || d.toks[b].span >= 0 {
			return false
		}
		if possessives[d.toks[b].low] || pluralQuantifiers[d.toks[b].low] {
			return true
		}
	}
	return false
}

// pluralQuantifiers count the plural noun after them.
var pluralQuantifiers = set("many several various numerous both few these those")

// singularBetween reports whether a verb in the singular stands in [s, e]
// between a subject and its cue ("has said", "is quoted as saying") or is
// the cue ("says").
func (d *doc) singularBetween(s, e int) bool {
	for k := s; k <= e && k < len(d.toks); k++ {
		if singularVerbs[d.toks[k].low] || k == e && strings.HasSuffix(d.toks[k].low, "s") && !strings.HasSuffix(d.toks[k].low, "ss") {
			return true
		}
	}
	return false
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
	if n < e && adverbialPrepositions[d.toks[n].low] {
		n = d.skipAdverbials(n, e) // "…, wrote Osman Abu Laban on Facebook."
	}
	return n >= e || d.toks[n].kind != tWord || d.toks[n].cap
}

// studyNouns are documents whose author speaks through them after
// "according to": "a 2013 study by economists X and Y", "a report in X".
var studyNouns = set("study studies survey analysis poll research audit estimate estimates article story audio video transcript")

// sourceOf finds the author in "a court document filed by X", "a statement
// from X", "a report by X", "a report in X" starting at i: the token where X's phrase
// starts, or -1.
func (d *doc) sourceOf(i, e int) int {
	for k := i; k < e && k < i+5; k++ {
		tk := &d.toks[k]
		if tk.kind != tWord || tk.span >= 0 || tk.cap && !isNumber(tk.low) {
			return -1
		}
		if !headNouns[tk.low] && !studyNouns[tk.low] {
			continue
		}
		n := k + 1
		switch d.toks[min(n, e-1)].low {
		case "released", "issued", "filed", "published", "sent", "posted", "written", "provided", "conducted", "prepared", "commissioned":
			n++
			for m := n; m < e && m < n+4 && d.toks[m].kind == tWord && d.toks[m].span < 0; m++ {
				if d.is(m, "by") {
					n = m // "a lawsuit filed in Manhattan by …"
					break
				}
			}
		}
		if n < e && (d.is(n, "by") || d.is(n, "from") || d.is(n, "in") && (d.is(k, "report") || d.is(k, "article") || d.is(k, "story"))) && n+1 < e {
			return d.descThenName(n+1, e)
		}
		return -1
	}
	return -1
}

// raisedSpeaker reads "went on to" and "went so far as to" leftwards from
// the "to" at j: the token before "went", or -1.
func (d *doc) raisedSpeaker(j, s int) int {
	b := j - 1
	switch {
	case d.is(b, "on"):
		b--
	case d.is(b, "as") && d.is(b-1, "far") && d.is(b-2, "so"):
		b -= 3
	default:
		return -1
	}
	if b < s || !(d.is(b, "went") || d.is(b, "go") || d.is(b, "goes") || d.is(b, "gone")) {
		return -1
	}
	return b - 1
}

// colonQuote reports whether a colon followed by a quotation comes within
// the first few words of the sentence at s.
func (d *doc) colonQuote(s, e int) bool {
	for k := s + 1; k < e && k < s+8; k++ {
		if d.toks[k].kind != tWord {
			return d.isPunct(k, ":") && k+1 < e && d.toks[k+1].kind == tOpen
		}
	}
	return false
}

// forceful reports whether the words at n after "slammed" or "blasted"
// tell a blow or a shot, not words: a direction ("slammed into Florida",
// "slams home the winner", "slammed his face into the pavement") or a
// distance or count ("blasted a 336-yard drive", "slamming 42 home runs");
// a direction after an object, unless the sentence goes on to say how it
// was judged ("as", "for", a quotation).
func (d *doc) forceful(n, e int) bool {
	if n < e && (blowWords[d.toks[n].low] || isNumber(d.toks[n].low) || n+1 < e && (d.is(n, "a") || d.is(n, "an")) && isNumber(d.toks[n+1].low)) {
		return true
	}
	blow := false
	for k := n; k < e; k++ {
		if d.toks[k].kind == tOpen || d.is(k, "as") || d.is(k, "for") {
			return false // "slammed the inquiry into Biden as “failure theater”"
		}
		blow = blow || k < n+4 && blowWords[d.toks[k].low]
	}
	return blow
}

// blowWords are the directions a blow or a shot takes.
var blowWords = set("into onto home down shut through past open")

// clauseOpens reports whether a clause begins at n: a short subject, no
// article or number opening it, then a verb that makes a clause ("reported
// ISIS has been funneling …"), not an object ("reported a loss of $5
// million", "reported 30 new cases").
func (d *doc) clauseOpens(n, e int) bool {
	if n >= e || d.toks[n].kind != tWord || d.toks[n].span >= 0 || determiners[d.toks[n].low] && !d.is(n, "the") || isNumber(d.toks[n].low) || numberWords[d.toks[n].low] ||
		clauseWords[d.toks[n].low] || adverbialPrepositions[d.toks[n].low] || strings.HasSuffix(d.toks[n].low, "ing") {
		return false
	}
	for k := n + 1; k < e && k <= n+5; k++ {
		tk := &d.toks[k]
		if tk.kind != tWord || tk.span >= 0 || clauseWords[tk.low] || adverbialPrepositions[tk.low] {
			return false // "record profits as demand soared"
		}
		if d.hasFinite(k, k+1) {
			return true
		}
	}
	return false
}

// asideSubject returns the subject of a clause set off by commas that ends
// just before the gerund at k ("The ban is unfair, Tom Diaz said, adding
// that …"): the one who adds is who spoke in it, not the sentence's
// subject. aside reports whether there is such a clause; the phrase is
// empty when its subject names no speaker ("Baristas were a target, the
// court also ruled, adding that …").
func (d *doc) asideSubject(s, k int) (p phrase, aside bool) {
	v := k - 2
	if v <= s || !d.isPunct(k-1, ",") || d.toks[v].kind != tWord || d.toks[v].cap || d.toks[v].span >= 0 {
		return phrase{}, false
	}
	if c := cues[d.toks[v].low]; (c.base == "" || c.gerund) && !d.hasFinite(v, v+1) {
		return phrase{}, false
	}
	b := v - 1
	for b > s && b > v-6 && d.toks[b].kind == tWord && d.toks[b].span < 0 {
		b--
	}
	if b <= s || b == v-1 || !d.isPunct(b, ",") {
		return phrase{}, false
	}
	if f := &d.toks[b+1]; !f.cap && !determiners[f.low] && !subjectPronouns[f.low] {
		return phrase{}, false // "…, echoed these comments, saying": a predicate, no aside
	}
	j := v - 1
	for j > b && !d.toks[j].cap && (d.toks[j].low == "also" || strings.HasSuffix(d.toks[j].low, "ly")) {
		j-- // "also ruled", "later said"
	}
	q, ok := d.phraseBefore(j, b+1)
	start := q.s - q.pre
	if ok && start > b+1 && determiners[d.toks[b+1].low] {
		start--
	}
	if ok && start == b+1 && q.ok() {
		return q, true
	}
	// "the court also ruled": a subject that names no speaker
	return phrase{}, j-b <= 3 && determiners[d.toks[b+1].low] && !d.toks[j].cap
}
