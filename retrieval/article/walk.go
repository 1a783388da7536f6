package article

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
)

// FileInfo is one article file found under a corpus path.
type FileInfo struct {
	Path    string
	Size    int64
	ModTime time.Time
}

// Walk reads every article under paths (files or folders, walked
// recursively in lexical order; files of unknown type inside folders and
// hidden files and folders are ignored) and calls fn with each complete,
// segmented article. A problem with one file or line is recorded in the
// returned []Skipped and the walk goes on, unless opts.Strict, which makes it
// an error (*Problem). An error from fn stops the walk and is returned as is.
// Article ids are unique across all paths: later duplicates are skipped.
func Walk(ctx context.Context, paths []string, opts Options, fn func(*Article) error) ([]Skipped, error) {
	r := newRun(ctx, opts, fn)
	seenPath := map[string]bool{}
	for _, root := range paths {
		files, probs := listOS(root)
		for _, p := range probs {
			if err := r.report(p); err != nil {
				return r.skipped, err
			}
		}
		for _, f := range files {
			key := f.Path
			if abs, err := filepath.Abs(f.Path); err == nil {
				key = abs
			}
			if seenPath[key] {
				continue
			}
			seenPath[key] = true
			if err := r.readFile(f.Path, func() (io.ReadCloser, error) { return os.Open(f.Path) }); err != nil {
				return r.skipped, err
			}
		}
	}
	return r.skipped, nil
}

// WalkFS is Walk over an fs.FS, from root (a folder or a file of fsys). It
// serves the embedded sample corpus: WalkFS(ctx, sample.FS(), sample.Root, …).
func WalkFS(ctx context.Context, fsys fs.FS, root string, opts Options, fn func(*Article) error) ([]Skipped, error) {
	r := newRun(ctx, opts, fn)
	var names []string
	err := fs.WalkDir(fsys, root, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return r.report(&Problem{Where: name, Reason: "cannot read: " + err.Error(), Kind: ErrUnreadable, Cause: err})
		}
		if name != root && hidden(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if _, ok := formatOf(name); ok || name == root {
			names = append(names, name)
		}
		return nil
	})
	if err != nil {
		return r.skipped, err
	}
	for _, name := range names {
		if err := r.readFile(name, func() (io.ReadCloser, error) { return fsys.Open(name) }); err != nil {
			return r.skipped, err
		}
	}
	return r.skipped, nil
}

// ReadFile reads the articles of one file, with the rules of Walk (ids are
// checked for duplicates within the file only). It serves incremental
// indexing of a changed file.
func ReadFile(ctx context.Context, name string, opts Options, fn func(*Article) error) ([]Skipped, error) {
	r := newRun(ctx, opts, fn)
	err := r.readFile(name, func() (io.ReadCloser, error) { return os.Open(name) })
	return r.skipped, err
}

// Files lists the article files under paths (the files of known types that
// Walk would read) with their size and modification time, for a watcher
// that re-reads changed files. It lists what it can: a path that cannot be
// read is named in the error, which joins every such problem, beside the
// files found elsewhere.
func Files(paths []string) ([]FileInfo, error) {
	var all []FileInfo
	var errs []error
	seen := map[string]bool{}
	for _, root := range paths {
		files, probs := listOS(root)
		for _, p := range probs {
			errs = append(errs, p)
		}
		for _, f := range files {
			if _, known := formatOf(f.Path); known && !seen[f.Path] {
				seen[f.Path] = true
				all = append(all, f)
			}
		}
	}
	return all, errors.Join(errs...)
}

// listOS lists the article files under root (a file or a folder). A file
// named directly is listed whatever its extension (reading it reports an
// unknown type); inside folders only known types are.
func listOS(root string) ([]FileInfo, []*Problem) {
	info, err := os.Stat(root)
	if err != nil {
		return nil, []*Problem{{Where: root, Reason: "cannot read: " + err.Error(), Kind: ErrUnreadable, Cause: err}}
	}
	if !info.IsDir() {
		return []FileInfo{{Path: root, Size: info.Size(), ModTime: info.ModTime()}}, nil
	}
	var files []FileInfo
	var probs []*Problem
	walkRoot := root
	if li, err := os.Lstat(root); err == nil && li.Mode()&fs.ModeSymlink != 0 {
		walkRoot = root + string(filepath.Separator) // a link to a folder named directly is followed
	}
	_ = filepath.WalkDir(walkRoot, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			probs = append(probs, &Problem{Where: name, Reason: "cannot read: " + err.Error(), Kind: ErrUnreadable, Cause: err})
			return nil
		}
		if name != walkRoot && hidden(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if _, ok := formatOf(name); !ok {
			return nil
		}
		fi, err := os.Stat(name) // follows symbolic links
		if err != nil {
			probs = append(probs, &Problem{Where: name, Reason: "cannot read: " + err.Error(), Kind: ErrUnreadable, Cause: err})
			return nil
		}
		if fi.Mode().IsRegular() {
			files = append(files, FileInfo{Path: name, Size: fi.Size(), ModTime: fi.ModTime()})
		}
		return nil
	})
	return files, probs
}

func hidden(name string) bool { return len(name) > 1 && name[0] == '.' && name != ".." }

// run is the state of one walk: options, the ids seen, the skipped inputs.
type run struct {
	ctx     context.Context
	opts    Options
	fn      func(*Article) error
	seen    map[string]string // id → origin of its first article
	skipped []Skipped
}

func newRun(ctx context.Context, opts Options, fn func(*Article) error) *run {
	return &run{ctx: ctx, opts: opts, fn: fn, seen: map[string]string{}}
}

// report records a problem; in strict mode it returns it as the error that
// stops the walk.
func (r *run) report(p *Problem) error {
	if r.opts.Logger != nil {
		r.opts.Logger.Warn("corpus input skipped", "where", p.Where, "reason", p.Reason)
	}
	if r.opts.Strict {
		return p
	}
	r.skipped = append(r.skipped, p.Skipped())
	return nil
}

// emit finishes an article read from a file (text check, duplicate id,
// segmentation, default title) and hands it to fn.
func (r *run) emit(a *Article) error {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	if strings.TrimSpace(a.Text) == "" {
		return r.report(&Problem{Where: a.Origin, Reason: "no text", Kind: ErrNoText})
	}
	if first, dup := r.seen[a.ID]; dup {
		return r.report(&Problem{Where: a.Origin, Reason: fmt.Sprintf("duplicate id %q (first read from %s)", a.ID, first), Kind: ErrDuplicateID})
	}
	r.seen[a.ID] = a.Origin
	Segment(a)
	if a.Title == "" {
		a.Title = titleOf(a)
	}
	return r.fn(a)
}

// stem is a file's base name without its extension(s): the default id.
func stem(name string) string {
	base := path.Base(filepath.ToSlash(name))
	lower := strings.ToLower(base)
	if strings.HasSuffix(lower, ".gz") {
		base, lower = base[:len(base)-3], lower[:len(lower)-3]
	}
	if i := strings.LastIndexByte(lower, '.'); i > 0 {
		base = base[:i]
	}
	return base
}
