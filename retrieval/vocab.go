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
	ids   map[string]int32 // each key a substring of one string
	words []string         // by number
}

// noWord is the number of a word the table does not know.
const noWord = -1

// id is the number of w, or noWord.
func (v *vocab) id(w string) int32 {
	if i, ok := v.ids[w]; ok {
		return i
	}
	return noWord
}

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
// that the words a person was built from can be collected.
func (b *vocabBuilder) vocab() *vocab {
	n := 0
	for _, w := range b.words {
		n += len(w)
	}
	var sb strings.Builder
	sb.Grow(n)
	for _, w := range b.words {
		sb.WriteString(w)
	}
	all := sb.String()
	v := &vocab{ids: make(map[string]int32, len(b.words)), words: make([]string, len(b.words))}
	at := 0
	for i, w := range b.words {
		s := all[at : at+len(w)]
		at += len(w)
		v.words[i] = s
		v.ids[s] = int32(i)
	}
	return v
}
