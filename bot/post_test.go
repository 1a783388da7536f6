package bot

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/retrieval"
	"github.com/coveragebot/coveragebot/retrieval/digest"
)

func sourceOf(id, outlet string) retrieval.Source {
	return retrieval.Source{ID: id, Title: "Xi and Putin in Moscow", Outlet: outlet, URL: "https://example.com/" + id, Published: "2023-03-22", Paragraph: 1}
}

// seedSummary is a summary of the seeds' day, made of their words.
func seedSummary() digest.Summary {
	return digest.Summary{
		Date:   "2023-03-22",
		Counts: digest.Counts{Articles: 2, Outlets: 2, Stories: 1},
		Stories: []digest.Story{{
			Title: "Xi and Putin hail a new era in Moscow", Articles: []string{"000", "001"},
			Sentences: []digest.Sentence{{
				Text:   "Xi Jinping and Vladimir Putin emerged from two days of talks yesterday with warm words of friendship between China and Russia and joint criticism of the West, but no sign of a diplomatic breakthrough over Ukraine.",
				Source: sourceOf("000", "The Guardian"),
			}},
			Sources: []retrieval.Source{sourceOf("000", "The Guardian"), sourceOf("001", "Reuters")},
		}},
		Quotes: []digest.Quote{{Speaker: "Vladimir Putin", Text: "I agree,", Source: sourceOf("001", "Reuters")}},
	}
}

func TestPostSummaryRetries(t *testing.T) {
	busy := &sendError{Status: 429, Wait: 3 * time.Second, Err: errors.New("rate limited")}
	down := &sendError{Status: 502, Err: errors.New("bad gateway")}
	forbidden := &sendError{Status: 403, Permanent: true, Err: errors.New("Missing Access")}
	tests := []struct {
		name      string
		errs      []error
		wantErr   string
		wantWaits time.Duration // total time slept
		wantPosts int
		wantLogCh bool
	}{
		{"at once", nil, "", 0, 1, false},
		{"a 429 is waited out, a 502 backed off", []error{busy, down}, "", 3*time.Second + 2*time.Second, 1, false},
		{"no access is not retried", []error{forbidden}, "HTTP 403", 0, 0, true},
		{"always down: gives up", []error{down, down, down, down, down}, "after 5 attempts", (1 + 2 + 4 + 8) * time.Second, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th := newTestHandler(t, &fakeAnswerer{}, func(o *Options) { o.LogChannel = "mods" })
			th.r.postErr = append([]error(nil), tt.errs...)
			th.post = th.r
			start := th.clock.now()
			err := th.postSummary(t.Context(), "news", seedSummary())
			if (err == nil) != (tt.wantErr == "") || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("err %v, want %q", err, tt.wantErr)
			}
			if waited := th.clock.now().Sub(start); waited != tt.wantWaits {
				t.Errorf("waited %s, want %s", waited, tt.wantWaits)
			}
			var posts, logPosts int
			for _, c := range th.r.all() {
				switch c.To {
				case "news":
					posts++
					if !strings.Contains(text(c.Msg), "Coverage of Wednesday 22 March 2023") {
						t.Errorf("post %q", text(c.Msg))
					}
				case "mods":
					logPosts++
				}
			}
			if posts != tt.wantPosts || (logPosts > 0) != tt.wantLogCh {
				t.Errorf("%d posts (want %d), %d to the log channel", posts, tt.wantPosts, logPosts)
			}
		})
	}
}

// TestPostSummaryGoesOn posts a summary of several messages whose second
// part fails, then retries it: the first part is not posted twice.
func TestPostSummaryGoesOn(t *testing.T) {
	s := seedSummary()
	for i := 0; i < 12; i++ {
		st := s.Stories[0]
		st.Title = strings.Repeat("Story ", i+1)
		s.Stories = append(s.Stories, st)
	}
	th := newTestHandler(t, &fakeAnswerer{}, nil)
	forbidden := &sendError{Status: 403, Permanent: true, Err: errors.New("Missing Access")}
	th.r.postErr = []error{nil, forbidden}
	th.post = th.r
	if err := th.postSummary(t.Context(), "news", s); err == nil {
		t.Fatal("the second part failed, but no error")
	}
	if err := th.postSummary(t.Context(), "news", s); err != nil {
		t.Fatal(err)
	}
	posts := th.r.all()
	if len(posts) != 2 || text(posts[0].Msg) == text(posts[1].Msg) {
		t.Fatalf("want the two parts once each, got %d posts", len(posts))
	}
	// Failing again and again, it tells the log channel once.
	th.logChannel = "mods"
	th.r = newFakeResponder()
	th.post = th.r
	th.r.postErr = []error{forbidden, nil, forbidden, forbidden} // the nil is the notice
	other := seedSummary()
	for i := 0; i < 3; i++ {
		if err := th.postSummary(t.Context(), "news", other); err == nil {
			t.Fatal("no error")
		}
	}
	if calls := th.r.all(); len(calls) != 1 || calls[0].To != "mods" {
		t.Errorf("want one notice to the log channel, got %+v", calls)
	}
	if err := th.postSummary(t.Context(), "", s); err == nil || !strings.Contains(err.Error(), "COVERAGEBOT_DISCORD_SUMMARY_CHANNEL") {
		t.Errorf("no channel: %v", err)
	}
}
