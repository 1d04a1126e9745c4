package schemacheck

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

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
	return &gate{prop: prop, value: s, objPtr: objPtr}
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

// propTitle returns the Russian title the schema gives to property name of the object
// schema at objPtr (following one $ref), or "".
func (t translator) propTitle(file, objPtr, name string) string {
	for _, p := range enclosingObjects(objPtr) {
		node, _ := t.schemaNode(file, p).(map[string]any)
		props, _ := node["properties"].(map[string]any)
		ps, _ := props[name].(map[string]any)
		if title, ok := ps["title"].(string); ok {
			return title
		}
		if ref, ok := ps["$ref"].(string); ok {
			rf, rp := ref, ""
			if i := strings.IndexByte(ref, '#'); i >= 0 {
				rf, rp = ref[:i], ref[i+1:]
			}
			if rf == "" {
				rf = file
			}
			if target, ok := valueAt(t.st.raw[rf], rp).(map[string]any); ok {
				if title, ok := target["title"].(string); ok {
					return title
				}
			}
		}
	}
	return ""
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
