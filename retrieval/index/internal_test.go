package index

import (
	"bytes"
	"strings"
	"testing"
)

// TestInternalPacked: values of the index's own store read back as
// written, though stored compressed; an unset key is nil; a damaged value
// is an error naming its key; the format stays plain for every version to
// read.
func TestInternalPacked(t *testing.T) {
	ix := memIndex(t)
	val := bytes.Repeat([]byte("ann lee\t3\t2023-04=2 2023-03=1\tnAnn Lee\x1e3\n"), 1000)
	if err := ix.SetInternal("speakers", val); err != nil {
		t.Fatal(err)
	}
	got, err := ix.Internal("speakers")
	if err != nil || !bytes.Equal(got, val) {
		t.Fatalf("read back %d bytes, %v; want the %d written", len(got), err, len(val))
	}
	stored, err := ix.b.GetInternal([]byte("speakers"))
	if err != nil || len(stored)*4 > len(val) {
		t.Errorf("stored %d bytes of %d, %v; want it compressed", len(stored), len(val), err)
	}
	if v, err := ix.Internal("unset"); v != nil || err != nil {
		t.Errorf("an unset key: %q, %v", v, err)
	}
	if err := ix.b.SetInternal([]byte("meta"), []byte("\xff\xff\xff\xffnot snappy")); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Internal("meta"); err == nil || !strings.Contains(err.Error(), "meta") {
		t.Errorf("a damaged value: %v, want an error naming it", err)
	}
	if v, err := ix.b.GetInternal([]byte(internalFormat)); err != nil || string(v) != FormatVersion {
		t.Errorf("format stored as %q, %v; want %q plain", v, err, FormatVersion)
	}
}
