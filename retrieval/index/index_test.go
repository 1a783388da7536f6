package index

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/retrieval/article"
)

// TestIndexCapsMergedSegments: an index on disk remembers the cap on the
// size of the segments bleve merges, so that the merges of every later
// opening keep to it (the build's resident memory depends on it), and it
// opens again.
func TestIndexCapsMergedSegments(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	ix, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "index_meta.json"))
	if err != nil {
		t.Fatal(err)
	}
	var meta struct {
		Config struct {
			Merge struct{ MaxSegmentSize int } `json:"scorchMergePlanOptions"`
		} `json:"config"`
	}
	// bleve ends the file with bytes of its own after the JSON.
	if err := json.NewDecoder(bytes.NewReader(raw)).Decode(&meta); err != nil {
		t.Fatalf("index_meta.json: %v", err)
	}
	if got := meta.Config.Merge.MaxSegmentSize; got != MaxSegmentDocs {
		t.Errorf("merged segments capped at %d documents, want %d (index_meta.json: %s)", got, MaxSegmentDocs, raw)
	}
	ix, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestCompactMergesSmallSegments: after a build written in many batches
// (a segment each: bleve's own merges are turned off here), Compact leaves
// one segment, and every article is still found, before and after the
// index is opened again; an index above CompactMaxDocs keeps its segments.
func TestCompactMergesSmallSegments(t *testing.T) {
	for _, tc := range []struct {
		name    string
		maxDocs uint64
		want    int
	}{{"small", CompactMaxDocs, 1}, {"above the bound", 50, 6}} {
		t.Run(tc.name, func(t *testing.T) {
			defer func(was uint64) { compactMaxDocs = was }(compactMaxDocs)
			compactMaxDocs = tc.maxDocs
			testCompact(t, tc.want)
		})
	}
}

func testCompact(t *testing.T, want int) {
	dir := filepath.Join(t.TempDir(), "ix")
	cfg := config()
	cfg["scorchMergePlanOptions"] = map[string]any{"MaxSegmentSize": 1} // nothing is small enough to merge
	ix, err := create(dir, cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for b := range 6 {
		w := ix.NewWriter(0, time.Now())
		for i := range 10 {
			a := &article.Article{ID: fmt.Sprintf("a%d-%d", b, i), Text: fmt.Sprintf("The bridge opened on day %d.", i)}
			article.Segment(a)
			if err := w.Add(a, nil); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if err := ix.persisted(ctx); err != nil {
			t.Fatal(err)
		}
	}
	found := func(ix *Index) uint64 {
		t.Helper()
		_, total, err := ix.SearchParagraphs(ctx, PassageQuery{Text: "bridge", Size: 1})
		if err != nil {
			t.Fatal(err)
		}
		return total
	}
	before := ix.Segments()
	if before != 6 {
		t.Fatalf("%d segments after 6 batches, want 6", before)
	}
	if err := ix.Compact(ctx); err != nil {
		t.Fatal(err)
	}
	if n, got := ix.Segments(), found(ix); n != want || got != 60 {
		t.Fatalf("compacted from %d segments: %d segments, %d articles found; want %d and 60", before, n, got, want)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if ix, err = Open(dir); err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n, got := ix.Segments(), found(ix); n > want || got != 60 {
		t.Errorf("reopened: %d segments, %d articles found; want %d at most and 60", n, got, want)
	}
}

// TestCompactStopsWithItsContext: a compaction asked with a context that
// has ended says so and leaves the index whole.
func TestCompactStopsWithItsContext(t *testing.T) {
	ix, err := Create(filepath.Join(t.TempDir(), "ix"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	indexTexts(t, ix, map[string]string{"one": "The bridge opened.", "two": "The bridge closed."})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := ix.Compact(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Compact with an ended context: %v, want context.Canceled", err)
	}
	if _, total, err := ix.SearchParagraphs(context.Background(), PassageQuery{Text: "bridge", Size: 1}); err != nil || total != 2 {
		t.Errorf("after the stopped compaction: %d found, %v; want 2", total, err)
	}
}
