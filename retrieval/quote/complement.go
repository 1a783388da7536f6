package quote

import "strings"

// objectCues take what follows "to" or "with" as the thing answered, so a
// "that" after it belongs to that thing ("responded to reports that …").
var objectCues = set("respond reply answer")

// clauseAfterPhrase returns where the reported clause starts after a short
// prepositional phrase at c ("in the suit that …", "in both listings he
// was …", the latter only when pronouns), or -1.
func (d *doc) clauseAfterPhrase(c, end int, pronouns bool) int {
	if c+1 < end && strings.HasSuffix(d.toks[c+1].low, "ing") {
		return -1 // "wrote after being dissatisfied with the answers he was getting"
	}
	for k := c + 1; k < end && k < c+8; k++ {
		if d.toks[k].span >= 0 || d.isPunct(k, ",;:") {
			return -1
		}
		if d.is(k, "that") {
			if d.verbAt(k + 1) {
				return -1 // "wrote in a brief that included …": a relative clause
			}
			return k + 1
		}
		if pronouns && (subjectPronouns[d.toks[k].low] || d.is(k, "i") || d.is(k, "we")) {
			return k
		}
	}
	return -1
}

// ownsComplement reports whether what follows a cue at c is its own
// complement, so that the clause before the speaker is not what was said:
// "…, he announced his resignation", "…, she asked the crowd to stand",
// "…, Mr. Cruz pledged to oppose …". A cue that ends its clause ("…, he
// said.", "…, she told reporters in Iowa") owns nothing after it.
func (d *doc) ownsComplement(m *match, c, end int) bool {
	if m.according || c < 1 {
		return false
	}
	word := c < end && d.toks[c].kind == tWord && d.toks[c].span < 0
	if c-1 >= m.end && d.is(c-1, "that") && word && !adverbialHeads[d.toks[c].low] && !periodWords[d.toks[c].low] {
		return true // "asked him that question"; not "told him that day"
	}
	if !word {
		return false
	}
	lw := d.toks[c].low
	switch {
	case lw == "to":
		return c == m.end && d.infinitive(c+1)
	case m.info.base != "say" && lw != "that" && (determiners[lw] || possessives[lw]):
		return true // "announced his resignation"
	}
	return false
}

// infinitive reports whether token i after "to" looks like a verb's base
// form ("to oppose", "to stand"), not a hearer or a noun ("to reporters",
// "to CNN", "to applause").
func (d *doc) infinitive(i int) bool {
	if i < len(d.toks) && d.toks[i].kind == tOpen && d.toks[i].span >= 0 {
		return true // to “take our fight” to the states
	}
	if i >= len(d.toks) || d.toks[i].kind != tWord || d.toks[i].span >= 0 || d.toks[i].cap {
		return false
	}
	lw := d.toks[i].low
	if determiners[lw] || possessives[lw] || hearers[lw] || subjectPronouns[lw] || adverbialHeads[lw] && !verbHeads[lw] || notVerbsAfterTo[lw] || isNumber(lw) || strings.HasSuffix(lw, "ing") {
		return false
	}
	return !strings.HasSuffix(lw, "s") || strings.HasSuffix(lw, "ss") || strings.HasSuffix(lw, "us")
}

// verbHeads are adverbialHeads that are verbs too, and as such often
// follow "to": "asked Hamas to release the hostages", "urged Congress to
// address the crisis".
var verbHeads = set("release tweet post email call address report note visit stop show answer reply")

// notVerbsAfterTo are nouns and quantifiers that follow "to" without a
// determiner ("said to applause", "responded to one of …").
var notVerbsAfterTo = set(`applause laughter cheers boos date one two three all some any each every many much
	more most both several few no another other such what whom which`)

// openers begin a sentence's adverbial that is never reported content: a
// preposition, a subordinator or a participle ("During the two-hour
// service, X asked …", "When asked about it, X said …", "Asked about it, X
// said …", "Shortly after my sentence, X announced …").
var openers = set(`in on at during after before since following despite amid amidst among under with
	without upon throughout when whenever as though although while because if unless until once whereas
	asked speaking writing`)

// finite are words that make a clause of what follows an opener ("In my
// view the plan is dead"): such a clause may be reported.
var finite = set("is are was were will would has have had can could should must do does did may might")

// hasFinite reports whether [s, e) holds a word that makes a clause of it:
// an auxiliary, an irregular past tense or a past tense in -ed.
func (d *doc) hasFinite(s, e int) bool {
	for k := s; k < e; k++ {
		tk := &d.toks[k]
		if tk.kind == tWord && !tk.cap && (finite[tk.low] || irregularPasts[tk.low] || len(tk.low) > 4 && strings.HasSuffix(tk.low, "ed")) {
			return true
		}
	}
	return false
}

// frontedAdverbial reports whether [s, e) is only an adverbial set before
// the speaker ("In a speech last July, he said"), not reported words: it
// opens with one of the openers (or an adverb or a day and one: "Shortly
// after", "Sunday on"), holds no comma (but one before a noun phrase
// describing a preposition's object), and a preposition's phrase holds no
// verb of its own.
func (d *doc) frontedAdverbial(s, e int) bool {
	if s >= e || d.toks[s].kind != tWord || d.toks[s].span >= 0 {
		return false
	}
	k := s
	if (strings.HasSuffix(d.toks[k].low, "ly") || dayName(d.toks[k].low)) && k+1 < e && openers[d.toks[k+1].low] {
		k++ // "Shortly after …", "Sunday on Fox News …"
	}
	lw := d.toks[k].low
	if !openers[lw] {
		return false
	}
	subordinate := !adverbialPrepositions[lw] || lw == "after" || lw == "before" || lw == "since"
	for j := k + 1; j < e; j++ {
		tk := &d.toks[j]
		if tk.kind == tPunct && tk.text == "," && !subordinate && j+1 < e && determiners[d.toks[j+1].low] && d.toks[j+1].span < 0 {
			continue // "On Friday morning, the third day of his trip,": the time, described
		}
		if tk.span >= 0 || tk.kind == tPunct && tk.text == "," {
			return false
		}
		if !subordinate && tk.kind == tWord && (finite[tk.low] || subjectPronouns[tk.low] || tk.low == "i" || tk.low == "we") {
			return false
		}
	}
	return true
}

// setting reports whether [s, e), before a parenthetical attribution, only
// sets the time or place of what follows ("In the summertime, Manchester
// says, …", "At one point, she said, …"): a fronted phrase opening with a
// preposition, no clause in it. A condition ("If she wins, she said, …")
// belongs to what was said.
func (d *doc) setting(s, e int) bool {
	if s >= e || !d.frontedAdverbial(s, e) || d.hasFinite(s, e) {
		return false
	}
	for k := s; k < e; k++ {
		if d.isPunct(k, ",") || presentVerbs[d.toks[k].low] {
			return false // "In Oakland, the district wants …": a clause follows the place
		}
	}
	lw := d.toks[s].low
	return adverbialPrepositions[lw] && lw != "after" && lw != "before" || lw == "despite" || lw == "amid" || lw == "under" || lw == "throughout"
}

// nameJoiners may stand inside a name ("Center for Regional Change").
var nameJoiners = set("of for the and at in on de la del van von")

// nameOnly reports whether [s, e) holds nothing but a name ("Davis, Center
// for Regional Change", the rest of a speaker's title): no quotation and
// no lower-case word but those that join a name. Reported words say
// something.
func (d *doc) nameOnly(s, e int) bool {
	for k := s; k < e; k++ {
		tk := &d.toks[k]
		if tk.span >= 0 {
			return false
		}
		if tk.kind == tWord && !tk.cap && !nameJoiners[tk.low] && !isNumber(tk.low) {
			return false
		}
	}
	return true
}

// linkOnly reports whether [s, e) is a web address alone ("… reports:
// http://politi.co/1NeJqEY"): it points at the words without saying them.
func (d *doc) linkOnly(s, e int) bool {
	t := d.slice(s, e)
	return !strings.ContainsAny(t, " \t\n") && (strings.Contains(t, "://") || strings.HasPrefix(strings.ToLower(t), "www."))
}

// saidNothing are the quantities said when nothing is reported ("said
// little about how", "said nothing of it").
var saidNothing = set("little nothing much anything something everything")

// introduced reports whether the content at c follows "that" or a colon
// ("added that, in Ohio, …").
func introduced(d *doc, c int) bool {
	return d.is(c-1, "that") || d.isPunct(c-1, ",:") && (d.is(c-2, "that") || d.isPunct(c-1, ":"))
}
