package article_test

import (
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/retrieval/article"
)

func sentencesOf(text string) []string {
	a := &article.Article{Text: text}
	article.Segment(a)
	var out []string
	for _, p := range a.Paragraphs {
		for _, s := range p.Sentences {
			out = append(out, s.Text)
		}
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"plain", "It rained. Then it stopped.", []string{"It rained.", "Then it stopped."}},
		{"titles", "Mr. Smith met Dr. Jones and Gen. Patrick Ryder. They talked.",
			[]string{"Mr. Smith met Dr. Jones and Gen. Patrick Ryder.", "They talked."}},
		{"dotted abbreviations inside", "The U.S. President spoke at the U.N. Security Council.",
			[]string{"The U.S. President spoke at the U.N. Security Council."}},
		{"dotted abbreviation at the end", "He was born in the U.S. The family moved later.",
			[]string{"He was born in the U.S.", "The family moved later."}},
		{"initials", "The book by J. K. Rowling sold well. Fans queued.",
			[]string{"The book by J. K. Rowling sold well.", "Fans queued."}},
		{"months and numbers", "It opened on Jan. 5 at No. 10 Downing St. in London. It closed.",
			[]string{"It opened on Jan. 5 at No. 10 Downing St. in London.", "It closed."}},
		{"decimals", "The loan is about $15.6 billion. It is large.",
			[]string{"The loan is about $15.6 billion.", "It is large."}},
		{"quote closing after the period", "“We drive these changes now.” He smiled.",
			[]string{"“We drive these changes now.”", "He smiled."}},
		{"straight quotes", `"I agree," Putin said. "Take care."`, []string{`"I agree," Putin said.`, `"Take care."`}},
		{"question inside a quote", "“Why now?” he asked. Nobody knew!", []string{"“Why now?” he asked.", "Nobody knew!"}},
		{"exclamation and question", "Stop! Who goes there? Nobody.", []string{"Stop!", "Who goes there?", "Nobody."}},
		{"ellipsis", "He paused… and went on. Wait... The end.", []string{"He paused… and went on.", "Wait...", "The end."}},
		{"a.m. before a name", "The vote is at 9 a.m. Tuesday in Washington.", []string{"The vote is at 9 a.m. Tuesday in Washington."}},
		{"company then sentence", "He joined Apple Inc. The firm grew.", []string{"He joined Apple Inc.", "The firm grew."}},
		{"lower case after period", "Prices rose 3 p.c. in May, e.g. in food.", []string{"Prices rose 3 p.c. in May, e.g. in food."}},
		{"abbreviation after punctuation", "More:Gov. Kim Reynolds spoke.", []string{"More:Gov. Kim Reynolds spoke."}},
		{"bracket after period", "(See above.) The next one.", []string{"(See above.)", "The next one."}},
		{"no final period", "A headline without a stop", []string{"A headline without a stop"}},
		{"digit starts", "It ended in 2019. 2020 was worse.", []string{"It ended in 2019.", "2020 was worse."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentencesOf(tt.text)
			if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	text := "  First para.  \r\n\r\nSecond line\nThird — with “quotes” é.\n\n\n   \nLast"
	a := &article.Article{ID: "p", Text: text}
	article.Segment(a)
	want := []string{"First para.", "Second line", "Third — with “quotes” é.", "Last"}
	if len(a.Paragraphs) != len(want) {
		t.Fatalf("got %d paragraphs, want %d", len(a.Paragraphs), len(want))
	}
	for i, p := range a.Paragraphs {
		if p.Text != want[i] {
			t.Errorf("paragraph %d = %q, want %q", i, p.Text, want[i])
		}
	}
	checkOffsets(t, a)
	if a.Paragraphs[3].End != len([]rune(text)) {
		t.Errorf("last paragraph ends at %d, want %d", a.Paragraphs[3].End, len([]rune(text)))
	}
	empty := &article.Article{Text: " \n\n "}
	article.Segment(empty)
	if len(empty.Paragraphs) != 0 {
		t.Errorf("blank text has %d paragraphs", len(empty.Paragraphs))
	}
}

func TestCaptions(t *testing.T) {
	tests := []struct {
		text    string
		caption bool
	}{
		{"Zelensky welcomes Kishida in Kyiv on Tuesday. The visit took attention from Xi's trip. AFP - Getty Images", true},
		{"Members of the honour guard perform in Moscow on Wednesday. Aleksey Nikolskyi / Sputnik via AP", true},
		{"Biden speaks in the Rose Garden. (AP Photo/Evan Vucci)", true},
		{"Xi and Putin shake hands in Moscow (Photo: Reuters)", true},
		{"Xi and Putin in the Kremlin. Mikhail Metzel/TASS/AP", true},
		{"Putin at a ceremony in Moscow. REUTERS/Evgenia Novozhenina", true},
		{"A trader at the exchange. Michael Nagle/Bloomberg via Getty Images", true},
		{"Rescuers search the rubble. EPA-EFE", true},
		{"Rescuers search the rubble in Moscow Natalia Kolesnikova/AFP/Getty Images", true},
		{"The final in 2018 (Image credit: Ryan Pierse/Getty Images)", true},
		{"Protesters march in Paris. Reuters", true},
		{"“I really feel great anger,” Kishida told Reuters.", false},
		{"The talks went well, according to AP", false},
		{"Trump slams Reuters", false},
		{"Putin said on the Kremlin's website: \"the U.N. Charter.\"", false},
		{"A plan backed by the AP and the AFP was discussed at length in the meeting of the committee today.", false},
		{"Budget 2020/21 approved", false},
		{"Video Ad Feedback Watch Zelensky unveil flag during historic speech to Congress 01:59 - Source: CNN", true},
		{"Pelé dead at 82 04:20 - Source: CNN", true},
		{"The match ended 2:1 - Source: the league's own account of what happened that night in Rome", false},
		{"Doors open at 10:30 - Source: venue", false},
	}
	for _, tt := range tests {
		a := &article.Article{Text: tt.text}
		article.Segment(a)
		if len(a.Paragraphs) != 1 {
			t.Fatalf("%q: %d paragraphs", tt.text, len(a.Paragraphs))
		}
		if got := a.Paragraphs[0].Caption; got != tt.caption {
			t.Errorf("%q: caption = %v, want %v", tt.text, got, tt.caption)
		}
	}
}

func BenchmarkSegment(b *testing.B) {
	var texts []string
	var size int64
	arts, _, _ := readFSForBench(b)
	for _, a := range arts {
		texts = append(texts, a.Text)
		size += int64(len(a.Text))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, text := range texts {
			article.Segment(&article.Article{Text: text})
		}
	}
}
