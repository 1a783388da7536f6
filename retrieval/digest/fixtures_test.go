package digest

import (
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/retrieval/article"
	"github.com/coveragebot/coveragebot/retrieval/quote"
)

// The day's other coverage: invented articles, two about one wildfire and
// two about unrelated events. The wildfire articles share a wire sentence
// in two wordings and carry a caption that repeats the story's key words,
// so a summary that quoted captions or near duplicates would show it.
const (
	fireA = `A wind-driven wildfire tore through the hills above Pine Hollow on Tuesday, destroying dozens of homes and forcing thousands of residents to flee before dawn.
The Ridge Fire has burned more than 12,000 acres of dry brush and forced the evacuation of about 3,000 residents, fire officials said.
Fire Chief Maria Lopez said crews had contained only a tenth of the blaze by Tuesday evening and warned that gusts were expected to return overnight.
"We are throwing everything we have at this fire, but the wind is deciding where it goes tonight," Lopez told reporters at the Pine Hollow command post.
Firefighters battle the Ridge Fire above Pine Hollow as the wildfire burned 12,000 acres and forced thousands of residents to evacuate. Jane Doe / Reuters
Governor Tom Reyes declared a state of emergency for the county, freeing state money for shelters and for the firefighting effort.
"No family in this valley will face this alone, and we will rebuild every home we lose," Reyes said in a statement released by his office.
Officials said the cause of the fire was under investigation.`

	fireB = `Thousands of Pine Hollow residents spent the night in shelters as the Ridge Fire spread through the hills, fanned by strong winds and low humidity.
The Ridge Fire has burned more than 12,000 acres of dry brush and forced the evacuation of roughly 3,000 residents, county fire officials said.
Fire Chief Maria Lopez said containment stood at ten percent and that more than 600 firefighters from across the state were working the fire lines.
She said the next two days would decide whether the wildfire could be held north of the highway.
Governor Tom Reyes visited an evacuation shelter at the county fairgrounds, where volunteers handed out meals and blankets to displaced families.
The state of emergency he declared allows the county to request help from the National Guard.`

	bank = `The Northland central bank raised its benchmark interest rate by a quarter of a percentage point on Tuesday, its fifth increase in a row, as inflation stayed well above target.
Governor Elena Marsh said the bank was prepared to raise rates further if prices kept climbing faster than wages in the coming months.
"Inflation remains too high, and we will not hesitate to act again to bring it back to our target," Marsh said at a news conference in the capital.
Mortgage lenders said they expected to pass on the increase to borrowers within days, adding to the strain on household budgets.
Economists had widely expected the move after figures last week showed consumer prices rising at an annual pace of 6.8 percent.`

	final = `Harbor City won the national football cup on Tuesday night, beating Eastfield two goals to one after extra time in front of a sold-out stadium.
Striker Jonas Berg scored the winning goal with a header in the 112th minute, two minutes after Eastfield had hit the post.
"I have dreamed of this night since I was a boy kicking a ball in the street outside my house," Berg said after the match.
The trophy is the club's first major title in almost thirty years and caps a season in which Harbor City also finished second in the league.
Thousands of supporters gathered in the old harbor square to greet the team bus after midnight.`
)

// day is the test day: the two seeds and the invented articles.
func day(t testing.TB) []*article.Article {
	return append(seeds(t),
		newArticle("fire-a", "Ridge Fire destroys homes above Pine Hollow as thousands flee", "Valley Herald", "2023-03-22", fireA),
		newArticle("fire-b", "Pine Hollow evacuees spend night in shelters as Ridge Fire spreads", "Coast Times", "2023-03-22", fireB),
		newArticle("bank", "Northland central bank raises rates for fifth time in a row", "Money Daily", "2023-03-22", bank),
		newArticle("final", "Harbor City win national cup after extra time", "Sport Wire", "2023-03-22", final),
	)
}

// quoteOf builds the Quote of the first occurrence of words in a, as
// quote.Extract reports it: text and rune offsets, paragraph, sentence.
func quoteOf(t testing.TB, a *article.Article, name string, kind quote.Kind, words string) quote.Quote {
	t.Helper()
	i := strings.Index(a.Text, words)
	if i < 0 {
		t.Fatalf("%s: %q not in the text", a.ID, words)
	}
	start := len([]rune(a.Text[:i]))
	end := start + len([]rune(words))
	q := quote.Quote{Speaker: name, Name: name, Kind: kind, Cue: "said", Text: words, Start: start, End: end}
	for _, p := range a.Paragraphs {
		if start >= p.Start && end <= p.End {
			q.Paragraph = p.Index
			for _, s := range p.Sentences {
				if start >= s.Start && start < s.End {
					q.Sentence = s.Text
				}
			}
		}
	}
	return q
}

// dayQuotes are the day's statements, keyed by article id.
func dayQuotes(t testing.TB, arts []*article.Article) map[string][]quote.Quote {
	by := make(map[string]*article.Article)
	for _, a := range arts {
		by[a.ID] = a
	}
	seed0, seed1 := arts[0], arts[1]
	return map[string][]quote.Quote{
		seed0.ID: {
			withRole(quoteOf(t, seed0, "Vladimir Putin", quote.Direct, "We believe that many of the provisions of the peace plan put forward by China are consonant with Russian approaches"), "Russian President"),
			quoteOf(t, seed0, "Fumio Kishida", quote.Direct, "The world was astonished to see innocent civilians in Bucha killed one year ago. I really feel great anger at the atrocity upon visiting that very place here,"),
		},
		seed1.ID: {
			withRole(quoteOf(t, seed1, "Vladimir Putin", quote.Direct, "I agree,"), "President"),
			quoteOf(t, seed1, "White House", quote.Indirect, "China’s position was not impartial"),
		},
		"fire-a": {
			quoteOf(t, by["fire-a"], "Maria Lopez", quote.Indirect, "crews had contained only a tenth of the blaze by Tuesday evening and warned that gusts were expected to return overnight"),
			quoteOf(t, by["fire-a"], "Maria Lopez", quote.Direct, "We are throwing everything we have at this fire, but the wind is deciding where it goes tonight,"),
			quoteOf(t, by["fire-a"], "Tom Reyes", quote.Direct, "No family in this valley will face this alone, and we will rebuild every home we lose,"),
			quoteOf(t, by["fire-a"], "officials", quote.Indirect, "the cause of the fire was under investigation"),
		},
		"fire-b": {
			quoteOf(t, by["fire-b"], "Maria Lopez", quote.Indirect, "containment stood at ten percent and that more than 600 firefighters from across the state were working the fire lines"),
		},
		"bank": {
			quoteOf(t, by["bank"], "Elena Marsh", quote.Direct, "Inflation remains too high, and we will not hesitate to act again to bring it back to our target,"),
		},
		"final": {
			quoteOf(t, by["final"], "Jonas Berg", quote.Direct, "I have dreamed of this night since I was a boy kicking a ball in the street outside my house,"),
		},
		"not-that-day": {{Name: "Someone Else", Kind: quote.Direct, Text: "an article of another day is not in this summary"}},
	}
}

func withRole(q quote.Quote, role string) quote.Quote {
	q.Role = role
	return q
}
