package bot

import (
	"github.com/bwmarrin/discordgo"

	"github.com/coveragebot/coveragebot/bot/reply"
)

// noMentions is the allowed_mentions of every message: nobody is pinged,
// whatever an article or a question holds. An empty (not nil) Parse, or
// discordgo sends "parse": null.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

func toEmbeds(es []reply.Embed) []*discordgo.MessageEmbed {
	out := make([]*discordgo.MessageEmbed, 0, len(es))
	for _, e := range es {
		de := &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Title: e.Title, URL: e.URL, Description: e.Description, Color: e.Color}
		for _, f := range e.Fields {
			de.Fields = append(de.Fields, &discordgo.MessageEmbedField{Name: f.Name, Value: f.Value, Inline: f.Inline})
		}
		if e.Footer != "" {
			de.Footer = &discordgo.MessageEmbedFooter{Text: e.Footer}
		}
		out = append(out, de)
	}
	return out
}

// toComponents returns the buttons in one action row; never nil, so that
// an edit without buttons removes the old ones.
func toComponents(bs []reply.Button) []discordgo.MessageComponent {
	if len(bs) == 0 {
		return []discordgo.MessageComponent{}
	}
	row := discordgo.ActionsRow{}
	for _, b := range bs {
		row.Components = append(row.Components, discordgo.Button{Label: b.Label, Style: discordgo.SecondaryButton, CustomID: b.CustomID})
	}
	return []discordgo.MessageComponent{row}
}

func flags(ephemeral bool) discordgo.MessageFlags {
	if ephemeral {
		return discordgo.MessageFlagsEphemeral
	}
	return 0
}

func toResponseData(m reply.Message) *discordgo.InteractionResponseData {
	return &discordgo.InteractionResponseData{
		Content: m.Content, Embeds: toEmbeds(m.Embeds), Components: toComponents(m.Buttons),
		AllowedMentions: noMentions(), Flags: flags(m.Ephemeral),
	}
}

// autocompleteResult is the response with autocomplete choices: Discord
// requires the choices array even when empty, which discordgo's
// InteractionResponseData (choices,omitempty) would leave out.
type autocompleteResult struct {
	Type discordgo.InteractionResponseType `json:"type"`
	Data struct {
		Choices []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
	} `json:"data"`
}

// toResponse builds the first response to an interaction, as the JSON
// value to send.
func toResponse(r response) any {
	switch r.Kind {
	case respDefer:
		out := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}
		if r.Ephemeral {
			out.Data = &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral}
		}
		return out
	case respDeferUpdate:
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate}
	case respChoices:
		cs := make([]*discordgo.ApplicationCommandOptionChoice, 0, len(r.Choices))
		for _, c := range r.Choices {
			cs = append(cs, &discordgo.ApplicationCommandOptionChoice{Name: c.Name, Value: c.Value})
		}
		out := &autocompleteResult{Type: discordgo.InteractionApplicationCommandAutocompleteResult}
		out.Data.Choices = cs
		return out
	default:
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: toResponseData(r.Message)}
	}
}

func toWebhookEdit(m reply.Message) *discordgo.WebhookEdit {
	embeds, comps := toEmbeds(m.Embeds), toComponents(m.Buttons)
	content := m.Content
	return &discordgo.WebhookEdit{Content: &content, Embeds: &embeds, Components: &comps, AllowedMentions: noMentions()}
}

func toWebhookParams(m reply.Message) *discordgo.WebhookParams {
	return &discordgo.WebhookParams{Content: m.Content, Embeds: toEmbeds(m.Embeds), Components: toComponents(m.Buttons),
		AllowedMentions: noMentions(), Flags: flags(m.Ephemeral)}
}

func toMessageSend(m reply.Message) *discordgo.MessageSend {
	return &discordgo.MessageSend{Content: m.Content, Embeds: toEmbeds(m.Embeds), Components: toComponents(m.Buttons),
		AllowedMentions: noMentions(), StickerIDs: []string{}}
}

// toCommands declares the commands to Discord.
func toCommands(specs []commandSpec) []*discordgo.ApplicationCommand {
	manage := permManageGuild
	out := make([]*discordgo.ApplicationCommand, 0, len(specs))
	for _, c := range specs {
		dc := &discordgo.ApplicationCommand{Type: discordgo.ChatApplicationCommand, Name: c.Name, Description: c.Description,
			Options: []*discordgo.ApplicationCommandOption{}}
		if c.ManageServer {
			dc.DefaultMemberPermissions = &manage
			dc.Contexts = &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild}
		}
		for _, o := range c.Options {
			do := &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: o.Name,
				Description: o.Description, Required: o.Required, Autocomplete: o.Autocomplete, MaxLength: o.MaxLen}
			if o.Type == optInteger {
				do.Type = discordgo.ApplicationCommandOptionInteger
			}
			if o.MinLength > 0 {
				n := o.MinLength
				do.MinLength = &n
			}
			dc.Options = append(dc.Options, do)
		}
		out = append(out, dc)
	}
	return out
}

// fromDiscord reads what the bot needs of a discordgo interaction.
func fromDiscord(i *discordgo.Interaction) interaction {
	in := interaction{ID: i.ID, AppID: i.AppID, Token: i.Token, GuildID: i.GuildID, ChannelID: i.ChannelID}
	if t, err := discordgo.SnowflakeTimestamp(i.ID); err == nil {
		in.Created = t
	}
	switch {
	case i.Member != nil:
		in.InGuild = true
		in.Roles = i.Member.Roles
		in.Permissions = i.Member.Permissions
		if i.Member.User != nil {
			in.UserID, in.UserName = i.Member.User.ID, i.Member.User.Username
		}
	case i.User != nil:
		in.UserID, in.UserName = i.User.ID, i.User.Username
	}
	switch d := i.Data.(type) {
	case discordgo.ApplicationCommandInteractionData:
		in.Kind = kindCommand
		if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
			in.Kind = kindAutocomplete
		}
		in.Command = d.Name
		for _, o := range d.Options {
			if o == nil {
				in.Malformed = "a null option"
				continue
			}
			if len(o.Options) > 0 {
				in.Malformed = "sub-command options"
			}
			in.Options = append(in.Options, option{Name: o.Name, Value: o.Value, Focused: o.Focused})
		}
	case discordgo.MessageComponentInteractionData:
		in.Kind = kindComponent
		in.CustomID = d.CustomID
	default:
		switch i.Type {
		case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete, discordgo.InteractionMessageComponent:
			in.Malformed = "its data could not be read"
		}
	}
	if in.UserID == "" && in.Malformed == "" {
		in.Malformed = "no user"
	}
	return in
}
