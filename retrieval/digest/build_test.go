package digest

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/retrieval/article"
	"github.com/coveragebot/coveragebot/retrieval/quote"
)

// checkSentences checks every sentence of s is verbatim in its article at
// the cited offsets, inside the cited paragraph, not in a caption, and that
// no two of a story's sentences are near duplicates.
func checkSentences(t *testing.T, s Summary, arts []*article.Article) {
	t.Helper()
	by := make(map[string]*article.Article)
	for _, a := range arts {
		by[a.ID] = a
	}
	for _, st := range s.Stories {
		for i, sen := range st.Sentences {
			a := by[sen.Source.ID]
			if a == nil {
				t.Fatalf("story %q cites unknown article %q", st.Title, sen.Source.ID)
			}
			if !slices.Contains(st.Articles, a.ID) {
				t.Errorf("story %q cites %s, not one of its articles %v", st.Title, a.ID, st.Articles)
			}
			if got := string([]rune(a.Text)[sen.Source.Start:sen.Source.End]); got != sen.Text {
				t.Errorf("sentence %q is not the article's text at %d..%d: %q", sen.Text, sen.Source.Start, sen.Source.End, got)
			}
			p := a.Paragraphs[sen.Source.Paragraph-1]
			if sen.Source.Start < p.Start || sen.Source.End > p.End {
				t.Errorf("sentence %q lies outside its cited paragraph %d", sen.Text, sen.Source.Paragraph)
			}
			if p.Caption {
				t.Errorf("sentence %q comes from a caption", sen.Text)
			}
			for _, other := range st.Sentences[:i] {
				if j := jaccard(wordSet(other.Text), wordSet(sen.Text)); j > nearDuplicate {
					t.Errorf("near duplicates (Jaccard %.2f): %q and %q", j, other.Text, sen.Text)
				}
			}
		}
	}
}

func TestSeedsAreOneStory(t *testing.T) {
	arts := seeds(t)
	s := Build("2023-03-22", arts, nil, Options{})
	if len(s.Stories) != 1 || s.Counts != (Counts{Articles: 2, Outlets: 0, Stories: 1}) {
		t.Fatalf("got %d stories, counts %+v; want the two seeds as one story", len(s.Stories), s.Counts)
	}
	st := s.Stories[0]
	ids := slices.Sorted(slices.Values(st.Articles))
	if !slices.Equal(ids, []string{arts[0].ID, arts[1].ID}) {
		t.Errorf("story articles = %v", st.Articles)
	}
	if st.Title != arts[0].Title && st.Title != arts[1].Title {
		t.Errorf("title %q is neither article's title", st.Title)
	}
	if len(st.Sentences) != DefaultSentences {
		t.Errorf("got %d sentences, want %d", len(st.Sentences), DefaultSentences)
	}
	if len(st.Sources) != 2 || st.Sources[0].ID != st.Articles[0] || st.Sources[1].ID != st.Articles[1] {
		t.Errorf("sources %+v do not match the articles %v", st.Sources, st.Articles)
	}
	checkSentences(t, s, arts)
}

func TestStoriesOfADay(t *testing.T) {
	arts := day(t)
	captions := 0
	for _, a := range arts {
		for _, p := range a.Paragraphs {
			if p.Caption {
				captions++
			}
		}
	}
	if captions != 3 { // two in the second seed, one in fire-a
		t.Fatalf("the day holds %d captions, want 3: the caption check would prove nothing", captions)
	}
	s := Build("2023-03-22", arts, dayQuotes(t, arts), Options{Sentences: 10})
	var got [][]string
	for _, st := range s.Stories {
		got = append(got, slices.Sorted(slices.Values(st.Articles)))
	}
	seedIDs := []string{arts[0].ID, arts[1].ID}
	want := [][]string{{"fire-a", "fire-b"}, seedIDs, {"bank"}, {"final"}}
	if len(got) != len(want) {
		t.Fatalf("stories %v, want %v", got, want)
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("story %d = %v, want %v", i+1, got[i], want[i])
		}
	}
	if s.Counts != (Counts{Articles: 6, Outlets: 4, Stories: 4}) {
		t.Errorf("counts %+v", s.Counts)
	}
	checkSentences(t, s, arts)
	// The wire sentence both fire articles carry, in two wordings, is the
	// story's most central: one of its wordings is kept, never both.
	wire := 0
	for _, sen := range s.Stories[0].Sentences {
		if strings.HasPrefix(sen.Text, "The Ridge Fire has burned more than 12,000 acres") {
			wire++
		}
	}
	if wire != 1 {
		t.Errorf("the fire story quotes the wire sentence %d times, want once: %+v", wire, s.Stories[0].Sentences)
	}
}

func TestMaxStories(t *testing.T) {
	s := Build("2023-03-22", day(t), nil, Options{MaxStories: 2})
	if len(s.Stories) != 2 || s.Counts.Stories != 4 {
		t.Errorf("got %d stories listed of %d, want 2 of 4", len(s.Stories), s.Counts.Stories)
	}
}

func TestEmptyDay(t *testing.T) {
	for _, arts := range [][]*article.Article{nil, {}, {nil}} {
		s := Build("2023-01-01", arts, map[string][]quote.Quote{"x": {{Name: "A B", Text: "words enough to count as a statement"}}}, Options{})
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		want := `{"date":"2023-01-01","stories":[],"quotes":[],"counts":{"articles":0,"outlets":0,"stories":0}}`
		if string(b) != want {
			t.Errorf("empty day JSON = %s, want %s", b, want)
		}
		if txt := s.Text(); !strings.Contains(txt, "No articles.") {
			t.Errorf("empty day text = %q", txt)
		}
	}
}

func TestArticlesWithoutParagraphs(t *testing.T) {
	arts := []*article.Article{
		{ID: "x", Title: "Only a title", Text: "No paragraphs were split."},
		{ID: "y", Title: "", Text: ""},
	}
	s := Build("2023-01-02", arts, nil, Options{})
	if s.Counts.Articles != 2 || len(s.Stories) != 2 {
		t.Fatalf("got %+v", s)
	}
	for _, st := range s.Stories {
		if len(st.Sentences) != 0 || len(st.Sources) != 1 {
			t.Errorf("story %+v: want no sentences and one source", st)
		}
	}
	_ = s.Text()
}

func TestWhoSaidWhat(t *testing.T) {
	arts := day(t)
	s := Build("2023-03-22", arts, dayQuotes(t, arts), Options{})
	var speakers []string
	for _, q := range s.Quotes {
		speakers = append(speakers, q.Speaker)
	}
	// Lopez is quoted in both fire articles; Putin, Kishida and Reyes are
	// in two articles each: Putin quoted twice, Kishida and Reyes once,
	// Kishida at more length. Then the speakers of one article, by the
	// weight of their statement. Nobody twice, no anonymous "officials", no
	// quote of another day's article.
	want := []string{"Maria Lopez", "Vladimir Putin", "Fumio Kishida", "Tom Reyes", "Jonas Berg", "Elena Marsh", "White House"}
	if !slices.Equal(speakers, want) {
		t.Errorf("speakers %q, want %q", speakers, want)
	}
	for _, q := range s.Quotes {
		switch q.Speaker {
		case "Maria Lopez":
			if q.Kind != quote.Direct || q.Source.ID != "fire-a" || q.Articles != 2 {
				t.Errorf("Lopez: got %+v, want her direct quote, in 2 articles", q)
			}
		case "Vladimir Putin":
			if q.Text == "I agree," {
				t.Errorf("Putin's too short statement chosen")
			}
		}
	}
	if got := Build("2023-03-22", arts, dayQuotes(t, arts), Options{MaxQuotes: 2}).Quotes; len(got) != 2 {
		t.Errorf("MaxQuotes 2 gave %d", len(got))
	}
	if got := Build("2023-03-22", arts, dayQuotes(t, arts), Options{MaxQuotes: -1}).Quotes; len(got) != 0 {
		t.Errorf("MaxQuotes -1 gave %d", len(got))
	}
}

func TestDeterministic(t *testing.T) {
	arts := day(t)
	quotes := dayQuotes(t, arts)
	want, _ := json.Marshal(Build("2023-03-22", arts, quotes, Options{}))
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5 {
		shuffled := slices.Clone(arts)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		shuffled = append(shuffled, shuffled[0]) // an article given twice counts once
		got, _ := json.Marshal(Build("2023-03-22", shuffled, quotes, Options{}))
		if string(got) != string(want) {
			t.Fatalf("summary depends on the articles' order:\n%s\n%s", got, want)
		}
	}
}

func TestNearDuplicate(t *testing.T) {
	tests := []struct {
		a, b string
		dup  bool
	}{
		{"The fire has burned 12,000 acres, officials said.", "The fire has burned 12,000 acres, fire officials said.", true},
		{"The fire has burned 12,000 acres, officials said.", "Governor Reyes declared a state of emergency.", false},
		{"Xi met Putin in Moscow on Tuesday.", "Xi met Putin in Moscow on Tuesday.", true},
	}
	for _, tt := range tests {
		if got := jaccard(wordSet(tt.a), wordSet(tt.b)) > nearDuplicate; got != tt.dup {
			t.Errorf("near duplicate(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

// TestSeedsWithExtractedQuotes summarises the seeds with the statements
// quote.Extract finds in them: one per speaker, verbatim at their source.
func TestSeedsWithExtractedQuotes(t *testing.T) {
	arts := seeds(t)
	quotes := make(map[string][]quote.Quote)
	for _, a := range arts {
		quotes[a.ID] = quote.Extract(a)
	}
	s := Build("2023-03-22", arts, quotes, Options{})
	if len(s.Quotes) == 0 {
		t.Fatal("no statements in the seeds' summary")
	}
	by := map[string]*article.Article{arts[0].ID: arts[0], arts[1].ID: arts[1]}
	seen := make(map[string]bool)
	for _, q := range s.Quotes {
		if seen[q.Speaker] {
			t.Errorf("%s twice", q.Speaker)
		}
		seen[q.Speaker] = true
		a := by[q.Source.ID]
		if got := string([]rune(a.Text)[q.Source.Start:q.Source.End]); got != q.Text {
			t.Errorf("%s: %q is not the text at its source: %q", q.Speaker, q.Text, got)
		}
		if n := wordCount(q.Text); n < minQuoteWords || n > maxQuoteWords {
			t.Errorf("%s: a statement of %d words", q.Speaker, n)
		}
	}
	if s.Quotes[0].Speaker != "Vladimir Putin" {
		t.Errorf("first speaker %q, want Vladimir Putin, quoted and named in both seeds", s.Quotes[0].Speaker)
	}
	t.Log("\n" + s.Text())
}
