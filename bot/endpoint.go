package bot

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/coveragebot/coveragebot/bot/reply"
)

const (
	// maxSignatureAge is how far a request's timestamp may be from now.
	maxSignatureAge = 5 * time.Minute
	// firstResponseWait is how long the endpoint waits for the first
	// response before answering with an error: Discord allows 3 s.
	firstResponseWait = 2700 * time.Millisecond
	maxBody           = 1 << 20
)

// endpoint is the HTTP interactions endpoint: Discord POSTs interactions,
// signed with the application's key; the first response is the HTTP
// response, the rest goes over REST as from the gateway.
func (b *Bot) endpoint() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log := b.opts.Logger
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		if !discordgo.VerifyInteraction(r, b.key) || !fresh(r.Header.Get("X-Signature-Timestamp"), time.Now()) {
			log.Warn("interactions endpoint: bad or stale signature", "remote", r.RemoteAddr)
			http.Error(w, "invalid request signature", http.StatusUnauthorized)
			return
		}
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, "cannot read body", http.StatusBadRequest)
			return
		}
		var i discordgo.Interaction
		if err := json.Unmarshal(body, &i); err != nil && i.ID == "" {
			log.Warn("interactions endpoint: unreadable interaction", "err", err)
			http.Error(w, "unreadable interaction", http.StatusBadRequest)
			return
		}
		if i.Type == discordgo.InteractionPing {
			writeJSON(w, &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
			return
		}
		if !b.acquire() {
			http.Error(w, "shutting down", http.StatusServiceUnavailable)
			return
		}
		hr := &httpResponder{restResponder: restResponder{s: b.sess, i: &i},
			first: make(chan any), written: make(chan struct{}), late: make(chan struct{})}
		go func() {
			defer b.inflight.Done()
			in := fromDiscord(&i)
			if in.ID == "" || in.Token == "" {
				in.Malformed = "no id or token"
			}
			b.h.serve(b.work, in, hr)
		}()
		timer := time.NewTimer(firstResponseWait)
		defer timer.Stop()
		select {
		case resp := <-hr.first:
			writeJSON(w, resp)
			close(hr.written)
		case <-timer.C:
			close(hr.late)
			log.Warn("interactions endpoint: no first response in time", "interaction", i.ID)
			writeJSON(w, toResponse(response{Kind: respMessage, Message: reply.Text("Sorry, that took me too long. Please try again.", true)}))
		case <-r.Context().Done():
			close(hr.late)
		}
	})
}

// fresh reports whether a signature timestamp (Unix seconds) is recent.
func fresh(ts string, now time.Time) bool {
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return false
	}
	d := now.Sub(time.Unix(sec, 0))
	return d < maxSignatureAge && d > -maxSignatureAge
}

func writeJSON(w http.ResponseWriter, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(b)
}

// httpResponder sends the first response as the HTTP response, and the rest
// over REST.
type httpResponder struct {
	restResponder
	first   chan any
	written chan struct{} // closed once the first response is written
	late    chan struct{} // closed when the endpoint stopped waiting
}

func (h *httpResponder) respond(ctx context.Context, r response) error {
	select {
	case h.first <- toResponse(r):
	case <-h.late:
		return errors.New("too late for the first response")
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case <-h.written:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
