// Package discordtest is a fake Discord for tests: an httptest TLS server
// that speaks the REST routes coveragebot uses and the gateway (HELLO op 10,
// IDENTIFY op 2, READY, heartbeats op 1/11, INTERACTION_CREATE dispatches),
// so a real discordgo session can talk to it.
//
// It fails the test loudly: on any route it does not know, on a JSON body
// that does not validate against Discord's OpenAPI spec
// (../shared/discord/openapi.json from the module root), on a message whose
// embeds hold more than 6000 characters, on a first interaction response
// later than 3 seconds or sent twice, and on an edit of a reply that was
// never acknowledged. It records every request; Await waits for one without
// sleeping. Each Server is independent (only the parsed spec, which never
// changes, is shared): tests may run in parallel.
package discordtest
