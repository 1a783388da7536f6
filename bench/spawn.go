package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// Spawner runs a worker in a child process.
type Spawner struct {
	// Command is the worker's command line before its flags, e.g.
	// {"/usr/bin/coveragebot", "bench", "worker"}.
	Command []string
	// Env is added to the child's environment.
	Env []string
	// Log receives the child's progress lines (nil discards them).
	Log io.Writer
}

// Flags renders args as the worker's flags.
func (a WorkerArgs) Flags() []string {
	f := []string{"--system", a.System, "--corpus", a.Corpus, "--index", a.Index, "--batch", strconv.Itoa(a.Batch)}
	if a.CPUProfile != "" {
		f = append(f, "--cpuprofile", a.CPUProfile)
	}
	return f
}

// spawnTries is how many times a worker killed by a signal from outside
// (not by the benchmark) is started again: on a shared machine, someone
// else's clean-up may end it.
const spawnTries = 3

// spawn runs one worker to its end and returns what it measured. A worker
// killed by a signal is run again from the start, on a fresh index.
func (s Spawner) spawn(ctx context.Context, args WorkerArgs) (BuildResult, error) {
	for try := 1; ; try++ {
		res, killed, err := s.run(ctx, args)
		if !killed || try == spawnTries || ctx.Err() != nil {
			return res, err
		}
		if s.Log != nil {
			fmt.Fprintf(s.Log, "  %s: the worker was killed from outside; building again (%v)\n", args.System, err)
		}
		if args.Index != "" {
			if err := os.RemoveAll(args.Index); err != nil {
				return BuildResult{}, err
			}
		}
	}
}

// run runs a worker once; killed says it ended by a signal.
func (s Spawner) run(ctx context.Context, args WorkerArgs) (res BuildResult, killed bool, err error) {
	if len(s.Command) == 0 {
		return BuildResult{}, false, errors.New("no worker command")
	}
	cmd := exec.CommandContext(ctx, s.Command[0], append(append([]string{}, s.Command[1:]...), args.Flags()...)...)
	cmd.Env = append(os.Environ(), s.Env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	if s.Log != nil {
		cmd.Stderr = io.MultiWriter(&stderr, s.Log)
	}
	if err := cmd.Run(); err != nil {
		killed = cmd.ProcessState != nil && cmd.ProcessState.ExitCode() == -1
		return BuildResult{}, killed, fmt.Errorf("worker %s: %w: %s", args.System, err, lastLines(stderr.String(), 5))
	}
	if err := json.Unmarshal(lastLine(stdout.Bytes()), &res); err != nil {
		return BuildResult{}, false, fmt.Errorf("worker %s: bad result %q: %w", args.System, stdout.String(), err)
	}
	res.CPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return res, false, nil
}

func lastLine(b []byte) []byte {
	b = bytes.TrimSpace(b)
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
		return b[i+1:]
	}
	return b
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}
