package config

import (
	"log/slog"
	"strings"
)

// redacted is what a set Secret shows instead of its value.
const redacted = "[redacted]"

// Secret is a setting that must never be printed or logged: fmt, log/slog,
// encoding/json and encoding/text all see "[redacted]" (or "" when unset).
// Use Reveal, or string(s), where the value itself is needed.
type Secret string

// Reveal returns the secret's value.
func (s Secret) Reveal() string { return string(s) }

// String returns "[redacted]", or "" when the secret is unset.
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return redacted
}

// GoString keeps %#v from printing the value.
func (s Secret) GoString() string { return `config.Secret("` + s.String() + `")` }

// LogValue keeps log/slog from printing the value.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }

// MarshalText keeps encoders from printing the value.
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// String returns every setting as "key: value" lines, in the documentation's
// order, with secrets redacted. It is what `coveragebot config` would show.
func (c Config) String() string {
	var b strings.Builder
	for _, s := range settings {
		b.WriteString(s.key)
		b.WriteString(": ")
		b.WriteString(formatValue(s.field(&c)))
		b.WriteByte('\n')
	}
	return b.String()
}

// LogValue logs every setting as one attribute per key, secrets redacted.
func (c Config) LogValue() slog.Value {
	attrs := make([]slog.Attr, len(settings))
	for i, s := range settings {
		attrs[i] = slog.String(s.key, formatValue(s.field(&c)))
	}
	return slog.GroupValue(attrs...)
}
