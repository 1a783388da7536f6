package eval

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/internal/sharedtest"

	"github.com/coveragebot/coveragebot/retrieval"
)

// scorer returns the reference scorer, skipping the test when it or
// python3 is missing.
func scorer(t *testing.T) string {
	t.Helper()
	script := filepath.Join(sharedtest.Dir(t), "eval", "speakers.py")
	if _, err := os.Stat(script); err != nil {
		t.Skipf("no scorer: %v", err)
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not on PATH")
	}
	return script
}

// runScorer runs the reference scorer on questions with a command that
// prints answersPath, and returns its last line.
func runScorer(t *testing.T, questions, answersPath string) string {
	t.Helper()
	out, err := exec.Command("python3", scorer(t), questions, "--", "cat", answersPath).CombinedOutput()
	if err != nil {
		t.Fatalf("speakers.py: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	return lines[len(lines)-1]
}

// readAnswers reads JSON-lines answers, one for each case in order.
func readAnswers(t *testing.T, path string, cases []Case) *sequence {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	seq := &sequence{cases: cases}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for i := 0; sc.Scan(); i++ {
		var ans retrieval.Answer
		if err := json.Unmarshal(sc.Bytes(), &ans); err != nil {
			t.Fatalf("%s:%d: %v", path, i+1, err)
		}
		seq.answers = append(seq.answers, ans)
	}
	if len(seq.answers) != len(cases) {
		t.Fatalf("%s holds %d answers for %d questions", path, len(seq.answers), len(cases))
	}
	return seq
}

// sequence answers the cases in order, as the scorer's command does
// (questions may repeat: "What did Smith say?" asks about several Smiths).
type sequence struct {
	cases   []Case
	answers []retrieval.Answer
	next    int
}

func (s *sequence) Answer(_ context.Context, q string) (retrieval.Answer, error) {
	if s.next >= len(s.answers) || s.cases[s.next].Q != q {
		return retrieval.Answer{}, fmt.Errorf("question %d %q out of order", s.next+1, q)
	}
	s.next++
	return s.answers[s.next-1], nil
}

// The fixture's answers score the same in Go as in the reference scorer.
func TestRunMatchesScorerOnFixture(t *testing.T) {
	const questions, answersPath = "testdata/questions.jsonl", "testdata/answers.jsonl"
	cases, err := LoadCases(questions)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 6 {
		t.Fatalf("kept %d questions, want 6 (two have only short gold quotes)", len(cases))
	}
	r, err := Run(context.Background(), cases, readAnswers(t, answersPath, cases))
	if err != nil {
		t.Fatal(err)
	}
	// Worked out by hand from the fixture, item by item:
	//   Mara Quill  right, right, wrong (4/9 in the pool), wrong (covers 4/9), right (5/9); a 6th not counted
	//   Ilse Varga  right (4/7), wrong (cites another article), right (7/12 in the pool), right (4/7)
	//   Oren Kask   right (7/9, covers 7/11), wrong (article without gold)
	//   Dalia Moss  wrong (only a 3-word gold there), right
	//   Arne Pell   wrong (the 4-word gold does not count), right (9/16, covers 9/9), right (5/9)
	//   Kit Amano   nothing given
	// Tobin and Wen Solari have only short gold quotes and are not asked.
	const want = "speakers: hit@5 83.3% (5/6), precision@5 62.5% (10/16), empty 16.7%"
	if got := r.String(); got != want {
		t.Errorf("Go: %s\nwant %s", got, want)
	}
	if got := runScorer(t, questions, answersPath); got != want {
		t.Errorf("speakers.py: %s\nwant %s", got, want)
	}
}

// Answers made from the real gold quotes, cut, padded, and cited to the
// wrong article, score the same in Go as in the reference scorer.
func TestRunMatchesScorerOnPolNeAR(t *testing.T) {
	questions := filepath.Join(sharedtest.Dir(t), "eval", "polnear-train-questions.jsonl")
	scorer(t)
	cases, err := LoadCases(questions)
	if err != nil {
		t.Skipf("no questions: %v", err)
	}
	a := &sequence{cases: cases}
	var lines bytes.Buffer
	for i, c := range cases {
		ans := madeUpAnswer(i, c, cases[(i*7+3)%len(cases)])
		a.answers = append(a.answers, ans)
		line, err := json.Marshal(ans)
		if err != nil {
			t.Fatal(err)
		}
		lines.Write(append(line, '\n'))
	}
	answersPath := filepath.Join(t.TempDir(), "answers.jsonl")
	if err := os.WriteFile(answersPath, lines.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := Run(context.Background(), cases, a)
	if err != nil {
		t.Fatal(err)
	}
	want := runScorer(t, questions, answersPath)
	if got := r.String(); got != want {
		t.Errorf("Go:          %s\nspeakers.py: %s", got, want)
	}
	t.Logf("%s", r)
	if r.Hits == 0 || r.Hits == r.Questions || r.Good == 0 || r.Good == r.Given || r.Empty == 0 {
		t.Errorf("the made-up answers do not exercise the scorer: %s", r)
	}
}

// madeUpAnswer builds, deterministically from i, an answer to c mixing
// right and wrong items: whole and cut gold quotes, quotes padded with
// other words, cited to the wrong article, and in other cases.
func madeUpAnswer(i int, c, other Case) retrieval.Answer {
	if i%17 == 0 {
		return retrieval.Answer{Kind: retrieval.KindNone}
	}
	var items []retrieval.Item
	og := other.Gold[0]
	for j, g := range c.Gold {
		text, id := g.Text, g.Article
		switch (i + j) % 7 {
		case 1: // cut to a share of its runes
			r := []rune(text)
			text = string(r[:len(r)*(3+(i+j)%5)/10])
		case 2: // cited to another case's article
			id = og.Article
		case 3: // padded with another quote
			text = text + " " + og.Text
		case 4: // another case's words, cited here
			text = og.Text
		case 5: // capitals and straight apostrophes
			text = strings.ToUpper(strings.ReplaceAll(text, "’", "'"))
		case 6: // a sentence of the article that is not the quote
			text = fmt.Sprintf("The %d reporters wrote about %s.", i, c.Speaker)
		}
		items = append(items, retrieval.Item{Text: text, Source: retrieval.Source{ID: id}})
	}
	return retrieval.Answer{Kind: retrieval.KindQuotes, Items: items}
}

// Shares are printed as Python's "{:.1%}" prints them, ties included.
func TestPercentMatchesPython(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not on PATH")
	}
	const maxN = 160
	prog := fmt.Sprintf("for n in range(1, %d):\n for k in range(n + 1):\n  print(f'{k/n:.1%%}')\n", maxN)
	out, err := exec.Command("python3", "-c", prog).Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	want := strings.Split(strings.TrimSpace(string(out)), "\n")
	i := 0
	for n := 1; n < maxN; n++ {
		for k := 0; k <= n; k++ {
			if got := percent(float64(k) / float64(n)); got != want[i] {
				t.Errorf("percent(%d/%d) = %s, Python %s", k, n, got, want[i])
			}
			i++
		}
	}
}
