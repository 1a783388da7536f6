package bench

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"

	"github.com/coveragebot/coveragebot/retrieval"
	"github.com/coveragebot/coveragebot/retrieval/index"
)

// The systems a worker builds.
const (
	SystemCoveragebot = "coveragebot" // retrieval.Open: attribution and the explicit mapping
	SystemBleve       = "bleve"       // plain bleve: default mapping, one document per paragraph
	SystemRead        = "read"        // reading and segmenting the corpus alone, no index
	// SystemUnattributed is coveragebot without attribution (no statements),
	// to measure what attribution costs.
	SystemUnattributed = "coveragebot-without-attribution"
)

// WorkerArgs tell a worker what to build.
type WorkerArgs struct {
	System string // SystemCoveragebot, SystemBleve or SystemRead
	Corpus string // the corpus file
	Index  string // the directory to build the index in (must not exist)
	Batch  int    // documents per bleve batch (raw bleve; coveragebot uses its own default)
	// CPUProfile, when set, is a file to write a pprof CPU profile of the
	// build to.
	CPUProfile string
}

// BuildResult is what a worker measured of one build.
type BuildResult struct {
	System     string        `json:"system"`
	Articles   int           `json:"articles"`
	Paragraphs int           `json:"paragraphs"`
	Statements int           `json:"statements,omitempty"`
	Took       time.Duration `json:"took"`               // from nothing to an index ready to answer, closed
	Settle     time.Duration `json:"settle"`             // then, reopened, until the merges bleve plans were done
	Segments   int           `json:"segments,omitempty"` // segments of the settled index
	// PeakRSS is the process's VmHWM when the build is done (before the
	// merge tail), PeakAnon the highest RssAnon sampled meanwhile, and
	// SettleRSS its VmHWM after the merge tail (see memory).
	PeakRSS   int64 `json:"peak_rss"`
	PeakAnon  int64 `json:"peak_anon"`
	SettleRSS int64 `json:"settle_rss,omitempty"`
	// CPU is the user and system time of the whole worker process, which
	// other work on a shared machine does not inflate as it does Took.
	CPU time.Duration `json:"cpu"`
}

// RunWorker builds one index as args say and writes its BuildResult as
// JSON to out. It is meant to run alone in its own process: the peak RSS it
// reports is the process's (VmHWM of /proc/self/status). Progress lines go
// to log.
func RunWorker(ctx context.Context, args WorkerArgs, out, log io.Writer) error {
	p := newTicker(log, args.System)
	if args.CPUProfile != "" {
		f, err := os.Create(args.CPUProfile)
		if err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	var (
		res BuildResult
		err error
	)
	mem := watchMemory(100 * time.Millisecond)
	switch args.System {
	case SystemCoveragebot, SystemUnattributed:
		res, err = buildCoveragebot(ctx, args, p.update)
	case SystemBleve:
		res, err = buildBleve(ctx, args, p.update)
	case SystemRead:
		res, err = readOnly(ctx, args, p.update)
	default:
		err = fmt.Errorf("unknown system %q (want %s, %s, %s or %s)", args.System, SystemCoveragebot, SystemUnattributed, SystemBleve, SystemRead)
	}
	hwm, anon, merr := mem.peaks()
	if err != nil {
		return err
	}
	if merr != nil {
		return merr
	}
	res.System, res.PeakRSS, res.PeakAnon = args.System, hwm, anon
	if args.System != SystemRead {
		dir, err := bleveDir(args)
		if err != nil {
			return err
		}
		if res.Settle, res.Segments, err = settle(ctx, dir, mergeOptions(args.System)); err != nil {
			return err
		}
	}
	if res.SettleRSS, err = peakRSS(); err != nil {
		return err
	}
	return json.NewEncoder(out).Encode(res)
}

func buildCoveragebot(ctx context.Context, args WorkerArgs, progress func(int)) (BuildResult, error) {
	start := time.Now()
	lib, err := retrieval.Open(ctx, retrieval.Options{
		IndexDir: args.Index, Corpus: []string{args.Corpus},
		WithoutStatements: args.System == SystemUnattributed,
		Logger:            slog.New(slog.DiscardHandler),
		Progress:          func(done, _ int) { progress(done) },
	})
	if err != nil {
		return BuildResult{}, fmt.Errorf("coveragebot build: %w", err)
	}
	rep, fresh := lib.LastBuild()
	if err := lib.Close(); err != nil {
		return BuildResult{}, fmt.Errorf("coveragebot build: %w", err)
	}
	if !fresh {
		return BuildResult{}, fmt.Errorf("coveragebot build: %s already held an index", args.Index)
	}
	return BuildResult{Articles: rep.Articles, Paragraphs: rep.Paragraphs, Statements: rep.Statements, Took: time.Since(start)}, nil
}

// bleveDir is the bleve index directory of a build: the live generation
// of coveragebot's index directory (named by its "current" file), or the
// raw index directory itself.
func bleveDir(args WorkerArgs) (string, error) {
	if args.System != SystemCoveragebot && args.System != SystemUnattributed {
		return args.Index, nil
	}
	b, err := os.ReadFile(filepath.Join(args.Index, "current"))
	if err != nil {
		return "", fmt.Errorf("find coveragebot's live index: %w", err)
	}
	return filepath.Join(args.Index, strings.TrimSpace(string(b))), nil
}

// mergeOptions are the merge policy of a system's index: bleve's default,
// with coveragebot's cap on the size of merged segments.
func mergeOptions(system string) mergeplan.MergePlanOptions {
	opts := mergeplan.DefaultMergePlanOptions
	if system == SystemCoveragebot || system == SystemUnattributed {
		opts.MaxSegmentSize = index.MaxSegmentDocs
	}
	return opts
}

// settle reopens a closed bleve index and runs the merges its merge policy
// (opts) plans for it, round after round until it plans none. Closing
// an index stops the merges in flight and reopening it does not resume
// them: without this, how many segments an index keeps (and so how fast it
// answers) would depend on when its build happened to close. It returns the
// time taken and the segments left.
func settle(ctx context.Context, dir string, opts mergeplan.MergePlanOptions) (time.Duration, int, error) {
	start := time.Now()
	ix, err := bleve.Open(dir)
	if err != nil {
		return 0, 0, fmt.Errorf("settle %s: %w", dir, err)
	}
	defer func() { _ = ix.Close() }()
	adv, err := ix.Advanced()
	if err != nil {
		return 0, 0, fmt.Errorf("settle %s: %w", dir, err)
	}
	sc, ok := adv.(*scorch.Scorch)
	if !ok {
		return 0, 0, fmt.Errorf("settle %s: not a scorch index", dir)
	}
	segs := segments(ix)
	for range 20 {
		if err := sc.ForceMerge(ctx, &opts); err != nil {
			return 0, 0, fmt.Errorf("settle %s: %w", dir, err)
		}
		n := segments(ix)
		if n >= segs {
			break
		}
		segs = n
	}
	return time.Since(start), segs, nil
}

// segments is the number of segments of an open index.
func segments(ix bleve.Index) int {
	st, _ := ix.StatsMap()["index"].(map[string]any)
	n, _ := st["num_root_filesegments"].(uint64)
	return int(n)
}

// ticker prints a progress line at most every 15 seconds.
type ticker struct {
	w     io.Writer
	label string
	last  time.Time
}

func newTicker(w io.Writer, label string) *ticker {
	return &ticker{w: w, label: label, last: time.Now()}
}

func (t *ticker) update(done int) {
	if t.w == nil {
		return
	}
	if now := time.Now(); now.Sub(t.last) >= 15*time.Second {
		t.last = now
		fmt.Fprintf(t.w, "  %s: %d articles\n", t.label, done)
	}
}

// WorkerMain parses the worker's flags (as Flags renders them) and runs
// it: the body of the child process.
func WorkerMain(ctx context.Context, argv []string, out, log io.Writer) error {
	var a WorkerArgs
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	fs.SetOutput(log)
	fs.StringVar(&a.System, "system", "", "coveragebot, bleve or read")
	fs.StringVar(&a.Corpus, "corpus", "", "the corpus file")
	fs.StringVar(&a.Index, "index", "", "the index directory to create")
	fs.IntVar(&a.Batch, "batch", 0, "documents per raw bleve batch")
	fs.StringVar(&a.CPUProfile, "cpuprofile", "", "write a pprof CPU profile of the build to FILE")
	if err := fs.Parse(argv); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("worker: unexpected arguments %q", fs.Args())
	}
	if a.Corpus == "" || (a.Index == "" && a.System != SystemRead) {
		return errors.New("worker: --corpus and --index are required")
	}
	return RunWorker(ctx, a, out, log)
}
