package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// workerEnv makes the test binary act as a bench worker: Run's builds
// re-run this binary, and TestMain hands them to WorkerMain.
const workerEnv = "COVERAGEBOT_BENCH_TEST_WORKER"

func TestMain(m *testing.M) {
	if os.Getenv(workerEnv) != "" {
		if err := WorkerMain(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
			fmt.Fprintln(os.Stderr, "worker:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// sharedDir locates ../shared beside the module root, or skips.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("module root not found")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("no ../shared beside the module: %v", err)
	}
	return shared
}

// TestRunEndToEnd runs the whole benchmark on the first articles of the
// realtimeqa corpus at two sizes, each build in a child process, and checks
// that the report is complete and sane. It asserts no timing ratio: those
// are the benchmark's findings, not its correctness.
func TestRunEndToEnd(t *testing.T) {
	corpus := filepath.Join(sharedDir(t), "corpora", "realtimeqa-2023.jsonl.gz")
	if testing.Short() {
		t.Skip("builds four indexes in child processes")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	cfg := Config{
		Corpus: corpus, Scales: []int{2, 1}, Limit: 80, Questions: 40,
		Out:     t.TempDir(),
		Worker:  Spawner{Command: []string{exe}, Env: []string{workerEnv + "=1"}},
		Command: "go test ./bench", Log: &log,
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	rep, err := Run(ctx, cfg)
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, log.String())
	}
	t.Logf("progress:\n%s", log.String())
	if err := rep.Check(); err != nil {
		t.Fatalf("report incomplete:\n%v", err)
	}
	if len(rep.Sizes) != 2 || rep.Sizes[0].Scale != 1 || rep.Sizes[1].Scale != 2 {
		t.Fatalf("sizes %+v, want ×1 then ×2", rep.Sizes)
	}
	one, two := rep.Sizes[0], rep.Sizes[1]
	if one.Articles != 80 || two.Articles != 160 || two.Paragraphs != 2*one.Paragraphs || two.TextBytes != 2*one.TextBytes {
		t.Errorf("×2 is not twice ×1: %d/%d articles, %d/%d paragraphs", one.Articles, two.Articles, one.Paragraphs, two.Paragraphs)
	}
	if len(rep.Questions) != 40 || rep.count("quiz") == 0 || rep.count("speaker") == 0 {
		t.Errorf("questions: %d (%d quiz, %d speaker), want 40 of both kinds", len(rep.Questions), rep.count("quiz"), rep.count("speaker"))
	}
	if got := len(rep.Targets()); got != 7 {
		t.Errorf("%d targets judged, want 7", got)
	}
	if u := one.Unattributed; u == nil || u.Articles != 80 || u.Statements != 0 || one.Coveragebot.Build.Statements == 0 || two.Unattributed != nil {
		t.Errorf("the build without attribution: at ×1 %+v (with: %d statements), at ×2 %+v; want it at ×1 alone, with no statements", u, one.Coveragebot.Build.Statements, two.Unattributed)
	}
	var md bytes.Buffer
	if err := rep.Markdown(&md); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"### Indexing", "### Index size, memory, opening", "### Answering, one question at a time",
		"### Answering, 4 questions at once", "### Latency against size", "### Summary of the busiest day", "### Targets",
		"| ×1 | 80 |", "| ×2 | 160 |", "go test ./bench", "What attribution costs, at ×1"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("markdown lacks %q:\n%s", want, md.String())
		}
	}
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(b, &back); err != nil || back.Check() != nil {
		t.Errorf("the JSON report does not read back whole: %v %v", err, back.Check())
	}
}
