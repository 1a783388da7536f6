package discordtest

import (
	"encoding/json"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Limits the spec cannot state: all the text of a message's embeds, and the
// content of a bot's channel message (the spec allows 4000, for Nitro users).
const (
	maxEmbedTotal = 6000
	maxContent    = 2000
)

func jsonNumber(s string) json.Number { return json.Number(s) }

// checkBody validates a JSON body and applies the checks the spec cannot
// state; it records who the message would ping.
func (s *Server) checkBody(req *Request, rt route) {
	if s.spec != nil {
		if err := s.spec.validate(rt.method, rt.tmpl, req.Body); err != nil {
			s.errorf("%s %s: the body does not follow Discord's spec: %v\nbody: %s", req.Method, req.Path, err, req.Body)
		}
	}
	var body any
	if err := json.Unmarshal(req.Body, &body); err != nil {
		s.errorf("%s %s: body is not JSON: %v", req.Method, req.Path, err)
		return
	}
	if rt.tmpl == "/applications/{application_id}/commands" || rt.tmpl == "/applications/{application_id}/guilds/{guild_id}/commands" {
		s.checkCommands(body)
		return
	}
	msg, _ := body.(map[string]any)
	if rt.tmpl == "/interactions/{interaction_id}/{interaction_token}/callback" {
		msg, _ = msg["data"].(map[string]any)
	}
	if msg == nil {
		return
	}
	if n := embedsText(msg["embeds"]); n > maxEmbedTotal {
		s.errorf("%s %s: embeds hold %d characters (Discord allows %d)", req.Method, req.Path, n, maxEmbedTotal)
	}
	if c, _ := msg["content"].(string); utf8.RuneCountInString(c) > maxContent {
		s.errorf("%s %s: content has %d characters (a bot may send %d)", req.Method, req.Path, utf8.RuneCountInString(c), maxContent)
	}
	req.Pings = pings(msg)
}

// embedsText counts the characters of embeds as Discord does.
func embedsText(v any) int {
	embeds, _ := v.([]any)
	n := 0
	str := func(m map[string]any, k string) int {
		s, _ := m[k].(string)
		return utf8.RuneCountInString(s)
	}
	for _, e := range embeds {
		em, _ := e.(map[string]any)
		if em == nil {
			continue
		}
		n += str(em, "title") + str(em, "description")
		if f, ok := em["footer"].(map[string]any); ok {
			n += str(f, "text")
		}
		if a, ok := em["author"].(map[string]any); ok {
			n += str(a, "name")
		}
		fields, _ := em["fields"].([]any)
		for _, f := range fields {
			if fm, ok := f.(map[string]any); ok {
				n += str(fm, "name") + str(fm, "value")
			}
		}
	}
	return n
}

var (
	mentionRE = regexp.MustCompile(`<@(!|&)?(\d+)>|@(everyone|here)`)
	nameRE    = regexp.MustCompile(`^[-_\p{L}\p{N}]{1,32}$`)
)

// pings applies Discord's allowed_mentions rules to a message's content:
// with no allowed_mentions (or a null parse and no lists) every mention
// pings; otherwise only the parsed types and the listed ids.
func pings(msg map[string]any) []string {
	content, _ := msg["content"].(string)
	parse := map[string]bool{"everyone": true, "users": true, "roles": true}
	users, roles := map[string]bool{}, map[string]bool{}
	if am, ok := msg["allowed_mentions"].(map[string]any); ok {
		p, hasParse := am["parse"].([]any)
		ul, _ := am["users"].([]any)
		rl, _ := am["roles"].([]any)
		if hasParse || len(ul) > 0 || len(rl) > 0 {
			parse = map[string]bool{}
			for _, t := range p {
				if s, ok := t.(string); ok {
					parse[s] = true
				}
			}
			for _, u := range ul {
				users[fmtID(u)] = true
			}
			for _, r := range rl {
				roles[fmtID(r)] = true
			}
		}
	}
	var out []string
	for _, m := range mentionRE.FindAllStringSubmatch(content, -1) {
		switch {
		case m[3] != "" && parse["everyone"]:
			out = append(out, "everyone")
		case m[1] == "&" && (parse["roles"] || roles[m[2]]):
			out = append(out, "role:"+m[2])
		case m[3] == "" && m[1] != "&" && (parse["users"] || users[m[2]]):
			out = append(out, "user:"+m[2])
		}
	}
	return out
}

func fmtID(v any) string {
	s, _ := v.(string)
	return s
}

// checkCommands applies the rules of command registration the spec leaves
// out: lower-case names, descriptions, unique names, required options first.
func (s *Server) checkCommands(body any) {
	cmds, _ := body.([]any)
	seen := map[string]bool{}
	for _, c := range cmds {
		cm, _ := c.(map[string]any)
		name, _ := cm["name"].(string)
		if !nameRE.MatchString(name) || strings.ToLower(name) != name {
			s.errorf("command name %q is not a valid lower-case name", name)
		}
		if seen[name] {
			s.errorf("command %q registered twice", name)
		}
		seen[name] = true
		if d, _ := cm["description"].(string); d == "" || utf8.RuneCountInString(d) > 100 {
			s.errorf("command %q: description must have 1 to 100 characters", name)
		}
		opts, _ := cm["options"].([]any)
		optional := false
		optSeen := map[string]bool{}
		for _, o := range opts {
			om, _ := o.(map[string]any)
			on, _ := om["name"].(string)
			if !nameRE.MatchString(on) || strings.ToLower(on) != on || optSeen[on] {
				s.errorf("command %q: option name %q is invalid or repeated", name, on)
			}
			optSeen[on] = true
			if d, _ := om["description"].(string); d == "" || utf8.RuneCountInString(d) > 100 {
				s.errorf("command %q option %q: description must have 1 to 100 characters", name, on)
			}
			req, _ := om["required"].(bool)
			if req && optional {
				s.errorf("command %q: required option %q after an optional one", name, on)
			}
			optional = optional || !req
		}
	}
}
