package schedule

import (
	"errors"
	"time"
)

// RetryAfterError is implemented by a post error that says when to try
// again, as Discord's 429 responses do; the scheduler waits that long
// instead of its own backoff.
type RetryAfterError interface {
	error
	RetryAfter() time.Duration
}

// Backoff spaces the attempts of a failing post: Initial after the first
// failure, doubling each time up to Max, Attempts in all.
type Backoff struct {
	Initial  time.Duration // default 30s
	Max      time.Duration // default 10m
	Attempts int           // default 8
}

// DefaultBackoff is used for the zero fields of Config.Backoff.
var DefaultBackoff = Backoff{Initial: 30 * time.Second, Max: 10 * time.Minute, Attempts: 8}

func (b Backoff) withDefaults() Backoff {
	if b.Initial <= 0 {
		b.Initial = DefaultBackoff.Initial
	}
	if b.Max <= 0 {
		b.Max = DefaultBackoff.Max
	}
	if b.Max < b.Initial {
		b.Max = b.Initial
	}
	if b.Attempts <= 0 {
		b.Attempts = DefaultBackoff.Attempts
	}
	return b
}

// delay is the wait after the given failed attempt (1-based) that ended in
// err: what err asks for, or Initial·2^(attempt-1) capped at Max.
func (b Backoff) delay(attempt int, err error) time.Duration {
	var ra RetryAfterError
	if errors.As(err, &ra) && ra.RetryAfter() > 0 {
		return ra.RetryAfter()
	}
	d := b.Initial
	for range attempt - 1 {
		if d >= b.Max/2 {
			return b.Max
		}
		d *= 2
	}
	return min(d, b.Max)
}
