package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/coveragebot/coveragebot/bench"
)

// benchCmd measures indexing and answering at several corpus sizes against
// a plain bleve index of the same paragraphs. Its hidden "worker"
// subcommand is the child process each build runs in.
func benchCmd(e *env) *cobra.Command {
	var (
		cfg    bench.Config
		scales string
		asJSON bool
		md     string
		render string
	)
	cmd := &cobra.Command{
		Use:   "bench [--corpus FILE] [--scale 1,2,5,10] [--limit N] [--questions N] [--out DIR] [--json] [--md FILE]",
		Short: "Benchmark indexing and answering at several corpus sizes against plain bleve",
		Long: `Benchmark builds coveragebot's index and a plain bleve BM25 index of the same
paragraphs for each size (the corpus copied k times with fresh ids and dates a
year apart), each build in a child process, then times opening them, answering
the same questions one at a time and four at once, and the busiest day's summary.`,
		Example: `  coveragebot bench --scale 1,2,5,10 --md docs/benchmarks.md
  coveragebot bench --limit 300 --scale 1,2 --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			rep, err := benchReport(e, cfg, scales, render)
			if err != nil {
				return err
			}
			if md != "" {
				old, err := os.ReadFile(md)
				if err != nil && !errors.Is(err, os.ErrNotExist) {
					return err
				}
				doc, err := rep.WriteMarkdownFile(old)
				if err != nil {
					return err
				}
				if err := os.WriteFile(md, doc, 0o644); err != nil {
					return fmt.Errorf("bench: %w", err)
				}
			}
			if asJSON {
				return writeJSON(e.stdout, rep)
			}
			return rep.Markdown(e.stdout)
		},
	}
	f := cmd.Flags()
	f.StringVar(&cfg.Corpus, "corpus", "../shared/corpora/realtimeqa-2023.jsonl.gz", "the JSON-lines corpus to start from")
	f.StringVar(&scales, "scale", "1,2,5,10", "corpus sizes, as multiples of the corpus")
	f.IntVar(&cfg.Limit, "limit", 0, "start from the corpus's first N articles (0: all)")
	f.StringVar(&cfg.Out, "out", "", "folder for the corpora and indexes, kept (default: a temporary folder, removed)")
	f.IntVar(&cfg.Questions, "questions", 200, "questions asked at each size, at least 200 (half \"what did X say?\", half quiz)")
	f.IntVar(&cfg.Batch, "batch", 0, "documents per raw bleve batch (default: coveragebot's)")
	f.StringVar(&cfg.ProfileDir, "cpuprofile", "", "write pprof CPU profiles of every build and of answering into DIR")
	f.BoolVar(&asJSON, "json", false, "print the report as JSON instead of Markdown")
	f.StringVar(&render, "render", "", "render the JSON report of an earlier run (--json) instead of running")
	f.StringVar(&md, "md", "", "also write the Markdown into FILE (between its bench markers, when it has them)")
	cmd.AddCommand(benchWorkerCmd(e))
	return cmd
}

// minQuestions is the fewest questions a benchmark asks.
const minQuestions = 200

// benchReport runs the benchmark, or reads the report of an earlier run.
func benchReport(e *env, cfg bench.Config, scales, render string) (*bench.Report, error) {
	if render != "" {
		b, err := os.ReadFile(render)
		if err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
		var rep bench.Report
		if err := json.Unmarshal(b, &rep); err != nil {
			return nil, fmt.Errorf("bench: %s: %w", render, err)
		}
		return &rep, nil
	}
	var err error
	if cfg.Scales, err = parseScales(scales); err != nil {
		return nil, err
	}
	if cfg.Questions < minQuestions {
		return nil, fmt.Errorf("--questions %d: ask at least %d, so that p99 means something", cfg.Questions, minQuestions)
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("bench: find this program for its workers: %w", err)
	}
	cfg.Worker = bench.Spawner{Command: []string{exe, "bench", "worker"}, Log: e.stderr}
	cfg.Log = e.stderr
	cfg.Command = "coveragebot " + strings.Join(os.Args[1:], " ")
	return bench.Run(e.ctx, cfg)
}

// benchWorkerCmd builds one index and prints what it measured as JSON: a
// child process of bench, so that its peak RSS is its own. Its flags are
// bench.WorkerMain's.
func benchWorkerCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:                "worker --system coveragebot|bleve|read --corpus FILE --index DIR [--batch N] [--cpuprofile FILE]",
		Short:              "Build one index for bench (internal)",
		Hidden:             true,
		DisableFlagParsing: true,
		RunE: func(_ *cobra.Command, args []string) error {
			return bench.WorkerMain(e.ctx, args, e.stdout, e.stderr)
		},
	}
}

// parseScales reads a comma-separated list of whole multiples.
func parseScales(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("--scale %q: want whole multiples of 1 or more, like 1,2,5,10", s)
		}
		out = append(out, n)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--scale %q: name at least one size", s)
	}
	return out, nil
}
