// Package clocktest is a fake schedule.Clock for tests: time stands still
// until the test moves it, and the test can wait, without sleeping, until
// the code under test is waiting on the clock.
package clocktest

import (
	"context"
	"slices"
	"sync"
	"time"
)

// Clock is a fake clock; it satisfies schedule.Clock. Its zero value is
// not usable: call New.
type Clock struct {
	mu      sync.Mutex
	now     time.Time
	timers  []timer
	changed chan struct{} // closed and replaced when a timer is added
}

type timer struct {
	at time.Time
	ch chan time.Time
}

// New returns a clock reading now.
func New(now time.Time) *Clock {
	return &Clock{now: now, changed: make(chan struct{})}
}

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// After returns a channel that receives the time once the clock has been
// moved d past now; at once when d <= 0.
func (c *Clock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := make(chan time.Time, 1)
	if d <= 0 {
		ch <- c.now
		return ch
	}
	c.timers = append(c.timers, timer{at: c.now.Add(d), ch: ch})
	close(c.changed)
	c.changed = make(chan struct{})
	return ch
}

// Set moves the clock to t (never backwards) and fires the timers due by then.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if t.After(c.now) {
		c.now = t
	}
	c.timers = slices.DeleteFunc(c.timers, func(tm timer) bool {
		if tm.at.After(c.now) {
			return false
		}
		tm.ch <- c.now
		return true
	})
}

// Advance moves the clock d forward (see Set).
func (c *Clock) Advance(d time.Duration) { c.Set(c.Now().Add(d)) }

// Waiting blocks until some timer is pending and returns the earliest
// deadline: the code under test is then waiting on the clock, done with
// everything it had to do before. It fails only when ctx ends first.
func (c *Clock) Waiting(ctx context.Context) (time.Time, error) {
	for {
		c.mu.Lock()
		if len(c.timers) > 0 {
			at := c.timers[0].at
			for _, tm := range c.timers[1:] {
				if tm.at.Before(at) {
					at = tm.at
				}
			}
			c.mu.Unlock()
			return at, nil
		}
		changed := c.changed
		c.mu.Unlock()
		select {
		case <-changed:
		case <-ctx.Done():
			return time.Time{}, context.Cause(ctx)
		}
	}
}

// Step waits for a pending timer (see Waiting), moves the clock to its
// deadline, fires it, and returns the new time.
func (c *Clock) Step(ctx context.Context) (time.Time, error) {
	at, err := c.Waiting(ctx)
	if err != nil {
		return time.Time{}, err
	}
	c.Set(at)
	return at, nil
}
