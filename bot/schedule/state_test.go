package schedule

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func writeFile(dir, name, content string) error {
	return os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644)
}

func TestState(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state", "new")
	st, err := LoadState(dir)
	if err != nil || st != (State{}) {
		t.Fatalf("missing state: %+v, %v", st, err)
	}
	want := State{Day: "2023-03-21", Status: Posted, At: time.Date(2023, 3, 22, 8, 0, 0, 0, time.UTC), Posted: "2023-03-21"}
	for range 2 { // the second Save replaces the first
		if err := want.Save(dir); err != nil {
			t.Fatal(err)
		}
	}
	got, err := LoadState(dir)
	if err != nil || got != want {
		t.Errorf("LoadState = %+v, %v; want %+v", got, err, want)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != StateFile {
		t.Errorf("the directory holds %v, want only %s", entries, StateFile)
	}
}

func TestLoadStateErrors(t *testing.T) {
	tests := map[string]string{
		"not json": "{",
		"bad day":  `{"day": "21/03/2023", "status": "posted"}`,
	}
	for name, content := range tests {
		dir := t.TempDir()
		if err := writeFile(dir, StateFile, content); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadState(dir); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestSaveError(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := (State{Day: "2023-03-21"}).Save(filepath.Join(file, "sub")); err == nil {
		t.Error("Save under a file: no error")
	}
}
