package discordtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

const gatewayPath = "/gateway"

// Privileged intents: a bot that only answers slash commands needs none.
const (
	intentGuildMembers   = 1 << 1
	intentGuildPresences = 1 << 8
	intentMessageContent = 1 << 15
)

// gatewayConn is one gateway connection of the bot.
type gatewayConn struct {
	ws    *websocket.Conn
	wmu   sync.Mutex
	seq   int
	ready bool
	once  sync.Once
}

func (c *gatewayConn) write(v any) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	_ = c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
	return c.ws.WriteJSON(v)
}

// dispatch sends an op 0 event with the next sequence number.
func (c *gatewayConn) dispatch(event string, data any) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	c.seq++
	_ = c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
	return c.ws.WriteJSON(map[string]any{"op": 0, "t": event, "s": c.seq, "d": data})
}

func (c *gatewayConn) close() {
	c.once.Do(func() { _ = c.ws.Close() })
}

type frame struct {
	Op   int             `json:"op"`
	Data json.RawMessage `json:"d"`
}

// serveGateway speaks the gateway: HELLO, IDENTIFY, READY, then heartbeats
// until the bot closes the connection.
func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	up := websocket.Upgrader{}
	ws, err := up.Upgrade(w, r, nil)
	if err != nil {
		s.errorf("gateway upgrade: %v", err)
		return
	}
	c := &gatewayConn{ws: ws}
	defer func() {
		s.mu.Lock()
		c.ready = false
		s.mu.Unlock()
		c.close()
	}()
	s.mu.Lock()
	s.gateways = append(s.gateways, c)
	s.mu.Unlock()

	if err := c.write(map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": s.cfg.HeartbeatInterval.Milliseconds()}}); err != nil {
		s.errorf("gateway HELLO: %v", err)
		return
	}
	_ = ws.SetReadDeadline(time.Now().Add(10 * time.Second))
	f, raw, err := readFrame(ws)
	if err != nil {
		s.errorf("gateway: no IDENTIFY: %v", err)
		return
	}
	s.record(Request{Method: "GATEWAY", Path: "op/" + strconv.Itoa(f.Op), Body: raw, At: time.Now()})
	if f.Op != 2 {
		s.errorf("gateway: first frame is op %d, want IDENTIFY (2)", f.Op)
		_ = ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(4003, "Not authenticated."))
		return
	}
	var id struct {
		Token   string `json:"token"`
		Intents int64  `json:"intents"`
	}
	if err := json.Unmarshal(f.Data, &id); err != nil || id.Token != "Bot "+s.cfg.Token {
		s.errorf("gateway IDENTIFY with a wrong token")
		_ = ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(4004, "Authentication failed."))
		return
	}
	if p := id.Intents & (intentGuildMembers | intentGuildPresences | intentMessageContent); p != 0 {
		s.errorf("gateway IDENTIFY asks for privileged intents %#x", p)
		_ = ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(4014, "Disallowed intent(s)."))
		return
	}
	ready := map[string]any{
		"v": 9, "session_id": "fake-session", "resume_gateway_url": s.wsScheme() + r.Host + gatewayPath, "shard": []int{0, 1},
		"user":        map[string]any{"id": s.cfg.AppID, "username": "coveragebot", "discriminator": "0", "bot": true},
		"guilds":      []any{map[string]any{"id": s.cfg.GuildID, "unavailable": true}},
		"application": map[string]any{"id": s.cfg.AppID, "flags": 0},
	}
	// Ready before READY is written, with the write lock held: a Dispatch
	// (which the test may send as soon as the bot reacts to READY) waits
	// for READY and follows it.
	c.wmu.Lock()
	s.mu.Lock()
	c.ready = true
	s.mu.Unlock()
	c.seq++
	_ = ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
	err = ws.WriteJSON(map[string]any{"op": 0, "t": "READY", "s": c.seq, "d": ready})
	c.wmu.Unlock()
	if err != nil {
		s.errorf("gateway READY: %v", err)
		return
	}

	for {
		_ = ws.SetReadDeadline(time.Time{})
		f, raw, err := readFrame(ws)
		if err != nil {
			return // the bot closed the connection, or the fake did
		}
		s.record(Request{Method: "GATEWAY", Path: "op/" + strconv.Itoa(f.Op), Body: raw, At: time.Now()})
		switch f.Op {
		case 1:
			if err := c.write(map[string]any{"op": 11}); err != nil {
				return
			}
		case 2:
			s.errorf("gateway: IDENTIFY sent twice")
		default:
			s.errorf("gateway: unexpected op %d: %s", f.Op, raw)
		}
	}
}

func readFrame(ws *websocket.Conn) (frame, []byte, error) {
	mt, raw, err := ws.ReadMessage()
	if err != nil {
		return frame{}, nil, err
	}
	if mt != websocket.TextMessage {
		return frame{}, raw, fmt.Errorf("binary frame from the bot")
	}
	var f frame
	if err := json.Unmarshal(raw, &f); err != nil {
		return frame{}, raw, fmt.Errorf("bad frame: %w", err)
	}
	return f, raw, nil
}

// Dispatch sends an event (op 0) to the bot over its gateway connection.
func (s *Server) Dispatch(event string, data any) error {
	s.mu.Lock()
	var c *gatewayConn
	for _, g := range s.gateways {
		if g.ready {
			c = g
		}
	}
	s.mu.Unlock()
	if c == nil {
		return errors.New("fake discord: no gateway session is ready")
	}
	return c.dispatch(event, data)
}
