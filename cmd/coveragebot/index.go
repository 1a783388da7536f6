package main

import (
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/coveragebot/coveragebot/config"
	"github.com/coveragebot/coveragebot/retrieval"
)

func indexCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "index [--corpus PATH]... [--index DIR]",
		Short: "Build the index anew from the corpus, then print what was indexed and skipped",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, log, err := e.load(cmd, config.PurposeIndex)
			if err != nil {
				return err
			}
			lib, err := e.open(cfg, log) // builds the index when it has none or another corpus
			if err != nil {
				return err
			}
			defer func() { _ = lib.Close() }()
			rep, fresh := lib.LastBuild()
			if !fresh { // the index was already there: build it anew, as asked
				p := newProgress(e.stderr, "indexing")
				rep, err = lib.Rebuild(e.ctx, p.update)
				p.finish()
				if err != nil {
					return err
				}
			}
			printReport(e.stdout, rep)
			if cfg.Strict && len(rep.Skipped) > 0 {
				return fmt.Errorf("%d inputs skipped in strict mode", len(rep.Skipped))
			}
			return nil
		},
	}
	config.AddCorpusFlags(cmd.Flags())
	return cmd
}

// printReport sums up a build.
func printReport(w io.Writer, r retrieval.IndexReport) {
	fmt.Fprintf(w, "Indexed %d articles, %d paragraphs, %d statements in %s.\n",
		r.Articles, r.Paragraphs, r.Statements, r.Took.Round(10*time.Millisecond))
	if len(r.Skipped) == 0 {
		fmt.Fprintln(w, "Nothing skipped.")
		return
	}
	fmt.Fprintf(w, "Skipped %d:\n", len(r.Skipped))
	for _, s := range r.Skipped {
		fmt.Fprintf(w, "  %s: %s\n", s.Where, s.Reason)
	}
}
