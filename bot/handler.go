package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/bot/reply"
	"github.com/coveragebot/coveragebot/retrieval"
)

// Timeouts of the work behind a reply.
const (
	answerTimeout       = 2 * time.Minute
	autocompleteTimeout = 2500 * time.Millisecond // the answer is due within 3 s
	replyTimeout        = 15 * time.Second        // to send one message
	pageCacheSize       = 2000
)

// handler decides what the bot says. It works on the package's own
// interaction type and talks back through a responder, so it runs the same
// behind the gateway, the HTTP endpoint and the tests.
type handler struct {
	a           Answerer
	log         *slog.Logger
	now         func() time.Time
	sleep       func(ctx context.Context, d time.Duration) error
	loc         *time.Location
	ephemeral   bool
	maxQuestion int
	modRoles    map[string]bool
	limiter     *limiter
	pages       *pageCache
	rebuilds    rebuildState
	post        poster
	posted      postedParts
	logChannel  string
	// progressEvery is the least time between two progress edits.
	progressEvery time.Duration
	// stopping is closed when shutdown begins: a running rebuild stops.
	stopping <-chan struct{}
}

func newHandler(opts Options, a Answerer, p poster, stopping <-chan struct{}) *handler {
	mods := map[string]bool{}
	for _, r := range opts.ModeratorRoles {
		if r = strings.TrimSpace(r); r != "" {
			mods[r] = true
		}
	}
	return &handler{
		a: a, log: opts.Logger, now: time.Now, sleep: sleepCtx, loc: opts.Location,
		ephemeral: opts.Ephemeral, maxQuestion: opts.MaxQuestion, modRoles: mods, limiter: newLimiter(opts.RateLimit, opts.RatePer),
		pages: newPageCache(pageCacheSize), post: p, logChannel: opts.LogChannel,
		progressEvery: 2 * time.Second, stopping: stopping,
	}
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// tracked remembers the first response sent, to know how an error can
// still be told.
type tracked struct {
	responder
	responded bool
	first     response
}

func (t *tracked) respond(ctx context.Context, r response) error {
	if t.responded {
		return errors.New("interaction already answered")
	}
	if err := t.responder.respond(ctx, r); err != nil {
		return fmt.Errorf("first response: %w", err)
	}
	t.responded, t.first = true, r
	return nil
}

// serve handles one interaction to the end. It never panics.
func (h *handler) serve(ctx context.Context, in interaction, r responder) {
	t := &tracked{responder: r}
	defer func() {
		if p := recover(); p != nil {
			h.fail(ctx, in, t, fmt.Errorf("panic: %v\n%s", p, debug.Stack()))
		}
	}()
	var err error
	switch {
	case in.Malformed != "":
		err = fmt.Errorf("unreadable interaction: %s", in.Malformed)
	case in.Kind == kindCommand:
		err = h.command(ctx, in, t)
	case in.Kind == kindAutocomplete:
		err = h.autocomplete(ctx, in, t)
	case in.Kind == kindComponent:
		err = h.component(ctx, in, t)
	default:
		err = errors.New("unsupported kind of interaction")
	}
	if err != nil {
		h.fail(ctx, in, t, err)
	}
}

// fail tells the user, briefly and only them, that something went wrong;
// the details go to the log.
func (h *handler) fail(ctx context.Context, in interaction, t *tracked, err error) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), replyTimeout)
	defer cancel()
	if in.Kind == kindAutocomplete {
		h.log.Warn("autocomplete failed", "interaction", in.ID, "command", in.Command, "err", err)
		if !t.responded {
			_ = t.respond(ctx, response{Kind: respChoices})
		}
		return
	}
	msg := reply.Text(friendly(h.log, in, err), true)
	var sendErr error
	switch {
	case !t.responded:
		sendErr = t.respond(ctx, response{Kind: respMessage, Message: msg})
	case t.first.Kind == respDefer && t.first.Ephemeral:
		sendErr = t.edit(ctx, msg)
	case t.first.Kind == respDefer:
		// The deferred reply is public: remove it, tell the user alone.
		if err := t.deleteOriginal(ctx); err != nil {
			h.log.Warn("could not delete the deferred reply", "interaction", in.ID, "err", err)
		}
		sendErr = t.followup(ctx, msg)
	default:
		sendErr = t.followup(ctx, msg)
	}
	if sendErr != nil {
		h.log.Warn("could not tell the user of an error", "interaction", in.ID, "err", sendErr)
	}
}

// command runs a slash command.
func (h *handler) command(ctx context.Context, in interaction, t *tracked) error {
	spec, ok := findCommand(in.Command, h.maxQuestion)
	if !ok {
		return userErrorf("I don't know the command /%s. Try /help.", in.Command)
	}
	a, err := parseArgs(spec, in.Options)
	if err != nil {
		return err
	}
	switch spec.Name {
	case "help":
		return t.respond(ctx, response{Kind: respMessage, Message: reply.Help(helpLines(), true)})
	case "reindex":
		return h.reindex(ctx, in, t)
	}
	if err := h.allow(in); err != nil {
		return err
	}
	switch spec.Name {
	case "ask":
		q := strings.TrimSpace(a.str("question"))
		if q == "" {
			return retrieval.ErrEmptyQuestion
		}
		if utf8.RuneCountInString(q) > h.maxQuestion {
			return tooLong(h.maxQuestion)
		}
		return h.firstPage(ctx, t, query{Ask: &retrieval.Request{Question: q}, Title: q})
	case "quotes":
		return h.quotes(ctx, t, a)
	case "search":
		return h.search(ctx, t, a)
	case "summary":
		return h.summary(ctx, t, a)
	case "sources":
		return h.sources(ctx, t)
	}
	return fmt.Errorf("command /%s is declared but not handled", spec.Name)
}

// tooLong is the error of a question over max characters.
func tooLong(max int) error {
	return userErrorf("That question is too long: please keep it under %d characters.", max)
}

// allow applies the per-user rate limit.
func (h *handler) allow(in interaction) error {
	ok, wait := h.limiter.allow(in.UserID, h.now())
	if ok {
		return nil
	}
	secs := int(wait.Seconds() + 0.999)
	return userErrorf("You're asking faster than I can read. Please wait %d s and try again.", max(1, secs))
}

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

func (h *handler) summary(ctx context.Context, t *tracked, a args) error {
	date, err := a.date("date")
	if err != nil {
		return err
	}
	if date.IsZero() {
		y, m, d := h.now().In(h.loc).Date()
		date = time.Date(y, m, d, 0, 0, 0, 0, h.loc)
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

// autocomplete offers choices for the option being typed.
func (h *handler) autocomplete(ctx context.Context, in interaction, t *tracked) error {
	var typed, name string
	for _, o := range in.Options {
		if o.Focused {
			name = o.Name
			typed, _ = o.Value.(string)
		}
	}
	ctx, cancel := context.WithTimeout(ctx, autocompleteTimeout)
	defer cancel()
	var choices []choice
	switch in.Command + " " + name {
	case "quotes speaker":
		speakers, err := h.a.Speakers(ctx, strings.TrimSpace(typed), reply.MaxChoices)
		if err != nil {
			return fmt.Errorf("speakers: %w", err)
		}
		for _, s := range speakers {
			if utf8.RuneCountInString(s.Name) > reply.MaxChoiceName || strings.TrimSpace(s.Name) == "" {
				continue // a value cannot be shortened without changing it
			}
			label := fmt.Sprintf("%s (%d)", s.Name, s.Quotes)
			if utf8.RuneCountInString(label) > reply.MaxChoiceName {
				label = s.Name
			}
			choices = append(choices, choice{Name: label, Value: s.Name})
		}
	case "search outlet":
		r, err := h.a.Sources(ctx)
		if err != nil {
			return fmt.Errorf("sources: %w", err)
		}
		want := strings.ToLower(strings.TrimSpace(typed))
		for _, o := range r.Outlets {
			n := strings.TrimSpace(o.Outlet)
			if n == "" || utf8.RuneCountInString(n) > reply.MaxChoiceName || !strings.Contains(strings.ToLower(n), want) {
				continue
			}
			choices = append(choices, choice{Name: n, Value: n})
		}
	}
	if len(choices) > reply.MaxChoices {
		choices = choices[:reply.MaxChoices]
	}
	return t.respond(ctx, response{Kind: respChoices, Choices: choices})
}
