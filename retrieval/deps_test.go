package retrieval_test

import (
	"os/exec"
	"strings"
	"testing"
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
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list dependencies:", err)
	}
	list := func(args ...string) []string {
		out, err := exec.CommandContext(t.Context(), gobin, append([]string{"list", "-e"}, args...)...).Output()
		if err != nil {
			t.Fatalf("go list %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return strings.Split(strings.TrimSpace(string(out)), "\n")
	}

	var roots []string
	for _, pkg := range list("./...") {
		if !strings.HasSuffix(pkg, "test") {
			roots = append(roots, pkg)
		}
	}
	imports := map[string][]string{}
	for _, line := range list(append([]string{"-deps", "-f", "{{.ImportPath}}{{range .Imports}} {{.}}{{end}}"}, roots...)...) {
		if fields := strings.Fields(line); len(fields) > 0 {
			imports[fields[0]] = fields[1:]
		}
	}
	if len(imports) == 0 {
		t.Fatal("go list found no dependencies at all")
	}

	// chain returns a shortest import path from a root to target, for the message.
	chain := func(target string) string {
		from := map[string]string{}
		queue := append([]string{}, roots...)
		for _, r := range roots {
			from[r] = ""
		}
		for len(queue) > 0 {
			pkg := queue[0]
			queue = queue[1:]
			if pkg == target {
				path := []string{}
				for p := pkg; p != ""; p = from[p] {
					path = append([]string{p}, path...)
				}
				return strings.Join(path, " → ")
			}
			for _, imp := range imports[pkg] {
				if _, seen := from[imp]; !seen {
					from[imp] = pkg
					queue = append(queue, imp)
				}
			}
		}
		return target
	}

	for pkg := range imports {
		for name, why := range forbidden {
			// A name ending in "/" forbids a tree of packages; any other, one package.
			tree := strings.HasSuffix(name, "/")
			if pkg == strings.TrimSuffix(name, "/") || tree && strings.HasPrefix(pkg, name) {
				t.Errorf("%s is a dependency (%s): %s", pkg, why, chain(pkg))
			}
		}
	}
}
