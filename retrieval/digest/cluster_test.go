package digest

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// naiveAverageLinkage is average-linkage clustering the plain way: every
// step scans all pairs of live groups. cluster must agree with it.
func naiveAverageLinkage(vecs []vector, threshold float32) [][]int {
	n := len(vecs)
	sim := make([][]float32, n)
	for i := range sim {
		sim[i] = make([]float32, n)
		for j := range n {
			sim[i][j] = cosine(vecs[i], vecs[j])
		}
	}
	members := make([][]int, n)
	var live []int
	for i := range n {
		members[i], live = []int{i}, append(live, i)
	}
	for {
		bi, bj := -1, -1
		for x, i := range live {
			for _, j := range live[x+1:] {
				if sim[i][j] >= threshold && (bi < 0 || sim[i][j] > sim[bi][bj]) {
					bi, bj = i, j
				}
			}
		}
		if bi < 0 {
			break
		}
		ni, nj := float32(len(members[bi])), float32(len(members[bj]))
		for _, k := range live {
			s := (ni*sim[bi][k] + nj*sim[bj][k]) / (ni + nj)
			sim[bi][k], sim[k][bi] = s, s
		}
		members[bi] = mergeSorted(members[bi], members[bj])
		live = slices.DeleteFunc(live, func(k int) bool { return k == bj })
	}
	var groups [][]int
	for _, i := range live {
		groups = append(groups, members[i])
	}
	return groups
}

func sameGroups(a, b [][]int) bool {
	return slices.EqualFunc(a, b, func(x, y []int) bool { return slices.Equal(x, y) })
}

// randomVectors makes n unit vectors over a small vocabulary, in topics, so
// that groups form and some chain.
func randomVectors(rng *rand.Rand, n int) []vector {
	v := newVocab()
	var docs [][]int32
	for range n {
		topic := rng.IntN(n/4 + 1)
		var terms []int32
		for range 6 + rng.IntN(10) {
			w := rng.IntN(12)
			if rng.IntN(3) > 0 {
				w = topic*5 + rng.IntN(5) + 20 // the topic's words
			}
			terms = append(terms, v.id(string(rune('a'+w%26))+string(rune('a'+w/26))))
		}
		docs = append(docs, terms)
	}
	for _, d := range docs {
		set := slices.Compact(slices.Sorted(slices.Values(d)))
		v.addDoc(set)
	}
	vecs := make([]vector, n)
	for i, d := range docs {
		vecs[i] = v.weigh(d)
	}
	return vecs
}

func TestClusterMatchesNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	merged := 0
	defer func() {
		if merged == 0 {
			t.Error("no test case formed a group: the comparison proves nothing")
		}
	}()
	for _, n := range []int{0, 1, 2, 5, 20, 60, 150} {
		for _, threshold := range []float32{0.1, 0.2, 0.35} {
			vecs := randomVectors(rng, n)
			got, want := cluster(vecs, threshold), naiveAverageLinkage(vecs, threshold)
			slices.SortFunc(want, func(a, b []int) int { return a[0] - b[0] })
			if !sameGroups(got, want) {
				t.Errorf("n=%d threshold=%.2f:\n got  %v\n want %v", n, threshold, got, want)
			}
			merged += n - len(got)
		}
	}
}

// TestClusterRealDays checks cluster against the plain algorithm on the
// days of the realtimeqa corpus's first 2,000 articles.
func TestClusterRealDays(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the realtimeqa corpus")
	}
	byDay := realtimeQA(t, 2000)
	checked := 0
	for day, arts := range byDay {
		if day == "" || len(arts) < 15 {
			continue
		}
		b := newBuilder(arts)
		vecs := make([]vector, len(b.docs))
		for i, d := range b.docs {
			vecs[i] = d.lead
		}
		got, want := cluster(vecs, DefaultStoryThreshold), naiveAverageLinkage(vecs, DefaultStoryThreshold)
		slices.SortFunc(want, func(a, b []int) int { return a[0] - b[0] })
		if !sameGroups(got, want) {
			t.Errorf("%s: got %v, want %v", day, got, want)
		}
		checked++
	}
	t.Logf("%d days checked", checked)
}

// TestClusterBounded: a component beyond maxComponent is split into parts
// no bigger, every item kept once.
func TestClusterBounded(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	vecs := randomVectors(rng, 3*maxComponent)
	// Chain everything: every vector shares a term with the next.
	for i := range vecs {
		id := -1 - int32(i)
		vecs[i] = append(vector{{id: id - 1, w: 3}, {id: id, w: 3}}, vecs[i]...)
		vecs[i].normalize()
	}
	comps := components(vecs, 0.2)
	if len(comps) != 1 {
		t.Fatalf("%d components, want the chain as one", len(comps))
	}
	parts := bounded(vecs, comps[0], 0.2)
	seen := make(map[int]bool)
	for _, p := range parts {
		if len(p) > maxComponent {
			t.Errorf("a part of %d items", len(p))
		}
		for _, i := range p {
			if seen[i] {
				t.Errorf("item %d in two parts", i)
			}
			seen[i] = true
		}
	}
	if len(seen) != len(vecs) {
		t.Errorf("%d items of %d kept", len(seen), len(vecs))
	}
	groups := cluster(vecs, 0.2)
	n := 0
	for _, g := range groups {
		n += len(g)
	}
	if n != len(vecs) {
		t.Errorf("cluster kept %d items of %d", n, len(vecs))
	}
}
