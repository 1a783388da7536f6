package article

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// frontMatter is the optional YAML header of a .txt or .md article.
type frontMatter struct {
	ID        string `yaml:"id"`
	Title     string `yaml:"title"`
	Outlet    string `yaml:"outlet"`
	URL       string `yaml:"url"`
	Published string `yaml:"published"`
	Authors   names  `yaml:"authors"`
}

// readText reads a .txt or .md file: one article, with optional front
// matter and an optional leading "date YYYY-MM-DD" marker.
func (r *run) readText(name string, data []byte, markdown bool) error {
	if bad := invalidUTF8(data); bad >= 0 {
		return r.report(&Problem{Where: name, Reason: fmt.Sprintf("invalid UTF-8 at byte %d", bad), Kind: ErrInvalidUTF8})
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	var fm frontMatter
	header, body, ok := splitFrontMatter(data)
	if ok {
		if err := yaml.Unmarshal(header, &fm); err != nil {
			return r.report(&Problem{Where: name, Reason: "bad front matter: " + err.Error(), Kind: ErrMalformed, Cause: err})
		}
	}
	text := strings.TrimSpace(string(body))
	markerDate, text := dateMarker(text)
	a := &Article{
		ID:      strings.TrimSpace(fm.ID),
		Title:   strings.TrimSpace(fm.Title),
		Outlet:  strings.TrimSpace(fm.Outlet),
		URL:     strings.TrimSpace(fm.URL),
		Authors: fm.Authors,
		Text:    text,
		Origin:  name,
	}
	if a.ID == "" {
		a.ID = stem(name)
	}
	published := fm.Published
	if published == "" {
		published = markerDate
	}
	if err := r.setPublished(a, published); err != nil {
		return err
	}
	return r.emit(a)
}

// splitFrontMatter splits a leading YAML block between "---" lines from the
// body. A file whose first line is "---" with no closing "---" (or "...")
// line has no front matter: all of it is text.
func splitFrontMatter(data []byte) (header, body []byte, ok bool) {
	first, rest, found := bytes.Cut(data, []byte("\n"))
	if !found || string(bytes.TrimRight(first, " \t\r")) != "---" {
		return nil, data, false
	}
	off := 0
	for off <= len(rest) {
		line, next, more := bytes.Cut(rest[off:], []byte("\n"))
		if t := string(bytes.TrimRight(line, " \t\r")); t == "---" || t == "..." {
			end := len(rest)
			if more {
				end = len(rest) - len(next)
			}
			return rest[:off], rest[end:], true
		}
		if !more {
			break
		}
		off += len(line) + 1
	}
	return nil, data, false
}

// dateMarker takes a leading "date YYYY-MM-DD" (or "date: YYYY-MM-DD") off
// text, returning the date as written and the text after it. Text without
// the marker comes back unchanged with an empty date.
func dateMarker(text string) (date, rest string) {
	if len(text) < 5 || !strings.EqualFold(text[:4], "date") {
		return "", text
	}
	s := strings.TrimPrefix(text[4:], ":")
	trimmed := strings.TrimLeftFunc(s, unicode.IsSpace)
	if len(trimmed) == len(s) && !strings.HasPrefix(text[4:], ":") {
		return "", text // "dated…", "dates": a word, not the marker
	}
	end := strings.IndexFunc(trimmed, unicode.IsSpace)
	if end < 0 {
		end = len(trimmed)
	}
	word := trimmed[:end]
	if !looksLikeDate(word) {
		return "", text
	}
	return word, strings.TrimLeftFunc(trimmed[end:], unicode.IsSpace)
}

// looksLikeDate tells whether s is shaped like a date (digits and dashes,
// starting with a four-digit year); whether it is a valid date is checked
// later, and reported.
func looksLikeDate(s string) bool {
	if len(s) < 8 || len(s) > 40 {
		return false
	}
	for i := 0; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s[4] == '-'
}

// invalidUTF8 returns the byte offset of the first invalid UTF-8 sequence
// in b, or -1.
func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}
