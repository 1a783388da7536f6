package retrieval

import (
	"context"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/retrieval/article"
	"github.com/coveragebot/coveragebot/retrieval/index"
)

// passagePool is how many paragraphs are weighed for one page.
const passagePool = 15

// enoughTerms is how many of a question's n distinct terms a paragraph
// must hold to count as relevant: two in five, rounded up.
func enoughTerms(n int) int { return (2*n + 4) / 5 }

type passageQuery struct {
	text         string
	name         string // optional name every passage must hold, as a name (namedIn)
	outlet       string
	since, until string
}

// copiesPool is how many more pools are weighed when copies of one
// paragraph (wire stories, a corpus read twice) were folded and left the
// page short.
const copiesPool = 8

// passages answers with the sentences of the coverage that hold the most
// of the question's words, or says that nothing does.
func (l *Library) passages(ctx context.Context, s *snapshot, ans Answer, q passageQuery, offset, limit int) (Answer, error) {
	want := max(passagePool, 2*(offset+limit+1))
	qterms := uniq(s.ix.Terms(q.text))
	need := offset + limit + 1 // one more item tells whether more follow
	var m merger
	seen := map[paraKey]bool{}
	texts := map[string]bool{}    // the texts of the paragraphs seen
	cut := map[string][]excerpt{} // a text's excerpts, once cut
	copies := false
	// take weighs the first pool of one search; when copies folded, or
	// paragraphs not naming the name asked for, leave the page short, the
	// pools after it, read from the same search (a second search would
	// match everything again). It says whether the search matched
	// paragraphs left unweighed.
	take := func(all bool) (left bool, err error) {
		pq := index.PassageQuery{Text: q.text, Outlet: q.outlet, Since: q.since, Until: q.until, Size: (1 + copiesPool) * want, All: all, Load: want}
		if !all {
			pq.MinTerms = enoughTerms(len(qterms))
		}
		hits, total, err := s.ix.SearchParagraphs(ctx, pq)
		if err != nil {
			return false, err
		}
		weighed := 0
		for from := 0; from < len(hits); from += want {
			if from > 0 && (!copies && q.name == "" || len(m.items) >= need-1) { // nothing left out, or the page full
				break
			}
			pool := hits[from:min(from+want, len(hits))]
			if err := s.ix.LoadParagraphs(ctx, pool); err != nil {
				return false, err
			}
			dups := takePassages(s.ix, &m, pool, seen, texts, cut, qterms, q.name, need)
			copies = copies || dups > 0
			weighed = from + len(pool)
		}
		return total > uint64(weighed), nil
	}
	// Paragraphs holding every word of the question first; then, when they
	// do not fill the page, those holding most of them (bleve's score
	// favours those holding more: it multiplies by the share held). When
	// the first fill the page and more of them are left, a next page
	// follows without the second search: it would only tell that again,
	// and it is the dearest, since it walks every paragraph holding any of
	// the words.
	left, err := take(true)
	if err != nil {
		return Answer{}, err
	}
	more := false
	switch {
	case len(m.items) >= need-1 && left && q.name == "":
		more = true
	case len(m.items) < need:
		if _, err := take(false); err != nil {
			return Answer{}, err
		}
	}
	if len(m.items) == 0 {
		ans.Kind = KindNone
		if ans.Message == "" {
			ans.Message = "Nothing in the coverage answers this."
		}
		return ans, nil
	}
	ans.Kind = KindPassages
	ans.Items, ans.More = page(m.items, offset, limit)
	ans.More = ans.More || more
	if ans.Items, err = l.withSources(ctx, s, ans.Items); err != nil {
		return Answer{}, err
	}
	return ans, nil
}

type paraKey struct {
	id string
	p  int
}

// takePassages adds to m the excerpts of hits not seen yet, until m holds
// need items, and says how many of the hits copy a paragraph seen before:
// headline-like paragraphs of a few words after the others, questions and
// paragraphs holding too few of the question's words (or not the name
// that must be there) left out. Paragraphs are analysed and excerpted only
// as far as the page needs; their articles are read for the page alone
// (withSources).
func takePassages(ix *index.Index, m *merger, hits []index.ParagraphHit, seen map[paraKey]bool, texts map[string]bool, cut map[string][]excerpt, qterms []string, name string, need int) (copies int) {
	var cands []index.ParagraphHit
	for _, h := range hits {
		k := paraKey{h.ArticleID, h.Paragraph}
		if !h.Loaded() || seen[k] { // not loaded: gone since the search
			continue
		}
		seen[k] = true
		if texts[h.Text] {
			copies++
		}
		texts[h.Text] = true
		if isQuestion(h.Text) {
			continue
		}
		cands = append(cands, h)
	}
	sort.SliceStable(cands, func(i, j int) bool { return !fewWords(cands[i].Text, 8) && fewWords(cands[j].Text, 8) })
	for _, h := range cands {
		if len(m.items) >= need {
			break
		}
		exs, done := cut[h.Text] // a copy of a paragraph already cut: cut alike
		if !done {
			exs = excerptsFor(ix, h, qterms, name)
			cut[h.Text] = exs
		}
		for _, ex := range exs {
			m.add(Item{Text: ex.text, Kind: "passage", Score: h.Score, Source: sourceAt(h.ArticleID, h.Paragraph, h.Start+ex.start, h.Start+ex.end)})
		}
	}
	return copies
}

// excerptsFor cuts a paragraph's excerpts, with offsets from its start, or
// none when it holds too few of the question's words or not the name that
// must be there.
func excerptsFor(ix *index.Index, h index.ParagraphHit, qterms []string, name string) []excerpt {
	if name != "" && !namedIn(h.Text, name) {
		return nil
	}
	toks := ix.Tokens(h.Text)
	have := make(map[string]bool, len(toks))
	for _, t := range toks {
		have[t.Term] = true
	}
	if len(intersect(have, qterms)) < enoughTerms(len(qterms)) {
		return nil
	}
	exs := excerpts(h, toks, qterms)
	for i := range exs {
		exs[i].start -= h.Start
		exs[i].end -= h.Start
	}
	return exs
}

type excerpt struct {
	text       string
	start, end int // rune offsets in the article
}

// excerpts trims a paragraph to its sentences that hold question terms
// (at most three, in reading order, joined by "…" where sentences are
// left out). A paragraph of one sentence is given whole. toks are the
// paragraph's terms.
func excerpts(h index.ParagraphHit, toks []index.Token, qterms []string) []excerpt {
	a := &article.Article{Text: h.Text}
	article.Segment(a)
	var sents []article.Sentence
	for _, p := range a.Paragraphs {
		sents = append(sents, p.Sentences...)
	}
	whole := []excerpt{{h.Text, h.Start, h.End}}
	if len(sents) <= 1 {
		return whole
	}
	type scored struct {
		i, n int
	}
	var keep []scored
	want := termSet(qterms)
	// Tokens and sentences both run in reading order: walk them together,
	// counting runes up to each token (sentences are in runes, tokens in
	// bytes).
	t, pos, runeAt := 0, 0, 0
	for i, sent := range sents {
		found := map[string]bool{}
		for ; t < len(toks); t++ {
			runeAt += utf8.RuneCountInString(h.Text[pos:toks[t].Start])
			pos = toks[t].Start
			if runeAt >= sent.End {
				break
			}
			if runeAt >= sent.Start && want[toks[t].Term] {
				found[toks[t].Term] = true
			}
		}
		if len(found) > 0 {
			keep = append(keep, scored{i, len(found)})
		}
	}
	if len(keep) == 0 {
		return whole
	}
	for len(keep) > 3 { // drop the weakest, keeping reading order
		low := 0
		for j := range keep {
			if keep[j].n < keep[low].n {
				low = j
			}
		}
		keep = append(keep[:low], keep[low+1:]...)
	}
	// Runs of neighbouring sentences are given as the paragraph has them;
	// a gap between runs is shown as "…".
	runes := []rune(h.Text)
	var b strings.Builder
	runStart := sents[keep[0].i].Start
	for j, k := range keep {
		last := j == len(keep)-1
		if !last && keep[j+1].i == k.i+1 {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(" … ")
		}
		b.WriteString(string(runes[runStart:sents[k.i].End]))
		if !last {
			runStart = sents[keep[j+1].i].Start
		}
	}
	first, end := sents[keep[0].i], sents[keep[len(keep)-1].i]
	return []excerpt{{b.String(), h.Start + first.Start, h.Start + end.End}}
}

// fewWords says whether text has fewer than n words, without counting
// them all.
func fewWords(text string, n int) bool {
	words := 0
	for range strings.FieldsSeq(text) {
		if words++; words >= n {
			return false
		}
	}
	return true
}

// isQuestion says whether a paragraph is itself a question (a headline or
// a reader's question on an explainer page): it cannot be the answer.
func isQuestion(text string) bool {
	t := strings.TrimRight(strings.TrimSpace(text), "\"”’'")
	return strings.HasSuffix(t, "?")
}

func termSet(ts []string) map[string]bool {
	m := make(map[string]bool, len(ts))
	for _, t := range ts {
		m[t] = true
	}
	return m
}

func uniq(ts []string) []string {
	seen := map[string]bool{}
	out := ts[:0:0]
	for _, t := range ts {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

func intersect(have map[string]bool, ts []string) []string {
	var out []string
	for _, t := range ts {
		if have[t] {
			out = append(out, t)
		}
	}
	return out
}
