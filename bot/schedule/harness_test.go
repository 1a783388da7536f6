package schedule

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/bot/schedule/clocktest"
)

// harness runs a Scheduler on a fake clock and records what it does.
type harness struct {
	t      *testing.T
	clk    *clocktest.Clock
	dir    string
	loc    *time.Location
	cancel context.CancelFunc
	done   chan error

	mu       sync.Mutex
	attempts []attempt // every call of Post
	posts    []string  // the days that arrived
	failures []failure
	// postFn decides each attempt; nil: success.
	postFn func(ctx context.Context, day string, n int) error
}

type attempt struct {
	day string
	at  time.Time
}

type failure struct {
	day string
	err error
}

// newHarness prepares a run in dir at now (local time in London unless
// loc says otherwise), with the state st saved first unless it is zero.
func newHarness(t *testing.T, dir string, now time.Time, st State) *harness {
	t.Helper()
	if st != (State{}) {
		if err := st.Save(dir); err != nil {
			t.Fatal(err)
		}
	}
	return &harness{t: t, clk: clocktest.New(now), dir: dir, loc: now.Location()}
}

func (h *harness) post(ctx context.Context, day string) error {
	h.mu.Lock()
	n := 0
	for _, a := range h.attempts {
		if a.day == day {
			n++
		}
	}
	h.attempts = append(h.attempts, attempt{day, h.clk.Now()})
	fn := h.postFn
	h.mu.Unlock()
	var err error
	if fn != nil {
		err = fn(ctx, day, n+1)
	}
	if err == nil {
		h.mu.Lock()
		h.posts = append(h.posts, day)
		h.mu.Unlock()
	}
	return err
}

// start runs the scheduler, configured by cfg, in the background.
func (h *harness) start(cfg func(*Config)) {
	h.t.Helper()
	c := Config{
		At: "08:00", Location: h.loc, Dir: h.dir, Post: h.post, Clock: h.clk,
		Logger: slog.New(slog.DiscardHandler),
		OnFailure: func(_ context.Context, day string, err error) {
			h.mu.Lock()
			defer h.mu.Unlock()
			h.failures = append(h.failures, failure{day, err})
		},
	}
	if cfg != nil {
		cfg(&c)
	}
	s, err := New(c)
	if err != nil {
		h.t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel, h.done = cancel, make(chan error, 1)
	go func() { h.done <- s.Run(ctx) }()
	h.t.Cleanup(h.stop)
}

// waiting returns the deadline the scheduler waits for, once it waits.
func (h *harness) waiting() time.Time {
	h.t.Helper()
	ctx, cancel := context.WithTimeoutCause(context.Background(), 10*time.Second, errors.New("the scheduler never waited"))
	defer cancel()
	at, err := h.clk.Waiting(ctx)
	if err != nil {
		h.t.Fatal(err)
	}
	return at
}

// until moves the clock from wait to wait up to end, letting the scheduler
// do its work at each, and leaves it waiting past end.
func (h *harness) until(end time.Time) {
	h.t.Helper()
	for {
		at := h.waiting()
		if at.After(end) {
			return
		}
		h.clk.Set(at)
	}
}

// stop ends the run (a shutdown) and checks Run returned nil.
func (h *harness) stop() {
	if h.cancel == nil {
		return
	}
	h.cancel()
	h.cancel = nil
	select {
	case err := <-h.done:
		if err != nil {
			h.t.Errorf("Run: %v", err)
		}
	case <-time.After(10 * time.Second):
		h.t.Fatal("Run did not return after its context ended")
	}
}

func (h *harness) record() ([]attempt, []string, []failure) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]attempt(nil), h.attempts...), append([]string(nil), h.posts...), append([]failure(nil), h.failures...)
}

func (h *harness) state() State {
	h.t.Helper()
	st, err := LoadState(h.dir)
	if err != nil {
		h.t.Fatal(err)
	}
	return st
}
