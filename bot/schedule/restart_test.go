package schedule

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"
)

// TestCrashBetweenPostAndRecord stops the bot at both points of a post:
// after claiming the day but before the post went out, and after the post
// went out but before it was recorded. Either way the restart does not post
// the day again (at most once) and reports it to the moderators.
func TestCrashBetweenPostAndRecord(t *testing.T) {
	london := zone(t, "Europe/London")
	tests := []struct {
		name      string
		crash     func(h *harness) func(ctx context.Context, day string, n int) error
		wantPosts []string
	}{
		{"recorded, not posted", func(h *harness) func(ctx context.Context, day string, n int) error {
			return func(ctx context.Context, day string, n int) error {
				h.cancel() // the bot stops while the request is under way
				<-ctx.Done()
				return ctx.Err()
			}
		}, nil},
		{"posted, not recorded", func(h *harness) func(ctx context.Context, day string, n int) error {
			return func(ctx context.Context, day string, n int) error {
				h.mu.Lock()
				h.posts = append(h.posts, day) // Discord got it…
				h.mu.Unlock()
				h.cancel() // …and the bot died before hearing back
				return errors.New("connection reset")
			}
		}, []string{"2023-03-21"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			h := newHarness(t, dir, local(t, london, "2023-03-22 07:59:00"), State{Day: "2023-03-20", Status: Posted, Posted: "2023-03-20"})
			h.postFn = tt.crash(h)
			h.start(nil)
			h.clk.Set(h.waiting())
			select {
			case <-h.done:
			case <-time.After(10 * time.Second):
				t.Fatal("Run did not stop")
			}
			h.cancel = nil
			if st := h.state(); st.Day != "2023-03-21" || st.Status != Posting {
				t.Fatalf("state after the crash %+v, want 2023-03-21 posting", st)
			}
			_, firstPosts, _ := h.record()

			// The restart, a minute later.
			r := newHarness(t, dir, local(t, london, "2023-03-22 08:01:00"), State{})
			r.start(nil)
			r.until(local(t, london, "2023-03-23 09:00:00"))
			as, posts, fails := r.record()
			if all := append(firstPosts, posts...); !slices.Equal(all, append(tt.wantPosts, "2023-03-22")) {
				t.Errorf("posts %v, want %v then the next day", all, tt.wantPosts)
			}
			if slices.Contains(days(as), "2023-03-21") {
				t.Errorf("the restart tried 2023-03-21 again: %v", as)
			}
			if len(fails) != 1 || fails[0].day != "2023-03-21" || !errors.Is(fails[0].err, ErrInterrupted) {
				t.Errorf("failures %v, want 2023-03-21 interrupted", fails)
			}
			if st := r.state(); st.Day != "2023-03-22" || st.Status != Posted {
				t.Errorf("state %+v", st)
			}
		})
	}
}

// TestStopBetweenAttempts: a stop while waiting to retry withdraws the
// claim, since nothing went out, and the restart posts the day.
func TestStopBetweenAttempts(t *testing.T) {
	london := zone(t, "Europe/London")
	dir := t.TempDir()
	h := newHarness(t, dir, local(t, london, "2023-03-22 08:00:00"), State{Day: "2023-03-20", Status: Posted, Posted: "2023-03-20"})
	h.postFn = func(context.Context, string, int) error { return errors.New("502 Bad Gateway") }
	h.start(nil)
	if at := h.waiting(); !at.Equal(local(t, london, "2023-03-22 08:00:30")) {
		t.Fatalf("retry at %v, want 08:00:30", at)
	}
	h.stop()
	if st := h.state(); st.Day != "2023-03-20" || st.Status != Posted {
		t.Fatalf("state after the stop %+v, want the claim withdrawn", st)
	}
	r := newHarness(t, dir, local(t, london, "2023-03-22 08:05:00"), State{})
	r.start(nil)
	r.waiting()
	if _, posts, fails := r.record(); !slices.Equal(posts, []string{"2023-03-21"}) || len(fails) != 0 {
		t.Errorf("posts %v, failures %v", posts, fails)
	}
}
