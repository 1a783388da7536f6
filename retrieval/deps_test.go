package retrieval_test

import (
	"testing"

	"github.com/coveragebot/coveragebot/internal/deptest"
)

// TestDependencyBoundary keeps retrieval free of Discord, of the command
// line and its configuration machinery, and of test helpers in production
// code (as tailscale's tstest/deptest does). Helper packages whose name ends
// in "test" (say a retrievaltest) may use testing and are not checked.
func TestDependencyBoundary(t *testing.T) {
	forbidden := map[string]string{
		"testing":                                   "test-only code in production",
		"net/http/httptest":                         "test-only code in production",
		"github.com/bwmarrin/":                      "only bot talks to Discord",
		"github.com/gorilla/websocket":              "only bot talks to Discord",
		"github.com/spf13/viper":                    "retrieval takes plain values, not the configuration machinery",
		"github.com/spf13/cobra":                    "commands belong to cmd",
		"github.com/coveragebot/coveragebot/bot/":   "data flows from retrieval to bot, never back",
		"github.com/coveragebot/coveragebot/cmd/":   "data flows from retrieval to cmd, never back",
		"github.com/coveragebot/coveragebot/config": "retrieval takes plain values, not config.Config",
	}
	deptest.Check(t, []string{"./..."}, forbidden)
}
