package reply

import (
	"fmt"
	"strings"

	"github.com/coveragebot/coveragebot/retrieval"
)

// AnswerPage is what one message shows of an answer.
type AnswerPage struct {
	Message Message
	// Shown is how many of the answer's items the message holds, from the
	// first: the next page starts at offset+Shown, so none is repeated or
	// skipped.
	Shown int
}

// Answer renders the items of a, which start at item offset+1 of the whole
// answer, as one embed: each excerpt a block quote with its speaker, outlet
// and date, the numbered sources with links, and a footer with what the
// answer drew on. Items that do not fit are left for the next page; an
// excerpt too long for a message on its own is cut at a sentence with "…".
func Answer(a retrieval.Answer, offset int) AnswerPage {
	e := Embed{Color: ColorAnswer}
	title := strings.TrimSpace(a.Question)
	if title == "" {
		title = "Answer"
	}
	e.Title, _ = Fit(title, MaxTitle, Escape)

	if len(a.Items) == 0 {
		msg := strings.TrimSpace(a.Message)
		if msg == "" {
			msg = "I found nothing about that in the coverage."
		}
		e.Description = Cut(msg, MaxDescription)
		e.Footer = CutWords(coverageLine(a.Coverage), MaxFooter)
		return AnswerPage{Message: Message{Embeds: []Embed{e}}}
	}

	// Reserve the longest footer this page could have.
	footer := func(shown int) string {
		f := fmt.Sprintf("Results %d–%d", offset+1, offset+shown)
		if shown == 1 {
			f = fmt.Sprintf("Result %d", offset+1)
		}
		if c := coverageLine(a.Coverage); c != "" {
			f += " · " + c
		}
		return CutWords(f, MaxFooter)
	}
	fixed := runes(e.Title) + runes(footer(len(a.Items)))

	sources := newSourceList()
	var blocks []string
	descLen := 0
	shown := 0
	for i, it := range a.Items {
		nums, added := sources.peek(append([]retrieval.Source{it.Source}, it.Also...))
		lines := make([]string, 0, len(sources.order)+len(added))
		for k, s := range append(append([]retrieval.Source{}, sources.order...), added...) {
			lines = append(lines, sourceLine(k+1, s))
		}
		fields := sourceFields("Sources", lines)
		if len(fields) > MaxFields {
			break
		}
		sep := 0
		if descLen > 0 {
			sep = 2 // the blank line between excerpts
		}
		budget := min(MaxDescription-descLen, MaxEmbedTotal-fixed-fieldsLen(fields)-descLen) - sep
		attr := attribution(it.Speaker, it.Kind, it.Source, nums)
		render := func(text string) string { return BlockQuote(Escape(text)) + "\n" + attr }
		block, cut := Fit(strings.TrimSpace(it.Text), budget, render)
		if block == "" || (cut && i > 0) {
			break // cut between excerpts: the rest is for the next page
		}
		for _, s := range append([]retrieval.Source{it.Source}, it.Also...) {
			sources.number(s)
		}
		blocks = append(blocks, block)
		descLen += sep + runes(block)
		shown++
		e.Fields = fields
		if cut {
			break
		}
	}
	e.Description = strings.Join(blocks, "\n\n")
	e.Footer = footer(shown)
	return AnswerPage{Message: Message{Embeds: []Embed{e}}, Shown: shown}
}
