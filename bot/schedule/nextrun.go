package schedule

import (
	"fmt"
	"time"
)

// DayLayout is how days are written: YYYY-MM-DD.
const DayLayout = time.DateOnly

// ParseAt reads a time of day "HH:MM" (24-hour clock).
func ParseAt(at string) (hour, minute int, err error) {
	t, err := time.Parse("15:04", at)
	if err != nil || len(at) != len("15:04") {
		return 0, 0, fmt.Errorf("time of day %q: want HH:MM, 00:00 to 23:59", at)
	}
	return t.Hour(), t.Minute(), nil
}

// NextRun returns the first instant after now at which the wall clock in
// loc reads at ("HH:MM"). On a day that skips that time (the spring
// daylight-saving gap) the run is at the first instant after the gap; on a
// day that shows it twice (the autumn fall-back) the run is at the first of
// the two, once. A nil loc is UTC; an at that ParseAt rejects gives the
// zero time.
func NextRun(now time.Time, at string, loc *time.Location) time.Time {
	h, m, err := ParseAt(at)
	if err != nil {
		return time.Time{}
	}
	if loc == nil {
		loc = time.UTC
	}
	y, mo, d := now.In(loc).Date()
	for i := range 3 { // today's run may have passed; tomorrow's has not
		if r := runOn(y, mo, d+i, h, m, loc); r.After(now) {
			return r
		}
	}
	return time.Time{} // unreachable: a day's run lies within a day of the next
}

// lastRun returns the latest run at or before now (see NextRun).
func lastRun(now time.Time, h, m int, loc *time.Location) time.Time {
	y, mo, d := now.In(loc).Date()
	for i := range 3 {
		if r := runOn(y, mo, d-i, h, m, loc); !r.After(now) {
			return r
		}
	}
	return time.Time{}
}

// runOn returns the run instant of the local date y-mo-d (d may overflow,
// as time.Date allows): the first instant whose wall clock in loc reads
// h:m on that date, or, when that wall time does not exist, the end of the
// gap that skips it.
func runOn(y int, mo time.Month, d, h, m int, loc *time.Location) time.Time {
	date := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	y, mo, d = date.Date()
	wall := time.Date(y, mo, d, h, m, 0, 0, time.UTC)
	// The offsets in force around that wall time: zone changes are never
	// less than a day apart, so the ones 12 hours before and after cover it.
	_, before := wall.Add(-12 * time.Hour).In(loc).Zone()
	_, after := wall.Add(12 * time.Hour).In(loc).Zone()
	var best time.Time
	for _, off := range []int{before, after} {
		t := wall.Add(-time.Duration(off) * time.Second)
		if lt := t.In(loc); lt.Year() == y && lt.Month() == mo && lt.Day() == d && lt.Hour() == h && lt.Minute() == m {
			if best.IsZero() || t.Before(best) {
				best = t
			}
		}
	}
	if !best.IsZero() {
		return best.In(loc)
	}
	// In a gap: read with the earlier offset, the wall time lands past the
	// change; the zone period it lands in starts where the gap ends.
	start, _ := wall.Add(-time.Duration(before) * time.Second).In(loc).ZoneBounds()
	return start.In(loc)
}

// dayBefore returns the date before the local date of t, as YYYY-MM-DD.
func dayBefore(t time.Time) string {
	y, m, d := t.Date()
	return time.Date(y, m, d-1, 0, 0, 0, 0, time.UTC).Format(DayLayout)
}
