package bot

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/coveragebot/coveragebot/bot/reply"
	"github.com/coveragebot/coveragebot/retrieval/digest"
)

// Retries of a channel post.
const (
	postAttempts   = 5
	postBackoff    = time.Second
	postMaxBackoff = time.Minute
	// postedMemory is how many summaries the bot remembers having posted
	// part of, so that a retried summary does not repeat its first parts.
	postedMemory = 32
)

// sendError is a failed post as the adapter classifies it.
type sendError struct {
	Status    int           // HTTP status, 0 when none came back
	Wait      time.Duration // Discord's retry_after, on a 429
	Permanent bool          // retrying cannot help (bad request, no access, unknown channel)
	Err       error
}

func (e *sendError) Error() string {
	if e.Status != 0 {
		return fmt.Sprintf("HTTP %d: %v", e.Status, e.Err)
	}
	return e.Err.Error()
}

func (e *sendError) Unwrap() error { return e.Err }

// RetryAfter is how long Discord asked to wait (on a 429), for callers that
// retry on their own, like the daily scheduler.
func (e *sendError) RetryAfter() time.Duration { return e.Wait }

// postWithRetry posts m, retrying with exponential backoff, and waiting as
// long as Discord asks on a 429.
func (h *handler) postWithRetry(ctx context.Context, channelID string, m reply.Message) error {
	backoff := postBackoff
	for attempt := 1; ; attempt++ {
		err := h.post.post(ctx, channelID, m)
		if err == nil {
			return nil
		}
		wait := backoff
		var se *sendError
		if errors.As(err, &se) {
			if se.Permanent {
				return err
			}
			if se.Wait > 0 {
				wait = se.Wait
			}
		}
		if attempt == postAttempts {
			return fmt.Errorf("after %d attempts: %w", attempt, err)
		}
		h.log.Warn("post failed; retrying", "channel", channelID, "attempt", attempt, "in", wait, "err", err)
		if err := h.sleep(ctx, wait); err != nil {
			return fmt.Errorf("waiting to retry: %w", err)
		}
		backoff = min(2*backoff, postMaxBackoff)
	}
}

// postedParts remembers how many messages of a summary were posted, so a
// retry of the whole summary goes on from where the last attempt stopped,
// and whether its failure was reported, so moderators hear of it once.
type postedParts struct {
	mu       sync.Mutex
	parts    map[string]int
	reported map[string]bool
	order    []string
}

// report says whether the failure of the summary with key is to be
// reported (the first time only).
func (p *postedParts) report(key string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.reported[key] {
		return false
	}
	if p.reported == nil {
		p.reported = map[string]bool{}
	}
	p.remember(key)
	p.reported[key] = true
	return true
}

// remember keeps key among the last postedMemory summaries.
func (p *postedParts) remember(key string) {
	if p.parts == nil {
		p.parts = map[string]int{}
	}
	if _, ok := p.parts[key]; ok {
		return
	}
	p.parts[key] = 0
	p.order = append(p.order, key)
	if len(p.order) > postedMemory {
		delete(p.parts, p.order[0])
		delete(p.reported, p.order[0])
		p.order = p.order[1:]
	}
}

func (p *postedParts) get(key string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.parts[key]
}

func (p *postedParts) set(key string, n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.remember(key)
	p.parts[key] = n
}

// postSummary posts the summary of a day to a channel, in as many messages
// as it needs. A post that keeps failing is logged and, when a log channel
// is configured, reported there (once per summary, however often the
// caller retries).
func (h *handler) postSummary(ctx context.Context, channelID string, s digest.Summary) error {
	if channelID == "" {
		return errors.New("no channel to post the summary to: set discord.summary_channel (COVERAGEBOT_DISCORD_SUMMARY_CHANNEL)")
	}
	msgs := reply.Summary(s)
	key := summaryKey(channelID, msgs)
	for i := h.posted.get(key); i < len(msgs); i++ {
		if err := h.postWithRetry(ctx, channelID, msgs[i]); err != nil {
			err = fmt.Errorf("posting part %d of %d of the summary of %s to channel %s: %w", i+1, len(msgs), s.Date, channelID, err)
			h.log.Error("summary post failed", "date", s.Date, "channel", channelID, "err", err)
			if h.posted.report(key) {
				h.tellModerators(ctx, fmt.Sprintf("I could not post the summary of %s to <#%s>: %v", s.Date, channelID, err))
			}
			return err
		}
		h.posted.set(key, i+1)
	}
	h.log.Info("summary posted", "date", s.Date, "channel", channelID, "messages", len(msgs))
	return nil
}

func summaryKey(channelID string, msgs []reply.Message) string {
	b, _ := json.Marshal(msgs)
	sum := sha256.Sum256(append([]byte(channelID+"\x00"), b...))
	return fmt.Sprintf("%x", sum[:12])
}

// tellModerators posts a notice to the log channel, once, if there is one.
func (h *handler) tellModerators(ctx context.Context, text string) {
	if h.logChannel == "" {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), replyTimeout)
	defer cancel()
	if err := h.post.post(ctx, h.logChannel, reply.Text(text, false)); err != nil {
		h.log.Warn("could not post to the log channel", "channel", h.logChannel, "err", err)
	}
}
