package config

import (
	"path/filepath"
	"time"

	"github.com/adrg/xdg"
)

// Config is every setting of coveragebot. Build it with Load, or start from
// Default in tests.
type Config struct {
	// Index is the directory holding the bleve index.
	Index string
	// Corpus lists the files and folders the index is built from; empty
	// means the sample corpus embedded in the binary.
	Corpus []string
	// Strict makes any skipped input (unreadable file, malformed line,
	// duplicate id...) an error instead of a reported skip.
	Strict bool
	// Aliases is the path of an optional YAML file mapping a speaker's
	// canonical name to a list of aliases; empty means none.
	Aliases string
	Log     Log
	Answer  Answer
	Watch   Watch
	Discord Discord
	Summary Summary
}

// Log configures log/slog output.
type Log struct {
	Level  string // debug, info, warn or error
	Format string // text or json
}

// Answer bounds the answers given to questions.
type Answer struct {
	MaxItems    int // excerpts in one answer (one page on Discord)
	MaxQuestion int // longest question accepted, in characters
}

// Watch configures the polling of the corpus for new, changed and deleted files.
type Watch struct {
	Interval time.Duration // 0 turns watching off
}

// Discord configures the bot run by `coveragebot serve`.
type Discord struct {
	Token           Secret        // bot token, without the "Bot " prefix
	GuildID         string        // register commands in this guild at once; empty: globally
	APIURL          string        // base URL for REST and the gateway lookup, no trailing slash
	PublicKey       Secret        // application public key (hex), for the HTTP interactions endpoint
	HTTPAddr        string        // listen address of the HTTP interactions endpoint; empty: none
	ModeratorRoles  []string      // role ids allowed moderator commands besides Manage Server
	Ephemeral       bool          // answers seen only by who asked
	RateLimit       int           // questions per user per RateWindow; 0: unlimited
	RateWindow      time.Duration // the window of RateLimit
	SummaryChannel  string        // channel id for the daily summary; empty: no posts
	LogChannel      string        // channel id for moderator-facing failure reports; empty: none
	ShutdownTimeout time.Duration // how long in-flight replies may take on shutdown
}

// Summary configures the daily summary post.
type Summary struct {
	Time      string // HH:MM, local to Timezone
	Timezone  string // IANA name, e.g. Europe/Paris
	SkipEmpty bool   // post nothing on a day without coverage
}

// Default returns the configuration used when nothing is set. Index is
// $XDG_DATA_HOME/coveragebot/index (~/.local/share/coveragebot/index on
// Linux), as resolved by github.com/adrg/xdg when the program started.
func Default() Config {
	return Config{
		Index:  filepath.Join(xdg.DataHome, "coveragebot", "index"),
		Corpus: []string{},
		Log:    Log{Level: "info", Format: "text"},
		Answer: Answer{MaxItems: 5, MaxQuestion: 500},
		Discord: Discord{
			APIURL:          "https://discord.com",
			ModeratorRoles:  []string{},
			RateLimit:       5,
			RateWindow:      time.Minute,
			ShutdownTimeout: 10 * time.Second,
		},
		Summary: Summary{Time: "08:00", Timezone: "UTC", SkipEmpty: true},
	}
}
