package schedule

import (
	"testing"

	"github.com/coveragebot/coveragebot/internal/deptest"
)

// TestNoDiscord keeps Discord out of the scheduler: the bot's adapter
// hands it a post function.
func TestNoDiscord(t *testing.T) {
	deptest.Check(t, []string{"."}, map[string]string{
		"github.com/bwmarrin/": "the bot's adapter hands the scheduler a post function",
		"testing":              "test-only code in production",
		"net/http/httptest":    "test-only code in production",
	})
}
