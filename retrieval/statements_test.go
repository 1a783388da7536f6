package retrieval

import (
	"testing"

	"github.com/coveragebot/coveragebot/retrieval/index"
)

// TestRankStatements: at equal relevance, the speaker's very words come
// before reported speech, statements of a few words last, and the newest
// first among the rest.
func TestRankStatements(t *testing.T) {
	hit := func(id, kind, date, text string) index.StatementHit {
		return index.StatementHit{ArticleID: id, Kind: kind, Date: date, Text: text, Name: "Ann Lee", Speaker: "Lee",
			Sentence: "Lee said " + text, Score: 1}
	}
	hits := []index.StatementHit{
		hit("reported-new", "indirect", "2023-05-02", "the bridge would open in the spring of next year"),
		hit("short", "direct", "2023-05-03", "No comment"),
		hit("quoted-old", "direct", "2023-05-01", "the bridge will open in the spring of next year"),
		hit("reported-newer", "indirect", "2023-05-04", "the tolls would stay as they are for now"),
	}
	got := rankStatements(hits, "Ann Lee", "Ann Lee")
	want := []string{"quoted-old", "reported-newer", "reported-new", "short"}
	for i, h := range got {
		if h.ArticleID != want[i] {
			t.Fatalf("ranked %v, want %v", ids(got), want)
		}
	}
}

func ids(hs []index.StatementHit) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = h.ArticleID
	}
	return out
}
