package schedule

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// StateFile is the name of the state file in the directory given to
// LoadState and Save.
const StateFile = "summary-state.json"

// Status says what became of State.Day.
type Status string

// The statuses of a day.
const (
	// Posting: the day is claimed and its post under way. Found at start,
	// it means the bot stopped during the post, which may or may not have
	// arrived; the day is not posted again (at most once).
	Posting Status = "posting"
	Posted  Status = "posted"
	Skipped Status = "skipped" // no coverage, and skip_empty set
	Failed  Status = "failed"  // every attempt failed; reported
	// Interrupted: a Posting found at start, reported and not retried.
	Interrupted Status = "interrupted"
)

// State is what the scheduler remembers across restarts: the last day it
// took up and what became of it.
type State struct {
	Day    string    `json:"day,omitempty"` // YYYY-MM-DD
	Status Status    `json:"status,omitempty"`
	At     time.Time `json:"at,omitzero"` // when Status was recorded
	// Posted is the last day known to be posted, for people reading the file.
	Posted string `json:"posted,omitempty"`
}

// LoadState reads the state saved in dir; a missing file is the zero State.
func LoadState(dir string) (State, error) {
	var s State
	name := filepath.Join(dir, StateFile)
	b, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("reading the summary state: %w", err)
	}
	if err := json.Unmarshal(b, &s); err != nil {
		return State{}, fmt.Errorf("reading the summary state %s: %w", name, err)
	}
	if s.Day != "" {
		if _, err := time.Parse(DayLayout, s.Day); err != nil {
			return State{}, fmt.Errorf("summary state %s: day %q is not YYYY-MM-DD", name, s.Day)
		}
	}
	return s, nil
}

// Save writes the state into dir atomically: a temporary file, synced,
// renamed over the old one, and the directory synced, so a crash leaves
// either the old state or the new one, never a torn file.
func (s State) Save(dir string) (err error) {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return fmt.Errorf("saving the summary state: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("saving the summary state: %w", err)
	}
	tmp, err := os.CreateTemp(dir, "."+StateFile+".*")
	if err != nil {
		return fmt.Errorf("saving the summary state: %w", err)
	}
	defer func() {
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("saving the summary state: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("saving the summary state: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("saving the summary state: %w", err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(dir, StateFile)); err != nil {
		return fmt.Errorf("saving the summary state: %w", err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // best effort: not every file system syncs directories
		d.Close()
	}
	return nil
}
