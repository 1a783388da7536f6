package digest

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/coveragebot/coveragebot/retrieval/article"
)

// Bounds on the sentences a story's summary may quote.
const (
	minSentenceWords = 8  // shorter ones are fragments, datelines, bylines
	maxSentenceWords = 55 // longer ones are run-ons or lists
	// perArticle bounds the sentences each article offers: news puts the
	// event first, and it keeps a story of many articles quick to rank.
	perArticle = 20
	// maxCandidates bounds a story's candidates; beyond it the ones
	// farthest from the story's centroid are dropped before LexRank.
	maxCandidates = 240
	// nearDuplicate is the word Jaccard above which two sentences say the
	// same thing: only the more central one is kept.
	nearDuplicate = 0.6
)

// candidate is one sentence a story's summary may quote.
type candidate struct {
	doc   int // index into the day's docs
	para  int // paragraph index in the article
	sent  article.Sentence
	vec   vector
	words map[string]struct{}
	score float64
	order int // position among the story's candidates, for ties
}

// candidates lists the sentences of an article a summary may quote: not in
// captions, of a sensible length, looking like prose.
func (b *builder) candidates(di int) []candidate {
	a := b.docs[di].a
	var out []candidate
	for _, p := range a.Paragraphs {
		if p.Caption {
			continue
		}
		for _, s := range p.Sentences {
			if len(out) == perArticle {
				return out
			}
			if !prose(s.Text) {
				continue
			}
			n := wordCount(s.Text)
			if n < minSentenceWords || n > maxSentenceWords {
				continue
			}
			out = append(out, candidate{doc: di, para: p.Index, sent: s, vec: b.vectorOf(s.Text)})
		}
	}
	return out
}

// prose tells a sentence from page furniture: it starts with a capital, a
// digit or an opening quote, holds lower-case letters, and no link.
func prose(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || strings.Contains(s, "http") || strings.Contains(s, "www.") || strings.Contains(s, "@") {
		return false
	}
	first := []rune(s)[0]
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && !strings.ContainsRune("\"“‘'(", first) {
		return false
	}
	return strings.IndexFunc(s, unicode.IsLower) >= 0
}

// central picks up to k sentences of the candidates, the most central first
// by LexRank, none a near duplicate of one picked before.
func central(cands []candidate, k int) []candidate {
	if len(cands) == 0 || k <= 0 {
		return nil
	}
	for i := range cands {
		cands[i].order = i
	}
	if len(cands) > maxCandidates {
		vecs := make([]vector, len(cands))
		for i, c := range cands {
			vecs[i] = c.vec
		}
		c := centroid(vecs)
		for i := range cands {
			cands[i].score = float64(cosine(cands[i].vec, c))
		}
		slices.SortStableFunc(cands, byScore)
		cands = cands[:maxCandidates]
	}
	lexRank(cands)
	slices.SortStableFunc(cands, byScore)
	var picked []candidate
	for i := range cands {
		c := &cands[i]
		c.words = wordSet(c.sent.Text)
		if slices.ContainsFunc(picked, func(p candidate) bool { return jaccard(p.words, c.words) > nearDuplicate }) {
			continue
		}
		picked = append(picked, *c)
		if len(picked) == k {
			break
		}
	}
	return picked
}

func byScore(a, b candidate) int {
	if c := cmp.Compare(b.score, a.score); c != 0 {
		return c
	}
	return cmp.Compare(a.order, b.order)
}

// lexRank scores the candidates by continuous LexRank (Erkan & Radev 2004):
// the stationary distribution of a random walk over the sentences, moving
// from one to another in proportion to their cosine similarity, with a
// damping jump to any sentence. Sentences many others echo score highest.
func lexRank(cands []candidate) {
	const damping, iterations, epsilon = 0.15, 50, 1e-7
	n := len(cands)
	if n == 1 {
		cands[0].score = 1
		return
	}
	// w[i] is row i of the row-normalised similarity matrix.
	w := make([][]float32, n)
	for i := range w {
		w[i] = make([]float32, n)
	}
	for i := range n {
		for j := i; j < n; j++ {
			s := cosine(cands[i].vec, cands[j].vec)
			w[i][j], w[j][i] = s, s
		}
	}
	for i := range w {
		var sum float32
		for _, s := range w[i] {
			sum += s
		}
		if sum == 0 {
			w[i][i], sum = 1, 1
		}
		for j := range w[i] {
			w[i][j] /= sum
		}
	}
	p := make([]float64, n)
	next := make([]float64, n)
	for i := range p {
		p[i] = 1 / float64(n)
	}
	for range iterations {
		for j := range next {
			next[j] = damping / float64(n)
		}
		for i, pi := range p {
			row := w[i]
			f := (1 - damping) * pi
			for j, s := range row {
				next[j] += f * float64(s)
			}
		}
		var delta float64
		for i := range p {
			d := next[i] - p[i]
			if d < 0 {
				d = -d
			}
			delta += d
		}
		p, next = next, p
		if delta < epsilon {
			break
		}
	}
	for i := range cands {
		cands[i].score = p[i]
	}
}

// wordSet is the set of lower-case words of a sentence.
func wordSet(s string) map[string]struct{} {
	set := make(map[string]struct{})
	words(s, func(w string) { set[w] = struct{}{} })
	return set
}

// jaccard is |a∩b| / |a∪b|.
func jaccard(a, b map[string]struct{}) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	inter := 0
	for w := range a {
		if _, ok := b[w]; ok {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}
