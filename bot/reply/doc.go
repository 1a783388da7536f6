// Package reply decides what coveragebot says on Discord: it renders
// answers, quotes, passages, the daily summary, the sources report and the
// progress of a rebuild into plain messages and embeds that keep every one of
// Discord's limits. Excerpts are kept verbatim: markdown in them is escaped,
// and a text that must be shortened is cut between excerpts or at a sentence
// (at worst a word) with a visible "…", never reworded.
//
// The package knows nothing of discordgo; the bot's adapter turns a Message
// into Discord's types.
package reply
