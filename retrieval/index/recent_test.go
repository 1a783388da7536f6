package index

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/retrieval/article"
	"github.com/coveragebot/coveragebot/retrieval/quote"
)

// TestRecentBuckets: the buckets of a speaker's newest months hold at
// least as many statements as asked for, the newest of them all, and a
// search narrowed to them finds the same newest statements as one over
// every statement.
func TestRecentBuckets(t *testing.T) {
	ix := memIndex(t)
	w := ix.NewWriter(50, time.Now())
	said := func(name string) quote.Quote {
		return quote.Quote{Speaker: name, Name: name, Kind: quote.Direct, Text: "the bridge will open soon",
			Sentence: `"The bridge will open soon," ` + name + ` said.`, Cue: "said", Start: 1, End: 26}
	}
	add := func(id, day string, qs ...quote.Quote) {
		a := &article.Article{ID: id, Title: id, Text: `"The bridge will open soon," she said.`}
		if day != "" {
			a.Published, _ = time.Parse(dateLayout, day)
		}
		article.Segment(a)
		if err := w.Add(a, qs); err != nil {
			t.Fatal(err)
		}
	}
	// Ann Lee: 3 statements a month for twelve months of 2022, and one
	// undated; Bo Chan: one a month of 2023.
	for m := 1; m <= 12; m++ {
		for i := range 3 {
			add(fmt.Sprintf("lee-%02d-%d", m, i), fmt.Sprintf("2022-%02d-%02d", m, 1+i), said("Ann Lee"))
		}
		add(fmt.Sprintf("chan-%02d", m), fmt.Sprintf("2023-%02d-01", m), said("Bo Chan"))
	}
	add("lee-undated", "", said("Ann Lee"))
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	sp, err := ix.Speakers()
	if err != nil {
		t.Fatal(err)
	}
	lee, bo := quote.NameKey("Ann Lee"), quote.NameKey("Bo Chan")
	var leeSp, boSp []Speaker
	for _, s := range sp {
		switch s.Key {
		case lee:
			leeSp = append(leeSp, s)
		case bo:
			boSp = append(boSp, s)
		}
	}
	if len(leeSp) != 1 || len(boSp) != 1 || leeSp[0].Statements != 37 || boSp[0].Statements != 12 {
		t.Fatalf("speakers: %+v", sp)
	}
	got, err := RecentBuckets(leeSp, 7)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{lee + formSep + "2022-12", lee + formSep + "2022-11", lee + formSep + "2022-10"}
	if !slices.Equal(got, want) {
		t.Errorf("RecentBuckets(Ann Lee, 7) = %q, want %q", got, want)
	}
	// What the table of speakers keeps of a speaker gives the same months,
	// without the names.
	tally := leeSp[0].Tally()
	if fromTally, err := RecentBuckets([]Speaker{tally}, 7); err != nil || !slices.Equal(fromTally, want) ||
		tally.Names != nil || tally.Written != nil || tally.Statements != 37 {
		t.Errorf("tally %+v gives %q (%v), want %q", tally, fromTally, err, want)
	}
	if all, _ := RecentBuckets(leeSp, 1000); len(all) != 13 || all[12] != lee+formSep+"0000-00" {
		t.Errorf("RecentBuckets(Ann Lee, 1000) = %q, want all twelve months and the undated last", all)
	}
	if both, _ := RecentBuckets(append(leeSp, boSp...), 2); len(both) != 2 || both[0] != bo+formSep+"2023-12" {
		t.Errorf("RecentBuckets(both, 2) = %q, want Bo Chan's two latest months", both)
	}
	ctx := context.Background()
	full, _, err := ix.SearchStatements(ctx, StatementQuery{Keys: []string{lee}, Size: 5})
	if err != nil {
		t.Fatal(err)
	}
	narrow, _, err := ix.SearchStatements(ctx, StatementQuery{Keys: []string{lee}, Buckets: got, Size: 5})
	if err != nil {
		t.Fatal(err)
	}
	ids := func(hs []StatementHit) (out []string) {
		for _, h := range hs {
			out = append(out, h.ArticleID)
		}
		return out
	}
	if !slices.Equal(ids(full), ids(narrow)) || len(full) != 5 || full[0].Date != "2022-12-03" {
		t.Errorf("narrowed to the latest months: %q, over every statement: %q (newest first, five)", ids(narrow), ids(full))
	}
}
