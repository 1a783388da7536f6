package retrieval

import (
	"context"
	"sort"
	"strings"

	"github.com/coveragebot/coveragebot/retrieval/article"
	"github.com/coveragebot/coveragebot/retrieval/index"
)

// passagePool is how many paragraphs are weighed for one page.
const passagePool = 15

// minCoverage is the share of a question's terms a paragraph must hold to
// count as relevant.
const minCoverage = 0.4

type passageQuery struct {
	text         string
	must         string // optional words every passage must hold (a name)
	outlet       string
	since, until string
}

// passages answers with the sentences of the coverage that hold the most
// of the question's words, or says that nothing does.
func (l *Library) passages(ctx context.Context, s *snapshot, ans Answer, q passageQuery, offset, limit int) (Answer, error) {
	want := max(passagePool, 2*(offset+limit+1))
	pq := index.PassageQuery{Text: q.text, Outlet: q.outlet, Since: q.since, Until: q.until, Size: want, All: true}
	// Paragraphs holding every word of the question first; then those
	// holding most of them.
	hits, _, err := s.ix.SearchParagraphs(ctx, pq)
	if err != nil {
		return Answer{}, err
	}
	if len(hits) < 2*(offset+limit) { // enough hold every word: no need for the others
		pq.All = false
		more, _, err := s.ix.SearchParagraphs(ctx, pq)
		if err != nil {
			return Answer{}, err
		}
		hits = appendNewHits(hits, more)
	}
	qterms := uniq(s.ix.Terms(q.text))
	mustTerms := uniq(s.ix.Terms(q.must))
	type candidate struct {
		h       index.ParagraphHit
		matched int
		short   bool
	}
	var cands []candidate
	for _, h := range hits {
		have := termSet(s.ix.Terms(h.Text))
		matched := len(intersect(have, qterms))
		if !holdsAll(have, mustTerms) || float64(matched) < minCoverage*float64(len(qterms)) || isQuestion(h.Text) {
			continue
		}
		// A paragraph of a few words is a headline or a label, not an answer.
		cands = append(cands, candidate{h, matched, len(strings.Fields(h.Text)) < 8})
	}
	sort.SliceStable(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.matched != b.matched {
			return a.matched > b.matched
		}
		if a.short != b.short {
			return b.short
		}
		return a.h.Score > b.h.Score
	})
	ids := make([]string, 0, len(cands))
	for _, c := range cands {
		ids = append(ids, c.h.ArticleID)
	}
	metas, err := s.ix.Articles(ctx, ids)
	if err != nil {
		return Answer{}, err
	}
	var m merger
	for _, c := range cands {
		meta, ok := metas[c.h.ArticleID]
		if !ok {
			continue
		}
		for _, ex := range excerpts(s.ix, c.h, qterms) {
			m.add(Item{Text: ex.text, Kind: "passage", Score: c.h.Score, Source: cite(meta, c.h.Paragraph, ex.start, ex.end)})
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
	return ans, nil
}

// appendNewHits adds to hits those of more it does not hold yet.
func appendNewHits(hits, more []index.ParagraphHit) []index.ParagraphHit {
	type key struct {
		id string
		p  int
	}
	seen := map[key]bool{}
	for _, h := range hits {
		seen[key{h.ArticleID, h.Paragraph}] = true
	}
	for _, h := range more {
		if !seen[key{h.ArticleID, h.Paragraph}] {
			hits = append(hits, h)
		}
	}
	return hits
}

type excerpt struct {
	text       string
	start, end int // rune offsets in the article
}

// excerpts trims a paragraph to its sentences that hold question terms
// (at most three, in reading order, joined by "…" where sentences are
// left out). A paragraph of one sentence is given whole.
func excerpts(ix *index.Index, h index.ParagraphHit, qterms []string) []excerpt {
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
	for i, s := range sents {
		if n := len(intersect(termSet(ix.Terms(s.Text)), qterms)); n > 0 {
			keep = append(keep, scored{i, n})
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

func coverage(have map[string]bool, qterms []string) float64 {
	if len(qterms) == 0 {
		return 0
	}
	return float64(len(intersect(have, qterms))) / float64(len(qterms))
}

func holdsAll(have map[string]bool, ts []string) bool {
	return len(intersect(have, ts)) == len(ts)
}
