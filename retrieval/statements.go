package retrieval

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/coveragebot/coveragebot/retrieval/index"
	"github.com/coveragebot/coveragebot/retrieval/quote"
)

// statementPool is how many statements of one person are weighed before
// the page is cut: enough to rank by more than bleve's score.
const statementPool = 40

// recentOnly: a question with no topic about someone quoted more than
// recentOnly times the statements weighed is answered from their latest
// months, holding at least that many.
const recentOnly = 4

// statementsAsked is what statements answers: the name as the question
// gives it, a topic, a reporting verb and a first date when asked, and
// the page wanted.
type statementsAsked struct {
	named, topic, cue, since string
	offset, limit            int
	// question: the statements answer a question, not a listing (quotes
	// --speaker). When the name matches several people, the first page
	// holds one statement of each, for the asker to choose whom they
	// meant; and fragments are left out when the person has more to show
	// (substantive). A listing fills its pages with everything.
	question bool
}

// minWords is the fewest words a fragment needs to answer a question
// beside a person's other statements.
const minWords = 5

// substantive leaves out of one person's items, best first, the
// fragments of fewer than minWords words: a few words the reporter quoted
// inside their own sentence ("called the delay “absolute chaos”"), reported
// in their own words ("about those Mexican rapists"), or the tail of a
// quoted sentence ("the damage is done."), which tell little of what the
// person said. A short sentence of the person's own ("Turnout will decide
// it.") stays, and so does a fragment when the person has nothing else.
func substantive(items []Item) []Item {
	kept := make([]Item, 0, len(items))
	for _, it := range items {
		if !fragment(it) {
			kept = append(kept, it)
		}
	}
	if len(kept) == 0 {
		return items
	}
	return kept
}

// fragment reports whether an item is a few words short of a statement
// (substantive).
func fragment(it Item) bool {
	if wordCount(it.Text) >= minWords {
		return false
	}
	if it.Kind != string(quote.Direct) {
		return true
	}
	for _, r := range it.Text {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
	}
	return true
}

// wordCount counts the words of a text: runs of letters or digits, as a
// reader (and the evaluation) counts them ("don't" is two, "…" none).
func wordCount(text string) int {
	n, in := 0, false
	for _, r := range text {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// statements answers with the words of the people a question names, the
// best match first; when they are quoted but not on topic, it says so.
func (l *Library) statements(ctx context.Context, s *snapshot, ans Answer, cands []candidate, a statementsAsked) (Answer, error) {
	want := a.offset + a.limit + 1
	people := identities(several(cands))
	forms := 0
	for _, ps := range people {
		forms += len(ps)
	}
	var perPerson [][]Item
	var names []string
	total := 0
	// Several people, or forms of a name, share the page (one item each
	// in turn): each is weighed from a share of the pool.
	pool := max(want, (statementPool+forms-1)/forms)
	for _, ps := range people {
		var lists [][]Item
		for _, p := range ps {
			items, err := l.personStatements(ctx, s, p, a, pool, (want+forms-1)/forms)
			if err != nil {
				return Answer{}, err
			}
			if a.question {
				items = substantive(items)
			}
			if len(items) > 0 {
				lists = append(lists, items)
				total += len(items)
			}
		}
		if len(lists) == 0 {
			continue
		}
		perPerson = append(perPerson, interleave(lists))
		names = append(names, ps[0].name)
	}
	who := cands[0].p.name
	if total == 0 {
		ans.Kind = KindNone
		switch {
		case a.topic != "" && a.since != "":
			ans.Message = fmt.Sprintf("%s is quoted in the coverage, but not on %q since %s.", who, a.topic, a.since)
		case a.topic != "":
			ans.Message = fmt.Sprintf("%s is quoted in the coverage, but not on %q.", who, a.topic)
		case a.since != "":
			ans.Message = fmt.Sprintf("%s is not quoted in the coverage since %s.", who, a.since)
		default:
			ans.Message = fmt.Sprintf("%s is not quoted in the coverage.", who)
		}
		return ans, nil
	}
	ans.Kind = KindQuotes
	limit := a.limit
	if len(names) > 1 && a.question && a.offset == 0 {
		limit = min(limit, len(names))
	}
	ans.Items, ans.More = page(interleave(perPerson), a.offset, limit)
	var err error
	if ans.Items, err = l.withSources(ctx, s, ans.Items); err != nil {
		return Answer{}, err
	}
	switch {
	case len(names) > 1 && limit < a.limit:
		ans.Message = fmt.Sprintf("Several people match: %s. Here is one statement of each; ask with a full name for more of one of them.", strings.Join(names, ", "))
	case len(names) > 1:
		ans.Message = fmt.Sprintf("Several people match: %s. Each statement names its speaker.", strings.Join(names, ", "))
	}
	return ans, nil
}

// personStatements returns one person's statements as items, best first,
// weighed from a pool of statements. When copies of the same words (a
// wire story in many papers) leave fewer than want items, a pool four
// times larger is weighed once more.
func (l *Library) personStatements(ctx context.Context, s *snapshot, p *person, a statementsAsked, pool, want int) ([]Item, error) {
	for size := pool; ; size *= 4 {
		sq := index.StatementQuery{Keys: p.keys, Topic: a.topic, Cue: a.cue, Since: a.since, Size: size}
		if a.topic == "" && a.since == "" && p.count > recentOnly*size {
			// Without a topic the newest statements are wanted: those of
			// the last months are enough to choose from.
			buckets, err := index.RecentBuckets(p.speakers, recentOnly*size)
			if err != nil {
				return nil, err
			}
			sq.Buckets = buckets
		}
		hits, paragraphs, err := s.ix.SearchStatements(ctx, sq)
		if err != nil {
			return nil, err
		}
		items := statementItems(rankStatements(hits, a.named, p.name))
		if len(items) >= want || paragraphs <= uint64(size) || size > pool {
			return items, nil
		}
	}
}

// maxPeople bounds how many people one answer keeps apart.
const maxPeople = 5

// several picks, from the people a name matches equally well, those the
// coverage quotes enough to be meant: one "Baker" among several is kept
// apart from the others, but Donald Trump is not drowned by every Trump.
func several(cands []candidate) []candidate {
	top := cands[0]
	out := []candidate{top}
	for _, c := range cands[1:] {
		if len(out) == maxPeople {
			break
		}
		if c.score >= matchWords && top.score >= matchWords && c.p.count*8 >= top.p.count {
			out = append(out, c)
		}
	}
	return out
}

// identities gathers candidates into the people they are: the forms of
// one person's name ("Donald Trump" and "Donald J. Trump", "Ben Rhodes"
// and "Benjamin J. Rhodes", listed under one name in the list of
// speakers) are one person, the best matching form first; different people
// stay apart, in the candidates' order.
//
// The forms keep their own statements: an article writing "Donald J.
// Trump" may still mean another man, and the question's own form is asked
// for first.
func identities(cands []candidate) [][]*person {
	var out [][]*person
	at := map[*person]int{}
	for _, c := range cands {
		i, ok := at[c.head]
		if !ok {
			i = len(out)
			at[c.head] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], c.p)
	}
	return out
}

// interleave takes the best item of each person first, then the next of
// each, so that every person a name could mean is shown.
func interleave(lists [][]Item) []Item {
	var out []Item
	for i := 0; ; i++ {
		added := false
		for _, l := range lists {
			if i < len(l) {
				out = append(out, l[i])
				added = true
			}
		}
		if !added {
			return out
		}
	}
}

// rankStatements orders one person's statements: bleve's score (topic,
// cue) and direct quotes first, then substance (statements of a few words
// say little), then the newest.
//
// Among equals, the articles that quote the person most come first: there
// the person is a subject of the story, not a passing voice.
//
// Statements whose own sentence names the speaker ("Kishida said") come
// before those that do not ("he said", a quotation continued), the surest
// attributions first.
//
// And the articles that write the name as the question does (or, for a
// surname, as the coverage mostly does) come before those that write it
// otherwise ("Donald J. Trump" for "Donald Trump"): an article naming the
// person in other words may mean someone else.
func rankStatements(hits []index.StatementHit, named, display string) []index.StatementHit {
	per := map[string]int{}
	for _, h := range hits {
		per[h.ArticleID]++
	}
	as := plainName(named)
	if len(strings.Fields(as)) < 2 {
		as = plainName(display)
	}
	weight := func(h index.StatementHit) float64 {
		n := len(strings.Fields(h.Text))
		w := h.Score + 0.05*float64(min(per[h.ArticleID], 6))
		if plainName(h.Name) == as {
			w += 0.3
		}
		if h.Kind == string(quote.Direct) { // the speaker's very words
			w += 0.3
		}
		w += 0.4 * float64(quote.NamingOf(quote.Quote{Name: h.Name, Aliases: surname(h.Name), Text: h.Text, Sentence: h.Sentence}))
		switch {
		case n < 3:
			w -= 1
		case n < 6:
			w -= 0.2
		}
		return w
	}
	type weighed struct {
		h index.StatementHit
		w float64
	}
	ws := make([]weighed, len(hits))
	for i, h := range hits {
		ws[i] = weighed{h, weight(h)}
	}
	sort.SliceStable(ws, func(i, j int) bool {
		a, b := ws[i], ws[j]
		if a.w != b.w {
			return a.w > b.w
		}
		if a.h.Date != b.h.Date {
			return a.h.Date > b.h.Date
		}
		if a.h.ArticleID != b.h.ArticleID {
			return a.h.ArticleID < b.h.ArticleID
		}
		return a.h.Start < b.h.Start
	})
	for i := range ws {
		hits[i] = ws[i].h
	}
	return hits
}

// statementItems turns statements into items: the statements of one
// speaker and one kind in one paragraph are one item ("…" between their
// parts: a quote, the attribution between its parts, and the quote going
// on), and the same words carried by several articles are one item
// listing every source. Their sources are cited by article id, to be
// completed for the page alone (withSources).
//
// Statements of other paragraphs, and a quote beside reported speech in
// one paragraph, stay items of their own: each is cited where it stands,
// and a reader (or the PolNeAR gold) may take one without the other. The
// exception is a quotation going on into the next paragraph
// (joinContinued).
func statementItems(hits []index.StatementHit) []Item {
	type place struct {
		article, key, kind string
		paragraph          int
	}
	var groups [][]index.StatementHit
	at := map[place]int{}
	for _, h := range hits {
		k := place{h.ArticleID, h.Key, h.Kind, h.Paragraph}
		if g, ok := at[k]; ok {
			groups[g] = append(groups[g], h)
			continue
		}
		at[k] = len(groups)
		groups = append(groups, []index.StatementHit{h})
	}
	joinContinued(groups)
	var m merger
	for _, g := range groups {
		if len(g) == 0 { // joined to another
			continue
		}
		best := g[0]
		sort.SliceStable(g, func(i, j int) bool { return g[i].Start < g[j].Start })
		parts := make([]string, 0, len(g))
		end := -1
		for _, h := range g {
			if h.Start < end { // overlaps the part before: said once
				continue
			}
			parts = append(parts, h.Text)
			end = h.End
		}
		m.add(Item{Text: strings.Join(parts, " … "), Speaker: best.Speaker, Kind: best.Kind, Score: best.Score,
			Source: sourceAt(g[0].ArticleID, g[0].Paragraph, g[0].Start, end)})
	}
	return m.items
}

// joinContinued joins to the item of a paragraph the item of the next
// paragraph when that opens with a quotation going on with the statement
// that ended the paragraph before (quote's "continued-paragraph"): both
// are one statement, cut by a paragraph break. The joined item stands where
// the better placed of the two stood; the other group is left empty.
func joinContinued(groups [][]index.StatementHit) {
	type speakerPara struct {
		article, key string
		paragraph    int
	}
	lastOf := map[speakerPara]int{} // the group holding a paragraph's last statement by the speaker
	lastEnd := map[speakerPara]int{}
	for i, g := range groups {
		for _, h := range g {
			k := speakerPara{h.ArticleID, h.Key, h.Paragraph}
			if e, ok := lastEnd[k]; !ok || h.End > e {
				lastOf[k], lastEnd[k] = i, h.End
			}
		}
	}
	into := make([]int, len(groups)) // where a group went, itself if nowhere
	for i := range into {
		into[i] = i
	}
	find := func(i int) int {
		for into[i] != i {
			i = into[i]
		}
		return i
	}
	for i, g := range groups {
		if !slices.ContainsFunc(g, func(h index.StatementHit) bool { return h.Rule == "continued-paragraph" }) {
			continue
		}
		j, ok := lastOf[speakerPara{g[0].ArticleID, g[0].Key, g[0].Paragraph - 1}]
		if !ok {
			continue
		}
		a, b := find(i), find(j)
		if a == b {
			continue
		}
		to, from := min(a, b), max(a, b)
		groups[to] = append(groups[to], groups[from]...)
		groups[from], into[from] = nil, to
	}
}

// page cuts one page of items and says whether more follow.
func page(items []Item, offset, limit int) ([]Item, bool) {
	if offset >= len(items) {
		return []Item{}, false
	}
	end := min(len(items), offset+limit)
	return items[offset:end], end < len(items)
}

// sourceAt is the source of runes start..end in paragraph p of an
// article, known by its id until withSources completes it.
func sourceAt(id string, p, start, end int) Source {
	return Source{ID: id, Paragraph: p + 1, Start: start, End: end}
}

// withSources completes the sources of a page of items with their
// articles' titles, outlets, links and dates, read once for them all. An item
// whose article is gone since it was found (a reindex in between) is left
// out, and so is such a source among those of an item.
func (l *Library) withSources(ctx context.Context, s *snapshot, items []Item) ([]Item, error) {
	var ids []string
	for _, it := range items {
		ids = append(ids, it.Source.ID)
		for _, a := range it.Also {
			ids = append(ids, a.ID)
		}
	}
	metas, err := s.ix.Articles(ctx, ids)
	if err != nil {
		return nil, err
	}
	complete := func(src *Source) bool {
		m, ok := metas[src.ID]
		if ok {
			src.Title, src.Outlet, src.URL = m.Title, m.Outlet, m.URL
			if !m.Undated {
				src.Published = m.Date
			}
		}
		return ok
	}
	out := items[:0]
	for _, it := range items {
		if !complete(&it.Source) {
			continue
		}
		also := it.Also[:0]
		for _, a := range it.Also {
			if complete(&a) {
				also = append(also, a)
			}
		}
		if len(also) == 0 {
			also = nil
		}
		it.Also = also
		out = append(out, it)
	}
	return out, nil
}

// surname is the last word of a name, the usual short way to name a
// person again ("Kishida" for Fumio Kishida).
func surname(name string) []string {
	f := strings.Fields(name)
	if len(f) < 2 {
		return nil
	}
	return f[len(f)-1:]
}

// plainName lower-cases a name and keeps only its letters, digits and
// single spaces: "Donald J. Trump" → "donald j trump".
func plainName(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}
