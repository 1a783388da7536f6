package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/bot/discordtest"
	"github.com/coveragebot/coveragebot/bot/schedule/clocktest"
	"github.com/coveragebot/coveragebot/config"
	"github.com/coveragebot/coveragebot/retrieval"
)

// TestServeThroughTheFakeDiscord runs serve as configured by the
// environment a user would set, against a fake Discord: the commands are
// registered in the guild, /ask is answered with the quote, and the
// summary of the seeds' day is posted to the summary channel at 08:00.
func TestServeThroughTheFakeDiscord(t *testing.T) {
	for _, plain := range []bool{false, true} {
		t.Run(fmt.Sprintf("plain-http=%v", plain), func(t *testing.T) { testServe(t, plain) })
	}
}

func testServe(t *testing.T, plain bool) {
	fake := discordtest.New(t, discordtest.Config{PlainHTTP: plain})
	fc := fake.Config()
	dir := t.TempDir()
	cfg, err := config.Load(config.LoadOptions{Purpose: config.PurposeServe, Env: []string{
		"COVERAGEBOT_DISCORD_TOKEN=" + fc.Token,
		"COVERAGEBOT_DISCORD_API_URL=" + fake.URL(),
		"COVERAGEBOT_DISCORD_GUILD_ID=" + fc.GuildID,
		"COVERAGEBOT_DISCORD_SUMMARY_CHANNEL=" + fc.ChannelID,
		"COVERAGEBOT_INDEX=" + filepath.Join(dir, "index"),
		"COVERAGEBOT_SUMMARY_TIME=08:00",
		"COVERAGEBOT_SUMMARY_TIMEZONE=Europe/London",
	}})
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	lib, err := retrieval.Open(context.Background(), retrieval.Options{IndexDir: cfg.Index, Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = lib.Close() }()
	london, _ := time.LoadLocation("Europe/London")
	clock := clocktest.New(time.Date(2023, 3, 23, 7, 0, 0, 0, london))

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	deps := serveDeps{clock: clock, client: fake.Client()}
	if plain {
		deps.client = nil // what a user runs: the system's client
	}
	go func() { done <- serve(ctx, cfg, lib, log, deps) }()
	await := func(method, path string) discordtest.Request {
		t.Helper()
		actx, acancel := context.WithTimeout(ctx, 20*time.Second)
		defer acancel()
		r, err := fake.Await(actx, method, path)
		if err != nil {
			t.Fatalf("waiting for %s %s: %v", method, path, err)
		}
		return r
	}
	await("PUT", "/api/v9/applications/"+fc.AppID+"/guilds/"+fc.GuildID+"/commands")

	in := fake.SlashCommand(discordtest.User{ID: "1100000000000000009", Name: "reader"}, "ask",
		discordtest.Option{Name: "question", Value: "what did Blinken say?"})
	if err := fake.Interact(in); err != nil {
		t.Fatal(err)
	}
	edit := await("PATCH", "/api/v9/webhooks/"+fc.AppID+"/"+in.Token+"/messages/@original")
	if !strings.Contains(string(edit.Body), "diplomatic cover") {
		t.Errorf("the answer lacks the quote: %s", edit.Body)
	}

	// The scheduler waits for 08:00 London time; at 08:00 it posts the
	// day before: the seeds' day.
	if _, err := clock.Waiting(ctx); err != nil {
		t.Fatal(err)
	}
	clock.Set(time.Date(2023, 3, 23, 8, 0, 0, 0, london))
	post := await("POST", "/api/v9/channels/"+fc.ChannelID+"/messages")
	if !strings.Contains(string(post.Body), "2023-03-22") {
		t.Errorf("the post is not the summary of 2023-03-22: %.300s", post.Body)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop")
	}
}
