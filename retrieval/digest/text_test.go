package digest

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it); got:\n%s", name, got)
	}
}

func TestText(t *testing.T) {
	arts := day(t)
	tests := []struct {
		name string
		s    Summary
	}{
		{"day.txt", Build("2023-03-22", arts, dayQuotes(t, arts), Options{})},
		{"seeds.txt", Build("2023-03-22", seeds(t), nil, Options{})},
		{"top2.txt", Build("2023-03-22", arts, dayQuotes(t, arts), Options{MaxStories: 2, MaxQuotes: 2, Sentences: 2})},
		{"empty.txt", Build("2023-03-23", nil, nil, Options{})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.s.Text()
			for i, line := range strings.Split(got, "\n") {
				if utf8.RuneCountInString(line) > width && strings.Contains(strings.TrimSpace(line), " ") {
					t.Errorf("line %d is wider than %d columns: %q", i+1, width, line)
				}
			}
			golden(t, tt.name, got)
		})
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		text, first, rest, want string
		tail                    []string
	}{
		{"short", "- ", "  ", "- short\n", nil},
		{strings.Repeat("word ", 20), "1. ", "   ",
			"1. word word word word word word word word word word word word word word word\n   word word word word word\n", nil},
		{"https://example.com/" + strings.Repeat("x", 90) + " next", "", "",
			"https://example.com/" + strings.Repeat("x", 90) + "\nnext\n", nil},
		{"", "[1] ", "    ", "[1] \n", nil},
		{strings.Repeat("x", 74), "- ", "  ", "- " + strings.Repeat("x", 74) + "\n  [1 ¶2]\n", []string{"[1 ¶2]"}},
	}
	for _, tt := range tests {
		var b strings.Builder
		wrap(&b, tt.text, tt.first, tt.rest, tt.tail...)
		if b.String() != tt.want {
			t.Errorf("wrap(%q) = %q, want %q", tt.text, b.String(), tt.want)
		}
	}
}
