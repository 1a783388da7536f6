package bench

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"time"

	"github.com/coveragebot/coveragebot/retrieval"
)

// measureCoveragebot opens coveragebot's index, makes the questions if qs
// is nil, asks them and times the summary of the busiest day.
func measureCoveragebot(ctx context.Context, cfg Config, base *baseCorpus, s *Size, dir, corpus string, qs []Question) ([]Question, error) {
	start := time.Now()
	lib, err := retrieval.Open(ctx, retrieval.Options{IndexDir: dir, Corpus: []string{corpus}, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return nil, err
	}
	s.Coveragebot.Open = time.Since(start)
	defer func() { _ = lib.Close() }()
	if _, fresh := lib.LastBuild(); fresh {
		return nil, errors.New("coveragebot rebuilt its index on open instead of opening it")
	}
	// What Open leaves to do in the background (the table of speakers) is
	// done when the list of speakers can be read.
	sp, err := lib.Speakers(ctx, "", 100)
	if err != nil {
		return nil, err
	}
	s.Coveragebot.Ready = time.Since(start)
	if qs == nil {
		names := make([]string, len(sp))
		for i, c := range sp {
			names[i] = c.Name
		}
		qs = makeQuestions(base.records, names, cfg.Questions)
		if len(qs) < cfg.Questions {
			return nil, fmt.Errorf("the corpus gives %d questions of the %d asked for", len(qs), cfg.Questions)
		}
	}
	ask := func(ctx context.Context, q string) (int, error) {
		ans, err := lib.Answer(ctx, q)
		return len(ans.Items), err
	}
	logf(cfg.Log, "×%d: coveragebot answers %d questions", s.Scale, len(qs))
	if s.Coveragebot.Serial, s.Coveragebot.Concurrent, err = latencies(ctx, qs, ask, cfg.profile("answer", SystemCoveragebot, s.Scale)); err != nil {
		return nil, err
	}
	days, err := lib.Days()
	if err != nil {
		return nil, err
	}
	s.SummaryDay, s.SummaryArticles = busiestDay(days)
	if s.SummaryDay == "" {
		return nil, errors.New("no day has coverage")
	}
	day, err := time.Parse(time.DateOnly, s.SummaryDay)
	if err != nil {
		return nil, err
	}
	var runs []time.Duration
	for range 3 {
		t := time.Now()
		if _, err := lib.Summary(ctx, day); err != nil {
			return nil, fmt.Errorf("summary of %s: %w", s.SummaryDay, err)
		}
		runs = append(runs, time.Since(t))
	}
	slices.Sort(runs)
	s.Summary = runs[1]
	return qs, nil
}

// measureBleve opens the raw index and asks it the questions.
func measureBleve(ctx context.Context, cfg Config, s *Size, dir string, qs []Question) error {
	start := time.Now()
	raw, err := openRaw(dir)
	if err != nil {
		return err
	}
	s.Bleve.Open = time.Since(start)
	s.Bleve.Ready = s.Bleve.Open
	defer func() { _ = raw.Close() }()
	logf(cfg.Log, "×%d: raw bleve answers %d questions", s.Scale, len(qs))
	s.Bleve.Serial, s.Bleve.Concurrent, err = latencies(ctx, qs, raw.ask, cfg.profile("answer", SystemBleve, s.Scale))
	return err
}

// latencies asks every question once to warm up, then times them Rounds
// times over one at a time, then Rounds times over Concurrency at once,
// each timed pass after a collection of the garbage left so far (so that
// neither system pays for what came before it); with a profile file, it
// profiles the timed passes.
func latencies(ctx context.Context, qs []Question, ask asker, profile string) (serial, concurrent Latency, err error) {
	if _, err = measure(ctx, qs, 1, 1, ask); err != nil {
		return serial, concurrent, err
	}
	if profile != "" {
		f, err := os.Create(profile)
		if err != nil {
			return serial, concurrent, err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return serial, concurrent, err
		}
		defer pprof.StopCPUProfile()
	}
	runtime.GC()
	if serial, err = measure(ctx, qs, 1, Rounds, ask); err != nil {
		return serial, concurrent, err
	}
	runtime.GC()
	concurrent, err = measure(ctx, qs, Concurrency, Rounds, ask)
	return serial, concurrent, err
}

// profile names a profile file, or "" when none is wanted.
func (cfg Config) profile(what, system string, scale int) string {
	if cfg.ProfileDir == "" {
		return ""
	}
	return filepath.Join(cfg.ProfileDir, fmt.Sprintf("%s-%s-x%d.prof", what, system, scale))
}

// busiestDay is the day with the most articles (the earliest of equals).
func busiestDay(days map[string]int) (string, int) {
	best, n := "", 0
	for d, c := range days {
		if c > n || c == n && d < best {
			best, n = d, c
		}
	}
	return best, n
}
