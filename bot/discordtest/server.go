package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// APIPrefix is the path prefix of the REST API as discordgo calls it.
const APIPrefix = "/api/v9"

// Request is one request the bot made, or one gateway frame it sent
// (Method "GATEWAY", Path "op/N").
type Request struct {
	Method string
	Path   string // without the query
	Query  url.Values
	Header http.Header
	Body   []byte
	At     time.Time
	// Pings lists who the message would notify under Discord's
	// allowed_mentions rules ("everyone", "user:ID", "role:ID").
	Pings []string
}

// Decode unmarshals the request's JSON body into v.
func (r Request) Decode(v any) error { return json.Unmarshal(r.Body, v) }

// Config configures a fake Discord.
type Config struct {
	Token     string // the bot token the bot must present (without "Bot ")
	AppID     string // the application's id (also the bot user's)
	GuildID   string
	ChannelID string
	// SpecPath is Discord's OpenAPI spec; default ../shared/discord/openapi.json
	// from the module root. When absent, bodies are not validated (t.Log).
	SpecPath string
	// PlainHTTP serves http:// and ws:// instead of https:// and wss://, as
	// a local fake or proxy of Discord may.
	PlainHTTP bool
	// HeartbeatInterval is sent in HELLO (default 41.25 s; discordgo sends
	// its first heartbeat at once).
	HeartbeatInterval time.Duration
}

// Server is a fake Discord.
type Server struct {
	t    testing.TB
	cfg  Config
	srv  *httptest.Server
	spec *spec

	mu       sync.Mutex
	changed  chan struct{} // closed and replaced whenever something is recorded
	requests []Request
	awaited  map[int]bool
	pending  map[string]*pending // interactions by token
	failures []failure
	gateways []*gatewayConn

	nextID atomic.Int64
	closed atomic.Bool
}

// New starts a fake Discord; it is closed when the test ends.
func New(t testing.TB, cfg Config) *Server {
	t.Helper()
	if cfg.Token == "" {
		cfg.Token = "test-token"
	}
	if cfg.AppID == "" {
		cfg.AppID = "1100000000000000001"
	}
	if cfg.GuildID == "" {
		cfg.GuildID = "1100000000000000002"
	}
	if cfg.ChannelID == "" {
		cfg.ChannelID = "1100000000000000003"
	}
	if cfg.HeartbeatInterval == 0 {
		cfg.HeartbeatInterval = 41250 * time.Millisecond
	}
	s := &Server{t: t, cfg: cfg, changed: make(chan struct{}), awaited: map[int]bool{}, pending: map[string]*pending{}}
	s.spec = loadSpec(t, cfg.SpecPath)
	s.nextID.Store(time.Now().UnixMilli())
	if cfg.PlainHTTP {
		s.srv = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	} else {
		s.srv = httptest.NewTLSServer(http.HandlerFunc(s.serveHTTP))
	}
	t.Cleanup(s.Close)
	return s
}

// URL is the fake's base URL: the bot's APIURL.
func (s *Server) URL() string { return s.srv.URL }

// wsScheme is the scheme of the fake's gateway URL.
func (s *Server) wsScheme() string {
	if s.cfg.PlainHTTP {
		return "ws://"
	}
	return "wss://"
}

// Client returns an HTTP client that trusts the fake's certificate.
func (s *Server) Client() *http.Client { return s.srv.Client() }

// Config returns the fake's configuration (ids and token).
func (s *Server) Config() Config { return s.cfg }

// Close stops the fake and its gateway connections.
func (s *Server) Close() {
	if !s.closed.CompareAndSwap(false, true) {
		return
	}
	s.mu.Lock()
	conns := s.gateways
	s.mu.Unlock()
	for _, c := range conns {
		c.close()
	}
	s.srv.CloseClientConnections()
	s.srv.Close()
}

// errorf fails the test unless the fake is already closed (late requests
// after the test ended are not the bot's fault to report).
func (s *Server) errorf(format string, a ...any) {
	if s.closed.Load() {
		return
	}
	s.t.Errorf("fake discord: "+format, a...)
}

// record stores a request and wakes the waiters.
func (s *Server) record(r Request) {
	s.mu.Lock()
	s.requests = append(s.requests, r)
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
}

// Requests returns every request recorded so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Await returns the first request not returned by Await before whose
// method matches and whose path matches pattern (path.Match: "*" is one
// path segment), waiting for it until ctx is done.
func (s *Server) Await(ctx context.Context, method, pattern string) (Request, error) {
	for {
		s.mu.Lock()
		for i, r := range s.requests {
			if s.awaited[i] || r.Method != method {
				continue
			}
			if ok, _ := path.Match(pattern, r.Path); ok {
				s.awaited[i] = true
				s.mu.Unlock()
				return r, nil
			}
		}
		changed := s.changed
		s.mu.Unlock()
		select {
		case <-changed:
		case <-ctx.Done():
			return Request{}, fmt.Errorf("waiting for %s %s: %w", method, pattern, ctx.Err())
		}
	}
}

// Snowflake returns a new id dated now.
func (s *Server) Snowflake() string {
	ms := time.Now().UnixMilli() - 1420070400000
	return strconv.FormatInt(ms<<22|(s.nextID.Add(1)&0x3FFFFF), 10)
}

// failure is a planned error response.
type failure struct {
	method, pattern string
	left            int
	status          int
	retryAfter      time.Duration
}

// Fail makes the next n requests matching method and pattern fail with
// status; a 429 carries retryAfter as Discord does (header and body).
func (s *Server) Fail(method, pattern string, n, status int, retryAfter time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures = append(s.failures, failure{method, pattern, n, status, retryAfter})
}

// takeFailure returns a planned failure for the request, if any.
func (s *Server) takeFailure(method, p string) (failure, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.failures {
		f := &s.failures[i]
		if ok, _ := path.Match(f.pattern, p); ok && f.method == method && f.left > 0 {
			f.left--
			return *f, true
		}
	}
	return failure{}, false
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == gatewayPath || r.URL.Path == gatewayPath+"/" {
		s.serveGateway(w, r)
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		s.errorf("reading %s %s: %v", r.Method, r.URL.Path, err)
		return
	}
	req := Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(), Header: r.Header.Clone(), Body: body, At: time.Now()}
	rt, params, ok := match(r.Method, r.URL.Path)
	if !ok {
		s.record(req)
		s.errorf("unknown route %s %s", r.Method, r.URL.Path)
		writeError(w, http.StatusNotFound, 0, "404: Not Found")
		return
	}
	if got, want := r.Header.Get("Authorization"), "Bot "+s.cfg.Token; rt.auth && got != want {
		s.record(req)
		s.errorf("%s %s: authorization %q, want the bot token", r.Method, r.URL.Path, redact(got))
		writeError(w, http.StatusUnauthorized, 0, "401: Unauthorized")
		return
	}
	if len(body) > 0 {
		s.checkBody(&req, rt)
	}
	s.record(req)
	if f, ok := s.takeFailure(r.Method, r.URL.Path); ok {
		if f.status == http.StatusTooManyRequests {
			secs := f.retryAfter.Seconds()
			w.Header().Set("Retry-After", strconv.FormatFloat(secs, 'f', -1, 64))
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusTooManyRequests)
			fmt.Fprintf(w, `{"message": "You are being rate limited.", "retry_after": %g, "global": false}`, secs)
			return
		}
		writeError(w, f.status, 0, http.StatusText(f.status))
		return
	}
	rt.serve(s, w, params, req)
}

func redact(auth string) string {
	if len(auth) > 8 {
		return auth[:8] + "…"
	}
	return auth
}

// writeError writes a Discord-style JSON error.
func writeError(w http.ResponseWriter, status, code int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"message": msg, "code": code})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// trimAPI strips the API prefix ("/api/v9", "/api/v10" or "/api").
func trimAPI(p string) (string, bool) {
	rest, ok := strings.CutPrefix(p, "/api")
	if !ok {
		return "", false
	}
	if strings.HasPrefix(rest, "/v") {
		i := strings.Index(rest[1:], "/")
		if i < 0 {
			return "", false
		}
		rest = rest[1+i:]
	}
	return rest, true
}
