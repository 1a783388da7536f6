package config

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// errNoUnit is returned for a duration given as a bare non-zero number.
var errNoUnit = errors.New("missing unit")

// decode converts raw, as read from a flag, the environment, the config file
// or the defaults, into the field dst points to. Errors never quote a
// Secret's value.
func decode(raw any, dst any, listSep string) error {
	switch p := dst.(type) {
	case *string:
		s, err := toString(raw)
		if err != nil {
			return err
		}
		*p = strings.TrimSpace(s)
	case *Secret:
		s, err := toString(raw)
		if err != nil {
			return errors.New("expected a string")
		}
		*p = Secret(strings.TrimSpace(s))
	case *bool:
		b, err := toBool(raw)
		if err != nil {
			return err
		}
		*p = b
	case *int:
		n, err := toInt(raw)
		if err != nil {
			return err
		}
		*p = n
	case *time.Duration:
		d, err := toDuration(raw)
		if err != nil {
			return err
		}
		*p = d
	case *[]string:
		l, err := toList(raw, listSep)
		if err != nil {
			return err
		}
		*p = l
	default:
		return fmt.Errorf("unsupported setting type %T", dst)
	}
	return nil
}

func toString(raw any) (string, error) {
	switch v := raw.(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	case bool, int, int64, uint64, int32, uint32:
		return fmt.Sprint(v), nil
	}
	return "", fmt.Errorf("expected a string, got %s", describe(raw))
}

func toBool(raw any) (bool, error) {
	switch v := raw.(type) {
	case bool:
		return v, nil
	case string:
		b, err := strconv.ParseBool(strings.TrimSpace(v))
		if err != nil {
			return false, fmt.Errorf("expected true or false, got %q", v)
		}
		return b, nil
	}
	return false, fmt.Errorf("expected true or false, got %s", describe(raw))
}

func toInt(raw any) (int, error) {
	switch v := raw.(type) {
	case int:
		return v, nil
	case int64:
		if v >= math.MinInt && v <= math.MaxInt {
			return int(v), nil
		}
	case uint64:
		if v <= math.MaxInt {
			return int(v), nil
		}
	case float64:
		if v == math.Trunc(v) && math.Abs(v) < 1<<53 {
			return int(v), nil
		}
	case string:
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err == nil {
			return n, nil
		}
		return 0, fmt.Errorf("expected a whole number, got %q", v)
	}
	return 0, fmt.Errorf("expected a whole number, got %s", describe(raw))
}

func toDuration(raw any) (time.Duration, error) {
	switch v := raw.(type) {
	case time.Duration:
		return v, nil
	case string:
		s := strings.TrimSpace(v)
		if s == "0" {
			return 0, nil
		}
		d, err := time.ParseDuration(s)
		if err != nil {
			return 0, fmt.Errorf("invalid duration %q (use Go syntax such as 30s, 5m or 1h30m)", v)
		}
		return d, nil
	case int, int64, uint64, float64:
		if fmt.Sprint(v) == "0" {
			return 0, nil
		}
		return 0, fmt.Errorf("invalid duration %v: %w (use Go syntax such as 30s, 5m or 1h30m)", v, errNoUnit)
	}
	return 0, fmt.Errorf("expected a duration such as 30s or 5m, got %s", describe(raw))
}

// toList accepts a YAML list, a flag's []string, or a string whose items are
// separated by any of the characters in sep. Blank items are dropped.
func toList(raw any, sep string) ([]string, error) {
	out := []string{}
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	switch v := raw.(type) {
	case nil:
	case []string:
		for _, s := range v {
			add(s)
		}
	case []any:
		for i, item := range v {
			s, err := toString(item)
			if err != nil {
				return nil, fmt.Errorf("item %d: %w", i+1, err)
			}
			add(s)
		}
	case string:
		for _, s := range strings.FieldsFunc(v, func(r rune) bool { return strings.ContainsRune(sep, r) }) {
			add(s)
		}
	default:
		s, err := toString(raw)
		if err != nil {
			return nil, fmt.Errorf("expected a list, got %s", describe(raw))
		}
		add(s)
	}
	return out, nil
}

// describe names the kind of a value decoded from YAML, for error messages.
func describe(raw any) string {
	switch raw.(type) {
	case map[string]any, map[any]any:
		return "a mapping"
	case []any, []string:
		return "a list"
	case float64, float32:
		return fmt.Sprintf("the number %v", raw)
	}
	return fmt.Sprintf("%T", raw)
}

// formatValue renders the field p points to for String and LogValue.
func formatValue(p any) string {
	switch v := p.(type) {
	case *string:
		return *v
	case *Secret:
		return v.String()
	case *bool:
		return strconv.FormatBool(*v)
	case *int:
		return strconv.Itoa(*v)
	case *time.Duration:
		return v.String()
	case *[]string:
		return "[" + strings.Join(*v, ", ") + "]"
	}
	return fmt.Sprint(p)
}
