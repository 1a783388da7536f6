package retrieval

import "testing"

// TestMergerFoldsCopies: the same words in other quotation marks, case and
// spacing are one item citing every article; words shared below the
// threshold, or repeated words the other text lacks, keep items apart.
func TestMergerFoldsCopies(t *testing.T) {
	item := func(id, text string) Item { return Item{Text: text, Source: Source{ID: id}} }
	var m merger
	adds := []struct {
		it     Item
		folded bool
	}{
		{item("a", "“The two leaders referred to each other as dear friends,” the agency said."), false},
		{item("b", `"the two leaders  referred to each other as DEAR friends" the agency said`), true},
		{item("a", "The two leaders referred to each other as dear friends, the agency said."), true}, // again in a: no new source
		{item("c", "Xi and Putin referred to each other as dear friends, the agency said."), true},
		{item("d", "The two leaders met in Moscow on Tuesday for talks on trade and energy."), false},
		{item("e", "no no no no"), false},
		{item("f", "no comment at all"), false},
	}
	for i, a := range adds {
		if got := m.add(a.it); got != a.folded {
			t.Errorf("add %d (%s): folded %v, want %v", i, a.it.Source.ID, got, a.folded)
		}
	}
	if len(m.items) != 4 {
		t.Fatalf("%d items, want 4: %+v", len(m.items), m.items)
	}
	if also := m.items[0].Also; len(also) != 2 || also[0].ID != "b" || also[1].ID != "c" {
		t.Errorf("first item also cites %+v, want b and c", also)
	}
}

func TestOverlapCountsRepeats(t *testing.T) {
	if got := overlap(wordBag("no no no yes"), wordBag("No, yes, no.")); got != 3 {
		t.Errorf("overlap = %d, want 3 (two no, one yes)", got)
	}
	if got := len(wordBag("  Don’t stop — 2023!  ")); got != 4 {
		t.Errorf("words of the text: %d, want 4 (don, t, stop, 2023)", got)
	}
}
