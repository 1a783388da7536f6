package reply

import (
	"strings"
	"testing"
	"unicode"
)

func TestEscape(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Putin praised Xi.", "Putin praised Xi."},
		{"emphasis", "a *bold* _claim_ ~~gone~~", `a \*bold\* \_claim\_ \~\~gone\~\~`},
		{"code and spoiler", "`x` ||y||", "\\`x\\` \\|\\|y\\|\\|"},
		{"masked link", "[click](https://evil.example)", `\[click\](https://evil.example)`},
		{"mention syntax", "<@123> and <t:1:R>", `\<@123\> and \<t:1:R\>`},
		{"everyone stays readable", "@everyone look", "@everyone look"},
		{"heading at line start", "# Big\nnot # here", "\\# Big\nnot # here"},
		{"quote and list at line start", "> q\n- item\n+ item", "\\> q\n\\- item\n\\+ item"},
		{"numbered list", "1. first\n2012 was a year", "1\\. first\n2012 was a year"},
		{"indented list", "  - item", `  \- item`},
		{"backslash", `a\b`, `a\\b`},
		{"hyphen inside line", "Asia-Pacific - region", "Asia-Pacific - region"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Escape(tt.in); got != tt.want {
				t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFit(t *testing.T) {
	para := "Putin praised Xi for a peace plan he proposed last month. He blamed Kyiv and the West for rejecting it. Mr. Xi barely mentioned the conflict."
	tests := []struct {
		name string
		in   string
		max  int
		want string
		cut  bool
	}{
		{"fits", para, 500, para, false},
		{"cut after second sentence", para, 110, "Putin praised Xi for a peace plan he proposed last month. He blamed Kyiv and the West for rejecting it.…", true},
		{"cut after first sentence", para, 70, "Putin praised Xi for a peace plan he proposed last month.…", true},
		{"no sentence fits: word", para, 20, "Putin praised Xi…", true},
		{"abbreviation is no sentence end", "He met Mr. Wang in Moscow today and talked", 25, "He met Mr. Wang in…", true},
		{"closing quote belongs to the sentence", "“We agree.” Then he left the room at once.", 16, "“We agree.”…", true},
		{"escaping counts", "a*b c*d e*f", 8, `a\*b…`, true},
		{"one huge word", strings.Repeat("x", 30), 10, strings.Repeat("x", 9) + "…", true},
		{"nothing fits", "abc def", 0, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cut := Fit(tt.in, tt.max, Escape)
			if got != tt.want || cut != tt.cut {
				t.Errorf("Fit(%q, %d) = %q, %v; want %q, %v", tt.in, tt.max, got, cut, tt.want, tt.cut)
			}
			if runes(got) > tt.max {
				t.Errorf("%d runes, over %d", runes(got), tt.max)
			}
		})
	}
}

// TestFitNeverMidWord cuts a real paragraph at every budget and checks the
// result is a verbatim prefix ending at a word, with "…".
func TestFitNeverMidWord(t *testing.T) {
	text := sampleParagraphs(t)[5]
	words := map[string]bool{}
	for _, w := range strings.Fields(text) {
		words[w] = true
	}
	first := runes(strings.Fields(text)[0]) + 1
	for max := first; max < runes(text); max += 7 {
		got, cut := Fit(text, max, func(s string) string { return s })
		if !cut || !strings.HasSuffix(got, Ellipsis) || runes(got) > max {
			t.Fatalf("max %d: %q (cut %v)", max, got, cut)
		}
		prefix := strings.TrimSuffix(got, Ellipsis)
		if !strings.HasPrefix(text, prefix) {
			t.Fatalf("max %d: %q is not a prefix of the text", max, prefix)
		}
		f := strings.Fields(prefix)
		if last := f[len(f)-1]; !words[last] {
			t.Fatalf("max %d: cut inside the word %q", max, last)
		}
		if next := text[len(prefix):]; next != "" && !unicode.IsSpace([]rune(next)[0]) {
			t.Fatalf("max %d: cut before %q", max, next[:min(10, len(next))])
		}
	}
}

func TestCutWords(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"short", 10, "short"},
		{"what did Blinken say about China", 20, "what did Blinken…"},
		{"supercalifragilistic", 6, "super…"},
	}
	for _, tt := range tests {
		if got := CutWords(tt.in, tt.max); got != tt.want {
			t.Errorf("CutWords(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}

func TestBar(t *testing.T) {
	tests := []struct {
		done, total int
		want        string
	}{
		{0, 10, "▱▱▱▱▱▱▱▱▱▱▱▱▱▱▱▱▱▱▱▱ 0%"},
		{5, 10, "▰▰▰▰▰▰▰▰▰▰▱▱▱▱▱▱▱▱▱▱ 50%"},
		{10, 10, "▰▰▰▰▰▰▰▰▰▰▰▰▰▰▰▰▰▰▰▰ 100%"},
		{12, 10, "▰▰▰▰▰▰▰▰▰▰▰▰▰▰▰▰▰▰▰▰ 100%"},
		{3, 0, "▱▱▱▱▱▱▱▱▱▱▱▱▱▱▱▱▱▱▱▱"},
	}
	for _, tt := range tests {
		if got := Bar(tt.done, tt.total); got != tt.want {
			t.Errorf("Bar(%d, %d) = %q, want %q", tt.done, tt.total, got, tt.want)
		}
	}
}
