package schedule

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"
)

// ErrInterrupted reports a post that was under way when the bot stopped:
// it may or may not have arrived, and it is not repeated.
var ErrInterrupted = errors.New("the post was interrupted by a stop")

// Config sets up a Scheduler.
type Config struct {
	// At is the time of day of the post, "HH:MM", in Location (nil: UTC).
	At       string
	Location *time.Location
	// Dir holds the state file (StateFile); created when missing.
	Dir string
	// Post posts the summary of day (YYYY-MM-DD). An error implementing
	// RetryAfterError sets the wait before the next attempt.
	Post func(ctx context.Context, day string) error
	// HasCoverage, when set, is asked before posting: a day without
	// coverage is skipped (summary.skip_empty). Leave it nil to always post.
	// If it fails, the day is posted.
	HasCoverage func(ctx context.Context, day string) (bool, error)
	// OnFailure, when set, is told of a day that could not be posted: every
	// attempt failed, the state could not be saved, or a post was
	// interrupted by a stop (ErrInterrupted). The bot sends it to the
	// moderators' log channel. Every failure is also logged.
	OnFailure func(ctx context.Context, day string, err error)
	Backoff   Backoff
	Clock     Clock        // nil: System()
	Logger    *slog.Logger // nil: slog.Default()
}

// Scheduler posts the summary of each day once, the next morning.
type Scheduler struct {
	cfg  Config
	h, m int
}

// New checks cfg and returns its Scheduler.
func New(cfg Config) (*Scheduler, error) {
	h, m, err := ParseAt(cfg.At)
	if err != nil {
		return nil, fmt.Errorf("summary schedule: %w", err)
	}
	if cfg.Dir == "" {
		return nil, errors.New("summary schedule: no state directory")
	}
	if cfg.Post == nil {
		return nil, errors.New("summary schedule: no post function")
	}
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	if cfg.Clock == nil {
		cfg.Clock = System()
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	cfg.Backoff = cfg.Backoff.withDefaults()
	return &Scheduler{cfg: cfg, h: h, m: m}, nil
}

// Due returns the day a run at or before now covers, and that run: the run
// of local date D, at At, posts the summary of D-1, the day that ended.
func (s *Scheduler) Due(now time.Time) (day string, run time.Time) {
	run = lastRun(now, s.h, s.m, s.cfg.Location)
	return dayBefore(run), run
}

// Run posts until ctx is done, then returns nil; it returns an error only
// when the state cannot be read at start.
//
// At start, a day whose post was under way when the bot stopped is reported
// (ErrInterrupted) and not posted again. Then, if the latest run passed
// while the bot was down and its day is newer than the last one taken up,
// that day is posted at once: only that one, however many were missed. A
// bot with no state yet waits for the next run. Then each run posts its day.
func (s *Scheduler) Run(ctx context.Context) error {
	st, err := LoadState(s.cfg.Dir)
	if err != nil {
		return err
	}
	if st.Status == Posting {
		s.fail(ctx, st.Day, fmt.Errorf("summary of %s: %w; check the channel and post it by hand if it is missing", st.Day, ErrInterrupted))
		st = s.record(ctx, st, st.Day, Interrupted)
	}
	if st.Day == "" {
		// Nothing was missed by a bot that never ran: the days before its
		// first run count as taken up (in memory only).
		st.Day, _ = s.Due(s.cfg.Clock.Now())
	}
	for {
		if day, _ := s.Due(s.cfg.Clock.Now()); day > st.Day {
			st = s.take(ctx, st, day)
		}
		if ctx.Err() != nil {
			return nil
		}
		now := s.cfg.Clock.Now()
		next := NextRun(now, s.cfg.At, s.cfg.Location)
		s.cfg.Logger.Debug("summary: next post", "at", next, "day", dayBefore(next))
		select {
		case <-ctx.Done():
			return nil
		case <-s.cfg.Clock.After(min(next.Sub(now), maxWait)):
		}
	}
}

// maxWait bounds one wait: the scheduler looks at the wall clock again at
// least this often, so a clock that jumps or a host that slept is caught up.
const maxWait = time.Hour

// take posts the summary of day, at most once, and returns the new state.
func (s *Scheduler) take(ctx context.Context, st State, day string) State {
	if s.cfg.HasCoverage != nil {
		ok, err := s.cfg.HasCoverage(ctx, day)
		switch {
		case err != nil:
			s.cfg.Logger.Warn("summary: cannot tell whether the day has coverage; posting it", "day", day, "err", err)
		case !ok:
			s.cfg.Logger.Info("summary: no coverage, not posted", "day", day)
			return s.record(ctx, st, day, Skipped)
		}
	}
	if ctx.Err() != nil {
		return st
	}
	// At most once: the day is claimed on disk before it is posted.
	prev := st
	claimed := State{Day: day, Status: Posting, At: s.cfg.Clock.Now(), Posted: st.Posted}
	if err := claimed.Save(s.cfg.Dir); err != nil {
		s.fail(ctx, day, fmt.Errorf("summary of %s not posted: cannot record it first: %w", day, err))
		claimed.Status = Failed
		return claimed
	}
	err := s.post(ctx, day)
	switch {
	case err == nil:
		s.cfg.Logger.Info("summary: posted", "day", day)
		return s.record(ctx, claimed, day, Posted)
	case errors.Is(err, errReleased):
		// Stopped between attempts: no post went out, so the claim is
		// withdrawn and the day stays due at the next start.
		if err := prev.Save(s.cfg.Dir); err != nil {
			s.cfg.Logger.Warn("summary: cannot withdraw the claim; the day will be reported as interrupted", "day", day, "err", err)
		}
		return prev
	case ctx.Err() != nil:
		// Stopped during a post, which may have arrived: the claim stays.
		return claimed
	default:
		s.fail(ctx, day, err)
		return s.record(ctx, claimed, day, Failed)
	}
}

// errReleased says post stopped between attempts, with no post sent.
var errReleased = errors.New("stopped between attempts")

// post tries to post day until it succeeds, the attempts run out, or the
// next wait would reach the next run (which must come on time).
func (s *Scheduler) post(ctx context.Context, day string) error {
	start := s.cfg.Clock.Now()
	deadline := NextRun(start, s.cfg.At, s.cfg.Location)
	b := s.cfg.Backoff
	for attempt := 1; ; attempt++ {
		err := s.cfg.Post(ctx, day)
		if err == nil || ctx.Err() != nil {
			return err
		}
		s.cfg.Logger.Warn("summary: post failed", "day", day, "attempt", attempt, "err", err)
		if attempt == b.Attempts {
			return fmt.Errorf("summary of %s not posted after %d attempts: %w", day, attempt, err)
		}
		wait := b.delay(attempt, err)
		now := s.cfg.Clock.Now()
		if !now.Add(wait).Before(deadline) {
			return fmt.Errorf("summary of %s not posted after %d attempts, the next would be after the next post is due: %w", day, attempt, err)
		}
		select {
		case <-ctx.Done():
			return errReleased
		case <-s.cfg.Clock.After(wait):
		}
	}
}

// record saves day with status; a state that cannot be saved is reported,
// and the scheduler goes on with it in memory.
func (s *Scheduler) record(ctx context.Context, st State, day string, status Status) State {
	st = State{Day: day, Status: status, At: s.cfg.Clock.Now(), Posted: st.Posted}
	if status == Posted {
		st.Posted = day
	}
	if err := st.Save(s.cfg.Dir); err != nil {
		s.fail(ctx, day, fmt.Errorf("summary of %s %s, but the state was not saved: %w", day, status, err))
	}
	return st
}

func (s *Scheduler) fail(ctx context.Context, day string, err error) {
	s.cfg.Logger.Error("summary: failure", "day", day, "err", err)
	if s.cfg.OnFailure != nil {
		s.cfg.OnFailure(ctx, day, err)
	}
}
