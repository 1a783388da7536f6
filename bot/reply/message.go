package reply

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// Discord's limits on a message, counted in characters (runes).
const (
	MaxContent     = 2000
	MaxEmbeds      = 10
	MaxTitle       = 256
	MaxDescription = 4096
	MaxFields      = 25
	MaxFieldName   = 256
	MaxFieldValue  = 1024
	MaxFooter      = 2048
	MaxEmbedTotal  = 6000 // all embeds of one message together
	MaxButtons     = 5    // in one action row
	MaxButtonLabel = 80
	MaxCustomID    = 100
	MaxChoices     = 25 // autocomplete choices
	MaxChoiceName  = 100
)

// Colours of the embeds.
const (
	ColorAnswer  = 0x2B6CB0
	ColorSummary = 0x2F855A
	ColorWork    = 0xB7791F
	ColorError   = 0xC53030
)

// Message is one Discord message: text content, embeds and buttons.
type Message struct {
	Content   string
	Embeds    []Embed
	Buttons   []Button
	Ephemeral bool // visible only to the person who asked
}

// Embed is one embed of a message.
type Embed struct {
	Title       string
	URL         string
	Description string
	Color       int
	Fields      []Field
	Footer      string
}

// Field is one field of an embed.
type Field struct {
	Name   string
	Value  string
	Inline bool
}

// Button is a button under a message.
type Button struct {
	Label    string
	CustomID string
}

// Len is the embed's text as Discord counts it towards MaxEmbedTotal.
func (e Embed) Len() int {
	n := runes(e.Title) + runes(e.Description) + runes(e.Footer)
	for _, f := range e.Fields {
		n += runes(f.Name) + runes(f.Value)
	}
	return n
}

// EmbedsLen is the total text of the message's embeds.
func (m Message) EmbedsLen() int {
	n := 0
	for _, e := range m.Embeds {
		n += e.Len()
	}
	return n
}

// Check reports every Discord limit the message breaks, or nil.
func (m Message) Check() error {
	var errs []error
	add := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }
	if n := runes(m.Content); n > MaxContent {
		add("content has %d characters (max %d)", n, MaxContent)
	}
	if m.Content == "" && len(m.Embeds) == 0 {
		add("message is empty")
	}
	if len(m.Embeds) > MaxEmbeds {
		add("%d embeds (max %d)", len(m.Embeds), MaxEmbeds)
	}
	if n := m.EmbedsLen(); n > MaxEmbedTotal {
		add("embeds hold %d characters (max %d)", n, MaxEmbedTotal)
	}
	for i, e := range m.Embeds {
		if n := runes(e.Title); n > MaxTitle {
			add("embed %d: title has %d characters (max %d)", i, n, MaxTitle)
		}
		if n := runes(e.Description); n > MaxDescription {
			add("embed %d: description has %d characters (max %d)", i, n, MaxDescription)
		}
		if n := runes(e.Footer); n > MaxFooter {
			add("embed %d: footer has %d characters (max %d)", i, n, MaxFooter)
		}
		if len(e.Fields) > MaxFields {
			add("embed %d: %d fields (max %d)", i, len(e.Fields), MaxFields)
		}
		for j, f := range e.Fields {
			if n := runes(f.Name); n == 0 || n > MaxFieldName {
				add("embed %d field %d: name has %d characters (1 to %d)", i, j, n, MaxFieldName)
			}
			if n := runes(f.Value); n == 0 || n > MaxFieldValue {
				add("embed %d field %d: value has %d characters (1 to %d)", i, j, n, MaxFieldValue)
			}
		}
	}
	if len(m.Buttons) > MaxButtons {
		add("%d buttons (max %d)", len(m.Buttons), MaxButtons)
	}
	for i, b := range m.Buttons {
		if n := runes(b.Label); n == 0 || n > MaxButtonLabel {
			add("button %d: label has %d characters (1 to %d)", i, n, MaxButtonLabel)
		}
		if n := runes(b.CustomID); n == 0 || n > MaxCustomID {
			add("button %d: custom id has %d characters (1 to %d)", i, n, MaxCustomID)
		}
	}
	return errors.Join(errs...)
}

// Text is a short message with no embed, such as an error or a refusal.
func Text(s string, ephemeral bool) Message {
	return Message{Content: CutWords(s, MaxContent), Ephemeral: ephemeral}
}

func runes(s string) int { return utf8.RuneCountInString(s) }
