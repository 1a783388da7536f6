package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"path/filepath"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/coveragebot/coveragebot/bot"
	"github.com/coveragebot/coveragebot/bot/schedule"
	"github.com/coveragebot/coveragebot/config"
	"github.com/coveragebot/coveragebot/retrieval"
)

func serveCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run the Discord bot: slash commands, the daily summary post, and new coverage taken in as it arrives",
		Long: `Run the Discord bot. It needs a bot token (COVERAGEBOT_DISCORD_TOKEN); see docs/discord.md.
It opens (or builds) the index, connects to Discord, registers its commands, posts the daily
summary to discord.summary_channel at summary.time, and, with watch.interval, takes in new,
changed and deleted corpus files. SIGINT or SIGTERM stops it cleanly.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, log, err := e.load(cmd, config.PurposeServe)
			if err != nil {
				return err
			}
			for _, name := range config.UnknownEnv(e.environ) {
				log.Warn("unknown setting in the environment, ignored", "name", name)
			}
			lib, err := e.open(cfg, log)
			if err != nil {
				return err
			}
			defer func() { _ = lib.Close() }()
			return serve(e.ctx, cfg, lib, log, serveDeps{})
		},
	}
	config.AddCorpusFlags(cmd.Flags())
	config.AddAnswerFlags(cmd.Flags())
	config.AddWatchFlags(cmd.Flags())
	config.AddDiscordFlags(cmd.Flags())
	config.AddSummaryFlags(cmd.Flags())
	return cmd
}

// followEvery is how often the bot looks for an index built by another
// process.
const followEvery = 5 * time.Second

// serveDeps are what tests replace: the clock of the daily summary and
// the HTTP client that reaches Discord (nil: the system's).
type serveDeps struct {
	clock  schedule.Clock
	client *http.Client
}

// serve runs the bot, the daily summary and the corpus watcher until ctx is
// done.
func serve(ctx context.Context, cfg config.Config, lib *retrieval.Library, log *slog.Logger, deps serveDeps) error {
	loc, err := cfg.Summary.Location()
	if err != nil {
		return err
	}
	pub := ""
	if cfg.Discord.PublicKey != "" {
		pub = cfg.Discord.PublicKey.Reveal()
	}
	b, err := bot.New(bot.Options{
		Token: cfg.Discord.Token.Reveal(), GuildID: cfg.Discord.GuildID, APIURL: cfg.Discord.APIURL,
		ModeratorRoles: cfg.Discord.ModeratorRoles, Ephemeral: cfg.Discord.Ephemeral,
		RateLimit: cfg.Discord.RateLimit, RatePer: cfg.Discord.RateWindow,
		SummaryChannel: cfg.Discord.SummaryChannel, LogChannel: cfg.Discord.LogChannel,
		HTTPAddr: cfg.Discord.HTTPAddr, PublicKey: pub, ShutdownTimeout: cfg.Discord.ShutdownTimeout,
		MaxQuestion: cfg.Answer.MaxQuestion, Logger: log, Location: loc, HTTPClient: deps.client,
	}, lib)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	defer wg.Wait()
	// "coveragebot index" may build a new index while the bot runs.
	wg.Add(1)
	go func() { defer wg.Done(); lib.Follow(ctx, followEvery) }()
	if cfg.Watch.Interval > 0 {
		wg.Add(1)
		go func() { defer wg.Done(); lib.Watch(ctx, cfg.Watch.Interval) }()
	}
	if ch := cfg.Discord.SummaryChannel; ch != "" {
		sc, err := dailySummary(cfg, loc, lib, b, log, deps.clock)
		if err != nil {
			return err
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := sc.Run(ctx); err != nil {
				log.Error("the daily summary stopped", "err", err)
			}
		}()
	}
	return b.Run(ctx)
}

// dailySummary schedules the post of each day's summary. Its state lives
// beside the index, so a restart never posts a day twice.
func dailySummary(cfg config.Config, loc *time.Location, lib *retrieval.Library, b *bot.Bot, log *slog.Logger, clock schedule.Clock) (*schedule.Scheduler, error) {
	sc := schedule.Config{
		At: cfg.Summary.Time, Location: loc, Dir: filepath.Dir(filepath.Clean(cfg.Index)), Clock: clock, Logger: log,
		Post: func(ctx context.Context, day string) error {
			d, err := time.Parse(schedule.DayLayout, day)
			if err != nil {
				return fmt.Errorf("summary day %q: %w", day, err)
			}
			s, err := lib.Summary(ctx, d)
			if err != nil {
				return err
			}
			return b.PostSummary(ctx, cfg.Discord.SummaryChannel, s)
		},
		OnFailure: func(_ context.Context, day string, err error) {
			log.Error("the summary of a day was not posted", "day", day, "err", err)
		},
	}
	if cfg.Summary.SkipEmpty {
		sc.HasCoverage = func(_ context.Context, day string) (bool, error) {
			days, err := lib.Days()
			return days[day] > 0, err
		}
	}
	return schedule.New(sc)
}
