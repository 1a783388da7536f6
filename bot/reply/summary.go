package reply

import (
	"fmt"
	"strings"

	"github.com/coveragebot/coveragebot/retrieval"
	"github.com/coveragebot/coveragebot/retrieval/digest"
)

// Summary lays the summary of a day out as one or more messages: a header
// with the counts, an embed for each story (its central sentences as block
// quotes, its numbered sources) and "who said what". A story or the list of
// statements that outgrows an embed continues in the next; a sentence or a
// statement is never cut unless it is too long for an embed on its own.
func Summary(s digest.Summary) []Message {
	head := Embed{Title: "Coverage of " + longDate(s.Date), Color: ColorSummary}
	if len(s.Stories) == 0 && len(s.Quotes) == 0 {
		head.Description = "No coverage was published on that day."
		return []Message{{Embeds: []Embed{head}}}
	}
	head.Description = countsLine(s.Counts)
	embeds := []Embed{head}
	for _, st := range s.Stories {
		embeds = append(embeds, storyEmbeds(st)...)
	}
	if len(s.Quotes) > 0 {
		embeds = append(embeds, quoteEmbeds(s.Quotes)...)
	}
	return pack(embeds)
}

// maxWhere bounds the outlet or title naming where a statement was made.
const maxWhere = 80

func countsLine(c digest.Counts) string {
	line := plural(c.Articles, "article", "articles")
	if c.Outlets > 0 {
		line += " from " + plural(c.Outlets, "outlet", "outlets")
	}
	return line + ", in " + plural(c.Stories, "story", "stories") + "."
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "**1** " + one
	}
	return fmt.Sprintf("**%d** %s", n, many)
}

// storyEmbeds renders a story: its central sentences, each cited, and its
// sources.
func storyEmbeds(st digest.Story) []Embed {
	title, _ := Fit(strings.TrimSpace(st.Title), MaxTitle, Escape)
	if title == "" {
		title = "Story"
	}
	sources := newSourceList()
	for _, src := range st.Sources {
		sources.number(src)
	}
	var blocks []string
	for _, sen := range st.Sentences {
		attr := attribution("", "", sen.Source, []int{sources.number(sen.Source)})
		render := func(text string) string { return BlockQuote(Escape(text)) + "\n" + attr }
		b, _ := Fit(strings.TrimSpace(sen.Text), MaxDescription, render)
		blocks = append(blocks, b)
	}
	lines := make([]string, len(sources.order))
	for i, src := range sources.order {
		lines[i] = sourceLine(i+1, src)
	}
	fields := sourceFields("Sources", lines)
	return flow(title, blocks, fields, ColorSummary)
}

// quoteEmbeds renders "who said what": one statement per speaker.
func quoteEmbeds(qs []digest.Quote) []Embed {
	blocks := make([]string, 0, len(qs))
	for _, q := range qs {
		attr := quoteAttribution(q)
		render := func(text string) string { return BlockQuote(Escape(text)) + "\n" + attr }
		b, _ := Fit(strings.TrimSpace(q.Text), MaxDescription, render)
		blocks = append(blocks, b)
	}
	return flow("Who said what", blocks, nil, ColorSummary)
}

func quoteAttribution(q digest.Quote) string {
	who := "**" + Cut(q.Speaker, 200) + "**"
	if role := strings.TrimSpace(q.Role); role != "" && !strings.Contains(q.Speaker, role) {
		who += ", " + Cut(role, 100)
	}
	if q.Kind.Reported() {
		who += " (reported)"
	}
	parts := []string{who}
	src := q.Source
	where := src.Outlet
	if where == "" {
		where = src.Title
	}
	if where != "" {
		w := "*" + Cut(where, maxWhere) + "*"
		if u := linkURL(src.URL); u != "" && runes(u) <= 512 {
			w = "[" + w + "](" + u + ")"
		}
		parts = append(parts, w)
	}
	if src.Published != "" {
		parts = append(parts, src.Published)
	}
	return "— " + strings.Join(parts, " · ")
}

// flow lays blocks out in as many embeds as they need, never splitting a
// block; fields go with the last embed, or one of their own.
func flow(title string, blocks []string, fields []Field, color int) []Embed {
	var out []Embed
	cur := Embed{Title: title, Color: color}
	for _, b := range blocks {
		if cur.Description != "" && runes(cur.Description)+2+runes(b) > MaxDescription {
			out = append(out, cur)
			cur = Embed{Title: continued(title), Color: color}
		}
		if cur.Description != "" {
			cur.Description += "\n\n"
		}
		cur.Description += b
	}
	for len(fields) > 0 {
		n := min(len(fields), MaxFields)
		if cur.Len()+fieldsLen(fields[:n]) > MaxEmbedTotal {
			out = append(out, cur)
			cur = Embed{Title: continued(title), Color: color}
			for n > 1 && cur.Len()+fieldsLen(fields[:n]) > MaxEmbedTotal {
				n--
			}
		}
		cur.Fields = append(cur.Fields, fields[:n]...)
		fields = fields[n:]
		if len(fields) > 0 {
			out = append(out, cur)
			cur = Embed{Title: continued(title), Color: color}
		}
	}
	return append(out, cur)
}

func continued(title string) string {
	return CutWords(title, MaxTitle-len(" (continued)")) + " (continued)"
}

// pack groups embeds into messages of at most MaxEmbeds embeds and
// MaxEmbedTotal characters, keeping their order.
func pack(embeds []Embed) []Message {
	var msgs []Message
	var cur Message
	for _, e := range embeds {
		if len(cur.Embeds) == MaxEmbeds || (len(cur.Embeds) > 0 && cur.EmbedsLen()+e.Len() > MaxEmbedTotal) {
			msgs = append(msgs, cur)
			cur = Message{}
		}
		cur.Embeds = append(cur.Embeds, e)
	}
	if len(cur.Embeds) > 0 {
		msgs = append(msgs, cur)
	}
	return msgs
}

// Sources renders what is indexed: articles by outlet, the date range and
// when it was last indexed.
func Sources(r retrieval.SourcesReport) Message {
	e := Embed{Title: "What I have read", Color: ColorAnswer}
	c := r.Coverage
	head := fmt.Sprintf("%s from %s", plural(c.Articles, "article", "articles"), plural(len(r.Outlets), "outlet", "outlets"))
	switch {
	case c.From != "" && c.To != "" && c.From != c.To:
		head += fmt.Sprintf(", published %s to %s", c.From, c.To)
	case c.From != "":
		head += ", published " + c.From
	}
	head += "."
	if !c.IndexedAt.IsZero() {
		u := c.IndexedAt.Unix()
		head += fmt.Sprintf("\nLast indexed <t:%d:f> (<t:%d:R>).", u, u)
	}
	lines := []string{head, ""}
	size := runes(head) + 1
	for i, o := range r.Outlets {
		name := o.Outlet
		if strings.TrimSpace(name) == "" {
			name = "(no outlet)"
		}
		l := fmt.Sprintf("%s — %d", Cut(name, 150), o.Articles)
		rest := len(r.Outlets) - i - 1
		reserve := 0
		if rest > 0 {
			reserve = runes(fmt.Sprintf("\n… and %d more outlets", rest))
		}
		if size+1+runes(l)+reserve > MaxDescription {
			lines = append(lines, fmt.Sprintf("… and %d more outlets", rest+1))
			break
		}
		lines = append(lines, l)
		size += 1 + runes(l)
	}
	e.Description = strings.Join(lines, "\n")
	return Message{Embeds: []Embed{e}}
}
