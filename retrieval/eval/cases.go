package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/coveragebot/coveragebot/retrieval"
)

// Gold is one quote a human annotator attributed to the speaker, and the
// article it stands in.
type Gold struct {
	Text    string `json:"text"`
	Article string `json:"article"`
}

// Case is one question with the speaker's gold quotes, pooled over the
// corpus.
type Case struct {
	Q       string `json:"q"`
	Speaker string `json:"speaker"`
	Gold    []Gold `json:"gold"`
}

// MinGoldWords is the length, in words, a gold quote needs for an item to
// be right by covering it, and that one of a question's quotes needs for
// the question to be asked at all.
const MinGoldWords = 5

// LoadCases reads the questions of a JSON-lines file and keeps, as the
// scorer does, those with at least one gold quote of MinGoldWords words or
// more.
func LoadCases(path string) ([]Case, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load cases: %w", err)
	}
	defer f.Close()
	cases, err := ReadCases(f)
	if err != nil {
		return nil, fmt.Errorf("load cases from %s: %w", path, err)
	}
	return cases, nil
}

// ReadCases is LoadCases reading from r.
func ReadCases(r io.Reader) ([]Case, error) {
	br := bufio.NewReader(r)
	var cases []Case
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if len(bytes.TrimSpace(line)) > 0 {
			var c Case
			if jerr := json.Unmarshal(line, &c); jerr != nil {
				return nil, fmt.Errorf("line %d: %w", n, jerr)
			}
			if c.scorable() {
				cases = append(cases, c)
			}
		}
		if errors.Is(err, io.EOF) {
			return cases, nil
		}
	}
}

// scorable reports whether any gold quote has MinGoldWords words.
func (c Case) scorable() bool {
	for _, g := range c.Gold {
		if len(words(g.Text)) >= MinGoldWords {
			return true
		}
	}
	return false
}

// goldByArticle groups the gold quotes by the article they stand in.
func (c Case) goldByArticle() map[string][]string {
	m := make(map[string][]string)
	for _, g := range c.Gold {
		m[g.Article] = append(m[g.Article], g.Text)
	}
	return m
}

// Right reports, for each item, whether it is right for the question.
// Every item is judged; Run counts only the first five.
func (c Case) Right(items []retrieval.Item) []bool {
	gba := c.goldByArticle()
	oks := make([]bool, len(items))
	for i, it := range items {
		oks[i] = right(it, gba)
	}
	return oks
}
