package quote

import "strings"

// stmt is a statement found in the article, before it becomes a Quote.
type stmt struct {
	ent   int  // entity, -1 when the speaker is unresolved (dropped at the end)
	kind  Kind // direct, indirect or mixed
	s, e  int  // tokens of the text (a direct quotation's marks excluded)
	sent  int  // sentence index
	span  int  // quotation for direct statements, -1 otherwise
	cue   string
	rule  string
	match *match
}

// attribute finds the statements of sentence si: quotations attributed by
// a phrase after or before them, then reported speech of the phrases left.
func (d *doc) attribute(si int, ms []match, owner []int, out *[]stmt) {
	sn := d.sents[si]
	s, e := sn.s, sn.e
	for k := s; k < e; k++ {
		tk := &d.toks[k]
		if tk.kind != tOpen || tk.span < 0 || d.spans[tk.span].open != k {
			continue
		}
		sp := tk.span
		if owner[sp] >= 0 || d.workTitle(sp) || d.title(sp) && d.frontedAdverbial(d.trimLead(s, k), k) {
			continue // "Sunday on Fox News channel’s “Sunday Morning Futures,” Issa said …"
		}
		if mi, rule := d.quoteMatch(sp, ms, s, e); mi >= 0 {
			m := &ms[mi]
			m.used = true
			owner[sp] = len(*out)
			is, ie := d.inner(sp)
			kind := Direct
			borrowed := d.is(m.start-1, "as") // "…“drawn the sword for freedom,” as Churchill said": the writer's sentence, X's words
			if m.start > k && strings.HasPrefix(rule, "quote-") && !borrowed {
				// "… and “better reflect the true diversity …,” Mook wrote.":
				// the words leading into the quotation are the speaker's too
				if ps := d.trimLead(s, k); ps < k && (d.toks[k-1].kind == tWord || d.subjectLeadIn(ps, k)) && d.words(ps, k) >= 3 && !d.hasMatchIn(ms, nil, ps, k) && d.unowned(ps, k, owner) {
					is, ie, kind, rule = ps, d.last(sp)+1, Mixed, "clause-"+rule
					for x := ps; x < k; x++ {
						if sp2 := d.toks[x].span; sp2 >= 0 && d.spans[sp2].open == x {
							owner[sp2] = len(*out)
						}
					}
				}
			}
			if kind == Direct && m.start > k && strings.HasPrefix(rule, "quote-") && !borrowed {
				if ps, a, ae := d.embeddedAround(sp, m, ms, owner, s, e); a > 0 {
					// "Despite his “brash personality,” Quill wrote, Lazar
					// is a devoted father": the sentence around the
					// attribution, without it
					first := stmt{ent: m.ent, kind: Mixed, s: ps, e: d.last(sp) + 1, sent: si, span: sp, cue: m.cueText, rule: "embedded-" + rule, match: m}
					after := first
					after.s, after.e, after.span = a, ae, -1
					*out = append(*out, first, after)
					continue
				}
			}
			if rule == "speaker-cue-quote" || rule == "according-quote" {
				if ce := d.runsOn(sp, ms, m, e); ce > 0 {
					// said “there could be” a line that …: one mixed statement
					is, ie, kind, rule = k, ce, Mixed, rule+"-clause"
				}
			}
			*out = append(*out, stmt{ent: m.ent, kind: kind, s: is, e: ie, sent: si, span: sp, cue: m.cueText, rule: rule, match: m})
		}
	}
	for i := range ms {
		m := &ms[i]
		if m.used {
			continue
		}
		cs, ce, rule := d.content(m, ms, s, e)
		if cs < 0 || d.nameOnly(cs, ce) || d.linkOnly(cs, ce) {
			continue
		}
		m.used = true
		kind, spans := Indirect, 0
		only := -1
		for k := cs; k < ce; k++ {
			if sp := d.toks[k].span; sp >= 0 && d.spans[sp].open == k {
				spans++
				only = sp
			}
		}
		if spans == 1 && d.spans[only].open == cs && d.last(only) == ce-1 {
			kind = Direct
			cs, ce = d.inner(only)
			rule += "-direct"
		} else if spans > 0 {
			kind = Mixed
		}
		st := stmt{ent: m.ent, kind: kind, s: cs, e: ce, sent: si, span: -1, cue: m.cueText, rule: rule, match: m}
		if kind == Direct {
			st.span = only
		}
		for k := cs; k < ce; k++ {
			if sp := d.toks[k].span; sp >= 0 && d.spans[sp].open == k && owner[sp] < 0 {
				owner[sp] = len(*out)
			}
		}
		if rule == "clause-speaker-cue-clause" || rule == "clause-as-speaker-cue-clause" {
			a := d.commaAfter(m.end, ce)
			if d.isPunct(m.end-1, ",") {
				a = m.end // an appositive after an inverted speaker ends on its comma
			}
			b := m.start - 1
			if d.is(b, "as") {
				b-- // "The flooding, as the Chronicle reported, was …"
			}
			if cs < b && a > 0 && a < ce {
				// the words on either side of the attribution, without it:
				// "The golf industry … is doing better"
				after := st
				st.e, after.s = b, a
				*out = append(*out, st, after)
				continue
			}
		}
		*out = append(*out, st)
	}
}

// commaAfter returns the token after the first comma in [i, e), or -1.
func (d *doc) commaAfter(i, e int) int {
	for k := i; k < e; k++ {
		if d.isPunct(k, ",") {
			return k + 1
		}
	}
	return -1
}

// subjectLeadIn reports whether [s, k), set off by a comma before the
// quotation opening at k, is the subject its lower-case words go on
// with: The party, typically attended by hundreds, "allows us to get our
// message out," said … An adverbial (In his speech, "we will …") is not.
func (d *doc) subjectLeadIn(s, k int) bool {
	if !d.isPunct(k-1, ",") || k+1 >= len(d.toks) || d.toks[k+1].kind != tWord || d.toks[k+1].cap {
		return false
	}
	first := &d.toks[s]
	if first.kind != tWord || first.span >= 0 || openers[first.low] || stopCaps[first.low] || strings.HasSuffix(first.low, "ly") || strings.HasSuffix(first.low, "ing") {
		return false
	}
	return first.cap || first.low == "the" || first.low == "a" || first.low == "an"
}

// last returns the last token of a quotation (its closing mark when closed).
func (d *doc) last(sp int) int {
	if d.spans[sp].closed {
		return d.spans[sp].close
	}
	return d.spans[sp].close - 1
}

// inner returns the tokens of a quotation's words: marks, repeated marks at
// its ends and a trailing comma left out.
func (d *doc) inner(sp int) (int, int) {
	s, e := d.spans[sp].open+1, d.spans[sp].close
	for e > s && d.isInnerPunct(e-1, ",;:—–") {
		e--
	}
	return s, e
}

func (d *doc) isInnerPunct(k int, set string) bool {
	return d.toks[k].kind == tPunct && strings.Contains(set, d.toks[k].text)
}

// quoteMatch finds the attribution phrase of quotation sp: right after it
// ("…," Putin said / said Putin / he told reporters) or right before it
// (Putin said: "…" / Xi told Putin: "…"). A speaker before it goes before
// the outlet after it that reports the words ("Putin declared, “…,” the
// AP reported").
func (d *doc) quoteMatch(sp int, ms []match, s, e int) (int, string) {
	if d.workTitle(sp) {
		return -1, "" // "David Gibson, author of “The Rule of Benedict,” a biography"
	}
	i, rule := d.quoteAfter(sp, ms, s, e)
	if i >= 0 && ms[i].info.base == "report" {
		if b, brule := d.quoteBefore(sp, ms); b >= 0 {
			return b, brule
		}
	}
	if i >= 0 {
		return i, rule
	}
	return d.quoteBefore(sp, ms)
}

// quoteAfter finds the attribution phrase right after quotation sp.
func (d *doc) quoteAfter(sp int, ms []match, s, e int) (int, string) {
	q := d.last(sp) + 1
	if d.titleQuoted(sp) {
		q = e // "Breaking Bad" actor Bryan Cranston said: a title, no quotation
	}
	for n := 0; n < 3 && q < e && (d.isPunct(q, ",—–-") || (d.toks[q].kind == tClose || d.toks[q].kind == tOpen) && d.toks[q].span < 0); n++ {
		q++
	}
	if q < e && d.toks[q].kind == tOpen && d.toks[q].span >= 0 && d.toks[q].span != sp && d.titleQuoted(d.toks[q].span) {
		// "…," "Breaking Bad" actor Bryan Cranston said: the title is the
		// speaker's description
		q = d.last(d.toks[q].span) + 1
	}
	for i := range ms {
		// "…,” as Lopez put it."
		if (ms[i].start == q || d.is(q, "as") && ms[i].start == q+1 && !ms[i].inverted || ms[i].start > q && ms[i].start-q <= 5 && d.plainWords(q, ms[i].start) || d.descriptionBefore(q, ms[i].start)) && !ms[i].info.gerund && !d.ownsClause(&ms[i], e) && !(d.sentenceQuoted(sp) && (d.clauseAfterCue(&ms[i], e) || d.objectAfterCue(&ms[i], e))) {
			switch {
			case ms[i].according:
				return i, "quote-according"
			case ms[i].inverted:
				return i, "quote-cue-speaker"
			}
			return i, "quote-speaker-cue"
		}
	}
	return -1, ""
}

// quoteBefore finds the attribution phrase right before quotation sp.
func (d *doc) quoteBefore(sp int, ms []match) (int, string) {
	o := d.spans[sp].open
	b := o - 1
	if d.isPunct(b, ":,—–") {
		b--
	}
	if d.is(b, "that") {
		b--
	}
	best := -1
	for i := range ms {
		m := &ms[i]
		if m.end > b+1 || m.start >= o {
			continue
		}
		gap := b + 1 - m.end
		if gap > 8 || gap > 0 && !d.isPunct(o-1, ":,") {
			continue
		}
		clean := true
		for k := m.end; k < o; k++ {
			if d.toks[k].span >= 0 || d.isPunct(k, ".;!?") {
				clean = false
				break
			}
		}
		if clean && (best < 0 || m.end > ms[best].end) {
			best = i
		}
	}
	if best >= 0 {
		if ms[best].according {
			return best, "according-quote"
		}
		return best, "speaker-cue-quote"
	}
	return -1, ""
}

// titleQuoted reports whether quotation sp is a title or a nickname, not
// words said: a few words, each capitalised but for joiners ("Breaking
// Bad", "The Marvelous Mrs. Maisel", Tom "Smitty" Smith), closed without
// a comma, a question or an exclamation mark, inside or after it.
func (d *doc) titleQuoted(sp int) bool {
	if !d.spans[sp].closed {
		return false
	}
	o, c := d.spans[sp].open, d.spans[sp].close
	if c+1 < len(d.toks) && d.isPunct(c+1, ",?!…—–-:;") {
		return false
	}
	return d.titleWords(o+1, c)
}

// titleWords reports whether [s, e) is a title's few words, each
// capitalised but for joiners, with no comma, question or exclamation mark.
func (d *doc) titleWords(s, e int) bool {
	words := 0
	for k := s; k < e; k++ {
		t := &d.toks[k]
		switch {
		case t.kind == tPunct && strings.Contains(",?!…", t.text):
			return false
		case t.kind != tWord:
		case !t.cap && !titleJoiners[t.low]:
			return false
		default:
			words++
		}
	}
	return words > 0 && words <= 6
}

// titleJoiners are the words a title leaves in lower case.
var titleJoiners = set("of the a an and or in on at to for with from by vs")

// plainWords reports whether [s, e) holds only lower-case words outside
// quotations: a description before a speaker's name, holding no verb
// ("led to what aide Kevin Phillips called" is no description).
func (d *doc) plainWords(s, e int) bool {
	for k := s; k < e; k++ {
		if lw := d.toks[k].low; d.toks[k].kind != tWord || d.toks[k].span >= 0 || clauseWords[lw] || finite[lw] || irregularPasts[lw] || lw == "what" {
			return false
		}
	}
	return true
}

// descriptionBefore reports whether [s, e) is a short description set off
// before a speaker's name: "the Vatican spokesman, Federico Lombardi,
// told …".
func (d *doc) descriptionBefore(s, e int) bool {
	if e-s < 3 || e-s > 6 || !d.isPunct(e-1, ",") || !d.is(s, "the") && !possessives[d.toks[s].low] {
		return false
	}
	for k := s + 1; k < e-1; k++ {
		if d.toks[k].kind != tWord || d.toks[k].span >= 0 || clauseWords[d.toks[k].low] || finite[d.toks[k].low] {
			return false
		}
	}
	return roleLike(d.toks[e-2].low)
}

// unowned reports whether no quotation opening in [s, e) is attributed yet.
func (d *doc) unowned(s, e int, owner []int) bool {
	for k := s; k < e; k++ {
		if sp := d.toks[k].span; sp >= 0 && d.spans[sp].open == k && owner[sp] >= 0 {
			return false
		}
	}
	return true
}

// sentenceQuoted reports whether quotation sp closes on a full stop inside
// its marks: “… on the South Lawn.” A sentence of its own.
func (d *doc) sentenceQuoted(sp int) bool {
	c := d.spans[sp].close
	return d.spans[sp].closed && c > 0 && d.toks[c-1].kind == tPunct && d.toks[c-1].text == "."
}

// objectAfterCue reports whether a cue other than "say", one that names
// no hearer, takes an object of its own right after it: "Real Alternatives
// denied the allegations", "announced his resignation". A quotation
// closing the sentence before such a cue is not what it reports.
func (d *doc) objectAfterCue(m *match, e int) bool {
	if m.according || m.info.gerund || m.inverted || m.info.base == "say" || m.info.object {
		return false
	}
	c := m.end
	if c >= e || d.toks[c].kind != tWord || d.toks[c].span >= 0 {
		return false
	}
	lw := d.toks[c].low
	return lw != "that" && (determiners[lw] || possessives[lw])
}

// clauseAfterCue reports whether a say-type cue goes on with a clause of
// its own, no "that" needed: "Ventura said there are several small
// fires", "Sams said the allegations were scrutinized". A quotation
// closing the sentence before such a cue is someone's words before it,
// not the ones it reports.
func (d *doc) clauseAfterCue(m *match, e int) bool {
	if m.according || m.info.gerund || m.inverted || m.info.base != "say" {
		return false
	}
	c := m.end
	if c+1 >= e || d.toks[c].kind != tWord || d.toks[c].span >= 0 {
		return false
	}
	if lw := d.toks[c].low; subjectPronouns[lw] || lw == "there" || lw == "we" || lw == "i" {
		return d.toks[c+1].kind == tWord && d.toks[c+1].span < 0 && !adverbialPrepositions[d.toks[c+1].low]
	}
	return d.clauseOpens(c, e)
}

// embeddedAround reads a quotation that words of the sentence lead into
// without a comma, followed by its attribution and, after a comma, the
// clause the sentence goes on with: "Despite his “brash personality,”
// Quill wrote, Lazar is a devoted father". It returns where the words
// leading in start and the clause's bounds, or a = -1.
func (d *doc) embeddedAround(sp int, m *match, ms []match, owner []int, s, e int) (ps, a, ae int) {
	k := d.spans[sp].open
	ps = d.trimLead(s, k)
	if ps >= k || d.toks[k-1].kind != tWord || d.hasMatchIn(ms, nil, ps, k) || !d.unowned(ps, k, owner) || !d.isPunct(m.end, ",") {
		return 0, -1, 0
	}
	a, ae = m.end+1, e
	for ae > a && d.toks[ae-1].kind != tWord {
		ae--
	}
	for x := a; x < ae; x++ {
		if d.toks[x].span >= 0 {
			return 0, -1, 0
		}
	}
	if d.words(a, ae) < 3 || !d.clauseOpens(a, ae) || d.hasMatchIn(ms, m, a, ae) {
		return 0, -1, 0
	}
	return ps, a, ae
}
