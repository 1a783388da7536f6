package bot

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/coveragebot/coveragebot/bot/reply"
	"github.com/coveragebot/coveragebot/retrieval/digest"
)

// readyTimeout bounds the wait for the gateway's READY.
const readyTimeout = 30 * time.Second

// Bot is coveragebot on Discord.
type Bot struct {
	opts Options
	key  ed25519.PublicKey
	sess *discordgo.Session
	h    *handler

	stopping chan struct{} // closed when shutdown begins
	work     context.Context
	ran      atomic.Bool

	mu       sync.Mutex
	closing  bool
	inflight sync.WaitGroup
}

// New checks the options and prepares a bot that answers through a. It
// does not connect; Run does.
func New(opts Options, a Answerer) (*Bot, error) {
	key, api, err := opts.check()
	if a == nil {
		err = errors.Join(err, errors.New("the bot needs something to answer with (a nil Answerer)"))
	}
	if err != nil {
		return nil, err
	}
	token := opts.Token
	if !strings.HasPrefix(token, "Bot ") {
		token = "Bot " + token
	}
	s, err := discordgo.New(token)
	if err != nil {
		return nil, fmt.Errorf("discord session: %w", err)
	}
	s.Client = restClient(opts.HTTPClient, api)
	s.Dialer = gatewayDialer(opts.HTTPClient)
	s.Identify.Intents = discordgo.IntentsNone // slash commands need no intents
	s.StateEnabled = false
	b := &Bot{opts: opts, key: key, sess: s, stopping: make(chan struct{}), work: context.Background()}
	b.h = newHandler(opts, a, sessionPoster{s}, b.stopping)
	return b, nil
}

// Run connects to the gateway, registers the commands (one bulk overwrite:
// in the guild when GuildID is set, else globally), and answers until ctx
// is done. Then it stops taking interactions, lets the replies in flight
// finish (for at most ShutdownTimeout), closes the gateway and returns nil.
func (b *Bot) Run(ctx context.Context) error {
	if !b.ran.CompareAndSwap(false, true) {
		return errors.New("bot: Run may be called only once")
	}
	work, cancelWork := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelWork()
	b.work = work
	log := b.opts.Logger

	ready := make(chan *discordgo.Ready, 1)
	defer b.sess.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) {
		select {
		case ready <- r:
		default:
		}
	})()
	defer b.sess.AddHandler(b.onInteraction)()
	if err := b.sess.Open(); err != nil {
		return fmt.Errorf("connecting to Discord's gateway: %w", err)
	}
	// From here on, interactions may already be under way: every way out
	// goes through shutdown, which lets them finish.
	var appID, user string
	timer := time.NewTimer(readyTimeout)
	defer timer.Stop()
	select {
	case r := <-ready:
		if r.User != nil {
			appID, user = r.User.ID, r.User.Username
		}
		if r.Application != nil && r.Application.ID != "" {
			appID = r.Application.ID
		}
	case <-ctx.Done():
		return b.shutdown(nil)
	case <-timer.C:
		return errors.Join(errors.New("connecting to Discord's gateway: no READY came"), b.shutdown(nil))
	}
	if appID == "" {
		return errors.Join(errors.New("connecting to Discord's gateway: READY named no application"), b.shutdown(nil))
	}

	cmds := toCommands(commandSpecs(b.opts.MaxQuestion))
	if _, err := b.sess.ApplicationCommandBulkOverwrite(appID, b.opts.GuildID, cmds, discordgo.WithContext(ctx)); err != nil {
		if ctx.Err() != nil {
			return b.shutdown(nil)
		}
		return errors.Join(fmt.Errorf("registering the slash commands: %w", err), b.shutdown(nil))
	}
	where := "globally (they may take a while to appear)"
	if b.opts.GuildID != "" {
		where = "in guild " + b.opts.GuildID
	}
	log.Info("connected to Discord", "user", user, "application", appID, "commands", len(cmds), "registered", where)

	var srv *http.Server
	srvErr := make(chan error, 1)
	if b.opts.HTTPAddr != "" {
		ln, err := net.Listen("tcp", b.opts.HTTPAddr)
		if err != nil {
			return errors.Join(fmt.Errorf("interactions endpoint: %w", err), b.shutdown(nil))
		}
		srv = &http.Server{Handler: b.endpoint(), ReadHeaderTimeout: 10 * time.Second}
		go func() { srvErr <- srv.Serve(ln) }()
		log.Info("serving the HTTP interactions endpoint", "addr", ln.Addr().String())
	}
	var err error
	select {
	case <-ctx.Done():
	case err = <-srvErr:
		err = fmt.Errorf("interactions endpoint: %w", err)
	}
	if serr := b.shutdown(srv); serr != nil && err == nil {
		err = serr
	}
	return err
}

// shutdown stops taking work, closes the gateway and the endpoint, and
// waits (bounded) for the replies in flight.
func (b *Bot) shutdown(srv *http.Server) error {
	log := b.opts.Logger
	log.Info("shutting down: finishing the replies in flight", "timeout", b.opts.ShutdownTimeout)
	b.mu.Lock()
	b.closing = true
	b.mu.Unlock()
	close(b.stopping)
	deadline := time.Now().Add(b.opts.ShutdownTimeout)
	if srv != nil {
		ctx, cancel := context.WithDeadline(context.Background(), deadline)
		if err := srv.Shutdown(ctx); err != nil {
			log.Warn("closing the interactions endpoint", "err", err)
		}
		cancel()
	}
	if err := b.sess.Close(); err != nil {
		log.Warn("closing the gateway", "err", err)
	}
	done := make(chan struct{})
	go func() {
		b.inflight.Wait()
		close(done)
	}()
	select {
	case <-done:
		log.Info("shut down cleanly")
	case <-time.After(time.Until(deadline)):
		log.Warn("shut down with replies still in flight")
	}
	return nil
}

// acquire counts an interaction in flight, unless the bot is closing.
func (b *Bot) acquire() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closing {
		return false
	}
	b.inflight.Add(1)
	return true
}

// onInteraction handles INTERACTION_CREATE from the gateway.
func (b *Bot) onInteraction(s *discordgo.Session, ic *discordgo.InteractionCreate) {
	if ic == nil || ic.Interaction == nil {
		return
	}
	if !b.acquire() {
		return
	}
	defer b.inflight.Done()
	in := fromDiscord(ic.Interaction)
	if in.ID == "" || in.Token == "" {
		b.opts.Logger.Warn("ignoring an interaction without id or token: it cannot be answered")
		return
	}
	b.h.serve(b.work, in, &restResponder{s: s, i: ic.Interaction})
}

// PostSummary posts the summary of a day to a channel, in as many messages
// as it takes, retrying with backoff and respecting Discord's rate limits.
// It needs no gateway connection.
func (b *Bot) PostSummary(ctx context.Context, channelID string, s digest.Summary) error {
	return b.h.postSummary(ctx, channelID, s)
}

// restResponder answers an interaction over the REST API.
type restResponder struct {
	s *discordgo.Session
	i *discordgo.Interaction
}

func (r *restResponder) respond(ctx context.Context, resp response) error {
	endpoint := discordgo.EndpointInteractionResponse(r.i.ID, r.i.Token)
	_, err := r.s.RequestWithBucketID("POST", endpoint, toResponse(resp), endpoint, discordgo.WithContext(ctx))
	return err
}

func (r *restResponder) edit(ctx context.Context, m reply.Message) error {
	_, err := r.s.InteractionResponseEdit(r.i, toWebhookEdit(m), discordgo.WithContext(ctx))
	return err
}

func (r *restResponder) followup(ctx context.Context, m reply.Message) error {
	_, err := r.s.FollowupMessageCreate(r.i, true, toWebhookParams(m), discordgo.WithContext(ctx))
	return err
}

// sessionPoster posts to channels over the REST API, leaving the retries
// (and 429s) to the caller.
type sessionPoster struct{ s *discordgo.Session }

func (p sessionPoster) post(ctx context.Context, channelID string, m reply.Message) error {
	_, err := p.s.ChannelMessageSendComplex(channelID, toMessageSend(m), discordgo.WithContext(ctx),
		discordgo.WithRetryOnRatelimit(false), discordgo.WithRestRetries(0))
	if err == nil {
		return nil
	}
	var rl *discordgo.RateLimitError
	var re *discordgo.RESTError
	switch {
	case errors.As(err, &rl):
		return &sendError{Status: http.StatusTooManyRequests, Wait: rl.RetryAfter, Err: err}
	case errors.As(err, &re) && re.Response != nil:
		code := re.Response.StatusCode
		permanent := code >= 400 && code < 500 && code != http.StatusTooManyRequests && code != http.StatusRequestTimeout
		return &sendError{Status: code, Permanent: permanent, Err: err}
	}
	return &sendError{Err: err}
}
