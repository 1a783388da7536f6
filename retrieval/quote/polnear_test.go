package quote

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/retrieval/article"
)

// sharedDir returns ../shared beside the module root, or "" when absent.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, "corpora", "polnear-train.jsonl")); err != nil {
		return ""
	}
	return shared
}

type polnearArticle struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

type polnearQuestion struct {
	Q       string `json:"q"`
	Speaker string `json:"speaker"`
	Gold    []struct {
		Text    string `json:"text"`
		Article string `json:"article"`
	} `json:"gold"`
}

// loadPolnear reads the PolNeAR train articles and questions, or skips.
func loadPolnear(t testing.TB) ([]*article.Article, []polnearQuestion) {
	t.Helper()
	shared := sharedDir(t)
	if shared == "" {
		t.Skip("../shared is absent")
	}
	var arts []*article.Article
	f, err := os.Open(filepath.Join(shared, "corpora", "polnear-train.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var pa polnearArticle
		if err := json.Unmarshal(sc.Bytes(), &pa); err != nil {
			t.Fatal(err)
		}
		arts = append(arts, segment(pa.ID, pa.Text))
	}
	var qs []polnearQuestion
	g, err := os.Open(filepath.Join(shared, "eval", "polnear-train-questions.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	sc = bufio.NewScanner(g)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var q polnearQuestion
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			t.Fatal(err)
		}
		qs = append(qs, q)
	}
	return arts, qs
}

var scoreWord = regexp.MustCompile(`[a-z0-9]+`)

// bag counts the scorer's words of s (lower-case alphanumeric runs).
func bag(s string) map[string]int {
	m := map[string]int{}
	for _, w := range scoreWord.FindAllString(strings.ToLower(strings.ReplaceAll(s, "’", "'")), -1) {
		m[w]++
	}
	return m
}

func size(b map[string]int) int {
	n := 0
	for _, c := range b {
		n += c
	}
	return n
}

func overlap(a, b map[string]int) int {
	n := 0
	for w, c := range a {
		n += min(c, b[w])
	}
	return n
}

// union is the scorer's pool: the per-word maximum over bags.
func union(bags []map[string]int) map[string]int {
	u := map[string]int{}
	for _, b := range bags {
		for w, c := range b {
			u[w] = max(u[w], c)
		}
	}
	return u
}

// questionName returns X of "What did X say?".
func questionName(q string) string {
	q = strings.TrimPrefix(q, "What did ")
	return strings.TrimSuffix(q, " say?")
}

// speaks reports whether quote q's speaker is the person a question names.
func speaks(name string, q Quote) bool {
	key := NameKey(name)
	if key == "" {
		return false
	}
	if NameKey(q.Name) == key {
		return true
	}
	for _, a := range q.Aliases {
		if NameKey(a) == key {
			return true
		}
	}
	// a surname matches the full name, either way round
	f, x := strings.Fields(NameKey(q.Name)), strings.Fields(key)
	switch {
	case len(f) > 1 && len(x) == 1:
		return f[len(f)-1] == key
	case len(f) == 1 && len(x) > 1:
		return x[len(x)-1] == f[0]
	case len(f) > 1 && len(x) > 1:
		return f[len(f)-1] == x[len(x)-1] && f[0] == x[0]
	}
	return false
}

// evalFigures are the harness's measures over the PolNeAR train gold.
type evalFigures struct {
	golds, found     int // gold quotes of ≥ 5 words, and those an extracted quote covers
	judged, inside   int // extracted quotes of gold speakers in gold articles, and those ≥ half inside gold
	scorerRight      int // judged quotes the scorer would count right
	quotes, articles int
}

// measure scores extracted quotes (per article id) against the questions.
func measure(byArticle map[string][]Quote, qs []polnearQuestion) evalFigures {
	var f evalFigures
	for _, qq := range byArticle {
		f.quotes += len(qq)
	}
	f.articles = len(byArticle)
	for _, q := range qs {
		x := questionName(q.Q)
		golds := map[string][]map[string]int{}
		for _, g := range q.Gold {
			golds[g.Article] = append(golds[g.Article], bag(g.Text))
		}
		for art, gs := range golds {
			pool := union(gs)
			var mine []map[string]int
			for _, qt := range byArticle[art] {
				if speaks(x, qt) {
					mine = append(mine, bag(qt.Text))
				}
			}
			for _, m := range mine {
				n := size(m)
				if n == 0 {
					continue
				}
				f.judged++
				in := overlap(m, pool)*2 >= n
				if in {
					f.inside++
					for _, g := range gs {
						if size(g) >= 5 && overlap(m, g)*2 >= size(g) {
							f.scorerRight++
							break
						}
					}
				}
			}
			for _, g := range gs {
				if size(g) < 5 {
					continue
				}
				f.golds++
				for _, m := range mine {
					if n := size(m); n > 0 && overlap(m, pool)*2 >= n && overlap(m, g)*2 >= size(g) {
						f.found++
						break
					}
				}
			}
		}
	}
	return f
}

// askFigures measure the questions as the scorer would if an answer
// listed every quote of the speaker: answered questions with at least one
// right quote, and the share of right quotes among those listed.
type askFigures struct {
	questions, hit, listed, right int
}

func ask(byArticle map[string][]Quote, qs []polnearQuestion) askFigures {
	var f askFigures
	type located struct {
		art string
		q   Quote
	}
	bySurname := map[string][]located{}
	for art, qq := range byArticle {
		for _, qt := range qq {
			if w := strings.Fields(NameKey(qt.Name)); len(w) > 0 {
				bySurname[w[len(w)-1]] = append(bySurname[w[len(w)-1]], located{art, qt})
			}
		}
	}
	for _, q := range qs {
		x := questionName(q.Q)
		golds := map[string][]map[string]int{}
		long := false
		for _, g := range q.Gold {
			b := bag(g.Text)
			golds[g.Article] = append(golds[g.Article], b)
			long = long || size(b) >= 5
		}
		if !long {
			continue
		}
		f.questions++
		hit := false
		xw := strings.Fields(NameKey(x))
		if len(xw) == 0 {
			continue
		}
		for _, lq := range bySurname[xw[len(xw)-1]] {
			gs := golds[lq.art]
			pool := union(gs)
			{
				qt := lq.q
				if !speaks(x, qt) {
					continue
				}
				f.listed++
				m := bag(qt.Text)
				n := size(m)
				if n == 0 || overlap(m, pool)*2 < n {
					continue
				}
				for _, g := range gs {
					if size(g) >= 5 && overlap(m, g)*2 >= size(g) {
						f.right++
						hit = true
						break
					}
				}
			}
		}
		if hit {
			f.hit++
		}
	}
	return f
}

// mergeRuns joins a speaker's consecutive quotations in one paragraph, as
// an answer quoting "“A,” X said. “B.”" would.
func mergeRuns(qs []Quote) []Quote {
	var out []Quote
	for _, q := range qs {
		if n := len(out); n > 0 && out[n-1].Name == q.Name && out[n-1].Paragraph == q.Paragraph && q.Kind == Direct && out[n-1].Kind == Direct {
			out[n-1].Text += " " + q.Text
			out[n-1].End = q.End
			continue
		}
		out = append(out, q)
	}
	return out
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// TestPolnearAttribution extracts the quotes of the 840 PolNeAR train
// articles and measures them against the gold attributions of the
// questions: recall (gold quotes covered by a quote of the right speaker,
// by the scorer's word rule) and precision (quotes of gold speakers that
// lie at least half inside that speaker's gold).
func TestPolnearAttribution(t *testing.T) {
	if raceEnabled {
		t.Skip("single-threaded measure; run without -race")
	}
	arts, qs := loadPolnear(t)
	start := time.Now()
	byArticle := make(map[string][]Quote, len(arts))
	for _, a := range arts {
		byArticle[a.ID] = Extract(a)
	}
	took := time.Since(start)
	f := measure(byArticle, qs)
	merged := make(map[string][]Quote, len(byArticle))
	for id, q := range byArticle {
		merged[id] = mergeRuns(q)
	}
	m := measure(merged, qs)
	t.Logf("%d articles, %d quotes in %v (%v/article)", f.articles, f.quotes, took, took/time.Duration(len(arts)))
	t.Logf("quotes:  recall %.3f (%d/%d)  precision %.3f (%d/%d)  scorer-right %.3f", ratio(f.found, f.golds), f.found, f.golds,
		ratio(f.inside, f.judged), f.inside, f.judged, ratio(f.scorerRight, f.judged))
	t.Logf("merged:  recall %.3f (%d/%d)  precision %.3f (%d/%d)  scorer-right %.3f", ratio(m.found, m.golds), m.found, m.golds,
		ratio(m.inside, m.judged), m.inside, m.judged, ratio(m.scorerRight, m.judged))
	if path := os.Getenv("QUOTE_MISSES"); path != "" {
		writeMisses(t, path, arts, merged, qs)
	}
	a := ask(merged, qs)
	t.Logf("asked:   %d questions, hit %.3f (%d), right %.3f of %d quotes listed", a.questions, ratio(a.hit, a.questions), a.hit, ratio(a.right, a.listed), a.listed)
	// floors a change may not cross (measured 0.775 / 0.879 / 0.932)
	if r := ratio(m.found, m.golds); r < 0.76 {
		t.Errorf("recall %.3f fell below the floor 0.76", r)
	}
	if p := ratio(f.inside, f.judged); p < 0.87 {
		t.Errorf("precision %.3f fell below the floor 0.87", p)
	}
	if h := ratio(a.hit, a.questions); h < 0.92 {
		t.Errorf("answerable questions %.3f fell below the floor 0.92", h)
	}
}
