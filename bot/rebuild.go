package bot

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/coveragebot/coveragebot/bot/reply"
	"github.com/coveragebot/coveragebot/retrieval"
)

// tokenValid is how long the bot edits an interaction's reply: Discord's
// interaction tokens last 15 minutes; a minute is kept in hand.
const tokenValid = 14 * time.Minute

// rebuilderBy is an Answerer that can also be told who asked for a
// rebuild (*retrieval.Library can), to tell whoever asks for another.
type rebuilderBy interface {
	RebuildBy(ctx context.Context, who string, progress retrieval.Progress) (retrieval.IndexReport, error)
}

// rebuildState knows whether a rebuild asked on Discord is running, and
// who asked for it.
type rebuildState struct {
	mu      sync.Mutex
	running bool
	by      string
	since   time.Time
}

// begin claims the rebuild for by, or returns who holds it.
func (s *rebuildState) begin(by string, now time.Time) (holder string, since time.Time, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.running {
		return s.by, s.since, false
	}
	s.running, s.by, s.since = true, by, now
	return "", time.Time{}, true
}

func (s *rebuildState) end() {
	s.mu.Lock()
	s.running = false
	s.mu.Unlock()
}

// reindex rebuilds the index for a moderator, showing progress by editing
// its reply and ending with a report.
func (h *handler) reindex(ctx context.Context, in interaction, t *tracked) error {
	if !mayReindex(in, h.modRoles) {
		return userErrorf("Rebuilding the index needs the Manage Server permission or a moderator role.")
	}
	now := h.now()
	if by, since, ok := h.rebuilds.begin(in.who(), now); !ok {
		return userErrorf("A rebuild is already running: %s started it <t:%d:R>. I'll report when it ends.", by, since.Unix())
	}
	defer h.rebuilds.end()
	h.log.Info("reindex requested", "user", in.UserID, "user_name", in.UserName, "guild", in.GuildID,
		"channel", in.ChannelID, "at", now.UTC().Format(time.RFC3339))
	if err := t.respond(ctx, response{Kind: respDefer, Ephemeral: h.ephemeral}); err != nil {
		return err
	}
	if err := t.edit(ctx, reply.Progress(0, 0, in.who(), 0)); err != nil {
		h.log.Warn("could not show rebuild progress", "interaction", in.ID, "err", err)
	}

	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		select {
		case <-h.stopping:
			cancel()
		case <-rctx.Done():
		}
	}()
	p := &progressEditor{h: h, t: t, in: in, start: now, wake: make(chan struct{}, 1), done: make(chan struct{}), finished: make(chan struct{})}
	go p.run(ctx)
	var rep retrieval.IndexReport
	var err error
	if rb, ok := h.a.(rebuilderBy); ok {
		rep, err = rb.RebuildBy(rctx, in.UserName+" on Discord", p.update)
	} else {
		rep, err = h.a.Rebuild(rctx, p.update)
	}
	p.stop()

	var m reply.Message
	switch {
	case err == nil:
		h.log.Info("reindex finished", "user", in.UserID, "articles", rep.Articles, "paragraphs", rep.Paragraphs,
			"statements", rep.Statements, "skipped", len(rep.Skipped), "took", rep.Took)
		m = reply.Report(rep, in.who())
	case errors.Is(err, retrieval.ErrRebuildRunning):
		m = reply.RebuildFailed("Another rebuild is already running ("+reply.Escape(err.Error())+").", in.who())
	case rctx.Err() != nil && ctx.Err() == nil:
		h.log.Warn("reindex cancelled: shutting down", "user", in.UserID, "err", err)
		m = reply.RebuildFailed("The bot is shutting down, so the rebuild was cancelled.", in.who())
	default:
		id := errorID()
		h.log.Error("reindex failed", "error_id", id, "user", in.UserID, "err", err)
		m = reply.RebuildFailed(fmt.Sprintf("It failed (error id `%s`; the details are in the bot's log).", id), in.who())
	}
	return h.finishRebuild(ctx, in, t, m)
}

// finishRebuild shows the end of a rebuild in its reply, or in the channel
// once the interaction's token has expired.
func (h *handler) finishRebuild(ctx context.Context, in interaction, t *tracked, m reply.Message) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
	defer cancel()
	if h.now().Sub(in.Created) < tokenValid {
		err := t.edit(ctx, m)
		if err == nil {
			return nil
		}
		h.log.Warn("could not edit the rebuild report in; posting it in the channel", "interaction", in.ID, "err", err)
	}
	if in.ChannelID == "" {
		return errors.New("the rebuild outlived its interaction and there is no channel to report to")
	}
	m.Content = in.who() + ", the rebuild you asked for has ended:"
	m.Ephemeral = false
	if err := h.postWithRetry(ctx, in.ChannelID, m); err != nil {
		return fmt.Errorf("reporting the end of the rebuild in the channel: %w", err)
	}
	return nil
}

// progressEditor edits a rebuild's reply as it goes, at most once per
// handler.progressEvery, and not once the token has expired.
type progressEditor struct {
	h     *handler
	t     responder
	in    interaction
	start time.Time

	mu     sync.Mutex
	latest [2]int

	wake     chan struct{}
	done     chan struct{}
	finished chan struct{}
}

// update is the retrieval.Progress callback: it never blocks the rebuild.
func (p *progressEditor) update(done, total int) {
	p.mu.Lock()
	p.latest = [2]int{done, total}
	p.mu.Unlock()
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

func (p *progressEditor) run(ctx context.Context) {
	defer close(p.finished)
	for {
		// The reply was just edited (first by reindex itself): wait.
		timer := time.NewTimer(p.h.progressEvery)
		select {
		case <-p.done:
			timer.Stop()
			return
		case <-timer.C:
		}
		select {
		case <-p.done:
			return
		case <-p.wake:
		}
		p.mu.Lock()
		v := p.latest
		p.mu.Unlock()
		now := p.h.now()
		if now.Sub(p.in.Created) >= tokenValid {
			continue
		}
		if err := p.t.edit(ctx, reply.Progress(v[0], v[1], p.in.who(), now.Sub(p.start))); err != nil {
			p.h.log.Warn("could not show rebuild progress", "interaction", p.in.ID, "err", err)
		}
	}
}

// stop ends the edits; no edit is under way once it returns.
func (p *progressEditor) stop() {
	close(p.done)
	<-p.finished
}
