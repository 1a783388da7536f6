package question

import (
	"regexp"
	"strings"
	"unicode"
)

// The patterns below are matched, case-insensitively, against the question
// with its closing punctuation and any request phrase ("tell me", "can you
// show me") removed. Each names the speaker x and leaves the rest, which the
// topic is read from.
//
// A speaker is matched lazily (the shortest phrase that lets the pattern
// match), and a question is first tried with "strict" patterns whose rest
// must open with a preposition or a time phrase ("about Bucha", "when he
// left") and only then with "loose" ones. That keeps speakers whose names
// are verbs whole: "What did Edward Said say?", "has the Washington Post
// said anything about it?".

const (
	// aux opens a question about the past, present or perfect.
	aux = `(?:did|does|do|has|have|had|is|are|was|were|will|would)`
	// sayVerbs ask for a statement and take no object before the topic.
	sayVerbs = `(?:(?:have|has|had) to say|say|says|said|saying|tweet|tweets|tweeted|tweeting|` +
		`write|writes|wrote|written|writing|post|posts|posted|posting|claim|claims|claimed|` +
		`announce|announces|announced|argue|argues|argued|reply|replies|replied|answer|answered|` +
		`respond|responds|responded|comment|comments|commented|think|thinks|thought|feel|feels|felt|` +
		`reveal|revealed|predict|predicted|promise|promised|warn|warned|declare|declared|` +
		`state|stated|insist|insisted|suggest|suggested)`
	// tellVerbs take the addressee first: "what did Xi tell Putin as he
	// left" has the topic "Putin as he left".
	tellVerbs = `(?:tell|tells|told|telling|mention|mentions|mentioned|ask|asks|asked)`
	// yesNoVerbs ask whether someone spoke: "did X say anything about Y".
	yesNoVerbs = `(?:say|said|says|speak|speaks|spoke|spoken|speaking|talk|talks|talked|talking|` +
		`comment|comments|commented|commenting|tweet|tweeted|write|wrote|written|post|posted|` +
		`weigh in|weighed in|quoted|respond|responded|react|reacted|reply|replied|address|addressed)`
	// fillers may follow a yes/no verb.
	fillers = `(?: (?:anything|something|much|a word|a thing|publicly|at all|yet|recently|lately|further|more))*`
	// howVerbs ask for a reaction: "how did X respond to Y".
	howVerbs = `(?:respond|responds|responded|responding|react|reacts|reacted|reacting|reply|replies|` +
		`replied|answer|answers|answered|comment|commented|feel|feels|felt|see|sees|saw|view|views|viewed|` +
		`describe|describes|described|explain|explains|explained|justify|justified|defend|defended)`
	// nouns name someone's words: "X's comments on Y".
	nouns = `(?:reaction|reactions|response|responses|comment|comments|remark|remarks|statement|statements|` +
		`view|views|position|positions|stance|take|message|messages|answer|answers|reply|replies|words|` +
		`quote|quotes|opinion|opinions|thoughts|verdict|assessment|argument|arguments|explanation|` +
		`claim|claims|pledge|pledges|promise|promises|warning|warnings|criticism|testimony|tweets|tweet|` +
		`speech|speeches|interview|interviews|answer)`
	// poss is a possessive ending, straight or curly.
	poss = `(?:['’]s|['’])`
	// preps introduce a topic and are dropped from it.
	preps = `(?:about|on|regarding|concerning|over|of|re|to|toward|towards|around|with regard to|` +
		`in regard to|with respect to|as regards|in relation to)`
	// openers start a rest that is kept whole as the topic ("when he left").
	openers = `(?:when|whenever|after|before|during|at|in|while|as|since|yesterday|today|tonight|` +
		`tomorrow|last|this|upon|following|recently|earlier|lately|then|amid|amidst|ahead|from|with|` +
		`in response to)`
	strictRest = `(?: (?P<rest>(?:` + preps + `|` + openers + `)\b.*))?$`
	looseRest  = `(?: (?P<rest>.+))?$`
	freeRest   = looseRest
	x          = `(?P<x>.+?)`
)

// A pattern reads a speaker (group x) and a rest (group rest) from a question.
type pattern struct {
	name string
	re   *regexp.Regexp
}

func compile(name, expr string) pattern {
	return pattern{name: name, re: regexp.MustCompile(`(?i)^` + expr)}
}

// strict patterns are tried first, in order, then loose ones.
var (
	strictPatterns = []pattern{
		compile("what-aux-say", `what(?: else| exactly)?(?: `+aux+`|['’]s)(?: else| exactly)? `+x+` (?:been )?`+sayVerbs+strictRest),
		compile("what-aux-tell", `what(?: else| exactly)?(?: `+aux+`|['’]s)(?: else| exactly)? `+x+` (?:been )?`+tellVerbs+freeRest),
		compile("what-is-xs-noun", `what(?:['’]s| is| was| were| are| has been| have been| will be) `+x+poss+` (?:(?:latest|recent|last|first|public|official|own|exact|initial|early|main) )*`+nouns+strictRest),
		compile("how-aux-respond", `how (?:`+aux+`|['’]s) `+x+` `+howVerbs+freeRest),
		compile("aux-x-say-anything", aux+` `+x+`(?: (?:ever|already|also|even|yet|actually|really))? (?:been )?`+yesNoVerbs+fillers+strictRest),
		compile("aux-x-mention", aux+` `+x+`(?: (?:ever|already|also|even|yet|actually|really))? (?:been )?`+tellVerbs+freeRest),
		compile("nouns-from-x", `(?:(?:any|all|some|the|latest|recent|more|every|his|her|their) )*`+nouns+` (?:(?:released|issued|made|given|posted|published) )?(?:from|by|of) `+x+strictRest),
		compile("xs-nouns", `(?:(?:any|all|some) (?:of )?)?`+x+poss+` (?:(?:latest|recent|last|first|public|official|own|exact|initial|early|main) )*`+nouns+strictRest),
		compile("what-x-said", `what `+x+` (?:(?:has|have|had|is|was|has been|have been|had been) )?`+sayVerbs+strictRest),
		compile("what-x-told", `what `+x+` (?:(?:has|have|had|is|was|has been|have been|had been) )?`+tellVerbs+freeRest),
	}
	loosePatterns = []pattern{
		compile("what-aux-say-loose", `what(?: else| exactly)?(?: `+aux+`|['’]s)(?: else| exactly)? `+x+` (?:been )?`+sayVerbs+looseRest),
		compile("aux-x-say-loose", aux+` `+x+`(?: (?:ever|already|also|even|yet|actually|really))? (?:been )?`+yesNoVerbs+fillers+looseRest),
		compile("what-x-said-loose", `what `+x+` (?:(?:has|have|had|is|was|has been|have been|had been) )?`+sayVerbs+looseRest),
	}
	// onPattern reads "Blinken on Bucha"; the speaker must be a short
	// phrase of content words (checked in matchStatements).
	onPattern = compile("x-on-y", `(?P<x>[^ ]+(?: [^ ]+){0,4}?) on (?P<rest>.+)$`)
)

// dropPrep removes the preposition that introduces a topic.
var dropPrep = regexp.MustCompile(`(?i)^` + preps + ` +`)

// cueWords are the words of the verbs and nouns that ask for someone's
// words: each strict and loose pattern needs one of them, so a question
// holding none (most questions for passages) is not tried against them.
// "in" and "to" are left out: "weigh in" and "have to say" need "weigh"
// and "say" as well.
var cueWords = func() map[string]bool {
	set := map[string]bool{}
	for _, w := range regexp.MustCompile(`[a-z]+`).FindAllString(sayVerbs+tellVerbs+yesNoVerbs+howVerbs+nouns, -1) {
		set[w] = true
	}
	delete(set, "in")
	delete(set, "to")
	return set
}()

// hasCue says whether body holds one of the cueWords.
func hasCue(body string) bool {
	for w := range strings.FieldsFuncSeq(strings.ToLower(body), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if cueWords[w] {
			return true
		}
	}
	return false
}

// matchStatements reads a speaker and a topic from body, reporting whether
// body asks for someone's words at all.
func matchStatements(body string) (speaker, topic string, ok bool) {
	sets := [][]pattern{strictPatterns, loosePatterns}
	if !hasCue(body) {
		sets = nil
	}
	for _, set := range sets {
		for _, p := range set {
			if s, t, ok := p.match(body); ok && plausibleSpeaker(trimEdges(s)) {
				return s, t, true
			}
		}
	}
	if s, t, ok := onPattern.match(body); ok && contentPhrase(s) {
		return s, t, true
	}
	return "", "", false
}

func (p pattern) match(body string) (speaker, topic string, ok bool) {
	m := p.re.FindStringSubmatch(body)
	if m == nil {
		return "", "", false
	}
	for i, name := range p.re.SubexpNames() {
		switch name {
		case "x":
			speaker = m[i]
		case "rest":
			topic = m[i]
		}
	}
	topic = dropPrep.ReplaceAllString(strings.TrimSpace(topic), "")
	return speaker, topic, true
}

// contentPhrase reports whether every word of s (but a leading "the") is a
// content word, as a speaker in "X on Y" must be: "Blinken", "the White
// House", "Japan's prime minister", but not "the impact of sanctions".
func contentPhrase(s string) bool {
	fields := strings.Fields(s)
	for i, f := range fields {
		if i == 0 && strings.EqualFold(f, "the") && len(fields) > 1 {
			continue
		}
		if len(Words(f)) == 0 {
			return false
		}
	}
	return true
}

// request phrases that may open a question and say nothing about it.
var (
	requestPrefix = regexp.MustCompile(`(?i)^(?:` +
		`(?:please|pls|hey|hi|hello|ok|okay|so|and|also|now|then|well|coveragebot|bot)\b[,!:]? *|` +
		`(?:(?:can|could|would|will) you (?:please )?)?(?:tell me|show me|give me|find me|get me|find|list|fetch|search for|look up|pull up|share|quote)\b[,:]? *|` +
		`i (?:want|wanna|would like|['’]d like|need) (?:to (?:know|see|read|hear) )?|` +
		`(?:do you know|any idea|remind me)\b[,:]? *)`)
	requestSuffix = regexp.MustCompile(`(?i)(?:[, ]+(?:please|pls|thanks|thank you))+$`)
)

// stripRequest removes request phrases around the question proper.
func stripRequest(s string) string {
	s = strings.TrimSpace(requestSuffix.ReplaceAllString(s, ""))
	for range 8 {
		loc := requestPrefix.FindStringIndex(s)
		if loc == nil || loc[1] == 0 {
			break
		}
		s = strings.TrimSpace(s[loc[1]:])
	}
	return normalize(s)
}
