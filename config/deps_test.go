package config_test

import (
	"testing"

	"github.com/coveragebot/coveragebot/internal/deptest"
)

// TestDeps keeps config a leaf: no Discord, no index, no other package of
// the module, and no test helpers in production code.
func TestDeps(t *testing.T) {
	forbidden := map[string]string{
		"testing":                             "test-only code in production",
		"net/http/httptest":                   "test-only code in production",
		"github.com/bwmarrin/":                "only bot talks to Discord",
		"github.com/blevesearch/":             "the index belongs to retrieval",
		"github.com/spf13/cobra":              "commands belong to cmd; config takes a pflag.FlagSet",
		"github.com/coveragebot/coveragebot/": "config depends on no other package of the module",
	}
	deptest.Check(t, []string{"."}, forbidden, "github.com/coveragebot/coveragebot/config")
}
