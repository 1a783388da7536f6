package index

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/golang/snappy"
	bolterrors "go.etcd.io/bbolt/errors"
)

const dateLayout = "2006-01-02"

// Keys of the index's internal store.
const (
	internalFormat = "format"
	// InternalMeta holds the build's metadata (JSON), see Meta.
	InternalMeta = "meta"
)

// ErrFormat means the index on disk was written by another version of
// coveragebot and must be rebuilt.
var ErrFormat = errors.New("index format changed")

// ErrBusy means another process holds the index open.
var ErrBusy = errors.New("the index is in use by another coveragebot process (one process owns an index; stop it or choose another --index)")

// lockWait is how long Open waits for another process to let go of the index.
const lockWait = 2 * time.Second

// MaxSegmentDocs is the most documents bleve merges segments into.
//
// bleve merges a plan of segments at once and lets go of the old ones
// when the whole plan is done, reading them through memory maps: with its
// default cap (5 million documents) the plan that merged the largest
// segments of a 76k-article index read nearly all of it, and the pages it
// touched took the build's resident memory from 450 MiB to 1.45 GiB. With
// segments of at most half a million documents (about 250 MB here) the
// peak stays near 510 MiB, and an index of that size keeps a similar
// number of segments to search (26 against 31).
const MaxSegmentDocs = 500_000

// config is the scorch configuration of every index: the cap on merged
// segments, and how long opening waits for another process's lock.
func config() map[string]any {
	return map[string]any{
		"scorchMergePlanOptions": map[string]any{"MaxSegmentSize": MaxSegmentDocs},
		"bolt_timeout":           lockWait.String(),
	}
}

// ErrNotExist means there is no index at the path.
var ErrNotExist = errors.New("no index")

// Index is an open coveragebot index. Its searches are safe for concurrent
// use; writes go through a Writer.
type Index struct {
	b    bleve.Index
	path string
}

// Create makes a new empty index at path (a directory that must not exist),
// or in memory when path is "".
func Create(path string) (*Index, error) {
	return create(path, config())
}

// create is Create with a scorch configuration of the caller's.
func create(path string, cfg map[string]any) (*Index, error) {
	var (
		b   bleve.Index
		err error
	)
	if path == "" {
		b, err = bleve.NewMemOnly(newMapping())
	} else {
		b, err = bleve.NewUsing(path, newMapping(), scorch.Name, scorch.Name, cfg)
	}
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", path, err)
	}
	if err := b.SetInternal([]byte(internalFormat), []byte(FormatVersion)); err != nil {
		_ = b.Close()
		return nil, fmt.Errorf("create index %s: %w", path, err)
	}
	return &Index{b: b, path: path}, nil
}

// Open opens the index at path. It returns an error wrapping ErrNotExist
// when there is none, and one wrapping ErrFormat when it was written in
// another format. Only one process may hold an index open.
func Open(path string) (*Index, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("open index %s: %w", path, ErrNotExist)
	}
	b, err := bleve.OpenUsing(path, config())
	if err != nil {
		if errors.Is(err, bolterrors.ErrTimeout) {
			return nil, fmt.Errorf("open index %s: %w", path, ErrBusy)
		}
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	v, err := b.GetInternal([]byte(internalFormat))
	if err != nil || string(v) != FormatVersion {
		_ = b.Close()
		return nil, fmt.Errorf("open index %s: has %q, want %q: %w", path, v, FormatVersion, ErrFormat)
	}
	return &Index{b: b, path: path}, nil
}

// Path is where the index lives ("" in memory).
func (ix *Index) Path() string { return ix.path }

// Close closes the index.
func (ix *Index) Close() error {
	if err := ix.b.Close(); err != nil {
		return fmt.Errorf("close index %s: %w", ix.path, err)
	}
	return nil
}

// Internal reads a value of the index's own store (nil when unset).
func (ix *Index) Internal(key string) ([]byte, error) {
	v, err := ix.b.GetInternal([]byte(key))
	if err != nil {
		return nil, fmt.Errorf("read %s of index %s: %w", key, ix.path, err)
	}
	if key == internalFormat {
		return v, nil
	}
	if v, err = unpack(v); err != nil {
		return nil, fmt.Errorf("read %s of index %s: %w", key, ix.path, err)
	}
	return v, nil
}

// SetInternal writes a value of the index's own store at once.
func (ix *Index) SetInternal(key string, val []byte) error {
	if key != internalFormat {
		val = pack(val)
	}
	if err := ix.b.SetInternal([]byte(key), val); err != nil {
		return fmt.Errorf("write %s of index %s: %w", key, ix.path, err)
	}
	return nil
}

// pack compresses a value of the index's own store. bleve copies the
// whole store into every snapshot it persists and into memory when the
// index opens: at ten years of coverage the speakers and the files'
// articles are megabytes of text that compress several times over.
func pack(val []byte) []byte {
	if val == nil {
		return nil
	}
	return snappy.Encode(nil, val)
}

// unpack reads what pack wrote; nil stays nil. The format is never
// packed: every version reads it before anything else.
func unpack(v []byte) ([]byte, error) {
	if v == nil {
		return nil, nil
	}
	out, err := snappy.Decode(nil, v)
	if err != nil {
		return nil, fmt.Errorf("a damaged value: %w", err)
	}
	return out, nil
}

// DocCount is the number of documents of all types.
func (ix *Index) DocCount() (uint64, error) { return ix.b.DocCount() }
