package main

import (
	"fmt"
	"os"

	"go.yaml.in/yaml/v3"
)

// loadAliases reads the optional speaker alias file: a YAML map of a
// canonical name to the other names of that person or institution.
//
//	Antony Blinken: [Tony Blinken, Secretary Blinken]
//	White House: [the Biden administration]
func loadAliases(path string) (map[string][]string, error) {
	if path == "" {
		return nil, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("aliases: %w", err)
	}
	var m map[string][]string
	if err := yaml.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("aliases file %s: want a map of a name to a list of names: %w", path, err)
	}
	return m, nil
}
