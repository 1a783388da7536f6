package article_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/retrieval/article"
)

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gzipped(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func line(id string) string {
	return `{"id": "` + id + `", "title": "Fine", "text": "A fine article about ` + id + `."}`
}

func TestBadInput(t *testing.T) {
	longStream := ""
	for i := range 200 {
		longStream += line("gz-"+strings.Repeat("x", i%3)+string(rune('a'+i%26))+strings.Repeat("y", i/26)) + "\n"
	}
	full := gzipped(t, longStream)
	tests := []struct {
		name    string
		files   map[string]string // name → content; "@missing" paths are added as is
		paths   []string          // relative to the temp dir; default "."
		wantIDs string            // articles read, in order
		where   string            // the Skipped.Where, relative to the temp dir
		reason  string            // a substring of the reason
		kind    error
	}{
		{name: "missing path", paths: []string{"nowhere"}, where: "nowhere", reason: "cannot read", kind: article.ErrUnreadable},
		{name: "unknown type named directly", files: map[string]string{"notes.csv": "a,b"}, paths: []string{"notes.csv"},
			where: "notes.csv", reason: "unknown file type", kind: article.ErrUnknownType},
		{name: "invalid UTF-8 in a text file", files: map[string]string{"a.txt": "Good start \xff\xfe end.", "b.txt": "Fine text."},
			wantIDs: "b", where: "a.txt", reason: "invalid UTF-8 at byte 11", kind: article.ErrInvalidUTF8},
		{name: "invalid UTF-8 in a JSON line", files: map[string]string{"c.jsonl": line("c1") + "\n" + `{"id": "c2", "text": "caf` + "\xe9" + `"}` + "\n" + line("c3") + "\n"},
			wantIDs: "c1 c3", where: "c.jsonl:2", reason: "invalid UTF-8 at byte 25 of the line (byte ", kind: article.ErrInvalidUTF8},
		{name: "invalid UTF-8 in a page with no charset", files: map[string]string{"h.html": "<html><body><p>Caf\xe9 owners met the mayor on Monday to talk about the new parking rules for the old town.</p></body></html>"},
			where: "h.html", reason: "invalid UTF-8 at byte 18", kind: article.ErrInvalidUTF8},
		{name: "malformed JSON line", files: map[string]string{"m.jsonl": line("m1") + "\n" + `{"id": "m2", "text": ` + "\n" + line("m3") + "\n"},
			wantIDs: "m1 m3", where: "m.jsonl:2", reason: "bad JSON: unexpected end of JSON input", kind: article.ErrMalformed},
		{name: "wrong field type", files: map[string]string{"w.jsonl": `{"id": "w1", "text": 5}` + "\n" + line("w2")},
			wantIDs: "w2", where: "w.jsonl:1", reason: "bad JSON", kind: article.ErrMalformed},
		{name: "not an object", files: map[string]string{"n.jsonl": `["a", "b"]` + "\n" + line("n2")},
			wantIDs: "n2", where: "n.jsonl:1", reason: "not a JSON object", kind: article.ErrMalformed},
		{name: "no text in a JSON line", files: map[string]string{"e.jsonl": `{"id": "e1", "title": "Empty", "text": "  \n "}` + "\n" + line("e2")},
			wantIDs: "e2", where: "e.jsonl:1", reason: "no text", kind: article.ErrNoText},
		{name: "no text after front matter", files: map[string]string{"f.txt": "---\nid: f1\n---\n\n", "g.txt": "Text."},
			wantIDs: "g", where: "f.txt", reason: "no text", kind: article.ErrNoText},
		{name: "bad front matter", files: map[string]string{"y.md": "---\nid: [unclosed\n---\nText.", "z.md": "Text."},
			wantIDs: "z", where: "y.md", reason: "bad front matter", kind: article.ErrMalformed},
		{name: "duplicate id in a file", files: map[string]string{"d.jsonl": line("d1") + "\n" + line("d1") + "\n" + line("d2")},
			wantIDs: "d1 d2", where: "d.jsonl:2", reason: `duplicate id "d1" (first read from `, kind: article.ErrDuplicateID},
		{name: "duplicate id across paths", files: map[string]string{"one/x.txt": "First.", "two/x.txt": "Second."},
			paths: []string{"one", "two"}, wantIDs: "x", where: "two/x.txt", reason: `duplicate id "x"`, kind: article.ErrDuplicateID},
		{name: "bad date keeps the article undated", files: map[string]string{"b.jsonl": `{"id": "b1", "published": "yesterday", "text": "Dated badly."}`},
			wantIDs: "b1", where: "b.jsonl:1", reason: `bad published date "yesterday": article kept undated`, kind: article.ErrBadDate},
		{name: "bad date marker", files: map[string]string{"dm.txt": "date 2024-13-45 Text after a bad date."},
			wantIDs: "dm", where: "dm.txt", reason: `bad published date "2024-13-45"`, kind: article.ErrBadDate},
		{name: "broken gzip stream", files: map[string]string{"s.jsonl.gz": full[:len(full)/2]},
			wantIDs: "", where: "s.jsonl.gz:", reason: "broken stream: unexpected EOF", kind: article.ErrBrokenStream},
		{name: "not gzip", files: map[string]string{"p.jsonl.gz": line("p1")},
			where: "p.jsonl.gz", reason: "not a gzip stream", kind: article.ErrBrokenStream},
		{name: "JSON array broken after its first element", files: map[string]string{"arr.json": "[\n" + line("a1") + ",\n{\"id\": \"a2\" \"text\": \"x\"},\n" + line("a3") + "\n]"},
			wantIDs: "a1", where: "arr.json:3", reason: "bad JSON: invalid character", kind: article.ErrMalformed},
		{name: "JSON array not closed", files: map[string]string{"open.json": "[\n" + line("o1") + ",\n"},
			wantIDs: "o1", where: "open.json:2", reason: "not closed", kind: article.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, content := range tt.files {
				write(t, dir, name, content)
			}
			paths := []string{dir}
			if tt.paths != nil {
				paths = nil
				for _, p := range tt.paths {
					paths = append(paths, filepath.Join(dir, p))
				}
			}
			got, skipped, err := walkAll(t, article.Options{}, paths...)
			if err != nil {
				t.Fatalf("walk: %v", err)
			}
			var ids []string
			for _, a := range got {
				ids = append(ids, a.ID)
			}
			if tt.name == "broken gzip stream" {
				// whatever was read before the break is kept
				if len(ids) == 0 || len(ids) >= 200 {
					t.Errorf("read %d articles before the break, want some", len(ids))
				}
			} else if strings.Join(ids, " ") != tt.wantIDs {
				t.Errorf("read %q, want %q", strings.Join(ids, " "), tt.wantIDs)
			}
			if len(skipped) != 1 {
				t.Fatalf("skipped %v, want one", skipped)
			}
			where := filepath.Join(dir, tt.where)
			if tt.where == "" || strings.HasSuffix(tt.where, ":") {
				where = filepath.Join(dir, strings.TrimSuffix(tt.where, ":"))
				if !strings.HasPrefix(skipped[0].Where, where) {
					t.Errorf("where %q, want %q…", skipped[0].Where, where)
				}
			} else if skipped[0].Where != where {
				t.Errorf("where %q, want %q", skipped[0].Where, where)
			}
			if !strings.Contains(skipped[0].Reason, tt.reason) {
				t.Errorf("reason %q, want it to hold %q", skipped[0].Reason, tt.reason)
			}

			// strict: the same problem is the error
			_, skipped, err = walkAll(t, article.Options{Strict: true}, paths...)
			if !errors.Is(err, tt.kind) {
				t.Fatalf("strict: err %v, want %v", err, tt.kind)
			}
			var p *article.Problem
			if !errors.As(err, &p) || !strings.HasPrefix(err.Error(), skippedWhere(p)) || !strings.Contains(err.Error(), tt.reason) {
				t.Errorf("strict: err %q does not name where and why", err)
			}
			if len(skipped) != 0 {
				t.Errorf("strict: skipped %v", skipped)
			}
		})
	}
}

func skippedWhere(p *article.Problem) string { return p.Skipped().Where + ": " }

func TestStopAndCancel(t *testing.T) {
	dir := filepath.Join("testdata", "corpus")
	stop := errors.New("enough")
	n := 0
	_, err := article.Walk(context.Background(), []string{dir}, article.Options{}, func(*article.Article) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if err != stop || n != 2 {
		t.Errorf("fn error: got %v after %d articles, want %v after 2", err, n, stop)
	}

	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	_, err = article.Walk(ctx, []string{dir}, article.Options{}, func(*article.Article) error {
		n++
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 1 {
		t.Errorf("cancel: got %v after %d articles", err, n)
	}
}

func TestFilesAndReadFile(t *testing.T) {
	dir := filepath.Join("testdata", "corpus")
	files, err := article.Files([]string{dir, filepath.Join(dir, "plain.txt"), filepath.Join(dir, "nested", "ignored.csv")})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f.Path)
		names = append(names, rel)
		if f.Size <= 0 || f.ModTime.IsZero() {
			t.Errorf("%s: size %d, mtime %v", f.Path, f.Size, f.ModTime)
		}
	}
	want := "dated.htm front.txt ld.html lines.json list.json nested/notes.md news.jsonl page.html plain.txt"
	if strings.Join(names, " ") != want {
		t.Errorf("files %q, want %q", strings.Join(names, " "), want)
	}
	link := filepath.Join(t.TempDir(), "corpus-link")
	abs, _ := filepath.Abs(dir)
	if err := os.Symlink(abs, link); err != nil {
		t.Fatal(err)
	}
	if linked, err := article.Files([]string{link}); err != nil || len(linked) != len(files) || linked[0].Path != filepath.Join(link, "dated.htm") {
		t.Errorf("a link to the corpus folder lists %v, %v", linked, err)
	}
	if _, err := article.Files([]string{filepath.Join(dir, "missing")}); !errors.Is(err, article.ErrUnreadable) {
		t.Errorf("missing path: err %v", err)
	}

	var ids []string
	skipped, err := article.ReadFile(context.Background(), filepath.Join(dir, "news.jsonl"), article.Options{Strict: true}, func(a *article.Article) error {
		ids = append(ids, a.ID)
		return nil
	})
	if err != nil || len(skipped) != 0 || strings.Join(ids, " ") != "jl-1 news-3 42" {
		t.Errorf("ReadFile: ids %q, skipped %v, err %v", ids, skipped, err)
	}
}

func TestEncodings(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "latin1.html", "<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9s</title></head><body><article>"+
		"<p>The caf\xe9s of the old town will open later on Sundays, the owners\xb4 association said on Monday after a vote.</p>"+
		"<p>Members voted by a large majority for the change, which starts in June and lasts until the end of the summer season.</p>"+
		"</article></body></html>")
	write(t, dir, "z.jsonl.gz", gzipped(t, line("z1")+"\n"+line("z2")))
	write(t, dir, "bom.txt", "\uFEFFA text with a byte order mark.")
	write(t, dir, "crlf.txt", "---\r\nid: crlf\r\n---\r\nFirst line.\r\nSecond line.\r\n")
	got, skipped, err := walkAll(t, article.Options{Strict: true}, dir)
	if err != nil || len(skipped) != 0 {
		t.Fatalf("err %v, skipped %v", err, skipped)
	}
	var ids []string
	for _, a := range got {
		ids = append(ids, a.ID)
	}
	if strings.Join(ids, " ") != "bom crlf latin1 z1 z2" {
		t.Errorf("ids %q", ids)
	}
	if got[0].Text != "A text with a byte order mark." || len(got[1].Paragraphs) != 2 || got[1].Paragraphs[1].Text != "Second line." {
		t.Errorf("bom text %q, crlf paragraphs %+v", got[0].Text, got[1].Paragraphs)
	}
	if !strings.HasPrefix(got[2].Text, "The cafés of the old town") || got[2].Title != "Cafés" {
		t.Errorf("latin-1 page: title %q, text %q", got[2].Title, got[2].Text)
	}
}
