package bot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"

	"github.com/coveragebot/coveragebot/retrieval"
)

// errorID returns a short id that ties a reply to its log line.
func errorID() string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// expected returns the message for the errors that are no failure of the
// bot's: the user's mistakes and the sentinel errors of retrieval.
func expected(err error) string {
	var ue *userError
	switch {
	case errors.As(err, &ue):
		return ue.msg
	case errors.Is(err, retrieval.ErrEmptyQuestion):
		return "Please ask a question, e.g. `/ask question: what did Blinken say?`"
	case errors.Is(err, retrieval.ErrQuestionTooLong):
		return "That question is too long."
	case errors.Is(err, retrieval.ErrRebuildRunning):
		return "A rebuild of the index is already running; try again when it has finished."
	}
	return ""
}

// friendly turns an error into the short message the user sees. Expected
// errors get their own message; anything else is logged in full with an id
// the user can hand to a moderator.
func friendly(log *slog.Logger, in interaction, err error) string {
	id := errorID()
	attrs := []any{"error_id", id, "interaction", in.ID, "command", in.Command, "custom_id", in.CustomID,
		"user", in.UserID, "guild", in.GuildID, "channel", in.ChannelID, "err", err}
	if msg := expected(err); msg != "" {
		log.Info("refused", attrs...)
		return msg
	}
	if errors.Is(err, context.DeadlineExceeded) {
		log.Warn("interaction timed out", attrs...)
		return fmt.Sprintf("That took too long to answer; please try again, perhaps with a narrower question. (error id `%s`)", id)
	}
	log.Error("interaction failed", attrs...)
	return fmt.Sprintf("Something went wrong on my side (error id `%s`). A moderator can find the details in the bot's log.", id)
}
