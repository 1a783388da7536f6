package config

import (
	"slices"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

func TestFlagGroups(t *testing.T) {
	t.Parallel()
	tests := []struct {
		add  func(*pflag.FlagSet)
		want []string
	}{
		{AddGlobalFlags, []string{"config", "index", "log-format", "log-level"}},
		{AddCorpusFlags, []string{"aliases", "corpus", "strict"}},
		{AddAnswerFlags, []string{"answer-max-items", "answer-max-question"}},
		{AddWatchFlags, []string{"watch-interval"}},
		{AddDiscordFlags, []string{
			"discord-api-url", "discord-ephemeral", "discord-guild-id", "discord-log-channel", "discord-moderator-roles",
			"discord-public-key", "discord-rate-limit", "discord-rate-window", "discord-shutdown-timeout",
			"discord-summary-channel", "discord-token", "http",
		}},
		{AddSummaryFlags, []string{"summary-skip-empty", "summary-time", "summary-timezone"}},
	}
	all := pflag.NewFlagSet("all", pflag.ContinueOnError)
	total := 0
	for _, tt := range tests {
		fs := pflag.NewFlagSet("one", pflag.ContinueOnError)
		tt.add(fs)
		tt.add(all) // would panic on a name registered by two groups
		var got []string
		fs.VisitAll(func(f *pflag.Flag) {
			got = append(got, f.Name)
			if !strings.Contains(f.Usage, "(env "+EnvPrefix) {
				t.Errorf("--%s: usage %q does not name its environment variable", f.Name, f.Usage)
			}
		})
		if !slices.Equal(got, tt.want) {
			t.Errorf("registered %q, want %q", got, tt.want)
		}
		total += len(got)
	}
	if total != len(settings)+1 {
		t.Errorf("%d flags for %d settings and --config: some setting has no flag", total, len(settings))
	}
}

func TestFlagDefaultsAreConfigDefaults(t *testing.T) {
	t.Parallel()
	fs := allFlags(t)
	def := Default()
	for _, s := range settings {
		f := fs.Lookup(s.flagName())
		if f == nil {
			t.Errorf("%s: no flag --%s", s.key, s.flagName())
			continue
		}
		want := formatValue(s.field(&def))
		if _, secret := s.field(&def).(*Secret); secret {
			want = ""
		}
		if got := f.DefValue; got != want {
			t.Errorf("--%s default %q, want %q", f.Name, got, want)
		}
	}
}
