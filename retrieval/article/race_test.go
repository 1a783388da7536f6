//go:build race

package article_test

// raceDetector is true in tests built with -race, which run the big shared
// corpora about ten times slower.
const raceDetector = true
