package diff

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/profiler-cx/profiler/internal/model"
)

// quickProfile reads what a comparison needs of a profile that is the same at both
// sides — its id, life situation, status and the two main prioritisation parameters (the
// quadrant chart's inputs) — with a line scanner instead of the YAML parser, which costs
// most of a large diff. It understands the block style the scaffold, promote and most
// people write; on anything else (flow mappings at the top, anchors, tags, tabs, odd
// numbers, repeated keys, several documents) it answers ok=false and the caller parses
// the file properly. TestQuickMatchesDecode holds it to the parser on the corpus.
func quickProfile(data []byte) (p *model.Profile, ok bool) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	p = &model.Profile{}
	seen := map[string]bool{}
	var kind string
	var section string     // the top-level key whose block we are in
	var param *model.Param // the priority parameter whose block we are in
	paramIndent, valueIndent := -1, -1
	for len(data) > 0 {
		var line []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			line, data = data, nil
		}
		line = bytes.TrimSuffix(line, []byte{'\r'})
		if bytes.IndexByte(line, '\t') >= 0 || bytes.IndexByte(line, '\r') >= 0 {
			return nil, false
		}
		text := strings.TrimLeft(string(line), " ")
		indent := len(line) - len(text)
		if text == "" || text[0] == '#' {
			continue
		}
		if indent == 0 {
			key, val, isKey := cutKey(text)
			if !isKey || seen[key] {
				return nil, false // "---", a flow mapping, a repeated key: let the parser decide
			}
			seen[key] = true
			section, param, paramIndent, valueIndent = key, nil, -1, -1
			switch key {
			case "id", "lifeSituation", "status", "kind":
				v, ok := plain(val)
				if !ok {
					return nil, false
				}
				switch key {
				case "id":
					p.ID = v
				case "lifeSituation":
					p.LifeSituation = v
				case "status":
					p.Status = model.Status(v)
				case "kind":
					kind = v
				}
			case "priority":
				if val != "" {
					return nil, false // a flow mapping
				}
			}
			continue
		}
		if section != "priority" {
			continue // block content of other fields: not needed
		}
		if paramIndent < 0 {
			paramIndent = indent
		}
		if indent == paramIndent {
			key, val, isKey := cutKey(text)
			if !isKey {
				return nil, false
			}
			param, valueIndent = nil, -1
			switch key {
			case "capacity":
				param = &p.Priority.Capacity
			case "satisfaction":
				param = &p.Priority.Satisfaction
				param.Scale = 5
			default:
				continue
			}
			if val == "" {
				continue
			}
			if !flowParam(val, param) {
				return nil, false
			}
			param = nil
			continue
		}
		if indent < paramIndent {
			return nil, false
		}
		if param == nil {
			continue
		}
		if valueIndent < 0 {
			valueIndent = indent
		}
		if indent != valueIndent {
			continue // inside a multi-line source or note
		}
		key, val, isKey := cutKey(text)
		if !isKey {
			return nil, false
		}
		if !setParam(param, key, val) {
			return nil, false
		}
	}
	if kind != "Profile" || p.ID == "" {
		return nil, false
	}
	return p, true
}

// cutKey splits `key: value` (or `key:`) with a plain key of letters and digits.
func cutKey(s string) (key, val string, ok bool) {
	i := strings.IndexByte(s, ':')
	if i <= 0 || (i+1 < len(s) && s[i+1] != ' ') {
		return "", "", false
	}
	for _, c := range s[:i] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return "", "", false
		}
	}
	return s[:i], stripComment(strings.TrimSpace(s[i+1:])), true
}

// stripComment drops a trailing " # comment" of an unquoted value.
func stripComment(v string) string {
	if v != "" && (v[0] == '"' || v[0] == '\'') {
		return v
	}
	if i := strings.Index(v, " #"); i >= 0 {
		v = strings.TrimSpace(v[:i])
	}
	return v
}

// plain accepts a slug-like scalar, bare or in simple quotes.
func plain(v string) (string, bool) {
	if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
		v = v[1 : len(v)-1]
	}
	if v == "" {
		return "", false
	}
	for _, c := range v {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return "", false
		}
	}
	return v, true
}

// decimal accepts the numbers YAML and JSON agree on: digits with an optional sign and
// fraction (no 1_000, 0x1F, .5, 1e3).
func decimal(v string) (float64, bool) {
	s := strings.TrimPrefix(v, "-")
	whole, frac, hasFrac := strings.Cut(s, ".")
	if whole == "" || (hasFrac && frac == "") || (len(whole) > 1 && whole[0] == '0') {
		return 0, false
	}
	for _, part := range []string{whole, frac} {
		for _, c := range part {
			if c < '0' || c > '9' {
				return 0, false
			}
		}
	}
	f, err := strconv.ParseFloat(v, 64)
	return f, err == nil
}

func setParam(p *model.Param, key, val string) bool {
	switch key {
	case "value", "scale":
		f, ok := decimal(val)
		if !ok {
			return false
		}
		if key == "value" {
			p.Set, p.Number = true, f
		} else {
			p.Scale = f
			if f <= 0 {
				p.Scale = 0
			}
		}
	}
	return true
}

// flowParam reads `{value: 12000, source: ...}` when it is simple: no quotes or
// brackets inside, so that splitting at commas is right.
func flowParam(v string, p *model.Param) bool {
	if len(v) < 2 || v[0] != '{' || v[len(v)-1] != '}' {
		return false
	}
	body := v[1 : len(v)-1]
	if strings.ContainsAny(body, "{}[]\"'&*!|>#") {
		return false
	}
	for _, kv := range strings.Split(body, ",") {
		kv = strings.TrimSpace(kv)
		if kv == "" {
			continue
		}
		key, val, ok := cutKey(kv)
		if !ok || !setParam(p, key, val) {
			return false
		}
	}
	return true
}
