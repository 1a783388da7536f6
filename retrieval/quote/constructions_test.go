package quote

import "testing"

// TestConstructions checks the news constructions added to raise recall,
// one line each, on sentences of our own.
func TestConstructions(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
		none []string
	}{
		{"two people sharing a surname, one with a given name that is a title", "“Wages are rising,” said Dean Baker, an economist.\n\n“Prices are too,” said Matt Baker, a regulator. “They will fall in June,” Baker added.",
			[]want{{"Dean Baker", Direct, "Wages are rising"}, {"Matt Baker", Direct, "Prices are too"}, {"Matt Baker", Direct, "They will fall in June"}}, nil},
		{"invisible formatting before the quotation mark", "\u202a”They are evil, and they have to be stopped,” said John Krystek.",
			[]want{{"John Krystek", Direct, "They are evil, and they have to be stopped"}}, nil},
		{"appositive holding a relative clause with an object", "Senator Ruth Diaz, the Ohio Republican who heads the Senate Banking Committee, which oversees the Fed, said the rules would change.",
			[]want{{"Ruth Diaz", Indirect, "the rules would change"}}, []string{"Senate Banking Committee"}},
		{"group with a quantifier", "Some Democrats said the convention would be calm this year.",
			[]want{{"Democrats", Indirect, "the convention would be calm this year"}}, nil},
		{"group in the present tense", "Most Republicans say they are tired of the race.",
			[]want{{"Republicans", Indirect, "they are tired of the race"}}, nil},
		{"group as a gerund's subject", "Other Republicans echoed the criticism, saying the plan was far too timid.",
			[]want{{"Republicans", Indirect, "the plan was far too timid"}}, nil},
		{"news outlet reported with a time phrase", "The Denver Post reported last month that the mine would close in spring.",
			[]want{{"Denver Post", Indirect, "the mine would close in spring"}}, nil},
		{"news outlet reports at the end", "The mine will close in spring, the Denver Post reports.",
			[]want{{"Denver Post", Indirect, "The mine will close in spring"}}, nil},
		{"went on to say", "Mayor Ana Lopez went on to say that the bridge would open by June.",
			[]want{{"Ana Lopez", Indirect, "the bridge would open by June"}}, nil},
		{"went so far as to say", "Slate columnist Dan Miles went so far as to say: “The league as we know it is over.”",
			[]want{{"Dan Miles", Direct, "The league as we know it is over."}}, nil},
		{"surname that is a common word", "“We lost three elections in a row,” said Al From, who founded the council.",
			[]want{{"Al From", Direct, "We lost three elections in a row"}}, nil},
		{"dateline before a gerund's subject", "DENVER — Gov. Tom Reyes defended the budget, saying the cuts would protect schools.",
			[]want{{"Tom Reyes", Indirect, "the cuts would protect schools"}}, nil},
		{"appositive without its closing comma", "Paula Grant, the communications director for the union said the strike would go on.",
			[]want{{"Paula Grant", Indirect, "the strike would go on"}}, nil},
		{"appositive role with and", "Karl Berg, president and CEO of the Restaurant Association stated, “It is a math problem.”",
			[]want{{"Karl Berg", Direct, "It is a math problem."}}, []string{"CEO"}},
		{"said in a statement, quotation in the next sentence", "Paula Grant said in a statement. “The strike will go on until spring.”",
			[]want{{"Paula Grant", Direct, "The strike will go on until spring."}}, nil},
		{"said in a statement, quotation in the next paragraph", "Paula Grant said in a statement.\n\n“The strike will go on until spring.”",
			[]want{{"Paula Grant", Direct, "The strike will go on until spring."}}, nil},
		{"for instance between speaker and cue", "Union leaders in Ohio, for instance, noted that the plant had lost money for years.",
			[]want{{"Ohio", Indirect, "the plant had lost money for years"}}, nil},
		{"however between speaker and cue", "Mayor Ana Lopez, however, said the bridge would stay closed.",
			[]want{{"Ana Lopez", Indirect, "the bridge would stay closed"}}, nil},
		{"according to a report in a newspaper", "Six counties were decided by coin flips, according to a report in the Des Moines Register.",
			[]want{{"Des Moines Register", Indirect, "Six counties were decided by coin flips"}}, nil},
		{"according to a study by", "Trade is partly to blame for lost jobs, according to a 2013 study by economist Peter Schott.",
			[]want{{"Peter Schott", Indirect, "Trade is partly to blame for lost jobs"}}, nil},
		{"an unnamed spokesman speaks for the owner", "Senator Ann Moss’s spokesman said the senator would vote against the bill.",
			[]want{{"Ann Moss", Indirect, "the senator would vote against the bill"}}, nil},
		{"a named spokesman speaks for himself", "Trump’s spokesman Hope Hicks said the rally would go on.",
			[]want{{"Hope Hicks", Indirect, "the rally would go on"}}, []string{"Trump"}},
		{"a surname goes to the one of its bearers who last spoke", "Hillary Clinton said the plan was sound. She and her husband, Bill Clinton, attended the wedding. “I did know him,” Clinton said.",
			[]want{{"Hillary Clinton", Indirect, "the plan was sound"}, {"Hillary Clinton", Direct, "I did know him"}}, []string{"Bill Clinton"}},
		{"a name after lower-case role words is known in later sentences", "Crowds cheered former Gov. Jeb Bush in Miami. “We will win,” Bush said.",
			[]want{{"Jeb Bush", Direct, "We will win"}}, nil},
		{"a campaign named Team X is not a person named X", "Team Trump sees the convention as a second chance. Donald Trump was in Ohio. Trump said the party was united.",
			[]want{{"Donald Trump", Indirect, "the party was united"}}, []string{"Team Trump"}},
		{"inverted speaker, then where they said it", "The talks went well, wrote Omar Haddad on Facebook.",
			[]want{{"Omar Haddad", Indirect, "The talks went well"}}, nil},
		{"inverted speaker with a possessive appositive", "The family had been traveling together, said Omar Haddad, his nephew, in a statement.",
			[]want{{"Omar Haddad", Indirect, "The family had been traveling together"}}, nil},
		{"according to, then a clause opening with a possessive", "According to Omar Haddad, his plan failed badly.",
			[]want{{"Omar Haddad", Indirect, "his plan failed badly"}}, nil},
		{"name, colon, quotation", "Ann Moss: “We will not back down on this.”",
			[]want{{"Ann Moss", Direct, "We will not back down on this."}}, nil},
		{"name and colon without a quotation is a heading", "Bernie Sanders: Credit scores and student debt",
			nil, []string{"Bernie Sanders"}},
		{"quotation, reported, outlet", "“The platform is a disgrace,” reported the Washington Examiner.",
			[]want{{"Washington Examiner", Direct, "The platform is a disgrace"}}, nil},
		{"as reported by", "As reported by the Denver Post, the mine will close in spring.",
			[]want{{"Denver Post", Indirect, "the mine will close in spring"}}, nil},
		{"asked by a moderator whether", "Moss was asked by moderator Dan Miles whether the plan would raise taxes.",
			[]want{{"Dan Miles", Indirect, "whether the plan would raise taxes"}}, []string{"Moss"}},
		{"the asker is not the pronoun's referent", "Ann Moss spoke first. Asked by Dan Miles whether she would run, she said, “Not this year.”",
			[]want{{"Dan Miles", Indirect, "whether she would run"}, {"Ann Moss", Direct, "Not this year."}}, nil},
		{"pointed out", "Paula Grant pointed out that the union had never lost a strike.",
			[]want{{"Paula Grant", Indirect, "the union had never lost a strike"}}, nil},
		{"he's said", "Tom Reyes spoke on Monday. He’s said the budget will balance by June.",
			[]want{{"Tom Reyes", Indirect, "the budget will balance by June"}}, nil},
		{"did say", "Tom Reyes did say the budget would balance by June.",
			[]want{{"Tom Reyes", Indirect, "the budget would balance by June"}}, nil},
		{"called for a demand", "Senator Ann Moss called for a ban on travel from the region.",
			[]want{{"Ann Moss", Indirect, "a ban on travel from the region"}}, nil},
		{"called on someone to act", "Mayor Ana Lopez called on the governor to release the funds.",
			[]want{{"Ana Lopez", Indirect, "the governor to release the funds"}}, nil},
		{"the writer's clause after but is not reported", "Most Republicans say they are embarrassed by the race, but he is still the favorite.",
			[]want{{"Republicans", Indirect, "they are embarrassed by the race"}}, nil},
		{"a question's auxiliary is not part of a name", "Does Rubio agree with the plan? “We can win,” said Ann Moss.",
			[]want{{"Ann Moss", Direct, "We can win"}}, []string{"Does Rubio"}},
		{"X, who …, said with a description before X", "The venture capitalist Marc Lenz, who backed the governor in 2012, said he would vote for the mayor.",
			[]want{{"Marc Lenz", Indirect, "he would vote for the mayor"}}, nil},
		{"an unnamed employee speaks for the company", "A producer for Yahoo Studios told reporters that the interview was canceled.",
			[]want{{"Yahoo Studios", Indirect, "the interview was canceled"}}, nil},
		{"a name in capitals", "USA TODAY reported last month that the fund paid for 200 trips.",
			[]want{{"USA TODAY", Indirect, "the fund paid for 200 trips"}}, nil},
		{"a surname that is also a title", "Charlie King, a former director of the party, said the group would focus on five states.",
			[]want{{"Charlie King", Indirect, "the group would focus on five states"}}, nil},
		{"cue, comma, clause", "Governor Tom Reyes says, win or lose in the primary, he will stay in the race.",
			[]want{{"Tom Reyes", Indirect, "win or lose in the primary, he will stay in the race"}}, nil},
		{"cue, however, that", "Ann Moss said, however, that the vote would fail.",
			[]want{{"Ann Moss", Indirect, "the vote would fail"}}, nil},
		{"appositive closed by a dash", "John Marsh, who lost the 2008 race -- said the mayor offered no changes.",
			[]want{{"John Marsh", Indirect, "the mayor offered no changes"}}, nil},
		{"the writer's participle after reported words", "Tom Reyes said the mayor should leave the race, echoing a memo from the party.",
			[]want{{"Tom Reyes", Indirect, "the mayor should leave the race"}}, nil},
		{"the writer's comparison after reported words", "Ann Moss said she wants an inquiry, as have other Democrats.",
			[]want{{"Ann Moss", Indirect, "she wants an inquiry"}}, nil},
		{"but after a quotation's comma", "Tom Reyes said the two senators are “nobodies in the Senate,” but he praised their work.",
			[]want{{"Tom Reyes", Mixed, "the two senators are “nobodies in the Senate,”"}}, nil},
		{"as X observed", "As Joel Marsh of the Denver Post observed, the biggest winner was not on the stage.",
			[]want{{"Joel Marsh", Indirect, "the biggest winner was not on the stage"}}, nil},
		{"observed without a clause is no statement", "Ann Moss observed the vote from the gallery.",
			nil, []string{"Ann Moss"}},
		{"the writer's contrast after while", "Ann Moss and Tom Reyes have said the ruling should be overturned, while Republican candidates went after the judge.",
			[]want{{"Tom Reyes", Indirect, "the ruling should be overturned"}, {"Ann Moss", Indirect, "the ruling should be overturned"}}, nil},
		{"clause, as X noted", "The tax would hurt small farms, as Clyburn noted in his column.",
			[]want{{"Clyburn", Indirect, "The tax would hurt small farms"}}, nil},
		{"to say is not a cue", "Tom Reyes did not know what to say about the vote.",
			nil, []string{"Tom Reyes"}},
		{"what X said is the writer's noun, not a report", "What Tom Reyes has said privately about the mayor is a different story, according to Ann Moss.",
			nil, []string{"Tom Reyes"}},
		{"responded by an act", "Ann Moss responded by abruptly blocking access to the campaign's voter data.",
			nil, []string{"Ann Moss"}},
		{"accused by an agent", "Ann Moss, accused by the press of hiding the report, left the hall.",
			nil, []string{"Ann Moss"}},
		{"added by email", "Ann Moss added by email that the council had failed the town.",
			[]want{{"Ann Moss", Indirect, "the council had failed the town"}}, nil},
		{"a passive cue with its agent", "Ann Moss was booed and shouted down by protesters after the speech began.",
			nil, []string{"Ann Moss"}},
		{"a cue with a particle", "Ann Moss tweeted back at the senator within the hour.",
			nil, []string{"Ann Moss"}},
		{"said by and a gerund opens a report", "Ann Moss said by refusing to act, the council had failed the town.",
			[]want{{"Ann Moss", Indirect, "by refusing to act, the council had failed the town"}}, nil},
		{"said by phone", "Ann Moss said by phone that the council had failed the town.",
			[]want{{"Ann Moss", Indirect, "the council had failed the town"}}, nil},
		{"said up to", "Ann Moss said up to 30 people had been hurt in the crash.",
			[]want{{"Ann Moss", Indirect, "up to 30 people had been hurt in the crash"}}, nil},
		{"wrote back that", "Ann Moss wrote back that the council had failed the town.",
			[]want{{"Ann Moss", Indirect, "the council had failed the town"}}, nil},
		{"what X said as an object", "The memo directly contradicted what Ana Lopez said about the vote in the past.",
			nil, []string{"Ana Lopez"}},
		{"what X called, quoted, is still X's words", "The city sought the games to shed what Ana Lopez called “a perception problem.”",
			[]want{{"Ana Lopez", Direct, "a perception problem."}}, nil},
		{"article and lower-case description before the name, then but said", "There, the district party chairman Ana Lopez declined to name the delegates but said one was a Trump supporter.",
			[]want{{"Ana Lopez", Indirect, "one was a Trump supporter"}}, nil},
		{"an unnamed spokesman speaks for the owner, then but said", "A spokesman for Ana Lopez declined to comment but said the talks would go on.",
			[]want{{"Ana Lopez", Indirect, "the talks would go on"}}, nil},
		{"the state of the speaker's town", "Stacy Baker of Columbia, South Carolina says she thinks Cruz can win.",
			[]want{{"Stacy Baker", Indirect, "she thinks Cruz can win"}}, []string{"South Carolina"}},
		{"a fronted time phrase is not what was said", "Shortly after the verdict, Ana Lopez announced her resignation.",
			nil, []string{"Ana Lopez"}},
		{"a fronted subordinate clause is not what was said", "When asked about the strike, Ana Lopez said it would end soon.",
			[]want{{"Ana Lopez", Indirect, "it would end soon"}}, nil},
		{"a fronted clause with its own main clause is", "While the mayor is third in the polls, a strong showing could lift her, Ana Lopez said.",
			[]want{{"Ana Lopez", Indirect, "While the mayor is third in the polls, a strong showing could lift her"}}, nil},
		{"a fronted phrase holding a verb is", "In my view the plan is dead, Ana Lopez said.",
			[]want{{"Ana Lopez", Indirect, "In my view the plan is dead"}}, nil},
		{"a cue with its own infinitive", "During the service, pastor Ana Lopez asked the crowd to stand for a minute of silence.",
			[]want{{"Ana Lopez", Indirect, "to stand for a minute of silence"}}, nil},
		{"a pledge with an infinitive and a quotation", "In a nod to the unions, Ana Lopez pledged to “keep every plant open.”",
			[]want{{"Ana Lopez", Mixed, "to “keep every plant open.”"}}, nil},
		{"an infinitive after an adverbial is not the cue's", "The plant will stay open, Ana Lopez said during her campaign speech to be a delegate.",
			[]want{{"Ana Lopez", Indirect, "The plant will stay open"}}, nil},
		{"said to reporters ends the clause", "The plant will stay open, Ana Lopez said to reporters.",
			[]want{{"Ana Lopez", Indirect, "The plant will stay open"}}, nil},
		{"according to, inside a sentence opened by a time phrase", "Since last November, according to Human Rights Watch, the police have killed more than 400 protesters.",
			[]want{{"Human Rights Watch", Indirect, "Since last November, according to Human Rights Watch, the police have killed more than 400 protesters"}}, nil},
		{"a role before the name is not what was said", "The chairman of the board, Ana Lopez, recently asked Ben Ruiz just that question.",
			nil, []string{"Ana Lopez"}},
		{"responded with is an act", "Ana Lopez responded with anger, calling a press conference within the hour.",
			nil, []string{"Ana Lopez"}},
		{"responded to reports that: the reports' clause", "Ana Lopez responded to reports that the mayor would resign.",
			nil, []string{"Ana Lopez"}},
		{"alleged in the suit that", "Ana Lopez alleged in the suit that the company had hidden its losses.",
			[]want{{"Ana Lopez", Indirect, "the company had hidden its losses"}}, nil},
		{"wrote in a phrase, then a clause", "Ana Lopez wrote in both listings she was proud to sell the house.",
			[]want{{"Ana Lopez", Indirect, "she was proud to sell the house"}}, nil},
		{"said in a phrase the cue does not skip", "Ana Lopez said in politics it takes time to build trust.",
			[]want{{"Ana Lopez", Indirect, "in politics it takes time to build trust"}}, nil},
		{"added that, then a phrase", "Ana Lopez added that, in Ohio, the race was close.",
			[]want{{"Ana Lopez", Indirect, "in Ohio, the race was close"}}, nil},
		{"said no to is a vote", "Senator Ana Lopez said no to the war in 2003.",
			nil, []string{"Ana Lopez"}},
		{"the rest of a title after the speaker is not what was said", "The plan has broad support, said Ana Lopez, director of the institute at the University of California, Davis, Center for Regional Change.",
			[]want{{"Ana Lopez", Indirect, "The plan has broad support"}}, nil},
		{"a name is not what was said", "Besides China, Vietnam, the Philippines, Malaysia and Brunei, Taiwan claims the reef.",
			nil, []string{"Taiwan"}},
		{"a role from a place is a description, not the place", "Senator Ana Lopez spoke in Iowa. The senator from Vermont said the banks were corrupt.",
			[]want{{"Ana Lopez", Indirect, "the banks were corrupt"}}, []string{"Vermont"}},
		{"said about, then that", "Ana Lopez said about the incident that nothing had happened.",
			[]want{{"Ana Lopez", Indirect, "nothing had happened"}}, nil},
		{"said about, no clause", "Ana Lopez said about the incident in the past.",
			nil, []string{"Ana Lopez"}},
		{"joked about tells the topic", "Ana Lopez joked about moving to New Zealand after the vote.",
			[]want{{"Ana Lopez", Indirect, "about moving to New Zealand after the vote"}}, nil},
		{"said little about", "Ana Lopez said little about how the plan would work.",
			nil, []string{"Ana Lopez"}},
		{"said nothing as a clause's subject", "Ana Lopez said nothing would change.",
			[]want{{"Ana Lopez", Indirect, "nothing would change"}}, nil},
		{"said much of as a clause's subject", "Ana Lopez said much of the talk was about trade.",
			[]want{{"Ana Lopez", Indirect, "much of the talk was about trade"}}, nil},
		{"according to and about a number", "According to the World Bank, about 12 percent of emissions are taxed.",
			[]want{{"World Bank", Indirect, "about 12 percent of emissions are taxed"}}, nil},
		{"a gerund's words end at the main cue", "But Senator Ana Lopez, noting the size of the crowd, said, “Let me tell you, this is a movement.”",
			[]want{{"Ana Lopez", Indirect, "the size of the crowd"}, {"Ana Lopez", Direct, "Let me tell you, this is a movement."}}, nil},
		{"a warning tweeted, the quotation next", "Senator Ana Lopez tweeted a warning. “Remember in November who voted against the bill.”",
			[]want{{"Ana Lopez", Direct, "Remember in November who voted against the bill."}}, nil},
		{"a split quotation around a long appositive", "“The risk,” said Ana Lopez, an economist who directs the Ohio Forecast, “is that jobs will leave.”",
			[]want{{"Ana Lopez", Direct, "The risk"}, {"Ana Lopez", Direct, "is that jobs will leave."}}, nil},
		{"a quotation after a full stop is no split quotation", "According to the Denver Post, one sign read, “Trust the Force, but buckle up.” Another advised, “Slow down.”",
			[]want{{"Denver Post", Direct, "Trust the Force, but buckle up."}}, nil},
		{"a left mark typed as the closing one", "“It is unusual,“ said Ana Lopez, a lawyer. “It is hard to pull off.”",
			[]want{{"Ana Lopez", Direct, "It is unusual"}, {"Ana Lopez", Direct, "It is hard to pull off."}}, nil},
		{"a contraction opening the sentence is nobody", "I'm old enough to remember Ana Lopez going on TV, telling voters that “the mine will reopen.”",
			nil, []string{"I'm"}},
		{"a role word between a name and the speaker", "“That is treason,” said Cruz constituent Dan Miles when asked about the bill.",
			[]want{{"Dan Miles", Direct, "That is treason"}}, nil},
		{"a connective left dangling is cut", "Ana Lopez suggested that nobody can win the state, while Ben Ruiz disagreed.",
			[]want{{"Ana Lopez", Indirect, "nobody can win the state"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := Extract(segment("t", tt.text))
			for _, w := range tt.want {
				if find(qs, w) == nil {
					t.Errorf("missing %s %s %q in%s", w.name, w.kind, w.text, dump(qs))
				}
			}
			if len(tt.want) > 0 && len(qs) != len(tt.want) {
				t.Errorf("got %d quotes, want %d:%s", len(qs), len(tt.want), dump(qs))
			}
			for _, n := range tt.none {
				for _, q := range qs {
					if q.Name == n || n == "" {
						t.Errorf("unexpected quote of %q: %q", q.Name, q.Text)
					}
				}
			}
		})
	}
}

// TestWrittenForm checks the speaker as the text names them: the words
// before a name belong to it only when they describe the speaker.
func TestWrittenForm(t *testing.T) {
	tests := []struct{ text, name, written string }{
		{"The strategy led to what aide Kevin Phillips called “the beginning of a new Republican era” in his book.", "Kevin Phillips", "aide Kevin Phillips"},
		{"Stacy Baker of Columbia, South Carolina says she thinks Cruz can win.", "Stacy Baker", "Stacy Baker of Columbia"},
		{"There, the district party chairman Ana Lopez declined to name the delegates but said one was a Trump supporter.", "Ana Lopez", "district party chairman Ana Lopez"},
		{"Ana Lopez led the count. Polls show Lopez ahead in June. Lopez said the race was close.", "Ana Lopez", "Ana Lopez"},
		{"A spokesman for Ana Lopez declined to comment but said the talks would go on.", "Ana Lopez", "spokesman for Ana Lopez"},
		{"Real estate mogul Ana Lopez spoke first. Lopez said the talks would go on.", "Ana Lopez", "Real estate mogul Ana Lopez"},
		{"Ana Lopez spoke first. The most able candidate Lopez said the talks would go on.", "Ana Lopez", "candidate Lopez"},
		{"Ana Lopez spoke first. Unfortunately for Lopez, the talks stalled. Lopez said they would go on.", "Ana Lopez", "Ana Lopez"},
		{"Ben Ruiz accused Mayor Ana Lopez of running a campaign of fear. Lopez said the talks would go on.", "Ana Lopez", "Mayor Ana Lopez"},
		{"Senator Ana Lopez of Ohio said the talks would go on.", "Ana Lopez", "Senator Ana Lopez of Ohio"},
		{"Reyes’ surge doesn’t surprise Republican pollster Ana Lopez\n\nRepublican pollster Ana Lopez told Fox that the race was close.", "Ana Lopez", "Republican pollster Ana Lopez"},
		{"Ben Ruiz asked Ana Lopez for a meeting of the board. Lopez said the talks would go on.", "Ana Lopez", "Ana Lopez"},
		{"Ana Lopez, a spokeswoman for the mayor, said the talks would go on.", "Ana Lopez", "Ana Lopez"},
	}
	for _, tt := range tests {
		qs := Extract(segment("t", tt.text))
		found := false
		for _, q := range qs {
			if q.Name == tt.name {
				found = true
				if q.Speaker != tt.written {
					t.Errorf("%q: %s written %q, want %q", tt.text, tt.name, q.Speaker, tt.written)
				}
			}
		}
		if !found {
			t.Errorf("%q: no quote of %s in%s", tt.text, tt.name, dump(qs))
		}
	}
}
