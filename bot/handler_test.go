package bot

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/bot/reply"
	"github.com/coveragebot/coveragebot/retrieval"
)

type testHandler struct {
	*handler
	r     *fakeResponder
	clock *clock
	log   *syncBuffer
	stop  chan struct{}
}

func newTestHandler(t *testing.T, a Answerer, mod func(*Options)) *testHandler {
	t.Helper()
	log, buf := testLogger(t)
	opts := Options{Token: "x", Logger: log}
	if mod != nil {
		mod(&opts)
	}
	if _, _, err := opts.check(); err != nil {
		t.Fatal(err)
	}
	r := newFakeResponder()
	stop := make(chan struct{})
	h := newHandler(opts, a, r, stop)
	clk := &clock{t: time.Date(2023, 3, 22, 9, 0, 0, 0, time.UTC)}
	h.now = clk.now
	h.sleep = func(ctx context.Context, d time.Duration) error {
		clk.add(d)
		return ctx.Err()
	}
	return &testHandler{handler: h, r: r, clock: clk, log: buf, stop: stop}
}

func (th *testHandler) cmd(name string, opts ...option) interaction {
	return interaction{ID: "1100", Token: "tok", Kind: kindCommand, Command: name, Options: opts,
		UserID: "42", UserName: "alice", InGuild: true, GuildID: "g1", ChannelID: "c1", Created: th.clock.now()}
}

func opt(name string, v any) option { return option{Name: name, Value: v} }

// serve runs an interaction through the handler with a fresh responder and
// returns what was said.
func (th *testHandler) serve(t *testing.T, in interaction) []call {
	t.Helper()
	th.r = newFakeResponder()
	th.post = th.r
	th.handler.serve(context.Background(), in, th.r)
	th.r.checkLimits(t)
	return th.r.all()
}

func TestAskDefersThenEditsTheAnswer(t *testing.T) {
	a := &fakeAnswerer{items: sampleItems(t)}
	th := newTestHandler(t, a, nil)
	calls := th.serve(t, th.cmd("ask", opt("question", "  what did Blinken say?  ")))
	if len(calls) != 2 || calls[0].Op != "respond" || calls[0].Resp.Kind != respDefer || calls[0].Resp.Ephemeral {
		t.Fatalf("want a public deferral then an edit, got %+v", calls)
	}
	m := calls[1].Msg
	if calls[1].Op != "edit" || !strings.Contains(text(m), "> Xi Jinping and Vladimir Putin emerged from two days of talks") {
		t.Fatalf("edit lacks the first excerpt: %+v", calls[1])
	}
	if len(m.Buttons) != 1 || m.Buttons[0].Label != "More" {
		t.Errorf("want a More button, got %+v", m.Buttons)
	}
	if len(a.asked) != 1 || a.asked[0].Question != "what did Blinken say?" || a.asked[0].Offset != 0 {
		t.Errorf("asked %+v", a.asked)
	}
}

func TestEphemeralRepliesWhenConfigured(t *testing.T) {
	th := newTestHandler(t, &fakeAnswerer{items: sampleItems(t)}, func(o *Options) { o.Ephemeral = true })
	calls := th.serve(t, th.cmd("sources"))
	if len(calls) != 2 || !calls[0].Resp.Ephemeral {
		t.Fatalf("want an ephemeral deferral, got %+v", calls)
	}
}

func TestBadInputGetsAShortEphemeralReply(t *testing.T) {
	tests := []struct {
		name string
		in   func(th *testHandler) interaction
		want string
	}{
		{"blank question", func(th *testHandler) interaction { return th.cmd("ask", opt("question", "   ")) }, "Please ask a question"},
		{"over-long question", func(th *testHandler) interaction {
			return th.cmd("ask", opt("question", strings.Repeat("é", retrieval.MaxQuestionRunes+1)))
		}, "too long"},
		{"missing option", func(th *testHandler) interaction { return th.cmd("ask") }, "/ask needs question:"},
		{"unknown option", func(th *testHandler) interaction { return th.cmd("ask", opt("question", "q"), opt("tone", "x")) }, `/ask has no option "tone"`},
		{"option of the wrong type", func(th *testHandler) interaction { return th.cmd("ask", opt("question", 42.0)) }, "expected text"},
		{"unknown command", func(th *testHandler) interaction { return th.cmd("frobnicate") }, "I don't know the command /frobnicate"},
		{"bad date", func(th *testHandler) interaction { return th.cmd("summary", opt("date", "22/03/2023")) }, "write it as YYYY-MM-DD"},
		{"until before since", func(th *testHandler) interaction {
			return th.cmd("search", opt("query", "peace"), opt("since", "2023-03-22"), opt("until", "2023-03-01"))
		}, "comes before"},
		{"malformed", func(th *testHandler) interaction {
			in := th.cmd("ask")
			in.Malformed = "its data could not be read"
			return in
		}, "error id"},
		{"an unknown button", func(th *testHandler) interaction {
			in := th.cmd("")
			in.Kind, in.CustomID = kindComponent, "delete-everything"
			return in
		}, "error id"},
		{"a forgotten answer", func(th *testHandler) interaction {
			in := th.cmd("")
			in.Kind, in.CustomID = kindComponent, moreID("zzzzzzzz", 5)
			return in
		}, "no longer remember"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &fakeAnswerer{items: sampleItems(t)}
			th := newTestHandler(t, a, nil)
			calls := th.serve(t, tt.in(th))
			if len(calls) != 1 || calls[0].Op != "respond" || calls[0].Resp.Kind != respMessage || !calls[0].Msg.Ephemeral {
				t.Fatalf("want one ephemeral message, got %+v", calls)
			}
			if got := calls[0].Msg.Content; !strings.Contains(got, tt.want) || len(got) > 300 {
				t.Errorf("reply %q, want a short one containing %q", got, tt.want)
			}
			if len(a.asked) != 0 {
				t.Errorf("the question was asked anyway: %+v", a.asked)
			}
			if !strings.Contains(th.log.String(), "error_id=") {
				t.Errorf("no error id in the log:\n%s", th.log)
			}
		})
	}
}

func TestMaxQuestionIsConfigurable(t *testing.T) {
	a := &fakeAnswerer{items: sampleItems(t)}
	th := newTestHandler(t, a, func(o *Options) { o.MaxQuestion = 20 })
	calls := th.serve(t, th.cmd("ask", opt("question", "what did Blinken say?")))
	if len(calls) != 1 || !strings.Contains(calls[0].Msg.Content, "under 20 characters") {
		t.Fatalf("a 21-character question with a limit of 20: %+v", calls)
	}
	if calls := th.serve(t, th.cmd("ask", opt("question", "what did Xi say?"))); calls[0].Resp.Kind != respDefer {
		t.Fatalf("a short question: %+v", calls)
	}
	if spec, _ := findCommand("search", 20); spec.Options[0].MaxLen != 20 {
		t.Errorf("/search query: max_length %d, want 20", spec.Options[0].MaxLen)
	}
}

func TestInternalErrorsAreLoggedWithAnID(t *testing.T) {
	tests := []struct {
		name      string
		ephemeral bool
		answerer  *fakeAnswerer
		wantOps   []string
	}{
		{"public deferral: the thinking message becomes the error", false, &fakeAnswerer{err: errors.New("bleve: disk on fire")}, []string{"respond", "edit"}},
		{"ephemeral deferral: the same", true, &fakeAnswerer{err: errors.New("bleve: disk on fire")}, []string{"respond", "edit"}},
		{"a panic is an error too", false, &fakeAnswerer{panics: true}, []string{"respond", "edit"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th := newTestHandler(t, tt.answerer, func(o *Options) { o.Ephemeral = tt.ephemeral })
			calls := th.serve(t, th.cmd("ask", opt("question", "what did Blinken say?")))
			var ops []string
			for _, c := range calls {
				ops = append(ops, c.Op)
			}
			if fmt.Sprint(ops) != fmt.Sprint(tt.wantOps) {
				t.Fatalf("ops %v, want %v", ops, tt.wantOps)
			}
			last := calls[len(calls)-1].Msg
			id := regexp.MustCompile("error id `([0-9a-f]{8})`").FindStringSubmatch(last.Content)
			if id == nil || len(last.Content) > 200 {
				t.Fatalf("reply %+v lacks an error id or is long", last)
			}
			if log := th.log.String(); !strings.Contains(log, "error_id="+id[1]) || strings.Contains(last.Content, "disk on fire") {
				t.Errorf("the id %s is not in the log, or details leaked to the user:\n%s", id[1], log)
			}
		})
	}
}

// TestMorePagesOnWithoutRepeating presses "More" until the end and checks
// every excerpt is shown once, in order, and the last page has no button.
func TestMorePagesOnWithoutRepeating(t *testing.T) {
	items := sampleItems(t)
	a := &fakeAnswerer{items: items}
	th := newTestHandler(t, a, nil)
	calls := th.serve(t, th.cmd("ask", opt("question", "what happened in Moscow?")))
	var shown []string
	for page := 1; ; page++ {
		m := calls[len(calls)-1].Msg
		for _, block := range strings.Split(m.Embeds[0].Description, "\n\n") {
			shown = append(shown, strings.SplitN(block, "\n— ", 2)[0])
		}
		if len(m.Buttons) == 0 {
			break
		}
		if page > 20 {
			t.Fatal("More never ends")
		}
		in := th.cmd("")
		in.Kind, in.CustomID = kindComponent, m.Buttons[0].CustomID
		calls = th.serve(t, in)
		if len(calls) != 2 || calls[0].Resp.Kind != respDeferUpdate || calls[1].Op != "edit" {
			t.Fatalf("page %d: want a deferred update then an edit, got %+v", page+1, calls)
		}
	}
	if len(shown) != len(items) {
		t.Fatalf("shown %d excerpts of %d", len(shown), len(items))
	}
	for i, s := range shown {
		if want := reply.BlockQuote(reply.Escape(items[i].Text)); s != want {
			t.Fatalf("excerpt %d is %.50q, want %.50q", i, s, want)
		}
	}
}

func TestRateLimit(t *testing.T) {
	a := &fakeAnswerer{items: sampleItems(t)}
	th := newTestHandler(t, a, func(o *Options) { o.RateLimit, o.RatePer = 2, time.Minute })
	ask := th.cmd("ask", opt("question", "q"))
	for i := 0; i < 2; i++ {
		if calls := th.serve(t, ask); calls[0].Resp.Kind != respDefer {
			t.Fatalf("question %d refused: %+v", i+1, calls)
		}
		th.clock.add(10 * time.Second)
	}
	calls := th.serve(t, ask)
	if len(calls) != 1 || !calls[0].Msg.Ephemeral || !strings.Contains(calls[0].Msg.Content, "Please wait 40 s") {
		t.Fatalf("third question: %+v", calls)
	}
	other := ask
	other.UserID = "43"
	if calls := th.serve(t, other); calls[0].Resp.Kind != respDefer {
		t.Fatalf("another user is limited too: %+v", calls)
	}
	if calls := th.serve(t, th.cmd("help")); !calls[0].Msg.Ephemeral || !strings.Contains(text(calls[0].Msg), "/quotes speaker: [about:] [since:]") {
		t.Errorf("help is limited or wrong: %+v", calls)
	}
	th.clock.add(51 * time.Second)
	if calls := th.serve(t, ask); calls[0].Resp.Kind != respDefer {
		t.Fatalf("still limited after the window: %+v", calls)
	}
}

func TestQuotesAndSearchOptions(t *testing.T) {
	a := &fakeAnswerer{items: sampleItems(t)}
	th := newTestHandler(t, a, nil)
	th.serve(t, th.cmd("quotes", opt("speaker", "Antony Blinken"), opt("about", "Ukraine"), opt("since", "2023-03-01")))
	th.serve(t, th.cmd("search", opt("query", "peace plan"), opt("outlet", "The Guardian"), opt("until", "2023-03-31")))
	since := time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC)
	if len(a.quotes) != 1 || a.quotes[0].Speaker != "Antony Blinken" || a.quotes[0].About != "Ukraine" || !a.quotes[0].Since.Equal(since) {
		t.Errorf("quotes %+v", a.quotes)
	}
	until := time.Date(2023, 3, 31, 0, 0, 0, 0, time.UTC)
	if len(a.search) != 1 || a.search[0].Text != "peace plan" || a.search[0].Outlet != "The Guardian" || !a.search[0].Until.Equal(until) {
		t.Errorf("search %+v", a.search)
	}
}

func TestAutocomplete(t *testing.T) {
	a := &fakeAnswerer{sources: retrieval.SourcesReport{Outlets: []retrieval.OutletCount{{Outlet: "The Guardian", Articles: 1}, {Outlet: "Reuters", Articles: 1}}}}
	a.speakers = append(a.speakers, retrieval.SpeakerCount{Name: "Antony Blinken", Quotes: 3}, retrieval.SpeakerCount{Name: strings.Repeat("x", 101), Quotes: 1})
	for i := 0; i < 40; i++ {
		a.speakers = append(a.speakers, retrieval.SpeakerCount{Name: fmt.Sprintf("Speaker %d", i), Quotes: 1})
	}
	tests := []struct {
		command, option, typed string
		want                   []choice
		wantN                  int
	}{
		{"quotes", "speaker", "Blin", []choice{{"Antony Blinken (3)", "Antony Blinken"}}, 1},
		{"quotes", "speaker", "linke", []choice{{"Antony Blinken (3)", "Antony Blinken"}}, 1},
		{"quotes", "speaker", "speaker", nil, reply.MaxChoices},
		{"quotes", "speaker", "xxx", nil, 0}, // too long a name to offer
		{"search", "outlet", "guard", []choice{{"The Guardian", "The Guardian"}}, 1},
		{"search", "query", "x", nil, 0},
	}
	for _, tt := range tests {
		th := newTestHandler(t, a, nil)
		in := th.cmd(tt.command, option{Name: tt.option, Value: tt.typed, Focused: true})
		in.Kind = kindAutocomplete
		calls := th.serve(t, in)
		if len(calls) != 1 || calls[0].Resp.Kind != respChoices || len(calls[0].Resp.Choices) != tt.wantN {
			t.Errorf("%s %s %q: %+v", tt.command, tt.option, tt.typed, calls)
			continue
		}
		if tt.want != nil && fmt.Sprint(calls[0].Resp.Choices) != fmt.Sprint(tt.want) {
			t.Errorf("%s %q: choices %v, want %v", tt.option, tt.typed, calls[0].Resp.Choices, tt.want)
		}
	}
	// A failing autocomplete still answers, with no choices.
	th := newTestHandler(t, &fakeAnswerer{err: errors.New("down")}, nil)
	in := th.cmd("quotes", option{Name: "speaker", Value: "B", Focused: true})
	in.Kind = kindAutocomplete
	if calls := th.serve(t, in); len(calls) != 1 || calls[0].Resp.Kind != respChoices || len(calls[0].Resp.Choices) != 0 {
		t.Errorf("failing autocomplete: %+v", calls)
	}
}

// daysAnswerer also knows its days with coverage, as the library does.
type daysAnswerer struct {
	*fakeAnswerer
	days map[string]int
}

func (d daysAnswerer) Days() (map[string]int, error) { return d.days, nil }

func TestSummaryOfTheLatestDay(t *testing.T) {
	a := &fakeAnswerer{}
	th := newTestHandler(t, daysAnswerer{a, map[string]int{"2023-03-21": 1, "2023-03-22": 2, "bogus": 1}}, nil)
	th.serve(t, th.cmd("summary"))
	if len(a.days) != 1 || a.days[0].Format(time.DateOnly) != "2023-03-22" {
		t.Fatalf("summary of %v, want the latest day with coverage, 2023-03-22", a.days)
	}
}

func TestSummaryCommand(t *testing.T) {
	a := &fakeAnswerer{}
	th := newTestHandler(t, a, func(o *Options) { o.Location = time.FixedZone("UTC+10", 10*3600) })
	th.clock.t = time.Date(2023, 3, 22, 20, 0, 0, 0, time.UTC) // already the 23rd at UTC+10
	calls := th.serve(t, th.cmd("summary"))
	if len(a.days) != 1 || a.days[0].Format(time.DateOnly) != "2023-03-23" {
		t.Fatalf("summary of %v, want 2023-03-23", a.days)
	}
	if len(calls) != 2 || !strings.Contains(text(calls[1].Msg), "No coverage was published on that day.") {
		t.Fatalf("calls %+v", calls)
	}
	th.serve(t, th.cmd("summary", opt("date", "2023-03-21")))
	if a.days[1].Format(time.DateOnly) != "2023-03-21" {
		t.Errorf("summary of %v", a.days[1])
	}
}
