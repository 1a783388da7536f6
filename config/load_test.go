package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"
)

// allFlags returns a flag set with every group registered, parsed from args.
func allFlags(t *testing.T, args ...string) *pflag.FlagSet {
	t.Helper()
	fs := pflag.NewFlagSet("test", pflag.ContinueOnError)
	for _, add := range []func(*pflag.FlagSet){AddGlobalFlags, AddCorpusFlags, AddAnswerFlags, AddWatchFlags, AddDiscordFlags, AddSummaryFlags} {
		add(fs)
	}
	if err := fs.Parse(args); err != nil {
		t.Fatalf("parsing %q: %v", args, err)
	}
	return fs
}

// writeFile writes a config file in a temporary directory and returns its path.
func writeFile(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "coveragebot.yaml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadPrecedence(t *testing.T) {
	sep := string(os.PathListSeparator)
	tests := []struct {
		name  string
		file  string
		env   []string
		args  []string
		check func(t *testing.T, c Config)
	}{
		{name: "defaults", check: func(t *testing.T, c Config) {
			if !reflect.DeepEqual(c, Default()) {
				t.Errorf("got\n%v\nwant the defaults\n%v", c, Default())
			}
		}},
		{name: "file over default", file: "answer:\n  max_items: 7\n", check: func(t *testing.T, c Config) {
			wantInt(t, "answer.max_items", c.Answer.MaxItems, 7)
		}},
		{name: "env over file", file: "answer:\n  max_items: 7\n", env: []string{"COVERAGEBOT_ANSWER_MAX_ITEMS=8"},
			check: func(t *testing.T, c Config) { wantInt(t, "answer.max_items", c.Answer.MaxItems, 8) }},
		{name: "flag over env over file", file: "answer:\n  max_items: 7\n", env: []string{"COVERAGEBOT_ANSWER_MAX_ITEMS=8"},
			args: []string{"--answer-max-items=9"}, check: func(t *testing.T, c Config) { wantInt(t, "answer.max_items", c.Answer.MaxItems, 9) }},
		{name: "unset flag keeps env", env: []string{"COVERAGEBOT_ANSWER_MAX_ITEMS=8"}, args: []string{"--strict"},
			check: func(t *testing.T, c Config) {
				wantInt(t, "answer.max_items", c.Answer.MaxItems, 8)
				if !c.Strict {
					t.Error("strict: got false, want true")
				}
			}},
		{name: "empty env is unset", file: "log:\n  level: debug\n", env: []string{"COVERAGEBOT_LOG_LEVEL="},
			check: func(t *testing.T, c Config) { wantString(t, "log.level", c.Log.Level, "debug") }},
		{name: "durations", file: "watch:\n  interval: 1m\ndiscord:\n  rate_window: 0\n",
			env: []string{"COVERAGEBOT_DISCORD_SHUTDOWN_TIMEOUT=1m30s"}, args: []string{"--discord-rate-window=2h"},
			check: func(t *testing.T, c Config) {
				wantDuration(t, "watch.interval", c.Watch.Interval, time.Minute)
				wantDuration(t, "discord.shutdown_timeout", c.Discord.ShutdownTimeout, 90*time.Second)
				wantDuration(t, "discord.rate_window", c.Discord.RateWindow, 2*time.Hour)
			}},
		{name: "bools", file: "summary:\n  skip_empty: false\ndiscord:\n  ephemeral: true\n", env: []string{"COVERAGEBOT_STRICT=1"},
			args: []string{"--discord-ephemeral=false"}, check: func(t *testing.T, c Config) {
				if c.Summary.SkipEmpty || c.Discord.Ephemeral || !c.Strict {
					t.Errorf("skip_empty, ephemeral, strict = %v, %v, %v; want false, false, true", c.Summary.SkipEmpty, c.Discord.Ephemeral, c.Strict)
				}
			}},
		{name: "corpus list from file", file: "corpus:\n  - a.jsonl\n  - news/\n", check: func(t *testing.T, c Config) {
			wantList(t, "corpus", c.Corpus, "a.jsonl", "news/")
		}},
		{name: "corpus from env, comma or path list separated", env: []string{"COVERAGEBOT_CORPUS=a.jsonl, b" + sep + "c/"},
			check: func(t *testing.T, c Config) { wantList(t, "corpus", c.Corpus, "a.jsonl", "b", "c/") }},
		{name: "corpus flag repeated, commas kept", env: []string{"COVERAGEBOT_CORPUS=ignored"},
			args:  []string{"--corpus", "a,b.txt", "--corpus", "c"},
			check: func(t *testing.T, c Config) { wantList(t, "corpus", c.Corpus, "a,b.txt", "c") }},
		{name: "moderator roles from flags and env", args: []string{"--discord-moderator-roles=1,2", "--discord-moderator-roles", "3"},
			check: func(t *testing.T, c Config) {
				wantList(t, "discord.moderator_roles", c.Discord.ModeratorRoles, "1", "2", "3")
			}},
		{name: "unquoted YAML ids and times stay exact",
			file: "discord:\n  guild_id: 1084952138491207770\n  moderator_roles: [1084952138491207771]\nsummary:\n  time: 08:30\n",
			check: func(t *testing.T, c Config) {
				wantString(t, "discord.guild_id", c.Discord.GuildID, "1084952138491207770")
				wantList(t, "discord.moderator_roles", c.Discord.ModeratorRoles, "1084952138491207771")
				wantString(t, "summary.time", c.Summary.Time, "08:30")
			}},
		{name: "token trimmed of spaces and Bot prefix", env: []string{"COVERAGEBOT_DISCORD_TOKEN=Bot abc.def \n"},
			check: func(t *testing.T, c Config) { wantString(t, "discord.token", c.Discord.Token.Reveal(), "abc.def") }},
		{name: "api url loses its trailing slash", env: []string{"COVERAGEBOT_DISCORD_API_URL=http://127.0.0.1:9999/"},
			check: func(t *testing.T, c Config) {
				wantString(t, "discord.api_url", c.Discord.APIURL, "http://127.0.0.1:9999")
			}},
		{name: "http flag", args: []string{"--http", ":8080"},
			check: func(t *testing.T, c Config) { wantString(t, "discord.http_addr", c.Discord.HTTPAddr, ":8080") }},
		{name: "empty section and flat dotted key", file: "discord:\nsummary.timezone: Europe/Paris\n",
			check: func(t *testing.T, c Config) { wantString(t, "summary.timezone", c.Summary.Timezone, "Europe/Paris") }},
		{name: "keys are case-insensitive", file: "Log:\n  Level: WARN\n",
			check: func(t *testing.T, c Config) { wantString(t, "log.level", c.Log.Level, "warn") }},
		{name: "empty file", file: "\n", check: func(t *testing.T, c Config) {
			if !reflect.DeepEqual(c, Default()) {
				t.Errorf("got %v, want the defaults", c)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			opts := LoadOptions{Flags: allFlags(t, tt.args...), Env: append([]string{}, tt.env...)}
			if tt.file != "" {
				opts.ConfigFile = writeFile(t, tt.file)
			}
			c, err := Load(opts)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			tt.check(t, c)
		})
	}
}

func TestLoadConfigFileLocation(t *testing.T) {
	t.Parallel()
	byFlag := writeFile(t, "log:\n  level: debug\n")
	byEnv := writeFile(t, "log:\n  level: warn\n")
	byOption := writeFile(t, "log:\n  level: error\n")
	tests := []struct {
		name   string
		option string
		args   []string
		env    []string
		want   string
	}{
		{name: "none", want: "info"},
		{name: "env", env: []string{ConfigEnv + "=" + byEnv}, want: "warn"},
		{name: "flag over env", args: []string{"--config", byFlag}, env: []string{ConfigEnv + "=" + byEnv}, want: "debug"},
		{name: "option over flag", option: byOption, args: []string{"--config", byFlag}, want: "error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(LoadOptions{ConfigFile: tt.option, Flags: allFlags(t, tt.args...), Env: append([]string{}, tt.env...)})
			if err != nil {
				t.Fatal(err)
			}
			wantString(t, "log.level", c.Log.Level, tt.want)
		})
	}
}

func TestLoadReadsOnlyRegisteredFlags(t *testing.T) {
	t.Parallel()
	// An index command registers the global and corpus flags only; a flag
	// of the same name as a setting but unrelated to config is not there.
	fs := pflag.NewFlagSet("index", pflag.ContinueOnError)
	AddGlobalFlags(fs)
	AddCorpusFlags(fs)
	fs.Bool("json", false, "unrelated")
	if err := fs.Parse([]string{"--index", "/tmp/ix", "--corpus", "x.jsonl", "--json"}); err != nil {
		t.Fatal(err)
	}
	c, err := Load(LoadOptions{Flags: fs, Env: []string{"COVERAGEBOT_ANSWER_MAX_ITEMS=3"}})
	if err != nil {
		t.Fatal(err)
	}
	wantString(t, "index", c.Index, "/tmp/ix")
	wantList(t, "corpus", c.Corpus, "x.jsonl")
	wantInt(t, "answer.max_items", c.Answer.MaxItems, 3)
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		env     []string
		args    []string
		purpose Purpose
		// want holds, for each expected problem, its key and words its message must contain.
		want map[string][]string
	}{
		{name: "unknown key with suggestion", file: "discord:\n  tokn: x\n",
			want: map[string][]string{"discord.tokn": {`unknown key "discord.tokn"`, `did you mean "discord.token"`, "coveragebot.yaml"}}},
		{name: "unknown top-level section", file: "database:\n  url: x\n",
			want: map[string][]string{"database.url": {`unknown key "database.url"`}}},
		{name: "bad duration in env", env: []string{"COVERAGEBOT_WATCH_INTERVAL=every minute"},
			want: map[string][]string{"watch.interval": {"watch.interval", `"every minute"`, "COVERAGEBOT_WATCH_INTERVAL"}}},
		{name: "duration without unit in file", file: "discord:\n  rate_window: 60\n",
			want: map[string][]string{"discord.rate_window": {"discord.rate_window", "60", "missing unit", "config file"}}},
		{name: "value out of range from a flag", args: []string{"--discord-shutdown-timeout=-1s"}, purpose: PurposeServe,
			env:  []string{"COVERAGEBOT_DISCORD_TOKEN=t"},
			want: map[string][]string{"discord.shutdown_timeout": {"discord.shutdown_timeout", "-1s", "flag --discord-shutdown-timeout"}}},
		{name: "bad number", env: []string{"COVERAGEBOT_ANSWER_MAX_ITEMS=five"},
			want: map[string][]string{"answer.max_items": {"answer.max_items", `"five"`, "COVERAGEBOT_ANSWER_MAX_ITEMS"}}},
		{name: "bad bool", file: "strict: sometimes\n", want: map[string][]string{"strict": {"strict", `"sometimes"`}}},
		{name: "list given a mapping", file: "corpus:\n  path: x\n", want: map[string][]string{"corpus": {"corpus (from config file", "expected a list, got a mapping"}}},
		{name: "string given a list", file: "index: [a, b]\n", want: map[string][]string{"index": {"index (from config file", "expected a string, got a list"}}},
		{name: "bad timezone", env: []string{"COVERAGEBOT_SUMMARY_TIMEZONE=Mars/Olympus"}, purpose: PurposeAsk,
			want: map[string][]string{"summary.timezone": {`"Mars/Olympus"`, "COVERAGEBOT_SUMMARY_TIMEZONE"}}},
		{name: "missing token for serve", purpose: PurposeServe,
			want: map[string][]string{"discord.token": {"discord.token is required for serve; set COVERAGEBOT_DISCORD_TOKEN"}}},
		{name: "every problem at once", purpose: PurposeServe, file: "answr:\n  max_items: 3\n",
			env: []string{"COVERAGEBOT_WATCH_INTERVAL=soon", "COVERAGEBOT_SUMMARY_TIME=25:00"},
			want: map[string][]string{
				"answr.max_items": {"unknown key"}, "watch.interval": {`"soon"`},
				"summary.time": {`"25:00"`}, "discord.token": {"required for serve"},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			opts := LoadOptions{Flags: allFlags(t, tt.args...), Env: append([]string{}, tt.env...), Purpose: tt.purpose}
			if tt.file != "" {
				opts.ConfigFile = writeFile(t, tt.file)
			}
			_, err := Load(opts)
			var cerr *Error
			if !errors.As(err, &cerr) {
				t.Fatalf("Load: got %v, want an *Error", err)
			}
			got := map[string]string{}
			for _, p := range cerr.Problems {
				got[p.Key] = p.Message
			}
			if len(got) != len(tt.want) {
				t.Errorf("got %d problems, want %d:\n%v", len(got), len(tt.want), err)
			}
			for key, words := range tt.want {
				msg, ok := got[key]
				if !ok {
					t.Errorf("no problem for %s in:\n%v", key, err)
					continue
				}
				for _, w := range words {
					if !strings.Contains(msg, w) {
						t.Errorf("problem %q lacks %q", msg, w)
					}
				}
			}
		})
	}
}

func TestLoadFileErrors(t *testing.T) {
	t.Parallel()
	_, err := Load(LoadOptions{ConfigFile: filepath.Join(t.TempDir(), "missing.yaml"), Env: []string{}})
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: got %v, want fs.ErrNotExist", err)
	}
	_, err = Load(LoadOptions{ConfigFile: writeFile(t, "discord: [unclosed\n"), Env: []string{}})
	if err == nil || !strings.Contains(err.Error(), "coveragebot.yaml") {
		t.Errorf("malformed file: got %v, want an error naming the file", err)
	}
}

func TestUnknownEnv(t *testing.T) {
	t.Parallel()
	got := UnknownEnv([]string{
		"HOME=/root", "COVERAGEBOT_DISCORD_TOKN=x", "COVERAGEBOT_DISCORD_TOKEN=y",
		"COVERAGEBOT_CONFIG=c.yaml", "COVERAGEBOT_INDEX=/ix", "COVERAGEBOT_AAA=1", "COVERAGEBOT_EMPTY=",
	})
	want := []string{"COVERAGEBOT_AAA", "COVERAGEBOT_DISCORD_TOKN"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("UnknownEnv = %q, want %q", got, want)
	}
}

func wantInt(t *testing.T, key string, got, want int) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %d, want %d", key, got, want)
	}
}

func wantString(t *testing.T, key, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %q, want %q", key, got, want)
	}
}

func wantDuration(t *testing.T, key string, got, want time.Duration) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %s, want %s", key, got, want)
	}
}

func wantList(t *testing.T, key string, got []string, want ...string) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s = %q, want %q", key, got, want)
	}
}
