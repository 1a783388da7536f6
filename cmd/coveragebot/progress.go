package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress shows how a build goes: a bar on a terminal, a plain line every
// few seconds otherwise (logs, CI).
type progress struct {
	w     io.Writer
	label string
	bar   *progressbar.ProgressBar
	tty   bool
	last  time.Time
	total int
	done  int
}

func newProgress(w io.Writer, label string) *progress {
	p := &progress{w: w, label: label}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.tty = true
	}
	return p
}

// update is a retrieval.Progress.
func (p *progress) update(done, total int) {
	p.done, p.total = done, total
	if p.tty {
		if p.bar == nil {
			p.bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(p.w), progressbar.OptionSetDescription(p.label),
				progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("articles"),
				progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
		}
		if total > 0 {
			p.bar.ChangeMax(total)
		}
		_ = p.bar.Set(done)
		return
	}
	if now := time.Now(); now.Sub(p.last) >= 2*time.Second {
		p.last = now
		if total > done {
			fmt.Fprintf(p.w, "%s: %d of about %d articles\n", p.label, done, total)
		} else {
			fmt.Fprintf(p.w, "%s: %d articles\n", p.label, done)
		}
	}
}

// finish ends the bar or the lines.
func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
