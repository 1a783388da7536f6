package digest

import (
	"cmp"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/retrieval/article"
	"github.com/coveragebot/coveragebot/retrieval/quote"
)

// width is the terminal width Text wraps to.
const width = 80

// Text renders the summary for a terminal: wrapped to 80 columns, every
// sentence and statement followed by its source's number and paragraph
// ("[2 ¶5]"), the numbered sources listed at the end.
func (s Summary) Text() string {
	var b strings.Builder
	wrap(&b, "Coverage of "+longDate(s.Date), "", "")
	if s.Counts.Articles == 0 {
		b.WriteString("No articles.\n")
		return b.String()
	}
	counts := plural(s.Counts.Articles, "article")
	if s.Counts.Outlets > 0 {
		counts += " from " + plural(s.Counts.Outlets, "outlet")
	}
	b.WriteString(counts + ", " + plural(s.Counts.Stories, "story") + "\n")
	if len(s.Stories) < s.Counts.Stories {
		fmt.Fprintf(&b, "The %d biggest stories:\n", len(s.Stories))
	}

	refs := newRefs()
	for i, st := range s.Stories {
		b.WriteString("\n")
		lead := fmt.Sprintf("%d. ", i+1)
		pad := strings.Repeat(" ", len(lead))
		wrap(&b, cmp.Or(st.Title, "(untitled)"), lead, pad)
		var srcs []string
		for _, src := range st.Sources {
			srcs = append(srcs, fmt.Sprintf("%s [%d]", cmp.Or(src.Outlet, src.ID), refs.number(src)))
		}
		wrap(&b, plural(len(st.Articles), "article")+": "+strings.Join(srcs, ", "), pad, pad)
		for _, sen := range st.Sentences {
			wrap(&b, oneLine(sen.Text), pad+"- ", pad+"  ", refs.cite(sen.Source))
		}
	}

	if len(s.Quotes) > 0 {
		b.WriteString("\nWho said what\n")
		for _, q := range s.Quotes {
			who := q.Speaker
			if q.Role != "" && !strings.Contains(q.Speaker, q.Role) {
				who += " (" + q.Role + ")"
			}
			// A quotation's own closing comma ("…tonight," Lopez said)
			// does not end it here.
			words := strings.TrimRight(oneLine(q.Text), ",;: ")
			if q.Kind == quote.Direct {
				words = "“" + strings.Trim(words, "\"“”") + "”"
			} else { // reported speech, perhaps with quoted fragments of its own
				words = "(reported) " + words
			}
			wrap(&b, who+": "+words, "- ", "  ", refs.cite(q.Source))
		}
	}

	b.WriteString("\nSources\n")
	for i, src := range refs.list {
		lead := fmt.Sprintf("[%d] ", i+1)
		pad := strings.Repeat(" ", len(lead))
		line := cmp.Or(src.Title, src.ID)
		if meta := strings.Join(nonEmpty(src.Outlet, src.Published), ", "); meta != "" {
			line += " — " + meta
		}
		wrap(&b, line, lead, pad)
		if src.URL != "" {
			wrap(&b, src.URL, pad, pad)
		}
	}
	return b.String()
}

// refs numbers the articles a rendering cites, in order of first citation.
type refs struct {
	index map[string]int
	list  []article.Source
}

func newRefs() *refs { return &refs{index: make(map[string]int)} }

func (r *refs) number(src article.Source) int {
	if n, ok := r.index[src.ID]; ok {
		return n
	}
	r.list = append(r.list, src)
	r.index[src.ID] = len(r.list)
	return len(r.list)
}

// cite is the inline citation of a source: its number and paragraph.
func (r *refs) cite(src article.Source) string {
	return fmt.Sprintf("[%d ¶%d]", r.number(src), src.Paragraph)
}

// wrap writes text word-wrapped to width, its first line after first and
// the following ones after rest, then the tail, which is never broken.
func wrap(b *strings.Builder, text, first, rest string, tail ...string) {
	line := first
	n := utf8.RuneCountInString(first)
	empty := true
	for _, w := range append(strings.Fields(text), tail...) {
		wn := utf8.RuneCountInString(w)
		if !empty && n+1+wn > width {
			b.WriteString(line + "\n")
			line, n, empty = rest, utf8.RuneCountInString(rest), true
		}
		if !empty {
			line += " "
			n++
		}
		line += w
		n += wn
		empty = false
	}
	b.WriteString(line + "\n")
}

// longDate writes a YYYY-MM-DD date as "Wednesday 22 March 2023".
func longDate(date string) string {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return date
	}
	return t.Format("Monday 2 January 2006")
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") {
		return fmt.Sprintf("%d %sies", n, noun[:len(noun)-1])
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func nonEmpty(xs ...string) []string {
	var out []string
	for _, x := range xs {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}
