package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

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
	Scale      int         `json:"scale"`
	Articles   int         `json:"articles"`
	TextBytes  int64       `json:"text_bytes"`
	Paragraphs int         `json:"paragraphs"`
	Statements int         `json:"statements"`
	Read       BuildResult `json:"read"` // reading and segmenting alone
	// Unattributed is coveragebot's build without attribution, at the
	// smallest size only: what attribution costs.
	Unattributed *BuildResult `json:"unattributed,omitempty"`
	Coveragebot  System       `json:"coveragebot"`
	Bleve        System       `json:"bleve"`
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
	// Ready is Open and what opening leaves to do in the background, until
	// every question can be answered (raw bleve: Open).
	Ready      time.Duration `json:"ready"`
	Serial     Latency       `json:"serial"`     // one question at a time
	Concurrent Latency       `json:"concurrent"` // four at once
}

// Concurrency is how many questions are in flight in the concurrent pass.
const Concurrency = 4

// Run runs the benchmark: for each size, smallest first, it writes the
// corpus, builds both indexes (and reads the corpus alone) in child
// processes, then opens each index here and asks it every question, once
// to warm up, then Rounds times one at a time, then Rounds times
// Concurrency at once. The questions
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
	type build struct {
		args WorkerArgs
		to   *BuildResult
	}
	builds := []build{{WorkerArgs{System: SystemRead, Corpus: cf.Path, Batch: cfg.Batch}, &s.Read}}
	if qs == nil { // the smallest size: what attribution costs
		s.Unattributed = &BuildResult{}
		noDir := filepath.Join(out, "unattributed-x"+strconv.Itoa(k))
		if err := os.RemoveAll(noDir); err != nil {
			return s, nil, err
		}
		defer os.RemoveAll(noDir) // asked no question: not kept
		builds = append(builds, build{WorkerArgs{System: SystemUnattributed, Corpus: cf.Path, Index: noDir, Batch: cfg.Batch}, s.Unattributed})
	}
	builds = append(builds,
		build{WorkerArgs{System: SystemCoveragebot, Corpus: cf.Path, Index: cbDir, Batch: cfg.Batch}, &s.Coveragebot.Build},
		build{WorkerArgs{System: SystemBleve, Corpus: cf.Path, Index: rawDir, Batch: cfg.Batch}, &s.Bleve.Build})
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
