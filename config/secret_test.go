package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

func TestSecretsNeverShown(t *testing.T) {
	t.Parallel()
	const token, key = "MTA4NDk1.Gx9k.very-secret-token", "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90"
	c := Default()
	c.Discord.Token, c.Discord.PublicKey = token, key
	c.Discord.GuildID = "1084952138491207770"

	var text, js bytes.Buffer
	slog.New(slog.NewTextHandler(&text, nil)).Info("starting", "config", c, "discord", c.Discord, "token", c.Discord.Token)
	slog.New(slog.NewJSONHandler(&js, nil)).Info("starting", "config", c, "discord", c.Discord)
	marshalled, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	outputs := map[string]string{
		"String":          c.String(),
		"%v":              fmt.Sprintf("%v", c),
		"%+v":             fmt.Sprintf("%+v", c),
		"%#v":             fmt.Sprintf("%#v", c),
		"%v discord":      fmt.Sprintf("%v", c.Discord),
		"%+v discord":     fmt.Sprintf("%+v", c.Discord),
		"%q token":        fmt.Sprintf("%q", c.Discord.Token),
		"%x token":        fmt.Sprintf("%x", c.Discord.Token),
		"slog text":       text.String(),
		"slog json":       js.String(),
		"json.Marshal":    string(marshalled),
		"errors.Join msg": errors.Join(fmt.Errorf("token %v", c.Discord.Token)).Error(),
	}
	for name, out := range outputs {
		if strings.Contains(out, token) || strings.Contains(out, key) || strings.Contains(out, "very-secret") {
			t.Errorf("%s shows a secret: %s", name, out)
		}
	}
	for _, name := range []string{"String", "%+v", "slog text", "slog json", "json.Marshal"} {
		if !strings.Contains(outputs[name], redacted) || !strings.Contains(outputs[name], "1084952138491207770") {
			t.Errorf("%s should show the guild id and [redacted] secrets: %s", name, outputs[name])
		}
	}
	if c.Discord.Token.Reveal() != token {
		t.Errorf("Reveal() = %q, want the token", c.Discord.Token.Reveal())
	}
	if got := (Secret("")).String(); got != "" {
		t.Errorf("an unset secret shows %q, want nothing", got)
	}
}

func TestSecretNotInLoadErrors(t *testing.T) {
	t.Parallel()
	const token = "very-secret-token"
	path := writeFile(t, "discord:\n  token: ["+token+"]\n  public_key: ["+token+"]\n")
	_, err := Load(LoadOptions{ConfigFile: path, Env: []string{}})
	if err == nil || strings.Contains(err.Error(), token) || !strings.Contains(err.Error(), "discord.token") {
		t.Errorf("Load = %v; want an error naming discord.token without its value", err)
	}
}

func TestConfigString(t *testing.T) {
	t.Parallel()
	c := Default()
	c.Index, c.Corpus = "/data/index", []string{"a", "b"}
	lines := strings.Split(strings.TrimSuffix(c.String(), "\n"), "\n")
	if len(lines) != len(settings) {
		t.Fatalf("String() has %d lines, want one per setting (%d)", len(lines), len(settings))
	}
	for _, want := range []string{"index: /data/index", "corpus: [a, b]", "discord.rate_window: 1m0s", "discord.token: ", "summary.skip_empty: true"} {
		if !strings.Contains(c.String(), want+"\n") {
			t.Errorf("String() lacks line %q:\n%s", want, c)
		}
	}
}
