package quote

import "strings"

// roleLike reports whether a lower-case word may describe a person:
// a listed role or a word shaped like an occupation ("strategist",
// "historian", "organizer").
func roleLike(w string) bool {
	return roleWords[w] || occupation(w)
}

// occupation reports whether w is shaped like a word for what a person
// does ("director", "commissioner", "spokesman"): roleLike's suffixes
// without its list of role words ("foreign", "health").
func occupation(w string) bool {
	if len(w) < 6 || notRoles[w] {
		return false
	}
	for _, suf := range []string{"ist", "ian", "er", "or", "ant", "man", "woman"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// notRoles are words shaped like occupations that are not.
var notRoles = set(`another whether rather either neither together however number matter corner
	letter water weather summer winter center centre quarter october november december september
	manner member's border murder order offer powerful power tower dinner better bigger longer
	larger greater smaller higher lower earlier later further farther former's minister's
	important significant relevant recent instant constant distant pleasant elegant major minor
	factor sector error terror mirror honor humor labor favor behavior mayor's woman's german
	roman norman human`)

// personNoun reports whether a description's head names a person ("the
// senator", "the strategist"), not a thing ("the campaign").
func personNoun(w string) bool {
	if notPersons[w] {
		return false
	}
	return titleWords[w] || roleLike(w) && !roleWords[w] || roleWords[w] && (strings.HasSuffix(w, "er") || strings.HasSuffix(w, "or") || strings.HasSuffix(w, "ist") || strings.HasSuffix(w, "man") || strings.HasSuffix(w, "woman") || strings.HasSuffix(w, "ent") || strings.HasSuffix(w, "ary") || strings.HasSuffix(w, "ee"))
}

var notPersons = set(`campaign press communications national security state foreign defense white house
	presidential republican democratic federal military army navy police department former senior top
	vice prime general acting interim assistant associate regional district county city gop party`)

// courtesy titles stand before a surname.
var courtesy = set("mr mrs ms miss dr")

// badName reports whether a lone capitalised token cannot be a speaker:
// a state abbreviation or dotted initials other than "U.S.", "U.N.".
func badName(w string) bool {
	lw := strings.ToLower(strings.TrimSuffix(w, "."))
	if strings.HasSuffix(w, ".") && abbreviations[lw] {
		return true
	}
	if len(w) <= 5 && strings.Count(w, ".") >= 2 {
		switch w {
		case "U.S.", "U.N.", "U.K.", "E.U.":
			return false
		}
		return true
	}
	return false
}

// descWord reports whether a lower-case word may describe a person between
// capitalised words: not a function word, verb form or plural.
func descWord(w string) bool {
	if roleLike(w) {
		return true
	}
	if len(w) < 3 || stopCaps[w] || auxiliaries[w] || passive[w] || determiners[w] || clauseWords[w] || adverbialPrepositions[w] || irregularPasts[w] || verbParticles[w] {
		return false
	}
	if _, ok := cues[w]; ok {
		return false
	}
	if lyAdjectives[w] {
		return true // "the network's nightly news anchor Ilia Calderón"
	}
	for _, suf := range []string{"ed", "ing", "s", "ly", "n't", "n’t"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	return true
}

// lyAdjectives end like adverbs but describe a person's role or age: "the
// nightly news anchor", "a weekly columnist", "an elderly resident".
var lyAdjectives = set(`nightly daily weekly biweekly monthly quarterly yearly elderly early`)

// irregularPasts and particles (of phrasal verbs) tell a clause, never a
// description ("Tenney took down businessman Steve Wells" is no title of
// Wells's).
var (
	irregularPasts = set(`took beat won lost met left gave made got led ran saw sent put set thought
	brought bought held kept fought sought became came went knew drew grew threw wrote spoke
	broke chose rose fell felt found sat stood struck swore taught tore wore heard paid`)
	verbParticles = set("down up out off away back into onto")
)
