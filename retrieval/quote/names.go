package quote

// Common given names with their usual gender: they let "she said" find the
// woman named before rather than the nearest man. A name missing here only
// leaves the gender unknown until a pronoun or a courtesy title settles it.
var femaleNames = set(`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
	betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah debbie
	stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole
	emma samantha katherine kate christine debra rachel catherine carolyn janet ruth maria heather diane
	virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl
	hannah martha jacqueline frances gloria ann kathryn teresa theresa sara janice alice madison
	doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia marie diana
	brittany natalie isabella charlotte rose kayla hillary hilary huma kellyanne ivanka melania
	michele nikki condoleezza condi madeleine dianne elena sonia ruth-bader kamala tulsi carly sheryl
	oprah ellen jill tipper laura barbara chelsea loretta janet valerie susana susanne suzanne stacey
	stacy tammy tina tracy wendy yvonne zoe claire clare keiko yoko angela ursula theresa marine
	christine federica iryna yulia olena natalia natalya svetlana tatiana irina olga maria-elena
	nadia fatima aisha leila layla yasmin malala benazir indira sushma mamata nirmala jacinda
	liz debbie becky peggy patty sally molly polly jenny katie kathy cathy beth meg maggie annie
	lucy nora norah ella ava mia chloe zoey lily leah audrey bella claudia paula rosa ana ines
	carmen dolores lourdes guadalupe marta silvia sofia lucia elisa gina roberta francesca giulia
	brigitte sabine ingrid helga birgit greta marta agnieszka katarzyna kristen kirsten kristin
	kirstjen kristi kristina krysten erin colleen maureen eileen kathleen bridget siobhan maeve
	roisin sinead lorraine donna elaine eleanor ella esther eva faith gail gwen hope irene
	iris janine jeanne joanne josephine june kay lillian lois lori lynn mallory marcia
	margo marsha maxine mildred miriam muriel naomi nina noreen opal pearl phyllis priscilla
	rhonda rita roberta rosemary roxanne sherry sheila sylvia tamara terri thelma vera
	vivian wanda whitney yolanda ayanna ilhan alexandria rashida pramila marjorie lauren liz
	marsha elise nancy mazie tammy patty dianne amy kirsten elizabeth maria catherine
	shelley lisa susan joni cindy deb marsha jeanne heidi claire mary-kay billie sue jane`)

var maleNames = set(`james john robert michael william david richard joseph thomas charles christopher
	daniel matthew anthony antony mark donald steven steve paul andrew joshua kenneth kevin brian george
	timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
	scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron
	jose adam nathan henry douglas zachary peter kyle walter ethan jeremy harold keith christian roger
	noah gerald carl terry sean austin arthur lawrence jesse dylan bryan joe billy bruce albert
	willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby
	philip phillip johnny bernie bernard ted marco jeb ben barack bill mike mitch chuck harry newt
	rand rick ron reince sean jared eric hunter beau chris jim tim tom bob dick dan dave
	vladimir xi fumio volodymyr sergei sergey dmitry dmitri alexei alexey nikolai boris viktor
	recep emmanuel francois nicolas jacques olaf helmut gerhard angelo matteo giuseppe silvio
	benjamin bibi yair naftali mahmoud hassan ali mohammed muhammad ahmed omar abdul abdullah bashar
	jong shinzo yoshihide junichiro narendra rahul imran nawaz justin stephen pierre malcolm
	scott kevin anthony antonio pedro carlos luis jorge miguel manuel francisco javier fernando
	enrique ricardo rafael andres alejandro diego hugo nicolas evo lula jair felipe pope francis
	benedict john-paul barack joe kamala mike al dick dan spiro walter jimmy gerald lyndon
	dwight franklin herbert calvin woodrow theodore ulysses abraham ronald jeff jeffrey
	elon mark warren sheldon charles rupert roger tucker bret brett sean rush glenn
	patrick jake wolf anderson lester chris martin lloyd antony jake kurt liam oliver owen
	luke isaac caleb connor evan ian cole blake chase grant hayden jared levi max miles
	nolan parker reid seth shane tanner travis trevor troy wade wesley zach zack howard
	clint stuart ross adrian
	brad chad craig curtis dale darren derek duane earl ed eddie edwin floyd fred gene glen
	gordon greg hal herb homer ike irving ivan jay jeffery jerome jim joel jon karl ken kent
	lance lee leon leonard lewis lou marvin mel melvin mitchell morris neil norman otis perry
	phil ray rex rod rodney ronnie roy rudy rudolph russ sam sammy sid stan stanley ted terrance
	todd tony vic vince wally warren wendell wilbur will willard winston andy pete don matt nick rob`)

// unisexNames are given names that men and women alike bear (Robin
// Wilson of the Gin Blossoms, Dana Perino, Kim Jong Un and Kim Kardashian):
// they mark a name but leave its gender to a pronoun or a title.
var unisexNames = set(`robin dana leslie alexis andrea jean kim lindsey jordan`)

// genders holds every given name with its gender: 'f', 'm', or 'u'
// for one that men and women alike bear. A name on both the women's and
// the men's list is a woman's.
var genders = func() map[string]byte {
	m := map[string]byte{}
	for _, l := range []struct {
		names  map[string]bool
		gender byte
	}{{unisexNames, 'u'}, {maleNames, 'm'}, {femaleNames, 'f'}} {
		for w := range l.names {
			m[w] = l.gender
		}
	}
	return m
}()

// givenName reports whether a word is a common given name, of either gender.
func givenName(name string) bool {
	return genders[name] != 0
}

// firstNameGender returns 'f', 'm' or 0 for a given name (0 for one that
// men and women alike bear).
func firstNameGender(name string) byte {
	if g := genders[name]; g != 'u' {
		return g
	}
	return 0
}
