package bot

import (
	"sync"
	"time"
)

// limiter allows each user n commands in any window of length per.
type limiter struct {
	n   int
	per time.Duration

	mu    sync.Mutex
	users map[string][]time.Time // each user's recent commands, oldest first
	calls int
}

func newLimiter(n int, per time.Duration) *limiter {
	return &limiter{n: n, per: per, users: map[string][]time.Time{}}
}

// allow records a command of user at now, or says how long until they may
// run another.
func (l *limiter) allow(user string, now time.Time) (ok bool, wait time.Duration) {
	if l == nil || l.n <= 0 {
		return true, 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.calls++
	if l.calls%1024 == 0 {
		l.sweep(now)
	}
	recent := l.users[user]
	for len(recent) > 0 && now.Sub(recent[0]) >= l.per {
		recent = recent[1:]
	}
	if len(recent) >= l.n {
		l.users[user] = recent
		return false, l.per - now.Sub(recent[0])
	}
	l.users[user] = append(recent, now)
	return true, 0
}

// sweep forgets users with no command in the window, so the map stays small.
func (l *limiter) sweep(now time.Time) {
	for u, recent := range l.users {
		if len(recent) == 0 || now.Sub(recent[len(recent)-1]) >= l.per {
			delete(l.users, u)
		}
	}
}
