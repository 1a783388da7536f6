package retrieval

import (
	"slices"
	"testing"
)

// TestVocabNumbersWordsOnce: a word has one number whichever set holds it,
// sets are sorted without repeats, and the finished vocab knows every word
// by its number and only those.
func TestVocabNumbersWordsOnce(t *testing.T) {
	b := newVocabBuilder()
	buf := make([]int32, 0, 6)
	buf, names := b.set(buf, []string{"kishida", "fumio", "kishida"})
	_, roles := b.set(buf, []string{"prime", "minister", "fumio"})
	if len(names) != 2 || len(roles) != 3 {
		t.Fatalf("sets %v %v, want 2 and 3 words", names, roles)
	}
	for _, s := range []wordSet{names, roles} {
		if !slices.IsSorted(s) {
			t.Errorf("set %v is not sorted", s)
		}
	}
	v := b.vocab()
	for _, w := range []string{"kishida", "fumio", "prime", "minister"} {
		id := v.id(w)
		if id == noWord || v.word(id) != w {
			t.Errorf("word %q: number %d, word back %q", w, id, v.word(max(id, 0)))
		}
	}
	if !names.has(v.id("fumio")) || !roles.has(v.id("fumio")) || names.has(v.id("prime")) {
		t.Errorf("fumio in both sets, prime only in the roles: names %v roles %v", names, roles)
	}
	for _, w := range []string{"blinken", "", "aaa", "zzz", "kishid", "kishidaa"} {
		if id := v.id(w); id != noWord {
			t.Errorf("the unknown word %q has number %d", w, id)
		}
	}
	if v.size() != 4 {
		t.Errorf("the vocab holds %d words, want 4", v.size())
	}
	if id := v.id("blinken"); id != noWord || names.has(id) || roles.has(id) {
		t.Errorf("an unknown word has number %d and is in a set", id)
	}
	if got := v.numbers([]string{"prime", "putin"}); !slices.Equal(got, []int32{v.id("prime"), noWord}) {
		t.Errorf("numbers = %v", got)
	}
}

// TestInvertListsThePeopleOfEachWord: the people of a word are their ranks,
// in the order the people were given.
func TestInvertListsThePeopleOfEachWord(t *testing.T) {
	held := [][]int32{{0, 2}, {1}, {0, 1, 2}} // people 0, 1, 2 in key order
	rank := []int32{2, 0, 1}                  // their places once sorted
	start, people := invert(held, rank, 4)
	tbl := &speakerTable{start: start, people: people}
	for w, want := range [][]int32{{2, 1}, {0, 1}, {2, 1}, nil} {
		if got := tbl.peopleWith(int32(w)); !slices.Equal(got, want) {
			t.Errorf("word %d: people %v, want %v", w, got, want)
		}
	}
	if got := tbl.peopleWith(noWord); got != nil {
		t.Errorf("an unknown word has people %v", got)
	}
}
