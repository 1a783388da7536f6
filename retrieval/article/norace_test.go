//go:build !race

package article_test

// raceDetector is true in tests built with -race.
const raceDetector = false
