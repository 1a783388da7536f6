package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/retrieval"
)

// cli runs the command line as a user would, with its own index directory
// and no environment but what env gives.
func cli(t *testing.T, stdin string, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, env, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

func indexEnv(t *testing.T) []string {
	return []string{"COVERAGEBOT_INDEX=" + filepath.Join(t.TempDir(), "index"), "COVERAGEBOT_LOG_LEVEL=warn"}
}

func TestAskPrintsTheQuoteWithItsSource(t *testing.T) {
	out, errs, code := cli(t, "", indexEnv(t), "ask", "what did Blinken say?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"giving Putin “diplomatic cover” for", "Antony Blinken (reported) [1]", "Sources", "[1] ", "paragraph 13", "Drawn from 2 articles"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestReportedSpeechIsNotQuoted checks that the words of reported speech,
// which are the writer's, are not set in quotation marks as a speaker's own.
func TestReportedSpeechIsNotQuoted(t *testing.T) {
	var out bytes.Buffer
	printAnswer(&out, retrieval.Answer{Kind: retrieval.KindQuotes, Items: []retrieval.Item{
		{Text: "We will go on", Speaker: "Ana Lopez", Kind: "direct", Source: retrieval.Source{ID: "a", Title: "T", Paragraph: 2}},
		{Text: "the talks would go on", Speaker: "Ana Lopez", Kind: "indirect", Source: retrieval.Source{ID: "a", Title: "T", Paragraph: 3}},
		{Text: "the plan was “a disaster” for the city", Speaker: "Ana Lopez", Kind: "mixed", Source: retrieval.Source{ID: "a", Title: "T", Paragraph: 4}},
	}})
	for _, want := range []string{"“We will go on”\n    — Ana Lopez [1]", "\nthe talks would go on\n    — Ana Lopez (reported) [2]", "\nthe plan was “a disaster” for the city\n    — Ana Lopez (reported) [3]"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "“the talks") || strings.Contains(out.String(), "“the plan") {
		t.Errorf("reported speech in quotation marks:\n%s", out.String())
	}
}

func TestAskJSONAndLines(t *testing.T) {
	env := indexEnv(t)
	out, errs, code := cli(t, "", env, "ask", "--json", "What did Biden say?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var a retrieval.Answer
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if a.Kind != retrieval.KindNone || a.Message == "" || a.Items == nil {
		t.Errorf("Biden is not in the sample: %+v", a)
	}
	// One JSON answer a line, in step with the questions, even for a blank
	// or over-long one.
	in := "what did Kishida say?\n\n" + strings.Repeat("x", 600) + "\nwhat did Xi say?\n"
	out, errs, code = cli(t, in, env, "ask", "--json", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d answers for 4 questions:\n%s", len(lines), out)
	}
	kinds := []retrieval.AnswerKind{retrieval.KindQuotes, retrieval.KindNone, retrieval.KindNone, retrieval.KindQuotes}
	for i, l := range lines {
		var a map[string]any
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		for _, k := range []string{"question", "answer_kind", "items", "coverage"} {
			if _, ok := a[k]; !ok {
				t.Errorf("line %d lacks %q: %s", i+1, k, l)
			}
		}
		if a["answer_kind"] != string(kinds[i]) {
			t.Errorf("line %d: kind %v, want %s", i+1, a["answer_kind"], kinds[i])
		}
	}
	if !strings.Contains(lines[0], `"speaker"`) || !strings.Contains(lines[0], `"paragraph"`) {
		t.Errorf("a quote item names its speaker and paragraph: %s", lines[0])
	}
}

func TestIndexReportsSkippedInput(t *testing.T) {
	corpus := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(corpus, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.jsonl", `{"id":"g1","title":"Dam","outlet":"Wire","published":"2023-05-01","text":"\"The dam will hold,\" engineer Maria Lopez said on Monday."}`+"\n{broken\n")
	write("bad.txt", "caf\xe9 au lait")
	env := indexEnv(t)
	out, errs, code := cli(t, "", env, "index", "--corpus", corpus)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"Indexed 1 articles", "Skipped 2", "good.jsonl:2", "bad.txt"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	// The index answers from that corpus now, and --strict refuses it.
	out, _, _ = cli(t, "", env, "ask", "--corpus", corpus, "what did Lopez say?")
	if !strings.Contains(out, "The dam will hold") {
		t.Errorf("answer over the new corpus:\n%s", out)
	}
	_, errs, code = cli(t, "", env, "index", "--corpus", corpus, "--strict")
	if code == 0 || !strings.Contains(errs, "bad.txt: invalid UTF-8") {
		t.Errorf("strict index: exit %d, %s", code, errs)
	}
	out, _, _ = cli(t, "", env, "ask", "--corpus", corpus, "what did Lopez say?")
	if !strings.Contains(out, "The dam will hold") {
		t.Errorf("a failed strict build must leave the index as it was:\n%s", out)
	}
}

func TestQuotesSpeakersSummary(t *testing.T) {
	env := indexEnv(t)
	out, errs, code := cli(t, "", env, "quotes", "--speaker", "Kishida", "--about", "Bucha", "--json")
	if code != 0 || !strings.Contains(out, "Bucha") {
		t.Fatalf("quotes: exit %d %s\n%s", code, errs, out)
	}
	out, _, code = cli(t, "", env, "speakers", "--prefix", "Blin", "--json")
	var list []retrieval.SpeakerCount
	if err := json.Unmarshal([]byte(out), &list); err != nil || code != 0 || len(list) == 0 || !strings.Contains(list[0].Name, "Blinken") {
		t.Fatalf("speakers: %v %s", err, out)
	}
	out, _, code = cli(t, "", env, "summary", "--json")
	var s struct {
		Date    string
		Stories []struct{ Articles []string }
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil || code != 0 || s.Date != "2023-03-22" || len(s.Stories) != 1 || len(s.Stories[0].Articles) != 2 {
		t.Fatalf("summary: %v %s", err, out)
	}
	out, _, code = cli(t, "", env, "summary", "--date", "2023-03-22")
	if code != 0 || !strings.Contains(out, "2023-03-22") {
		t.Errorf("summary text: %s", out)
	}
}

func TestBadInvocations(t *testing.T) {
	env := indexEnv(t)
	for _, tt := range []struct {
		args []string
		env  []string
		want string
	}{
		{[]string{"ask", "--answer-max-items", "0", "hello"}, nil, "answer.max_items"},
		{[]string{"summary", "--date", "22/03/2023"}, nil, "YYYY-MM-DD"},
		{[]string{"quotes"}, nil, "speaker"},
		{[]string{"serve"}, nil, "COVERAGEBOT_DISCORD_TOKEN"},
		{[]string{"serve"}, []string{"COVERAGEBOT_DISCORD_TOKEN=x", "COVERAGEBOT_SUMMARY_TIMEZONE=Mars/Olympus"}, "summary.timezone"},
		{[]string{"nonsense"}, nil, "unknown command"},
		{[]string{"ask", "   "}, nil, "empty"},
	} {
		_, errs, code := cli(t, "", append(append([]string{}, env...), tt.env...), tt.args...)
		if code == 0 || !strings.Contains(errs, tt.want) {
			t.Errorf("%v: exit %d, stderr %q, want it to name %q", tt.args, code, errs, tt.want)
		}
	}
}
