package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/coveragebot/coveragebot/config"
	"github.com/coveragebot/coveragebot/retrieval"
)

func askCmd(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "ask [--json] QUESTION | -",
		Short: "Answer a question with quoted, sourced excerpts (- reads one question a line from stdin)",
		Example: `  coveragebot ask "what did Blinken say?"
  coveragebot ask --json "what did Kishida say about Bucha?"
  printf 'what did Xi say?\nwhat did Biden say?\n' | coveragebot ask --json -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			lib, err := e.library(cmd, config.PurposeAsk)
			if err != nil {
				return err
			}
			defer func() { _ = lib.Close() }()
			if len(args) == 1 && args[0] == "-" {
				return askLines(e, lib, asJSON)
			}
			ans, err := lib.Answer(e.ctx, strings.Join(args, " "))
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
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the answer as JSON (one line per question with -)")
	config.AddCorpusFlags(cmd.Flags())
	config.AddAnswerFlags(cmd.Flags())
	return cmd
}

// askLines answers one question a line from stdin, writing one answer per
// question and flushing after each, so a script can talk to it line by
// line. A question that cannot be asked (blank, too long) gets an answer
// of kind none saying why, so answers stay in step with questions.
func askLines(e *env, lib *retrieval.Library, asJSON bool) error {
	in := bufio.NewScanner(e.stdin)
	in.Buffer(make([]byte, 64*1024), 1024*1024)
	out := bufio.NewWriter(e.stdout)
	for n := 1; in.Scan(); n++ {
		q := in.Text()
		ans, err := lib.Answer(e.ctx, q)
		if errors.Is(err, retrieval.ErrEmptyQuestion) || errors.Is(err, retrieval.ErrQuestionTooLong) {
			ans = retrieval.Answer{Question: q, Kind: retrieval.KindNone, Message: fmt.Sprintf("line %d: %v", n, err), Items: []retrieval.Item{}}
		} else if err != nil {
			return fmt.Errorf("stdin line %d: %w", n, err)
		}
		if asJSON {
			err = writeJSON(out, ans)
		} else {
			printAnswer(out, ans)
			_, err = fmt.Fprintln(out)
		}
		if err != nil {
			return err
		}
		if err := out.Flush(); err != nil {
			return err
		}
	}
	if err := in.Err(); err != nil {
		return fmt.Errorf("reading questions from stdin: %w", err)
	}
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
