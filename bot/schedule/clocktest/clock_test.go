package clocktest

import (
	"context"
	"testing"
	"time"
)

func TestClock(t *testing.T) {
	start := time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC)
	c := New(start)
	select {
	case got := <-c.After(0):
		if !got.Equal(start) {
			t.Errorf("After(0) sent %v", got)
		}
	default:
		t.Fatal("After(0) did not fire at once")
	}
	late, early := c.After(2*time.Hour), c.After(time.Hour)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	tests := []struct {
		name       string
		want       time.Time
		fired      <-chan time.Time
		notYet     <-chan time.Time
		afterwards time.Time // the clock's time after the step
	}{
		{"earliest first", start.Add(time.Hour), early, late, start.Add(time.Hour)},
		{"then the next", start.Add(2 * time.Hour), late, nil, start.Add(2 * time.Hour)},
	}
	for _, tt := range tests {
		at, err := c.Step(ctx)
		if err != nil || !at.Equal(tt.want) {
			t.Fatalf("%s: Step = %v, %v; want %v", tt.name, at, err, tt.want)
		}
		select {
		case <-tt.fired:
		default:
			t.Errorf("%s: timer did not fire", tt.name)
		}
		select {
		case <-tt.notYet:
			t.Errorf("%s: a later timer fired early", tt.name)
		default:
		}
		if !c.Now().Equal(tt.afterwards) {
			t.Errorf("%s: now %v", tt.name, c.Now())
		}
	}
	c.Set(start) // never backwards
	if !c.Now().Equal(start.Add(2 * time.Hour)) {
		t.Errorf("Set moved the clock back to %v", c.Now())
	}
	short, cancelShort := context.WithCancel(context.Background())
	cancelShort()
	if _, err := c.Waiting(short); err == nil {
		t.Error("Waiting with no timer and an ended context: no error")
	}
}
