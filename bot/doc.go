// Package bot is coveragebot's face on Discord: slash commands that answer
// with quoted, sourced embeds, the daily summary post, and the moderators'
// reindex.
//
// The code that decides what to say — which command runs, rate limits,
// permissions, paging, the mapping of errors to friendly replies — is plain
// Go working on the package's own interaction type, and the rendering lives
// in bot/reply. Only the adapter files (discord.go, convert.go, endpoint.go,
// transport.go) import discordgo. The bot asks its questions through the
// Answerer interface, which *retrieval.Library satisfies.
package bot
