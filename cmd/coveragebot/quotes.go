package main

import (
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/coveragebot/coveragebot/config"
	"github.com/coveragebot/coveragebot/retrieval"
)

func quotesCmd(e *env) *cobra.Command {
	var (
		speaker, about, since string
		asJSON                bool
		limit                 int
	)
	cmd := &cobra.Command{
		Use:     "quotes --speaker NAME [--about TOPIC] [--since YYYY-MM-DD] [--json]",
		Short:   "List what a speaker said, most relevant to the topic first, then the newest",
		Example: `  coveragebot quotes --speaker Blinken --about Putin`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			q := retrieval.QuoteQuery{Speaker: speaker, About: about, Limit: limit}
			if since != "" {
				t, err := time.Parse("2006-01-02", since)
				if err != nil {
					return fmt.Errorf("--since %q: want a date as YYYY-MM-DD", since)
				}
				q.Since = t
			}
			lib, err := e.library(cmd, config.PurposeAsk)
			if err != nil {
				return err
			}
			defer func() { _ = lib.Close() }()
			ans, err := lib.Quotes(e.ctx, q)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(e.stdout, ans)
			}
			printAnswer(e.stdout, ans)
			return nil
		},
	}
	cmd.Flags().StringVar(&speaker, "speaker", "", "who (a name, a surname, a role, or an institution)")
	cmd.Flags().StringVar(&about, "about", "", "only statements on this topic")
	cmd.Flags().StringVar(&since, "since", "", "only articles published on or after this date (YYYY-MM-DD)")
	cmd.Flags().IntVar(&limit, "limit", 10, "at most this many statements")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	_ = cmd.MarkFlagRequired("speaker")
	config.AddCorpusFlags(cmd.Flags())
	return cmd
}

func speakersCmd(e *env) *cobra.Command {
	var (
		prefix string
		asJSON bool
		limit  int
	)
	cmd := &cobra.Command{
		Use:   "speakers [--prefix P] [--json]",
		Short: "List the speakers of the coverage with their numbers of statements, most quoted first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib, err := e.library(cmd, config.PurposeAsk)
			if err != nil {
				return err
			}
			defer func() { _ = lib.Close() }()
			list, err := lib.Speakers(e.ctx, prefix, limit)
			if err != nil {
				return err
			}
			if asJSON {
				if list == nil {
					list = []retrieval.SpeakerCount{}
				}
				return writeJSON(e.stdout, list)
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "QUOTES\tSPEAKER\tROLE")
			for _, s := range list {
				fmt.Fprintf(tw, "%d\t%s\t%s\n", s.Quotes, s.Name, s.Role)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&prefix, "prefix", "", "only speakers with a name starting (or containing) this")
	cmd.Flags().IntVar(&limit, "limit", 0, "at most this many speakers (0: all)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	config.AddCorpusFlags(cmd.Flags())
	return cmd
}
