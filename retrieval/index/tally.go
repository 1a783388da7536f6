package index

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/coveragebot/coveragebot/retrieval/quote"
)

// internalSpeakers is the key of the tally of speakers in the index's
// internal store.
const internalSpeakers = "speakers"

// tally counts, for each speaker key, the statements, the ways the text
// names the speaker and the months they were made in. The writer keeps it
// as it adds and deletes statements and saves it with its last batch, so
// that the speakers are read in one piece when the index opens.
//
// It is counted, not read back from the term dictionary: bleve's
// dictionary iterator (zapx v17.2.3) gives a count of 1 for every term
// read after a term held by a single document in a merged segment
// (blevesearch/zapx#445), and counts of the sort are what rank speakers.
type tally map[string]*tallied

type tallied struct {
	N      int
	Forms  map[string]int // kind letter + form (see statementForms) → statements
	Months map[string]int // YYYY-MM ("0000-00": undated) → statements
}

// add counts one statement of key (delta 1) or takes one away (-1).
func (t tally) add(key string, forms []string, month string, delta int) {
	e := t[key]
	if e == nil {
		e = &tallied{Forms: map[string]int{}, Months: map[string]int{}}
		t[key] = e
	}
	e.N += delta
	bump(e.Forms, forms, delta)
	bump(e.Months, []string{month}, delta)
	if e.N <= 0 {
		delete(t, key)
	}
}

func bump(m map[string]int, keys []string, delta int) {
	for _, k := range keys {
		if m[k] += delta; m[k] <= 0 {
			delete(m, k)
		}
	}
}

// storedTally is how the tally is kept in the index: a speaker's months as
// one string ("2023-05=3 2023-04=1", newest first), read only for the
// speakers a question needs them for. A ten-year coverage has hundreds of
// thousands of them, and opening the index should not wait for them.
type storedTally map[string]*storedSpeaker

type storedSpeaker struct {
	N      int            `json:"n"`
	Forms  map[string]int `json:"f"`
	Months string         `json:"m"`
}

// MarshalJSON writes the tally as it is stored (storedTally).
func (t tally) MarshalJSON() ([]byte, error) {
	st := make(storedTally, len(t))
	for k, e := range t {
		st[k] = &storedSpeaker{N: e.N, Forms: e.Forms, Months: encodeMonths(e.Months)}
	}
	return json.Marshal(st)
}

// encodeMonths writes months newest first.
func encodeMonths(m map[string]int) string {
	ms := make([]string, 0, len(m))
	for k := range m {
		ms = append(ms, k)
	}
	sort.Sort(sort.Reverse(sort.StringSlice(ms)))
	var b strings.Builder
	for i, k := range ms {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(strconv.Itoa(m[k]))
	}
	return b.String()
}

// MonthCount is a number of statements made in a month.
type MonthCount struct {
	Month string // YYYY-MM; "0000-00" for undated articles
	N     int
}

// decodeMonths reads what encodeMonths wrote, newest first.
func decodeMonths(s string) ([]MonthCount, error) {
	var out []MonthCount
	for f := range strings.FieldsSeq(s) {
		m, n, ok := strings.Cut(f, "=")
		c, err := strconv.Atoi(n)
		if !ok || err != nil || len(m) != len("0000-00") {
			return nil, fmt.Errorf("a month of the tally of speakers: %q", f)
		}
		out = append(out, MonthCount{m, c})
	}
	return out, nil
}

// readStored reads the tally as stored; an index without one has none.
func (ix *Index) readStored() (storedTally, error) {
	raw, err := ix.Internal(internalSpeakers)
	if err != nil {
		return nil, err
	}
	st := storedTally{}
	if raw == nil {
		return st, nil
	}
	if err := json.Unmarshal(raw, &st); err != nil {
		return nil, fmt.Errorf("read the speakers of index %s: %w", ix.path, err)
	}
	return st, nil
}

// readTally reads the index's tally, whole, to change it.
func (ix *Index) readTally() (tally, error) {
	st, err := ix.readStored()
	if err != nil {
		return nil, err
	}
	t := make(tally, len(st))
	for k, e := range st {
		ms, err := decodeMonths(e.Months)
		if err != nil {
			return nil, fmt.Errorf("read the speakers of index %s: %s: %w", ix.path, k, err)
		}
		months := make(map[string]int, len(ms))
		for _, m := range ms {
			months[m.Month] = m.N
		}
		if e.Forms == nil {
			e.Forms = map[string]int{}
		}
		t[k] = &tallied{N: e.N, Forms: e.Forms, Months: months}
	}
	return t, nil
}

// tallyOf reads back what the statements of an indexed article (of n
// paragraphs) added to the tally, so that deleting it can take that away.
func (ix *Index) tallyOf(id string, n int) ([]tallyEntry, error) {
	recs, err := ix.statementsIn(context.Background(), map[string]int{id: n})
	if err != nil {
		return nil, fmt.Errorf("read the statements of article %s: %w", id, err)
	}
	out := make([]tallyEntry, 0, len(recs))
	for _, r := range recs {
		out = append(out, tallyEntry{key: r.Key, month: monthOf(r.Date), forms: r.Forms})
	}
	return out, nil
}

type tallyEntry struct {
	key, month string
	forms      []string
}

// Speaker is one speaker known to the index.
type Speaker struct {
	Key        string
	Statements int      // statements attributed to the speaker
	Names      []string // canonical names, most frequent first
	Written    []string // the speaker as the text names them
	Roles      []string
	Aliases    []string
	months     string // see storedTally
}

// Months returns the speaker's statements by month, newest first.
func (s Speaker) Months() ([]MonthCount, error) { return decodeMonths(s.months) }

// Speakers lists every speaker with statements, in key order.
func (ix *Index) Speakers() ([]Speaker, error) {
	t, err := ix.readStored()
	if err != nil {
		return nil, err
	}
	out := make([]Speaker, 0, len(t))
	for key, e := range t {
		s := Speaker{Key: key, Statements: e.N, months: e.Months}
		byKind := map[byte][]string{}
		for f := range e.Forms {
			if f != "" {
				byKind[f[0]] = append(byKind[f[0]], f)
			}
		}
		list := func(kind byte) []string {
			fs := byKind[kind]
			sort.Slice(fs, func(i, j int) bool {
				if e.Forms[fs[i]] != e.Forms[fs[j]] {
					return e.Forms[fs[i]] > e.Forms[fs[j]]
				}
				return fs[i] < fs[j]
			})
			out := make([]string, len(fs))
			for i, f := range fs {
				out[i] = f[1:]
			}
			return out
		}
		s.Names, s.Written, s.Roles, s.Aliases = list('n'), list('s'), list('r'), list('a')
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out, nil
}

// statementForms lists the ways a statement names its speaker, each as a
// kind letter and the form: n(ame), s(poken as), r(ole), a(lias).
func statementForms(q quote.Quote) []string {
	seen := map[string]bool{}
	var out []string
	add := func(kind, v string) {
		if v == "" || seen[kind+v] {
			return
		}
		seen[kind+v] = true
		out = append(out, kind+v)
	}
	add("n", q.Name)
	add("s", q.Speaker)
	add("r", q.Role)
	for _, al := range q.Aliases {
		add("a", al)
	}
	return out
}
