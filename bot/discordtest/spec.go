package discordtest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// specURL names the spec inside the schema compiler.
const specURL = "https://discord.test/openapi.json"

// spec validates request bodies against Discord's OpenAPI spec.
type spec struct {
	mu       sync.Mutex
	compiler *jsonschema.Compiler
	paths    map[string]any
	schemas  map[string]*jsonschema.Schema // by "METHOD template"
}

// specs caches the parsed spec by file: parsing 1.2 MB of JSON for every
// fake would slow the tests down. A spec is safe for concurrent use and
// never changes but for its cache of compiled schemas, so sharing it does
// not couple the tests.
var specs sync.Map // path -> *spec

// loadSpec reads the spec, or returns nil (and says so) when it is absent.
func loadSpec(t testing.TB, p string) *spec {
	t.Helper()
	if p == "" {
		root, err := moduleRoot()
		if err != nil {
			t.Logf("fake discord: %v; request bodies will not be validated", err)
			return nil
		}
		p = filepath.Join(root, "..", "shared", "discord", "openapi.json")
	}
	if sp, ok := specs.Load(p); ok {
		return sp.(*spec)
	}
	b, err := os.ReadFile(p)
	if errors.Is(err, os.ErrNotExist) {
		t.Logf("fake discord: %s is absent; request bodies will not be validated against Discord's spec", p)
		return nil
	}
	if err != nil {
		t.Fatalf("fake discord: reading the spec: %v", err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("fake discord: parsing %s: %v", p, err)
	}
	root, _ := doc.(map[string]any)
	paths, _ := root["paths"].(map[string]any)
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource(specURL, doc); err != nil {
		t.Fatalf("fake discord: loading %s: %v", p, err)
	}
	sp, _ := specs.LoadOrStore(p, &spec{compiler: c, paths: paths, schemas: map[string]*jsonschema.Schema{}})
	return sp.(*spec)
}

// moduleRoot finds the directory holding go.mod, from the working
// directory up.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// schema returns the compiled JSON request-body schema of an operation.
func (sp *spec) schema(method, tmpl string) (*jsonschema.Schema, error) {
	sp.mu.Lock()
	defer sp.mu.Unlock()
	key := method + " " + tmpl
	if s, ok := sp.schemas[key]; ok {
		return s, nil
	}
	m := strings.ToLower(method)
	op, _ := sp.paths[tmpl].(map[string]any)
	if op == nil || op[m] == nil {
		return nil, fmt.Errorf("the spec has no operation %s %s", method, tmpl)
	}
	esc := strings.NewReplacer("~", "~0", "/", "~1")
	loc := specURL + "#/paths/" + esc.Replace(tmpl) + "/" + m + "/requestBody/content/application~1json/schema"
	s, err := sp.compiler.Compile(loc)
	if err != nil {
		return nil, fmt.Errorf("compiling the schema of %s %s: %w", method, tmpl, err)
	}
	sp.schemas[key] = s
	return s, nil
}

// validate checks a JSON body against the operation's request schema.
func (sp *spec) validate(method, tmpl string, body []byte) error {
	s, err := sp.schema(method, tmpl)
	if err != nil {
		return err
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("body is not JSON: %w", err)
	}
	return s.Validate(permissionsAsNumbers(v))
}

// permissionsAsNumbers turns permission bit sets sent as strings into
// numbers: Discord documents and accepts them as strings
// (default_member_permissions: "32"), while its OpenAPI spec types them as
// integers.
func permissionsAsNumbers(v any) any {
	switch x := v.(type) {
	case []any:
		for i := range x {
			x[i] = permissionsAsNumbers(x[i])
		}
	case map[string]any:
		for k, e := range x {
			if s, ok := e.(string); ok && k == "default_member_permissions" && s != "" && strings.Trim(s, "0123456789") == "" {
				x[k] = jsonNumber(s)
				continue
			}
			x[k] = permissionsAsNumbers(e)
		}
	}
	return v
}
