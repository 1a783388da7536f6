package quote

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/retrieval/article"
)

// writeMisses writes the gold statements no extraction covers, with the
// text around them and who was found saying them instead, to path: the
// misses of unanswerable questions only, or all of them when
// QUOTE_MISSES_ALL is set. TestPolnearAttribution calls it when
// QUOTE_MISSES names a file.
func writeMisses(t *testing.T, path string, arts []*article.Article, byArticle map[string][]Quote, qs []polnearQuestion) {
	t.Helper()
	byID := map[string]string{}
	for _, a := range arts {
		byID[a.ID] = a.Text
	}
	var b strings.Builder
	n := 0
	for _, q := range qs {
		x := questionName(q.Q)
		if os.Getenv("QUOTE_MISSES_ALL") == "" && answered(x, q, byArticle) {
			continue
		}
		golds := map[string][]map[string]int{}
		for _, g := range q.Gold {
			golds[g.Article] = append(golds[g.Article], bag(g.Text))
		}
		for _, g := range q.Gold {
			gb := bag(g.Text)
			if size(gb) < 5 {
				continue
			}
			pool := union(golds[g.Article])
			covered := false
			var others []string
			for _, qt := range byArticle[g.Article] {
				m := bag(qt.Text)
				if size(m) == 0 || overlap(m, gb)*2 < size(gb) {
					continue
				}
				if speaks(x, qt) && overlap(m, pool)*2 >= size(m) {
					covered = true
					break
				}
				others = append(others, fmt.Sprintf("%s [%s]", qt.Name, qt.Rule))
			}
			if covered {
				continue
			}
			n++
			text := byID[g.Article]
			ctx := ""
			if i := strings.Index(text, g.Text); i >= 0 {
				s, e := max(0, i-300), min(len(text), i+len(g.Text)+200)
				ctx = text[s:e]
			}
			fmt.Fprintf(&b, "### %s | %s | others: %v\nGOLD: %s\nCTX: %s\n\n", x, g.Article, others, g.Text, strings.ReplaceAll(ctx, "\n", " ¶ "))
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d misses written to %s", n, path)
}

// answered reports whether some gold statement of q is covered.
func answered(x string, q polnearQuestion, byArticle map[string][]Quote) bool {
	one := ask(byArticle, []polnearQuestion{q})
	return one.hit > 0
}
