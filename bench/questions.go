package bench

import (
	"hash/fnv"
	"slices"
	"strings"
	"unicode"
)

// Question is one question of the benchmark.
type Question struct {
	Text string `json:"text"`
	Kind string `json:"kind"` // "quiz" or "speaker"
}

// quizTemplates frame a title's key words as a question.
var quizTemplates = []string{
	"What happened with %s?",
	"What is the news about %s?",
	"What do we know about %s?",
	"Tell me about %s",
	"What's the latest on %s?",
	"Why is %s in the news?",
}

// stopWords are left out of a title's key words: function words, and the
// words of headlines that say nothing of their subject.
var stopWords = setOf(
	"a", "about", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
	"be", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does",
	"doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he",
	"her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "me",
	"more", "most", "my", "new", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other",
	"our", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the",
	"their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
	"until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
	"why", "will", "with", "would", "you", "your", "says", "said", "say", "news", "live", "updates", "update",
	"video", "videos", "photos", "watch", "latest", "breaking", "opinion", "analysis", "report", "reports",
	"today", "usa", "cnn", "bbc", "nbc", "cbs", "abc", "fox", "reuters", "ap", "com", "here's", "what's",
	"get", "gets", "got", "make", "makes", "may", "might", "one", "two", "three", "first", "last", "year",
	"years", "day", "week", "best", "top", "big", "back", "still", "way", "need", "know", "things",
)

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// keyWords are the words of a title that name its subject: up to four, in
// title order, without stop words, short words or numbers. Titles cut at
// a separator (" - Outlet", " | Outlet", ": ") keep their first part when
// it holds enough words.
func keyWords(title string) []string {
	for _, sep := range []string{" | ", " - ", " — ", " – "} {
		if i := strings.Index(title, sep); i > 0 {
			title = title[:i]
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(title, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '-'
	}) {
		w = strings.Trim(w, "'’-")
		lw := strings.ToLower(w)
		if len([]rune(w)) < 3 || stopWords[lw] || seen[lw] || !hasLetter(w) {
			continue
		}
		seen[lw] = true
		out = append(out, w)
		if len(out) == 4 {
			break
		}
	}
	return out
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

func hashOf(s string) uint64 {
	h := fnv.New64a()
	_, _ = h.Write([]byte(s))
	return h.Sum64()
}

// quizQuestions makes up to n questions from the titles of the articles,
// taken in an order fixed by their ids' hashes (so the questions spread over
// the year and do not depend on the order of the file): each asks about a
// title's key words (at least two), with a template chosen by the id.
func quizQuestions(recs []record, n int) []Question {
	order := make([]record, len(recs))
	copy(order, recs)
	slices.SortStableFunc(order, func(a, b record) int {
		ha, hb := hashOf(a.id), hashOf(b.id)
		switch {
		case ha < hb:
			return -1
		case ha > hb:
			return 1
		}
		return strings.Compare(a.id, b.id)
	})
	var out []Question
	seen := map[string]bool{}
	for _, r := range order {
		if len(out) == n {
			break
		}
		kw := keyWords(r.title)
		if len(kw) < 2 {
			continue
		}
		t := quizTemplates[hashOf(r.id+"#")%uint64(len(quizTemplates))]
		q := strings.Replace(t, "%s", strings.Join(kw, " "), 1)
		if seen[strings.ToLower(q)] {
			continue
		}
		seen[strings.ToLower(q)] = true
		out = append(out, Question{Text: q, Kind: "quiz"})
	}
	return out
}

// speakerQuestions asks "What did X say?" of each speaker, most quoted
// first.
func speakerQuestions(names []string, n int) []Question {
	var out []Question
	for _, name := range names {
		if len(out) == n {
			break
		}
		if strings.TrimSpace(name) == "" {
			continue
		}
		out = append(out, Question{Text: "What did " + name + " say?", Kind: "speaker"})
	}
	return out
}

// makeQuestions mixes n questions: "what did X say?" for up to half of
// them, from the most quoted speakers, and quiz questions from the titles
// for the rest. It returns fewer when the corpus cannot give n.
func makeQuestions(recs []record, speakers []string, n int) []Question {
	sq := speakerQuestions(speakers, n/2)
	qq := quizQuestions(recs, n-len(sq))
	// Alternate the two kinds, so any prefix holds both.
	out := make([]Question, 0, len(sq)+len(qq))
	for i := 0; i < len(sq) || i < len(qq); i++ {
		if i < len(qq) {
			out = append(out, qq[i])
		}
		if i < len(sq) {
			out = append(out, sq[i])
		}
	}
	return out
}
