// Package sharedtest finds the material that lies beside the module in
// ../shared (corpora, evaluation questions, Discord's spec) for tests, and
// skips a test when it is absent, as it is outside this workplace.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the ../shared folder beside the module root, skipping the
// test when there is none.
func Dir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("module root not found")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		tb.Skipf("%s is absent", shared)
	}
	return shared
}

// Path returns a file of ../shared ("corpora", "polnear-train.jsonl"),
// skipping the test when it is absent.
func Path(tb testing.TB, elem ...string) string {
	tb.Helper()
	p := filepath.Join(append([]string{Dir(tb)}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s is absent", p)
	}
	return p
}
