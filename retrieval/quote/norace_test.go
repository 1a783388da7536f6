//go:build !race

package quote

// raceEnabled is set when the race detector is on.
const raceEnabled = false
