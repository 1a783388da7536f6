package bot

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/retrieval"
)

func TestReindexPermissions(t *testing.T) {
	tests := []struct {
		name  string
		perms int64
		roles []string
		guild bool
		ok    bool
	}{
		{"a member without permissions", 1 << 10, []string{"r-member"}, true, false},
		{"Manage Server", permManageGuild, nil, true, true},
		{"Administrator", permAdministrator, nil, true, true},
		{"a moderator role", 0, []string{"r-member", "r-mod"}, true, true},
		{"in a DM", permManageGuild, nil, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &fakeAnswerer{}
			th := newTestHandler(t, a, func(o *Options) { o.ModeratorRoles = []string{"r-mod"} })
			in := th.cmd("reindex")
			in.Permissions, in.Roles, in.InGuild = tt.perms, tt.roles, tt.guild
			calls := th.serve(t, in)
			if tt.ok {
				if a.rebuilt != 1 || !strings.Contains(text(calls[len(calls)-1].Msg), "Index rebuilt") {
					t.Fatalf("not rebuilt: %+v", calls)
				}
				return
			}
			if a.rebuilt != 0 || len(calls) != 1 || !calls[0].Msg.Ephemeral || !strings.Contains(calls[0].Msg.Content, "Manage Server permission or a moderator role") {
				t.Fatalf("not refused: %+v", calls)
			}
		})
	}
}

// TestReindexShowsProgress follows a rebuild: the reply shows progress,
// at most once per progressEvery, and ends with the report.
func TestReindexShowsProgress(t *testing.T) {
	th := newTestHandler(t, nil, nil)
	th.r = newFakeResponder()
	th.progressEvery = 30 * time.Millisecond
	progressed := func(want string) func(call) bool {
		return func(c call) bool { return c.Op == "edit" && strings.Contains(text(c.Msg), want) }
	}
	a := &fakeAnswerer{rebuild: func(ctx context.Context, progress retrieval.Progress) (retrieval.IndexReport, error) {
		progress(0, 0)
		for i := 1; i <= 4; i++ {
			progress(i, 4)
			th.r.await(t, "progress edit", progressed(" of 4 articles"))
		}
		progress(4, 4)
		th.r.await(t, "progress at the end", progressed("4 of 4 articles"))
		return retrieval.IndexReport{Articles: 4, Paragraphs: 80, Statements: 20, Took: 3 * time.Second,
			Skipped: []retrieval.Skipped{{Where: "corpus/broken.json:7", Reason: "invalid JSON"}}}, nil
	}}
	th.a = a
	in := th.cmd("reindex")
	in.Permissions = permManageGuild
	th.handler.serve(context.Background(), in, th.r)
	calls := th.r.all()
	th.r.checkLimits(t)
	if calls[0].Resp.Kind != respDefer || !strings.Contains(text(calls[1].Msg), "Reading the corpus") {
		t.Fatalf("want a deferral then the first progress, got %+v", calls[:2])
	}
	var last time.Time
	for _, c := range calls[1 : len(calls)-1] {
		if !strings.Contains(text(c.Msg), "Rebuilding the index") {
			t.Fatalf("not a progress edit: %+v", c)
		}
		if !last.IsZero() && c.At.Sub(last) < th.progressEvery {
			t.Errorf("two progress edits %s apart", c.At.Sub(last))
		}
		last = c.At
	}
	final := text(calls[len(calls)-1].Msg)
	for _, want := range []string{"Index rebuilt", "Articles\n4", "Statements\n20", "corpus/broken.json:7 — invalid JSON", "Asked by <@42>"} {
		if !strings.Contains(final, want) {
			t.Errorf("final report lacks %q:\n%s", want, final)
		}
	}
	if !strings.Contains(th.log.String(), `msg="reindex requested" user=42 user_name=alice`) {
		t.Errorf("who asked is not logged:\n%s", th.log)
	}
}

func TestReindexTwiceAtOnce(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{})
	a := &fakeAnswerer{rebuild: func(ctx context.Context, progress retrieval.Progress) (retrieval.IndexReport, error) {
		close(started)
		<-release
		return retrieval.IndexReport{Articles: 2}, nil
	}}
	th := newTestHandler(t, a, nil)
	first := th.cmd("reindex")
	first.Permissions = permManageGuild
	r1 := newFakeResponder()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		th.handler.serve(context.Background(), first, r1)
	}()
	<-started
	second := first
	second.UserID = "77"
	r2 := newFakeResponder()
	th.handler.serve(context.Background(), second, r2)
	close(release)
	wg.Wait()
	calls := r2.all()
	if len(calls) != 1 || !calls[0].Msg.Ephemeral || !strings.Contains(calls[0].Msg.Content, "A rebuild is already running: <@42> started it <t:") {
		t.Fatalf("second reindex: %+v", calls)
	}
	if a.rebuilt != 1 {
		t.Errorf("rebuilt %d times", a.rebuilt)
	}
	// Once done, another may start.
	th.serve(t, second)
	if a.rebuilt != 2 {
		t.Errorf("rebuilt %d times", a.rebuilt)
	}
}

func TestReindexOutlivesItsToken(t *testing.T) {
	a := &fakeAnswerer{}
	th := newTestHandler(t, a, nil)
	a.rebuild = func(ctx context.Context, progress retrieval.Progress) (retrieval.IndexReport, error) {
		th.clock.add(20 * time.Minute)
		return retrieval.IndexReport{Articles: 7584, Took: 20 * time.Minute}, nil
	}
	in := th.cmd("reindex")
	in.Permissions = permManageGuild
	calls := th.serve(t, in)
	last := calls[len(calls)-1]
	if last.Op != "post" || last.To != "c1" || !strings.Contains(last.Msg.Content, "<@42>, the rebuild you asked for has ended") ||
		!strings.Contains(text(last.Msg), "7584") {
		t.Fatalf("want the report posted in the channel, got %+v", calls)
	}
	for _, c := range calls {
		if c.Op == "edit" && strings.Contains(text(c.Msg), "Index rebuilt") {
			t.Errorf("edited the reply after its token expired: %+v", c)
		}
	}
}

func TestReindexFailures(t *testing.T) {
	tests := []struct {
		name    string
		rebuild func(ctx context.Context, stop chan struct{}) error
		want    string
		wantLog string
	}{
		{"fails half-way", func(context.Context, chan struct{}) error { return errors.New("disk full") }, "It failed (error id `", "disk full"},
		{"cancelled by shutdown", func(ctx context.Context, stop chan struct{}) error {
			close(stop)
			<-ctx.Done()
			return ctx.Err()
		}, "The bot is shutting down, so the rebuild was cancelled.", "reindex cancelled"},
		{"another is running", func(context.Context, chan struct{}) error {
			return errors.Join(retrieval.ErrRebuildRunning, errors.New("asked by bob"))
		}, "Another rebuild is already running", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &fakeAnswerer{}
			th := newTestHandler(t, a, nil)
			a.rebuild = func(ctx context.Context, progress retrieval.Progress) (retrieval.IndexReport, error) {
				return retrieval.IndexReport{}, tt.rebuild(ctx, th.stop)
			}
			in := th.cmd("reindex")
			in.Permissions = permManageGuild
			calls := th.serve(t, in)
			last := text(calls[len(calls)-1].Msg)
			if !strings.Contains(last, tt.want) || !strings.Contains(last, "The index in use is unchanged") {
				t.Errorf("final message:\n%s", last)
			}
			if !strings.Contains(th.log.String(), tt.wantLog) {
				t.Errorf("log lacks %q:\n%s", tt.wantLog, th.log)
			}
		})
	}
}
