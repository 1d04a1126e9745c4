package load

import (
	"strings"

	"gopkg.in/yaml.v3"
)

var (
	escaper   = strings.NewReplacer("~", "~0", "/", "~1")
	unescaper = strings.NewReplacer("~1", "/", "~0", "~")
)

func escape(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return escaper.Replace(s)
}

// Pointer joins segments into a JSON Pointer (RFC 6901): "" for none, else "/a/b" with
// "~" written as "~0" and "/" as "~1".
func Pointer(segments ...string) string {
	var b strings.Builder
	n := 0
	for _, s := range segments {
		n += 1 + len(s)
	}
	b.Grow(n) // one allocation when nothing needs escaping
	for _, s := range segments {
		b.WriteByte('/')
		b.WriteString(escape(s))
	}
	return b.String()
}

// Split is the inverse of [Pointer]: "" (the root) gives no segments. A leading "/" is
// expected; without one the whole string is read as segments all the same.
func Split(ptr string) []string {
	if ptr == "" {
		return nil
	}
	parts := strings.Split(strings.TrimPrefix(ptr, "/"), "/")
	for i, p := range parts {
		if strings.Contains(p, "~") {
			parts[i] = unescaper.Replace(p)
		}
	}
	return parts
}

// lookupBudget bounds the nodes one lookup may visit through merge keys, so a lookup in
// a document with an alias cycle (which Parse reports) still ends.
const lookupBudget = 100_000

// located is where a lookup got to.
type located struct {
	val     *yaml.Node // the value node as written at ptr (may be an alias); nil if absent
	key     *yaml.Node // the mapping key naming the last segment; nil for an index or the root
	nearest *yaml.Node // the deepest existing node on the way (== val when found)
}

func (d *Document) locate(ptr string) located {
	if d == nil || d.Root == nil {
		return located{}
	}
	cur := d.Root
	loc := located{val: cur, nearest: cur}
	budget := lookupBudget
	for _, s := range Split(ptr) {
		n := deref(cur)
		var k, v *yaml.Node
		switch n.Kind {
		case yaml.MappingNode:
			k, v = findKey(n, s, &budget, 0)
		case yaml.SequenceNode:
			if i, ok := index(s); ok && i < len(n.Content) {
				v = n.Content[i]
			}
		}
		if v == nil {
			return located{nearest: cur}
		}
		cur = v
		loc = located{val: v, key: k, nearest: v}
	}
	return loc
}

func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 1000; i++ {
		if n.Alias == nil {
			break
		}
		n = n.Alias
	}
	return n
}

// index parses a JSON Pointer array index: decimal digits, no sign, no leading zero.
func index(s string) (int, bool) {
	if s == "" || len(s) > 9 || len(s) > 1 && s[0] == '0' {
		return 0, false
	}
	i := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, false
		}
		i = i*10 + int(c-'0')
	}
	return i, true
}

// findKey finds key in mapping m with the same precedence the conversion uses: the first
// explicit occurrence, then the first `<<` merge key's sources in order.
func findKey(m *yaml.Node, key string, budget *int, depth int) (k, v *yaml.Node) {
	var mergeVal *yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		*budget--
		kn := m.Content[i]
		if isMergeKey(kn) {
			if mergeVal == nil {
				mergeVal = m.Content[i+1]
			}
			continue
		}
		if t, _ := keyText(kn); t == key {
			return kn, m.Content[i+1]
		}
	}
	if mergeVal == nil || *budget <= 0 || depth > 64 {
		return nil, nil
	}
	src := deref(mergeVal)
	switch src.Kind {
	case yaml.MappingNode:
		return findKey(src, key, budget, depth+1)
	case yaml.SequenceNode:
		for _, el := range src.Content {
			if e := deref(el); e.Kind == yaml.MappingNode {
				if k, v := findKey(e, key, budget, depth+1); v != nil {
					return k, v
				}
			}
			if *budget <= 0 {
				break
			}
		}
	}
	return nil, nil
}

// Node returns the value node at ptr, following aliases and merge keys; nil if absent.
func (d *Document) Node(ptr string) *yaml.Node {
	return deref(d.locate(ptr).val)
}

// Pos returns the 1-based line/column of the value at ptr (for an alias, of the alias
// itself); if it does not exist, of the nearest existing ancestor. (0, 0) when the
// document has no root.
func (d *Document) Pos(ptr string) (line, col int) {
	l := d.locate(ptr)
	if l.nearest == nil {
		return 0, 0
	}
	return l.nearest.Line, l.nearest.Column
}

// KeyPos returns the position of the mapping key that names the last segment of ptr
// (for "unknown key" findings); for a sequence index, the root or a missing path it
// returns Pos(ptr).
func (d *Document) KeyPos(ptr string) (line, col int) {
	l := d.locate(ptr)
	if l.key != nil {
		return l.key.Line, l.key.Column
	}
	if l.nearest == nil {
		return 0, 0
	}
	return l.nearest.Line, l.nearest.Column
}

// QuoteHint reports whether n is a plain (unquoted, untagged) scalar that YAML resolved
// to a non-string (int, float, bool, null, timestamp) and returns its literal text, e.g.
// `007`, `True`, `1_000`, `2024-05-01`. Aliases are followed. An empty value (`key:`)
// gives false: there is nothing to quote.
func QuoteHint(n *yaml.Node) (literal string, ok bool) {
	n = deref(n)
	if n == nil || n.Kind != yaml.ScalarNode || n.Value == "" {
		return "", false
	}
	if n.Style&(yaml.TaggedStyle|yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return "", false
	}
	switch n.ShortTag() {
	case "!!int", "!!float", "!!bool", "!!null", "!!timestamp":
		return n.Value, true
	}
	return "", false
}
