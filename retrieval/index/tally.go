package index

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

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

// The tally is kept in the index as text, one line a speaker in key
// order, so that opening an index reads the speakers without decoding or
// sorting anything but what a question needs:
//
//	key TAB statements TAB months TAB forms
//
// months as encodeMonths writes them (a ten-year coverage has hundreds of
// thousands: they are read only for the speakers a question needs), and
// forms by kind (n, s, r, a: see statementForms), each kind's most
// frequent first, each as its kind letter, the form, RS and its count,
// separated by US. statementForms keeps those separators out of forms,
// and NameKey out of keys.
const (
	tallyForms = "\x1f" // between forms
	tallyCount = "\x1e" // between a form and its count
)

// formKinds are the kinds of forms, in the order they are stored.
const formKinds = "nsra"

// encode writes the tally as it is stored.
func (t tally) encode() []byte {
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		e := t[k]
		b.WriteString(k)
		b.WriteByte('\t')
		b.WriteString(strconv.Itoa(e.N))
		b.WriteByte('\t')
		b.WriteString(encodeMonths(e.Months))
		b.WriteByte('\t')
		for i, f := range sortedForms(e.Forms) {
			if i > 0 {
				b.WriteString(tallyForms)
			}
			b.WriteString(f)
			b.WriteString(tallyCount)
			b.WriteString(strconv.Itoa(e.Forms[f]))
		}
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// sortedForms orders forms by kind (formKinds), then most frequent first,
// then alphabetically.
func sortedForms(forms map[string]int) []string {
	fs := make([]string, 0, len(forms))
	for f := range forms {
		if f != "" {
			fs = append(fs, f)
		}
	}
	sort.Slice(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if ka, kb := strings.IndexByte(formKinds, a[0]), strings.IndexByte(formKinds, b[0]); ka != kb {
			return ka < kb
		}
		if forms[a] != forms[b] {
			return forms[a] > forms[b]
		}
		return a < b
	})
	return fs
}

// storedSpeaker is one line of the stored tally, its forms still joined.
type storedSpeaker struct {
	key    string
	n      int
	months string
	forms  string
}

// eachStored calls f with each speaker of a stored tally, in key order.
func eachStored(raw []byte, f func(storedSpeaker) error) error {
	for n, line := range strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n") {
		if line == "" {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 4 {
			return fmt.Errorf("line %d: %d fields, want 4", n+1, len(parts))
		}
		count, err := strconv.Atoi(parts[1])
		if err != nil {
			return fmt.Errorf("line %d: statements %q", n+1, parts[1])
		}
		if err := f(storedSpeaker{key: parts[0], n: count, months: parts[2], forms: parts[3]}); err != nil {
			return fmt.Errorf("line %d: %w", n+1, err)
		}
	}
	return nil
}

// eachForm calls f with each form of a stored speaker (kind letter and
// form) and its count, in the stored order.
func (s storedSpeaker) eachForm(f func(form, count string)) {
	if s.forms == "" {
		return
	}
	for _, fc := range strings.Split(s.forms, tallyForms) {
		form, count, _ := strings.Cut(fc, tallyCount)
		f(form, count)
	}
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
func (ix *Index) readStored(f func(storedSpeaker) error) error {
	raw, err := ix.Internal(internalSpeakers)
	if err != nil {
		return err
	}
	if err := eachStored(raw, f); err != nil {
		return fmt.Errorf("read the speakers of index %s: %w", ix.path, err)
	}
	return nil
}

// readTally reads the index's tally, whole, to change it.
func (ix *Index) readTally() (tally, error) {
	t := tally{}
	err := ix.readStored(func(s storedSpeaker) error {
		ms, err := decodeMonths(s.months)
		if err != nil {
			return fmt.Errorf("%s: %w", s.key, err)
		}
		e := &tallied{N: s.n, Forms: map[string]int{}, Months: make(map[string]int, len(ms))}
		for _, m := range ms {
			e.Months[m.Month] = m.N
		}
		var bad error
		s.eachForm(func(form, count string) {
			n, err := strconv.Atoi(count)
			if err != nil || form == "" {
				bad = fmt.Errorf("%s: form %q of count %q", s.key, form, count)
			}
			e.Forms[form] = n
		})
		t[s.key] = e
		return bad
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// tallyOf reads back what the statements of an indexed article (of n
// paragraphs) added to the tally, so that deleting it can take that away.
func (ix *Index) tallyOf(id string, n int) ([]tallyEntry, error) {
	recs, err := ix.statementsIn(context.Background(), id, n)
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

// Tally is the speaker without their names: what RecentBuckets reads, to
// be kept for long without the lists of names it no longer needs.
func (s Speaker) Tally() Speaker {
	return Speaker{Key: s.Key, Statements: s.Statements, months: s.months}
}

// Months returns the speaker's statements by month, newest first.
func (s Speaker) Months() ([]MonthCount, error) { return decodeMonths(s.months) }

// Speakers lists every speaker with statements, in key order.
func (ix *Index) Speakers() ([]Speaker, error) {
	var out []Speaker
	err := ix.readStored(func(st storedSpeaker) error {
		s := Speaker{Key: st.key, Statements: st.n, months: st.months}
		st.eachForm(func(form, _ string) {
			if form == "" {
				return
			}
			switch v := form[1:]; form[0] {
			case 'n':
				s.Names = append(s.Names, v)
			case 's':
				s.Written = append(s.Written, v)
			case 'r':
				s.Roles = append(s.Roles, v)
			case 'a':
				s.Aliases = append(s.Aliases, v)
			}
		})
		out = append(out, s)
		return nil
	})
	return out, err
}

// statementForms lists the ways a statement names its speaker, each as a
// kind letter and the form: n(ame), s(poken as), r(ole), a(lias).
func statementForms(q quote.Quote) []string {
	seen := map[string]bool{}
	var out []string
	add := func(kind, v string) {
		v = strings.Map(func(r rune) rune { // the stored tally's separators
			if unicode.IsControl(r) {
				return ' '
			}
			return r
		}, v)
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
