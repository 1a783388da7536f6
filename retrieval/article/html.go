package article

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/araddon/dateparse"
	readability "github.com/go-shiori/go-readability"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// readHTML reads a web page: its main text (go-readability), title,
// outlet, url and publication date.
func (r *run) readHTML(name string, data []byte) error {
	data, p := decodeHTML(data)
	if p != nil {
		p.Where = name
		return r.report(p)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return r.report(&Problem{Where: name, Reason: "bad HTML: " + err.Error(), Kind: ErrMalformed, Cause: err})
	}
	m := pageMetaOf(doc)
	var pageURL *url.URL
	if u, err := url.Parse(m.url); err == nil && u.IsAbs() {
		pageURL = u
	}
	page, err := readability.FromDocument(doc, pageURL)
	if err != nil {
		return r.report(&Problem{Where: name, Reason: "no readable text: " + err.Error(), Kind: ErrNoText, Cause: err})
	}
	a := &Article{
		ID:     stem(name),
		Title:  firstNonEmpty(page.Title, m.title),
		Outlet: firstNonEmpty(m.siteName, page.SiteName),
		URL:    m.url,
		Text:   htmlText(page.Content),
		Origin: name,
	}
	if by := strings.TrimSpace(firstNonEmpty(m.author, page.Byline)); by != "" {
		a.Authors = []string{by}
	}
	published := m.published
	if published == "" && page.PublishedTime != nil {
		published = page.PublishedTime.Format(time.RFC3339)
	}
	if published == "" {
		published = m.timeElement
	}
	if published != "" {
		if _, err := parseDate(published); err != nil {
			// pages write dates in many ways; try harder before reporting
			if t, err := dateparse.ParseIn(published, time.UTC); err == nil {
				published = t.Format(time.RFC3339)
			}
		}
	}
	if err := r.setPublished(a, published); err != nil {
		return err
	}
	return r.emit(a)
}

// decodeHTML returns the page as UTF-8: as it is when it is valid UTF-8,
// converted when it declares another charset (a byte order mark or a
// <meta charset>), and otherwise a problem naming the first bad byte.
func decodeHTML(data []byte) ([]byte, *Problem) {
	bad := invalidUTF8(data)
	if bad < 0 {
		return data, nil
	}
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	enc, encName, _ := charset.DetermineEncoding(data, "text/html")
	if encName != "utf-8" && bytes.Contains(bytes.ToLower(head), []byte("charset")) {
		out, err := enc.NewDecoder().Bytes(data)
		if err == nil {
			return out, nil
		}
	}
	return nil, &Problem{Reason: fmt.Sprintf("invalid UTF-8 at byte %d (and no other charset declared)", bad), Kind: ErrInvalidUTF8}
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// pageMeta is what a page says about itself in its markup.
type pageMeta struct {
	title, siteName, url, author string
	published                    string // from meta tags or itemprop
	timeElement                  string // the first <time datetime>
}

// publishedKeys are the meta names, properties and itemprops giving the
// publication date, best first.
var publishedKeys = []string{
	"article:published_time", "og:article:published_time", "og:published_time", "datepublished",
	"publishdate", "publish-date", "pubdate", "parsely-pub-date", "sailthru.date", "dc.date",
	"dc.date.issued", "dcterms.created", "dcterms.issued", "date",
}

// pageMetaOf collects the page's title, meta tags, canonical link and
// <time> elements.
func pageMetaOf(doc *html.Node) pageMeta {
	var m pageMeta
	metas := map[string]string{}
	var canonical string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "title":
				if m.title == "" && n.FirstChild != nil {
					m.title = strings.TrimSpace(n.FirstChild.Data)
				}
			case "meta":
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				if v := firstNonEmpty(attr(n, "content"), attr(n, "datetime")); key != "" && v != "" {
					if _, seen := metas[key]; !seen {
						metas[key] = v
					}
				}
			case "link":
				if canonical == "" && strings.EqualFold(attr(n, "rel"), "canonical") {
					canonical = attr(n, "href")
				}
			case "time":
				if v := attr(n, "datetime"); v != "" {
					if strings.EqualFold(attr(n, "itemprop"), "datePublished") || hasAttr(n, "pubdate") {
						if _, seen := metas["datepublished"]; !seen {
							metas["datepublished"] = v
						}
					}
					if m.timeElement == "" {
						m.timeElement = v
					}
				}
			case "script", "style":
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, k := range publishedKeys {
		if v := metas[k]; v != "" {
			m.published = v
			break
		}
	}
	m.siteName = metas["og:site_name"]
	m.url = firstNonEmpty(canonical, metas["og:url"])
	if a := metas["author"]; !strings.HasPrefix(a, "http") {
		m.author = a
	}
	return m
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}
