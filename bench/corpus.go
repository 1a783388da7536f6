package bench

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// record is one article line of a JSON-lines corpus, kept raw so that a
// copy changes only its id and date.
type record struct {
	raw       map[string]json.RawMessage
	id        string
	title     string
	published string // YYYY-MM-DD or ""
	textBytes int
}

// baseCorpus is the first articles of the corpus a benchmark starts from.
type baseCorpus struct {
	path    string // the file read
	records []record
	limited bool // fewer articles than the file holds were taken
}

// readBase reads up to limit articles (all when limit <= 0) of a JSON-lines
// file, gzip-compressed when its name ends in .gz. Lines that are not JSON
// objects with an id are skipped, as the corpus reader would skip them.
func readBase(ctx context.Context, path string, limit int) (*baseCorpus, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read corpus: %w", err)
	}
	defer f.Close()
	var in io.Reader = bufio.NewReaderSize(f, 256<<10)
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(in)
		if err != nil {
			return nil, fmt.Errorf("read corpus %s: %w", path, err)
		}
		defer zr.Close()
		in = zr
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	base := &baseCorpus{path: path}
	for sc.Scan() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		if limit > 0 && len(base.records) == limit {
			base.limited = true
			break
		}
		rec, ok := parseLine(line)
		if !ok {
			continue
		}
		base.records = append(base.records, rec)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read corpus %s: %w", path, err)
	}
	if len(base.records) == 0 {
		return nil, fmt.Errorf("read corpus %s: no articles", path)
	}
	return base, nil
}

func parseLine(line []byte) (record, bool) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(line, &raw); err != nil {
		return record{}, false
	}
	var r record
	r.raw = raw
	if json.Unmarshal(raw["id"], &r.id) != nil || r.id == "" {
		return record{}, false
	}
	_ = json.Unmarshal(raw["title"], &r.title)
	_ = json.Unmarshal(raw["published"], &r.published)
	var text string
	_ = json.Unmarshal(raw["text"], &text)
	r.textBytes = len(text)
	return r, true
}

// corpusFile is a corpus of one size, ready to index.
type corpusFile struct {
	Scale     int
	Path      string
	Articles  int
	TextBytes int64
	temp      bool // written by the benchmark: remove when done
}

// writeScaled writes the base corpus scale times over into dir as a
// .jsonl.gz: copy c (0-based) of every article has the id "<id>~c<c>"
// (the original id for copy 0) and is dated c years earlier, so ten copies
// spread over ten years. The file is compressed at the fastest level:
// both systems read it the same way. Scale 1 of an unlimited corpus is the
// corpus file itself.
func writeScaled(ctx context.Context, base *baseCorpus, scale int, dir string) (corpusFile, error) {
	cf := corpusFile{Scale: scale, Articles: scale * len(base.records)}
	for _, r := range base.records {
		cf.TextBytes += int64(scale * r.textBytes)
	}
	if scale == 1 && !base.limited {
		cf.Path = base.path
		return cf, nil
	}
	cf.Path = filepath.Join(dir, "corpus-x"+strconv.Itoa(scale)+".jsonl.gz")
	cf.temp = true
	f, err := os.Create(cf.Path)
	if err != nil {
		return cf, fmt.Errorf("write corpus ×%d: %w", scale, err)
	}
	bw := bufio.NewWriterSize(f, 256<<10)
	zw, _ := gzip.NewWriterLevel(bw, gzip.BestSpeed)
	werr := writeCopies(ctx, zw, base, scale)
	werr = errors.Join(werr, zw.Close(), bw.Flush(), f.Close())
	if werr != nil {
		_ = os.Remove(cf.Path)
		return cf, fmt.Errorf("write corpus ×%d: %w", scale, werr)
	}
	return cf, nil
}

func writeCopies(ctx context.Context, w io.Writer, base *baseCorpus, scale int) error {
	for c := range scale {
		if err := ctx.Err(); err != nil {
			return err
		}
		for _, r := range base.records {
			line, err := copyOf(r, c)
			if err != nil {
				return err
			}
			if _, err := w.Write(append(line, '\n')); err != nil {
				return err
			}
		}
	}
	return nil
}

// copyOf is copy c of a record: a fresh id and a date c years earlier.
func copyOf(r record, c int) ([]byte, error) {
	if c == 0 {
		return json.Marshal(r.raw)
	}
	out := make(map[string]json.RawMessage, len(r.raw))
	for k, v := range r.raw {
		out[k] = v
	}
	id, err := json.Marshal(r.id + "~c" + strconv.Itoa(c))
	if err != nil {
		return nil, err
	}
	out["id"] = id
	if d, ok := shiftYears(r.published, c); ok {
		out["published"], _ = json.Marshal(d)
	}
	return json.Marshal(out)
}

// shiftYears moves a YYYY-MM-DD date back by years (29 February becomes
// 1 March in a common year); false when s is not such a date.
func shiftYears(s string, years int) (string, bool) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return "", false
	}
	return t.AddDate(-years, 0, 0).Format(time.DateOnly), true
}
