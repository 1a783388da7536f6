package digest

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// vocab numbers the terms of one day's coverage and knows in how many of the
// day's articles each appears (its document frequency).
type vocab struct {
	ids  map[string]int32
	df   []int32
	docs int
}

func newVocab() *vocab { return &vocab{ids: make(map[string]int32)} }

// id returns the number of term, adding it when new.
func (v *vocab) id(term string) int32 {
	if id, ok := v.ids[term]; ok {
		return id
	}
	id := int32(len(v.df))
	v.ids[term] = id
	v.df = append(v.df, 0)
	return id
}

// lookup returns the number of a known term.
func (v *vocab) lookup(term string) (int32, bool) {
	id, ok := v.ids[term]
	return id, ok
}

// addDoc counts one article holding the given distinct terms.
func (v *vocab) addDoc(set []int32) {
	v.docs++
	for _, id := range set {
		v.df[id]++
	}
}

// idf is the smoothed inverse document frequency of a term: a term found in
// every article still weighs 1, so a day of two articles about one event
// still finds them alike.
func (v *vocab) idf(id int32) float32 {
	return float32(math.Log(float64(v.docs+1)/float64(v.df[id]+1)) + 1)
}

// vector is a sparse term vector, sorted by term id, of unit length.
type vector []entry

type entry struct {
	id int32
	w  float32
}

// weigh builds the unit TF-IDF vector of the terms (with repeats).
func (v *vocab) weigh(terms []int32) vector {
	if len(terms) == 0 {
		return nil
	}
	sorted := slices.Clone(terms)
	slices.Sort(sorted)
	vec := make(vector, 0, len(sorted))
	for i := 0; i < len(sorted); {
		j := i
		for j < len(sorted) && sorted[j] == sorted[i] {
			j++
		}
		tf := 1 + float32(math.Log(float64(j-i)))
		vec = append(vec, entry{id: sorted[i], w: tf * v.idf(sorted[i])})
		i = j
	}
	vec.normalize()
	return vec
}

func (vec vector) normalize() {
	var sum float64
	for _, e := range vec {
		sum += float64(e.w) * float64(e.w)
	}
	if sum == 0 {
		return
	}
	n := float32(1 / math.Sqrt(sum))
	for i := range vec {
		vec[i].w *= n
	}
}

// cosine of two unit vectors.
func cosine(a, b vector) float32 {
	var dot float32
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].id < b[j].id:
			i++
		case a[i].id > b[j].id:
			j++
		default:
			dot += a[i].w * b[j].w
			i++
			j++
		}
	}
	return dot
}

// centroid is the unit mean of vectors.
func centroid(vecs []vector) vector {
	sum := make(map[int32]float32)
	for _, v := range vecs {
		for _, e := range v {
			sum[e.id] += e.w
		}
	}
	c := make(vector, 0, len(sum))
	for id, w := range sum {
		c = append(c, entry{id: id, w: w})
	}
	slices.SortFunc(c, func(a, b entry) int { return int(a.id - b.id) })
	c.normalize()
	return c
}

// words splits text into lower-case words: runs of letters and digits,
// apostrophes inside a word kept ("don't"), a possessive 's dropped.
func words(text string, fn func(w string)) {
	var buf []byte
	flush := func() {
		if len(buf) == 0 {
			return
		}
		w := string(buf)
		buf = buf[:0]
		w = strings.TrimSuffix(w, "'s")
		w = strings.Trim(w, "'")
		if w != "" {
			fn(w)
		}
	}
	for _, r := range text {
		switch {
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
			buf = append(buf, byte(r))
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			buf = append(buf, byte(r)+'a'-'A')
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		case (r == '\'' || r == '’') && len(buf) > 0:
			buf = append(buf, '\'')
		default:
			flush()
		}
	}
	flush()
}

// wordCount counts the words of text as words splits them.
func wordCount(text string) int {
	n := 0
	words(text, func(string) { n++ })
	return n
}

// terms returns the content terms of text: its words less stop words and
// bare numbers, lightly stemmed (a plural s dropped) so "talks" meets "talk".
func terms(text string, fn func(t string)) {
	words(text, func(w string) {
		if stopwords[w] || isNumber(w) {
			return
		}
		fn(stem(w))
	})
}

func stem(w string) string {
	if len(w) > 4 && strings.HasSuffix(w, "ies") {
		return w[:len(w)-3] + "y"
	}
	if len(w) > 3 && w[len(w)-1] == 's' && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") {
		return w[:len(w)-1]
	}
	return w
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// stopwords are English function words and the reporting words every news
// article carries, which say nothing about which event it covers.
var stopwords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`a about above after again against all also am an and any are aren't as at
		be because been before being below between both but by can can't cannot could couldn't did didn't do does
		doesn't doing don't down during each few for from further had hadn't has hasn't have haven't having he
		he'd he'll her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't
		it it's its itself let's me more most mustn't my myself no nor not of off on once only or other ought our
		ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some such than that
		that's the their theirs them themselves then there there's these they they'd they'll they're they've this
		those through to too under until up very was wasn't we we'd we'll we're we've were weren't what what's
		when when's where where's which while who who's whom why why's will with won't would wouldn't you you'd
		you'll you're you've your yours yourself yourselves
		said says say saying told tell according just like get got one two new year years since may might
		also however many much even still last first time week day monday tuesday wednesday thursday friday
		saturday sunday people s t mr mrs ms dr`) {
		m[w] = true
	}
	return m
}()
