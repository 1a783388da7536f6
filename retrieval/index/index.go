package index

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/blevesearch/bleve/v2"
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
	var (
		b   bleve.Index
		err error
	)
	if path == "" {
		b, err = bleve.NewMemOnly(newMapping())
	} else {
		b, err = bleve.New(path, newMapping())
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
	b, err := bleve.OpenUsing(path, map[string]any{"bolt_timeout": lockWait.String()})
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
