package schedule

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"
)

// local reads "YYYY-MM-DD HH:MM:SS" as a wall time in loc.
func local(t testing.TB, loc *time.Location, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation(time.DateTime, s, loc)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func days(as []attempt) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.day)
	}
	return out
}

// TestStartAroundPostingTime restarts the bot around the morning post: the
// day is posted once, at 08:00 or at once when the bot was down at 08:00.
func TestStartAroundPostingTime(t *testing.T) {
	london := zone(t, "Europe/London")
	posted := func(day string) State { return State{Day: day, Status: Posted, Posted: day} }
	tests := []struct {
		name      string
		now       string
		st        State
		wantPosts []string
		wantAt    string // local time of the first post
		wantNext  string // local time the scheduler then waits for
	}{
		{"just before, yesterday not yet posted", "2023-03-22 07:59:59", posted("2023-03-20"), []string{"2023-03-21"}, "2023-03-22 08:00:00", "2023-03-22 09:00:00"},
		{"just after, down at 08:00", "2023-03-22 08:00:01", posted("2023-03-20"), []string{"2023-03-21"}, "2023-03-22 08:00:01", "2023-03-22 09:00:01"},
		{"just after, posted before the restart", "2023-03-22 08:00:01", posted("2023-03-21"), nil, "", "2023-03-22 09:00:01"},
		{"down for days: only the latest day", "2023-03-22 10:00:00", posted("2023-03-10"), []string{"2023-03-21"}, "2023-03-22 10:00:00", "2023-03-22 11:00:00"},
		{"down for days after a skipped day", "2023-03-22 10:00:00", State{Day: "2023-03-19", Status: Skipped}, []string{"2023-03-21"}, "2023-03-22 10:00:00", "2023-03-22 11:00:00"},
		{"first start ever: waits for 08:00", "2023-03-22 10:00:00", State{}, nil, "", "2023-03-22 11:00:00"},
		{"first start ever, before 08:00", "2023-03-22 07:00:00", State{}, []string{"2023-03-21"}, "2023-03-22 08:00:00", "2023-03-22 09:00:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, t.TempDir(), local(t, london, tt.now), tt.st)
			h.start(nil)
			h.until(local(t, london, "2023-03-22 08:30:00"))
			as, posts, fails := h.record()
			if !slices.Equal(posts, tt.wantPosts) || len(fails) != 0 {
				t.Fatalf("posts %v, failures %v; want %v", posts, fails, tt.wantPosts)
			}
			if tt.wantAt != "" && !as[0].at.Equal(local(t, london, tt.wantAt)) {
				t.Errorf("posted at %v, want %s", as[0].at, tt.wantAt)
			}
			if got := h.waiting(); !got.Equal(local(t, london, tt.wantNext)) {
				t.Errorf("then waits until %v, want %s", got, tt.wantNext)
			}
			if len(posts) > 0 {
				if st := h.state(); st.Day != "2023-03-21" || st.Status != Posted || st.Posted != "2023-03-21" {
					t.Errorf("state %+v", st)
				}
			}
		})
	}
}

// TestDailyAcrossDST runs through the daylight-saving changes: a post every
// morning at 08:00 local time, for the day before.
func TestDailyAcrossDST(t *testing.T) {
	tests := []struct {
		zone, start, end string
	}{
		{"Europe/London", "2024-03-29 12:00:00", "2024-04-02 12:00:00"},
		{"Europe/London", "2024-10-25 12:00:00", "2024-10-29 12:00:00"},
		{"America/New_York", "2024-03-08 12:00:00", "2024-03-12 12:00:00"},
		{"America/New_York", "2024-11-01 12:00:00", "2024-11-05 12:00:00"},
	}
	for _, tt := range tests {
		t.Run(tt.zone+" "+tt.start, func(t *testing.T) {
			loc := zone(t, tt.zone)
			start := local(t, loc, tt.start)
			h := newHarness(t, t.TempDir(), start, State{Day: dayBefore(start), Status: Posted})
			h.start(nil)
			h.until(local(t, loc, tt.end))
			as, _, _ := h.record()
			var want []attempt
			for d := 1; d <= 4; d++ {
				at := time.Date(start.Year(), start.Month(), start.Day()+d, 8, 0, 0, 0, loc)
				want = append(want, attempt{day: dayBefore(at), at: at})
			}
			if len(as) != len(want) {
				t.Fatalf("attempts %v, want %v", as, want)
			}
			for i := range want {
				if as[i].day != want[i].day || !as[i].at.Equal(want[i].at) || as[i].at.In(loc).Hour() != 8 {
					t.Errorf("post %d: %s at %v, want %s at %v", i, as[i].day, as[i].at.In(loc), want[i].day, want[i].at)
				}
			}
		})
	}
}

// rateLimited is a 429 as the bot's poster reports it.
type rateLimited struct{ after time.Duration }

func (e rateLimited) Error() string {
	return fmt.Sprintf("429 Too Many Requests, retry after %v", e.after)
}
func (e rateLimited) RetryAfter() time.Duration { return e.after }

func TestRetry(t *testing.T) {
	london := zone(t, "Europe/London")
	errBoom := errors.New("500 Internal Server Error")
	tests := []struct {
		name    string
		backoff Backoff
		fail    func(n int) error // attempt n (1-based) of the first day
		// offsets of the attempts from 08:00, and whether the day is posted
		wantAt []time.Duration
		posted bool
	}{
		{"backoff doubles", Backoff{}, func(n int) error {
			if n <= 3 {
				return errBoom
			}
			return nil
		}, []time.Duration{0, 30 * time.Second, 90 * time.Second, 210 * time.Second}, true},
		{"429 retry-after honoured", Backoff{}, func(n int) error {
			if n == 1 {
				return fmt.Errorf("posting: %w", rateLimited{7 * time.Second})
			}
			return nil
		}, []time.Duration{0, 7 * time.Second}, true},
		{"backoff capped, then given up", Backoff{Initial: time.Minute, Max: 2 * time.Minute, Attempts: 5}, func(int) error { return errBoom },
			[]time.Duration{0, time.Minute, 3 * time.Minute, 5 * time.Minute, 7 * time.Minute}, false},
		{"a retry-after past the next post gives up", Backoff{}, func(int) error { return rateLimited{25 * time.Hour} },
			[]time.Duration{0}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eight := local(t, london, "2023-03-22 08:00:00")
			h := newHarness(t, t.TempDir(), eight.Add(-time.Minute), State{Day: "2023-03-20", Status: Posted})
			h.postFn = func(_ context.Context, day string, n int) error {
				if day == "2023-03-21" {
					return tt.fail(n)
				}
				return nil
			}
			h.start(func(c *Config) { c.Backoff = tt.backoff })
			h.until(local(t, london, "2023-03-23 08:30:00"))
			as, posts, fails := h.record()
			var got []time.Duration
			for _, a := range as {
				if a.day == "2023-03-21" {
					got = append(got, a.at.Sub(eight))
				}
			}
			if !slices.Equal(got, tt.wantAt) {
				t.Errorf("attempts at %v after 08:00, want %v", got, tt.wantAt)
			}
			if slices.Contains(posts, "2023-03-21") != tt.posted {
				t.Errorf("posts %v", posts)
			}
			if !slices.Contains(posts, "2023-03-22") {
				t.Errorf("the next day did not come: %v", posts)
			}
			if tt.posted {
				if len(fails) != 0 {
					t.Errorf("failures %v", fails)
				}
				return
			}
			if len(fails) != 1 || fails[0].day != "2023-03-21" {
				t.Fatalf("failures %v, want one for 2023-03-21", fails)
			}
			var ra RetryAfterError
			if !errors.Is(fails[0].err, errBoom) && !errors.As(fails[0].err, &ra) {
				t.Errorf("the failure %v does not carry the post's error", fails[0].err)
			}
		})
	}
}

func TestSkipEmpty(t *testing.T) {
	london := zone(t, "Europe/London")
	h := newHarness(t, t.TempDir(), local(t, london, "2023-03-21 09:00:00"), State{Day: "2023-03-19", Status: Posted})
	h.start(func(c *Config) {
		c.HasCoverage = func(_ context.Context, day string) (bool, error) {
			switch day {
			case "2023-03-20":
				return false, nil
			case "2023-03-21":
				return false, errors.New("index closed")
			}
			return true, nil
		}
	})
	h.waiting()
	if st := h.state(); st.Day != "2023-03-20" || st.Status != Skipped {
		t.Errorf("state %+v, want 2023-03-20 skipped", st)
	}
	h.until(local(t, london, "2023-03-23 09:00:00"))
	if _, posts, _ := h.record(); !slices.Equal(posts, []string{"2023-03-21", "2023-03-22"}) {
		t.Errorf("posts %v: want the day whose coverage is unknown and the next, not the empty one", posts)
	}
}

func TestRunBadState(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, dir, time.Date(2023, 3, 22, 9, 0, 0, 0, time.UTC), State{})
	if err := writeFile(dir, StateFile, "{not json"); err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{At: "08:00", Dir: dir, Post: h.post, Clock: h.clk})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Run(context.Background()); err == nil {
		t.Error("Run with a corrupt state file: no error")
	}
}

func TestNew(t *testing.T) {
	post := func(context.Context, string) error { return nil }
	tests := []struct {
		name string
		cfg  Config
		ok   bool
	}{
		{"ok", Config{At: "08:00", Dir: "d", Post: post}, true},
		{"bad time", Config{At: "8", Dir: "d", Post: post}, false},
		{"no dir", Config{At: "08:00", Post: post}, false},
		{"no post", Config{At: "08:00", Dir: "d"}, false},
	}
	for _, tt := range tests {
		if _, err := New(tt.cfg); (err == nil) != tt.ok {
			t.Errorf("%s: New = %v", tt.name, err)
		}
	}
}

func TestBackoffDelay(t *testing.T) {
	b := Backoff{}.withDefaults()
	want := []time.Duration{30 * time.Second, time.Minute, 2 * time.Minute, 4 * time.Minute, 8 * time.Minute, 10 * time.Minute, 10 * time.Minute}
	for i, w := range want {
		if got := b.delay(i+1, errors.New("x")); got != w {
			t.Errorf("delay after attempt %d = %v, want %v", i+1, got, w)
		}
	}
	if got := b.delay(1, fmt.Errorf("wrapped: %w", rateLimited{42 * time.Second})); got != 42*time.Second {
		t.Errorf("retry-after: %v", got)
	}
	if got := b.delay(2, rateLimited{0}); got != time.Minute {
		t.Errorf("retry-after 0: %v, want the backoff", got)
	}
}
