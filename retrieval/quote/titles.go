package quote

import "strings"

// titleLeads stand right before the title of a show, book or film
// ("on “Meet the Press”", "in “The Art of the Deal”").
var titleLeads = set("on in from")

// titleSmallWords may stay lower case inside a title, as "with" does in
// "Generations with Kevin Swanson".
var titleSmallWords = set("with a an to by from as vs")

// workNouns name works whose title may follow them, set off by a comma
// ("his weekly radio show, “Generations with Kevin Swanson,”").
var workNouns = set(`show program programme book film movie series podcast column song album documentary
	memoir novel play newsletter blog essay segment broadcast`)

// title reports whether quotation sp names a work rather than quoting
// words: a few words, each capitalised but those that join a name
// ("Sunday Morning Futures", "Meet the Press"), after a preposition or a
// possessive ("on Fox News channel’s “Sunday Morning Futures,”").
func (d *doc) title(sp int) bool {
	o := d.spans[sp].open
	if o == 0 || d.toks[o-1].kind != tWord {
		return false
	}
	before := d.toks[o-1].low
	if !titleLeads[before] && trimPossessive(before) == before {
		return false
	}
	return d.titleCased(sp)
}

// workTitle reports whether quotation sp is the title of a work set off
// after the noun naming it ("his radio show, “Generations with Kevin
// Swanson,” …") or after the maker it names ("David Gibson, author of “The
// Rule of Benedict,” a biography"). It quotes no one.
func (d *doc) workTitle(sp int) bool {
	o := d.spans[sp].open
	if o < 2 || d.toks[o-2].kind != tWord || !d.titleCased(sp) {
		return false
	}
	return d.isPunct(o-1, ",") && workNouns[d.toks[o-2].low] || d.is(o-1, "of") && roleLike(d.toks[o-2].low)
}

// titleCased reports whether quotation sp holds a few words, each
// capitalised but those that join a name.
func (d *doc) titleCased(sp int) bool {
	return d.titleCasedUpTo(sp, 6)
}

// titleCasedUpTo is titleCased for titles of up to n tokens.
func (d *doc) titleCasedUpTo(sp, n int) bool {
	is, ie := d.inner(sp)
	return ie-is >= 1 && ie-is <= n && d.capitalised(is, ie, ",:&", nameJoiners)
}

// capitalised reports whether [s, e) opens with a capital and holds words
// each capitalised but the joiners and titleSmallWords, and punctuation
// of marks alone.
func (d *doc) capitalised(s, e int, marks string, joiners map[string]bool) bool {
	for k := s; k < e; k++ {
		tk := &d.toks[k]
		if tk.kind == tPunct && strings.Contains(marks, tk.text) {
			continue
		}
		if tk.kind != tWord || !tk.cap && !joiners[tk.low] && !titleSmallWords[tk.low] {
			return false
		}
	}
	return d.toks[s].cap
}

// runsOn returns where the clause a quotation goes on into ends, when the
// quotation stands right after its cue and lower-case words follow it
// (said “there could be” a line that …), or -1: the words after it are
// what was said too. A quotation closing on a comma ends the words; a
// comma before a new subject ends the clause.
func (d *doc) runsOn(sp int, ms []match, m *match, e int) int {
	q := d.last(sp) + 1
	if !d.spans[sp].closed || q >= e || d.toks[q].kind != tWord || d.toks[q].cap || d.toks[q].span >= 0 || relatives[d.toks[q].low] {
		return -1
	}
	end := d.wordsEnd(q, e)
	if d.isInnerPunct(d.spans[sp].close-1, ",") {
		return -1 // “We’ll see,” when asked …: the writer goes on
	}
	if m.info.base == "call" || m.info.base == "describe" {
		return -1 // called it “a disgrace” in his book: a name for something
	}
	ce := d.trimEnd(q, end, ms, m)
	if d.subordinateLead(d.sents[d.sentOf(m.start)].s, m) {
		// "While he said “many field staff” would come, the team laid off
		// …": the words end with the subordinate clause
		if k := d.commaAfter(q, ce); k > 0 {
			ce = k - 1
		}
	}
	for k := q; k+1 < ce; k++ {
		if d.isPunct(k, ",") && d.toks[k+1].kind == tWord && (d.toks[k+1].cap || subjectPronouns[d.toks[k+1].low]) {
			ce = k // “I am so sick …” about her record, Sanders jabbed …
			break
		}
	}
	if d.words(q, ce) < 2 {
		return -1
	}
	return ce
}

// titleQuotation reports whether quotation sp is a title of a few
// capitalised words, a full stop or comma inside its closing mark
// allowed ("who directed “Winter’s Bone” and “Leave No Trace.”").
func (d *doc) titleQuotation(sp int) bool {
	is, ie := d.inner(sp)
	if ie > is && d.isInnerPunct(ie-1, ".,") {
		ie--
	}
	return ie-is >= 1 && ie-is <= 16 && d.capitalised(is, ie, ":&-", titleJoiners)
}
