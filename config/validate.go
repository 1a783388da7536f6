package config

import (
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Purpose is what the configuration is about to be used for; each command
// needs different settings.
type Purpose string

// The purposes Validate knows.
const (
	PurposeAsk     Purpose = "ask"     // answer questions on the command line
	PurposeIndex   Purpose = "index"   // build the index
	PurposeSummary Purpose = "summary" // print the daily summary
	PurposeServe   Purpose = "serve"   // run the Discord bot
)

// Limits of the numeric settings.
const (
	MaxItemsLimit    = 50   // most excerpts in one answer
	MaxQuestionLimit = 6000 // Discord's longest string option
	MinWatchInterval = time.Second
)

// Problem is one thing wrong with the configuration.
type Problem struct {
	Key     string // the setting, e.g. "discord.token"; empty when none
	Message string // a full sentence naming the key and how to fix it
}

// Error lists every problem Load or Validate found.
type Error struct {
	Problems []Problem
}

// Error returns the problems, one a line after the first.
func (e *Error) Error() string {
	if len(e.Problems) == 1 {
		return "configuration: " + e.Problems[0].Message
	}
	var b strings.Builder
	fmt.Fprintf(&b, "configuration: %d problems:", len(e.Problems))
	for _, p := range e.Problems {
		b.WriteString("\n  - ")
		b.WriteString(p.Message)
	}
	return b.String()
}

// Validate checks every setting and what the purpose requires (serve needs
// discord.token). It returns nil or an *Error listing every problem at once.
func (c Config) Validate(p Purpose) error {
	if problems := c.problems(p, nil); len(problems) > 0 {
		return &Error{Problems: problems}
	}
	return nil
}

// problems checks c for purpose p; origins, when known, tell where each
// value came from for the messages.
func (c Config) problems(p Purpose, origins map[string]string) []Problem {
	var out []Problem
	bad := func(key, format string, args ...any) {
		out = append(out, Problem{Key: key, Message: key + from(origins[key]) + ": " + fmt.Sprintf(format, args...)})
	}
	required := func(key, why string) {
		out = append(out, Problem{Key: key, Message: fmt.Sprintf("%s is required %s; set %s", key, why, EnvVar(key))})
	}

	switch p {
	case PurposeAsk, PurposeIndex, PurposeSummary, PurposeServe:
	default:
		out = append(out, Problem{Message: fmt.Sprintf("unknown purpose %q (ask, index, summary or serve)", p)})
	}

	if c.Index == "" {
		bad("index", "must not be empty; set %s", EnvVar("index"))
	}
	if _, err := c.Log.level(); err != nil {
		bad("log.level", "unknown level %q (use debug, info, warn or error)", c.Log.Level)
	}
	if c.Log.Format != "text" && c.Log.Format != "json" {
		bad("log.format", "unknown format %q (use text or json)", c.Log.Format)
	}
	if c.Answer.MaxItems < 1 || c.Answer.MaxItems > MaxItemsLimit {
		bad("answer.max_items", "%d is out of range (1 to %d)", c.Answer.MaxItems, MaxItemsLimit)
	}
	if c.Answer.MaxQuestion < 1 || c.Answer.MaxQuestion > MaxQuestionLimit {
		bad("answer.max_question", "%d is out of range (1 to %d)", c.Answer.MaxQuestion, MaxQuestionLimit)
	}
	if w := c.Watch.Interval; w < 0 || (w > 0 && w < MinWatchInterval) {
		bad("watch.interval", "%s must be 0 (off) or at least %s", w, MinWatchInterval)
	}

	d := c.Discord
	if u, err := url.Parse(d.APIURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		bad("discord.api_url", "%q is not an http(s) URL such as https://discord.com", d.APIURL)
	}
	for _, f := range []struct{ key, id string }{
		{"discord.guild_id", d.GuildID}, {"discord.summary_channel", d.SummaryChannel}, {"discord.log_channel", d.LogChannel},
	} {
		if f.id != "" && !isSnowflake(f.id) {
			bad(f.key, "%q is not a Discord id (a number such as 1084952138491207770)", f.id)
		}
	}
	for _, id := range d.ModeratorRoles {
		if !isSnowflake(id) {
			bad("discord.moderator_roles", "%q is not a Discord role id (a number)", id)
		}
	}
	if d.PublicKey != "" {
		if _, err := d.PublicKeyBytes(); err != nil {
			bad("discord.public_key", "%v", err)
		}
	}
	if d.HTTPAddr != "" {
		if _, _, err := net.SplitHostPort(d.HTTPAddr); err != nil {
			bad("discord.http_addr", "%q is not a listen address such as :8080", d.HTTPAddr)
		}
	}
	if d.RateLimit < 0 {
		bad("discord.rate_limit", "%d must not be negative (0: unlimited)", d.RateLimit)
	}
	if d.RateWindow <= 0 && d.RateLimit > 0 {
		bad("discord.rate_window", "%s must be positive", d.RateWindow)
	}
	if d.ShutdownTimeout <= 0 {
		bad("discord.shutdown_timeout", "%s must be positive", d.ShutdownTimeout)
	}

	if _, _, err := c.Summary.Clock(); err != nil {
		bad("summary.time", "%v", err)
	}
	if _, err := c.Summary.Location(); err != nil {
		bad("summary.timezone", "%v", err)
	}

	if p == PurposeServe {
		if d.Token == "" {
			required("discord.token", "for serve")
		}
		if d.HTTPAddr != "" && d.PublicKey == "" {
			required("discord.public_key", "for the HTTP interactions endpoint (discord.http_addr)")
		}
	}
	return out
}

// isSnowflake reports whether s is a Discord id.
func isSnowflake(s string) bool {
	n, err := strconv.ParseUint(s, 10, 64)
	return err == nil && n > 0
}

// PublicKeyBytes decodes the application's public key, as discordgo's
// VerifyInteraction wants it.
func (d Discord) PublicKeyBytes() (ed25519.PublicKey, error) {
	b, err := hex.DecodeString(strings.TrimSpace(string(d.PublicKey)))
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("not an Ed25519 public key (%d hex digits, as shown in the Developer Portal)", 2*ed25519.PublicKeySize)
	}
	return ed25519.PublicKey(b), nil
}

// Clock parses Time as HH:MM (or H:MM), 00:00 to 23:59.
func (s Summary) Clock() (hour, minute int, err error) {
	h, m, ok := strings.Cut(s.Time, ":")
	if !ok || len(h) < 1 || len(h) > 2 || len(m) != 2 || !isDigits(h+m) {
		return 0, 0, fmt.Errorf("%q is not a time of day HH:MM such as 08:00", s.Time)
	}
	hour, _ = strconv.Atoi(h)
	minute, _ = strconv.Atoi(m)
	if hour > 23 || minute > 59 {
		return 0, 0, fmt.Errorf("%q is not a time of day HH:MM such as 08:00", s.Time)
	}
	return hour, minute, nil
}

func isDigits(s string) bool {
	return strings.Trim(s, "0123456789") == ""
}

// Location loads Timezone. Binaries built with CGO_ENABLED=0 for minimal
// images need `import _ "time/tzdata"` in main for this to work there.
func (s Summary) Location() (*time.Location, error) {
	if s.Timezone == "" {
		return nil, fmt.Errorf("empty time zone (use an IANA name such as UTC or Europe/Paris)")
	}
	loc, err := time.LoadLocation(s.Timezone)
	if err != nil {
		return nil, fmt.Errorf("unknown time zone %q (use an IANA name such as UTC or Europe/Paris)", s.Timezone)
	}
	return loc, nil
}

// level parses Level as log/slog does ("debug", "info", "warn", "error").
func (l Log) level() (slog.Level, error) {
	var lv slog.Level
	err := lv.UnmarshalText([]byte(l.Level))
	return lv, err
}
