package index

import "strings"

// irregular maps the irregular forms of reporting verbs to their lemma.
var irregular = map[string]string{
	"said": "say", "says": "say", "saying": "say",
	"told": "tell", "tells": "tell", "telling": "tell",
	"wrote": "write", "writes": "write", "written": "write", "writing": "write",
	"spoke": "speak", "spoken": "speak", "speaks": "speak",
}

// CueLemma reduces a reporting verb to a lemma ("told" → "tell",
// "warned" → "warn"), so a question's verb finds the statements made with
// it. Unknown words are returned lower-cased, with a regular ending cut.
func CueLemma(verb string) string {
	v := strings.ToLower(strings.TrimSpace(verb))
	if i := strings.IndexByte(v, ' '); i > 0 { // "according to", "in a statement"
		return v
	}
	if l, ok := irregular[v]; ok {
		return l
	}
	for _, suf := range []string{"ied", "ed", "es", "s", "ing"} {
		if strings.HasSuffix(v, suf) && len(v)-len(suf) >= 3 {
			base := strings.TrimSuffix(v, suf)
			if suf == "ied" {
				return base + "y"
			}
			return base
		}
	}
	return v
}
