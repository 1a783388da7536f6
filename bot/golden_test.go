package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/bot/discordtest"
	"github.com/coveragebot/coveragebot/retrieval"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// moreKey matches the random key of a "More" button.
var moreKey = regexp.MustCompile(`more:[a-z2-7]{8}:`)

// golden compares a JSON body the bot sent with testdata/name, indented
// and with the random parts replaced; -update rewrites the file.
func golden(t *testing.T, name string, body []byte) {
	t.Helper()
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = moreKey.ReplaceAll(append(got, '\n'), []byte("more:KEY:"))
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./bot -run %s -update to write it)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (rerun with -update if the change is meant):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// goldenAnswerer answers with fixed items, made of the sample's words, so
// the golden files change only when the format does.
func goldenAnswerer(t *testing.T) *fakeAnswerer {
	items := sampleItems(t)[:8]
	items[0].Speaker, items[0].Kind = "Vladimir Putin", "direct"
	items[1].Speaker, items[1].Kind = "Xi Jinping", "indirect"
	items[2].Also = []retrieval.Source{sourceOf("001", "Reuters")}
	items[3].Text = "@everyone look: *this* is <@123>'s [link](https://evil.example) and `code`. # Not a heading."
	return &fakeAnswerer{
		items: items,
		sources: retrieval.SourcesReport{
			Coverage: coverageOf(),
			Outlets:  []retrieval.OutletCount{{Outlet: "The Guardian", Articles: 1}, {Outlet: "Reuters", Articles: 1}},
		},
		summary: seedSummary(),
	}
}

// TestGoldenReplies keeps what the bot sends to Discord for each kind of
// reply under testdata, through the real discordgo session and the fake.
func TestGoldenReplies(t *testing.T) {
	t.Parallel()
	e := startE2E(t, goldenAnswerer(t), nil)
	last := func(in discordtest.Interaction) discordtest.Request {
		t.Helper()
		callback, original := e.interact(in)
		first := e.await("POST", callback)
		if b := body(t, first); b["type"] != 5.0 && b["type"] != 6.0 {
			return first // answered at once
		}
		var r discordtest.Request
		for {
			r = e.await("PATCH", original)
			if !strings.Contains(string(r.Body), "Rebuilding the index") {
				return r
			}
		}
	}
	ask := last(e.fake.SlashCommand(member, "ask", opt2("question", "what did they say in Moscow?")))
	golden(t, "ask.json", ask.Body)
	var m struct {
		Components []struct {
			Components []struct {
				CustomID string `json:"custom_id"`
			} `json:"components"`
		} `json:"components"`
	}
	if err := json.Unmarshal(ask.Body, &m); err != nil || len(m.Components) == 0 {
		t.Fatalf("no More button: %v %s", err, ask.Body)
	}
	golden(t, "ask_more.json", last(e.fake.Button(member, m.Components[0].Components[0].CustomID)).Body)
	golden(t, "quotes.json", last(e.fake.SlashCommand(member, "quotes", opt2("speaker", "Vladimir Putin"), opt2("about", "Ukraine"))).Body)
	golden(t, "sources.json", last(e.fake.SlashCommand(member, "sources")).Body)
	golden(t, "summary.json", last(e.fake.SlashCommand(member, "summary", opt2("date", "2023-03-22"))).Body)
	golden(t, "help.json", last(e.fake.SlashCommand(member, "help")).Body)
	golden(t, "error_unknown_option.json", last(e.fake.SlashCommand(member, "ask", opt2("question", "q"), opt2("tone", "x"))).Body)
	golden(t, "reindex_refused.json", last(e.fake.SlashCommand(member, "reindex")).Body)
	golden(t, "reindex_report.json", last(e.fake.SlashCommand(moderator, "reindex")).Body)

	ch := e.fake.Config().ChannelID
	if err := e.bot.PostSummary(context.Background(), ch, seedSummary()); err != nil {
		t.Fatal(err)
	}
	golden(t, "summary_post.json", e.await("POST", "/api/v9/channels/"+ch+"/messages").Body)
	checkNoPings(t, e.fake.Requests())
}
