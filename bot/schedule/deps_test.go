package schedule

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoDiscord keeps Discord out of the scheduler: the bot's adapter
// hands it a post function.
func TestNoDiscord(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(goBin, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.Contains(dep, "discordgo") || dep == "testing" || dep == "net/http/httptest" {
			t.Errorf("the schedule package depends on %s", dep)
		}
	}
}
