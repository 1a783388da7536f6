package bot

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/bot/reply"
)

// autocomplete offers choices for the option being typed.
func (h *handler) autocomplete(ctx context.Context, in interaction, t *tracked) error {
	var typed, name string
	for _, o := range in.Options {
		if o.Focused {
			name = o.Name
			typed, _ = o.Value.(string)
		}
	}
	ctx, cancel := context.WithTimeout(ctx, autocompleteTimeout)
	defer cancel()
	var choices []choice
	switch in.Command + " " + name {
	case "quotes speaker":
		speakers, err := h.a.Speakers(ctx, strings.TrimSpace(typed), reply.MaxChoices)
		if err != nil {
			return fmt.Errorf("speakers: %w", err)
		}
		for _, s := range speakers {
			if utf8.RuneCountInString(s.Name) > reply.MaxChoiceName || strings.TrimSpace(s.Name) == "" {
				continue // a value cannot be shortened without changing it
			}
			label := fmt.Sprintf("%s (%d)", s.Name, s.Quotes)
			if utf8.RuneCountInString(label) > reply.MaxChoiceName {
				label = s.Name
			}
			choices = append(choices, choice{Name: label, Value: s.Name})
		}
	case "search outlet":
		r, err := h.a.Sources(ctx)
		if err != nil {
			return fmt.Errorf("sources: %w", err)
		}
		want := strings.ToLower(strings.TrimSpace(typed))
		for _, o := range r.Outlets {
			n := strings.TrimSpace(o.Outlet)
			if n == "" || utf8.RuneCountInString(n) > reply.MaxChoiceName || !strings.Contains(strings.ToLower(n), want) {
				continue
			}
			choices = append(choices, choice{Name: n, Value: n})
		}
	}
	if len(choices) > reply.MaxChoices {
		choices = choices[:reply.MaxChoices]
	}
	return t.respond(ctx, response{Kind: respChoices, Choices: choices})
}
