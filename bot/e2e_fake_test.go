package bot

import (
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/bot/discordtest"
)

// TestE2EPlumbing runs the bot against the fake Discord with a fake
// answerer: connect, register, answer, page on, and shut down.
func TestE2EPlumbing(t *testing.T) {
	t.Parallel()
	e := startE2E(t, &fakeAnswerer{items: sampleItems(t)}, nil)
	e.await("GATEWAY", "op/1") // discordgo's first heartbeat, acknowledged by the fake

	callback, original := e.interact(e.fake.SlashCommand(member, "ask", discordtest.Option{Name: "question", Value: "what happened?"}))
	if b := body(t, e.await("POST", callback)); b["type"] != 5.0 {
		t.Fatalf("first response %v, want a deferral (5)", b)
	}
	edit := body(t, e.await("PATCH", original))
	comps := edit["components"].([]any)
	button := comps[0].(map[string]any)["components"].([]any)[0].(map[string]any)
	if button["label"] != "More" {
		t.Fatalf("no More button: %v", comps)
	}

	in := e.fake.Button(member, button["custom_id"].(string))
	callback, original = e.interact(in)
	if b := body(t, e.await("POST", callback)); b["type"] != 6.0 {
		t.Fatalf("button response %v, want a deferred update (6)", b)
	}
	page2 := e.await("PATCH", original)
	if !strings.Contains(string(page2.Body), "Results 6–10") {
		t.Errorf("page 2: %.500s", page2.Body)
	}
	checkNoPings(t, e.fake.Requests())
	if err := e.stop(); err != nil {
		t.Fatal(err)
	}
}

// TestE2EGlobalCommands: without a guild id the commands are registered
// globally, once, and answered the same.
func TestE2EGlobalCommands(t *testing.T) {
	t.Parallel()
	e := startE2E(t, &fakeAnswerer{items: sampleItems(t)}, func(o *Options) { o.GuildID = "" })
	callback, _ := e.interact(e.fake.SlashCommand(member, "help"))
	if b := body(t, e.await("POST", callback)); b["type"] != 4.0 {
		t.Fatalf("help: %v", b)
	}
	puts := 0
	for _, r := range e.fake.Requests() {
		if r.Method == "PUT" {
			puts++
		}
	}
	if puts != 1 {
		t.Errorf("%d bulk overwrites, want 1", puts)
	}
}
