package bot

import (
	"context"
	"time"

	"github.com/coveragebot/coveragebot/bot/reply"
)

// kind is the kind of an interaction.
type kind int

const (
	kindUnknown kind = iota
	kindCommand
	kindAutocomplete
	kindComponent
)

// interaction is what the bot reads of a Discord interaction; the adapter
// fills it in from discordgo's type.
type interaction struct {
	ID, AppID, Token string
	Kind             kind
	Command          string   // slash command name
	Options          []option // its options
	CustomID         string   // of the button pressed
	GuildID          string
	ChannelID        string
	UserID, UserName string
	Roles            []string // of the member, in a guild
	Permissions      int64    // of the member in the channel, in a guild
	InGuild          bool
	Created          time.Time // from the interaction id; the token lasts 15 minutes from then
	Malformed        string    // why the adapter could not read the interaction, if it could not
}

// option is one option of a slash command as the user gave it.
type option struct {
	Name    string
	Value   any // string, float64 or bool, as JSON decodes them
	Focused bool
}

// who names the user for logs and replies, without pinging them.
func (in interaction) who() string {
	if in.UserID == "" {
		return "someone"
	}
	return "<@" + in.UserID + ">"
}

// responseKind is the kind of the first response to an interaction.
type responseKind int

const (
	respMessage     responseKind = iota // a message, now
	respDefer                           // "thinking…", the message is edited in later
	respDeferUpdate                     // for a button: the message it sits on is edited later
	respChoices                         // autocomplete choices
)

// response is the first response to an interaction, due within 3 seconds.
type response struct {
	Kind      responseKind
	Message   reply.Message // respMessage
	Ephemeral bool          // respDefer: the coming message is ephemeral
	Choices   []choice      // respChoices
}

// choice is one autocomplete choice.
type choice struct{ Name, Value string }

// responder answers one interaction; the adapter implements it over the
// REST API (and, for the HTTP endpoint, the HTTP response).
type responder interface {
	// respond sends the first response.
	respond(ctx context.Context, r response) error
	// edit replaces the original response (the deferred one, or the message
	// a button sits on).
	edit(ctx context.Context, m reply.Message) error
	// followup sends a further message.
	followup(ctx context.Context, m reply.Message) error
}

// poster posts messages to a channel.
type poster interface {
	post(ctx context.Context, channelID string, m reply.Message) error
}
