package discordtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// recorder is a testing.TB that records failures instead of failing, to
// test that the fake fails loudly.
type recorder struct {
	testing.TB
	mu   sync.Mutex
	errs []string
}

func (r *recorder) Errorf(format string, a ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Sprintf(format, a...))
}

func (r *recorder) failures() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return strings.Join(r.errs, "\n")
}

func do(t *testing.T, s *Server, method, path, body string) int {
	t.Helper()
	req, err := http.NewRequest(method, s.URL()+path, bytes.NewBufferString(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bot "+s.Config().Token)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := s.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestFakeFailsLoudly(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", 2001)
	big := `{"embeds":[{"description":"` + strings.Repeat("d", 4000) + `"},{"description":"` + strings.Repeat("d", 2500) + `"}]}`
	tests := []struct {
		name, method, path, body string
		want                     string // in the failures; "" for none
	}{
		{"unknown route", "GET", "/api/v9/users/@me", "", "unknown route GET /api/v9/users/@me"},
		{"not the API", "GET", "/favicon.ico", "", "unknown route"},
		{"a valid message", "POST", "/api/v9/channels/1/messages", `{"content":"hi","allowed_mentions":{"parse":[]}}`, ""},
		{"content over 2000", "POST", "/api/v9/channels/1/messages", `{"content":"` + long + `"}`, "content has 2001 characters"},
		{"edited content over 2000", "PATCH", "/api/v9/webhooks/1100000000000000001/nope/messages/@original", `{"content":"` + long + `"}`, "does not follow Discord's spec"},
		{"embeds over 6000 in all", "POST", "/api/v9/channels/1/messages", big, "embeds hold 6500 characters"},
		{"a bad allowed_mentions", "POST", "/api/v9/channels/1/messages", `{"content":"x","allowed_mentions":{"parse":["all"]}}`, "does not follow Discord's spec"},
		{"callback of an unknown interaction", "POST", "/api/v9/interactions/1/tok/callback", `{"type":5}`, "response to unknown interaction"},
		{"edit of an unknown token", "PATCH", "/api/v9/webhooks/1100000000000000001/nope/messages/@original", `{"content":"x"}`, "unknown interaction token"},
		{"commands with a bad name", "PUT", "/api/v9/applications/1100000000000000001/commands", `[{"name":"Ask Me","description":"d","type":1}]`, "not a valid lower-case name"},
		{"commands of another app", "PUT", "/api/v9/applications/42/commands", `[]`, "registered for application 42"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{TB: t}
			s := New(rec, Config{})
			if s.spec == nil {
				t.Skip("no spec beside the module: ../shared/discord/openapi.json")
			}
			do(t, s, tt.method, tt.path, tt.body)
			got := rec.failures()
			if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
				t.Errorf("failures %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFakeInteractionRules(t *testing.T) {
	t.Parallel()
	rec := &recorder{TB: t}
	s := New(rec, Config{})
	u := User{ID: "2", Name: "alice"}
	in := s.SlashCommand(u, "ask", Option{Name: "question", Value: "q"})
	s.mu.Lock()
	s.pending[in.Token] = &pending{id: in.ID, kind: in.Type, sentAt: time.Now().Add(-4 * time.Second)}
	s.mu.Unlock()
	original := "/api/v9/webhooks/" + s.Config().AppID + "/" + in.Token + "/messages/@original"
	do(t, s, "PATCH", original, `{"content":"early"}`)
	if got := rec.failures(); !strings.Contains(got, "before acknowledging it") {
		t.Errorf("an edit before the ack: %q", got)
	}
	do(t, s, "POST", "/api/v9/interactions/"+in.ID+"/"+in.Token+"/callback", `{"type":5}`)
	if got := rec.failures(); !regexp.MustCompile("first response to interaction " + in.ID + ` after \d+(\.\d+)?s \(Discord allows 3s\)`).MatchString(got) {
		t.Errorf("a late first response: %q", got)
	}

	ac := s.Autocomplete(u, "quotes", Option{Name: "speaker", Value: "B", Focused: true})
	s.mu.Lock()
	s.pending[ac.Token] = &pending{id: ac.ID, kind: ac.Type, sentAt: time.Now()}
	s.mu.Unlock()
	do(t, s, "POST", "/api/v9/interactions/"+ac.ID+"/"+ac.Token+"/callback", `{"type":5}`)
	if got := rec.failures(); !strings.Contains(got, "answered with response type 5") {
		t.Errorf("autocomplete answered with a deferral: %q", got)
	}
	do(t, s, "POST", "/api/v9/interactions/"+ac.ID+"/"+ac.Token+"/callback", `{"type":8,"data":{"choices":[]}}`)
	do(t, s, "POST", "/api/v9/interactions/"+ac.ID+"/"+ac.Token+"/callback", `{"type":8,"data":{"choices":[]}}`)
	if got := rec.failures(); !strings.Contains(got, "answered twice") {
		t.Errorf("a second answer: %q", got)
	}
}

func TestFakePings(t *testing.T) {
	tests := []struct {
		body string
		want string
	}{
		{`{"content":"@everyone <@12> <@&34>"}`, "[everyone user:12 role:34]"},
		{`{"content":"@everyone <@12>","allowed_mentions":{"parse":null}}`, "[everyone user:12]"},
		{`{"content":"@everyone <@!12> <@&34>","allowed_mentions":{"parse":[]}}`, "[]"},
		{`{"content":"@here <@12>","allowed_mentions":{"parse":["users"]}}`, "[user:12]"},
		{`{"content":"<@12> <@13>","allowed_mentions":{"users":["13"]}}`, "[user:13]"},
	}
	for _, tt := range tests {
		var m map[string]any
		if err := jsonUnmarshal(tt.body, &m); err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(pings(m)); got != tt.want {
			t.Errorf("%s: pings %s, want %s", tt.body, got, tt.want)
		}
	}
}

// TestFakeGateway speaks to the gateway as a client: HELLO, IDENTIFY,
// READY, a heartbeat and its ack, then a dispatch.
func TestFakeGateway(t *testing.T) {
	t.Parallel()
	s := New(t, Config{})
	d := websocket.Dialer{TLSClientConfig: s.Client().Transport.(*http.Transport).TLSClientConfig}
	url := "wss" + strings.TrimPrefix(s.URL(), "https") + "/gateway/?v=9&encoding=json"
	ws, _, err := d.Dial(url, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	read := func() map[string]any {
		t.Helper()
		var m map[string]any
		if err := ws.ReadJSON(&m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	if m := read(); m["op"] != 10.0 {
		t.Fatalf("want HELLO, got %v", m)
	}
	if err := ws.WriteJSON(map[string]any{"op": 2, "d": map[string]any{"token": "Bot " + s.Config().Token, "intents": 0}}); err != nil {
		t.Fatal(err)
	}
	if m := read(); m["t"] != "READY" || m["s"] != 1.0 {
		t.Fatalf("want READY, got %v", m)
	}
	if err := ws.WriteJSON(map[string]any{"op": 1, "d": 1}); err != nil {
		t.Fatal(err)
	}
	if m := read(); m["op"] != 11.0 {
		t.Fatalf("want a heartbeat ACK, got %v", m)
	}
	if err := s.Dispatch("INTERACTION_CREATE", map[string]any{"id": "1"}); err != nil {
		t.Fatal(err)
	}
	if m := read(); m["t"] != "INTERACTION_CREATE" || m["s"] != 2.0 {
		t.Fatalf("want the dispatch, got %v", m)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := s.Await(ctx, "GATEWAY", "op/1"); err != nil {
		t.Fatal(err)
	}
}

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }
