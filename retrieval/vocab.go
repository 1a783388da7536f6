package retrieval

import (
	"slices"
	"strings"
)

// vocab numbers the words of the table of speakers. The table lives as
// long as an index is open, so its shape is what the garbage collector
// marks on every cycle: a map of words per person (four of them, for
// 32,000 speakers) was a million objects to mark, and the answers that ran
// during a collection were the slowest. With every word numbered once, a
// person's sets of words are sorted numbers that hold no pointers, and the
// words themselves are one string.
type vocab struct {
	all    string   // the words, one after the other
	ends   []uint32 // where word i ends in all (it starts where i-1 ends)
	sorted []int32  // the word numbers in the order of their words
}

// noWord is the number of a word the table does not know.
const noWord = -1

// id is the number of w, or noWord.
func (v *vocab) id(w string) int32 {
	i, ok := slices.BinarySearchFunc(v.sorted, w, func(id int32, w string) int { return strings.Compare(v.word(id), w) })
	if !ok {
		return noWord
	}
	return v.sorted[i]
}

// word is the word numbered id.
func (v *vocab) word(id int32) string {
	start := uint32(0)
	if id > 0 {
		start = v.ends[id-1]
	}
	return v.all[start:v.ends[id]]
}

// size is how many words the vocab numbers (0 to size-1).
func (v *vocab) size() int { return len(v.ends) }

// numbers are the numbers of ws, in order (noWord for the unknown).
func (v *vocab) numbers(ws []string) []int32 {
	out := make([]int32, len(ws))
	for i, w := range ws {
		out[i] = v.id(w)
	}
	return out
}

// wordSet is a set of word numbers, sorted.
type wordSet []int32

func (s wordSet) has(id int32) bool {
	if id == noWord {
		return false
	}
	_, ok := slices.BinarySearch(s, id)
	return ok
}

// vocabBuilder numbers words as a table is built.
type vocabBuilder struct {
	ids   map[string]int32
	words []string
}

func newVocabBuilder() *vocabBuilder { return &vocabBuilder{ids: map[string]int32{}} }

// number returns w's number, giving it the next one if it has none.
func (b *vocabBuilder) number(w string) int32 {
	if i, ok := b.ids[w]; ok {
		return i
	}
	i := int32(len(b.words))
	b.ids[w] = i
	b.words = append(b.words, w)
	return i
}

// set numbers ws and appends their set (sorted, without repeats) to buf,
// returning the longer buf and the set, a slice of it that appending to
// cannot overwrite.
func (b *vocabBuilder) set(buf []int32, ws []string) ([]int32, wordSet) {
	start := len(buf)
	for _, w := range ws {
		buf = append(buf, b.number(w))
	}
	slices.Sort(buf[start:])
	buf = append(buf[:start], slices.Compact(buf[start:])...)
	return buf, wordSet(buf[start:len(buf):len(buf)])
}

// vocab is the finished vocabulary: the words copied into one string, so
// that the words a person was built from can be collected, and found by
// a binary search over their numbers, which holds no pointers to mark.
func (b *vocabBuilder) vocab() *vocab {
	n := 0
	for _, w := range b.words {
		n += len(w)
	}
	var sb strings.Builder
	sb.Grow(n)
	v := &vocab{ends: make([]uint32, len(b.words)), sorted: make([]int32, len(b.words))}
	for i, w := range b.words {
		sb.WriteString(w)
		v.ends[i] = uint32(sb.Len())
	}
	v.all = sb.String()
	// Sorting the words themselves, then keeping their numbers, compares
	// strings where they are, not cut out of all at every step.
	type numbered struct {
		w  string
		id int32
	}
	byWord := make([]numbered, len(b.words))
	for i, w := range b.words {
		byWord[i] = numbered{w, int32(i)}
	}
	slices.SortFunc(byWord, func(a, b numbered) int { return strings.Compare(a.w, b.w) })
	for i, n := range byWord {
		v.sorted[i] = n.id
	}
	return v
}
