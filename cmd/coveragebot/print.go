package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/coveragebot/coveragebot/retrieval"
	"github.com/coveragebot/coveragebot/retrieval/quote"
)

// printAnswer writes an answer for a person at a terminal: each excerpt
// with its speaker and numbered source, then the sources, then what the
// answer was drawn from. Excerpts stand in quotation marks, except reported
// speech, whose words are the writer's (a mixed statement keeps the marks of
// the words it quotes); its speaker is marked "(reported)".
func printAnswer(w io.Writer, a retrieval.Answer) {
	if a.Message != "" {
		fmt.Fprintln(w, a.Message)
		if len(a.Items) > 0 {
			fmt.Fprintln(w)
		}
	}
	var sources []retrieval.Source
	number := map[string]int{}
	ref := func(s retrieval.Source) int {
		k := fmt.Sprintf("%s#%d", s.ID, s.Paragraph)
		if n, ok := number[k]; ok {
			return n
		}
		sources = append(sources, s)
		number[k] = len(sources)
		return len(sources)
	}
	for _, it := range a.Items {
		refs := []string{fmt.Sprintf("[%d]", ref(it.Source))}
		for _, s := range it.Also {
			refs = append(refs, fmt.Sprintf("[%d]", ref(s)))
		}
		speaker := it.Speaker
		if quote.Kind(it.Kind).Reported() {
			// the writer's words, quoting the speaker only where the text
			// does ("amounted to giving Putin “diplomatic cover”")
			fmt.Fprintf(w, "%s\n", it.Text)
			speaker += " (reported)"
		} else {
			fmt.Fprintf(w, "“%s”\n", it.Text)
		}
		if it.Speaker != "" {
			fmt.Fprintf(w, "    — %s %s\n\n", speaker, strings.Join(refs, ""))
		} else {
			fmt.Fprintf(w, "    %s\n\n", strings.Join(refs, ""))
		}
	}
	if len(sources) > 0 {
		fmt.Fprintln(w, "Sources")
		for i, s := range sources {
			fmt.Fprintf(w, "[%d] %s\n", i+1, describeSource(s))
			if s.URL != "" {
				fmt.Fprintf(w, "    %s\n", s.URL)
			}
		}
	}
	if a.More {
		fmt.Fprintln(w, "(more items follow)")
	}
	fmt.Fprintln(w, describeCoverage(a.Coverage))
}

// describeSource is a source in one line: title, outlet, date, paragraph.
func describeSource(s retrieval.Source) string {
	parts := []string{s.Title}
	if s.Outlet != "" {
		parts = append(parts, s.Outlet)
	}
	if s.Published != "" {
		parts = append(parts, s.Published)
	}
	parts = append(parts, fmt.Sprintf("paragraph %d", s.Paragraph))
	return strings.Join(parts, " — ")
}

// describeCoverage says what an answer was drawn from.
func describeCoverage(c retrieval.Coverage) string {
	s := fmt.Sprintf("Drawn from %d article", c.Articles)
	if c.Articles != 1 {
		s += "s"
	}
	switch {
	case c.From != "" && c.From == c.To:
		s += " of " + c.From
	case c.From != "":
		s += fmt.Sprintf(" from %s to %s", c.From, c.To)
	}
	if !c.IndexedAt.IsZero() {
		s += ", indexed " + c.IndexedAt.UTC().Format("2006-01-02 15:04 UTC")
	}
	return s + "."
}
