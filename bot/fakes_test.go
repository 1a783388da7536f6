package bot

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"path"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/bot/reply"
	"github.com/coveragebot/coveragebot/retrieval"
	"github.com/coveragebot/coveragebot/retrieval/digest"
	"github.com/coveragebot/coveragebot/retrieval/sample"
)

// fakeAnswerer answers from a fixed list of items, paging as the library
// does, and records what it was asked.
type fakeAnswerer struct {
	mu       sync.Mutex
	items    []retrieval.Item
	speakers []retrieval.SpeakerCount
	sources  retrieval.SourcesReport
	summary  digest.Summary
	err      error
	panics   bool
	rebuild  func(ctx context.Context, progress retrieval.Progress) (retrieval.IndexReport, error)

	asked   []retrieval.Request
	quotes  []retrieval.QuoteQuery
	search  []retrieval.SearchQuery
	days    []time.Time
	rebuilt int
}

func (f *fakeAnswerer) page(q string, offset, limit int) (retrieval.Answer, error) {
	if f.panics {
		panic("the index fell over")
	}
	if f.err != nil {
		return retrieval.Answer{}, f.err
	}
	if limit == 0 {
		limit = 5
	}
	a := retrieval.Answer{Question: q, Kind: retrieval.KindQuotes, Coverage: coverageOf()}
	if offset < len(f.items) {
		a.Items = f.items[offset:min(len(f.items), offset+limit)]
	}
	a.More = offset+limit < len(f.items)
	if len(a.Items) == 0 {
		a.Kind, a.Message = retrieval.KindNone, "Nothing more in the coverage."
	}
	return a, nil
}

func coverageOf() retrieval.Coverage {
	return retrieval.Coverage{Articles: 2, From: "2023-03-21", To: "2023-03-22", IndexedAt: time.Date(2024, 5, 1, 10, 4, 0, 0, time.UTC)}
}

func (f *fakeAnswerer) Ask(ctx context.Context, r retrieval.Request) (retrieval.Answer, error) {
	f.mu.Lock()
	f.asked = append(f.asked, r)
	f.mu.Unlock()
	return f.page(r.Question, r.Offset, r.Limit)
}

func (f *fakeAnswerer) Quotes(ctx context.Context, q retrieval.QuoteQuery) (retrieval.Answer, error) {
	f.mu.Lock()
	f.quotes = append(f.quotes, q)
	f.mu.Unlock()
	return f.page("", q.Offset, q.Limit)
}

func (f *fakeAnswerer) Search(ctx context.Context, q retrieval.SearchQuery) (retrieval.Answer, error) {
	f.mu.Lock()
	f.search = append(f.search, q)
	f.mu.Unlock()
	return f.page("", q.Offset, q.Limit)
}

func (f *fakeAnswerer) Speakers(ctx context.Context, prefix string, limit int) ([]retrieval.SpeakerCount, error) {
	var out []retrieval.SpeakerCount
	for _, s := range f.speakers {
		if strings.Contains(strings.ToLower(s.Name), strings.ToLower(prefix)) && len(out) < limit {
			out = append(out, s)
		}
	}
	return out, f.err
}

func (f *fakeAnswerer) Sources(ctx context.Context) (retrieval.SourcesReport, error) {
	return f.sources, f.err
}

func (f *fakeAnswerer) Summary(ctx context.Context, date time.Time) (digest.Summary, error) {
	f.mu.Lock()
	f.days = append(f.days, date)
	f.mu.Unlock()
	s := f.summary
	s.Date = date.Format(time.DateOnly)
	return s, f.err
}

func (f *fakeAnswerer) Rebuild(ctx context.Context, progress retrieval.Progress) (retrieval.IndexReport, error) {
	f.mu.Lock()
	f.rebuilt++
	f.mu.Unlock()
	if f.rebuild != nil {
		return f.rebuild(ctx, progress)
	}
	progress(2, 2)
	return retrieval.IndexReport{Articles: 2, Paragraphs: 41, Statements: 12, Took: time.Second}, nil
}

// sampleItems are statements and passages of the sample corpus, verbatim.
func sampleItems(t testing.TB) []retrieval.Item {
	t.Helper()
	entries, err := fs.ReadDir(sample.FS(), sample.Root)
	if err != nil {
		t.Fatal(err)
	}
	var items []retrieval.Item
	for _, e := range entries {
		b, err := fs.ReadFile(sample.FS(), path.Join(sample.Root, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if strings.HasPrefix(text, "---") {
			if i := strings.Index(text[3:], "\n---"); i >= 0 {
				text = text[i+7:]
			}
		}
		n := 0
		for _, p := range strings.Split(text, "\n") {
			if p = strings.TrimSpace(p); p == "" {
				continue
			}
			n++
			items = append(items, retrieval.Item{
				Text: p, Kind: "passage", Score: 1,
				Source: retrieval.Source{ID: strings.TrimSuffix(e.Name(), ".txt"), Title: "Xi and Putin in Moscow",
					Outlet: "The Guardian", URL: "https://www.theguardian.com/world/2023/mar/22/xi-putin-moscow", Published: "2023-03-22", Paragraph: n},
			})
		}
	}
	return items
}

// call is one thing the handler said.
type call struct {
	Op   string // respond, edit, delete, followup, post
	Resp response
	Msg  reply.Message
	To   string // channel, for post
	At   time.Time
}

// fakeResponder records what the handler says; it is also a poster.
type fakeResponder struct {
	mu      sync.Mutex
	calls   []call
	changed chan struct{}
	editErr error
	postErr []error  // returned by successive posts
	bad     []string // messages that break Discord's limits
}

func newFakeResponder() *fakeResponder { return &fakeResponder{changed: make(chan struct{})} }

func (r *fakeResponder) add(c call) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	c.At = time.Now()
	var err error
	switch c.Op {
	case "edit":
		err = r.editErr
	case "post":
		if len(r.postErr) > 0 {
			err, r.postErr = r.postErr[0], r.postErr[1:]
		}
	}
	if err == nil {
		r.calls = append(r.calls, c)
		close(r.changed)
		r.changed = make(chan struct{})
	}
	if c.Op == "edit" || c.Op == "followup" || c.Op == "post" || (c.Op == "respond" && c.Resp.Kind == respMessage) {
		if err := c.Msg.Check(); err != nil {
			r.bad = append(r.bad, fmt.Sprintf("%s breaks Discord's limits: %v", c.Op, err))
		}
	}
	return err
}

func (r *fakeResponder) respond(_ context.Context, resp response) error {
	return r.add(call{Op: "respond", Resp: resp, Msg: resp.Message})
}
func (r *fakeResponder) edit(_ context.Context, m reply.Message) error {
	return r.add(call{Op: "edit", Msg: m})
}
func (r *fakeResponder) followup(_ context.Context, m reply.Message) error {
	return r.add(call{Op: "followup", Msg: m})
}
func (r *fakeResponder) post(_ context.Context, ch string, m reply.Message) error {
	return r.add(call{Op: "post", Msg: m, To: ch})
}

// checkLimits fails the test if a message broke Discord's limits.
func (r *fakeResponder) checkLimits(t *testing.T) {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, b := range r.bad {
		t.Error(b)
	}
}

func (r *fakeResponder) all() []call {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]call(nil), r.calls...)
}

// await waits for a call for which ok holds.
func (r *fakeResponder) await(t *testing.T, what string, ok func(call) bool) call {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for {
		r.mu.Lock()
		for _, c := range r.calls {
			if ok(c) {
				r.mu.Unlock()
				return c
			}
		}
		ch := r.changed
		r.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			t.Fatalf("no %s; calls: %+v", what, r.all())
		}
	}
}

// text is all the text of a message.
func text(m reply.Message) string {
	var b strings.Builder
	b.WriteString(m.Content)
	for _, e := range m.Embeds {
		b.WriteString("\n" + e.Title + "\n" + e.Description + "\n")
		for _, f := range e.Fields {
			b.WriteString(f.Name + "\n" + f.Value + "\n")
		}
		b.WriteString(e.Footer)
	}
	return b.String()
}

// syncBuffer is a log sink safe for concurrent writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// testLogger logs to a buffer that is printed when the test fails.
func testLogger(t testing.TB) (*slog.Logger, *syncBuffer) {
	buf := &syncBuffer{}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("log:\n%s", buf.String())
		}
	})
	return slog.New(slog.NewTextHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug})), buf
}

// clock is a settable clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}
