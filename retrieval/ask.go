package retrieval

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/retrieval/index"
	"github.com/coveragebot/coveragebot/retrieval/question"
)

// Answer answers one question with the first page of items.
func (l *Library) Answer(ctx context.Context, q string) (Answer, error) {
	return l.Ask(ctx, Request{Question: q})
}

// Ask answers a question: the statements of the person it asks about when
// it asks what someone said, otherwise the passages that answer it. An
// answer with nothing relevant has Kind KindNone and says why in Message.
func (l *Library) Ask(ctx context.Context, r Request) (Answer, error) {
	q, err := checkQuestion(r.Question, l.opts.MaxQuestion)
	if err != nil {
		return Answer{}, err
	}
	s, release, err := l.acquire()
	if err != nil {
		return Answer{}, err
	}
	defer release()
	v := s.view.Load()
	limit := l.limit(r.Limit)
	ans := Answer{Question: q, Coverage: v.coverage, Items: []Item{}}
	pq := question.Parse(q)
	if pq.Intent == question.Statements && pq.Speaker != "" {
		cands, written, err := resolveSpeaker(ctx, s, v, pq.Speaker)
		if err != nil {
			return Answer{}, err
		}
		if len(cands) > 0 {
			return l.statements(ctx, s, ans, cands, statementsAsked{named: pq.Speaker, topic: pq.Topic, cue: cueOf(q),
				offset: r.Offset, limit: limit, question: true})
		}
		if !written {
			ans.Kind = KindNone
			ans.Message = fmt.Sprintf("%s does not appear in the coverage.", pq.Speaker)
			return ans, nil
		}
		ans.Message = fmt.Sprintf("%s is mentioned in the coverage but never quoted; these passages mention them.", pq.Speaker)
		ans, err = l.passages(ctx, s, ans, passageQuery{text: strings.Join(pq.Terms, " "), name: pq.Speaker}, r.Offset, limit)
		if err == nil && ans.Kind == KindNone {
			ans.Message = fmt.Sprintf("%s is mentioned in the coverage but never quoted.", pq.Speaker)
		}
		return ans, err
	}
	if len(pq.Terms) == 0 {
		ans.Kind = KindNone
		ans.Message = "The question has no words to search for; ask about a person, a place or an event."
		return ans, nil
	}
	return l.passages(ctx, s, ans, passageQuery{text: strings.Join(pq.Terms, " ")}, r.Offset, limit)
}

// checkQuestion trims q and refuses empty and over-long questions.
func checkQuestion(q string, maxRunes int) (string, error) {
	q = strings.TrimSpace(strings.ToValidUTF8(q, "\uFFFD"))
	switch n := utf8.RuneCountInString(q); {
	case n == 0:
		return "", ErrEmptyQuestion
	case n > maxRunes:
		return "", fmt.Errorf("%w: %d characters, at most %d", ErrQuestionTooLong, n, maxRunes)
	}
	return q, nil
}

func (l *Library) limit(n int) int {
	if n <= 0 {
		return l.opts.MaxItems
	}
	return min(n, 25)
}

// coverageOf describes the coverage of a view.
func coverageOf(meta Meta, stats index.Stats) Coverage {
	c := Coverage{Articles: stats.Articles, IndexedAt: meta.IndexedAt}
	for d := range stats.Days {
		if c.From == "" || d < c.From {
			c.From = d
		}
		if d > c.To {
			c.To = d
		}
	}
	return c
}

// reportingVerbs are the verbs a question may use for how something was
// said; the statements made with the same verb come first.
var reportingVerbs = map[string]bool{
	"say": true, "tell": true, "respond": true, "reply": true, "warn": true, "urge": true, "deny": true,
	"claim": true, "accuse": true, "praise": true, "denounce": true, "write": true, "tweet": true,
	"post": true, "ask": true, "announce": true, "promise": true, "admit": true, "argue": true,
}

// cueOf finds the reporting verb of a question ("what did Xi tell Putin"
// → "tell"), or "" when it uses none but "say".
func cueOf(q string) string {
	for _, w := range strings.Fields(strings.ToLower(q)) {
		w = strings.Trim(w, "?!.,;:\"'“”‘’")
		if l := index.CueLemma(w); reportingVerbs[l] && l != "say" {
			return l
		}
	}
	return ""
}

// resolveSpeaker finds the people a name given in a question stands for:
// as written first; when nobody is quoted under it, as a misspelling,
// unless the name stands as written in the coverage (a "Tracey" of the
// text is not a misspelt "Tracy"). written says whether it does, when that
// had to be found out.
func resolveSpeaker(ctx context.Context, s *snapshot, v *view, name string) (cands []candidate, written bool, err error) {
	if cands := v.speakers().resolve(name, false); len(cands) > 0 {
		return cands, true, nil
	}
	written, err = inCoverage(ctx, s.ix, name)
	if err != nil || written {
		return nil, written, err
	}
	return v.speakers().resolve(name, true), false, nil
}

// nameHits is how many paragraphs holding a name's words are read to
// find it written as a name: most that hold "matter" do not name Black
// Lives Matter.
const nameHits = 150

// inCoverage says whether name stands, as written (not stemmed, not
// misspelt) and as a name, in a paragraph of the coverage.
func inCoverage(ctx context.Context, ix *index.Index, name string) (bool, error) {
	if len(words(name)) == 0 {
		return false, nil
	}
	hits, _, err := ix.SearchParagraphs(ctx, index.PassageQuery{Text: name, All: true, Size: nameHits})
	if err != nil {
		return false, err
	}
	for _, h := range hits {
		if namedIn(h.Text, name) {
			return true, nil
		}
	}
	return false, nil
}

// namedIn says whether text names name: its words stand in a row, or
// with initials between them ("Eric H. Holder" names Eric Holder), one of
// them at least capitalised ("Black Lives Matter" names Matter, "no
// matter what" does not; "Diane Hendricks" does not name Hendrick).
func namedIn(text, name string) bool {
	want := words(name)
	if len(want) == 0 {
		return false
	}
	var have []string
	var caps []bool
	scanWords(text, func(w string, capital bool) {
		have = append(have, w)
		caps = append(caps, capital)
	})
	for i := range have {
		if have[i] != want[0] {
			continue
		}
		capital, j, k := caps[i], i+1, 1
		for ; k < len(want) && j < len(have); j++ {
			switch {
			case have[j] == want[k]:
				capital = capital || caps[j]
				k++
			case utf8.RuneCountInString(have[j]) > 1:
				j = len(have) // not an initial: the name stops here
			}
		}
		if k == len(want) && capital {
			return true
		}
	}
	return false
}
