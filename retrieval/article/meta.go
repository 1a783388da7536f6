package article

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// dateLayouts are the publication date forms accepted, tried in order.
var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	time.RFC1123Z,
	time.RFC1123,
}

// parseDate parses a publication date: YYYY-MM-DD, RFC 3339, or one of a
// few common variants (no zone means UTC).
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("not a date (want YYYY-MM-DD or RFC 3339): %q", s)
}

// setPublished sets a.Published from raw. A date that does not parse is
// reported (kind ErrBadDate) and the article kept undated; in strict mode the
// report is an error.
func (r *run) setPublished(a *Article, raw string) error {
	if strings.TrimSpace(raw) == "" {
		return nil
	}
	t, err := parseDate(raw)
	if err != nil {
		return r.report(&Problem{Where: a.Origin, Reason: fmt.Sprintf("bad published date %q: article kept undated", clip(raw, 40)), Kind: ErrBadDate, Cause: err})
	}
	a.Published = t
	return nil
}

// maxTitleRunes is the length a title made from the first sentence is
// shortened to.
const maxTitleRunes = 100

// titleOf makes a title for an article that has none: its first sentence
// (of the first paragraph that is not a caption; a markdown heading line
// loses its '#' marks), shortened at a word boundary.
func titleOf(a *Article) string {
	if len(a.Paragraphs) == 0 {
		return ""
	}
	p := a.Paragraphs[0]
	for _, q := range a.Paragraphs {
		if !q.Caption {
			p = q
			break
		}
	}
	s := p.Text
	if len(p.Sentences) > 0 {
		s = p.Sentences[0].Text
	}
	if h := strings.TrimLeft(s, "#"); len(h) < len(s) && (h == "" || h[0] == ' ' || h[0] == '\t') {
		s = h
	}
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "..") {
		s = s[:len(s)-1]
	}
	return shorten(s, maxTitleRunes)
}

// shorten cuts s to at most max runes at a word boundary, marking the cut
// with "…".
func shorten(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	cut, n := 0, 0
	for i := range s {
		if n == max {
			cut = i
			break
		}
		n++
	}
	head := s[:cut]
	if sp := strings.LastIndexFunc(head, unicode.IsSpace); sp > len(head)/2 {
		head = head[:sp]
	}
	return strings.TrimRightFunc(head, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(",;:–—-", r) }) + "…"
}

// clip shortens s for a message.
func clip(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	return shorten(s, max)
}

// names is a list of authors given as a list or as one string.
type names []string

// UnmarshalJSON accepts null, a string or an array of strings.
func (n *names) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		*n = nil
		return nil
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*n = oneName(s)
		return nil
	}
	var list []string
	if err := json.Unmarshal(b, &list); err != nil {
		return fmt.Errorf("authors: want a string or a list of strings: %w", err)
	}
	*n = cleanNames(list)
	return nil
}

// UnmarshalYAML accepts a scalar or a sequence of scalars.
func (n *names) UnmarshalYAML(node *yaml.Node) error {
	if node.Kind == yaml.ScalarNode {
		*n = oneName(node.Value)
		return nil
	}
	var list []string
	if err := node.Decode(&list); err != nil {
		return fmt.Errorf("authors: want a string or a list of strings: %w", err)
	}
	*n = cleanNames(list)
	return nil
}

func oneName(s string) names {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	return names{s}
}

func cleanNames(list []string) names {
	out := list[:0]
	for _, s := range list {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// scalar is a JSON string that may also be given as a number or null (ids
// and dates in some corpora).
type scalar string

// UnmarshalJSON accepts a string, a number or null.
func (s *scalar) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		*s = ""
		return nil
	case len(b) > 0 && b[0] == '"':
		var v string
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		*s = scalar(v)
		return nil
	case len(b) > 0 && (b[0] == '-' || b[0] >= '0' && b[0] <= '9'):
		var v json.Number
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		*s = scalar(v.String())
		return nil
	}
	return fmt.Errorf("want a string or a number, got %s", clip(string(b), 20))
}
