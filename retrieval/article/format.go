package article

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"
)

// format is a kind of corpus file, known by its extension.
type format int

const (
	formatText format = iota + 1 // .txt
	formatMarkdown
	formatJSONLines // .jsonl, .ndjson
	formatJSON      // .json: an array, or one object a line
	formatHTML
)

// maxFileBytes bounds a one-article file (text, markdown, HTML) and
// maxLineBytes one JSON line or array element.
const (
	maxFileBytes = 32 << 20
	maxLineBytes = 32 << 20
)

// formatOf tells the format of a file from its name; any format may be
// gzip-compressed (name.ext.gz).
func formatOf(name string) (format, bool) {
	lower := strings.ToLower(name)
	lower = strings.TrimSuffix(lower, ".gz")
	i := strings.LastIndexByte(lower, '.')
	if i < 0 {
		return 0, false
	}
	switch lower[i:] {
	case ".txt", ".text":
		return formatText, true
	case ".md", ".markdown":
		return formatMarkdown, true
	case ".jsonl", ".ndjson":
		return formatJSONLines, true
	case ".json":
		return formatJSON, true
	case ".html", ".htm":
		return formatHTML, true
	}
	return 0, false
}

// readFile reads the articles of one file, opened by open, named name in
// reports and origins.
func (r *run) readFile(name string, open func() (io.ReadCloser, error)) error {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	f, ok := formatOf(name)
	if !ok {
		return r.report(&Problem{Where: name, Reason: "unknown file type (want .txt, .md, .json, .jsonl, .html, optionally .gz)", Kind: ErrUnknownType})
	}
	rc, err := open()
	if err != nil {
		return r.report(&Problem{Where: name, Reason: "cannot open: " + err.Error(), Kind: ErrUnreadable, Cause: err})
	}
	defer rc.Close()
	var in io.Reader = rc
	if strings.HasSuffix(strings.ToLower(name), ".gz") {
		zr, err := gzip.NewReader(bufio.NewReaderSize(rc, 256<<10))
		if err != nil {
			return r.report(&Problem{Where: name, Reason: "not a gzip stream: " + err.Error(), Kind: ErrBrokenStream, Cause: err})
		}
		defer zr.Close()
		in = zr
	}
	switch f {
	case formatJSONLines:
		return r.readJSONLines(name, in)
	case formatJSON:
		return r.readJSON(name, in)
	}
	data, err := io.ReadAll(io.LimitReader(in, maxFileBytes+1))
	if err != nil {
		return r.report(readProblem(name, err))
	}
	if len(data) > maxFileBytes {
		return r.report(&Problem{Where: name, Reason: fmt.Sprintf("file larger than %d MiB", maxFileBytes>>20), Kind: ErrTooLarge})
	}
	if f == formatHTML {
		return r.readHTML(name, data)
	}
	return r.readText(name, data, f == formatMarkdown)
}

// readProblem describes a read error: a broken (compressed) stream or an
// unreadable file.
func readProblem(where string, err error) *Problem {
	if errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) || errors.Is(err, io.ErrUnexpectedEOF) || isFlateError(err) {
		return &Problem{Where: where, Reason: "broken stream: " + err.Error(), Kind: ErrBrokenStream, Cause: err}
	}
	return &Problem{Where: where, Reason: "read error: " + err.Error(), Kind: ErrUnreadable, Cause: err}
}

func isFlateError(err error) bool {
	var corrupt flate.CorruptInputError
	return errors.As(err, &corrupt)
}
