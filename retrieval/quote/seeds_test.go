package quote

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/retrieval/article"
	"github.com/coveragebot/coveragebot/retrieval/sample"
)

// seedArticles reads the embedded sample corpus.
func seedArticles(t testing.TB) []*article.Article {
	t.Helper()
	var arts []*article.Article
	err := fs.WalkDir(sample.FS(), sample.Root, func(path string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return err
		}
		data, err := fs.ReadFile(sample.FS(), path)
		if err != nil {
			return err
		}
		text := string(data)
		if strings.HasPrefix(text, "---\n") { // front matter, as the reader strips it
			if i := strings.Index(text[4:], "\n---\n"); i >= 0 {
				text = text[4+i+5:]
			}
		}
		arts = append(arts, segment(path, text))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 {
		t.Fatalf("want 2 seed articles, got %d", len(arts))
	}
	return arts
}

// TestSeeds checks every speaker of the two seed articles with their words.
func TestSeeds(t *testing.T) {
	arts := seedArticles(t)
	tests := []struct {
		art       int
		name      string
		kind      Kind
		prefix    string // start of Text
		suffix    string // end of Text
		role, cue string
	}{
		{0, "Vladimir Putin", Direct, "We believe that many of the provisions", "no such readiness from their side", "", "said"},
		{0, "Fumio Kishida", Direct, "The world was astonished to see innocent civilians in Bucha", "upon visiting that very place here", "Japan’s Prime Minister", "said"},
		{0, "Antony Blinken", Mixed, "visiting at such a time amounted to giving Putin “diplomatic cover”", "for atrocities", "US Secretary of State", "said"},
		{0, "Volodymyr Zelensky", Indirect, "Kyiv had invited China to sign on", "but had received no reply", "President", "said"},
		{0, "Iryna Vereshchuk", Direct, "We are waiting for confirmation", "confirmation", "Deputy Prime Minister", "told"},
		{0, "Iryna Vereshchuk", Direct, "That would be an important move.", "They have things to say to each other.", "Deputy Prime Minister", "told"},
		{0, "Washington", Indirect, "the timing of Xi’s visit to Moscow", "illegally deporting Ukrainian children", "", "denounced"},
		{0, "Washington", Indirect, "it is worried that Beijing could arm Russia", "arm Russia", "", "said"},
		{0, "Moscow", Mixed, "Kyiv must accept territorial “realities”", "nearly a fifth of Ukraine", "", "says"},
		{0, "Kyiv", Indirect, "there can be no peace talks with Russia", "unless it withdraws its troops", "", "says"},
		{0, "Xi Jinping", Mixed, "China had an “impartial position”", "on it", "", "saying"},
		{1, "Xi Jinping", Mixed, "China had an “impartial position”", "“impartial position”", "Chinese President", "said"},
		{1, "Xi Jinping", Direct, "Now there are changes that haven’t happened in 100 years.", "we drive these changes.", "Chinese President", "told"},
		{1, "Vladimir Putin", Direct, "I agree", "I agree", "Russian President", "said"},
		{1, "Xi Jinping", Direct, "Take care of yourself dear friend, please.", "please.", "Chinese President", "responded"},
		{1, "White House", Indirect, "China’s position was not impartial", "not impartial", "", "said"},
		{1, "White House", Indirect, "Beijing to pressure Russia to withdraw", "since World War Two", "", "urged"},
		{1, "China", Direct, "They [the leaders] shared the view", "the future of humanity", "", "said"},
		{1, "Vladimir Putin", Direct, "We are working in solidarity", "the purposes and principles of the U.N. Charter.", "Russian President", "said"},
		{1, "Patrick Ryder", Indirect, "the United States intends to speed up delivery to Ukraine", "to the autumn", "Pentagon spokesperson Brigadier General", "told"},
	}
	got := [][]Quote{Extract(arts[0]), Extract(arts[1])}
	for _, tt := range tests {
		var q *Quote
		for i := range got[tt.art] {
			c := &got[tt.art][i]
			if c.Name == tt.name && strings.HasPrefix(c.Text, tt.prefix) && strings.HasSuffix(c.Text, tt.suffix) {
				q = c
			}
		}
		if q == nil {
			t.Errorf("seed %d: no %s quote %q…%q in%s", tt.art, tt.name, tt.prefix, tt.suffix, dump(got[tt.art]))
			continue
		}
		if q.Kind != tt.kind || q.Role != tt.role || q.Cue != tt.cue {
			t.Errorf("seed %d %s %q: kind %s role %q cue %q, want %s %q %q", tt.art, tt.name, tt.prefix, q.Kind, q.Role, q.Cue, tt.kind, tt.role, tt.cue)
		}
	}
	// the fullest form the article gives, and the surname among the aliases
	for _, q := range got[0] {
		if q.Name == "Antony Blinken" && (q.Speaker != "US Secretary of State Antony Blinken" || !contains(q.Aliases, "Blinken")) {
			t.Errorf("Blinken: speaker %q aliases %q", q.Speaker, q.Aliases)
		}
	}
	for _, q := range got[1] {
		if q.Name == "China" && !strings.Contains(q.Speaker, "statement released by China") {
			t.Errorf("China: speaker %q", q.Speaker)
		}
		if strings.Contains(q.Text, "AFP") || strings.Contains(q.Text, "Sputnik") {
			t.Errorf("caption quoted: %q", q.Text)
		}
	}
}
