package article

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// FuzzJSONLines feeds arbitrary bytes to the JSON line reader (and the
// .json reader): nothing may panic, every article handed out must have an
// id and text, and its paragraphs must sit at their offsets.
func FuzzJSONLines(f *testing.F) {
	for _, name := range []string{"news.jsonl", "list.json", "lines.json"} {
		if b, err := os.ReadFile(filepath.Join("testdata", "corpus", name)); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"id": 7, "published": "2024-02-30", "authors": "A", "text": "Mr. A. B. said… “Yes.” No"}`))
	f.Add([]byte("{\"text\": \"caf\xe9\"}\n{\"text\": \"\\ud800 x\"}\n{\n\"text\": \"pretty\"\n}\n"))
	f.Add([]byte(`[{"text": "a"}, {"text": 5}, 3, {"text": "b"`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fn := func(a *Article) error {
			if a.ID == "" || len(a.Paragraphs) == 0 {
				t.Errorf("%s: id %q, %d paragraphs", a.Origin, a.ID, len(a.Paragraphs))
			}
			checkRunes(t, a)
			return nil
		}
		for _, read := range []func(*run) error{
			func(r *run) error { return r.readJSONLines("f.jsonl", bytes.NewReader(data)) },
			func(r *run) error { return r.readJSON("f.json", bytes.NewReader(data)) },
		} {
			r := newRun(context.Background(), Options{}, fn)
			if err := read(r); err != nil {
				t.Errorf("lenient read returned %v", err)
			}
			for _, s := range r.skipped {
				if s.Where == "" || s.Reason == "" {
					t.Errorf("skipped %+v", s)
				}
			}
		}
	})
}

// checkRunes checks that paragraphs and sentences are the rune slices of
// the text their offsets name.
func checkRunes(t *testing.T, a *Article) {
	t.Helper()
	runes := []rune(a.Text)
	for _, p := range a.Paragraphs {
		if p.Start < 0 || p.End > len(runes) || p.Start >= p.End || string(runes[p.Start:p.End]) != p.Text {
			t.Fatalf("paragraph %d [%d:%d] %q", p.Index, p.Start, p.End, p.Text)
		}
		for _, s := range p.Sentences {
			if s.Start < p.Start || s.End > p.End || s.Start >= s.End || string(runes[s.Start:s.End]) != s.Text {
				t.Fatalf("sentence [%d:%d] %q", s.Start, s.End, s.Text)
			}
		}
	}
}
