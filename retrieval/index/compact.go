package index

import (
	"context"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// CompactDocs bounds the segments Compact makes: it merges the segments of
// fewer than CompactDocs/2 documents into segments of at most CompactDocs.
//
// A build leaves a long tail of small segments (bleve keeps up to ten per
// size tier: 15 segments for 7.6k articles, 26 for 38k), and every search
// looks each of its terms up in every segment. Merging only the small ones
// reads little (tried on 76k articles: about 150 MB resident, where
// merging everything mapped the whole index, 1.6 GB), and leaves 2
// segments for 7.6k articles, 9 for 38k.
const CompactDocs = 200_000

// CompactMaxDocs is the most documents an index Compact merges may hold.
// bleve's own merge policy sizes its first tier by the smallest segment:
// once the tail is merged, an index of more documents than this holds
// more segments of the first tier than the policy allows, and the next
// time it is opened bleve merges the large ones again (at 76k articles,
// 3.4 million documents, 18 s mapping 1 GB of the index). Such an index
// keeps bleve's tiers.
const CompactMaxDocs = 5 * MaxSegmentDocs

// compactMaxDocs is CompactMaxDocs, smaller in tests.
var compactMaxDocs uint64 = CompactMaxDocs

// Compact merges the small segments of an index whose writing is done (see
// CompactDocs), so that searches visit fewer of them, and waits until
// bleve has saved the merged list of segments. An index in memory, or of
// more than CompactMaxDocs documents, is left as it is. It returns ctx's
// error when ctx ends first; the index is then as whole as before, with
// fewer segments or not.
func (ix *Index) Compact(ctx context.Context) error {
	if ix.path == "" {
		return nil
	}
	n, err := ix.b.DocCount()
	if err != nil {
		return fmt.Errorf("compact index %s: %w", ix.path, err)
	}
	if n > compactMaxDocs {
		return nil
	}
	adv, err := ix.b.Advanced()
	if err != nil {
		return fmt.Errorf("compact index %s: %w", ix.path, err)
	}
	sc, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil
	}
	// bleve merges only what it has written to disk: let it write the
	// last batches first.
	if err := ix.persisted(ctx); err != nil {
		return fmt.Errorf("compact index %s: %w", ix.path, err)
	}
	// One tier: every segment under half the cap is a candidate, and as
	// few segments as the cap allows are made of them.
	opts := mergeplan.DefaultMergePlanOptions
	opts.MaxSegmentsPerTier = 1
	opts.TierGrowth = 1
	opts.MaxSegmentSize = CompactDocs
	opts.FloorSegmentSize = CompactDocs
	opts.SegmentsPerMergeTask = 100
	if err := sc.ForceMerge(ctx, &opts); err != nil {
		return fmt.Errorf("compact index %s: %w", ix.path, err)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("compact index %s: %w", ix.path, err)
	}
	if err := ix.persisted(ctx); err != nil {
		return fmt.Errorf("compact index %s: %w", ix.path, err)
	}
	return nil
}

// persistWait bounds how long Compact waits for bleve to write the index
// to disk, before and after merging; past it, it goes on without.
const persistWait = time.Minute

// persisted waits until bleve has written the index as it stands to disk:
// no segment held in memory only, and the list of segments (the root)
// saved. bleve merges only what is on disk, and an index closed before the
// root is saved opens again with the segments of the last one saved.
func (ix *Index) persisted(ctx context.Context) error {
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	deadline := time.Now().Add(persistWait)
	for time.Now().Before(deadline) {
		st := ix.stats()
		if st["num_root_memorysegments"] == 0 && st["LastPersistedEpoch"] >= st["CurRootEpoch"] {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
	}
	return nil
}

// Segments is the number of segments the index's searches visit.
func (ix *Index) Segments() int {
	st := ix.stats()
	return int(st["num_root_filesegments"] + st["num_root_memorysegments"])
}

// stats are scorch's counters of the index.
func (ix *Index) stats() map[string]uint64 {
	out := map[string]uint64{}
	st, _ := ix.b.StatsMap()["index"].(map[string]any)
	for k, v := range st {
		if n, ok := v.(uint64); ok {
			out[k] = n
		}
	}
	return out
}
