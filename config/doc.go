// Package config holds coveragebot's settings: one Config value with a
// default for every key, loaded from an optional YAML file, COVERAGEBOT_*
// environment variables and command-line flags (flag > env > file >
// default), then checked by Validate for the command about to run.
//
// Every setting has a key ("discord.rate_window"), an environment variable
// (COVERAGEBOT_DISCORD_RATE_WINDOW: the key upper-cased with "." turned into
// "_") and a flag (--discord-rate-window: the key with "." and "_" turned
// into "-"; the one exception is --http for discord.http_addr). The table
// in docs/configuration.md is checked against the code by the tests.
//
// Config is a plain value: packages receive the fields they need, never the
// viper instance. Secrets (the bot token, the application's public key) have
// the type Secret, which prints and logs as "[redacted]".
package config
