package bot

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/bot/reply"
	"github.com/coveragebot/coveragebot/retrieval"
)

// quotes runs /quotes: a speaker's statements, paged like an answer.
func (h *handler) quotes(ctx context.Context, t *tracked, a args) error {
	speaker := strings.TrimSpace(a.str("speaker"))
	if speaker == "" {
		return userErrorf("Tell me whose statements you want: `/quotes speaker: Blinken`.")
	}
	since, err := a.date("since")
	if err != nil {
		return err
	}
	q := retrieval.QuoteQuery{Speaker: speaker, About: strings.TrimSpace(a.str("about")), Since: since}
	title := "What " + speaker + " said"
	if q.About != "" {
		title += " about " + q.About
	}
	return h.firstPage(ctx, t, query{Quotes: &q, Title: title})
}

// search runs /search: passages, paged like an answer.
func (h *handler) search(ctx context.Context, t *tracked, a args) error {
	text := strings.TrimSpace(a.str("query"))
	if text == "" {
		return userErrorf("Tell me what to look for: `/search query: peace plan`.")
	}
	if utf8.RuneCountInString(text) > h.maxQuestion {
		return tooLong(h.maxQuestion)
	}
	since, err := a.date("since")
	if err != nil {
		return err
	}
	until, err := a.date("until")
	if err != nil {
		return err
	}
	if !since.IsZero() && !until.IsZero() && until.Before(since) {
		return userErrorf("until: %s comes before since: %s.", until.Format(time.DateOnly), since.Format(time.DateOnly))
	}
	q := retrieval.SearchQuery{Text: text, Outlet: strings.TrimSpace(a.str("outlet")), Since: since, Until: until}
	return h.firstPage(ctx, t, query{Search: &q, Title: "Passages about " + text})
}

// firstPage defers, answers the query and edits the answer in.
func (h *handler) firstPage(ctx context.Context, t *tracked, q query) error {
	if err := t.respond(ctx, response{Kind: respDefer, Ephemeral: h.ephemeral}); err != nil {
		return err
	}
	m, err := h.page(ctx, q, "", 0)
	if err != nil {
		return err
	}
	return t.edit(ctx, m)
}

// page answers q from offset on, with a "More" button when items remain.
func (h *handler) page(ctx context.Context, q query, key string, offset int) (reply.Message, error) {
	ctx, cancel := context.WithTimeout(ctx, answerTimeout)
	defer cancel()
	var ans retrieval.Answer
	var err error
	switch {
	case q.Ask != nil:
		r := *q.Ask
		r.Offset = offset
		ans, err = h.a.Ask(ctx, r)
	case q.Quotes != nil:
		r := *q.Quotes
		r.Offset = offset
		ans, err = h.a.Quotes(ctx, r)
	case q.Search != nil:
		r := *q.Search
		r.Offset = offset
		ans, err = h.a.Search(ctx, r)
	default:
		return reply.Message{}, errors.New("empty query")
	}
	if err != nil {
		return reply.Message{}, err
	}
	if strings.TrimSpace(ans.Question) == "" {
		ans.Question = q.Title
	}
	p := reply.Answer(ans, offset)
	if p.Shown > 0 && (p.Shown < len(ans.Items) || ans.More) {
		if key == "" {
			key = h.pages.put(q)
		}
		p.Message.Buttons = []reply.Button{{Label: "More", CustomID: moreID(key, offset+p.Shown)}}
	}
	return p.Message, nil
}

// component handles a button: "More" shows the next page in place.
func (h *handler) component(ctx context.Context, in interaction, t *tracked) error {
	key, offset, err := parseMoreID(in.CustomID)
	if err != nil {
		return err
	}
	q, ok := h.pages.get(key)
	if !ok {
		return userErrorf("I no longer remember that answer (I keep only recent ones). Please ask again.")
	}
	if err := h.allow(in); err != nil {
		return err
	}
	if err := t.respond(ctx, response{Kind: respDeferUpdate}); err != nil {
		return err
	}
	m, err := h.page(ctx, q, key, offset)
	if err != nil {
		return err
	}
	return t.edit(ctx, m)
}

// summary runs /summary: the summary of a day, in as many messages as it
// needs.
func (h *handler) summary(ctx context.Context, t *tracked, a args) error {
	date, err := a.date("date")
	if err != nil {
		return err
	}
	if date.IsZero() {
		date = h.defaultDay()
	}
	if err := t.respond(ctx, response{Kind: respDefer, Ephemeral: h.ephemeral}); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, answerTimeout)
	defer cancel()
	s, err := h.a.Summary(ctx, date)
	if err != nil {
		return err
	}
	msgs := reply.Summary(s)
	if err := t.edit(ctx, msgs[0]); err != nil {
		return err
	}
	for _, m := range msgs[1:] {
		m.Ephemeral = h.ephemeral
		if err := t.followup(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

// dayLister is an Answerer that knows the days with coverage
// (*retrieval.Library does).
type dayLister interface {
	Days() (map[string]int, error)
}

// defaultDay is the day /summary shows without a date: the latest day with
// coverage, as `coveragebot summary` does, or else today.
func (h *handler) defaultDay() time.Time {
	if dl, ok := h.a.(dayLister); ok {
		days, err := dl.Days()
		if err != nil {
			h.log.Warn("listing the days with coverage", "err", err)
		}
		var latest time.Time
		for d := range days {
			if t, err := time.ParseInLocation(time.DateOnly, d, h.loc); err == nil && t.After(latest) {
				latest = t
			}
		}
		if !latest.IsZero() {
			return latest
		}
	}
	y, m, d := h.now().In(h.loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, h.loc)
}

// sources runs /sources: what is indexed.
func (h *handler) sources(ctx context.Context, t *tracked) error {
	if err := t.respond(ctx, response{Kind: respDefer, Ephemeral: h.ephemeral}); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, answerTimeout)
	defer cancel()
	r, err := h.a.Sources(ctx)
	if err != nil {
		return err
	}
	return t.edit(ctx, reply.Sources(r))
}
