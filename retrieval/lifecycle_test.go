package retrieval

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/sharedtest"

	"github.com/coveragebot/coveragebot/retrieval/index"
)

// TestFormatChangeRebuilds: an index written in another format is rebuilt
// on open, not read wrongly.
func TestFormatChangeRebuilds(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	lib, err := Open(ctx, Options{IndexDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	gen := filepath.Base(lib.live.Load().ix.Path())
	if err := lib.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(filepath.Join(dir, gen))
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.SetInternal("format", []byte("coveragebot-index-0")); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	lib, err = Open(ctx, Options{IndexDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = lib.Close() }()
	if _, built := lib.LastBuild(); !built {
		t.Fatal("an index of another format was opened, not rebuilt")
	}
	if ans, err := lib.Answer(ctx, "what did Blinken say?"); err != nil || ans.Kind != KindQuotes {
		t.Fatalf("after the rebuild: %+v %v", ans, err)
	}
	if _, err := os.Stat(filepath.Join(dir, gen)); !os.IsNotExist(err) {
		t.Errorf("the old generation %s is left behind: %v", gen, err)
	}
}

// TestMistypedCorpusKeepsTheIndex: a corpus path of which nothing can be
// read is an error naming it, and the index built before stays whole.
func TestMistypedCorpusKeepsTheIndex(t *testing.T) {
	dir, corpus := t.TempDir(), t.TempDir()
	ctx := context.Background()
	text := "date 2023-03-22\n\nThe minister said the bridge would open in May.\n"
	if err := os.WriteFile(filepath.Join(corpus, "bridge.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	lib, err := Open(ctx, Options{IndexDir: dir, Corpus: []string{corpus}})
	if err != nil {
		t.Fatal(err)
	}
	if err := lib.Close(); err != nil {
		t.Fatal(err)
	}
	typo := filepath.Join(corpus, "no-such-folder")
	if _, err := Open(ctx, Options{IndexDir: dir, Corpus: []string{typo}}); err == nil || !strings.Contains(err.Error(), typo) {
		t.Fatalf("opening with a corpus that does not exist: %v, want an error naming %s", err, typo)
	}
	lib, err = Open(ctx, Options{IndexDir: dir, Corpus: []string{corpus}})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = lib.Close() }()
	if _, built := lib.LastBuild(); built {
		t.Error("the index was rebuilt: the failed open did not leave it in place")
	}
	if ans, err := lib.Answer(ctx, "when will the bridge open?"); err != nil || len(ans.Items) == 0 {
		t.Fatalf("after the failed open: %+v %v", ans, err)
	}
}

// TestAliasFileLinksNames: the alias file links names the text cannot.
func TestAliasFileLinksNames(t *testing.T) {
	lib, err := Open(context.Background(), Options{Aliases: map[string][]string{"Antony Blinken": {"Tony B", "America's top diplomat"}}})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = lib.Close() }()
	for _, q := range []string{"what did Tony B say?", "what did America's top diplomat say?"} {
		ans, err := lib.Answer(context.Background(), q)
		if err != nil || ans.Kind != KindQuotes || !strings.Contains(ans.Items[0].Text, "diplomatic cover") {
			t.Errorf("%s: %+v %v", q, ans, err)
		}
	}
}

// realtimeqaSample writes the first n articles of the realtimeqa corpus to
// a folder of its own, or skips the test without ../shared.
func realtimeqaSample(t *testing.T, n int) string {
	t.Helper()
	f, err := os.Open(sharedtest.Path(t, "corpora", "realtimeqa-2023.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	out, err := os.Create(filepath.Join(dir, "part-1.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for i := 0; i < n && sc.Scan(); i++ {
		fmt.Fprintln(out, sc.Text())
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestAnswersNeverFailDuringRebuildAndUpdates asks questions from several
// goroutines while the realtimeqa corpus is rebuilt and while new files
// arrive: every question is answered.
func TestAnswersNeverFailDuringRebuildAndUpdates(t *testing.T) {
	n := 150 // enough for several outlets, days and speakers; cheap under -race
	if testing.Short() {
		n = 50
	}
	corpus := realtimeqaSample(t, n)
	ctx := context.Background()
	lib, err := Open(ctx, Options{IndexDir: t.TempDir(), Corpus: []string{corpus}})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = lib.Close() }()
	speakers, err := lib.Speakers(ctx, "", 5)
	if err != nil || len(speakers) == 0 {
		t.Fatalf("speakers: %v %v", speakers, err)
	}
	questions := []string{"who won the election?", "what happened to the economy?"}
	for _, s := range speakers {
		questions = append(questions, "what did "+s.Name+" say?")
	}
	stop := make(chan struct{})
	var asked, failed atomic.Int64
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := g; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				q := questions[i%len(questions)]
				ans, err := lib.Answer(ctx, q)
				asked.Add(1)
				if err != nil || (strings.HasPrefix(q, "what did") && ans.Kind != KindQuotes) {
					failed.Add(1)
					t.Errorf("%q: %s %v", q, ans.Kind, err)
				}
			}
		}()
	}
	if _, err := lib.Rebuild(ctx, nil); err != nil {
		t.Error(err)
	}
	// New coverage arrives: a second file with fresh ids.
	extra := filepath.Join(corpus, "part-2.jsonl")
	writeFile(t, extra, `{"id":"new-1","title":"Dam","outlet":"Wire","published":"2023-12-20","text":"\"The dam will hold,\" engineer Maria Lopez said on Monday."}`+"\n")
	if rep, err := lib.Update(ctx); err != nil || rep.Articles != 1 {
		t.Errorf("update: %+v %v", rep, err)
	}
	close(stop)
	wg.Wait()
	if asked.Load() == 0 || failed.Load() > 0 {
		t.Errorf("%d questions asked, %d failed", asked.Load(), failed.Load())
	}
	if ans, err := lib.Answer(ctx, "what did Maria Lopez say?"); err != nil || ans.Kind != KindQuotes {
		t.Errorf("the new article: %+v %v", ans, err)
	}
}

// TestRebuildWithAStoppedClock: generations get fresh names even when the
// clock says the same time twice.
func TestRebuildWithAStoppedClock(t *testing.T) {
	stopped := func() time.Time { return time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC) }
	lib, err := Open(context.Background(), Options{IndexDir: t.TempDir(), Now: stopped})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = lib.Close() }()
	for range 2 {
		if _, err := lib.Rebuild(context.Background(), nil); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBuildWhileAnotherProcessServes: `coveragebot index` builds a new
// generation while the bot holds the live one; the bot moves to it and the
// old one is deleted once nobody holds it.
func TestBuildWhileAnotherProcessServes(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	bot, err := Open(ctx, Options{IndexDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = bot.Close() }()
	old := bot.live.Load().ix.Path()
	rep, err := Build(ctx, Options{IndexDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Articles != 2 {
		t.Errorf("built %d articles, want 2", rep.Articles)
	}
	if _, err := os.Stat(old); err != nil {
		t.Fatalf("the generation the bot holds was deleted under it: %v", err)
	}
	if ans, err := bot.Answer(ctx, "what did Blinken say?"); err != nil || ans.Kind != KindQuotes {
		t.Fatalf("the bot still answers from the old generation: %+v %v", ans, err)
	}
	moved, err := bot.Reload()
	if err != nil || !moved {
		t.Fatalf("Reload: %v %v", moved, err)
	}
	if ans, err := bot.Answer(ctx, "what did Blinken say?"); err != nil || ans.Kind != KindQuotes {
		t.Fatalf("after the move: %+v %v", ans, err)
	}
	if moved, _ := bot.Reload(); moved {
		t.Error("a second Reload moved again")
	}
	for deadline := time.Now().Add(10 * time.Second); ; {
		if _, err := os.Stat(old); os.IsNotExist(err) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the old generation was not deleted after the move")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
