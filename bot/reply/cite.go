package reply

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/coveragebot/coveragebot/retrieval"
	"github.com/coveragebot/coveragebot/retrieval/quote"
)

// sourceList numbers the articles cited by a reply in the order they are
// first cited.
type sourceList struct {
	order []retrieval.Source
	index map[string]int // article id -> number
}

func newSourceList() *sourceList { return &sourceList{index: map[string]int{}} }

// number returns the source's number, adding it when new.
func (l *sourceList) number(s retrieval.Source) int {
	key := sourceKey(s)
	if n, ok := l.index[key]; ok {
		return n
	}
	l.order = append(l.order, s)
	l.index[key] = len(l.order)
	return len(l.order)
}

// peek returns the numbers the sources would get without adding them, and
// the sources that would be new.
func (l *sourceList) peek(srcs []retrieval.Source) (nums []int, added []retrieval.Source) {
	seen := map[string]int{}
	for _, s := range srcs {
		key := sourceKey(s)
		if n, ok := l.index[key]; ok {
			nums = append(nums, n)
			continue
		}
		if n, ok := seen[key]; ok {
			nums = append(nums, n)
			continue
		}
		n := len(l.order) + len(added) + 1
		seen[key] = n
		added = append(added, s)
		nums = append(nums, n)
	}
	return nums, added
}

func sourceKey(s retrieval.Source) string {
	if s.ID != "" {
		return s.ID
	}
	return s.URL + "\x00" + s.Title
}

// citeNums renders source numbers as "[1]" or "[1, 3]".
func citeNums(nums []int) string {
	parts := make([]string, 0, len(nums))
	seen := map[int]bool{}
	for _, n := range nums {
		if !seen[n] {
			seen[n] = true
			parts = append(parts, fmt.Sprint(n))
		}
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// maxSourceTitle bounds an article title in a list of sources.
const maxSourceTitle = 200

// sourceLine renders a numbered source: its title linked to the article,
// its outlet and date (the paragraph of each excerpt is by the excerpt).
func sourceLine(n int, s retrieval.Source) string {
	title := s.Title
	if strings.TrimSpace(title) == "" {
		title = s.ID
	}
	t := Cut(title, maxSourceTitle)
	if u := linkURL(s.URL); u != "" && runes(u) <= 512 {
		t = "[" + t + "](" + u + ")"
	}
	parts := []string{fmt.Sprintf("**%d.** %s", n, t)}
	if s.Outlet != "" {
		parts = append(parts, "*"+Cut(s.Outlet, 100)+"*")
	}
	if s.Published != "" {
		parts = append(parts, s.Published)
	}
	return strings.Join(parts, " · ")
}

// linkURL returns u made safe inside a markdown link, or "" when it is not
// an http(s) URL.
func linkURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return strings.NewReplacer("(", "%28", ")", "%29", " ", "%20", "<", "%3C", ">", "%3E").Replace(p.String())
}

// sourceFields lays numbered source lines out in as few fields as needed,
// each within MaxFieldValue, never splitting a line.
func sourceFields(name string, lines []string) []Field {
	var fields []Field
	var cur []string
	size := 0
	flush := func() {
		if len(cur) == 0 {
			return
		}
		n := name
		if len(fields) > 0 {
			n = name + " (continued)"
		}
		fields = append(fields, Field{Name: n, Value: strings.Join(cur, "\n")})
		cur, size = nil, 0
	}
	for _, l := range lines {
		l = CutWords(l, MaxFieldValue)
		if size > 0 && size+1+runes(l) > MaxFieldValue {
			flush()
		}
		if size > 0 {
			size++
		}
		cur = append(cur, l)
		size += runes(l)
	}
	flush()
	return fields
}

func fieldsLen(fs []Field) int {
	n := 0
	for _, f := range fs {
		n += runes(f.Name) + runes(f.Value)
	}
	return n
}

// attribution renders who said it and where: "— **Speaker** · *Outlet* ·
// date · ¶3 · [1]".
func attribution(speaker, kind string, s retrieval.Source, nums []int) string {
	var parts []string
	if speaker != "" {
		p := "**" + Cut(speaker, 200) + "**"
		if quote.Kind(kind).Reported() {
			p += " (reported)"
		}
		parts = append(parts, p)
	}
	if s.Outlet != "" {
		parts = append(parts, "*"+Cut(s.Outlet, 100)+"*")
	}
	if s.Published != "" {
		parts = append(parts, s.Published)
	}
	if s.Paragraph > 0 {
		parts = append(parts, fmt.Sprintf("¶%d", s.Paragraph))
	}
	parts = append(parts, citeNums(nums))
	return "— " + strings.Join(parts, " · ")
}

// coverageLine says what an answer drew on.
func coverageLine(c retrieval.Coverage) string {
	var parts []string
	switch c.Articles {
	case 0:
	case 1:
		parts = append(parts, "1 article")
	default:
		parts = append(parts, fmt.Sprintf("%d articles", c.Articles))
	}
	switch {
	case c.From != "" && c.To != "" && c.From != c.To:
		parts = append(parts, c.From+" to "+c.To)
	case c.From != "":
		parts = append(parts, c.From)
	case c.To != "":
		parts = append(parts, c.To)
	}
	if !c.IndexedAt.IsZero() {
		parts = append(parts, "indexed "+c.IndexedAt.UTC().Format("2006-01-02 15:04 MST"))
	}
	if len(parts) == 0 {
		return ""
	}
	return "Drawn from " + strings.Join(parts, " · ")
}

// longDate renders YYYY-MM-DD as "Tuesday 21 March 2023", or as given.
func longDate(d string) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return d
	}
	return t.Format("Monday 2 January 2006")
}
