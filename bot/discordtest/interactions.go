package discordtest

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"time"
)

// Interaction types and the first responses each allows.
const (
	typeCommand      = 2
	typeComponent    = 3
	typeAutocomplete = 4
)

// allowedAcks are the response types Discord accepts first for a kind of
// interaction.
func allowedAcks(kind int) []int {
	switch kind {
	case typeCommand:
		return []int{4, 5, 9}
	case typeComponent:
		return []int{4, 5, 6, 7, 9}
	case typeAutocomplete:
		return []int{8}
	}
	return nil
}

const (
	firstResponseDeadline = 3 * time.Second
	tokenLifetime         = 15 * time.Minute
)

// pending is an interaction the fake sent, awaiting or having its answer.
type pending struct {
	id, channelID string
	kind          int
	sentAt        time.Time
	acked         bool
	ackType       int
}

// User is the member who interacts, in the fake's guild.
type User struct {
	ID, Name    string
	Roles       []string
	Permissions int64 // their permissions in the channel
}

// Option is a slash command option as the user fills it in.
type Option struct {
	Name    string
	Value   any // string, int or bool
	Focused bool
}

// Interaction is an interaction for Interact; tests may change Payload
// (to make it malformed, say) before sending it.
type Interaction struct {
	ID, Token string
	Type      int
	Payload   map[string]any
}

func (s *Server) interaction(u User, typ int, data map[string]any) Interaction {
	var b [24]byte
	_, _ = rand.Read(b[:])
	in := Interaction{ID: s.Snowflake(), Token: "itoken-" + hex.EncodeToString(b[:]), Type: typ}
	in.Payload = map[string]any{
		"id": in.ID, "application_id": s.cfg.AppID, "type": typ, "token": in.Token, "version": 1,
		"guild_id": s.cfg.GuildID, "channel_id": s.cfg.ChannelID, "locale": "en-GB", "guild_locale": "en-US",
		"app_permissions": "2147534848", "context": 0, "data": data,
		"member": map[string]any{
			"user":        map[string]any{"id": u.ID, "username": u.Name, "discriminator": "0", "global_name": u.Name},
			"roles":       append([]string{}, u.Roles...),
			"permissions": fmt.Sprint(u.Permissions),
			"joined_at":   "2023-01-01T00:00:00.000000+00:00", "deaf": false, "mute": false, "flags": 0,
		},
	}
	return in
}

func options(opts []Option) []any {
	out := make([]any, 0, len(opts))
	for _, o := range opts {
		t := 3
		switch o.Value.(type) {
		case int, int64, float64:
			t = 4
		case bool:
			t = 5
		}
		m := map[string]any{"name": o.Name, "type": t, "value": o.Value}
		if o.Focused {
			m["focused"] = true
		}
		out = append(out, m)
	}
	return out
}

// SlashCommand builds a slash command interaction.
func (s *Server) SlashCommand(u User, name string, opts ...Option) Interaction {
	return s.interaction(u, typeCommand, map[string]any{"id": s.Snowflake(), "name": name, "type": 1, "options": options(opts)})
}

// Autocomplete builds an autocomplete interaction; one option is Focused.
func (s *Server) Autocomplete(u User, name string, opts ...Option) Interaction {
	return s.interaction(u, typeAutocomplete, map[string]any{"id": s.Snowflake(), "name": name, "type": 1, "options": options(opts)})
}

// Button builds the press of a button with customID.
func (s *Server) Button(u User, customID string) Interaction {
	in := s.interaction(u, typeComponent, map[string]any{"custom_id": customID, "component_type": 2})
	in.Payload["message"] = map[string]any{"id": s.Snowflake(), "channel_id": s.cfg.ChannelID, "content": "", "type": 0}
	return in
}

// Interact sends the interaction over the gateway (INTERACTION_CREATE) and
// starts its 3-second clock.
func (s *Server) Interact(in Interaction) error {
	s.mu.Lock()
	s.pending[in.Token] = &pending{id: in.ID, channelID: s.cfg.ChannelID, kind: in.Type, sentAt: time.Now()}
	s.mu.Unlock()
	return s.Dispatch("INTERACTION_CREATE", in.Payload)
}

// AnsweredOverHTTP records an interaction the test delivers itself to an
// HTTP interactions endpoint, whose first response (of responseType) is
// the HTTP response the test checks: the bot's later webhook calls on its
// token are then known.
func (s *Server) AnsweredOverHTTP(in Interaction, responseType int) {
	s.mu.Lock()
	s.pending[in.Token] = &pending{id: in.ID, channelID: s.cfg.ChannelID, kind: in.Type, sentAt: time.Now(), acked: true, ackType: responseType}
	s.mu.Unlock()
}

// acknowledge checks a first response; a non-zero status is the error
// Discord would answer.
func (s *Server) acknowledge(id, token string, ackType int) (status, code int, msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.pending[token]
	switch {
	case !ok || p.id != id:
		s.errorf("response to unknown interaction %s", id)
		return http.StatusNotFound, 10062, "Unknown interaction"
	case p.acked:
		s.errorf("interaction %s answered twice", id)
		return http.StatusBadRequest, 40060, "Interaction has already been acknowledged."
	}
	if d := time.Since(p.sentAt); d > firstResponseDeadline {
		s.errorf("first response to interaction %s after %s (Discord allows %s)", id, d.Round(time.Millisecond), firstResponseDeadline)
		return http.StatusNotFound, 10062, "Unknown interaction"
	}
	okType := false
	for _, t := range allowedAcks(p.kind) {
		okType = okType || t == ackType
	}
	if !okType {
		s.errorf("interaction %s of type %d answered with response type %d", id, p.kind, ackType)
		return http.StatusBadRequest, 50035, "Invalid Form Body"
	}
	p.acked, p.ackType = true, ackType
	return 0, 0, ""
}

// webhookOK checks a webhook call on an interaction's token.
func (s *Server) webhookOK(w http.ResponseWriter, p map[string]string, what string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p["webhook_id"] != s.cfg.AppID {
		s.errorf("webhook %s is not the application %s", p["webhook_id"], s.cfg.AppID)
		writeError(w, http.StatusNotFound, 10015, "Unknown Webhook")
		return false
	}
	in, ok := s.pending[p["webhook_token"]]
	switch {
	case !ok:
		s.errorf("%s with an unknown interaction token", what)
		writeError(w, http.StatusUnauthorized, 50027, "Invalid Webhook Token")
		return false
	case !in.acked:
		s.errorf("%s of interaction %s before acknowledging it", what, in.id)
		writeError(w, http.StatusNotFound, 10008, "Unknown Message")
		return false
	case in.ackType == 8:
		s.errorf("%s of autocomplete interaction %s", what, in.id)
		writeError(w, http.StatusNotFound, 10008, "Unknown Message")
		return false
	case time.Since(in.sentAt) > tokenLifetime:
		s.errorf("%s of interaction %s after its token expired", what, in.id)
		writeError(w, http.StatusUnauthorized, 50027, "Invalid Webhook Token")
		return false
	}
	return true
}

func (s *Server) channelOf(token string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p, ok := s.pending[token]; ok {
		return p.channelID
	}
	return s.cfg.ChannelID
}
