package config

import (
	"os"
	"strings"
)

// EnvPrefix starts the name of every environment variable of coveragebot.
const EnvPrefix = "COVERAGEBOT_"

// The config file is named by the --config flag or, failing that, by the
// COVERAGEBOT_CONFIG environment variable.
const (
	ConfigFlag = "config"
	ConfigEnv  = EnvPrefix + "CONFIG"
)

// flagGroup is the set of flags one Add*Flags function registers.
type flagGroup int

const (
	groupGlobal flagGroup = iota
	groupCorpus
	groupAnswer
	groupWatch
	groupDiscord
	groupSummary
)

// setting describes one key: where it lives in Config, its flag, its help.
type setting struct {
	key        string
	flag       string // empty: derived from key
	group      flagGroup
	usage      string
	docDefault string // the default as documented, when it depends on the machine
	listSep    string // characters separating list items in the environment
	field      func(*Config) any
}

// settings is every key, in the order of the documentation.
var settings = []setting{
	{key: "index", group: groupGlobal, docDefault: "`$XDG_DATA_HOME/coveragebot/index`",
		usage: "directory of the index", field: func(c *Config) any { return &c.Index }},
	{key: "log.level", group: groupGlobal,
		usage: "log level: debug, info, warn or error", field: func(c *Config) any { return &c.Log.Level }},
	{key: "log.format", group: groupGlobal,
		usage: "log format: text or json", field: func(c *Config) any { return &c.Log.Format }},

	{key: "corpus", group: groupCorpus, listSep: "," + string(os.PathListSeparator),
		usage: "file or folder of articles to index (repeatable); none: the embedded sample",
		field: func(c *Config) any { return &c.Corpus }},
	{key: "strict", group: groupCorpus,
		usage: "fail on any unreadable or malformed input instead of skipping it",
		field: func(c *Config) any { return &c.Strict }},
	{key: "aliases", group: groupCorpus,
		usage: "YAML file mapping a speaker's canonical name to a list of aliases",
		field: func(c *Config) any { return &c.Aliases }},

	{key: "answer.max_items", group: groupAnswer,
		usage: "excerpts in one answer (1-50)", field: func(c *Config) any { return &c.Answer.MaxItems }},
	{key: "answer.max_question", group: groupAnswer,
		usage: "longest question accepted, in characters (1-6000)",
		field: func(c *Config) any { return &c.Answer.MaxQuestion }},

	{key: "watch.interval", group: groupWatch,
		usage: "how often to poll the corpus for new, changed and deleted files (0: off; at least 1s)",
		field: func(c *Config) any { return &c.Watch.Interval }},

	{key: "discord.token", group: groupDiscord,
		usage: "bot token (required by serve; prefer the environment variable)",
		field: func(c *Config) any { return &c.Discord.Token }},
	{key: "discord.guild_id", group: groupDiscord,
		usage: "guild id to register commands in at once; empty: globally",
		field: func(c *Config) any { return &c.Discord.GuildID }},
	{key: "discord.api_url", group: groupDiscord,
		usage: "base URL of Discord's API and gateway lookup (a REST proxy, or a fake in tests)",
		field: func(c *Config) any { return &c.Discord.APIURL }},
	{key: "discord.public_key", group: groupDiscord,
		usage: "application public key (hex), required with --http",
		field: func(c *Config) any { return &c.Discord.PublicKey }},
	{key: "discord.http_addr", flag: "http", group: groupDiscord,
		usage: "listen address of the HTTP interactions endpoint, e.g. :8080; empty: none",
		field: func(c *Config) any { return &c.Discord.HTTPAddr }},
	{key: "discord.moderator_roles", group: groupDiscord, listSep: ",",
		usage: "role ids allowed moderator commands besides Manage Server (repeatable, comma separated)",
		field: func(c *Config) any { return &c.Discord.ModeratorRoles }},
	{key: "discord.ephemeral", group: groupDiscord,
		usage: "answer so that only who asked sees the reply",
		field: func(c *Config) any { return &c.Discord.Ephemeral }},
	{key: "discord.rate_limit", group: groupDiscord,
		usage: "questions a user may ask per rate window (0: unlimited)",
		field: func(c *Config) any { return &c.Discord.RateLimit }},
	{key: "discord.rate_window", group: groupDiscord,
		usage: "the window of the rate limit", field: func(c *Config) any { return &c.Discord.RateWindow }},
	{key: "discord.summary_channel", group: groupDiscord,
		usage: "channel id the daily summary is posted to; empty: no posts",
		field: func(c *Config) any { return &c.Discord.SummaryChannel }},
	{key: "discord.log_channel", group: groupDiscord,
		usage: "channel id for failures moderators should see; empty: the log only",
		field: func(c *Config) any { return &c.Discord.LogChannel }},
	{key: "discord.shutdown_timeout", group: groupDiscord,
		usage: "how long in-flight replies may take to finish on shutdown",
		field: func(c *Config) any { return &c.Discord.ShutdownTimeout }},

	{key: "summary.time", group: groupSummary,
		usage: "time of day (HH:MM, in summary.timezone) the daily summary is posted",
		field: func(c *Config) any { return &c.Summary.Time }},
	{key: "summary.timezone", group: groupSummary,
		usage: "IANA time zone of summary.time and of the day summarised, e.g. Europe/Paris",
		field: func(c *Config) any { return &c.Summary.Timezone }},
	{key: "summary.skip_empty", group: groupSummary,
		usage: "post nothing on a day without coverage",
		field: func(c *Config) any { return &c.Summary.SkipEmpty }},
}

// env is the environment variable of the setting.
func (s setting) env() string { return EnvVar(s.key) }

// flagName is the command-line flag of the setting, without dashes.
func (s setting) flagName() string {
	if s.flag != "" {
		return s.flag
	}
	return strings.NewReplacer(".", "-", "_", "-").Replace(s.key)
}

// EnvVar returns the environment variable of a key: "discord.guild_id"
// gives "COVERAGEBOT_DISCORD_GUILD_ID".
func EnvVar(key string) string {
	return EnvPrefix + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

// Keys returns every configuration key, in the documentation's order.
func Keys() []string {
	keys := make([]string, len(settings))
	for i, s := range settings {
		keys[i] = s.key
	}
	return keys
}

// lookup returns the setting of a key.
func lookup(key string) (setting, bool) {
	for _, s := range settings {
		if s.key == key {
			return s, true
		}
	}
	return setting{}, false
}
