package bot

import (
	"container/list"
	"crypto/rand"
	"encoding/base32"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/coveragebot/coveragebot/retrieval"
)

// query is what a "More" button pages on: one of the three.
type query struct {
	Ask    *retrieval.Request
	Quotes *retrieval.QuoteQuery
	Search *retrieval.SearchQuery
	Title  string // shown when the answer has no question of its own
}

// pageCache remembers the queries behind "More" buttons: a small, bounded,
// least-recently-used map from a short key to the query. Discord's
// custom_id (100 characters) cannot hold a question of 500.
type pageCache struct {
	max   int
	mu    sync.Mutex
	order *list.List // of *pageEntry, most recent first
	byKey map[string]*list.Element
}

type pageEntry struct {
	key string
	q   query
}

func newPageCache(max int) *pageCache {
	return &pageCache{max: max, order: list.New(), byKey: map[string]*list.Element{}}
}

// put stores q and returns its key.
func (c *pageCache) put(q query) string {
	var b [5]byte
	_, _ = rand.Read(b[:])
	key := strings.ToLower(base32.StdEncoding.EncodeToString(b[:])) // 8 characters
	c.mu.Lock()
	defer c.mu.Unlock()
	c.byKey[key] = c.order.PushFront(&pageEntry{key, q})
	for c.order.Len() > c.max {
		old := c.order.Back()
		c.order.Remove(old)
		delete(c.byKey, old.Value.(*pageEntry).key)
	}
	return key
}

// get returns the query stored under key.
func (c *pageCache) get(key string) (query, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byKey[key]
	if !ok {
		return query{}, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*pageEntry).q, true
}

const morePrefix = "more:"

// moreID is the custom_id of a "More" button: the query's key and the
// offset of the next page.
func moreID(key string, offset int) string {
	return morePrefix + key + ":" + strconv.Itoa(offset)
}

// parseMoreID reads a custom_id made by moreID.
func parseMoreID(id string) (key string, offset int, err error) {
	rest, ok := strings.CutPrefix(id, morePrefix)
	if !ok {
		return "", 0, fmt.Errorf("unknown button %q", id)
	}
	key, off, ok := strings.Cut(rest, ":")
	n, err := strconv.Atoi(off)
	if !ok || key == "" || err != nil || n < 0 {
		return "", 0, fmt.Errorf("malformed button id %q", id)
	}
	return key, n, nil
}
