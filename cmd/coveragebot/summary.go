package main

import (
	"fmt"
	"sort"
	"time"

	"github.com/spf13/cobra"

	"github.com/coveragebot/coveragebot/config"
)

func summaryCmd(e *env) *cobra.Command {
	var (
		date   string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "summary [--date YYYY-MM-DD] [--json]",
		Short: "Print the summary of a day's coverage (default: the latest day with coverage)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib, err := e.library(cmd, config.PurposeSummary)
			if err != nil {
				return err
			}
			defer func() { _ = lib.Close() }()
			var day time.Time
			if date != "" {
				if day, err = time.Parse("2006-01-02", date); err != nil {
					return fmt.Errorf("--date %q: want a date as YYYY-MM-DD", date)
				}
			} else {
				days, err := lib.Days()
				if err != nil {
					return err
				}
				if day, err = latestDay(days); err != nil {
					return err
				}
			}
			s, err := lib.Summary(e.ctx, day)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(e.stdout, s)
			}
			_, err = fmt.Fprint(e.stdout, s.Text())
			return err
		},
	}
	cmd.Flags().StringVar(&date, "date", "", "the day (YYYY-MM-DD); default: the latest day with coverage")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	config.AddCorpusFlags(cmd.Flags())
	return cmd
}

// latestDay is the newest day that has coverage.
func latestDay(days map[string]int) (time.Time, error) {
	keys := make([]string, 0, len(days))
	for d := range days {
		keys = append(keys, d)
	}
	if len(keys) == 0 {
		return time.Time{}, fmt.Errorf("the coverage is empty")
	}
	sort.Strings(keys)
	return time.Parse("2006-01-02", keys[len(keys)-1])
}
