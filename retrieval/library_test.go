package retrieval

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/retrieval/article"
	"github.com/coveragebot/coveragebot/retrieval/sample"
)

const (
	seedTimes = "000_76528b6416c0b70a"
	seedXiDay = "001_425d613339c8dc6c"
)

// openSample opens a library over the embedded sample, in memory.
func openSample(t *testing.T) *Library {
	t.Helper()
	lib, err := Open(context.Background(), Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = lib.Close() })
	return lib
}

// sampleArticles reads the sample corpus as the index read it.
func sampleArticles(t *testing.T) map[string]*article.Article {
	t.Helper()
	out := map[string]*article.Article{}
	if _, err := article.WalkFS(context.Background(), sample.FS(), sample.Root, article.Options{}, func(a *article.Article) error {
		out[a.ID] = a
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkVerbatim fails unless every item of ans stands verbatim in its
// article, at the cited paragraph and offsets.
func checkVerbatim(t *testing.T, arts map[string]*article.Article, ans Answer) {
	t.Helper()
	for _, it := range ans.Items {
		for _, src := range append([]Source{it.Source}, it.Also...) {
			a := arts[src.ID]
			if a == nil {
				t.Errorf("%q cites unknown article %q", it.Text, src.ID)
				continue
			}
			if src.Paragraph < 1 || src.Paragraph > len(a.Paragraphs) {
				t.Errorf("%q cites paragraph %d of %s, which has %d", it.Text, src.Paragraph, src.ID, len(a.Paragraphs))
				continue
			}
			if src.ID != it.Source.ID {
				continue // the same words elsewhere: offsets are that article's
			}
			runes := []rune(a.Text)
			if src.Start < 0 || src.End > len(runes) || src.Start >= src.End {
				t.Errorf("%q: offsets %d..%d out of the article", it.Text, src.Start, src.End)
				continue
			}
			span := string(runes[src.Start:src.End])
			p := a.Paragraphs[src.Paragraph-1]
			if src.Start < p.Start || src.Start >= p.End {
				t.Errorf("%q starts at %d, outside paragraph %d (%d..%d)", it.Text, src.Start, src.Paragraph, p.Start, p.End)
			}
			for _, piece := range strings.Split(it.Text, " … ") {
				if !strings.Contains(span, piece) {
					t.Errorf("%q: %q is not in the cited text %q", it.Text, piece, span)
				}
			}
		}
	}
}

func TestAnswersOverTheSample(t *testing.T) {
	lib := openSample(t)
	arts := sampleArticles(t)
	tests := []struct {
		q        string
		kind     AnswerKind
		contains string // in the first item
		source   string // the first item's article
		speaker  string // in the first item's speaker
	}{
		{"what did Blinken say?", KindQuotes, "diplomatic cover", seedTimes, "Blinken"},
		{"What did blinkin say?", KindQuotes, "diplomatic cover", seedTimes, "Blinken"},
		{"what did Kishida say?", KindQuotes, "Bucha", seedTimes, "Kishida"},
		{"what did Kishida say about Bucha?", KindQuotes, "Bucha", seedTimes, "Kishida"},
		{"What did Japan's prime minister say?", KindQuotes, "Bucha", seedTimes, "Kishida"},
		{"what did Xi tell Putin as he left?", KindQuotes, "changes", seedXiDay, "Xi"},
		{"what did Vereshchuk say?", KindQuotes, "", seedTimes, "Vereshchuk"},
		{"What did Biden say?", KindNone, "", "", ""},
		{"what did the Pentagon say?", KindQuotes, "Abrams", seedXiDay, ""},
		{"how much is the IMF loan to Kyiv?", KindPassages, "15.6 billion", seedXiDay, ""},
		{"who plays in the world cup final?", KindNone, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			ans, err := lib.Answer(context.Background(), tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if ans.Kind != tt.kind {
				t.Fatalf("kind %q (%s), want %q; items %+v", ans.Kind, ans.Message, tt.kind, ans.Items)
			}
			if ans.Coverage.Articles != 2 {
				t.Errorf("coverage says %d articles, want 2", ans.Coverage.Articles)
			}
			checkVerbatim(t, arts, ans)
			if tt.kind == KindNone {
				if len(ans.Items) != 0 || ans.Message == "" {
					t.Errorf("a none answer needs a message and no items: %+v", ans)
				}
				return
			}
			if len(ans.Items) == 0 {
				t.Fatal("no items")
			}
			first := ans.Items[0]
			if !strings.Contains(first.Text, tt.contains) {
				t.Errorf("first item %q lacks %q", first.Text, tt.contains)
			}
			if first.Source.ID != tt.source {
				t.Errorf("first item cites %s, want %s", first.Source.ID, tt.source)
			}
			if !strings.Contains(first.Speaker, tt.speaker) {
				t.Errorf("first item's speaker %q, want %q", first.Speaker, tt.speaker)
			}
		})
	}
}

func TestVereshchukGetsBothSentences(t *testing.T) {
	lib := openSample(t)
	ans, err := lib.Answer(context.Background(), "what did Vereshchuk say?")
	if err != nil {
		t.Fatal(err)
	}
	all := ""
	for _, it := range ans.Items {
		all += it.Text + "\n"
	}
	for _, want := range []string{"We are waiting for confirmation", "That would be an important move"} {
		if !strings.Contains(all, want) {
			t.Errorf("answer lacks %q:\n%s", want, all)
		}
	}
}

func TestSameSentenceInTwoOutletsIsOneItem(t *testing.T) {
	lib := openSample(t)
	ans, err := lib.Answer(context.Background(), "did Xi and Putin call each other dear friends?")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, it := range ans.Items {
		if strings.Contains(it.Text, "referred to each other as dear friends") {
			n++
			if len(it.Also) != 1 || it.Also[0].ID == it.Source.ID {
				t.Errorf("the shared sentence should cite both articles: %+v", it)
			}
		}
	}
	if n != 1 {
		t.Errorf("the shared sentence is in %d items, want 1: %+v", n, ans.Items)
	}
}

func TestBadQuestions(t *testing.T) {
	lib := openSample(t)
	for _, tt := range []struct {
		q    string
		want error
	}{
		{"", ErrEmptyQuestion},
		{"   \t ", ErrEmptyQuestion},
		{strings.Repeat("why ", 200), ErrQuestionTooLong},
	} {
		if _, err := lib.Answer(context.Background(), tt.q); !errors.Is(err, tt.want) {
			t.Errorf("Answer(%.20q) = %v, want %v", tt.q, err, tt.want)
		}
	}
	// Invalid UTF-8 is answered, not refused.
	if _, err := lib.Answer(context.Background(), "what did Blinken say \xff?"); err != nil {
		t.Errorf("invalid UTF-8: %v", err)
	}
}

func TestPagingNeverRepeats(t *testing.T) {
	lib := openSample(t)
	seen := map[string]bool{}
	offset := 0
	for range 10 {
		ans, err := lib.Ask(context.Background(), Request{Question: "what did Putin say?", Offset: offset, Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range ans.Items {
			if seen[it.Text] {
				t.Fatalf("item repeated on page %d: %q", offset, it.Text)
			}
			seen[it.Text] = true
		}
		offset += len(ans.Items)
		if !ans.More {
			break
		}
	}
	if len(seen) < 2 {
		t.Errorf("Putin has at least two statements in the sample; paged through %d", len(seen))
	}
}

func TestSpeakersAndQuotes(t *testing.T) {
	lib := openSample(t)
	ctx := context.Background()
	list, err := lib.Speakers(ctx, "Blin", 25)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) == 0 || !strings.Contains(list[0].Name, "Blinken") {
		t.Fatalf("Speakers(Blin) = %+v, want Antony Blinken first", list)
	}
	if mid, _ := lib.Speakers(ctx, "linke", 25); len(mid) == 0 {
		t.Errorf("a part of a name should find the speaker too")
	}
	all, _ := lib.Speakers(ctx, "", 0)
	for i := 1; i < len(all); i++ {
		if all[i].Quotes > all[i-1].Quotes {
			t.Fatalf("speakers not most quoted first: %+v", all)
		}
	}
	ans, err := lib.Quotes(ctx, QuoteQuery{Speaker: "Kishida", About: "Bucha"})
	if err != nil || ans.Kind != KindQuotes || !strings.Contains(ans.Items[0].Text, "Bucha") {
		t.Fatalf("Quotes(Kishida, Bucha) = %+v, %v", ans, err)
	}
	ans, err = lib.Quotes(ctx, QuoteQuery{Speaker: "Kishida", About: "tanks"})
	if err != nil || ans.Kind != KindNone || !strings.Contains(ans.Message, "not on") {
		t.Fatalf("Kishida is never quoted on tanks: %+v, %v", ans, err)
	}
	ans, err = lib.Quotes(ctx, QuoteQuery{Speaker: "Kishida", Since: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil || ans.Kind != KindNone {
		t.Fatalf("nothing since 2024: %+v, %v", ans, err)
	}
}

func TestSourcesAndSummary(t *testing.T) {
	lib := openSample(t)
	ctx := context.Background()
	src, err := lib.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if src.Coverage.Articles != 2 || src.Coverage.From != "2023-03-22" || src.Coverage.To != "2023-03-22" {
		t.Errorf("sources: %+v", src)
	}
	s, err := lib.Summary(ctx, time.Date(2023, 3, 22, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if s.Counts.Articles != 2 || len(s.Stories) != 1 || len(s.Stories[0].Articles) != 2 {
		t.Errorf("the seeds are one story of two articles: %+v", s)
	}
}

// TestRebuildWhileAnswering asks questions from several goroutines while
// the index is rebuilt on disk and swapped in: every one is answered.
func TestRebuildWhileAnswering(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	lib, err := Open(ctx, Options{IndexDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = lib.Close() }()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				ans, err := lib.Answer(ctx, "what did Blinken say?")
				if err != nil || ans.Kind != KindQuotes {
					errs <- errors.Join(err, errors.New("answer during rebuild: "+string(ans.Kind)))
					return
				}
			}
		}()
	}
	for range 3 {
		if _, err := lib.Rebuild(ctx, nil); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	entries, _ := os.ReadDir(dir)
	gens := 0
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "gen-") {
			gens++
		}
	}
	if gens > 2 { // the live one, and at most one old one still closing
		t.Errorf("%d generations left in %s", gens, dir)
	}
	// Reopening finds the index ready, without a build.
	_ = lib.Close()
	again, err := Open(ctx, Options{IndexDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = again.Close() }()
	if _, built := again.LastBuild(); built {
		t.Error("reopening rebuilt an index that was ready")
	}
}

func TestOneRebuildAtATime(t *testing.T) {
	lib := openSample(t)
	lib.rebuild.Lock() // a rebuild is running
	lib.busy.Store("alice")
	_, err := lib.Rebuild(context.Background(), nil)
	lib.busy.Store("")
	lib.rebuild.Unlock()
	if !errors.Is(err, ErrRebuildRunning) || !strings.Contains(err.Error(), "alice") {
		t.Errorf("second rebuild: %v", err)
	}
}

func TestFailedRebuildKeepsTheLiveIndex(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(t.TempDir(), "corpus")
	if err := os.MkdirAll(corpus, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(corpus, "a.jsonl"), `{"id":"a1","title":"Dam","outlet":"Wire","published":"2023-05-01","text":"\"The dam will hold,\" engineer Maria Lopez said on Monday."}`+"\n")
	ctx := context.Background()
	lib, err := Open(ctx, Options{IndexDir: dir, Corpus: []string{corpus}, Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = lib.Close() }()
	writeFile(t, filepath.Join(corpus, "b.jsonl"), "{not json\n")
	if _, err := lib.Rebuild(ctx, nil); err == nil {
		t.Fatal("a strict rebuild over a broken file should fail")
	}
	ans, err := lib.Answer(ctx, "what did Lopez say?")
	if err != nil || ans.Kind != KindQuotes || !strings.Contains(ans.Items[0].Text, "The dam will hold") {
		t.Fatalf("the live index should still answer: %+v %v", ans, err)
	}
	// A cancelled rebuild leaves it too.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := lib.Rebuild(cctx, nil); err == nil {
		t.Fatal("a cancelled rebuild should fail")
	}
	if ans, err := lib.Answer(ctx, "what did Lopez say?"); err != nil || ans.Kind != KindQuotes {
		t.Fatalf("after a cancelled rebuild: %+v %v", ans, err)
	}
}

func TestUpdateTakesInNewChangedAndDeletedFiles(t *testing.T) {
	corpus := t.TempDir()
	ctx := context.Background()
	writeFile(t, filepath.Join(corpus, "one.txt"), "---\nid: one\npublished: 2023-05-01\n---\n\"Rain is coming,\" forecaster Ana Silva said on Monday.\n")
	lib, err := Open(ctx, Options{IndexDir: t.TempDir(), Corpus: []string{corpus}})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = lib.Close() }()
	writeFile(t, filepath.Join(corpus, "two.txt"), "---\nid: two\npublished: 2023-05-02\n---\n\"The bridge is safe,\" mayor Tom Berg said.\n")
	writeFile(t, filepath.Join(corpus, "broken.json"), "[{\"id\": ")
	rep, err := lib.Update(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 2 || rep.Articles != 1 || len(rep.Skipped) != 1 {
		t.Errorf("update report %+v, want 2 files added, 1 article, 1 skipped", rep)
	}
	if ans, _ := lib.Answer(ctx, "what did Berg say?"); ans.Kind != KindQuotes {
		t.Errorf("the new article is not answered: %+v", ans)
	}
	if err := os.Remove(filepath.Join(corpus, "one.txt")); err != nil {
		t.Fatal(err)
	}
	if rep, err := lib.Update(ctx); err != nil || rep.Removed != 1 || rep.Deleted != 1 {
		t.Fatalf("delete: %+v %v", rep, err)
	}
	if ans, _ := lib.Answer(ctx, "what did Silva say?"); ans.Kind != KindNone {
		t.Errorf("the deleted article is still answered: %+v", ans)
	}
	if src, _ := lib.Sources(ctx); src.Coverage.Articles != 1 {
		t.Errorf("articles after the delete: %d, want 1", src.Coverage.Articles)
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	// Let the file's time differ from a previous version's.
	later := time.Now().Add(time.Duration(len(text)) * time.Millisecond)
	_ = os.Chtimes(path, later, later)
}

// TestCopiesDoNotCrowdOutOtherPassages: twenty copies of one paragraph
// (a wire story in twenty papers) fold into one item, and the paragraphs
// ranked below them still fill the page.
func TestCopiesDoNotCrowdOutOtherPassages(t *testing.T) {
	ans := askOverCopies(t, 20, `"title":"Juneteenth","published":"2023-06-19","text":"The Juneteenth bill marking the end of slavery passed."`,
		`{"id":"own","title":"Signing","published":"2023-06-20","text":"After a debate that lasted well into the night, lawmakers said the Juneteenth bill marking the end of slavery in the state would be signed by the governor at a ceremony in the capital next week."}`,
		"What happened with the Juneteenth bill marking the end of slavery?")
	if len(ans.Items) != 2 || len(ans.Items[0].Also) != 19 || ans.Items[1].Source.ID != "own" {
		t.Fatalf("answer %+v: want the wire story once (with 19 more sources), then the other paragraph", ans)
	}
	for _, src := range append(ans.Items[0].Also, ans.Items[0].Source, ans.Items[1].Source) {
		if src.Title == "" || src.Outlet == "" && src.ID != "own" || src.Published == "" {
			t.Errorf("source %+v: want its article's title, outlet and date", src)
		}
	}
}

// TestPassagesPageThroughEveryWordFirst: paragraphs holding every word
// of the question come first, page after page, each page saying whether
// another follows; then those holding enough of the words; never one
// holding too few.
func TestPassagesPageThroughEveryWordFirst(t *testing.T) {
	var b strings.Builder
	// More stories holding every word than one search weighs at once,
	// none alike enough to another to fold into one item.
	places := make([]string, 20)
	for i := range places {
		places[i] = fmt.Sprintf("Crews of pier%[1]d, dock%[1]d and quay%[1]d in ward%[1]d checked", i)
		fmt.Fprintf(&b, `{"id":"all-%02d","title":"Tolls %d","published":"2023-05-%02d","text":"%s the harbor tunnel toll."}`+"\n", i, i, i+1, places[i])
	}
	fmt.Fprintf(&b, `{"id":"some-1","title":"Tunnel","published":"2023-06-01","text":"The harbor tunnel reopened in %s after repairs."}`+"\n", "June")
	fmt.Fprintf(&b, `{"id":"few-1","title":"Harbor","published":"2023-06-02","text":"The harbor was busy with ferries on %s."}`+"\n", "Sunday")
	lib := openCorpus(t, b.String())
	ctx := context.Background()
	var got []string
	for offset, pages := 0, 0; ; pages++ {
		if pages > 10 {
			t.Fatal("paging does not end")
		}
		ans, err := lib.Ask(ctx, Request{Question: "What happened to the harbor tunnel toll?", Offset: offset, Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range ans.Items {
			got = append(got, it.Source.ID)
		}
		offset += len(ans.Items)
		if !ans.More {
			break
		}
		if len(ans.Items) == 0 {
			t.Fatalf("page at %d: no items, yet more are said to follow", offset)
		}
	}
	if len(got) != len(places)+1 {
		t.Fatalf("paged through %v: want the %d paragraphs with every word, then some-1", got, len(places))
	}
	seen := map[string]bool{}
	for i, id := range got {
		if seen[id] {
			t.Errorf("%s given twice", id)
		}
		seen[id] = true
		if all := strings.HasPrefix(id, "all-"); all != (i < len(places)) {
			t.Errorf("item %d is %s: want every paragraph holding all the words first", i, id)
		}
	}
}

// TestCopiesDoNotCrowdOutOtherStatements: a statement carried by fifty
// papers is one item, and the speaker's other statements still follow.
func TestCopiesDoNotCrowdOutOtherStatements(t *testing.T) {
	ans := askOverCopies(t, 50, `"title":"Bridge","published":"2023-06-20","text":"\"The bridge will open in May,\" Mayor Ann Lee said."`,
		`{"id":"own","title":"Tolls","published":"2023-06-19","text":"\"Tolls will stay as they are for now,\" Mayor Ann Lee said."}`,
		"What did Ann Lee say?")
	if len(ans.Items) != 2 || len(ans.Items[0].Also) != 49 || ans.Items[1].Source.ID != "own" {
		t.Fatalf("answer %+v: want the wire statement once (with 49 more sources), then the other", ans)
	}
}

// openCorpus opens a library over a corpus of one file of article JSON
// lines, closed when the test ends.
func openCorpus(t *testing.T, lines string) *Library {
	t.Helper()
	corpus := t.TempDir()
	writeFile(t, filepath.Join(corpus, "news.jsonl"), lines)
	lib, err := Open(context.Background(), Options{Corpus: []string{corpus}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = lib.Close() })
	return lib
}

// askOverCopies asks q of a coverage holding n copies of one wire article
// (wire, its JSON fields after id and outlet) in n papers, and one other
// article (own, a JSON line).
func askOverCopies(t *testing.T, n int, wire, own, q string) Answer {
	t.Helper()
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `{"id":"wire-%02d","outlet":"Paper %d",%s}`+"\n", i, i, wire)
	}
	b.WriteString(own + "\n")
	ans, err := openCorpus(t, b.String()).Answer(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	return ans
}
