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
		Long: `Build the index anew from the corpus, in a new directory beside the live index, and make it
the live one. It works while "coveragebot serve" runs on the same index: the bot keeps
answering from the old index and moves to the new one when it is built.`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, log, err := e.load(cmd, config.PurposeIndex)
			if err != nil {
				return err
			}
			opts, err := libraryOptions(cfg, log)
			if err != nil {
				return err
			}
			p := newProgress(e.stderr, "indexing")
			opts.Progress = p.update
			rep, err := retrieval.Build(e.ctx, opts)
			p.finish()
			if err != nil {
				return err
			}
			printReport(e.stdout, rep)
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
