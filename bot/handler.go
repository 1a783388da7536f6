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

// fail tells the user briefly that something went wrong — only them,
// unless a public "thinking…" message already stands; the details go to
// the log.
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
	case t.first.Kind == respDefer:
		// The "thinking…" message becomes the error. It stays as public
		// as the deferral was: Discord cannot change that afterwards, and
		// after deleting it no followup can be sent.
		sendErr = t.edit(ctx, msg)
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
