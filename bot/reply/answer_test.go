package reply

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/retrieval"
)

func src(n int) retrieval.Source {
	return retrieval.Source{
		ID: fmt.Sprintf("a%d", n), Title: fmt.Sprintf("Xi and Putin hail friendship, part %d", n),
		Outlet: "The Guardian", URL: fmt.Sprintf("https://example.com/world/2023/mar/22/xi-putin-%d", n),
		Published: "2023-03-22", Paragraph: n + 1,
	}
}

func items(texts ...string) []retrieval.Item {
	out := make([]retrieval.Item, len(texts))
	for i, tx := range texts {
		out[i] = retrieval.Item{Text: tx, Speaker: "Vladimir Putin", Kind: "direct", Source: src(i)}
	}
	return out
}

var coverage = retrieval.Coverage{Articles: 2, From: "2023-03-21", To: "2023-03-22", IndexedAt: time.Date(2024, 5, 1, 10, 4, 0, 0, time.UTC)}

func TestAnswerWithinLimits(t *testing.T) {
	p := sampleParagraphs(t)
	whole := strings.Join(p, " ")
	long := make([]string, 5)
	for i := range long {
		long[i] = strings.Join(p[2*i:2*i+10], " ") // ~1,800 characters each
	}
	manySources := items(p[0], p[1], p[2])
	for i := range manySources {
		for k := 0; k < 4; k++ {
			s := src(100*i + k)
			s.Title = strings.Repeat("A very long headline about the summit ", 5)
			manySources[i].Also = append(manySources[i].Also, s)
		}
	}
	tests := []struct {
		name      string
		answer    retrieval.Answer
		wantShown int
		wantCut   bool // the last excerpt shown ends with "…"
	}{
		{"one short quote", retrieval.Answer{Question: "what did Putin say?", Kind: retrieval.KindQuotes, Items: items(p[5])}, 1, false},
		{"five quotes", retrieval.Answer{Question: "what did Putin say?", Kind: retrieval.KindQuotes, Items: items(p[0], p[1], p[2], p[3], p[4])}, 5, false},
		{"long excerpts are left for the next page", retrieval.Answer{Question: "q", Kind: retrieval.KindPassages, Items: items(long...)}, 2, false},
		{"an excerpt too long for a message is cut at a sentence", retrieval.Answer{Question: "q", Kind: retrieval.KindPassages, Items: items(whole+" "+whole, p[1])}, 1, true},
		{"many sources spill into several fields", retrieval.Answer{Question: "q", Kind: retrieval.KindQuotes, Items: manySources}, 3, false},
		{"a very long question", retrieval.Answer{Question: strings.Repeat("what did Putin say ", 40), Kind: retrieval.KindQuotes, Items: items(p[5])}, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.answer.Coverage = coverage
			page := Answer(tt.answer, 0)
			checkLimits(t, page.Message)
			if len(tt.answer.Items[0].Also) > 0 && len(page.Message.Embeds[0].Fields) < 2 {
				t.Errorf("sources in %d field(s), want several", len(page.Message.Embeds[0].Fields))
			}
			if page.Shown != tt.wantShown {
				t.Errorf("shown %d items, want %d", page.Shown, tt.wantShown)
			}
			desc := page.Message.Embeds[0].Description
			for _, it := range tt.answer.Items[:page.Shown-1] {
				if !strings.Contains(desc, BlockQuote(Escape(it.Text))) {
					t.Errorf("excerpt not shown whole: %.60q", it.Text)
				}
			}
			blocks := strings.Split(desc, "\n\n")
			last := strings.SplitN(blocks[len(blocks)-1], "\n— ", 2)[0]
			if cut := strings.HasSuffix(last, Ellipsis); cut != tt.wantCut {
				t.Errorf("last excerpt cut = %v, want %v: %q", cut, tt.wantCut, last[max(0, len(last)-80):])
			}
			if !strings.Contains(page.Message.Embeds[0].Footer, "Drawn from 2 articles · 2023-03-21 to 2023-03-22 · indexed 2024-05-01 10:04 UTC") {
				t.Errorf("footer %q", page.Message.Embeds[0].Footer)
			}
		})
	}
}

// TestAnswerPagesNeverRepeat pages through a long answer as the More button
// does and checks every item is shown exactly once, in order.
func TestAnswerPagesNeverRepeat(t *testing.T) {
	p := sampleParagraphs(t)
	var all []retrieval.Item
	for i := 0; i < 3; i++ {
		for j := range p {
			it := items(strings.Repeat(p[j]+" ", i+1))[0]
			it.Source = src(len(all))
			all = append(all, it)
		}
	}
	var seen []string
	for offset := 0; offset < len(all); {
		page := Answer(retrieval.Answer{Question: "q", Kind: retrieval.KindPassages, Items: all[offset:], Coverage: coverage}, offset)
		checkLimits(t, page.Message)
		if page.Shown == 0 {
			t.Fatalf("page at %d shows nothing", offset)
		}
		for _, it := range all[offset : offset+page.Shown] {
			seen = append(seen, it.Source.ID)
		}
		want := fmt.Sprintf("Results %d–%d", offset+1, offset+page.Shown)
		if page.Shown == 1 {
			want = fmt.Sprintf("Result %d", offset+1)
		}
		if f := page.Message.Embeds[0].Footer; !strings.HasPrefix(f, want) {
			t.Errorf("footer %q, want %q", f, want)
		}
		offset += page.Shown
	}
	for i, id := range seen {
		if id != all[i].Source.ID {
			t.Fatalf("item %d is %s, want %s", i, id, all[i].Source.ID)
		}
	}
	if len(seen) != len(all) {
		t.Fatalf("saw %d items of %d", len(seen), len(all))
	}
}

func TestAnswerCitations(t *testing.T) {
	it := items("We agree.", "They disagree.", "Maybe.", "it was “a disaster”")
	it[2].Source = it[0].Source // same article as the first
	it[1].Also = []retrieval.Source{src(7)}
	it[1].Kind = "indirect"
	it[3].Kind = "mixed"
	it[3].Source = it[0].Source
	it[2].Source.URL = "javascript:alert(1)"
	page := Answer(retrieval.Answer{Question: "q", Kind: retrieval.KindQuotes, Items: it}, 0)
	e := page.Message.Embeds[0]
	for _, want := range []string{
		"> We agree.\n— **Vladimir Putin** · *The Guardian* · 2023-03-22 · ¶1 · [1]",
		"> They disagree.\n— **Vladimir Putin** (reported) · *The Guardian* · 2023-03-22 · ¶2 · [2, 3]",
		"> Maybe.\n— **Vladimir Putin** · *The Guardian* · 2023-03-22 · ¶1 · [1]",
		"> it was “a disaster”\n— **Vladimir Putin** (reported) ·",
	} {
		if !strings.Contains(e.Description, want) {
			t.Errorf("description lacks %q:\n%s", want, e.Description)
		}
	}
	if len(e.Fields) != 1 || strings.Count(e.Fields[0].Value, "\n") != 2 {
		t.Fatalf("want 3 numbered sources in one field, got %+v", e.Fields)
	}
	if !strings.HasPrefix(e.Fields[0].Value, "**1.** [Xi and Putin hail friendship, part 0](https://example.com/world/2023/mar/22/xi-putin-0) · *The Guardian* · 2023-03-22\n") {
		t.Errorf("first source: %q", e.Fields[0].Value)
	}
}

func TestAnswerNothingFound(t *testing.T) {
	page := Answer(retrieval.Answer{Question: "who is *Bob*?", Kind: retrieval.KindNone, Message: "No one called Bob is quoted.", Coverage: coverage}, 0)
	checkLimits(t, page.Message)
	e := page.Message.Embeds[0]
	if page.Shown != 0 || e.Title != `who is \*Bob\*?` || e.Description != "No one called Bob is quoted." {
		t.Errorf("got %+v", page)
	}
}
