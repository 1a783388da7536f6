package quote

import "strings"

// cueInfo describes one written form of a reporting verb.
type cueInfo struct {
	base     string // the verb's base form ("say")
	gerund   bool   // "saying": its subject is the main clause's
	invert   bool   // may precede its subject: "…," said Putin
	object   bool   // takes a hearer or target before the content: told reporters, urged Beijing
	thatOnly bool   // reports only with "that" or a quotation: "confirmed that …", not "confirmed the judge"
}

// cues maps every written form of a reporting verb to its description.
// Verbs of mere thought (believe, think, feel, hope, know, want) are left
// out on purpose: they report no statement.
var cues = map[string]cueInfo{}

// wentOn is "went on" ("…,” she went on."): it reports only with its
// particle, so it stays out of cues, which other rules read as verbs that
// report on their own ("He went to the dining room" attaches to no
// quotation).
var wentOn = cueInfo{base: "go"}

// putIt is "put it" ("as the commission put it, “…”"), read like wentOn:
// only with its object.
var putIt = cueInfo{base: "put"}

func init() {
	// base, forms..., flags
	type verb struct {
		forms  string // space separated: 3rd person, past, gerund
		flags  string // i: may precede its speaker, o: takes a hearer, t: reports only with "that"
		gerund string
	}
	verbs := map[string]verb{
		"say":         {"say says said", "i", "saying"},
		"tell":        {"tell tells told", "o", "telling"},
		"add":         {"add adds added", "i", "adding"},
		"warn":        {"warns warned", "io", "warning"},
		"urge":        {"urges urged", "", "urging"},
		"deny":        {"denies denied", "", "denying"},
		"insist":      {"insists insisted", "i", "insisting"},
		"claim":       {"claims claimed", "i", "claiming"},
		"accuse":      {"accuses accused", "", "accusing"},
		"praise":      {"praises praised", "", "praising"},
		"denounce":    {"denounces denounced", "", "denouncing"},
		"condemn":     {"condemns condemned", "", "condemning"},
		"write":       {"writes wrote", "i", "writing"},
		"tweet":       {"tweets tweeted", "i", "tweeting"},
		"post":        {"posted", "", ""},
		"ask":         {"asks asked", "io", "asking"},
		"respond":     {"responds responded", "i", "responding"},
		"reply":       {"replies replied", "i", "replying"},
		"argue":       {"argues argued", "i", "arguing"},
		"state":       {"states stated", "", "stating"},
		"note":        {"notes noted", "i", "noting"},
		"explain":     {"explains explained", "i", "explaining"},
		"announce":    {"announces announced", "t", "announcing"},
		"declare":     {"declares declared", "i", "declaring"},
		"acknowledge": {"acknowledges acknowledged", "", "acknowledging"},
		"admit":       {"admits admitted", "", "admitting"},
		"recall":      {"recalls recalled", "i", "recalling"},
		"suggest":     {"suggests suggested", "", "suggesting"},
		"predict":     {"predicts predicted", "i", "predicting"},
		"vow":         {"vows vowed", "", "vowing"},
		"pledge":      {"pledges pledged", "", "pledging"},
		"promise":     {"promises promised", "", "promising"},
		"concede":     {"concedes conceded", "i", "conceding"},
		"complain":    {"complains complained", "i", "complaining"},
		"criticize":   {"criticizes criticized criticises criticised", "", "criticizing"},
		"counter":     {"counters countered", "i", "countering"},
		"continue":    {"continued", "i", ""},
		"repeat":      {"repeats repeated", "t", "repeating"},
		"stress":      {"stresses stressed", "i", "stressing"},
		"emphasize":   {"emphasizes emphasized emphasises emphasised", "i", "emphasizing"},
		"maintain":    {"maintains maintained", "t", "maintaining"},
		"contend":     {"contends contended", "i", "contending"},
		"quip":        {"quips quipped", "i", "quipping"},
		"joke":        {"jokes joked", "i", "joking"},
		"assert":      {"asserts asserted", "i", "asserting"},
		"allege":      {"alleges alleged", "i", "alleging"},
		"remark":      {"remarks remarked", "i", "remarking"},
		"comment":     {"comments commented", "i", "commenting"},
		"report":      {"reports reported", "i", ""},
		"confirm":     {"confirms confirmed", "t", "confirming"},
		"reveal":      {"reveals revealed", "t", "revealing"},
		"disclose":    {"discloses disclosed", "t", "disclosing"},
		"testify":     {"testifies testified", "", "testifying"},
		"shout":       {"shouts shouted", "i", "shouting"},
		"yell":        {"yells yelled", "i", "yelling"},
		"exclaim":     {"exclaims exclaimed", "i", "exclaiming"},
		"boast":       {"boasts boasted", "i", "boasting"},
		"brag":        {"brags bragged", "", "bragging"},
		"caution":     {"cautions cautioned", "i", "cautioning"},
		"assure":      {"assures assured", "o", "assuring"},
		"inform":      {"informs informed", "o", "informing"},
		"remind":      {"reminds reminded", "o", "reminding"},
		"advise":      {"advises advised", "o", "advising"},
		"recount":     {"recounts recounted", "i", "recounting"},
		"lament":      {"laments lamented", "i", "lamenting"},
		"proclaim":    {"proclaims proclaimed", "i", "proclaiming"},
		"retort":      {"retorts retorted", "i", "retorting"},
		"whisper":     {"whispers whispered", "i", "whispering"},
		"muse":        {"muses mused", "i", "musing"},
		"estimate":    {"estimates estimated", "t", "estimating"},
		"charge":      {"charged", "", ""},
		"blast":       {"blasts blasted", "", "blasting"},
		"slam":        {"slams slammed", "", "slamming"},
		"demand":      {"demands demanded", "", "demanding"},
		"threaten":    {"threatens threatened", "", "threatening"},
		"agree":       {"agreed", "", ""},
		"reiterate":   {"reiterates reiterated", "t", "reiterating"},
		"question":    {"questions questioned", "", "questioning"},
		"call":        {"calls called", "", "calling"},
		"describe":    {"describes described", "", "describing"},
		"point":       {"points pointed", "", "pointing"},
		"observe":     {"observes observed", "it", "observing"},
	}
	for base, v := range verbs {
		info := cueInfo{base: base, invert: strings.Contains(v.flags, "i"), object: strings.Contains(v.flags, "o"), thatOnly: strings.Contains(v.flags, "t")}
		for _, f := range strings.Fields(v.forms) {
			cues[f] = info
		}
		if v.gerund != "" {
			g := info
			g.gerund, g.invert = true, false
			cues[v.gerund] = g
		}
	}
}

// set builds a lookup set from space separated words.
func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// unite returns a set holding the words of all the sets given.
func unite(sets ...map[string]bool) map[string]bool {
	u := map[string]bool{}
	for _, s := range sets {
		for w := range s {
			u[w] = true
		}
	}
	return u
}

// auxiliaries and adverbs that may stand between a speaker and the cue
// ("Putin has also said").
var auxiliaries = set(`has have had also later then again previously repeatedly recently once further
	publicly privately separately earlier frequently often always just even still initially subsequently
	already reportedly quickly immediately flatly simply first last would will could might may
	himself herself itself themselves now did does do`)

// passive marks "X was told", "X is said to": the subject is not the speaker.
var passive = set("was were is are be been being")

// negations before a cue: "has not said" reports nothing.
var negations = set("not never n't neither nor")

// pronouns that may stand as the speaker.
var subjectPronouns = set("he she it they")

// objectPronouns and plain hearers after told/asked ("told reporters").
var hearers = set(`him her them me us you reporters journalists supporters lawmakers members students
	people voters viewers listeners readers donors delegates senators congress parliament protesters
	crowd audience interviewers colleagues followers workers officials residents constituents`)

// pronounHearers are the hearers that are pronouns ("told him").
var pronounHearers = set("him her them me us you")

// determiners opening a noun phrase.
var determiners = set("the a an this that these those")

// titles that stand before a person's name and are not part of it.
var titleWords = set(`mr mr. mrs mrs. ms ms. miss dr dr. sen sen. sens sens. reps reps. senators senator rep rep. representative gov gov.
	governor president vice prime minister secretary deputy general gen gen. brigadier lt lt. lieutenant col col.
	colonel maj maj. major capt capt. captain adm adm. admiral sgt sgt. sergeant prof prof. professor rev rev.
	reverend sir dame lord lady king queen prince princess pope sheikh chancellor premier chairman chairwoman
	chair chief judge justice mayor ambassador speaker leader commander director spokesman spokeswoman
	spokesperson attorney councilman councilwoman congressman congresswoman delegate candidate nominee
	senior former acting assistant associate executive press foreign defense defence interior finance
	state homeland security treasury justice commerce energy labor labour agriculture education health
	transportation affairs majority minority whip house senate supreme court coach superintendent sheriff
	officer agent inspector detective trooper chaplain bishop cardinal archbishop rabbi imam pastor father
	dean provost president-elect then-president then-candidate first emir ayatollah crown grand
	secretary-general head minister-president foreign secretary democrat democrats republican
	republicans democratic gop independent libertarian conservative liberal progressive socialist
	commissioner councilmember alderman alderwoman comptroller treasurer marshal`)

// officeWords may follow "of" inside a title ("Secretary of Homeland Security").
var officeWords = set(`state defense defence homeland security treasury justice commerce energy labor labour
	agriculture education health human services transportation interior veterans affairs house senate
	representatives foreign the housing urban development staff`)

// roleWords are lowercase words that may be part of a speaker's description
// before the name ("Pentagon spokesperson Brigadier General Patrick Ryder").
var roleWords = set(`spokesman spokeswoman spokesperson spokespeople secretary minister president senator counsel
	governor congressman congresswoman representative leader chairman chairwoman chair director adviser
	advisor aide official officer ambassador envoy mayor judge justice attorney lawyer professor economist
	analyst strategist pollster consultant manager founder executive chief head deputy former general
	commander councilman councilwoman lawmaker legislator activist author writer columnist correspondent
	reporter editor host anchor actor actress singer businessman businesswoman billionaire mogul rival
	opponent front-runner frontrunner hopeful candidate nominee presidential vice prime foreign defense
	press communications national security campaign senior top white house state republican democratic
	chairperson commissioner superintendent sheriff detective agent inspector coach pastor rabbi imam
	bishop father mother wife husband son daughter brother sister owner president-elect ceo cfo coo
	co-founder cofounder organizer director-general secretary-general general counsel researcher
	scientist expert historian analyst fellow member delegate voter resident student worker veteran
	supporter critic presidential-candidate gop party colleague friend manager surrogate treasurer
	speechwriter boss whip pundit clerk provost pastor prosecutor investigator whistleblower co-chair vice-chair vice-president
	running mate mate then-candidate then-president acting interim assistant associate regional
	district county city state-level federal military army navy police fire department campaign's
	retired chairman's deputy-secretary undersecretary under-secretary commissioner lt. sen. rep. gov.
	dr. gen. adm. col. maj. capt. sgt. prof. rev. mr. mrs. ms. political longtime veteran conservative
	liberal progressive independent local international public private legal economic bureau
	chief staff policy media digital field regional national deputy co-host cohost news
	donor tycoon priest cleric monk nun poet chef nurse ally fan star entrepreneur
	nephew niece cousin uncle aunt grandson granddaughter grandfather grandmother partner
	constituent neighbor neighbour classmate teammate protester protestor backer loyalist employee great legend
	staffer volunteer intern admirer biographer confidant confidante lobbyist operative booster mentor
	comedian musician rapper artist novelist blogger commentator pundit broadcaster journalist
	physician doctor teacher farmer miner retiree immigrant filmmaker producer photographer
	admiral colonel captain sergeant lieutenant chancellor premier`)

// headNouns are anonymous speakers that speak for the institution after
// them ("a statement released by China", "a spokesman for the Pentagon").
var headNouns = set(`statement statements spokesman spokeswoman spokesperson spokespeople release
	communique communiqué readout official officials aide aides source sources representative
	representatives report letter memo document filing complaint lawsuit motion brief`)

// orgWords end an institution's name ("White House", "State Department").
var orgWords = set(`house department ministry office committee council campaign party court agency
	administration commission bureau service kremlin pentagon times post journal news network institute
	foundation center centre university association union group company corp corp. inc inc. government
	embassy police army navy congress senate parliament cabinet secretariat directorate board fund bank organization palace panel
	organisation alliance coalition federation league caucus command forces force agency's reuters
	press tribune herald gazette telegraph guardian globe monitor review magazine channel radio
	television nato un eu fbi cia nsa dhs gop dnc rnc isis hamas hezbollah taliban almanac centers centres
	institutes services associations industries laboratories conference society academy authority assembly chamber unit stadium`)

// events end the names of contests and occasions ("the World Cup", "the
// Super Bowl", "the Democratic National Convention"): no one's name, never
// "he" or "she".
var events = set("cup bowl olympics championship championships tournament marathon festival awards convention summit")

// places are capitals and countries that speak for their governments.
var places = set(`washington moscow beijing kyiv kiev london paris berlin tokyo tehran pyongyang seoul
	brussels ankara jerusalem damascus baghdad kabul islamabad delhi new-delhi minsk warsaw rome madrid
	ottawa canberra taipei riyadh cairo havana caracas brasilia mexico vienna geneva budapest prague
	bucharest sofia athens stockholm oslo helsinki copenhagen dublin lisbon amsterdam hague tbilisi
	yerevan baku astana tashkent hanoi manila jakarta bangkok beirut amman doha abu-dhabi kuwait
	united-states china russia ukraine japan america britain france germany iran india pakistan israel syria
	iraq turkey europe taiwan korea canada australia poland italy spain belarus egypt cuba venezuela
	vatican nato alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
	hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan
	minnesota mississippi missouri montana nebraska nevada new-hampshire new-jersey new-mexico new-york
	north-carolina north-dakota ohio oklahoma oregon pennsylvania rhode-island south-carolina
	south-dakota tennessee texas utah vermont virginia west-virginia wisconsin wyoming`)

// companies are well-known firms and platforms whose one-word names are no
// one's: "Twitter said … It added" may be "it", never "he" or "she".
// Names that are surnames too (Ford, Dell, Chase) are left out.
var companies = set(`twitter facebook google alphabet apple amazon microsoft meta tiktok bytedance
	instagram youtube whatsapp telegram snapchat reddit netflix spotify uber lyft airbnb tesla spacex
	openai nvidia intel ibm oracle samsung sony toyota honda volkswagen boeing airbus pfizer moderna
	biontech novavax walmart costco starbucks ticketmaster binance coinbase ftx paypal mastercard
	exxonmobil chevron disney comcast verizon stellantis`)

// stopCaps are capitalised words that start sentences or phrases and are
// never part of a speaker's name.
var stopCaps = set(`but and or so yet then still however meanwhile also now when while whereas whilst if as in on at
	after before earlier later last this that these those there here it its he she they we i you his
	her their our my your what who whom whose which why how where both either neither not no yes for
	from with without by to of into onto over under about against between during since until unless
	although though because instead indeed even just only asked speaking writing according despite whether
	amid among regardless like unlike once monday tuesday wednesday thursday friday saturday sunday
	january february march july september october november december today
	tomorrow yesterday tonight mr mrs ms sir more most many much some any all each every other such
	another one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
	hundred thousand million several few dear thank thanks please oh well yes no okay ok
	moreover furthermore nevertheless nonetheless separately instead similarly likewise additionally
	finally overall ultimately first second third next again perhaps maybe sometimes recently
	shortly soon nearly currently previously initially originally eventually subsequently afterward
	afterwards immediately notably specifically importantly interestingly ironically fortunately
	unfortunately clearly apparently obviously actually certainly realistically significantly visibly
	proudly hastily newly thus hence therefore consequently accordingly otherwise anyway frankly
	honestly seriously basically essentially generally typically usually often already roughly almost
	especially particularly increasingly briefly quickly suddenly surprisingly reportedly allegedly
	officially publicly privately personally historically traditionally technically sadly hopefully
	does did do is are was were has have had can could would should shall
	outside inside through throughout across around behind beyond within toward towards along near upon beside
	i'm i've i'd i'll we're we've we'd we'll you're you've he's she's it's they're they've that's there's
	here's what's who's let's he'll she'll they'll he'd she'd they'd
	having look nobody somebody someone everybody everyone anybody anyone`)

// groupWords are capitalised plurals naming a party or group that may
// speak as one ("Some Democrats said").
var groupWords = set("democrats republicans conservatives liberals progressives libertarians independents")

// particles are lowercase words inside names ("Ursula von der Leyen").
var particles = set("von van der den de da del della di du la le bin ibn al el dos das ter")

// fold lower-cases an ASCII-dominated word cheaply; non-ASCII goes through
// strings.ToLower.
func fold(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || ('A' <= c && c <= 'Z') {
			return strings.ToLower(straighten(s))
		}
	}
	return s
}

// straighten makes curly apostrophes straight ("O’Neill" → "O'Neill").
func straighten(s string) string {
	if strings.IndexByte(s, "’"[0]) < 0 {
		return s // most words: no byte of a curly mark, no search for all three
	}
	return strings.ReplaceAll(s, "’", "'")
}

// placeName reports whether a name is a place of the lexicon, its words
// joined by hyphens ("New York" is "new-york"). Short ASCII names are
// looked up without a copy: this runs for every name an article gives.
func placeName(name string) bool {
	var buf [48]byte
	if len(name) > len(buf) {
		return places[strings.ReplaceAll(fold(name), " ", "-")]
	}
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c >= 0x80:
			return places[strings.ReplaceAll(fold(name), " ", "-")]
		case 'A' <= c && c <= 'Z':
			buf[i] = c + 'a' - 'A'
		case c == ' ':
			buf[i] = '-'
		default:
			buf[i] = c
		}
	}
	return places[string(buf[:len(name)])]
}

// demonyms and other words that stand before a person's name without being
// part of it.
var demonyms = set(`american british english englishman englishwoman scottish irish welsh french german
	russian ukrainian chinese japanese korean indian pakistani canadian mexican brazilian argentine
	australian italian spanish portuguese polish dutch belgian swiss swedish norwegian danish finnish
	greek turkish israeli palestinian iranian iraqi syrian lebanese saudi egyptian nigerian kenyan
	african european asian latino latina hispanic bulgarian romanian hungarian serbian croatian czech
	austrian cuban venezuelan colombian chilean peruvian filipino vietnamese thai indonesian
	downtown south north east west new`)

// gerundNouns are the nouns a cue's gerund modifies as a compound ("warning
// letters", "warning signs"): the gerund reports nothing before them.
var gerundNouns = set("letter letters label labels sign signs shot shots light lights system systems signal signals")
