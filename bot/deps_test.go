package bot

import (
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const discordgoPath = "github.com/bwmarrin/discordgo"

// adapterFiles are the only files of package bot that may import discordgo:
// everything that decides what to say is plain Go.
var adapterFiles = map[string]bool{"discord.go": true, "convert.go": true, "endpoint.go": true}

func TestOnlyTheAdapterImportsDiscordgo(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		parsed, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range parsed.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if p == discordgoPath && !adapterFiles[f] {
				t.Errorf("%s imports discordgo; only the adapter files %v may", f, adapterFiles)
			}
			if p == "testing" || p == "net/http/httptest" {
				t.Errorf("%s (production code) imports %s", f, p)
			}
		}
	}
}

func TestReplyKnowsNothingOfDiscordgo(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "./reply").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if dep == discordgoPath || dep == "testing" {
			t.Errorf("bot/reply depends on %s", dep)
		}
	}
}
