package schemacheck

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/schemas"
)

// splitAbs splits an absolute keyword location into the schema file name and the JSON
// Pointer inside it.
func splitAbs(abs string) (file, ptr string) {
	loc, frag, _ := strings.Cut(abs, "#")
	return strings.TrimPrefix(loc, schemas.BaseURL), frag
}

func parentPtr(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return ""
}

// schemaNode returns the node at ptr inside the named embedded schema.
func (t translator) schemaNode(file, ptr string) any {
	return valueAt(t.st.raw[file], ptr)
}

// valueAt walks a JSON-compatible value along a JSON Pointer.
func valueAt(v any, ptr string) any {
	if ptr == "" {
		return v
	}
	for _, seg := range load.Split(ptr) {
		switch x := v.(type) {
		case map[string]any:
			v = x[seg]
		case []any:
			i, err := strconv.Atoi(seg)
			if err != nil || i < 0 || i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

// gateOf finds the innermost if/then around the failing keyword and the instance object it
// applies to. Keywords between "then" and the failing one tell how far the instance
// location descended from that object: properties/<name>, items and additionalProperties
// each consume one segment.
func (t translator) gateOf(file, spath, instPtr string) *gate {
	segs := strings.Split(spath, "/")
	at := -1
	for i := len(segs) - 1; i >= 0; i-- {
		if segs[i] == "then" {
			at = i
			break
		}
	}
	if at < 0 {
		return nil
	}
	ifNode, _ := t.schemaNode(file, strings.Join(segs[:at], "/")+"/if").(map[string]any)
	props, _ := ifNode["properties"].(map[string]any)
	if len(props) != 1 {
		return nil
	}
	var prop string
	for k := range props {
		prop = k
	}
	var matches []string // the values the `if` matches: a const or an enum
	cond, _ := props[prop].(map[string]any)
	if c, ok := cond["const"]; ok {
		matches = append(matches, fmt.Sprint(c))
	}
	if list, ok := cond["enum"].([]any); ok {
		for _, x := range list {
			matches = append(matches, fmt.Sprint(x))
		}
	}
	depth := 0
	rest := segs[at+1 : len(segs)-1] // without the keyword itself
	for i := 0; i < len(rest); i++ {
		switch rest[i] {
		case "properties":
			depth++
			i++
		case "items", "additionalProperties":
			depth++
		}
	}
	inst := load.Split(instPtr)
	if depth > len(inst) {
		return nil
	}
	objPtr := load.Pointer(inst[:len(inst)-depth]...)
	v := valueAt(t.doc.Value, objPtr+"/"+prop)
	s, ok := v.(string)
	if !ok {
		s = scalarText(v)
	}
	return &gate{prop: prop, value: s, objPtr: objPtr, matches: matches}
}

// enclosingObjects yields ptr and the pointers above it that still describe the same
// instance object (stripping allOf/anyOf/not/then wrappers), innermost first.
func enclosingObjects(ptr string) []string {
	out := []string{ptr}
	for {
		segs := strings.Split(ptr, "/")
		n := len(segs)
		switch {
		case n >= 1 && (segs[n-1] == "then" || segs[n-1] == "not" || segs[n-1] == "if"):
			ptr = strings.Join(segs[:n-1], "/")
		case n >= 2 && (segs[n-2] == "allOf" || segs[n-2] == "anyOf" || segs[n-2] == "oneOf"):
			ptr = strings.Join(segs[:n-2], "/")
		default:
			return out
		}
		out = append(out, ptr)
	}
}

// describe walks the document's schema along an instance pointer (properties,
// additionalProperties, items; following $ref) and returns the title the schema gives the
// last segment and whether the object around it requires it. It answers "" and false
// where the walk cannot follow (a pointer outside the schema).
func (t translator) describe(ptr string) (title string, required bool) {
	file := schemaFile(t.kind)
	node, _ := t.st.raw[file].(map[string]any)
	segs := load.Split(ptr)
	for i, seg := range segs {
		file, node = t.deref(file, node)
		var next map[string]any
		req := false
		props, _ := node["properties"].(map[string]any)
		if p, ok := props[seg].(map[string]any); ok {
			next = p
			list, _ := node["required"].([]any)
			req = slices.Contains(list, any(seg))
		} else if items, ok := node["items"].(map[string]any); ok {
			next = items
		} else if ap, ok := node["additionalProperties"].(map[string]any); ok {
			next = ap
		} else {
			return "", false
		}
		if i == len(segs)-1 {
			if t, ok := next["title"].(string); ok {
				return t, req
			}
			_, target := t.deref(file, next)
			title, _ := target["title"].(string)
			return title, req
		}
		node = next
	}
	return "", false
}

// deref follows $ref (a bounded number of times) and returns the schema file and node it
// lands on.
func (t translator) deref(file string, node map[string]any) (string, map[string]any) {
	for range 8 {
		ref, ok := node["$ref"].(string)
		if !ok {
			break
		}
		rf, rp, _ := strings.Cut(ref, "#")
		if rf == "" {
			rf = file
		}
		target, ok := valueAt(t.st.raw[rf], rp).(map[string]any)
		if !ok {
			break
		}
		file, node = rf, target
	}
	return file, node
}

// named renders a field with its Russian title: `journey («Особенности клиентского пути»)`.
func (t translator) named(ptr string) (what i18n.Text, required bool) {
	field := fieldName(ptr)
	title, req := t.describe(ptr)
	what = i18n.Same(field)
	if title != "" {
		what.RU = fmt.Sprintf("%s («%s»)", field, title)
	}
	return what, req
}

// allowedProps lists the property names an object schema declares, sorted.
func (t translator) allowedProps(file, objPtr string) []string {
	var out []string
	for _, p := range enclosingObjects(objPtr) {
		node, _ := t.schemaNode(file, p).(map[string]any)
		props, _ := node["properties"].(map[string]any)
		for k := range props {
			if !slices.Contains(out, k) {
				out = append(out, k)
			}
		}
	}
	slices.Sort(out)
	return out
}

// fieldName names the instance location for a message: "priority.capacity.value",
// "attributes[2].id"; the document itself is "(документ)".
func fieldName(ptr string) string {
	if ptr == "" {
		return "(root)"
	}
	var b strings.Builder
	for _, seg := range load.Split(ptr) {
		if _, err := strconv.Atoi(seg); err == nil {
			fmt.Fprintf(&b, "[%s]", seg)
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(seg)
	}
	return b.String()
}

// scalarText renders an instance value for a message.
func scalarText(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return strconv.Quote(x)
	case json.Number:
		return string(x)
	case bool:
		return strconv.FormatBool(x)
	case []any:
		return "[…]"
	case map[string]any:
		return "{…}"
	}
	return fmt.Sprint(v)
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
