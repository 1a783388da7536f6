package config

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// LoadOptions says where Load finds the settings.
type LoadOptions struct {
	// ConfigFile is the YAML config file to read. Empty: the file named by
	// the --config flag in Flags, else by COVERAGEBOT_CONFIG, else none.
	ConfigFile string
	// Flags holds the parsed command-line flags (cobra's cmd.Flags()). Only
	// flags registered by the Add*Flags functions are read, and only those
	// set on the command line. Nil: no flags.
	Flags *pflag.FlagSet
	// Env is the environment as "KEY=value" strings, as os.Environ returns
	// it. Nil means os.Environ(); pass an empty, non-nil slice for none.
	// Empty values count as unset.
	Env []string
	// Purpose, when set, makes Load also run Validate(Purpose) and report
	// its problems together with its own.
	Purpose Purpose
}

// Load builds the configuration from, in order of precedence, the flags set
// on the command line, COVERAGEBOT_* environment variables, the config file
// and the defaults. An unknown key in the file or a value of the wrong type
// or syntax is an error; every such problem is reported at once in an *Error.
func Load(opts LoadOptions) (Config, error) {
	env := envMap(opts.Env)
	path := configFile(opts, env)

	v := viper.New()
	var problems []Problem
	if path != "" {
		v.SetConfigFile(path)
		v.SetConfigType("yaml")
		if err := v.ReadInConfig(); err != nil {
			return Config{}, fmt.Errorf("reading config file %s: %w", path, err)
		}
		problems = append(problems, unknownKeys(v, path)...)
	}

	defaults := Default()
	for _, s := range settings {
		v.SetDefault(s.key, deref(s.field(&defaults)))
		if opts.Flags != nil {
			if f := opts.Flags.Lookup(s.flagName()); f != nil {
				if err := v.BindPFlag(s.key, f); err != nil {
					return Config{}, fmt.Errorf("binding flag --%s: %w", f.Name, err)
				}
			}
		}
	}

	cfg := Default()
	origins := make(map[string]string, len(settings))
	for _, s := range settings {
		raw, origin := resolve(v, s, opts.Flags, env, path)
		origins[s.key] = origin
		if err := decode(raw, s.field(&cfg), s.listSep); err != nil {
			problems = append(problems, Problem{Key: s.key, Message: s.key + from(origin) + ": " + err.Error()})
		}
	}
	cfg.normalize()

	if opts.Purpose != "" {
		problems = append(problems, cfg.problems(opts.Purpose, origins)...)
	}
	if len(problems) > 0 {
		return Config{}, &Error{Problems: problems}
	}
	return cfg, nil
}

// resolve returns the raw value of a setting and where it came from: "flag
// --x", an environment variable's name, "config file PATH", or "" for the
// default.
func resolve(v *viper.Viper, s setting, fs *pflag.FlagSet, env map[string]string, path string) (any, string) {
	if fs != nil {
		if f := fs.Lookup(s.flagName()); f != nil && f.Changed {
			return v.Get(s.key), "flag --" + f.Name
		}
	}
	if val, ok := env[s.env()]; ok {
		return val, s.env()
	}
	if path != "" && v.InConfig(s.key) {
		return v.Get(s.key), "config file " + path
	}
	return v.Get(s.key), ""
}

// from renders an origin for the end of a message.
func from(origin string) string {
	if origin == "" {
		return ""
	}
	return " (from " + origin + ")"
}

// normalize tidies values whose spelling varies without changing meaning.
func (c *Config) normalize() {
	c.Discord.Token = Secret(strings.TrimPrefix(string(c.Discord.Token), "Bot "))
	c.Discord.APIURL = strings.TrimRight(c.Discord.APIURL, "/")
	c.Log.Level = strings.ToLower(c.Log.Level)
	c.Log.Format = strings.ToLower(c.Log.Format)
}

// configFile picks the config file: the option, then --config, then the
// environment.
func configFile(opts LoadOptions, env map[string]string) string {
	if opts.ConfigFile != "" {
		return opts.ConfigFile
	}
	if opts.Flags != nil {
		if f := opts.Flags.Lookup(ConfigFlag); f != nil && f.Value.String() != "" {
			return f.Value.String()
		}
	}
	return env[ConfigEnv]
}

// unknownKeys reports the keys of the config file that are no setting. A
// section left empty ("discord:" with nothing under it) is allowed.
func unknownKeys(v *viper.Viper, path string) []Problem {
	var problems []Problem
	for _, key := range v.AllKeys() {
		if _, ok := lookup(key); ok {
			continue
		}
		if isSection(key) && v.Get(key) == nil || underSetting(key) {
			continue // an empty section; or a mapping given to a setting, which decode reports
		}
		msg := fmt.Sprintf("unknown key %q in config file %s", key, path)
		if near := nearestKey(key); near != "" {
			msg += fmt.Sprintf("; did you mean %q?", near)
		}
		problems = append(problems, Problem{Key: key, Message: msg})
	}
	return problems
}

// isSection reports whether key is the parent of settings, like "discord".
func isSection(key string) bool {
	return slices.ContainsFunc(settings, func(s setting) bool { return strings.HasPrefix(s.key, key+".") })
}

// underSetting reports whether key lies under a setting, like "corpus.path".
func underSetting(key string) bool {
	return slices.ContainsFunc(settings, func(s setting) bool { return strings.HasPrefix(key, s.key+".") })
}

// nearestKey returns the setting closest to a misspelt key, or "".
func nearestKey(key string) string {
	best, bestDist := "", 3
	for _, s := range settings {
		if d := editDistance(key, s.key); d < bestDist {
			best, bestDist = s.key, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// envMap turns "KEY=value" strings into a map, keeping non-empty values.
func envMap(environ []string) map[string]string {
	if environ == nil {
		environ = os.Environ()
	}
	m := make(map[string]string)
	for _, kv := range environ {
		k, val, ok := strings.Cut(kv, "=")
		if ok && val != "" {
			m[k] = val
		}
	}
	return m
}

// UnknownEnv returns the COVERAGEBOT_* variables of environ (nil: os.Environ())
// that name no setting, such as a misspelt COVERAGEBOT_DISCORD_TOKN. Load
// ignores them; the caller may warn about them once logging is set up.
func UnknownEnv(environ []string) []string {
	var unknown []string
	for k := range envMap(environ) {
		if !strings.HasPrefix(k, EnvPrefix) || k == ConfigEnv {
			continue
		}
		if !slices.ContainsFunc(settings, func(s setting) bool { return s.env() == k }) {
			unknown = append(unknown, k)
		}
	}
	slices.Sort(unknown)
	return unknown
}

// deref returns the value a field pointer points to, for viper's defaults.
func deref(p any) any {
	switch v := p.(type) {
	case *string:
		return *v
	case *Secret:
		return string(*v)
	case *bool:
		return *v
	case *int:
		return *v
	case *time.Duration:
		return *v
	case *[]string:
		return slices.Clone(*v)
	}
	return fmt.Sprint(p)
}
