package article

import (
	"errors"
	"log/slog"
)

// Skipped is one input that was not read, and why.
type Skipped struct {
	Where  string `json:"where"` // "path" or "path:line"
	Reason string `json:"reason"`
}

// Options tune a walk over a corpus.
type Options struct {
	// Strict makes any problem an error (a *Problem, returned at once)
	// instead of a Skipped entry.
	Strict bool
	// Logger, when set, receives a warning for each problem.
	Logger *slog.Logger
}

// Kinds of problems, for errors.Is on a *Problem.
var (
	ErrUnreadable   = errors.New("unreadable")
	ErrUnknownType  = errors.New("unknown file type")
	ErrInvalidUTF8  = errors.New("invalid UTF-8")
	ErrMalformed    = errors.New("malformed")
	ErrNoText       = errors.New("no text")
	ErrDuplicateID  = errors.New("duplicate id")
	ErrBadDate      = errors.New("bad date")
	ErrBrokenStream = errors.New("broken stream")
	ErrTooLarge     = errors.New("too large")
)

// Problem is one bad input: where it is, why it was not read, its kind
// (one of the Err* values above) and the underlying error if any. In strict
// mode the walk returns it; otherwise it becomes a Skipped entry.
type Problem struct {
	Where  string
	Reason string
	Kind   error
	Cause  error
}

func (p *Problem) Error() string { return p.Where + ": " + p.Reason }

// Unwrap returns the kind and the cause, so errors.Is works with both.
func (p *Problem) Unwrap() []error {
	if p.Cause == nil {
		return []error{p.Kind}
	}
	return []error{p.Kind, p.Cause}
}

// Skipped returns the problem as a Skipped entry.
func (p *Problem) Skipped() Skipped { return Skipped{Where: p.Where, Reason: p.Reason} }
