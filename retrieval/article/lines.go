package article

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// errLineTooLong is returned by lineReader.next for a line over maxLineBytes.
var errLineTooLong = errors.New("line too long")

// lineReader reads a stream line by line into a reused buffer, counting
// lines and bytes.
type lineReader struct {
	br    *bufio.Reader
	buf   []byte
	line  int   // 1-based number of the line last returned
	start int64 // byte offset of that line
	off   int64 // byte offset of the next line
}

func newLineReader(in io.Reader) *lineReader {
	if br, ok := in.(*bufio.Reader); ok {
		return &lineReader{br: br}
	}
	return &lineReader{br: bufio.NewReaderSize(in, 256<<10)}
}

// next returns the next line without its "\n" (valid until the next call),
// io.EOF at the end, errLineTooLong for a line over maxLineBytes (it is
// skipped), or the read error. A last line cut off by a read error is not
// returned: the error is.
func (lr *lineReader) next() ([]byte, error) {
	lr.buf = lr.buf[:0]
	lr.line++
	lr.start = lr.off
	tooLong := false
	for {
		chunk, err := lr.br.ReadSlice('\n')
		lr.off += int64(len(chunk))
		if !tooLong {
			if len(lr.buf)+len(chunk) > maxLineBytes+1 {
				tooLong = true
				lr.buf = lr.buf[:0]
			} else {
				lr.buf = append(lr.buf, chunk...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF:
			if len(lr.buf) == 0 && !tooLong {
				return nil, io.EOF
			}
		case err != nil:
			return nil, err
		}
		if tooLong {
			return nil, errLineTooLong
		}
		return bytes.TrimSuffix(lr.buf, []byte("\n")), nil
	}
}

// problem describes an error from next at the current line.
func (lr *lineReader) problem(name string, err error) *Problem {
	where := name + ":" + strconv.Itoa(lr.line)
	if errors.Is(err, errLineTooLong) {
		return &Problem{Where: where, Reason: fmt.Sprintf("line longer than %d MiB", maxLineBytes>>20), Kind: ErrTooLarge}
	}
	p := readProblem(where, err)
	p.Reason += fmt.Sprintf(" after %d bytes; rest of the file skipped", lr.start)
	return p
}

// lineCounter passes a stream through, noting where its newlines are so a
// byte offset already read can be turned into a line number.
type lineCounter struct {
	r    io.Reader
	off  int64   // bytes read so far
	nl   []int64 // offsets of the newlines not yet counted
	line int     // newlines counted (before nl)
	err  error   // the read error, if any (not io.EOF)
}

func (c *lineCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i := 0; i < n; {
		j := bytes.IndexByte(p[i:n], '\n')
		if j < 0 {
			break
		}
		c.nl = append(c.nl, c.off+int64(i+j))
		i += j + 1
	}
	c.off += int64(n)
	if err != nil && err != io.EOF {
		c.err = err
	}
	return n, err
}

// lineAt returns the 1-based line of byte offset off; offsets must not
// decrease from call to call.
func (c *lineCounter) lineAt(off int64) int {
	i := 0
	for i < len(c.nl) && c.nl[i] < off {
		i++
	}
	c.line += i
	c.nl = c.nl[i:]
	return c.line + 1
}
