package quote

import "strings"

// timeWords may stand alone between a cue and its content ("said Tuesday").
var timeWords = set(`monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
	again also repeatedly recently earlier later previously once afterward afterwards then now
	separately privately publicly late early`)

// periodWords follow last/this/next ("last week").
var periodWords = set(`week weekend month year night morning afternoon evening summer fall autumn winter
	spring monday tuesday wednesday thursday friday saturday sunday time decade century`)

// adverbialHeads may end a prepositional phrase skipped between a cue and
// its content ("in a statement", "at a news conference", "to reporters").
var adverbialHeads = set(`statement statements interview interviews speech speeches tweet tweets post posts
	letter letters email emails e-mail op-ed video message messages remarks release appearance conference
	call briefing briefings hearing hearings rally rallies debate debates address session meeting meetings
	report note memo filing testimony podcast broadcast book column editorial article event forum summit
	visit trip stop website site blog page account feed show program programme radio television tv segment
	episode discussion exchange phone telephone sermon lecture commencement panel gathering ceremony hall
	comments response answer reply floor chamber week weekend month year night morning afternoon evening
	day days weeks months years past time decade reporters journalists supporters audience crowd voters
	media press network networks station newspaper magazine channel documentary transcript filings court
	letter memoir book statement, announcement announcements declaration communique readout`)

// adverbialPrepositions open a phrase that may be skipped after a cue.
var adverbialPrepositions = set("on in at during to via over through with from before after for inside outside")

// media follow "by" before the content: "said by phone that …".
var media = set("phone telephone email e-mail text letter video")

// possessives may open a skipped phrase ("in his speech").
var possessives = set("his her their its our my your")

// skipAdverbials returns the first token of the content after a cue at c:
// time words, adverbs and short prepositional phrases ("on Tuesday", "in
// an interview with CNN", "on the Kremlin's website") are skipped.
func (d *doc) skipAdverbials(c, e int) int {
	first := c
	for c < e {
		tk := &d.toks[c]
		if tk.kind == tOpen && tk.span >= 0 && c > first && d.title(tk.span) {
			c = d.last(tk.span) + 1 // "in an interview last month on Fox News’ “America’s Newsroom”"
			continue
		}
		if tk.kind != tWord || tk.span >= 0 {
			if d.isPunct(c, ",") && c+1 < e && d.toks[c+1].kind == tWord && adverbialPrepositions[d.toks[c+1].low] {
				// ", in a statement," between commas
				if n := d.adverbialPhrase(c+2, e); n > c+2 && d.isPunct(n, ",") {
					c = n + 1
					continue
				}
			}
			break
		}
		lw := tk.low
		switch {
		case timeWords[lw]:
			c++
		case (lw == "last" || lw == "this" || lw == "next" || lw == "earlier" || lw == "late" || lw == "early") && c+1 < e && periodWords[d.toks[c+1].low]:
			c += 2
		case !tk.cap && len(lw) > 4 && strings.HasSuffix(lw, "ly") && c+1 < e && (d.is(c+1, "that") || d.isPunct(c+1, ",:") || adverbialPrepositions[d.toks[c+1].low]):
			c++
		case lw == "by" && c+1 < e && media[d.toks[c+1].low]:
			c += 2 // "said by phone that …"
		case lw == "back" && d.is(c+1, "that"):
			c++ // "wrote back that …"
		case adverbialPrepositions[lw]:
			if lw == "to" && c == first && d.infinitive(c+1) {
				return c // "asked the crowd to stand": the request, no adverbial
			}
			n := d.adverbialPhrase(c+1, e)
			if n == c+1 {
				return c
			}
			c = n
		default:
			return c
		}
	}
	return c
}

// contentOpeners open the reported words after a cue and its hearer.
var contentOpeners = set("that whether if how why what when where who")

// adverbialPhrase returns the end of a short noun phrase after a
// preposition, or i when there is none.
func (d *doc) adverbialPhrase(i, e int) int {
	best := i
	for k := i; k < e && k < i+7; k++ {
		tk := &d.toks[k]
		if tk.kind == tOpen && tk.span >= 0 && d.title(tk.span) {
			k = d.last(tk.span) // "on “Meet the Press”"
			best = k + 1
			continue
		}
		if tk.kind != tWord || tk.span >= 0 {
			break
		}
		lw := tk.low
		if lw == "that" && d.eventPhrase(i, k) && !d.verbAt(k+1) {
			return k // "said after the ruling that …": the phrase ends at the content
		}
		if contentOpeners[lw] || subjectPronouns[lw] {
			break // "asked the attorney in D.C. whether …"
		}
		if tk.cap || adverbialHeads[lw] || isNumber(lw) || adverbialHeads[trimPossessive(lw)] {
			best = k + 1
			continue
		}
		if determiners[lw] || possessives[lw] || lw == "of" || lw == "and" || !tk.cap {
			continue
		}
		break
	}
	return best
}

// eventPhrase reports whether [i, e), after a preposition and before
// "that", is a short noun phrase naming an occasion ("after the ruling",
// "at his arraignment"), so that what follows "that" is the content. A
// noun that "that" may complete ("the reports that …", "claims that …")
// is no occasion.
func (d *doc) eventPhrase(i, e int) bool {
	if e-i < 2 || e-i > 4 || !determiners[d.toks[i].low] && !possessives[d.toks[i].low] {
		return false
	}
	for k := i + 1; k < e; k++ {
		tk := &d.toks[k]
		if tk.kind != tWord || tk.span >= 0 || tk.cap || determiners[tk.low] || presentVerbs[tk.low] || adverbialPrepositions[tk.low] || nameJoiners[tk.low] {
			return false
		}
	}
	head := d.toks[e-1].low
	plural := strings.HasSuffix(head, "s") && !adverbialHeads[head]
	if plural && i > 0 && (d.is(i-1, "after") || d.is(i-1, "before") || d.is(i-1, "during")) && !contentNouns[strings.TrimSuffix(head, "s")] {
		plural = false // "after the semifinals that …": a time, not "the reports that …"
	}
	return !d.hasFinite(i, e) && !contentNouns[head] && !plural
}

// verbAt reports whether token k is a verb in the past or the present
// tense: after "that" it makes a relative clause ("in a brief that
// included …").
func (d *doc) verbAt(k int) bool {
	if k >= len(d.toks) || d.toks[k].kind != tWord || d.toks[k].cap {
		return false
	}
	lw := d.toks[k].low
	return d.hasFinite(k, k+1) || presentVerbs[lw] || relativeVerbs[lw]
}

// relativeVerbs often open a relative clause after "that" ("a report that
// shows …"); a plural noun there would open a content clause ("that
// stocks have gone up").
var relativeVerbs = set("includes shows makes gives allows calls describes details outlines lists")

// contentNouns take a "that" clause of their own ("the claim that …").
var contentNouns = set(`claim report allegation accusation charge rumor rumour suggestion idea notion fact
	news question fear concern view belief assertion argument speculation hope sense impression message
	word notice warning promise assurance evidence possibility prospect risk threat`)

func isNumber(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return s != "" && i > 0
		}
	}
	return s != ""
}

// objectPhrase returns the end of a short object naming what was said
// ("tweeted a warning", "posted this message") when it closes the
// sentence, or i.
func (d *doc) objectPhrase(i, e int) int {
	if i >= e || d.toks[i].kind != tWord || d.toks[i].span >= 0 || !determiners[d.toks[i].low] && !possessives[d.toks[i].low] || d.is(i, "that") {
		return i
	}
	for k := i + 1; k < e && k <= i+4; k++ {
		tk := &d.toks[k]
		if tk.kind != tWord || tk.span >= 0 {
			if k > i+1 && d.isPunct(k, ".:") {
				return k
			}
			return i
		}
		if tk.cap || subjectPronouns[tk.low] {
			return i
		}
	}
	return i
}
