package digest

import "slices"

// cluster groups items into stories by average-linkage agglomerative
// clustering: the two groups whose members are most alike on average are
// merged, again and again, while that average cosine reaches threshold.
// Average linkage keeps one loose pair from chaining two events into one
// story, as single linkage would. It returns the groups as lists of item
// indexes, each in ascending order, the groups ordered by their first item.
//
// Two groups whose average reaches threshold hold at least one pair that
// does, so no group ever spans two components of the graph linking the
// pairs at or above threshold: the clustering runs within each component,
// and only those pairs are ever compared among all the items, through an
// inverted index. A day of thousands of articles stays quick (see also
// maxComponent).
func cluster(vecs []vector, threshold float32) [][]int {
	var groups [][]int
	// The components link pairs a hair below threshold too, so that a
	// pair the inverted index sums a rounding error lower is not lost.
	for _, big := range components(vecs, threshold-1e-4) {
		for _, comp := range bounded(vecs, big, threshold-1e-4) {
			if len(comp) == 1 {
				groups = append(groups, comp)
				continue
			}
			groups = append(groups, averageLinkage(vecs, comp, threshold)...)
		}
	}
	slices.SortFunc(groups, func(a, b []int) int { return a[0] - b[0] })
	return groups
}

// maxComponent bounds the items clustered together. Loose links can chain
// a day of thousands of articles (a whole undated corpus added at once)
// into one component; such a component is split by linking only closer
// pairs, step by step, until every part is small enough. Groups then
// cannot span two parts: exact up to maxComponent, an approximation beyond.
const maxComponent = 500

// bounded splits a component (ascending items linked at linkAt) into parts
// of at most maxComponent items.
func bounded(vecs []vector, items []int, linkAt float32) [][]int {
	if len(items) <= maxComponent {
		return [][]int{items}
	}
	const step = 0.05
	sub := make([]vector, len(items))
	for i, it := range items {
		sub[i] = vecs[it]
	}
	var parts [][]int
	for _, c := range components(sub, linkAt+step) {
		for i, x := range c {
			c[i] = items[x]
		}
		parts = append(parts, bounded(vecs, c, linkAt+step)...)
	}
	return parts
}

// components returns the connected components of the graph linking the
// items whose cosine reaches threshold, each in ascending order.
func components(vecs []vector, threshold float32) [][]int {
	n := len(vecs)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	// postings[term] lists the items before the current one holding term.
	postings := make(map[int32][]posting)
	acc := make([]float32, n)
	var touched []int
	for i, v := range vecs {
		for _, e := range v {
			for _, p := range postings[e.id] {
				if acc[p.item] == 0 {
					touched = append(touched, p.item)
				}
				acc[p.item] += e.w * p.w
			}
		}
		for _, j := range touched {
			if acc[j] >= threshold {
				if a, b := find(i), find(j); a != b {
					parent[max(a, b)] = min(a, b)
				}
			}
			acc[j] = 0
		}
		touched = touched[:0]
		for _, e := range v {
			postings[e.id] = append(postings[e.id], posting{item: i, w: e.w})
		}
	}
	byRoot := make(map[int][]int)
	var roots []int
	for i := range n {
		r := find(i)
		if _, ok := byRoot[r]; !ok {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], i)
	}
	comps := make([][]int, len(roots))
	for k, r := range roots {
		comps[k] = byRoot[r]
	}
	return comps
}

type posting struct {
	item int
	w    float32
}

// averageLinkage clusters the given items (ascending indexes into vecs).
// Each live group keeps its nearest neighbour, so a merge costs a pass over
// the groups rather than over all pairs.
func averageLinkage(vecs []vector, items []int, threshold float32) [][]int {
	m := len(items)
	sim := make([][]float32, m)
	for i := range sim {
		sim[i] = make([]float32, m)
	}
	for i := range m {
		for j := i + 1; j < m; j++ {
			s := cosine(vecs[items[i]], vecs[items[j]])
			sim[i][j], sim[j][i] = s, s
		}
	}
	members := make([][]int, m)
	alive := make([]bool, m)
	for i := range m {
		members[i] = []int{items[i]}
		alive[i] = true
	}
	best := make([]int, m) // nearest live neighbour, -1 if none
	nearest := func(i int) {
		best[i] = -1
		for k := range m {
			if k != i && alive[k] && (best[i] < 0 || sim[i][k] > sim[i][best[i]]) {
				best[i] = k
			}
		}
	}
	for i := range m {
		nearest(i)
	}
	for {
		a := -1
		for i := range m {
			if alive[i] && best[i] >= 0 && sim[i][best[i]] >= threshold && (a < 0 || sim[i][best[i]] > sim[a][best[a]]) {
				a = i
			}
		}
		if a < 0 {
			break
		}
		a, b := min(a, best[a]), max(a, best[a])
		// Lance–Williams update for average linkage.
		na, nb := float32(len(members[a])), float32(len(members[b]))
		for k := range m {
			if alive[k] && k != a && k != b {
				s := (na*sim[a][k] + nb*sim[b][k]) / (na + nb)
				sim[a][k], sim[k][a] = s, s
			}
		}
		members[a] = mergeSorted(members[a], members[b])
		members[b], alive[b] = nil, false
		for k := range m {
			if !alive[k] || k == a {
				continue
			}
			switch {
			case best[k] == a || best[k] == b:
				nearest(k)
			case sim[k][a] > sim[k][best[k]] || sim[k][a] == sim[k][best[k]] && a < best[k]:
				best[k] = a
			}
		}
		nearest(a)
	}
	var groups [][]int
	for i := range m {
		if alive[i] {
			groups = append(groups, members[i])
		}
	}
	return groups
}

func mergeSorted(a, b []int) []int {
	out := make([]int, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0] < b[0] {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}
