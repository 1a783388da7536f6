package bot

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gorilla/websocket"
)

// discordHost is the host discordgo addresses its REST calls to.
const discordHost = "discord.com"

// rewriter sends the requests discordgo makes to https://discord.com to the
// configured API URL instead (a REST proxy, or a fake Discord), without
// touching discordgo's package-level endpoint variables.
type rewriter struct {
	base *url.URL
	next http.RoundTripper
}

func (r rewriter) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Scheme == "https" && req.URL.Host == discordHost {
		req = req.Clone(req.Context())
		req.URL.Scheme = r.base.Scheme
		req.URL.Host = r.base.Host
		if p := strings.TrimRight(r.base.Path, "/"); p != "" {
			req.URL.Path = p + req.URL.Path
			if req.URL.RawPath != "" {
				req.URL.RawPath = strings.TrimRight(r.base.EscapedPath(), "/") + req.URL.RawPath
			}
		}
		req.Host = r.base.Host
	}
	return r.next.RoundTrip(req)
}

// restClient returns the HTTP client for discordgo: c, routed to api.
func restClient(c *http.Client, api *url.URL) *http.Client {
	out := *c
	if api.Scheme == "https" && api.Host == discordHost && strings.TrimRight(api.Path, "/") == "" {
		return &out
	}
	next := c.Transport
	if next == nil {
		next = http.DefaultTransport
	}
	out.Transport = rewriter{base: api, next: next}
	return &out
}

// gatewayDialer returns the websocket dialer for the gateway, trusting what
// the REST client trusts (a test server's certificate, say).
func gatewayDialer(c *http.Client) *websocket.Dialer {
	d := &websocket.Dialer{Proxy: http.ProxyFromEnvironment, HandshakeTimeout: 30 * time.Second}
	if tr, ok := c.Transport.(*http.Transport); ok {
		if tr.TLSClientConfig != nil {
			d.TLSClientConfig = tr.TLSClientConfig.Clone()
		}
		if tr.Proxy != nil {
			d.Proxy = tr.Proxy
		}
	}
	return d
}
