package article

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// record is one article object of a JSON corpus.
type record struct {
	ID        scalar `json:"id"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	URL       string `json:"url"`
	Published scalar `json:"published"`
	Authors   names  `json:"authors"`
	Text      string `json:"text"`
}

// parseRecord decodes one JSON article object. It rejects invalid UTF-8
// (which encoding/json would silently replace), naming the byte offset.
func parseRecord(b []byte) (record, *Problem) {
	var rec record
	if bad := invalidUTF8(b); bad >= 0 {
		return rec, &Problem{Reason: fmt.Sprintf("invalid UTF-8 at byte %d", bad), Kind: ErrInvalidUTF8}
	}
	if t := bytes.TrimSpace(b); len(t) == 0 || t[0] != '{' {
		return rec, &Problem{Reason: "not a JSON object", Kind: ErrMalformed}
	}
	if err := json.Unmarshal(b, &rec); err != nil {
		return rec, &Problem{Reason: "bad JSON: " + err.Error(), Kind: ErrMalformed, Cause: err}
	}
	return rec, nil
}

// articleOf makes the Article of a record read at name:line; a record
// without id gets "<file name>-<line>".
func articleOf(rec record, name string, line int) *Article {
	a := &Article{
		ID:      strings.TrimSpace(string(rec.ID)),
		Title:   strings.TrimSpace(rec.Title),
		Outlet:  strings.TrimSpace(rec.Outlet),
		URL:     strings.TrimSpace(rec.URL),
		Authors: rec.Authors,
		Text:    rec.Text,
		Origin:  name + ":" + strconv.Itoa(line),
	}
	if a.ID == "" {
		a.ID = stem(name) + "-" + strconv.Itoa(line)
	}
	return a
}

// emitRecord parses the object b found at name:line (byte offset off of
// the file) and emits its article, or reports why not.
func (r *run) emitRecord(name string, line int, off int64, b []byte) error {
	rec, p := parseRecord(b)
	if p != nil {
		p.Where = name + ":" + strconv.Itoa(line)
		if p.Kind == ErrInvalidUTF8 {
			p.Reason += fmt.Sprintf(" of the line (byte %d of the file)", off+int64(invalidUTF8(b)))
		}
		return r.report(p)
	}
	a := articleOf(rec, name, line)
	if err := r.setPublished(a, string(rec.Published)); err != nil {
		return err
	}
	return r.emit(a)
}

// readJSONLines reads one JSON object a line, streaming. Blank lines are
// ignored. A read error (a broken gzip stream) stops the file: the articles
// before it are kept and the break is reported at the line it hit.
func (r *run) readJSONLines(name string, in io.Reader) error {
	lr := newLineReader(in)
	return r.eachLine(name, lr, func(b []byte) error {
		if len(bytes.TrimSpace(b)) == 0 {
			return nil
		}
		return r.emitRecord(name, lr.line, lr.start, b)
	})
}

// eachLine calls fn with every line lr reads, until the end of the file.
// An over-long line is reported and passed over; a read error (a broken
// stream) is reported and ends the file.
func (r *run) eachLine(name string, lr *lineReader, fn func(b []byte) error) error {
	for {
		b, err := lr.next()
		if err != nil {
			if err == io.EOF {
				return nil
			}
			if errors.Is(err, errLineTooLong) {
				if err := r.report(lr.problem(name, err)); err != nil {
					return err
				}
				continue
			}
			return r.report(lr.problem(name, err))
		}
		if err := fn(b); err != nil {
			if errors.Is(err, errEndFile) {
				return nil
			}
			return err
		}
	}
}

// errEndFile, returned by eachLine's fn, ends the file quietly (its
// problem was reported).
var errEndFile = errors.New("end of the file")

// endFile ends the file after a reported problem: with the report's own
// error in strict mode, quietly otherwise.
func endFile(reportErr error) error {
	if reportErr != nil {
		return reportErr
	}
	return errEndFile
}

// readJSON reads a .json file: an array of objects (streamed element by
// element; a syntax error ends the file), or one object a line, where an
// object may also span lines when its first line starts with "{" and its
// last is "}" (pretty-printed).
func (r *run) readJSON(name string, in io.Reader) error {
	br := bufio.NewReaderSize(in, 256<<10)
	for {
		c, err := br.ReadByte()
		if err != nil {
			if err == io.EOF {
				return r.report(&Problem{Where: name, Reason: "no text", Kind: ErrNoText})
			}
			return r.report(readProblem(name, err))
		}
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF || c == 0xBB || c == 0xBF {
			continue // whitespace or a byte order mark
		}
		_ = br.UnreadByte()
		if c == '[' {
			return r.readJSONArray(name, br)
		}
		break
	}
	lr := newLineReader(br)
	return r.eachLine(name, lr, func(b []byte) error {
		t := bytes.TrimSpace(b)
		if len(t) == 0 {
			return nil
		}
		line, start := lr.line, lr.start
		if string(t) == "{" { // a pretty-printed object, up to a line "}"
			obj := append([]byte(nil), b...)
			for len(obj) <= maxLineBytes {
				more, err := lr.next()
				if err != nil {
					if err == io.EOF {
						return endFile(r.report(&Problem{Where: fmt.Sprintf("%s:%d", name, line), Reason: "object not closed before the end of the file", Kind: ErrMalformed}))
					}
					return endFile(r.report(lr.problem(name, err)))
				}
				obj = append(append(obj, '\n'), more...)
				if string(bytes.TrimRight(more, " \t\r")) == "}" {
					break
				}
			}
			if len(obj) > maxLineBytes {
				return endFile(r.report(&Problem{Where: fmt.Sprintf("%s:%d", name, line), Reason: fmt.Sprintf("object larger than %d MiB; rest of the file skipped", maxLineBytes>>20), Kind: ErrTooLarge}))
			}
			b = obj
		}
		return r.emitRecord(name, line, start, b)
	})
}

// readJSONArray streams the elements of a JSON array.
func (r *run) readJSONArray(name string, in io.Reader) error {
	lc := &lineCounter{r: in}
	dec := json.NewDecoder(lc)
	if _, err := dec.Token(); err != nil { // the '['
		return r.report(r.jsonProblem(name, lc, dec.InputOffset(), err))
	}
	for dec.More() {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return r.report(r.jsonProblem(name, lc, dec.InputOffset(), err))
		}
		start := dec.InputOffset() - int64(len(raw))
		if err := r.emitRecord(name, lc.lineAt(start), start, raw); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil { // the ']'
		return r.report(r.jsonProblem(name, lc, dec.InputOffset(), err))
	}
	return nil
}

// jsonProblem reports an error that ends the reading of a JSON array.
func (r *run) jsonProblem(name string, lc *lineCounter, off int64, err error) *Problem {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		off = syn.Offset
	}
	where := fmt.Sprintf("%s:%d", name, lc.lineAt(off))
	if lc.err != nil {
		p := readProblem(where, lc.err)
		p.Reason += "; rest of the file skipped"
		return p
	}
	if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
		return &Problem{Where: where, Reason: "JSON array not closed; rest of the file skipped", Kind: ErrMalformed, Cause: err}
	}
	return &Problem{Where: where, Reason: "bad JSON: " + err.Error() + "; rest of the file skipped", Kind: ErrMalformed, Cause: err}
}
