//go:build race

package quote

// raceEnabled is set when the race detector is on: the PolNeAR harness,
// single-threaded and ten times slower under it, is then left to the
// normal run.
const raceEnabled = true
