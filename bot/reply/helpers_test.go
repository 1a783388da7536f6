package reply

import (
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/retrieval/sample"
)

// sampleParagraphs returns the paragraphs of the first sample article, the
// real text excerpts are cut from.
func sampleParagraphs(t *testing.T) []string {
	t.Helper()
	entries, err := fs.ReadDir(sample.FS(), sample.Root)
	if err != nil || len(entries) == 0 {
		t.Fatalf("sample corpus: %v", err)
	}
	b, err := fs.ReadFile(sample.FS(), path.Join(sample.Root, entries[0].Name()))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	if i := strings.Index(text[3:], "---"); strings.HasPrefix(text, "---") && i >= 0 {
		text = text[i+6:]
	}
	var paras []string
	for _, p := range strings.Split(text, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	if len(paras) < 8 {
		t.Fatalf("sample article has %d paragraphs", len(paras))
	}
	return paras
}

// checkLimits fails the test when a message breaks one of Discord's limits.
func checkLimits(t *testing.T, m Message) {
	t.Helper()
	if err := m.Check(); err != nil {
		t.Fatalf("message breaks Discord's limits: %v", err)
	}
}
