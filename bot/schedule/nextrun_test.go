package schedule

import (
	"testing"
	"time"
	_ "time/tzdata" // the zones tested, wherever the tests run
)

func zone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestNextRun(t *testing.T) {
	london, newYork, santiago := zone(t, "Europe/London"), zone(t, "America/New_York"), zone(t, "America/Santiago")
	tests := []struct {
		name string
		now  string // UTC
		at   string
		loc  *time.Location
		want string // UTC; "" for the zero time
	}{
		{"london: morning after spring forward", "2024-03-30T09:00:00Z", "08:00", london, "2024-03-31T07:00:00Z"},
		{"london: in the spring gap, at its end", "2024-03-30T12:00:00Z", "01:30", london, "2024-03-31T01:00:00Z"},
		{"london: the day after the gap", "2024-03-31T01:00:00Z", "01:30", london, "2024-04-01T00:30:00Z"},
		{"london: fall back, the first 01:30", "2024-10-26T12:00:00Z", "01:30", london, "2024-10-27T00:30:00Z"},
		{"london: fall back, not the second 01:30", "2024-10-27T00:30:00Z", "01:30", london, "2024-10-28T01:30:00Z"},
		{"london: morning after fall back", "2024-10-26T08:00:00Z", "08:00", london, "2024-10-27T08:00:00Z"},
		{"new york: in the spring gap, at its end", "2024-03-09T12:00:00Z", "02:30", newYork, "2024-03-10T07:00:00Z"},
		{"new york: morning after spring forward", "2024-03-09T13:00:00Z", "08:00", newYork, "2024-03-10T12:00:00Z"},
		{"new york: fall back, the first 01:30", "2024-11-02T12:00:00Z", "01:30", newYork, "2024-11-03T05:30:00Z"},
		{"new york: fall back, not the second 01:30", "2024-11-03T05:31:00Z", "01:30", newYork, "2024-11-04T06:30:00Z"},
		{"new york: morning after fall back", "2024-11-02T12:00:00Z", "08:00", newYork, "2024-11-03T13:00:00Z"},
		{"santiago: midnight skipped", "2024-09-07T12:00:00Z", "00:00", santiago, "2024-09-08T04:00:00Z"},
		{"later today", "2024-01-01T07:59:59Z", "08:00", time.UTC, "2024-01-01T08:00:00Z"},
		{"at the run: tomorrow", "2024-01-01T08:00:00Z", "08:00", time.UTC, "2024-01-02T08:00:00Z"},
		{"nil location is UTC", "2024-01-01T07:00:00Z", "08:00", nil, "2024-01-01T08:00:00Z"},
		{"new year's eve", "2024-12-31T23:30:00Z", "23:15", time.UTC, "2025-01-01T23:15:00Z"},
		{"bad time", "2024-01-01T07:00:00Z", "8am", time.UTC, ""},
		{"hour 24", "2024-01-01T07:00:00Z", "24:00", time.UTC, ""},
		{"short", "2024-01-01T07:00:00Z", "8:00", time.UTC, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NextRun(utc(tt.now), tt.at, tt.loc)
			if tt.want == "" {
				if !got.IsZero() {
					t.Errorf("got %v, want the zero time", got)
				}
				return
			}
			if !got.Equal(utc(tt.want)) {
				t.Errorf("NextRun(%s, %s) = %v (%v), want %s", tt.now, tt.at, got.UTC(), got, tt.want)
			}
		})
	}
}

// TestNextRunEveryDay follows the runs through a year: one a day, on
// consecutive dates, at the wall time asked (or at the end of its gap).
func TestNextRunEveryDay(t *testing.T) {
	for _, name := range []string{"Europe/London", "America/New_York", "Australia/Lord_Howe"} {
		loc := zone(t, name)
		for _, at := range []string{"08:00", "01:30", "02:30", "00:00", "23:59"} {
			h, m, _ := ParseAt(at)
			now := time.Date(2024, 1, 1, 12, 0, 0, 0, loc)
			prev := NextRun(now, at, loc)
			for range 366 {
				next := NextRun(prev, at, loc)
				py, pm, pd := prev.Date()
				if want := time.Date(py, pm, pd+1, 0, 0, 0, 0, time.UTC); next.Year() != want.Year() || next.YearDay() != want.YearDay() {
					t.Fatalf("%s %s: after %v comes %v, not the next day", name, at, prev, next)
				}
				if next.Hour() != h || next.Minute() != m {
					// Only a wall time that does not exist may move, and only
					// to the end of its gap.
					if exists(next, h, m) || next.Sub(runOn(next.Year(), next.Month(), next.Day(), h, m, loc)) != 0 {
						t.Errorf("%s %s: run at %v", name, at, next)
					}
					if _, off := next.Zone(); func() bool { _, o := next.Add(-time.Nanosecond).Zone(); return o == off }() {
						t.Errorf("%s %s: run at %v is not the end of a gap", name, at, next)
					}
				}
				prev = next
			}
		}
	}
}

// exists tells whether the wall time h:m occurs on next's local date.
func exists(t time.Time, h, m int) bool {
	y, mo, d := t.Date()
	for u := time.Date(y, mo, d, 0, 0, 0, 0, t.Location()).Add(-2 * time.Hour); u.Before(time.Date(y, mo, d, 23, 59, 0, 0, t.Location()).Add(2 * time.Hour)); u = u.Add(time.Minute) {
		l := u.In(t.Location())
		if l.Year() == y && l.Month() == mo && l.Day() == d && l.Hour() == h && l.Minute() == m {
			return true
		}
	}
	return false
}

func TestParseAt(t *testing.T) {
	tests := []struct {
		at   string
		h, m int
		ok   bool
	}{
		{"08:00", 8, 0, true}, {"23:59", 23, 59, true}, {"00:00", 0, 0, true},
		{"24:00", 0, 0, false}, {"8:00", 0, 0, false}, {"08:60", 0, 0, false}, {"", 0, 0, false}, {"08:00:00", 0, 0, false},
	}
	for _, tt := range tests {
		h, m, err := ParseAt(tt.at)
		if (err == nil) != tt.ok || h != tt.h || m != tt.m {
			t.Errorf("ParseAt(%q) = %d, %d, %v", tt.at, h, m, err)
		}
	}
}
