package quote

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// TestTokenArraysReused checks that an article's statements stay what they
// were while later articles reuse its array of tokens, a short article
// after a long one and a long one after a short one.
func TestTokenArraysReused(t *testing.T) {
	short := segment("short", `“We will rebuild,” Mayor Ann Lee said on Tuesday. She added that the bridge would open in May.`)
	var b strings.Builder
	for i := range 400 {
		fmt.Fprintf(&b, "“Line %d is open,” said Transport Minister Bo Chen. ", i)
	}
	long := segment("long", b.String())

	first := Extract(short)
	kept := deepCopy(first)
	if len(first) != 2 {
		t.Fatalf("short article: %d statements, want 2: %+v", len(first), first)
	}
	for range 3 {
		if got := Extract(long); len(got) != 400 || got[399].Name != "Bo Chen" {
			t.Fatalf("long article: %d statements, the last %+v", len(got), got[len(got)-1])
		}
		if again := Extract(short); !reflect.DeepEqual(again, kept) {
			t.Fatalf("short article read again:\n got %+v\nwant %+v", again, kept)
		}
	}
	if !reflect.DeepEqual(first, kept) {
		t.Errorf("statements changed after their tokens were reused:\n got %+v\nwant %+v", first, kept)
	}
}

func deepCopy(qs []Quote) []Quote {
	out := make([]Quote, len(qs))
	for i, q := range qs {
		q.Aliases = append([]string(nil), q.Aliases...)
		for _, s := range []*string{&q.Speaker, &q.Name, &q.Role, &q.Cue, &q.Text, &q.Sentence, &q.Rule} {
			*s = strings.Clone(*s)
		}
		out[i] = q
	}
	return out
}
