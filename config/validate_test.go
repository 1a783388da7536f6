package config

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

// serveable returns a configuration serve accepts.
func serveable() Config {
	c := Default()
	c.Discord.Token = "tok"
	return c
}

const publicKey = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90"

func TestValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		purpose Purpose
		change  func(*Config)
		want    map[string]string // key → words of its message; nil: valid
	}{
		{name: "defaults ask", purpose: PurposeAsk, change: func(*Config) {}},
		{name: "defaults index", purpose: PurposeIndex, change: func(*Config) {}},
		{name: "defaults summary", purpose: PurposeSummary, change: func(*Config) {}},
		{name: "serve with token", purpose: PurposeServe, change: func(*Config) {}},
		{name: "serve without token", purpose: PurposeServe, change: func(c *Config) { c.Discord.Token = "" },
			want: map[string]string{"discord.token": "discord.token is required for serve; set COVERAGEBOT_DISCORD_TOKEN"}},
		{name: "ask needs no token", purpose: PurposeAsk, change: func(c *Config) { c.Discord.Token = "" }},
		{name: "summary channel optional for serve", purpose: PurposeServe, change: func(c *Config) { c.Discord.SummaryChannel = "" }},
		{name: "full serve", purpose: PurposeServe, change: func(c *Config) {
			c.Discord.GuildID, c.Discord.SummaryChannel, c.Discord.LogChannel = "1084952138491207770", "1", "2"
			c.Discord.ModeratorRoles = []string{"3", "4"}
			c.Discord.HTTPAddr, c.Discord.PublicKey = "127.0.0.1:8080", publicKey
			c.Watch.Interval = time.Minute
			c.Summary.Time, c.Summary.Timezone = "7:05", "America/New_York"
		}},
		{name: "http endpoint needs the public key", purpose: PurposeServe, change: func(c *Config) { c.Discord.HTTPAddr = ":8080" },
			want: map[string]string{"discord.public_key": "set COVERAGEBOT_DISCORD_PUBLIC_KEY"}},
		{name: "bad public key", purpose: PurposeAsk, change: func(c *Config) { c.Discord.PublicKey = "xyz" },
			want: map[string]string{"discord.public_key": "64 hex digits"}},
		{name: "bad ids", purpose: PurposeServe, change: func(c *Config) {
			c.Discord.GuildID, c.Discord.SummaryChannel, c.Discord.LogChannel = "my-guild", "#news", "-1"
			c.Discord.ModeratorRoles = []string{"mods"}
		}, want: map[string]string{
			"discord.guild_id": `"my-guild"`, "discord.summary_channel": `"#news"`,
			"discord.log_channel": `"-1"`, "discord.moderator_roles": `"mods"`,
		}},
		{name: "bad addresses", purpose: PurposeServe, change: func(c *Config) {
			c.Discord.APIURL, c.Discord.HTTPAddr, c.Discord.PublicKey = "discord.com", "8080", publicKey
		}, want: map[string]string{"discord.api_url": `"discord.com"`, "discord.http_addr": `"8080"`}},
		{name: "bad times", purpose: PurposeAsk, change: func(c *Config) {
			c.Summary.Time, c.Summary.Timezone = "8am", "Paris"
		}, want: map[string]string{"summary.time": `"8am" is not a time of day HH:MM`, "summary.timezone": `unknown time zone "Paris"`}},
		{name: "time out of range", purpose: PurposeAsk, change: func(c *Config) { c.Summary.Time = "24:00" },
			want: map[string]string{"summary.time": `"24:00"`}},
		{name: "empty timezone", purpose: PurposeAsk, change: func(c *Config) { c.Summary.Timezone = "" },
			want: map[string]string{"summary.timezone": "empty time zone"}},
		{name: "bad numbers", purpose: PurposeServe, change: func(c *Config) {
			c.Answer.MaxItems, c.Answer.MaxQuestion = 0, 7000
			c.Discord.RateLimit, c.Discord.ShutdownTimeout = -1, 0
			c.Watch.Interval = time.Millisecond
		}, want: map[string]string{
			"answer.max_items": "0 is out of range", "answer.max_question": "7000 is out of range",
			"discord.rate_limit": "-1", "discord.shutdown_timeout": "0s must be positive", "watch.interval": "1ms",
		}},
		{name: "rate window needed only with a limit", purpose: PurposeServe, change: func(c *Config) {
			c.Discord.RateLimit, c.Discord.RateWindow = 0, 0
		}},
		{name: "zero rate window", purpose: PurposeServe, change: func(c *Config) { c.Discord.RateWindow = 0 },
			want: map[string]string{"discord.rate_window": "must be positive"}},
		{name: "bad log settings", purpose: PurposeIndex, change: func(c *Config) { c.Log.Level, c.Log.Format = "verbose", "xml" },
			want: map[string]string{"log.level": `"verbose"`, "log.format": `"xml"`}},
		{name: "empty index", purpose: PurposeIndex, change: func(c *Config) { c.Index = "" },
			want: map[string]string{"index": "set COVERAGEBOT_INDEX"}},
		{name: "unknown purpose", purpose: "dance", change: func(*Config) {},
			want: map[string]string{"": `unknown purpose "dance"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := serveable()
			tt.change(&c)
			err := c.Validate(tt.purpose)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Validate(%s) = %v, want nil", tt.purpose, err)
				}
				return
			}
			var cerr *Error
			if !errors.As(err, &cerr) {
				t.Fatalf("Validate(%s) = %v, want an *Error", tt.purpose, err)
			}
			if len(cerr.Problems) != len(tt.want) {
				t.Errorf("got %d problems, want %d:\n%v", len(cerr.Problems), len(tt.want), err)
			}
			for _, p := range cerr.Problems {
				words, ok := tt.want[p.Key]
				if !ok {
					t.Errorf("unexpected problem: %s", p.Message)
				} else if !strings.Contains(p.Message, words) || (p.Key != "" && !strings.Contains(p.Message, p.Key)) {
					t.Errorf("problem %q should name %q and contain %q", p.Message, p.Key, words)
				}
			}
		})
	}
}

func TestErrorMessage(t *testing.T) {
	t.Parallel()
	one := &Error{Problems: []Problem{{Key: "a", Message: "a is wrong"}}}
	if got, want := one.Error(), "configuration: a is wrong"; got != want {
		t.Errorf("one problem: %q, want %q", got, want)
	}
	two := &Error{Problems: []Problem{{Key: "a", Message: "a is wrong"}, {Key: "b", Message: "b is wrong"}}}
	if got, want := two.Error(), "configuration: 2 problems:\n  - a is wrong\n  - b is wrong"; got != want {
		t.Errorf("two problems: %q, want %q", got, want)
	}
}

func TestHelpers(t *testing.T) {
	t.Parallel()
	c := Default()
	c.Summary.Time, c.Summary.Timezone = "7:45", "Europe/Paris"
	h, m, err := c.Summary.Clock()
	if err != nil || h != 7 || m != 45 {
		t.Errorf("Clock() = %d, %d, %v; want 7, 45, nil", h, m, err)
	}
	loc, err := c.Summary.Location()
	if err != nil || loc.String() != "Europe/Paris" {
		t.Errorf("Location() = %v, %v; want Europe/Paris", loc, err)
	}
	c.Discord.PublicKey = publicKey
	key, err := c.Discord.PublicKeyBytes()
	if err != nil || len(key) != 32 || key[0] != 0xa1 {
		t.Errorf("PublicKeyBytes() = %x, %v", key, err)
	}

	for _, tt := range []struct {
		log    Log
		lines  int // debug and info lines written: 2 at debug level, 1 at info
		prefix string
	}{
		{Log{Level: "debug", Format: "json"}, 2, `{"time"`},
		{Log{Level: "info", Format: "text"}, 1, "time="},
		{Log{Level: "nonsense", Format: "nonsense"}, 1, "time="},
	} {
		var buf bytes.Buffer
		logger := tt.log.NewLogger(&buf)
		logger.Debug("d")
		logger.Info("i")
		out := buf.String()
		if got := strings.Count(out, "\n"); got != tt.lines {
			t.Errorf("%+v: %d lines, want %d: %q", tt.log, got, tt.lines, out)
		}
		if !strings.HasPrefix(out, tt.prefix) {
			t.Errorf("%+v: output %q does not start with %q", tt.log, out, tt.prefix)
		}
	}
}
