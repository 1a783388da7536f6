package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/coveragebot/coveragebot/config"
	"github.com/coveragebot/coveragebot/retrieval"
)

// env is what every command is given: the streams, the environment and
// the means to load the configuration and open the library.
type env struct {
	ctx     context.Context
	environ []string
	stdin   io.Reader
	stdout  io.Writer
	stderr  io.Writer
}

// run builds the command line and runs it, returning the exit code.
func run(ctx context.Context, args, environ []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{ctx: ctx, environ: environ, stdin: stdin, stdout: stdout, stderr: stderr}
	root := &cobra.Command{
		Use:           "coveragebot",
		Short:         "Answer questions about news coverage with the exact words and their sources",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	config.AddGlobalFlags(root.PersistentFlags())
	root.AddCommand(askCmd(e), indexCmd(e), quotesCmd(e), speakersCmd(e), summaryCmd(e), serveCmd(e), benchCmd(e))
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	if err := root.ExecuteContext(ctx); err != nil {
		fmt.Fprintln(stderr, "coveragebot:", err)
		return 1
	}
	return 0
}

// load reads the configuration for a command and checks it for purpose.
func (e *env) load(cmd *cobra.Command, purpose config.Purpose) (config.Config, *slog.Logger, error) {
	cfg, err := config.Load(config.LoadOptions{Flags: allFlags(cmd), Env: e.environ, Purpose: purpose})
	if err != nil {
		return cfg, nil, err
	}
	return cfg, cfg.Log.NewLogger(e.stderr), nil
}

// allFlags merges a command's own flags and the persistent ones it inherits.
func allFlags(cmd *cobra.Command) *pflag.FlagSet {
	fs := pflag.NewFlagSet(cmd.Name(), pflag.ContinueOnError)
	fs.AddFlagSet(cmd.Flags())
	fs.AddFlagSet(cmd.InheritedFlags())
	return fs
}

// library loads the configuration for a command and opens its library.
func (e *env) library(cmd *cobra.Command, purpose config.Purpose) (*retrieval.Library, error) {
	cfg, log, err := e.load(cmd, purpose)
	if err != nil {
		return nil, err
	}
	return e.open(cfg, log)
}

// open opens the library the configuration names, building the index when
// needed (with progress on stderr).
func (e *env) open(cfg config.Config, log *slog.Logger) (*retrieval.Library, error) {
	opts, err := libraryOptions(cfg, log)
	if err != nil {
		return nil, err
	}
	p := newProgress(e.stderr, "indexing")
	opts.Progress = p.update
	lib, err := retrieval.Open(e.ctx, opts)
	p.finish()
	if err != nil {
		return nil, fmt.Errorf("open the index: %w", err)
	}
	return lib, nil
}

// libraryOptions are the library's settings from the configuration.
func libraryOptions(cfg config.Config, log *slog.Logger) (retrieval.Options, error) {
	aliases, err := loadAliases(cfg.Aliases)
	if err != nil {
		return retrieval.Options{}, err
	}
	return retrieval.Options{
		IndexDir: cfg.Index, Corpus: cfg.Corpus, Strict: cfg.Strict, Aliases: aliases,
		MaxItems: cfg.Answer.MaxItems, MaxQuestion: cfg.Answer.MaxQuestion, Logger: log, Now: time.Now,
	}, nil
}
