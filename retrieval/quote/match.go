package quote

import "strings"

// match is one attribution phrase: a reporting verb with its speaker
// ("Putin said", "said a statement released by China", "according to X").
type match struct {
	cue       int // token of the cue word
	info      cueInfo
	cueText   string
	subj      phrase
	ent       int // entity, -1 when unresolved
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

// matches finds the attribution phrases of sentence [s, e).
func (d *doc) matches(s, e int) []match {
	var ms []match
	for k := s; k < e; k++ {
		tk := &d.toks[k]
		if tk.span >= 0 || tk.kind != tWord {
			continue
		}
		lw := fold(tk.text)
		if lw == "according" && d.is(k+1, "to") {
			if p, ok := d.phraseAfter(k+2, e); ok && p.pronoun == "" {
				end := d.appositive(&p, p.e, e)
				ms = append(ms, match{cue: k, cueText: d.slice(k, k+2), subj: p, start: k, end: end, according: true, ent: -1})
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
	m := match{cue: k, info: info, cueText: d.toks[k].text, start: k, end: k + 1, ent: -1}
	j := k - 1
	for j >= s && d.toks[j].kind == tWord && !d.toks[j].cap && d.toks[j].span < 0 &&
		(auxiliaries[fold(d.toks[j].text)] || strings.HasSuffix(d.toks[j].text, "ly") && len(d.toks[j].text) > 4) {
		j--
	}
	if j >= s && d.toks[j].kind == tWord && d.toks[j].span < 0 {
		lw := fold(d.toks[j].text)
		if negations[lw] || strings.HasSuffix(lw, "n't") || (passive[lw] && !info.gerund) || lw == "to" {
			return m, false
		}
	}
	prevClose := j >= s && j == k-1 && (d.toks[j].kind == tClose || d.isPunct(j, "—–"))
	prevComma := j >= s && j == k-1 && d.isPunct(j, ",")
	switch {
	case info.gerund:
		if !(d.isPunct(k-1, ",—–") || d.is(k-1, "as") || d.is(k-1, "by") || d.is(k-1, "and") || d.is(k-1, "while") || d.is(k-1, "before") || d.is(k-1, "after")) {
			return m, false
		}
		p, ok := d.mainSubject(s, k)
		if !ok {
			return m, false
		}
		m.subj = p
	case info.invert && (prevClose || prevComma && d.invertedAhead(k+1, e)):
		p, ok := d.phraseAfter(k+1, e)
		if !ok || p.desc == "" && p.name == "" && p.pronoun == "" {
			return m, false
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
	}
	if info.object && !m.inverted {
		m.end = d.hearer(m.end, e)
	}
	return m, true
}

// invertedAhead reports whether a speaker phrase (not a clause) follows a
// cue after a comma: "…, said Adriaan Schout, Europe coordinator …".
func (d *doc) invertedAhead(i, e int) bool {
	p, ok := d.phraseAfter(i, e)
	if !ok || p.pronoun != "" {
		return ok
	}
	end := d.appositive(&p, p.e, e)
	return end >= e || d.isPunct(end, ".!?;") || d.toks[end].kind == tOpen || d.isPunct(end, ":")
}

// subjectBefore parses the speaker before a cue whose last token before the
// cue (after auxiliaries) is j, skipping an appositive: "Debbie Walsh,
// director of the Center …, said".
func (d *doc) subjectBefore(j, s int) (phrase, bool) {
	if d.isPunct(j, ",") {
		for c := j - 1; c >= s && c > j-30; c-- {
			if d.toks[c].span >= 0 || d.toks[c].kind == tOpen || d.toks[c].kind == tClose {
				break
			}
			if !d.isPunct(c, ",") {
				continue
			}
			p, ok := d.phraseBefore(c-1, s)
			if !ok || p.name == "" && p.pronoun == "" {
				return phrase{}, false
			}
			if p.role == "" {
				ap := d.slice(c+1, j)
				if w := fold(d.toks[c+1].text); determiners[w] || roleWords[w] || d.toks[c+1].cap {
					p.role = ap
				}
			}
			return p, true
		}
		return phrase{}, false
	}
	p, ok := d.phraseBefore(j, s)
	if !ok {
		return p, false
	}
	if p.pronoun == "he" || p.pronoun == "she" {
		return p, true // "as Xi departed he told Putin"
	}
	// the phrase must start the clause: sentence start, punctuation, a
	// quotation, a conjunction or a relative word
	if b := p.s - 1; b >= s {
		tk := d.toks[b]
		if tk.kind == tWord && tk.span < 0 {
			switch fold(tk.text) {
			case "and", "but", "as", "while", "when", "so", "yet", "because", "although", "though", "which", "who", "after", "before", "since", "where", "then", "also", "if", "that", "whereas", "once", "until":
			default:
				if !tk.cap && !stopCaps[fold(tk.text)] {
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
	w := fold(d.toks[i+1].text)
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
	if hearers[fold(d.toks[i].text)] {
		return i + 1
	}
	if p, ok := d.phraseAfter(i, e); ok && p.name != "" {
		return p.e
	}
	// "the crowd", "an audience of supporters": a short lower-case phrase
	if determiners[fold(d.toks[i].text)] {
		for k := i + 1; k < e && k < i+4; k++ {
			if d.toks[k].kind != tWord || d.toks[k].span >= 0 {
				break
			}
			if hearers[fold(d.toks[k].text)] {
				return k + 1
			}
		}
	}
	return i
}

// mainSubject finds the subject of the sentence's main clause, before
// token k: the first speaker phrase followed by a lower-case word, after
// any leading conjunction or introductory phrase ending in a comma.
func (d *doc) mainSubject(s, k int) (phrase, bool) {
	i := s
	if w := fold(d.toks[i].text); i < k && d.toks[i].cap && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")) && !subjectPronouns[w] {
		// "Commenting on the meeting, the White House said …"
		for c := i + 1; c < k && c < i+15; c++ {
			if d.isPunct(c, ",") {
				i = c + 1
				break
			}
		}
	}
	for i < k && d.toks[i].span < 0 && d.toks[i].kind == tWord && d.toks[i].cap && stopCaps[fold(d.toks[i].text)] && !titleWords[fold(d.toks[i].text)] {
		w := fold(d.toks[i].text)
		if subjectPronouns[w] {
			break
		}
		i++
		if isPreposition(w) {
			// skip an introductory phrase up to its comma
			for c := i; c < k && c < i+12; c++ {
				if d.isPunct(c, ",") {
					i = c + 1
					break
				}
			}
		}
	}
	for i < k && (d.toks[i].kind == tOpen || d.toks[i].span >= 0) {
		i++ // a quotation opening the sentence
		if i < k && d.toks[i-1].kind == tClose {
			break
		}
	}
	p, ok := d.phraseAfter(i, k)
	if !ok || p.e >= k || d.toks[p.e].kind != tWord || d.toks[p.e].cap {
		if ok && p.e < k && d.isPunct(p.e, ",") {
			// "Putin, who …, said"
			return p, true
		}
		return phrase{}, false
	}
	return p, true
}

func isPreposition(w string) bool {
	switch w {
	case "in", "on", "at", "after", "before", "during", "speaking", "asked", "for", "with", "from", "since", "despite", "amid", "following", "earlier", "later", "last", "commenting", "writing", "addressing", "responding", "as", "when", "while", "if", "although", "though", "because", "to", "under", "over", "by":
		return true
	}
	return false
}
