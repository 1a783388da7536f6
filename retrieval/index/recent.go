package index

import (
	"fmt"
	"slices"
	"strings"
)

// RecentBuckets returns the month buckets of the newest statements of the
// speakers sp, at least atLeast statements when they made that many (every
// bucket otherwise), for StatementQuery.Buckets. A question about a much
// quoted speaker with no topic then sorts a few hundred statements by
// date, not every statement the speaker made.
func RecentBuckets(sp []Speaker, atLeast int) ([]string, error) {
	type bucket struct {
		term, month string
		n           int
	}
	var all []bucket
	for _, s := range sp {
		ms, err := s.Months()
		if err != nil {
			return nil, fmt.Errorf("the months of %s: %w", s.Key, err)
		}
		for _, m := range ms {
			all = append(all, bucket{s.Key + formSep + m.Month, m.Month, m.N})
		}
	}
	// Newest first; the months of several speakers interleave.
	slices.SortFunc(all, func(a, b bucket) int {
		if c := strings.Compare(b.month, a.month); c != 0 {
			return c
		}
		return strings.Compare(a.term, b.term)
	})
	var out []string
	n := 0
	for i, b := range all {
		if n >= atLeast && b.month != all[i-1].month {
			break
		}
		out = append(out, b.term)
		n += b.n
	}
	return out, nil
}
