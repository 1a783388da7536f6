package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	ms := func(ns ...int) []time.Duration {
		out := make([]time.Duration, len(ns))
		for i, n := range ns {
			out[i] = time.Duration(n) * time.Millisecond
		}
		return out
	}
	hundred := make([]int, 100)
	for i := range hundred {
		hundred[i] = i + 1
	}
	tests := []struct {
		name   string
		sorted []time.Duration
		p      int
		want   time.Duration
	}{
		{"empty", nil, 50, 0},
		{"one", ms(7), 99, 7 * time.Millisecond},
		{"median of four is the second", ms(1, 2, 3, 4), 50, 2 * time.Millisecond},
		{"p99 of 100 is the 99th", ms(hundred...), 99, 99 * time.Millisecond},
		{"p95 of 100 is the 95th", ms(hundred...), 95, 95 * time.Millisecond},
		{"p99 of 10 is the last", ms(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 99, 10 * time.Millisecond},
	}
	for _, tt := range tests {
		if got := percentile(tt.sorted, tt.p); got != tt.want {
			t.Errorf("%s: p%d = %s, want %s", tt.name, tt.p, got, tt.want)
		}
	}
}

func TestCopyOf(t *testing.T) {
	r, ok := parseLine([]byte(`{"id":"rtqa-1","title":"Xi visits Moscow","published":"2024-02-29","text":"Body.","authors":["A"]}`))
	if !ok {
		t.Fatal("parseLine refused a good line")
	}
	tests := []struct {
		copy            int
		wantID, wantDay string
	}{
		{0, "rtqa-1", "2024-02-29"},
		{1, "rtqa-1~c1", "2023-03-01"}, // no 29 February in 2023
		{4, "rtqa-1~c4", "2020-02-29"},
		{9, "rtqa-1~c9", "2015-03-01"},
	}
	for _, tt := range tests {
		b, err := copyOf(r, tt.copy)
		if err != nil {
			t.Fatal(err)
		}
		var got struct {
			ID, Title, Published, Text string
			Authors                    []string
		}
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		if got.ID != tt.wantID || got.Published != tt.wantDay || got.Title != "Xi visits Moscow" || got.Text != "Body." || !slices.Equal(got.Authors, []string{"A"}) {
			t.Errorf("copy %d = %+v, want id %s dated %s, the rest unchanged", tt.copy, got, tt.wantID, tt.wantDay)
		}
	}
	if _, ok := parseLine([]byte(`{"title":"no id"}`)); ok {
		t.Error("a line without id was taken")
	}
}

func TestKeyWords(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Best photos of December 2023: USA TODAY's most memorable shots", "December TODAY's memorable shots"},
		{"Biden signs debt ceiling bill - CNN Politics", "Biden signs debt ceiling"},
		{"Live updates: Israel-Hamas war", "Israel-Hamas war"},
		{"What's next?", "next"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(keyWords(tt.title), " "); got != tt.want {
			t.Errorf("keyWords(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

func TestMakeQuestions(t *testing.T) {
	recs := []record{{id: "a", title: "Biden signs debt ceiling bill"}, {id: "b", title: "Photos"}, {id: "c", title: "Putin meets Xi in Moscow"}}
	qs := makeQuestions(recs, []string{"Joe Biden", "", "Xi Jinping", "Vladimir Putin"}, 4)
	var texts []string
	for _, q := range qs {
		texts = append(texts, q.Kind+": "+q.Text)
	}
	if len(qs) != 4 {
		t.Fatalf("got %d questions, want 4: %q", len(qs), texts)
	}
	if qs[1] != (Question{Text: "What did Joe Biden say?", Kind: "speaker"}) || qs[3] != (Question{Text: "What did Xi Jinping say?", Kind: "speaker"}) {
		t.Errorf("speaker questions: %q", texts)
	}
	if qs[0].Kind != "quiz" || qs[2].Kind != "quiz" || strings.Contains(qs[0].Text+qs[2].Text, "Photos") {
		t.Errorf("quiz questions (a one-word title gives none): %q", texts)
	}
	if again := makeQuestions(recs, []string{"Joe Biden", "", "Xi Jinping", "Vladimir Putin"}, 4); !slices.Equal(again, qs) {
		t.Errorf("not deterministic: %v then %v", qs, again)
	}
}

func TestStatusKB(t *testing.T) {
	status := []byte("Name:\tcoveragebot\nVmPeak:\t  2000 kB\nVmHWM:\t  1234 kB\nVmRSS:\t  1000 kB\n")
	if got, err := statusKB(status, "VmHWM"); err != nil || got != 1234<<10 {
		t.Errorf("VmHWM = %d, %v; want %d", got, err, 1234<<10)
	}
	if _, err := statusKB(status, "MemTotal"); err == nil {
		t.Error("a missing key gave no error")
	}
}

func TestBusiestDay(t *testing.T) {
	if d, n := busiestDay(map[string]int{"2023-01-02": 5, "2023-01-01": 5, "2022-12-31": 3}); d != "2023-01-01" || n != 5 {
		t.Errorf("busiestDay = %s, %d; want the earliest of equals", d, n)
	}
	if d, n := busiestDay(nil); d != "" || n != 0 {
		t.Errorf("busiestDay(nil) = %s, %d", d, n)
	}
}

func TestWriteMarkdownFile(t *testing.T) {
	r := &Report{Command: "coveragebot bench", Questions: []Question{{Text: "q", Kind: "quiz"}}}
	fresh, err := r.WriteMarkdownFile(nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(fresh), "# Benchmarks\n") || !strings.Contains(string(fresh), MarkBegin) || !strings.Contains(string(fresh), "coveragebot bench") {
		t.Errorf("a new document lacks its title, markers or command:\n%s", fresh)
	}
	old := "# Title\n\nProse before.\n\n" + MarkBegin + "\nold figures\n" + MarkEnd + "\n\nProse after.\n"
	got, err := r.WriteMarkdownFile([]byte(old))
	if err != nil {
		t.Fatal(err)
	}
	s := string(got)
	if strings.Contains(s, "old figures") || !strings.HasPrefix(s, "# Title\n\nProse before.\n\n"+MarkBegin) || !strings.HasSuffix(s, MarkEnd+"\n\nProse after.\n") {
		t.Errorf("the prose around the markers was not kept, or the figures not replaced:\n%s", s)
	}
}

func TestSpawnRunsAgainAWorkerKilledFromOutside(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	dir := t.TempDir()
	marker := filepath.Join(dir, "killed-once")
	// The first run kills itself; the second prints a result.
	script := `if [ ! -e "$0" ]; then : > "$0"; kill -9 $$; fi; echo '{"system":"read","articles":3,"took":5}'`
	tests := []struct {
		name    string
		script  string
		wantErr bool
	}{
		{"killed once, then done", script, false},
		{"failing is not retried", `echo broken >&2; exit 2`, true},
		{"killed every time", `kill -9 $$`, true},
	}
	for _, tt := range tests {
		_ = os.Remove(marker)
		var log bytes.Buffer
		s := Spawner{Command: []string{sh, "-c", tt.script, marker}, Log: &log}
		res, err := s.spawn(context.Background(), WorkerArgs{System: SystemRead, Corpus: "c", Index: filepath.Join(dir, "ix")})
		if (err != nil) != tt.wantErr {
			t.Errorf("%s: err %v, want error %v (log %q)", tt.name, err, tt.wantErr, log.String())
		}
		if !tt.wantErr && (res.Articles != 3 || !strings.Contains(log.String(), "killed from outside")) {
			t.Errorf("%s: result %+v, log %q", tt.name, res, log.String())
		}
	}
}

// TestMeasureRounds: every question is timed Rounds times over, a
// question failing once is not counted as answered, and the first error
// names it.
func TestMeasureRounds(t *testing.T) {
	qs := []Question{{Text: "a"}, {Text: "b"}, {Text: "c"}}
	var mu sync.Mutex
	calls := map[string]int{}
	ask := func(_ context.Context, q string) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		calls[q]++
		if q == "b" && calls[q] == 2 {
			return 0, errors.New("busy")
		}
		if q == "c" {
			return 0, nil
		}
		return 1, nil
	}
	for _, conc := range []int{1, 4} {
		clear(calls)
		l, err := measure(context.Background(), qs, conc, 3, ask)
		if err == nil || !strings.Contains(err.Error(), `"b"`) {
			t.Errorf("conc %d: error %v, want one naming question b", conc, err)
		}
		if l.Questions != 3 || l.Asked != 9 || l.Answered != 2 || l.WithItems != 1 {
			t.Errorf("conc %d: %+v, want 3 questions asked 9 times, 2 answered every time, 1 with items", conc, l)
		}
		for _, q := range qs {
			if calls[q.Text] != 3 {
				t.Errorf("conc %d: %q asked %d times, want 3", conc, q.Text, calls[q.Text])
			}
		}
		if l.P50 > l.P99 || l.P99 > l.Max {
			t.Errorf("conc %d: percentiles out of order: %+v", conc, l)
		}
	}
}
