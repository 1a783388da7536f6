package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strconv"
	"time"

	"github.com/coveragebot/coveragebot/retrieval"
	"github.com/coveragebot/coveragebot/retrieval/index"
)

// Config says what to benchmark.
type Config struct {
	Corpus    string    // a JSON-lines corpus (.jsonl or .jsonl.gz)
	Scales    []int     // sizes, as multiples of the corpus (1 is the corpus)
	Limit     int       // articles of the corpus to start from (0: all)
	Out       string    // where corpora and indexes go; "" makes a temporary folder, removed at the end
	Questions int       // questions asked at each size (at least 1)
	Batch     int       // documents per raw bleve batch (0: coveragebot's batch size)
	Worker    Spawner   // runs the builds in child processes
	Command   string    // the command line, for the report
	Log       io.Writer // progress lines (nil: none)
	// ProfileDir, when set, receives pprof CPU profiles of every build
	// (build-SYSTEM-xK.prof) and of answering (answer-SYSTEM-xK.prof).
	ProfileDir string
}

// Report is what one benchmark run measured.
type Report struct {
	Command   string        `json:"command"`
	Machine   Machine       `json:"machine"`
	Corpus    string        `json:"corpus"`
	Limit     int           `json:"limit,omitempty"`
	Batch     int           `json:"batch"`
	Started   time.Time     `json:"started"`
	Took      time.Duration `json:"took"`
	Questions []Question    `json:"questions"`
	Sizes     []Size        `json:"sizes"`
}

// Size is what was measured at one corpus size.
type Size struct {
	Scale       int         `json:"scale"`
	Articles    int         `json:"articles"`
	TextBytes   int64       `json:"text_bytes"`
	Paragraphs  int         `json:"paragraphs"`
	Statements  int         `json:"statements"`
	Read        BuildResult `json:"read"` // reading and segmenting alone
	Coveragebot System      `json:"coveragebot"`
	Bleve       System      `json:"bleve"`
	// SummaryDay is the day with the most articles, SummaryArticles their
	// number and Summary the median time of three summaries of it.
	SummaryDay      string        `json:"summary_day"`
	SummaryArticles int           `json:"summary_articles"`
	Summary         time.Duration `json:"summary"`
}

// System is what was measured of one system at one size.
type System struct {
	Build      BuildResult   `json:"build"`
	IndexBytes int64         `json:"index_bytes"`
	Open       time.Duration `json:"open"`
	Serial     Latency       `json:"serial"`     // one question at a time
	Concurrent Latency       `json:"concurrent"` // four at once
}

// Concurrency is how many questions are in flight in the concurrent pass.
const Concurrency = 4

// Run runs the benchmark: for each size, smallest first, it writes the
// corpus, builds both indexes (and reads the corpus alone) in child
// processes, then opens each index here and asks it every question, once
// to warm up, then one at a time, then Concurrency at once. The questions
// are made once, from the corpus and the speakers of the smallest size.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	if cfg.Questions <= 0 {
		return nil, errors.New("bench: ask at least one question")
	}
	scales := slices.Clone(cfg.Scales)
	slices.Sort(scales)
	scales = slices.Compact(scales)
	if len(scales) == 0 || scales[0] < 1 {
		return nil, fmt.Errorf("bench: scales %v: want whole multiples of 1 or more", cfg.Scales)
	}
	if cfg.Batch <= 0 {
		cfg.Batch = index.DefaultBatchSize
	}
	rep := &Report{Command: cfg.Command, Machine: thisMachine(), Corpus: cfg.Corpus, Limit: cfg.Limit, Batch: cfg.Batch, Started: time.Now().UTC()}
	out := cfg.Out
	if out == "" {
		tmp, err := os.MkdirTemp("", "coveragebot-bench-")
		if err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
		defer os.RemoveAll(tmp)
		out = tmp
	} else if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	if cfg.ProfileDir != "" {
		if err := os.MkdirAll(cfg.ProfileDir, 0o755); err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
	}
	base, err := readBase(ctx, cfg.Corpus, cfg.Limit)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	for _, k := range scales {
		size, qs, err := runSize(ctx, cfg, base, k, out, rep.Questions)
		if err != nil {
			return nil, fmt.Errorf("bench ×%d: %w", k, err)
		}
		rep.Questions = qs
		rep.Sizes = append(rep.Sizes, size)
	}
	rep.Took = time.Since(rep.Started)
	rep.Machine.LoadEnd = loadAvg()
	return rep, nil
}

func logf(w io.Writer, format string, args ...any) {
	if w != nil {
		fmt.Fprintf(w, format+"\n", args...)
	}
}

// runSize measures one size. qs are the questions, or nil to make them
// from this size's coveragebot index.
func runSize(ctx context.Context, cfg Config, base *baseCorpus, k int, out string, qs []Question) (Size, []Question, error) {
	logf(cfg.Log, "×%d: writing the corpus (%d articles)", k, k*len(base.records))
	cf, err := writeScaled(ctx, base, k, out)
	if err != nil {
		return Size{}, nil, err
	}
	if cf.temp && cfg.Out == "" {
		defer os.Remove(cf.Path)
	}
	s := Size{Scale: k, Articles: cf.Articles, TextBytes: cf.TextBytes}
	cbDir := filepath.Join(out, "coveragebot-x"+strconv.Itoa(k))
	rawDir := filepath.Join(out, "bleve-x"+strconv.Itoa(k))
	for _, d := range []string{cbDir, rawDir} {
		if err := os.RemoveAll(d); err != nil {
			return s, nil, err
		}
		if cfg.Out == "" {
			defer os.RemoveAll(d)
		}
	}
	builds := []struct {
		args WorkerArgs
		to   *BuildResult
	}{
		{WorkerArgs{System: SystemRead, Corpus: cf.Path, Batch: cfg.Batch}, &s.Read},
		{WorkerArgs{System: SystemCoveragebot, Corpus: cf.Path, Index: cbDir, Batch: cfg.Batch}, &s.Coveragebot.Build},
		{WorkerArgs{System: SystemBleve, Corpus: cf.Path, Index: rawDir, Batch: cfg.Batch}, &s.Bleve.Build},
	}
	for _, b := range builds {
		b.args.CPUProfile = cfg.profile("build", b.args.System, k)
		logf(cfg.Log, "×%d: %s build", k, b.args.System)
		r, err := cfg.Worker.spawn(ctx, b.args)
		if err != nil {
			return s, nil, err
		}
		logf(cfg.Log, "×%d: %s: %d articles, %d paragraphs in %s (+%s merging), peak RSS %d MiB", k, b.args.System,
			r.Articles, r.Paragraphs, r.Took.Round(time.Millisecond), r.Settle.Round(time.Millisecond), r.PeakRSS>>20)
		*b.to = r
	}
	s.Paragraphs, s.Statements = s.Coveragebot.Build.Paragraphs, s.Coveragebot.Build.Statements
	if s.Coveragebot.IndexBytes, err = dirSize(cbDir); err != nil {
		return s, nil, err
	}
	if s.Bleve.IndexBytes, err = dirSize(rawDir); err != nil {
		return s, nil, err
	}
	if qs, err = measureCoveragebot(ctx, cfg, base, &s, cbDir, cf.Path, qs); err != nil {
		return s, nil, err
	}
	if err := measureBleve(ctx, cfg, &s, rawDir, qs); err != nil {
		return s, nil, err
	}
	return s, qs, nil
}

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
	if qs == nil {
		sp, err := lib.Speakers(ctx, "", 100)
		if err != nil {
			return nil, err
		}
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
	defer func() { _ = raw.Close() }()
	logf(cfg.Log, "×%d: raw bleve answers %d questions", s.Scale, len(qs))
	s.Bleve.Serial, s.Bleve.Concurrent, err = latencies(ctx, qs, raw.ask, cfg.profile("answer", SystemBleve, s.Scale))
	return err
}

// latencies asks every question once to warm up, then times them one at
// a time, then Concurrency at once; with a profile file, it profiles the
// timed passes.
func latencies(ctx context.Context, qs []Question, ask asker, profile string) (serial, concurrent Latency, err error) {
	if _, err = measure(ctx, qs, 1, ask); err != nil {
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
	if serial, err = measure(ctx, qs, 1, ask); err != nil {
		return serial, concurrent, err
	}
	concurrent, err = measure(ctx, qs, Concurrency, ask)
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
