package quote

import "sort"

// continuations gives quotations no phrase attributes to the speaker of the
// statement before them: in the same paragraph, or at the start of the next
// paragraph when the one before ends with a statement, or to the speaker
// announced just before them ("X said in a statement. “…”"). A quotation
// directly followed by an attributed one takes its speaker too.
func (d *doc) continuations(stmts []stmt, owner []int, colon, ahead map[int]herald) []stmt {
	// look-ahead: “A.” “B,” X said.
	for sp := len(d.spans) - 2; sp >= 0; sp-- {
		nx := sp + 1
		if owner[sp] >= 0 || owner[nx] < 0 || !d.spans[sp].closed {
			continue
		}
		c, o := d.spans[sp].close, d.spans[nx].open
		if o == c+1 && d.toks[c].para == d.toks[o].para && stmts[owner[nx]].kind == Direct {
			is, ie := d.inner(sp)
			owner[sp] = len(stmts)
			stmts = append(stmts, stmt{ent: stmts[owner[nx]].ent, kind: Direct, s: is, e: ie, sent: d.sentOf(o), span: sp, cue: stmts[owner[nx]].cue, rule: "quote-before-attributed"})
		}
	}
	sort.SliceStable(stmts, func(i, j int) bool { return stmts[i].s < stmts[j].s })
	for i := range stmts {
		if stmts[i].span >= 0 {
			owner[stmts[i].span] = i
		}
	}
	var out []stmt
	j := 0
	var prev *stmt
	for sp := range d.spans {
		o := d.spans[sp].open
		for j < len(stmts) && stmts[j].s <= o {
			out = append(out, stmts[j])
			prev = &out[len(out)-1]
			j++
		}
		if owner[sp] >= 0 {
			continue
		}
		para := d.toks[o].para
		paraStart := o == 0 || d.toks[o-1].para != para
		rule := ""
		ent := -1
		cue := ""
		if h, ok := ahead[sp]; ok {
			ent, rule, cue = h.ent, "speaker-cue-next-quote", h.cue
		} else if h, ok := colon[para]; ok && paraStart {
			ent, rule, cue = h.ent, "speaker-cue-colon-paragraph", h.cue
			delete(colon, para)
		} else if prev != nil && prev.e > 0 && !d.ownAttribution(sp) && !d.mention(sp) {
			pp := d.toks[prev.e-1].para
			switch {
			case prev.kind == Direct && prev.span == sp-1 && d.splitQuote(sp):
				ent, rule, cue = prev.ent, "split-quote", prev.cue
			case prev.kind != Indirect && prev.span == sp-1 && d.spans[sp-1].closed && d.spans[sp-1].close+1 == o && pp == para && !d.titleQuoted(sp):
				// "Trump said that “ethanol people” “do a fantastic job.”":
				// a quotation right after the one before goes on with it
				ent, rule, cue = prev.ent, "adjacent-quote", prev.cue
			case pp == para && d.startsSentence(o) && !d.namedBetween(prev.e, o, prev.ent):
				ent, rule, cue = prev.ent, "continued", prev.cue
			case pp == para && !d.namedBetween(prev.e, o, prev.ent) && d.leadIn(o) >= 0:
				// "Unless further rivals quit the race, ''it's very difficult …''"
				ls := d.leadIn(o)
				out = append(out, stmt{ent: prev.ent, kind: Mixed, s: ls, e: d.last(sp) + 1, sent: d.sentOf(o), span: sp, cue: prev.cue, rule: "continued-clause"})
				owner[sp] = -2
				prev = &out[len(out)-1]
				continue
			case paraStart && pp == d.toks[o-1].para && prev.kind != Indirect && d.endsParagraph(prev):
				ent, rule, cue = prev.ent, "continued-paragraph", prev.cue
			}
		}
		if rule == "" {
			continue
		}
		is, ie := d.inner(sp)
		out = append(out, stmt{ent: ent, kind: Direct, s: is, e: ie, sent: d.sentOf(o), span: sp, cue: cue, rule: rule})
		owner[sp] = -2
		prev = &out[len(out)-1]
	}
	out = append(out, stmts[j:]...)
	return out
}

// mention reports whether quotation sp is a word or two the writer names
// rather than a sentence someone goes on with: “"Coronavirus" was among the
// runners-up”, “"Quarantine," "kraken" and "malarkey" also made the list”.
// A reply is no mention: “Damn,” he muttered; “Yes,” when asked whether ….
func (d *doc) mention(sp int) bool {
	is, ie := d.inner(sp)
	if ie <= is || d.words(is, ie) > 2 || d.isInnerPunct(ie-1, ".!?…") || !d.spans[sp].closed {
		return false
	}
	n := d.spans[sp].close + 1
	if n >= len(d.toks) || d.toks[n].kind != tWord || d.toks[n].para != d.toks[is].para {
		return true
	}
	if subordinators[d.toks[n].low] {
		return false
	}
	speaker := subjectPronouns[d.toks[n].low] || d.is(n, "i") || d.is(n, "we") || d.is(n, "one") || d.toks[n].cap || determiners[d.toks[n].low] || possessives[d.toks[n].low]
	return !(speaker && n+1 < len(d.toks) && d.toks[n+1].kind == tWord)
}

// ownAttribution reports whether quotation sp is followed in its sentence
// by an attribution of its own to someone other than the speaker before
// it, one naming no speaker we know: an indefinite source ("…,” according
// to an advisory by the state transportation department", "…,” one user
// wrote", "…,” said a spokesman"). A definite one ("…,” the Senate
// minority leader said", "according to the readout") goes back to the
// speaker before.
func (d *doc) ownAttribution(sp int) bool {
	if !d.spans[sp].closed {
		return false
	}
	c := d.spans[sp].close
	k := c + 1
	if d.isPunct(k, ",") {
		k++
	}
	if k >= len(d.toks) || d.toks[k].para != d.toks[c].para || d.sents[d.sentOf(k)].s == k || d.isInnerPunct(c-1, ".!?") && d.toks[k].cap {
		return false // the quotation ends its sentence
	}
	e := d.sents[d.sentOf(k)].e
	if d.is(k, "according") && d.is(k+1, "to") {
		return k+2 < e && indefinites[d.toks[k+2].low] // not "according to the readout"
	}
	for n := k; n < e && n < k+5 && d.toks[n].kind == tWord && d.toks[n].span < 0; n++ {
		if info, ok := cues[d.toks[n].low]; ok && !info.gerund {
			// the speaker before the cue ("one user wrote") or just after
			// it ("said a spokesman")
			for m := k; m <= n+1 && m < e; m++ {
				if indefinites[d.toks[m].low] && d.toks[m].kind == tWord {
					return true
				}
			}
			return false
		}
	}
	return false
}

// indefinites open a speaker that is someone new: "a spokesman", "one
// user".
var indefinites = set("a an one another some several many other others")

// startsSentence reports whether token o opens its sentence (after a
// conjunction at most).
func (d *doc) startsSentence(o int) bool {
	sn := d.sents[d.sentOf(o)]
	k := sn.s
	if k < o && d.toks[k].kind == tWord && stopCaps[d.toks[k].low] {
		k++
	}
	return k == o
}

// endsParagraph reports whether nothing but punctuation and quotations
// already attributed follow the statement in its paragraph.
func (d *doc) endsParagraph(st *stmt) bool {
	p := d.toks[st.e-1].para
	sn := d.sents[st.sent]
	last := sn.e
	for k := last; k < len(d.toks) && d.toks[k].para == p; k++ {
		if k > last+200 {
			return false
		}
		if d.toks[k].kind == tWord && d.toks[k].span < 0 {
			return false
		}
	}
	return true
}

// namedBetween reports whether a sentence between tokens s and e has a
// named subject other than entity ent (a new speaker takes over).
func (d *doc) namedBetween(s, e, ent int) bool {
	if e-s > 300 {
		return true // too far to carry a speaker over
	}
	for k := s; k < e; k++ {
		if d.toks[k].kind == tWord && d.toks[k].span < 0 && d.toks[k].cap && !stopCaps[d.toks[k].low] {
			if sn := d.sents[d.sentOf(k)]; k == sn.s {
				if d.pronounSubject(sn.s, sn.e) {
					continue // "An immigrant from Uganda, she plans to …": the speaker still
				}
				return true
			}
		}
	}
	return false
}

// leadIn returns the start of a short clause leading into the quotation
// opening at o and set off by a comma or colon, in a sentence without
// cues, or -1.
func (d *doc) leadIn(o int) int {
	sn := d.sents[d.sentOf(o)]
	if o == sn.s || !d.isPunct(o-1, ",:") {
		return -1
	}
	s := d.trimLead(sn.s, o)
	if n := d.words(s, o); n < 2 || n > 15 {
		return -1
	}
	for k := s; k < o; k++ {
		if d.toks[k].span >= 0 {
			return -1
		}
		if _, ok := cues[d.toks[k].low]; ok && d.toks[k].kind == tWord {
			return -1
		}
	}
	return s
}

// splitQuote reports whether quotation sp goes on with the one before it
// across the attribution between them, in one sentence: “The risk,” said
// Edward Leamer, an economist at UCLA, “is that …”. The first part ends
// with a comma, inside its marks or after them.
func (d *doc) splitQuote(sp int) bool {
	c, o := d.spans[sp-1].close, d.spans[sp].open
	if !d.spans[sp-1].closed || !d.isPunct(o-1, ",") || !d.isInnerPunct(c-1, ",") && !d.isPunct(c+1, ",") || d.sentOf(c) != d.sentOf(o) || d.words(c, o) > 30 {
		return false
	}
	for k := c + 1; k < o; k++ {
		if _, ok := cues[d.toks[k].low]; ok && d.toks[k].kind == tWord {
			return true
		}
	}
	return false
}

// pronounSubject reports whether the sentence [s, e) is about he or she:
// its subject is the pronoun, or the pronoun follows the description set
// before it ("An immigrant from Uganda who became a citizen, she plans …").
func (d *doc) pronounSubject(s, e int) bool {
	if p, ok := d.mainSubject(s, e); ok && (p.pronoun == "he" || p.pronoun == "she") {
		return true
	}
	if !d.is(s, "a") && !d.is(s, "an") {
		return false
	}
	for k := s + 1; k+1 < e && k < s+30; k++ {
		if d.toks[k].span >= 0 || d.isPunct(k, ";:") {
			return false
		}
		if d.isPunct(k, ",") {
			return d.is(k+1, "he") || d.is(k+1, "she")
		}
	}
	return false
}
