// Package deptest makes package boundaries real (as tailscale's
// tstest/deptest does): a test lists a package's dependencies with
// `go list -deps` and fails on any that must not be there.
package deptest

import (
	"os/exec"
	"strings"
	"testing"
)

// Check runs `go list -deps` on the production packages matched by
// patterns (those whose name ends in "test" are helpers and skipped) and
// fails for every forbidden dependency, showing the chain of imports that
// brings it in. A forbidden name ending in "/" forbids a tree of packages;
// any other, one package. The roots and packages in allowed are exempt.
func Check(t *testing.T, patterns []string, forbidden map[string]string, allowed ...string) {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list dependencies:", err)
	}
	list := func(args ...string) []string {
		cmd := exec.CommandContext(t.Context(), gobin, append([]string{"list", "-e"}, args...)...)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return strings.Split(strings.TrimSpace(string(out)), "\n")
	}

	var roots []string
	for _, pkg := range list(patterns...) {
		if !strings.HasSuffix(pkg, "test") {
			roots = append(roots, pkg)
		}
	}
	if len(roots) == 0 {
		t.Fatalf("no packages match %q", patterns)
	}
	imports := map[string][]string{}
	for _, line := range list(append([]string{"-deps", "-f", "{{.ImportPath}}{{range .Imports}} {{.}}{{end}}"}, roots...)...) {
		fields := strings.Fields(line)
		if len(fields) > 0 {
			imports[fields[0]] = fields[1:]
		}
	}
	isAllowed := func(pkg string) bool {
		for _, a := range allowed {
			if pkg == a || strings.HasPrefix(pkg, a+"/") {
				return true
			}
		}
		for _, r := range roots {
			if pkg == r {
				return true
			}
		}
		return false
	}
	for pkg := range imports {
		for name, why := range forbidden {
			hit := pkg == strings.TrimSuffix(name, "/") || strings.HasSuffix(name, "/") && strings.HasPrefix(pkg, name)
			if hit && !isAllowed(pkg) {
				t.Errorf("%s is a dependency (%s): %s", pkg, why, strings.Join(chain(roots, imports, pkg), " → "))
			}
		}
	}
}

// chain returns a shortest import path from one of roots to target.
func chain(roots []string, imports map[string][]string, target string) []string {
	from := map[string]string{}
	queue := append([]string{}, roots...)
	for _, r := range roots {
		from[r] = ""
	}
	for len(queue) > 0 {
		pkg := queue[0]
		queue = queue[1:]
		if pkg == target {
			var path []string
			for p := pkg; p != ""; p = from[p] {
				path = append([]string{p}, path...)
			}
			return path
		}
		for _, imp := range imports[pkg] {
			if _, seen := from[imp]; !seen {
				from[imp] = pkg
				queue = append(queue, imp)
			}
		}
	}
	return []string{target}
}
