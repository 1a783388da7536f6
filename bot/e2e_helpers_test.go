package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/bot/discordtest"
)

// e2e is a real bot, with a real discordgo session, talking to a fake
// Discord.
type e2e struct {
	t    *testing.T
	fake *discordtest.Server
	bot  *Bot
	log  *syncBuffer
	stop func() error // cancels Run and returns its error
}

// Users of the fake guild.
var (
	member    = discordtest.User{ID: "2100000000000000001", Name: "alice", Roles: []string{"3100000000000000001"}, Permissions: 1 << 11}
	moderator = discordtest.User{ID: "2100000000000000002", Name: "mo", Roles: []string{"3100000000000000009"}, Permissions: 1 << 11}
)

const moderatorRole = "3100000000000000009"

func startE2E(t *testing.T, a Answerer, mod func(*Options)) *e2e {
	t.Helper()
	fake := discordtest.New(t, discordtest.Config{})
	log, buf := testLogger(t)
	cfg := fake.Config()
	opts := Options{Token: cfg.Token, GuildID: cfg.GuildID, APIURL: fake.URL(), HTTPClient: fake.Client(),
		Logger: log, ShutdownTimeout: 5 * time.Second, ModeratorRoles: []string{moderatorRole}}
	if mod != nil {
		mod(&opts)
	}
	b, err := New(opts, a)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- b.Run(ctx) }()
	stopped := false
	var runErr error
	stop := func() error {
		if !stopped {
			stopped = true
			cancel()
			runErr = <-errc
		}
		return runErr
	}
	t.Cleanup(func() {
		if err := stop(); err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	e := &e2e{t: t, fake: fake, bot: b, log: buf, stop: stop}
	if opts.GuildID == "" {
		e.await("PUT", "/api/v9/applications/"+cfg.AppID+"/commands")
	} else {
		e.await("PUT", "/api/v9/applications/"+cfg.AppID+"/guilds/"+cfg.GuildID+"/commands")
	}
	return e
}

// await waits (at most 10 s) for the bot's next request matching.
func (e *e2e) await(method, pattern string) discordtest.Request {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	r, err := e.fake.Await(ctx, method, pattern)
	if err != nil {
		e.t.Fatalf("%v; requests so far: %s", err, e.summary())
	}
	return r
}

func (e *e2e) summary() string {
	s := ""
	for _, r := range e.fake.Requests() {
		s += fmt.Sprintf("\n  %s %s %.300s", r.Method, r.Path, r.Body)
	}
	return s
}

// interact sends an interaction and returns the path of its callback and
// of its original response.
func (e *e2e) interact(in discordtest.Interaction) (callback, original string) {
	e.t.Helper()
	if err := e.fake.Interact(in); err != nil {
		e.t.Fatal(err)
	}
	return "/api/v9/interactions/" + in.ID + "/" + in.Token + "/callback",
		"/api/v9/webhooks/" + e.fake.Config().AppID + "/" + in.Token + "/messages/@original"
}

// body decodes a request's JSON body.
func body(t *testing.T, r discordtest.Request) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.Body, &m); err != nil {
		t.Fatalf("%s %s: %v", r.Method, r.Path, err)
	}
	return m
}

// checkNoPings fails the test if any message the bot sent could ping: each
// must carry allowed_mentions with an empty parse.
func checkNoPings(t *testing.T, reqs []discordtest.Request) {
	t.Helper()
	for _, r := range reqs {
		if len(r.Pings) > 0 {
			t.Errorf("%s %s would ping %v", r.Method, r.Path, r.Pings)
		}
		if r.Method == "GATEWAY" || len(r.Body) == 0 || r.Body[0] != '{' {
			continue
		}
		var m struct {
			Type            int             `json:"type"`
			Data            json.RawMessage `json:"data"`
			AllowedMentions *struct {
				Parse *[]string `json:"parse"`
			} `json:"allowed_mentions"`
		}
		_ = json.Unmarshal(r.Body, &m)
		if m.Type != 0 { // an interaction callback
			if m.Type != 4 {
				continue
			}
			_ = json.Unmarshal(m.Data, &m)
		}
		if m.AllowedMentions == nil || m.AllowedMentions.Parse == nil || len(*m.AllowedMentions.Parse) != 0 {
			t.Errorf("%s %s: allowed_mentions is not {parse: []}: %.300s", r.Method, r.Path, r.Body)
		}
	}
}
