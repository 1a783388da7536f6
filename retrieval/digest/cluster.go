package digest

// cluster groups items into stories by average-linkage agglomerative
// clustering: the two groups whose members are most alike on average are
// merged, again and again, while that average cosine reaches threshold.
// Average linkage keeps one loose pair from chaining two events into one
// story, as single linkage would. It returns the groups as lists of item
// indexes, each in ascending order, the groups ordered by their first item.
func cluster(vecs []vector, threshold float32) [][]int {
	n := len(vecs)
	// sim holds the average linkage between live groups, indexed by the
	// group's first item; members lists each live group's items.
	sim := make([][]float32, n)
	for i := range sim {
		sim[i] = make([]float32, n)
	}
	for i := range n {
		for j := i + 1; j < n; j++ {
			s := cosine(vecs[i], vecs[j])
			sim[i][j], sim[j][i] = s, s
		}
	}
	members := make([][]int, n)
	live := make([]int, n)
	for i := range n {
		members[i] = []int{i}
		live[i] = i
	}
	for {
		bi, bj, best := -1, -1, threshold
		for x, i := range live {
			for _, j := range live[x+1:] {
				if s := sim[i][j]; s >= best && (bi < 0 || s > best) {
					bi, bj, best = i, j, s
				}
			}
		}
		if bi < 0 {
			break
		}
		// Lance–Williams update for average linkage.
		ni, nj := float32(len(members[bi])), float32(len(members[bj]))
		for _, k := range live {
			if k == bi || k == bj {
				continue
			}
			s := (ni*sim[bi][k] + nj*sim[bj][k]) / (ni + nj)
			sim[bi][k], sim[k][bi] = s, s
		}
		members[bi] = mergeSorted(members[bi], members[bj])
		members[bj] = nil
		for x, k := range live {
			if k == bj {
				live = append(live[:x], live[x+1:]...)
				break
			}
		}
	}
	groups := make([][]int, 0, len(live))
	for _, i := range live {
		groups = append(groups, members[i])
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
