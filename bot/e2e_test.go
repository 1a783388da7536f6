package bot

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/bot/discordtest"
	"github.com/coveragebot/coveragebot/retrieval"
)

// indexedAt is the fixed clock of the test library, so replies are stable.
var indexedAt = time.Date(2024, 5, 1, 10, 4, 0, 0, time.UTC)

// openLibrary builds the real library from the embedded sample corpus, on
// a clock stopped at indexedAt.
func openLibrary(t *testing.T) *retrieval.Library {
	return openLibraryAt(t, func() time.Time { return indexedAt })
}

func openLibraryAt(t *testing.T, now func() time.Time) *retrieval.Library {
	t.Helper()
	l, err := retrieval.Open(context.Background(), retrieval.Options{IndexDir: t.TempDir(), Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := l.Close(); err != nil {
			t.Error(err)
		}
	})
	return l
}

func opt2(name string, v any) discordtest.Option { return discordtest.Option{Name: name, Value: v} }

// TestE2EAsk is the first case: /ask what did Blinken say? over the
// sample gets a deferred ack, then an edit with the quote.
func TestE2EAsk(t *testing.T) {
	t.Parallel()
	e := startE2E(t, openLibrary(t), nil)
	callback, original := e.interact(e.fake.SlashCommand(member, "ask", opt2("question", "what did Blinken say?")))
	if b := body(t, e.await("POST", callback)); b["type"] != 5.0 {
		t.Fatalf("first response %v, want a deferral", b)
	}
	edit := e.await("PATCH", original)
	if !strings.Contains(string(edit.Body), "diplomatic cover") || !strings.Contains(string(edit.Body), "Antony Blinken") {
		t.Fatalf("the answer lacks the quote: %s", edit.Body)
	}
	checkNoPings(t, e.fake.Requests())
}

// TestE2ECommands runs each read-only command over the sample. (The
// golden files of replies are made from fixed answers: golden_test.go.)
func TestE2ECommands(t *testing.T) {
	t.Parallel()
	e := startE2E(t, openLibrary(t), nil)
	tests := []struct {
		name string
		in   discordtest.Interaction
		want string
	}{
		{"quotes", e.fake.SlashCommand(member, "quotes", opt2("speaker", "Vladimir Putin")), "peace plan"},
		{"search", e.fake.SlashCommand(member, "search", opt2("query", "peace plan"), opt2("since", "2023-03-01")), "peace plan"},
		{"sources", e.fake.SlashCommand(member, "sources"), "articles"},
		{"summary of the seeds' day", e.fake.SlashCommand(member, "summary", opt2("date", "2023-03-22")), "Coverage of Wednesday 22 March 2023"},
		{"summary by default", e.fake.SlashCommand(member, "summary"), "Coverage of Wednesday 22 March 2023"},
		{"summary of an empty day", e.fake.SlashCommand(member, "summary", opt2("date", "2023-03-25")), "No coverage was published on that day."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			callback, original := e.interact(tt.in)
			if b := body(t, e.await("POST", callback)); b["type"] != 5.0 {
				t.Fatalf("first response %v, want a deferral", b)
			}
			edit := e.await("PATCH", original)
			if !strings.Contains(string(edit.Body), tt.want) {
				t.Fatalf("reply lacks %q: %s", tt.want, edit.Body)
			}
		})
	}
	callback, _ := e.interact(e.fake.SlashCommand(member, "help"))
	help := body(t, e.await("POST", callback))
	if help["type"] != 4.0 || help["data"].(map[string]any)["flags"] != 64.0 {
		t.Errorf("help is not an ephemeral message: %v", help)
	}
	checkNoPings(t, e.fake.Requests())
}

// TestE2ENoPings asks with @everyone and a user mention: nobody is pinged.
func TestE2ENoPings(t *testing.T) {
	t.Parallel()
	e := startE2E(t, openLibrary(t), nil)
	q := "@everyone <@" + member.ID + "> <@&" + moderatorRole + "> what did Blinken say?"
	callback, original := e.interact(e.fake.SlashCommand(member, "ask", opt2("question", q)))
	e.await("POST", callback)
	edit := body(t, e.await("PATCH", original))
	title := edit["embeds"].([]any)[0].(map[string]any)["title"].(string)
	if !strings.Contains(title, `@everyone \<@`) {
		t.Errorf("the question is not shown as written: %q", title)
	}
	// The same through an error reply, which has content.
	callback, _ = e.interact(e.fake.SlashCommand(member, "ask", opt2("question", q), opt2("tone", "@everyone")))
	e.await("POST", callback)
	reqs := e.fake.Requests()
	checkNoPings(t, reqs)
	if n := len(reqs); n < 4 {
		t.Fatalf("only %d requests", n)
	}
}

func TestE2EAutocomplete(t *testing.T) {
	t.Parallel()
	e := startE2E(t, openLibrary(t), nil)
	callback, _ := e.interact(e.fake.Autocomplete(member, "quotes", discordtest.Option{Name: "speaker", Value: "Blin", Focused: true}))
	b := body(t, e.await("POST", callback))
	choices, _ := b["data"].(map[string]any)["choices"].([]any)
	if b["type"] != 8.0 || len(choices) == 0 || choices[0].(map[string]any)["value"] != "Antony Blinken" {
		t.Fatalf("autocomplete for Blin: %v", b)
	}
	// No one matches: an empty list of choices, sent as such.
	callback, _ = e.interact(e.fake.Autocomplete(member, "quotes", discordtest.Option{Name: "speaker", Value: "Zzyzx", Focused: true}))
	if b := e.await("POST", callback); string(b.Body) != `{"type":8,"data":{"choices":[]}}` {
		t.Fatalf("autocomplete for Zzyzx: %s", b.Body)
	}
}

func TestE2EReindexRefused(t *testing.T) {
	t.Parallel()
	e := startE2E(t, openLibrary(t), nil)
	callback, _ := e.interact(e.fake.SlashCommand(member, "reindex"))
	b := body(t, e.await("POST", callback))
	data := b["data"].(map[string]any)
	if b["type"] != 4.0 || data["flags"] != 64.0 || !strings.Contains(data["content"].(string), "Manage Server") {
		t.Fatalf("reindex from a member: %v", b)
	}
	// The registered command is hidden from members by default.
	reg := e.fake.Requests()
	var cmds []map[string]any
	for _, r := range reg {
		if r.Method == "PUT" {
			_ = json.Unmarshal(r.Body, &cmds)
		}
	}
	for _, c := range cmds {
		if c["name"] == "reindex" && c["default_member_permissions"] != "32" {
			t.Errorf("/reindex default_member_permissions %v, want \"32\" (Manage Server)", c["default_member_permissions"])
		}
	}
	if len(cmds) != 7 {
		t.Errorf("registered %d commands, want 7", len(cmds))
	}
}

// TestE2EReindex: /reindex from a moderator shows progress and the report.
func TestE2EReindex(t *testing.T) {
	t.Parallel()
	e := startE2E(t, openLibraryAt(t, time.Now), nil)
	callback, original := e.interact(e.fake.SlashCommand(moderator, "reindex"))
	if b := body(t, e.await("POST", callback)); b["type"] != 5.0 {
		t.Fatalf("first response %v, want a deferral", b)
	}
	if p := e.await("PATCH", original); !strings.Contains(string(p.Body), "Rebuilding the index") {
		t.Fatalf("no progress: %s", p.Body)
	}
	var report discordtest.Request
	for {
		report = e.await("PATCH", original)
		if !strings.Contains(string(report.Body), "Rebuilding the index") {
			break
		}
	}
	for _, want := range []string{"Index rebuilt", `"name":"Articles","value":"2"`, `"name":"Statements"`, `Asked by \u003c@` + moderator.ID} {
		if !strings.Contains(string(report.Body), want) {
			t.Errorf("report lacks %s: %s", want, report.Body)
		}
	}
	if !strings.Contains(e.log.String(), "reindex requested") || !strings.Contains(e.log.String(), "user_name=mo") {
		t.Errorf("who asked is not logged:\n%s", e.log)
	}
}

// TestE2EMalformed sends interactions the bot cannot use; it replies with
// an error where it can and carries on.
func TestE2EMalformed(t *testing.T) {
	t.Parallel()
	e := startE2E(t, openLibrary(t), nil)

	// Options of the wrong shape: discordgo cannot read the data.
	bad := e.fake.SlashCommand(member, "ask")
	bad.Payload["data"] = map[string]any{"name": "ask", "type": 1, "options": []any{map[string]any{"name": "question", "type": "three", "value": "q"}}}
	callback, _ := e.interact(bad)
	b := body(t, e.await("POST", callback))
	if data, _ := b["data"].(map[string]any); b["type"] != 4.0 || data["flags"] != 64.0 || !strings.Contains(fmt.Sprint(data["content"]), "error id") {
		t.Fatalf("malformed command: %v", b)
	}
	// A number for the question, an unknown command.
	for _, in := range []discordtest.Interaction{
		e.fake.SlashCommand(member, "ask", opt2("question", 42)),
		e.fake.SlashCommand(member, "frobnicate"),
	} {
		callback, _ := e.interact(in)
		if b := body(t, e.await("POST", callback)); b["type"] != 4.0 {
			t.Fatalf("%v: %v", in.Payload["data"], b)
		}
	}
	// Garbage with no id or token cannot be answered; it is dropped.
	if err := e.fake.Dispatch("INTERACTION_CREATE", map[string]any{"type": "not a number"}); err != nil {
		t.Fatal(err)
	}
	// And the bot carries on.
	callback, original := e.interact(e.fake.SlashCommand(member, "ask", opt2("question", "what did Blinken say?")))
	e.await("POST", callback)
	if edit := e.await("PATCH", original); !strings.Contains(string(edit.Body), "diplomatic cover") {
		t.Fatalf("after the malformed ones: %s", edit.Body)
	}
}

// TestE2ESummaryPost: the scheduled post of the seeds' day arrives in the
// channel, after a 429 is waited out.
func TestE2ESummaryPost(t *testing.T) {
	t.Parallel()
	lib := openLibrary(t)
	e := startE2E(t, lib, nil)
	ch := e.fake.Config().ChannelID
	s, err := lib.Summary(context.Background(), time.Date(2023, 3, 22, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	e.fake.Fail("POST", "/api/v9/channels/"+ch+"/messages", 1, http.StatusTooManyRequests, 20*time.Millisecond)
	if err := e.bot.PostSummary(context.Background(), ch, s); err != nil {
		t.Fatal(err)
	}
	e.await("POST", "/api/v9/channels/"+ch+"/messages") // the 429
	post := e.await("POST", "/api/v9/channels/"+ch+"/messages")
	for _, want := range []string{"Coverage of Wednesday 22 March 2023", "Who said what", "Vladimir Putin"} {
		if !strings.Contains(string(post.Body), want) {
			t.Errorf("post lacks %q", want)
		}
	}
	checkNoPings(t, e.fake.Requests())
}

// TestE2EShutdown cancels Run (as SIGTERM does) during a rebuild: the
// rebuild is cancelled and says so, and Run returns nil promptly.
func TestE2EShutdown(t *testing.T) {
	t.Parallel()
	a := &fakeAnswerer{rebuild: func(ctx context.Context, progress retrieval.Progress) (retrieval.IndexReport, error) {
		<-ctx.Done()
		return retrieval.IndexReport{}, ctx.Err()
	}}
	e := startE2E(t, a, nil)
	callback, original := e.interact(e.fake.SlashCommand(moderator, "reindex"))
	e.await("POST", callback)
	e.await("PATCH", original) // the first progress
	start := time.Now()
	if err := e.stop(); err != nil {
		t.Fatalf("Run returned %v on shutdown", err)
	}
	if d := time.Since(start); d > 4*time.Second {
		t.Errorf("shutdown took %s", d)
	}
	last := e.await("PATCH", original)
	if !strings.Contains(string(last.Body), "shutting down") {
		t.Errorf("the cancelled rebuild did not say so: %s", last.Body)
	}
}

// TestE2EHTTPEndpoint serves interactions over HTTP: signatures checked,
// PING answered, the same handlers behind.
func TestE2EHTTPEndpoint(t *testing.T) {
	t.Parallel()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	e := startE2E(t, openLibrary(t), func(o *Options) {
		o.HTTPAddr, o.PublicKey = "127.0.0.1:0", hex.EncodeToString(pub)
	})
	srv := httptest.NewServer(e.bot.endpoint())
	t.Cleanup(srv.Close)
	post := func(body string, ts time.Time, key ed25519.PrivateKey) (int, map[string]any) {
		t.Helper()
		stamp := strconv.FormatInt(ts.Unix(), 10)
		req, _ := http.NewRequest("POST", srv.URL, strings.NewReader(body))
		req.Header.Set("X-Signature-Timestamp", stamp)
		req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(key, []byte(stamp+body))))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var m map[string]any
		_ = json.NewDecoder(resp.Body).Decode(&m)
		return resp.StatusCode, m
	}
	_, other, _ := ed25519.GenerateKey(rand.Reader)
	if code, m := post(`{"type":1}`, time.Now(), priv); code != 200 || m["type"] != 1.0 {
		t.Errorf("PING: %d %v", code, m)
	}
	if code, _ := post(`{"type":1}`, time.Now(), other); code != 401 {
		t.Errorf("a forged signature: %d, want 401", code)
	}
	if code, _ := post(`{"type":1}`, time.Now().Add(-10*time.Minute), priv); code != 401 {
		t.Errorf("a stale timestamp: %d, want 401", code)
	}

	in := e.fake.SlashCommand(member, "ask", opt2("question", "what did Blinken say?"))
	b, _ := json.Marshal(in.Payload)
	e.fake.AnsweredOverHTTP(in, 5)
	code, m := post(string(b), time.Now(), priv)
	if code != 200 || m["type"] != 5.0 {
		t.Fatalf("ask over HTTP: %d %v", code, m)
	}
	original := "/api/v9/webhooks/" + e.fake.Config().AppID + "/" + in.Token + "/messages/@original"
	if edit := e.await("PATCH", original); !strings.Contains(string(edit.Body), "diplomatic cover") {
		t.Fatalf("answer over HTTP: %s", edit.Body)
	}
}

func TestNewChecksOptions(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		want string
	}{
		{"no token", Options{}, "COVERAGEBOT_DISCORD_TOKEN"},
		{"a bare prefix", Options{Token: "Bot "}, "COVERAGEBOT_DISCORD_TOKEN"},
		{"a bad API URL", Options{Token: "t", APIURL: "discord.com"}, "COVERAGEBOT_DISCORD_API_URL"},
		{"an endpoint without key", Options{Token: "t", HTTPAddr: ":8080"}, "public key"},
		{"a bad key", Options{Token: "t", HTTPAddr: ":8080", PublicKey: "abc"}, "32 bytes in hex"},
		{"a negative rate", Options{Token: "t", RateLimit: -1}, "rate limit"},
		{"too long a question", Options{Token: "t", MaxQuestion: 7000}, "1 to 6000 characters"},
	}
	for _, tt := range tests {
		_, err := New(tt.opts, &fakeAnswerer{})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want an error naming %q", tt.name, err, tt.want)
		}
	}
	if _, err := New(Options{Token: "t"}, nil); err == nil {
		t.Error("a nil Answerer is accepted")
	}
	if _, err := New(Options{Token: "t", APIURL: "http://127.0.0.1:9/proxy/"}, &fakeAnswerer{}); err != nil {
		t.Errorf("a proxy URL: %v", err)
	}
}
