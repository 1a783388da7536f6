// Package schedule posts the daily summary: when it is due (a wall-clock
// time in an IANA time zone, right across daylight-saving changes), which
// day it covers (the day that ended, posted the next morning), and a small
// state file that keeps a day from being posted twice across restarts. It
// knows nothing of Discord: the bot hands it a post function.
//
// Time is injected through Clock, so tests drive it with clocktest.Clock
// and never sleep.
package schedule
