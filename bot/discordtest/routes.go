package discordtest

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// route is one REST route the fake speaks, named by its OpenAPI template.
type route struct {
	method string
	tmpl   string // "/interactions/{interaction_id}/{interaction_token}/callback"
	auth   bool   // needs the bot token (webhook routes are authorised by theirs)
	serve  func(s *Server, w http.ResponseWriter, p map[string]string, req Request)
}

func routes() []route {
	return []route{
		{"GET", "/gateway", true, (*Server).getGateway},
		{"PUT", "/applications/{application_id}/commands", true, (*Server).putCommands},
		{"PUT", "/applications/{application_id}/guilds/{guild_id}/commands", true, (*Server).putCommands},
		{"POST", "/interactions/{interaction_id}/{interaction_token}/callback", false, (*Server).callback},
		{"PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", false, (*Server).editOriginal},
		{"DELETE", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", false, (*Server).deleteOriginal},
		{"POST", "/webhooks/{webhook_id}/{webhook_token}", false, (*Server).followup},
		{"POST", "/channels/{channel_id}/messages", true, (*Server).createMessage},
	}
}

// match finds the route of a request and its path parameters; literal
// segments beat parameters.
func match(method, urlPath string) (route, map[string]string, bool) {
	p, ok := trimAPI(urlPath)
	if !ok {
		return route{}, nil, false
	}
	segs := strings.Split(strings.Trim(p, "/"), "/")
	var best route
	var bestParams map[string]string
	bestLiterals := -1
	for _, rt := range routes() {
		if rt.method != method {
			continue
		}
		ts := strings.Split(strings.Trim(rt.tmpl, "/"), "/")
		if len(ts) != len(segs) {
			continue
		}
		params := map[string]string{}
		literals := 0
		ok := true
		for i, t := range ts {
			switch {
			case strings.HasPrefix(t, "{") && strings.HasSuffix(t, "}") && segs[i] != "":
				params[t[1:len(t)-1]] = segs[i]
			case t == segs[i]:
				literals++
			default:
				ok = false
			}
		}
		if ok && literals > bestLiterals {
			best, bestParams, bestLiterals = rt, params, literals
		}
	}
	return best, bestParams, bestLiterals >= 0
}

func (s *Server) getGateway(w http.ResponseWriter, _ map[string]string, req Request) {
	host := strings.TrimPrefix(strings.TrimPrefix(s.srv.URL, "https://"), "http://")
	writeJSON(w, http.StatusOK, map[string]string{"url": s.wsScheme() + host + gatewayPath})
}

func (s *Server) putCommands(w http.ResponseWriter, p map[string]string, req Request) {
	if p["application_id"] != s.cfg.AppID {
		s.errorf("commands registered for application %s, want %s", p["application_id"], s.cfg.AppID)
		writeError(w, http.StatusForbidden, 50001, "Missing Access")
		return
	}
	if g, ok := p["guild_id"]; ok && g != s.cfg.GuildID {
		s.errorf("commands registered in guild %s, want %s", g, s.cfg.GuildID)
		writeError(w, http.StatusForbidden, 50001, "Missing Access")
		return
	}
	var cmds []map[string]any
	if err := json.Unmarshal(req.Body, &cmds); err != nil {
		s.errorf("PUT commands: %v", err)
		writeError(w, http.StatusBadRequest, 50035, "Invalid Form Body")
		return
	}
	for _, c := range cmds {
		c["id"] = s.Snowflake()
		c["application_id"] = s.cfg.AppID
		c["version"] = s.Snowflake()
		if g, ok := p["guild_id"]; ok {
			c["guild_id"] = g
		}
	}
	writeJSON(w, http.StatusOK, cmds)
}

func (s *Server) callback(w http.ResponseWriter, p map[string]string, req Request) {
	var body struct {
		Type int `json:"type"`
		Data struct {
			Choices []any `json:"choices"`
		} `json:"data"`
	}
	_ = json.Unmarshal(req.Body, &body)
	if body.Type == 8 && body.Data.Choices == nil {
		// The docs require the array, even empty; the spec does not say.
		s.errorf("autocomplete response without data.choices: %s", req.Body)
	}
	if status, code, msg := s.acknowledge(p["interaction_id"], p["interaction_token"], body.Type); status != 0 {
		writeError(w, status, code, msg)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) editOriginal(w http.ResponseWriter, p map[string]string, req Request) {
	if !s.webhookOK(w, p, "edit the original response") {
		return
	}
	writeJSON(w, http.StatusOK, s.message(req, "", p["webhook_token"]))
}

func (s *Server) deleteOriginal(w http.ResponseWriter, p map[string]string, req Request) {
	if !s.webhookOK(w, p, "delete the original response") {
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) followup(w http.ResponseWriter, p map[string]string, req Request) {
	if !s.webhookOK(w, p, "send a followup") {
		return
	}
	writeJSON(w, http.StatusOK, s.message(req, "", p["webhook_token"]))
}

func (s *Server) createMessage(w http.ResponseWriter, p map[string]string, req Request) {
	writeJSON(w, http.StatusOK, s.message(req, p["channel_id"], ""))
}

// message is the message object Discord returns for a body the bot sent.
func (s *Server) message(req Request, channelID, token string) map[string]any {
	var body map[string]any
	_ = json.Unmarshal(req.Body, &body)
	if channelID == "" {
		channelID = s.channelOf(token)
	}
	m := map[string]any{
		"id": s.Snowflake(), "channel_id": channelID, "type": 0, "content": "", "embeds": []any{}, "components": []any{},
		"author":    map[string]any{"id": s.cfg.AppID, "username": "coveragebot", "discriminator": "0", "bot": true},
		"timestamp": time.Now().UTC().Format(time.RFC3339), "tts": false, "mention_everyone": false,
		"mentions": []any{}, "mention_roles": []any{}, "attachments": []any{}, "pinned": false,
	}
	for _, k := range []string{"content", "embeds", "components", "flags"} {
		if v, ok := body[k]; ok && v != nil {
			m[k] = v
		}
	}
	return m
}
