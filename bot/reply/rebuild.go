package reply

import (
	"fmt"
	"strings"
	"time"

	"github.com/coveragebot/coveragebot/retrieval"
)

// barCells is the width of the text progress bar.
const barCells = 20

// Bar renders a text progress bar: "▰▰▰▰▱▱▱▱ 50%".
func Bar(done, total int) string {
	if total <= 0 {
		return strings.Repeat("▱", barCells)
	}
	done = max(0, min(done, total))
	full := done * barCells / total
	return strings.Repeat("▰", full) + strings.Repeat("▱", barCells-full) + fmt.Sprintf(" %d%%", done*100/total)
}

// Progress renders a running rebuild: articles done of the total, a bar,
// who asked and for how long it has run.
func Progress(done, total int, by string, elapsed time.Duration) Message {
	var d string
	if total > 0 {
		d = fmt.Sprintf("`%s`\n%d of %d articles indexed.", Bar(done, total), done, total)
	} else {
		d = fmt.Sprintf("Reading the corpus… %d articles so far.", done)
	}
	d += "\nAnswers keep coming from the current index meanwhile."
	return Message{Embeds: []Embed{{
		Title:       "Rebuilding the index…",
		Description: d,
		Color:       ColorWork,
		Footer:      CutWords(fmt.Sprintf("Asked by %s · running for %s", by, roundDuration(elapsed)), MaxFooter),
	}}}
}

// maxSkippedShown bounds the skipped files listed in a report.
const maxSkippedShown = 15

// Report renders the end of a rebuild: articles, paragraphs, statements,
// files skipped with their reasons, and the time it took.
func Report(r retrieval.IndexReport, by string) Message {
	e := Embed{Title: "Index rebuilt", Color: ColorSummary}
	e.Fields = []Field{
		{Name: "Articles", Value: fmt.Sprint(r.Articles), Inline: true},
		{Name: "Paragraphs", Value: fmt.Sprint(r.Paragraphs), Inline: true},
		{Name: "Statements", Value: fmt.Sprint(r.Statements), Inline: true},
		{Name: "Skipped", Value: fmt.Sprint(len(r.Skipped)), Inline: true},
		{Name: "Time", Value: roundDuration(r.Took), Inline: true},
	}
	if len(r.Skipped) > 0 {
		var lines []string
		size := 0
		for i, s := range r.Skipped {
			l := "• " + Cut(s.Where, 300) + " — " + Cut(s.Reason, 300)
			more := len(r.Skipped) - i
			if i == maxSkippedShown || size+runes(l)+1+40 > MaxDescription {
				lines = append(lines, fmt.Sprintf("… and %d more", more))
				break
			}
			lines = append(lines, l)
			size += runes(l) + 1
		}
		e.Description = "Skipped:\n" + strings.Join(lines, "\n")
	}
	e.Footer = CutWords("Asked by "+by, MaxFooter)
	return Message{Embeds: []Embed{e}}
}

// RebuildFailed renders a rebuild that failed or was cancelled; reason is
// markdown the bot wrote (escape anything quoted in it).
func RebuildFailed(reason, by string) Message {
	return Message{Embeds: []Embed{{
		Title:       "The rebuild did not finish",
		Description: CutWords(reason, 1500) + "\nThe index in use is unchanged and keeps answering.",
		Color:       ColorError,
		Footer:      CutWords("Asked by "+by, MaxFooter),
	}}}
}

func roundDuration(d time.Duration) string {
	switch {
	case d < time.Second:
		return d.Round(time.Millisecond).String()
	case d < time.Minute:
		return d.Round(100 * time.Millisecond).String()
	default:
		return d.Round(time.Second).String()
	}
}

// HelpLine is one command in the help.
type HelpLine struct {
	Usage       string // "/ask question:"
	Description string
}

// Help renders the list of commands.
func Help(lines []HelpLine, ephemeral bool) Message {
	var b strings.Builder
	b.WriteString("I answer questions about the news coverage I have read, quoting it word for word with its sources.\n")
	for _, l := range lines {
		fmt.Fprintf(&b, "\n`%s` — %s", l.Usage, l.Description)
	}
	return Message{Embeds: []Embed{{Title: "coveragebot", Description: CutWords(b.String(), MaxDescription), Color: ColorAnswer}}, Ephemeral: ephemeral}
}
