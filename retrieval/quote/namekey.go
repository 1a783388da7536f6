package quote

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// keyTitles are dropped from the front of a name by NameKey.
var keyTitles = set(`the mr mrs ms miss mx dr sen sens reps senator rep representative gov governor president
	vice prime minister secretary gen general lt col maj capt adm admiral sgt prof professor rev reverend
	sir dame lord lady king queen prince princess pope chancellor premier judge justice mayor ambassador
	speaker chairman chairwoman former deputy us u.s. state foreign defense congressman congresswoman
	sheikh emir president-elect then-president brig brigadier commander chief attorney dean pastor
	rabbi imam bishop cardinal father st saint republican democrat democratic gop candidate nominee
	presidential whip majority minority leader archbishop fr house senate lieutenant colonel major captain
	sergeant commissioner superintendent sheriff`)

// givenNames are titles that are given names too: "Dean Baker" is a
// name, "Dean John Smith" a dean. Before a surname alone they stay.
var givenNames = set("dean")

// nicknames maps common short given names to the full ones, so that a name
// and its familiar form share a key (the given name only, before a surname).
var nicknames = map[string]string{
	"ken": "kenneth", "bill": "william", "billy": "william", "bob": "robert", "bobby": "robert",
	"rob": "robert", "mike": "michael", "jim": "james", "jimmy": "james", "joe": "joseph",
	"tom": "thomas", "tommy": "thomas", "dick": "richard", "rick": "richard", "chuck": "charles",
	"charlie": "charles", "dan": "daniel", "danny": "daniel", "dave": "david", "chris": "christopher",
	"tony": "anthony", "andy": "andrew", "ben": "benjamin", "nick": "nicholas",
	"liz": "elizabeth", "kate": "katherine", "jen": "jennifer", "sue": "susan",
	"ed": "edward", "larry": "lawrence", "jerry": "gerald", "fred": "frederick",
	"greg": "gregory", "jeff": "jeffrey", "matt": "matthew", "pete": "peter", "phil": "philip",
	"ron": "ronald", "don": "donald", "doug": "douglas", "tim": "timothy",
	"stan": "stanley", "ray": "raymond", "hank": "henry",
	"newt": "newton", "mitch": "mitchell", "marty": "martin", "vince": "vincent", "walt": "walter",
}

// keySuffixes are dropped from the end of a name by NameKey.
var keySuffixes = set("jr sr ii iii iv esq phd md")

// NameKey normalises a speaker name for matching across articles and
// questions: lower case, no diacritics, straight apostrophes, no possessive
// 's, punctuation as spaces, and leading titles ("Mr.", "Sen.",
// "President") and trailing suffixes ("Jr.") dropped, a familiar given name
// before a surname made full ("Ken" → "kenneth"). A name made only of
// titles keeps them ("the President" → "president").
func NameKey(name string) string {
	s := name
	if !isASCII(s) {
		s = norm.NFD.String(s)
		s = strings.Map(func(r rune) rune {
			switch {
			case unicode.Is(unicode.Mn, r):
				return -1
			case r == '’' || r == '‘' || r == 'ʼ' || r == '`':
				return '\''
			case r == 'ß':
				return 's'
			case r == 'ø' || r == 'Ø':
				return 'o'
			case r == 'ł' || r == 'Ł':
				return 'l'
			}
			return r
		}, s)
	}
	s = strings.ToLower(s)
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '-')
	})
	out := words[:0]
	for _, w := range words {
		w = strings.Trim(w, "'-")
		if strings.HasSuffix(w, "'s") {
			w = w[:len(w)-2]
		}
		w = strings.ReplaceAll(w, "'", "")
		if w != "" {
			out = append(out, w)
		}
	}
	words = out
	// "u s" from "U.S." is a title word pair
	if len(words) > 1 && (words[0] == "the" || words[0] == "a" || words[0] == "an") {
		words = words[1:]
	}
	i := 0
	if len(words) > 0 && orgWords[words[len(words)-1]] {
		i = len(words) // an institution keeps its whole name: "Justice Department"
	}
	for i < len(words)-1 && (keyTitles[words[i]] && !(givenNames[words[i]] && i == len(words)-2) && !(words[i] == "major" && words[i+1] == "league") && !(words[i] == "us" && i == len(words)-2) || words[i] == "u" && words[i+1] == "s" || words[i] == "s" && i > 0 && words[i-1] == "u" || words[i] == "of" && i > 0) {
		i++
	}
	if i < len(words)-1 || i == len(words)-1 && !keyTitles[words[i]] && !orgWords[words[i]] {
		words = words[i:]
	}
	for len(words) > 1 && keySuffixes[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	if len(words) > 1 {
		if full, ok := nicknames[words[0]]; ok {
			// "Ken Starr" is "Kenneth Starr": one key for both
			words[0] = full
		}
	}
	return strings.Join(words, " ")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
