package load

import (
	"encoding/json"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/profiler-cx/profiler/internal/i18n"
)

// converter builds Document.Value from the node tree in one walk.
//
// Bounds: the walk recurses once per nesting level and refuses to go past MaxDepth, so
// its stack is bounded. Every produced node is counted against MaxNodes. Documents
// without aliases cost nothing more. At the first alias (or merge source), the expanded
// size and depth of the whole document are computed in one memoized pass over the node
// graph (one visit per node, so a billion-laughs chain costs microseconds); if they fit,
// the walk expands freely. If the size does not fit, the first alias that crosses the
// limit is found by descending the memoized sizes and reported without expanding
// anything. Otherwise (a cycle, or too deep) the walk falls back to checking each alias's
// target before expanding it, which reports the exact alias. Nothing is expanded that
// would exceed a limit, so memory stays bounded. The sizes count every node of the source
// (including keys a merge or a duplicate makes the value skip), so they err on the safe
// side.
type converter struct {
	lim      Limits
	p        *parser
	count    int
	steps    int // calls of value and shapeOf: the walk's work, which tests bound
	path     []seg
	poisoned map[string]bool
	shapes   map[*yaml.Node]*shape
	reported map[reportKey]bool
	failed   bool

	root       *yaml.Node
	globalDone bool // the whole-document check below has run
	globalOK   bool // ...and showed the expanded document fits: skip per-alias checks
}

type seg struct {
	key   string
	index int // -1 for a mapping key
}

type shape struct {
	size, depth int
	done        bool // false while being computed: meeting it again means a cycle
}

type reportKey struct {
	n    *yaml.Node
	rule string
}

func (c *converter) pointer() string {
	if len(c.path) == 0 {
		return ""
	}
	var b strings.Builder
	for _, s := range c.path {
		b.WriteByte('/')
		if s.index >= 0 {
			b.WriteString(strconv.Itoa(s.index))
		} else {
			b.WriteString(escape(s.key))
		}
	}
	return b.String()
}

// report adds a finding at n once, however many times aliases make the walk pass n.
func (c *converter) report(n *yaml.Node, rule string, msg i18n.Text) {
	k := reportKey{n, rule}
	if c.reported[k] {
		return
	}
	if c.reported == nil {
		c.reported = make(map[reportKey]bool)
	}
	c.reported[k] = true
	c.p.add(n.Line, n.Column, rule, msg)
}

func (c *converter) poison(ptr string) {
	if c.poisoned == nil {
		c.poisoned = make(map[string]bool)
	}
	c.poisoned[ptr] = true
}

func (c *converter) fail(n *yaml.Node, rule string, msg i18n.Text) {
	c.failed = true
	c.p.add(n.Line, n.Column, rule, msg)
}

func (c *converter) depthLimit(n *yaml.Node) {
	if n.Kind != yaml.AliasNode {
		c.fail(n, RuleLimit, i18n.Msg(
			"вложенность глубже %[1]d уровней; упростите структуру или разделите файл",
			"nesting is deeper than %[1]d levels; flatten the structure or split the file", c.lim.MaxDepth))
		return
	}
	c.fail(n, RuleLimit, i18n.Msg(
		"вложенность глубже %[1]d уровней (с учётом раскрытых ссылок *якорей); уберите якоря/ссылки (&/*) или разделите файл",
		"nesting is deeper than %[1]d levels (aliases expanded); remove the anchors/aliases (&/*) or split the file",
		c.lim.MaxDepth))
}

func (c *converter) nodeLimit(n *yaml.Node) {
	if n.Kind != yaml.AliasNode {
		c.fail(n, RuleLimit, i18n.Msg(
			"в документе больше %[1]d узлов; разделите файл",
			"the document has more than %[1]d nodes; split the file", c.lim.MaxNodes))
		return
	}
	c.fail(n, RuleLimit, i18n.Msg(
		"документ разворачивается больше чем в %[1]d узлов (ссылки *якорей размножают содержимое); уберите якоря/ссылки (&/*) или разделите файл",
		"the document expands to more than %[1]d nodes (aliases multiply content); remove the anchors/aliases (&/*) or split the file",
		c.lim.MaxNodes))
}

// value converts n, a node at nesting level depth (the root container is level 1).
func (c *converter) value(n *yaml.Node, depth int) any {
	c.steps++
	if n.Kind == yaml.AliasNode {
		t := c.expand(n, depth)
		if t == nil {
			return nil
		}
		return c.value(t, depth)
	}
	c.count++
	if c.count > c.lim.MaxNodes {
		c.nodeLimit(n)
		return nil
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return c.scalar(n)
	case yaml.MappingNode:
		if depth > c.lim.MaxDepth {
			c.depthLimit(n)
			return nil
		}
		m := make(map[string]any, len(n.Content)/2)
		c.fill(m, n, depth, false)
		return m
	case yaml.SequenceNode:
		if depth > c.lim.MaxDepth {
			c.depthLimit(n)
			return nil
		}
		s := make([]any, 0, len(n.Content))
		for i, ch := range n.Content {
			c.path = append(c.path, seg{index: i})
			v := c.value(ch, depth+1)
			c.path = c.path[:len(c.path)-1]
			if c.failed {
				return nil
			}
			s = append(s, v)
		}
		return s
	case yaml.DocumentNode:
		if len(n.Content) == 1 {
			return c.value(n.Content[0], depth)
		}
	}
	return nil
}

// expand checks that the alias a, at nesting level depth, fits the limits and returns its
// target; nil (with a finding) when it does not.
func (c *converter) expand(a *yaml.Node, depth int) *yaml.Node {
	t := a.Alias
	if t == nil {
		return nil
	}
	if !c.globalDone {
		c.globalDone = true
		s, st := c.shapeOf(c.root, 1)
		switch {
		case st == shapeOK && s.size > c.lim.MaxNodes:
			c.nodeLimit(c.overflow(c.root, 0))
			return nil
		case st == shapeOK && s.depth <= c.lim.MaxDepth:
			c.globalOK = true
		default:
			c.shapes = nil // partial results of an aborted pass
		}
	}
	if c.globalOK {
		return t
	}
	s, st := c.shapeOf(t, 1)
	switch st {
	case shapeCycle:
		c.fail(a, RuleAliasCycle, i18n.Msg(
			"ссылка *%[1]s указывает на якорь &%[1]s, внутри которого сама находится (бесконечная вложенность); уберите ссылку",
			"the alias *%[1]s refers to the anchor &%[1]s that contains it (endless nesting); remove the alias",
			a.Value))
		return nil
	case shapeTooDeep:
		c.depthLimit(a)
		return nil
	}
	if depth-1+s.depth > c.lim.MaxDepth {
		c.depthLimit(a)
		return nil
	}
	if c.count+s.size > c.lim.MaxNodes {
		c.nodeLimit(a)
		return nil
	}
	return t
}

type shapeStatus int

const (
	shapeOK shapeStatus = iota
	shapeCycle
	shapeTooDeep
)

// shapeOf returns the number of nodes and the nesting depth n expands to (sizes saturate
// just above MaxNodes). level is n's nesting level relative to the alias being checked;
// going past MaxDepth stops the computation, which bounds its recursion.
func (c *converter) shapeOf(n *yaml.Node, level int) (shape, shapeStatus) {
	c.steps++
	for n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return shape{size: 1}, shapeOK
		}
		n = n.Alias
	}
	if n.Kind != yaml.MappingNode && n.Kind != yaml.SequenceNode {
		return shape{size: 1}, shapeOK
	}
	if s, ok := c.shapes[n]; ok {
		if !s.done {
			return shape{}, shapeCycle
		}
		return *s, shapeOK
	}
	if level > c.lim.MaxDepth {
		return shape{}, shapeTooDeep
	}
	if c.shapes == nil {
		c.shapes = make(map[*yaml.Node]*shape)
	}
	s := &shape{size: 1}
	c.shapes[n] = s
	for _, ch := range n.Content {
		cs, st := c.shapeOf(ch, level+1)
		if st != shapeOK {
			return shape{}, st
		}
		s.size += cs.size
		if s.size > c.lim.MaxNodes {
			s.size = c.lim.MaxNodes + 1
		}
		s.depth = max(s.depth, cs.depth)
	}
	s.depth++
	s.done = true
	return *s, shapeOK
}

// overflow returns the node to blame for the expansion of n overflowing MaxNodes when
// cum nodes precede it: the first alias (in document order) whose expansion crosses the
// limit, or the node that does when there is no alias on the way. Sizes come from the
// memoized shapes.
func (c *converter) overflow(n *yaml.Node, cum int) *yaml.Node {
	for {
		if n.Kind == yaml.AliasNode || n.Kind != yaml.MappingNode && n.Kind != yaml.SequenceNode {
			return n
		}
		cum++
		if cum > c.lim.MaxNodes {
			return n
		}
		next := n
		for _, ch := range n.Content {
			s, _ := c.shapeOf(ch, 1)
			if cum+s.size > c.lim.MaxNodes {
				next = ch
				break
			}
			cum += s.size
		}
		if next == n {
			return n
		}
		n = next
	}
}

// isMergeKey mirrors yaml.v3: a plain `<<` (or one tagged !!merge).
func isMergeKey(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Value == "<<" &&
		(n.Tag == "" || n.Tag == "!" || n.Tag == "!!merge" || n.Tag == "tag:yaml.org,2002:merge")
}

// fill adds the entries of mapping n to m. For the mapping itself (merged=false) a key
// seen twice is a duplicate; for a merge source (merged=true) keys already in m win.
// Merge keys are applied after the explicit ones, so explicit keys always win.
func (c *converter) fill(m map[string]any, n *yaml.Node, depth int, merged bool) {
	var mergeVal *yaml.Node
	var own map[string]bool // a merge source's own keys, to find its duplicates
	if merged {
		own = make(map[string]bool, len(n.Content)/2)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := n.Content[i], n.Content[i+1]
		c.count++
		if c.count > c.lim.MaxNodes {
			c.nodeLimit(kn)
			return
		}
		if isMergeKey(kn) {
			if mergeVal == nil {
				mergeVal = vn
			} else {
				c.duplicate(n, i, "<<")
			}
			continue
		}
		if !merged && i >= 2 && decimalCommaSplit(n, n.Content[i-1], kn, vn) {
			c.decimalComma(n.Content[i-2], n.Content[i-1], kn)
			continue
		}
		key := c.key(kn)
		if merged {
			if own[key] {
				c.duplicate(n, i, key)
				continue
			}
			own[key] = true
		}
		if _, dup := m[key]; dup {
			if !merged {
				c.duplicate(n, i, key)
			}
			continue
		}
		c.path = append(c.path, seg{key: key, index: -1})
		v := c.value(vn, depth+1)
		c.path = c.path[:len(c.path)-1]
		if c.failed {
			return
		}
		m[key] = v
	}
	if mergeVal != nil {
		c.merge(m, mergeVal, depth)
	}
}

// decimalCommaSplit recognises `{value: 4,5}`: in a flow mapping YAML splits a decimal
// comma into the number 4 and a key "5" without a value, which nobody wrote. The parts
// are plain integers on one line with nothing between them but the comma.
func decimalCommaSplit(m, prev, kn, vn *yaml.Node) bool {
	digits := func(n *yaml.Node, sign bool) bool {
		v := n.Value
		if sign {
			v = strings.TrimLeft(v, "-+")
		}
		return n.Kind == yaml.ScalarNode && n.Style == 0 && n.Tag == "!!int" && v != "" && strings.Trim(v, "0123456789") == ""
	}
	return m.Style&yaml.FlowStyle != 0 && digits(prev, true) && digits(kn, false) &&
		kn.Line == prev.Line && kn.Column == prev.Column+utf8.RuneCountInString(prev.Value)+1 &&
		vn.Kind == yaml.ScalarNode && vn.Tag == "!!null" && vn.Value == ""
}

// decimalComma reports a split `4,5` once, at the number, and keeps the value from the
// schema's view: the two errors a split makes (a key "5", not a string) say nothing useful.
func (c *converter) decimalComma(kPrev, prev, kn *yaml.Node) {
	c.report(prev, RuleDecimalComma, i18n.Msg(
		"«%[1]s,%[2]s» — десятичная дробь пишется через точку: %[1]s.%[2]s (в {…} запятая разделяет поля, и YAML прочитал число %[1]s и ключ «%[2]s»)",
		"\"%[1]s,%[2]s\" — a decimal fraction takes a point, not a comma: %[1]s.%[2]s (inside {…} a comma separates fields, so YAML read the number %[1]s and a key \"%[2]s\")",
		prev.Value, kn.Value))
	key, _ := keyText(kPrev)
	c.path = append(c.path, seg{key: key, index: -1})
	c.poison(c.pointer())
	c.path = c.path[:len(c.path)-1]
}

// merge applies the value of a `<<` key of a mapping at level depth.
func (c *converter) merge(m map[string]any, v *yaml.Node, depth int) {
	src := v
	if src.Kind == yaml.AliasNode {
		if src = c.expand(v, depth); src == nil {
			return
		}
	}
	switch src.Kind {
	case yaml.MappingNode:
		c.fill(m, src, depth, true)
		return
	case yaml.SequenceNode:
		for _, el := range src.Content {
			e := el
			if e.Kind == yaml.AliasNode {
				if e = c.expand(el, depth); e == nil {
					return
				}
			}
			if e.Kind != yaml.MappingNode {
				c.badMerge(el)
				continue
			}
			c.fill(m, e, depth, true)
			if c.failed {
				return
			}
		}
		return
	}
	c.badMerge(v)
}

func (c *converter) badMerge(n *yaml.Node) {
	c.report(n, RuleBadMerge, i18n.Msg(
		"значением ключа слияния «<<» должен быть словарь или список словарей (обычно ссылки *якорей); это значение пропущено",
		"the merge key \"<<\" needs a mapping or a list of mappings (usually aliases) as its value; this value is ignored"))
}

// duplicate reports the key at n.Content[i], naming the line of its first occurrence.
func (c *converter) duplicate(n *yaml.Node, i int, key string) {
	kn := n.Content[i]
	firstLine := 0
	for j := 0; j < i; j += 2 {
		if k, _ := keyText(n.Content[j]); k == key {
			firstLine = n.Content[j].Line
			break
		}
	}
	c.report(kn, RuleDuplicateKey, i18n.Msg(
		"ключ %[1]s повторяется (впервые — в строке %[2]d); YAML не допускает повторов, учитывается первое значение — удалите или переименуйте один из ключей",
		"duplicate key %[1]s (first defined on line %[2]d); YAML forbids repeated keys and only the first value counts — remove or rename one of them",
		keyForMsg(key), firstLine))
}

// key returns the text of mapping key kn, reporting keys that are not strings.
func (c *converter) key(kn *yaml.Node) string {
	text, nonString := keyText(kn)
	if nonString {
		c.report(kn, RuleNonStringKey, i18n.Msg(
			"ключ %[1]s — не строка (YAML читает его как число, логическое значение, дату, null или структуру); возьмите ключ в кавычки или переименуйте",
			"key %[1]s is not a string (YAML reads it as a number, boolean, date, null or a structure); quote or rename the key",
			keyForMsg(text)))
		c.path = append(c.path, seg{key: text, index: -1})
		c.poison(c.pointer())
		c.path = c.path[:len(c.path)-1]
	}
	return text
}

// keyText returns the text a mapping key is stored under and whether it is not a string
// (a non-string key is stored as its literal text).
func keyText(kn *yaml.Node) (string, bool) {
	n := kn
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind != yaml.ScalarNode {
		var b strings.Builder
		flowText(&b, n, 0)
		return b.String(), true
	}
	switch n.ShortTag() {
	case "!!int", "!!float", "!!bool", "!!null", "!!timestamp":
		return n.Value, true
	}
	return n.Value, false
}

// flowText writes a short flow-style rendering of n (used as the text of a collection
// key), bounded in length and depth.
func flowText(b *strings.Builder, n *yaml.Node, depth int) {
	if b.Len() > maxNonStringKeyBytes || depth > 4 {
		b.WriteString("…")
		return
	}
	if n.Kind == yaml.AliasNode {
		b.WriteString("*" + n.Value)
		return
	}
	switch n.Kind {
	case yaml.MappingNode, yaml.SequenceNode:
		open, sep, close := "[", ", ", "]"
		if n.Kind == yaml.MappingNode {
			open, close = "{", "}"
		}
		b.WriteString(open)
		for i, ch := range n.Content {
			if b.Len() > maxNonStringKeyBytes {
				b.WriteString("…")
				break
			}
			if i > 0 {
				if n.Kind == yaml.MappingNode && i%2 == 1 {
					b.WriteString(": ")
				} else {
					b.WriteString(sep)
				}
			}
			flowText(b, ch, depth+1)
		}
		b.WriteString(close)
	default:
		b.WriteString(n.Value)
	}
}

// scalar converts a scalar by its resolved tag. Unknown and custom tags (and !!binary)
// keep the text.
func (c *converter) scalar(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!str":
		return n.Value
	case "!!null":
		switch n.Value {
		case "", "~", "null", "Null", "NULL":
			return nil
		}
	case "!!bool":
		switch n.Value {
		case "true", "True", "TRUE":
			return true
		case "false", "False", "FALSE":
			return false
		}
	case "!!int":
		if s, ok := intText(n.Value); ok {
			return json.Number(s)
		}
	case "!!float":
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if isSpecialFloat(n.Value) || math.IsInf(f, 0) || math.IsNaN(f) {
			c.report(n, RuleSpecialFloat, i18n.Msg(
				"значение %[1]s — бесконечность или «не число» (NaN), такие числа недопустимы; укажите конечное число или возьмите значение в кавычки, если это текст",
				"value %[1]s is infinity or not-a-number (NaN), which is not allowed; write a finite number, or quote it if it is text",
				n.Value))
			c.poison(c.pointer())
			return nil
		}
		if err == nil {
			return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
		}
	}
	return n.Value
}

// isSpecialFloat reports YAML's spellings of infinity and NaN (.inf, -.Inf, +.INF, .nan…),
// which strconv does not read.
func isSpecialFloat(s string) bool {
	s = strings.TrimLeft(s, "+-")
	return strings.EqualFold(s, ".inf") || strings.EqualFold(s, ".nan")
}

// intText renders a YAML integer (decimal, 0x, 0o, 0b, leading-zero octal, with `_`
// separators, any size) in decimal, as yaml.v3 reads it.
func intText(s string) (string, bool) {
	plain := strings.ReplaceAll(s, "_", "")
	if i, err := strconv.ParseInt(plain, 0, 64); err == nil {
		return strconv.FormatInt(i, 10), true
	}
	if u, err := strconv.ParseUint(plain, 0, 64); err == nil {
		return strconv.FormatUint(u, 10), true
	}
	if len(plain) > 10_000 { // a decimal text this long is not a number anyone means
		return "", false
	}
	if b, ok := new(big.Int).SetString(plain, 0); ok {
		return b.String(), true
	}
	return "", false
}
