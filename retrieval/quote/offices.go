package quote

import "strings"

// majorLeague reports whether token k is the "Major" of a league's name
// ("Major League Soccer"), not a military rank.
func (d *doc) majorLeague(k int) bool {
	return d.is(k, "major") && d.is(k+1, "league")
}

// domainThenName returns where the name starts in an office named with
// what it is of, for or to, then the person: "Bank of America Chief
// Executive Brian Moynihan", "Vice President for Policy Jane Ruiz",
// "Deputy Ambassador to the UN Geng Shuang". A known given name, followed
// by one or two capitalised words that end the phrase, marks the person;
// between "of" or "for" and it stand capitalised words alone, one or
// ending like a domain. After a place (or, after "to", an acronym) the
// last two words are the name whatever they are. It returns 0 when there
// is no such name.
func (d *doc) domainThenName(s, e int) int {
	for k := s + 1; k+3 < e; k++ {
		lw := d.toks[k].low
		if lw == "to" {
			// "Deputy Ambassador to the UN Geng Shuang": an acronym or a
			// place, then two names ("adviser to President Joe Biden" is
			// someone else)
			a := d.afterThe(k + 1)
			if !d.capsFrom(a, e) {
				break
			}
			if a+1 == e-2 && (acronym(d.toks[a].text) || places[d.toks[a].low]) {
				return e - 2
			}
			for j := max(a+1, e-3); j < e-1; j++ {
				if givenName(d.toks[j].low) && !titleWords[trimDot(d.toks[j-1].low)] {
					return j // "Ambassador to the United Nations Linda Thomas-Greenfield"
				}
			}
			break
		}
		if lw != "of" && lw != "for" {
			continue
		}
		a := d.afterThe(k + 1)
		if !d.capsFrom(a, e) {
			break
		}
		// "Bank of America Merrill Lynch" is one institution: after one,
		// an office must come before the person
		office := !orgWords[d.toks[k-1].low]
		if place := d.toks[a].low; office && (a+1 == e-2 && (places[place] || a > k+1 && acronym(d.toks[a].text) && d.onlyTitles(s, k)) || a+2 == e-2 && places[place+"-"+d.toks[a+1].low]) {
			// "Archbishop of Jerusalem Hosam Naoum", "Secretary-General of
			// the U.N. António Guterres": a place, then two names
			return e - 2
		}
		for j := max(a+1, e-3); j < e-1; j++ {
			before := d.toks[j-1].low
			if d.toks[j].cap && givenName(d.toks[j].low) && (office && (j == a+1 || domainEnd(before)) || roleLike(before) || titleWords[before]) {
				return j
			}
		}
		break
	}
	return 0
}

// officeTo reports whether "to" at token k joins an office to what it
// serves ("Ambassador to Japan", "adviser to the president"): a title or
// role word before it, a capitalised word (after "the") after it.
func (d *doc) officeTo(k int) bool {
	a := d.afterThe(k + 1)
	if k < 1 || a >= len(d.toks) || !d.toks[a].cap || d.toks[a].kind != tWord {
		return false
	}
	w := trimDot(d.toks[k-1].low)
	return titleWords[w] || roleLike(w)
}

// officeToAt returns where "to" joins an office to what it serves in
// [s, e) when the phrase is only that ("Senior adviser to President Joe
// Biden", "Ukraine's ambassador to Israel"): before "to" titles, roles,
// an owner or a country, after it capitalised words. It returns 0
// otherwise.
func (d *doc) officeToAt(s, e int) int {
	for k := s + 1; k+1 < e; k++ {
		if !d.is(k, "to") || !d.officeTo(k) {
			continue
		}
		for x := s; x < k; x++ {
			w := trimDot(d.toks[x].low)
			if !titleWords[w] && !roleLike(w) && !(d.toks[x].cap && (possessive(w) || !givenName(w))) {
				return 0 // "U.S. ambassador to Israel", "Ukraine's ambassador to Israel"
			}
		}
		if d.capsFrom(d.afterThe(k+1), e) {
			return k
		}
		return 0
	}
	return 0
}

// domainEnd reports whether w, one of several words after "of" or "for",
// may end what an office is of or for ("Football Operations", "Public
// Lands") rather than be a first given name the lexicon lacks ("Chief of
// Staff Camille Joseph Varlack").
func domainEnd(w string) bool {
	if places[w] || orgWords[w] || roleLike(w) {
		return true
	}
	for _, suf := range []string{"s", "ing", "tion", "sion", "ment", "ty", "cy", "ce", "gy"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// capsFrom reports whether tokens [s, e) are capitalised words, with
// only the lower-case words that join a name between them.
func (d *doc) capsFrom(s, e int) bool {
	for k := s; k < e; k++ {
		if tk := &d.toks[k]; tk.kind != tWord || !tk.cap && !nameJoiners[tk.low] {
			return false
		}
	}
	return d.toks[s].cap
}

// afterThe returns k, or the token after it when k is "the".
func (d *doc) afterThe(k int) int {
	if d.is(k, "the") {
		return k + 1
	}
	return k
}
