package index

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
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
