package retrieval

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Quotes answers with the statements of one speaker, on a topic and since
// a date when given: what `coveragebot quotes` and /quotes show.
func (l *Library) Quotes(ctx context.Context, q QuoteQuery) (Answer, error) {
	name, err := checkQuestion(q.Speaker, l.opts.MaxQuestion)
	if err != nil {
		return Answer{}, fmt.Errorf("speaker: %w", err)
	}
	s, release, err := l.acquire()
	if err != nil {
		return Answer{}, err
	}
	defer release()
	v := s.view.Load()
	question := "quotes from " + name
	if q.About != "" {
		question += " about " + q.About
	}
	ans := Answer{Question: question, Coverage: v.coverage, Items: []Item{}}
	cands, _, err := resolveSpeaker(ctx, s, v, name)
	if err != nil {
		return Answer{}, err
	}
	if len(cands) == 0 {
		ans.Kind = KindNone
		ans.Message = fmt.Sprintf("%s is not quoted in the coverage.", name)
		return ans, nil
	}
	since := ""
	if !q.Since.IsZero() {
		since = q.Since.Format("2006-01-02")
	}
	return l.statements(ctx, s, ans, cands, statementsAsked{named: name, topic: strings.TrimSpace(q.About), since: since,
		offset: q.Offset, limit: l.limit(q.Limit)})
}

// Speakers lists the speakers of the coverage with their numbers of
// statements, most quoted first; with a prefix, only those with a name or
// alias holding a word that starts with it (or holding it anywhere, for
// the bot's autocomplete: "Blin" finds Antony Blinken).
func (l *Library) Speakers(ctx context.Context, prefix string, limit int) ([]SpeakerCount, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s, release, err := l.acquire()
	if err != nil {
		return nil, err
	}
	defer release()
	v := s.view.Load()
	needle := fold(strings.ToLower(strings.TrimSpace(prefix)))
	var out, later []SpeakerCount // later: matches inside a word, after those at a word start
	for _, e := range v.speakers().listing {
		m := 2
		if needle != "" {
			m = 0
			for _, p := range e.members {
				m = max(m, matchName(p, needle))
			}
		}
		switch m {
		case 2:
			out = append(out, e.SpeakerCount)
		case 1:
			later = append(later, e.SpeakerCount)
		}
	}
	out = append(out, later...)
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// matchName says whether needle starts a word of p's names (2), lies
// elsewhere in them (1), or not at all (0).
func matchName(p *person, needle string) int {
	best := 0
	h := p.folded // each name after a zero byte, not a word's letter
	i := strings.Index(h, needle)
	for i >= 0 {
		if i == 0 || !isWordRune(h[i-1]) {
			return 2
		}
		best = 1
		j := strings.Index(h[i+1:], needle)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return best
}

func isWordRune(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80
}

// displayRole is the most frequent role of a speaker that says more than
// an honorific ("Mr.", "Ms.").
func displayRole(roles []string) string {
	for _, r := range roles {
		switch strings.ToLower(strings.Trim(r, ". ")) {
		case "mr", "mrs", "ms", "miss", "dr", "sir", "dame":
			continue
		}
		return r
	}
	return ""
}

func aliasesOf(p *person) []string {
	var out []string
	for _, f := range append(append([]string{}, p.forms...), p.aliases...) {
		if f != p.name && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out
}

func first(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[0]
}
