package question

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/internal/sharedtest"
)

// Every PolNeAR question is "What did X say?": each must ask for X's
// statements, with X as written and no topic.
func TestParsePolNeARQuestions(t *testing.T) {
	path := filepath.Join(sharedtest.Dir(t), "eval", "polnear-train-questions.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("no questions: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		var c struct{ Q string }
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		n++
		want, ok := strings.CutPrefix(c.Q, "What did ")
		want, ok2 := strings.CutSuffix(want, " say?")
		if !ok || !ok2 {
			t.Errorf("question %q is not \"What did X say?\"", c.Q)
			continue
		}
		got := Parse(c.Q)
		if got.Intent != Statements || got.Speaker != want || got.Topic != "" {
			t.Errorf("Parse(%q) = %v speaker %q topic %q, want statements speaker %q", c.Q, got.Intent, got.Speaker, got.Topic, want)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 1000 {
		t.Errorf("read %d questions, want over 1000", n)
	}
}
