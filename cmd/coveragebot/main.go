// Command coveragebot answers questions about a body of news coverage with
// the exact words that were said, who said them and where: on the command
// line (ask, quotes, speakers, summary, index) and as a Discord bot (serve).
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	_ "time/tzdata" // time zones for summary.timezone on minimal images
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Environ(), os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
