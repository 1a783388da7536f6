package bot

import (
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/coveragebot/coveragebot/retrieval"
)

// maxStringOption is the longest value Discord allows a string option.
const maxStringOption = 6000

// DefaultAPIURL is where Discord's REST API and gateway lookup live.
const DefaultAPIURL = "https://discord.com"

// Options configure a Bot.
type Options struct {
	// Token is the bot token (COVERAGEBOT_DISCORD_TOKEN), with or without
	// the "Bot " prefix. It is never logged.
	Token string
	// GuildID, when set, registers the commands in that guild (at once);
	// otherwise they are registered globally.
	GuildID string
	// APIURL is where every REST call and the gateway lookup go (default
	// https://discord.com): a REST proxy, or a fake Discord in tests.
	APIURL string
	// ModeratorRoles are role ids allowed to /reindex besides members with
	// Manage Server.
	ModeratorRoles []string
	// Ephemeral makes replies visible only to the person who asked.
	Ephemeral bool
	// RateLimit is how many commands a user may run per RatePer; 0 means
	// no limit. RatePer defaults to a minute.
	RateLimit int
	RatePer   time.Duration
	// SummaryChannel is the channel of the daily summary post (used by the
	// scheduler); LogChannel, when set, is told of posts that keep failing.
	SummaryChannel, LogChannel string
	// HTTPAddr, when set, also serves the HTTP interactions endpoint there;
	// PublicKey is the application's public key (hex) that signs them.
	HTTPAddr, PublicKey string
	// ShutdownTimeout bounds how long replies in flight may finish after
	// the context of Run is done (default 10 s).
	ShutdownTimeout time.Duration
	// HTTPClient is used for every REST call (default: one with a 20 s
	// timeout). Its transport's TLS settings are also used for the gateway.
	HTTPClient *http.Client
	// Logger receives the bot's logs (default slog.Default()).
	Logger *slog.Logger
	// MaxQuestion is the longest question (and search) accepted, in
	// characters: default retrieval.MaxQuestionRunes, at most 6000
	// (Discord's longest string option). Keep it equal to the library's.
	MaxQuestion int
	// Location is the time zone of "today" for /summary without a date
	// (default time.Local).
	Location *time.Location
}

// check fills in defaults and reports every problem at once.
func (o *Options) check() (ed25519.PublicKey, *url.URL, error) {
	var errs []error
	o.Token = strings.TrimSpace(o.Token)
	if o.Token == "Bot" || strings.TrimSpace(strings.TrimPrefix(o.Token, "Bot ")) == "" {
		errs = append(errs, errors.New("the Discord bot token is missing: set COVERAGEBOT_DISCORD_TOKEN (discord.token)"))
	}
	if o.APIURL == "" {
		o.APIURL = DefaultAPIURL
	}
	api, err := url.Parse(strings.TrimRight(o.APIURL, "/"))
	if err != nil || (api.Scheme != "http" && api.Scheme != "https") || api.Host == "" {
		errs = append(errs, fmt.Errorf("discord.api_url %q is not an http(s) URL (COVERAGEBOT_DISCORD_API_URL)", o.APIURL))
	}
	if o.RateLimit < 0 {
		errs = append(errs, fmt.Errorf("the rate limit must not be negative (got %d)", o.RateLimit))
	}
	if o.RatePer < 0 {
		errs = append(errs, fmt.Errorf("the rate limit period must not be negative (got %s)", o.RatePer))
	}
	if o.RatePer == 0 {
		o.RatePer = time.Minute
	}
	if o.ShutdownTimeout < 0 {
		errs = append(errs, fmt.Errorf("the shutdown timeout must not be negative (got %s)", o.ShutdownTimeout))
	}
	if o.ShutdownTimeout == 0 {
		o.ShutdownTimeout = 10 * time.Second
	}
	switch {
	case o.MaxQuestion == 0:
		o.MaxQuestion = retrieval.MaxQuestionRunes
	case o.MaxQuestion < 0 || o.MaxQuestion > maxStringOption:
		errs = append(errs, fmt.Errorf("the longest question must be 1 to %d characters (got %d)", maxStringOption, o.MaxQuestion))
	}
	var key ed25519.PublicKey
	if o.HTTPAddr != "" {
		b, err := hex.DecodeString(strings.TrimSpace(o.PublicKey))
		switch {
		case o.PublicKey == "":
			errs = append(errs, errors.New("the HTTP interactions endpoint needs the application's public key: set discord.public_key (COVERAGEBOT_DISCORD_PUBLIC_KEY)"))
		case err != nil || len(b) != ed25519.PublicKeySize:
			errs = append(errs, fmt.Errorf("the public key must be %d bytes in hex, as the Developer Portal shows it", ed25519.PublicKeySize))
		default:
			key = ed25519.PublicKey(b)
		}
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Location == nil {
		o.Location = time.Local
	}
	if o.HTTPClient == nil {
		o.HTTPClient = &http.Client{Timeout: 20 * time.Second}
	}
	return key, api, errors.Join(errs...)
}
