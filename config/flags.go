package config

import (
	"time"

	"github.com/spf13/pflag"
)

// Each Add*Flags function registers the flags of a group of settings, so a
// command offers only the flags it uses. Their defaults are Default()'s and
// their help names the environment variable. Load reads those set on the
// command line.

// AddGlobalFlags registers --config, --index, --log-level and --log-format;
// meant for the root command's persistent flags.
func AddGlobalFlags(fs *pflag.FlagSet) {
	fs.String(ConfigFlag, "", "YAML config file (env "+ConfigEnv+")")
	addFlags(fs, groupGlobal)
}

// AddCorpusFlags registers --corpus, --strict and --aliases.
func AddCorpusFlags(fs *pflag.FlagSet) { addFlags(fs, groupCorpus) }

// AddAnswerFlags registers --answer-max-items and --answer-max-question.
func AddAnswerFlags(fs *pflag.FlagSet) { addFlags(fs, groupAnswer) }

// AddWatchFlags registers --watch-interval.
func AddWatchFlags(fs *pflag.FlagSet) { addFlags(fs, groupWatch) }

// AddDiscordFlags registers the --discord-* flags and --http.
func AddDiscordFlags(fs *pflag.FlagSet) { addFlags(fs, groupDiscord) }

// AddSummaryFlags registers --summary-time, --summary-timezone and
// --summary-skip-empty.
func AddSummaryFlags(fs *pflag.FlagSet) { addFlags(fs, groupSummary) }

func addFlags(fs *pflag.FlagSet, g flagGroup) {
	def := Default()
	for _, s := range settings {
		if s.group != g {
			continue
		}
		name, usage := s.flagName(), s.usage+" (env "+s.env()+")"
		switch p := s.field(&def).(type) {
		case *string:
			fs.String(name, *p, usage)
		case *Secret:
			fs.String(name, "", usage)
		case *bool:
			fs.Bool(name, *p, usage)
		case *int:
			fs.Int(name, *p, usage)
		case *time.Duration:
			fs.Duration(name, *p, usage)
		case *[]string:
			if s.key == "corpus" {
				// Paths may hold commas: one path per --corpus.
				fs.StringArray(name, *p, usage)
			} else {
				fs.StringSlice(name, *p, usage)
			}
		}
	}
}
