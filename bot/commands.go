package bot

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/coveragebot/coveragebot/bot/reply"
	"github.com/coveragebot/coveragebot/retrieval"
)

// optionType is the type of a command option.
type optionType int

const (
	optString optionType = iota
	optInteger
)

// optionSpec declares one option of a command.
type optionSpec struct {
	Name, Description string
	Type              optionType
	Required          bool
	Autocomplete      bool
	MinLength, MaxLen int
}

// commandSpec declares a slash command: what is registered with Discord
// and what incoming interactions are checked against.
type commandSpec struct {
	Name, Description string
	Options           []optionSpec
	// ManageServer restricts the command to members with Manage Server by
	// default (default_member_permissions); the bot checks again itself.
	ManageServer bool
}

const dateHint = "YYYY-MM-DD"

// commandSpecs are the bot's commands; maxQuestion bounds questions and
// searches.
func commandSpecs(maxQuestion int) []commandSpec {
	return []commandSpec{
		{Name: "ask", Description: "Ask a question about the news coverage, e.g. what did Blinken say?", Options: []optionSpec{
			{Name: "question", Description: "Your question", Required: true, MinLength: 1, MaxLen: maxQuestion},
		}},
		{Name: "quotes", Description: "What a person said, word for word, with sources", Options: []optionSpec{
			{Name: "speaker", Description: "Who (start typing a name)", Required: true, Autocomplete: true, MinLength: 1, MaxLen: 100},
			{Name: "about", Description: "Only statements about this topic", MaxLen: 200},
			{Name: "since", Description: "Only articles published on or after this day (" + dateHint + ")", MinLength: 10, MaxLen: 10},
		}},
		{Name: "search", Description: "Find passages of the coverage", Options: []optionSpec{
			{Name: "query", Description: "Words to look for", Required: true, MinLength: 1, MaxLen: maxQuestion},
			{Name: "outlet", Description: "Only this outlet", Autocomplete: true, MaxLen: 100},
			{Name: "since", Description: "Published on or after this day (" + dateHint + ")", MinLength: 10, MaxLen: 10},
			{Name: "until", Description: "Published on or before this day (" + dateHint + ")", MinLength: 10, MaxLen: 10},
		}},
		{Name: "summary", Description: "The summary of a day's coverage", Options: []optionSpec{
			{Name: "date", Description: "The day (" + dateHint + "); the latest day with coverage by default", MinLength: 10, MaxLen: 10},
		}},
		{Name: "sources", Description: "What coverage I have read: articles by outlet, dates, last indexed"},
		{Name: "reindex", Description: "Rebuild the index from the corpus (moderators)", ManageServer: true},
		{Name: "help", Description: "How to use this bot"},
	}
}

// usage renders a command as "/quotes speaker: [about:] [since:]".
func (c commandSpec) usage() string {
	parts := []string{"/" + c.Name}
	for _, o := range c.Options {
		if o.Required {
			parts = append(parts, o.Name+":")
		} else {
			parts = append(parts, "["+o.Name+":]")
		}
	}
	return strings.Join(parts, " ")
}

func helpLines() []reply.HelpLine {
	var lines []reply.HelpLine
	for _, c := range commandSpecs(retrieval.MaxQuestionRunes) {
		lines = append(lines, reply.HelpLine{Usage: c.usage(), Description: c.Description})
	}
	return lines
}

func findCommand(name string, maxQuestion int) (commandSpec, bool) {
	for _, c := range commandSpecs(maxQuestion) {
		if c.Name == name {
			return c, true
		}
	}
	return commandSpec{}, false
}

// args are a command's options, checked against its spec.
type args map[string]any

func (a args) str(name string) string {
	s, _ := a[name].(string)
	return s
}

// date reads an optional YYYY-MM-DD option.
func (a args) date(name string) (time.Time, error) {
	s := strings.TrimSpace(a.str(name))
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, userErrorf("%s: %q is not a date; write it as %s, like 2023-03-21.", name, s, dateHint)
	}
	return t, nil
}

// parseArgs checks the options of an interaction against the command's
// spec: unknown options, wrong types and missing required options are the
// user's errors, shown to them.
func parseArgs(spec commandSpec, opts []option) (args, error) {
	a := args{}
	for _, o := range opts {
		var os *optionSpec
		for i := range spec.Options {
			if spec.Options[i].Name == o.Name {
				os = &spec.Options[i]
			}
		}
		if os == nil {
			return nil, userErrorf("/%s has no option %q. Try /help.", spec.Name, o.Name)
		}
		switch os.Type {
		case optString:
			s, ok := o.Value.(string)
			if !ok {
				return nil, userErrorf("/%s %s: expected text.", spec.Name, o.Name)
			}
			a[o.Name] = s
		case optInteger:
			f, ok := o.Value.(float64)
			if !ok || f != math.Trunc(f) {
				return nil, userErrorf("/%s %s: expected a whole number.", spec.Name, o.Name)
			}
			a[o.Name] = int(f)
		}
	}
	for _, os := range spec.Options {
		if _, ok := a[os.Name]; os.Required && !ok {
			return nil, userErrorf("/%s needs %s:. Try /help.", spec.Name, os.Name)
		}
	}
	return a, nil
}

// userError is a mistake of the user's, shown to them as it is.
type userError struct{ msg string }

func (e *userError) Error() string { return e.msg }

func userErrorf(format string, a ...any) error { return &userError{fmt.Sprintf(format, a...)} }
