package reply

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/retrieval"
	"github.com/coveragebot/coveragebot/retrieval/digest"
)

// bigSummary is a day with many stories and statements made of the sample's
// real sentences, more than one message can hold.
func bigSummary(t *testing.T, stories, quotes int) digest.Summary {
	p := sampleParagraphs(t)
	s := digest.Summary{Date: "2023-03-22", Counts: digest.Counts{Articles: 2 * stories, Outlets: 3, Stories: stories}}
	for i := 0; i < stories; i++ {
		st := digest.Story{Title: fmt.Sprintf("Story %d: %s", i, p[i%len(p)][:40])}
		for k := 0; k < 3; k++ {
			source := src(10*i + k)
			st.Sources = append(st.Sources, source)
			st.Articles = append(st.Articles, source.ID)
			st.Sentences = append(st.Sentences, digest.Sentence{Text: p[(i+k)%len(p)], Source: source})
		}
		s.Stories = append(s.Stories, st)
	}
	for i := 0; i < quotes; i++ {
		s.Quotes = append(s.Quotes, digest.Quote{Speaker: fmt.Sprintf("Speaker %d", i), Role: "Minister", Text: p[(3*i)%len(p)], Source: src(i)})
	}
	return s
}

func TestSummaryWithinLimits(t *testing.T) {
	tests := []struct {
		name          string
		summary       digest.Summary
		wantMessages  int
		wantFirstLine string
	}{
		{"empty day", digest.Summary{Date: "2023-03-25"}, 1, "No coverage was published on that day."},
		{"the seeds' day", bigSummary(t, 1, 3), 1, "**2** articles from **3** outlets, in **1** story."},
		{"a busy day", bigSummary(t, 30, 40), 0, "**60** articles from **3** outlets, in **30** stories."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msgs := Summary(tt.summary)
			if tt.wantMessages > 0 && len(msgs) != tt.wantMessages {
				t.Errorf("%d messages, want %d", len(msgs), tt.wantMessages)
			}
			if tt.wantMessages == 0 && len(msgs) < 2 {
				t.Errorf("a busy day fits in %d message", len(msgs))
			}
			var all strings.Builder
			for _, m := range msgs {
				checkLimits(t, m)
				for _, e := range m.Embeds {
					all.WriteString(e.Description + "\n")
				}
			}
			head := msgs[0].Embeds[0]
			if head.Title != "Coverage of "+longDate(tt.summary.Date) || !strings.HasPrefix(head.Description, tt.wantFirstLine) {
				t.Errorf("header %q / %q", head.Title, head.Description)
			}
			// Every sentence and statement is there whole: none is cut.
			text := all.String()
			for _, st := range tt.summary.Stories {
				for _, sen := range st.Sentences {
					if !strings.Contains(text, BlockQuote(Escape(sen.Text))+"\n") {
						t.Fatalf("sentence missing or cut: %.60q", sen.Text)
					}
				}
			}
			for _, q := range tt.summary.Quotes {
				if !strings.Contains(text, BlockQuote(Escape(q.Text))+"\n— **"+q.Speaker+"**, "+q.Role) {
					t.Fatalf("statement missing or cut: %.60q", q.Text)
				}
			}
		})
	}
}

func TestSummaryDate(t *testing.T) {
	if got := longDate("2023-03-21"); got != "Tuesday 21 March 2023" {
		t.Errorf("longDate = %q", got)
	}
	if got := longDate("someday"); got != "someday" {
		t.Errorf("longDate = %q", got)
	}
}

func TestSources(t *testing.T) {
	r := retrieval.SourcesReport{
		Coverage: retrieval.Coverage{Articles: 2, From: "2023-03-21", To: "2023-03-22", IndexedAt: time.Unix(1714557840, 0)},
		Outlets:  []retrieval.OutletCount{{Outlet: "The Guardian", Articles: 1}, {Outlet: "", Articles: 1}},
	}
	m := Sources(r)
	checkLimits(t, m)
	want := "**2** articles from **2** outlets, published 2023-03-21 to 2023-03-22.\nLast indexed <t:1714557840:f> (<t:1714557840:R>).\n\nThe Guardian — 1\n(no outlet) — 1"
	if got := m.Embeds[0].Description; got != want {
		t.Errorf("description\n%s\nwant\n%s", got, want)
	}

	// Thousands of outlets: the list is cut with a count of the rest.
	r.Outlets = nil
	for i := 0; i < 3000; i++ {
		r.Outlets = append(r.Outlets, retrieval.OutletCount{Outlet: fmt.Sprintf("Outlet number %d", i), Articles: 3000 - i})
	}
	m = Sources(r)
	checkLimits(t, m)
	lines := strings.Split(m.Embeds[0].Description, "\n")
	last := lines[len(lines)-1]
	shown := len(lines) - 4
	if want := fmt.Sprintf("… and %d more outlets", 3000-shown); last != want {
		t.Errorf("last line %q, want %q", last, want)
	}
}

func TestRebuildMessages(t *testing.T) {
	r := retrieval.IndexReport{Articles: 2, Paragraphs: 41, Statements: 17, Took: 1234 * time.Millisecond}
	for i := 0; i < 40; i++ {
		r.Skipped = append(r.Skipped, retrieval.Skipped{Where: fmt.Sprintf("corpus/bad%d.json:3", i), Reason: "invalid JSON"})
	}
	for _, m := range []Message{
		Progress(3, 10, "<@42>", 5*time.Second),
		Progress(3, 0, "<@42>", 5*time.Second),
		Report(r, "<@42>"),
		RebuildFailed("context canceled", "<@42>"),
		Help([]HelpLine{{"/ask question:", "ask"}}, true),
	} {
		checkLimits(t, m)
	}
	rep := Report(r, "<@42>").Embeds[0]
	if !strings.Contains(rep.Description, "• corpus/bad0.json:3 — invalid JSON") || !strings.HasSuffix(rep.Description, "… and 25 more") {
		t.Errorf("skipped list:\n%s", rep.Description)
	}
	if got := Progress(3, 10, "<@42>", 5*time.Second).Embeds[0].Description; !strings.Contains(got, "3 of 10 articles") {
		t.Errorf("progress %q", got)
	}
}
