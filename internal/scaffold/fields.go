package scaffold

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Value is the new value of a key, given as the strings a user typed: one scalar, or a
// list. SetValues writes it in the file's own style where the key exists.
type Value struct {
	Items  []string // the values; one item and not List: a scalar
	List   bool     // a list even when it holds one item
	Number bool     // an item that is a plain number is written unquoted (a number in YAML)
	Flow   bool     // a list written anew is [a, b] (attribute values, channels), else "- a" lines
	// Sources keep the source of list items written anew that had one: item text → source,
	// so that an item {text, source} moved in the list keeps its source.
	Sources map[string]string
}

// Edit sets the value at a key path (top-level key first), creating missing keys; a nil
// Value removes the key.
type Edit struct {
	Path  []string
	Value *Value
}

// Span is where an edit landed in the result: lines First..Last, 1-based (Last < First
// when the edit only removed lines).
type Span struct{ First, Last int }

// plainNum matches the numbers a cell gives back: written unquoted, YAML reads the same number.
var plainNum = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?$`).MatchString

func (v *Value) token(s string, flow bool) string {
	if v.Number && plainNum(s) {
		return s
	}
	if flow {
		return flowScalar(s)
	}
	return Scalar(s)
}

// FlowText renders v as one YAML value: a scalar, or [a, b].
func (v *Value) FlowText() string {
	if !v.List && len(v.Items) == 1 {
		return v.token(v.Items[0], false)
	}
	parts := make([]string, len(v.Items))
	for i, s := range v.Items {
		parts[i] = v.token(s, true)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// SetValues applies edits to a YAML document as text: a changed scalar is replaced on its
// line, a list keeps its style, a missing key is added after its siblings. Comments, key
// order and untouched lines stay byte for byte. The result is read back and refused
// (ErrCannotEdit) unless every edited key holds what was meant.
func SetValues(src []byte, edits []Edit) ([]byte, []Span, error) {
	spans := make([]Span, 0, len(edits))
	out := src
	for _, e := range edits {
		res, at, removed, added, err := setOne(out, e)
		if err != nil {
			return nil, nil, err
		}
		// Lines after the edit point moved: shift the spans recorded so far.
		for i := range spans {
			if spans[i].First > at {
				spans[i].First += added - removed
				spans[i].Last += added - removed
			}
		}
		spans = append(spans, Span{First: at + 1, Last: at + added})
		out = res
	}
	if err := verifyValues(out, edits); err != nil {
		return nil, nil, err
	}
	return out, spans, nil
}

// textDoc is a parsed document with its lines, for edits by position.
type textDoc struct {
	lines []string // split on "\n"; a "\r" stays at the end of its line
	cr    string   // "\r" when the file uses CRLF
	bom   int
	root  *yaml.Node
	// starts are the lines where nodes begin, ascending: the end of a value is the line
	// before the next node that is not inside it.
	starts []int
}

func parseText(src []byte) (*textDoc, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, cannot("файл не читается как YAML: %v", "the file is not valid YAML: %v", err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, cannot("документ — не словарь «ключ: значение»", "the document is not a mapping")
	}
	d := &textDoc{lines: strings.Split(string(src), "\n"), root: doc.Content[0]}
	if d.root.Style&yaml.FlowStyle != 0 {
		return nil, cannot("документ записан в строку {…}", "the document is written in flow style {…}")
	}
	if bytes.Contains(src, []byte("\r\n")) {
		d.cr = "\r"
	}
	if strings.HasPrefix(d.lines[0], "\ufeff") {
		d.bom = 1
	}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		d.starts = append(d.starts, n.Line)
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(d.root)
	slices.Sort(d.starts)
	return d, nil
}

// off converts a 1-based character column into a byte offset in its line.
func (d *textDoc) off(line, col int) int {
	if line == 1 {
		col += d.bom
	}
	s := d.lines[line-1]
	i := 0
	for n := 1; n < col && i < len(s); n++ {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return i
}

// textLines is the number of lines that hold text (a final newline leaves an empty last
// element, which is not a line).
func (d *textDoc) textLines() int {
	n := len(d.lines)
	if n > 0 && d.lines[n-1] == "" {
		n--
	}
	return n
}

func lastLine(n *yaml.Node) int {
	l := n.Line
	for _, c := range n.Content {
		l = max(l, lastLine(c))
	}
	return l
}

// end returns the last line of the entry whose key is k and value v: up to the next node
// outside it, without the blank lines and comments that belong to what follows.
func (d *textDoc) end(k, v *yaml.Node) int {
	last := lastLine(v)
	end := d.textLines()
	if i, ok := slices.BinarySearch(d.starts, last+1); ok || i < len(d.starts) {
		end = d.starts[i] - 1
	}
	for end > last && isTail(d.lines[end-1], k.Column) {
		end--
	}
	return max(end, k.Line)
}

func find(m *yaml.Node, key string) (k, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}

// splice replaces lines [from, to) (0-based) with repl and returns the new text.
func (d *textDoc) splice(from, to int, repl []string) []byte {
	out := make([]string, 0, len(d.lines)-(to-from)+len(repl))
	out = append(out, d.lines[:from]...)
	for _, r := range repl {
		out = append(out, r+d.cr)
	}
	out = append(out, d.lines[to:]...)
	return []byte(strings.Join(out, "\n"))
}

// setOne applies one edit. It returns the new text and, for the spans, the 0-based line
// where the change starts, how many lines were removed there and how many written.
func setOne(src []byte, e Edit) (out []byte, at, removed, added int, err error) {
	d, err := parseText(src)
	if err != nil {
		return nil, 0, 0, 0, err
	}
	m := d.root
	for i, key := range e.Path {
		k, v := find(m, key)
		if k == nil {
			if e.Value == nil {
				return src, 0, 0, 0, nil // nothing to remove
			}
			return d.insert(m, nil, e.Path[i:], e.Value)
		}
		if i == len(e.Path)-1 {
			if e.Value == nil {
				if m.Style&yaml.FlowStyle != 0 {
					return nil, 0, 0, 0, cannot("%s записан в строку {…}", "%s is written in flow style {…}", strings.Join(e.Path[:i], "."))
				}
				from, to := k.Line-1, d.end(k, v)
				return d.splice(from, to, nil), from, to - from, 0, nil
			}
			return d.replace(k, v, e.Value, m.Style&yaml.FlowStyle != 0)
		}
		switch {
		case v.Kind == yaml.MappingNode && (len(v.Content) > 0 || v.Style&yaml.FlowStyle == 0):
			m = v
		case isEmptyValue(v) || (v.Kind == yaml.MappingNode && len(v.Content) == 0):
			if e.Value == nil {
				return src, 0, 0, 0, nil
			}
			return d.insert(nil, k, e.Path[i+1:], e.Value)
		default:
			return nil, 0, 0, 0, cannot("%s — не словарь «ключ: значение»", "%s is not a mapping", strings.Join(e.Path[:i+1], "."))
		}
	}
	return nil, 0, 0, 0, cannot("пустой путь ключа", "empty key path")
}

// replace writes value over the existing value v of key k.
func (d *textDoc) replace(k, v *yaml.Node, val *Value, inFlow bool) ([]byte, int, int, int, error) {
	oneLine := func(a, b int, tok string) ([]byte, int, int, int, error) {
		s := d.lines[v.Line-1]
		d.lines[v.Line-1] = s[:a] + tok + s[b:]
		return []byte(strings.Join(d.lines, "\n")), v.Line - 1, 1, 1, nil
	}
	if v.Line >= 1 && v.Line <= len(d.lines) {
		s := d.lines[v.Line-1]
		a := d.off(v.Line, v.Column)
		switch {
		case v.Kind == yaml.ScalarNode && v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0:
			n := tokenLen(s[a:])
			if inFlow {
				n = flowTokenLen(s[a:])
			}
			quoted := v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0
			if n > 0 && (quoted || lastLineOfScalar(d, k, v) == v.Line) {
				return oneLine(a, a+n, val.FlowText())
			}
		case v.Kind == yaml.SequenceNode && v.Style&yaml.FlowStyle != 0:
			if n := bracketLen(s[a:]); n > 0 {
				return oneLine(a, a+n, val.FlowText())
			}
		case v.Kind == yaml.SequenceNode && len(v.Content) > 0 && len(v.Content) == len(val.Items) && !inFlow:
			if out, first, last, ok := d.itemsInPlace(v, val); ok {
				return out, first - 1, last - first + 1, last - first + 1, nil
			}
		}
	}
	if inFlow {
		return nil, 0, 0, 0, cannot("%s стоит внутри {…}, записанного на нескольких строках", "%s sits inside a {…} mapping written over several lines", k.Value)
	}
	from, to := k.Line-1, d.end(k, v)
	repl := d.render(k.Column-1, []string{k.Value}, val)
	// The key's own line may hold a comment after the value: keep it on the new key line.
	if c := trailingComment(d.lines[k.Line-1]); c != "" && len(repl) > 0 {
		repl[0] += "  " + c
	}
	return d.splice(from, to, repl), from, to - from, len(repl), nil
}

// lastLineOfScalar is the line where the plain scalar v ends: a plain scalar may go on
// over the following lines.
func lastLineOfScalar(d *textDoc, k, v *yaml.Node) int {
	e := d.end(k, v)
	for e > v.Line && isTail(d.lines[e-1], 1<<30) {
		e--
	}
	return e
}

// itemsInPlace replaces the changed items of a block list one by one (an item {text,
// source} keeps its source and its comments). It gives up when an item is not a scalar
// on one line.
func (d *textDoc) itemsInPlace(seq *yaml.Node, val *Value) (out []byte, first, last int, ok bool) {
	type rep struct {
		line, a, b int
		tok        string
	}
	var reps []rep
	for i, it := range seq.Content {
		n := it
		if it.Kind == yaml.MappingNode && it.Style&yaml.FlowStyle == 0 {
			if _, t := find(it, "text"); t != nil {
				n = t
			}
		}
		if n.Kind != yaml.ScalarNode {
			return nil, 0, 0, false
		}
		if n.Value == val.Items[i] {
			continue
		}
		if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 || strings.Contains(n.Value, "\n") || n.Line < 1 || n.Line > len(d.lines) {
			return nil, 0, 0, false
		}
		s := d.lines[n.Line-1]
		a := d.off(n.Line, n.Column)
		l := tokenLen(s[a:])
		if l == 0 || (n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0 && i+1 < len(seq.Content) && seq.Content[i+1].Line > n.Line+1 && !isTail(d.lines[n.Line], 1<<30)) {
			return nil, 0, 0, false // a plain scalar folded over the next lines
		}
		reps = append(reps, rep{n.Line, a, a + l, val.token(val.Items[i], false)})
	}
	if len(reps) == 0 {
		return nil, 0, 0, false
	}
	for j := len(reps) - 1; j >= 0; j-- {
		r := reps[j]
		s := d.lines[r.line-1]
		d.lines[r.line-1] = s[:r.a] + r.tok + s[r.b:]
	}
	return []byte(strings.Join(d.lines, "\n")), reps[0].line, reps[len(reps)-1].line, true
}

// insert adds the keys path (the last holding val) to mapping m, or under key k whose
// value is empty.
func (d *textDoc) insert(m, k *yaml.Node, path []string, val *Value) ([]byte, int, int, int, error) {
	var at, indent int
	switch {
	case k != nil:
		// key: (null, ~, {} or nothing) — drop the empty token, write below the key.
		s := d.lines[k.Line-1]
		a := d.off(k.Line, k.Column)
		colon := strings.IndexByte(s[a:], ':')
		if colon < 0 {
			return nil, 0, 0, 0, cannot("%s: после ключа нет двоеточия", "%s: no colon after the key", k.Value)
		}
		head, rest := s[:a+colon+1], s[a+colon+1:]
		value, comment := rest, ""
		if i := strings.Index(rest, "#"); i >= 0 {
			value, comment = rest[:i], rest[i:]
		}
		switch tok := strings.TrimSpace(strings.TrimSuffix(value, "\r")); tok {
		case "":
		case "~", "null", "Null", "NULL", "{}":
			value = strings.Replace(value, tok, "", 1)
			if comment == "" {
				value = strings.TrimRight(value, " \t\r") + d.cr
			}
			d.lines[k.Line-1] = head + value + comment
		default:
			return nil, 0, 0, 0, cannot("%s — не словарь «ключ: значение»", "%s is not a mapping", k.Value)
		}
		at, indent = k.Line, k.Column-1+2
	case m == d.root:
		at = d.textLines()
		if at == len(d.lines) { // no final newline: give the last line one
			d.lines[at-1] += d.cr
			d.lines = append(d.lines, "")
		}
	default:
		if m.Style&yaml.FlowStyle != 0 {
			return nil, 0, 0, 0, cannot("в словарь {…} нельзя добавить ключ на месте — перепишите его блоком, по ключу в строке", "a {…} mapping cannot take a new key in place — rewrite it as a block, one key per line")
		}
		lk, lv := m.Content[len(m.Content)-2], m.Content[len(m.Content)-1]
		at, indent = d.end(lk, lv), m.Content[0].Column-1
	}
	repl := d.render(indent, path, val)
	return d.splice(at, at, repl), at, 0, len(repl), nil
}

// render writes keys path (nested, the last holding val) at the given indentation.
func (d *textDoc) render(indent int, path []string, val *Value) []string {
	var out []string
	for _, key := range path[:len(path)-1] {
		out = append(out, strings.Repeat(" ", indent)+key+":")
		indent += 2
	}
	head := strings.Repeat(" ", indent) + path[len(path)-1] + ":"
	if val.Flow || (!val.List && len(val.Items) == 1) {
		return append(out, head+" "+val.FlowText())
	}
	out = append(out, head)
	dash, key := seqIndent(d.root, d.lines)
	dash, key = indent+dash, indent+key
	for _, s := range val.Items {
		pad := strings.Repeat(" ", max(key-dash-1, 1))
		if src, ok := val.Sources[s]; ok && src != "" {
			out = append(out, strings.Repeat(" ", dash)+"-"+pad+"text: "+Scalar(s),
				strings.Repeat(" ", key)+"source: "+Scalar(src))
			continue
		}
		out = append(out, strings.Repeat(" ", dash)+"-"+pad+val.token(s, false))
	}
	return out
}

// trailingComment returns the comment at the end of a line, "" if none (a # inside
// quotes does not count).
func trailingComment(s string) string {
	s = strings.TrimRight(s, "\r")
	inS, inD := false, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\'' && !inD:
			inS = !inS
		case c == '"' && !inS:
			inD = !inD
		case c == '\\' && inD:
			i++
		case c == '#' && !inS && !inD && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t'):
			return s[i:]
		}
	}
	return ""
}

// flowTokenLen is tokenLen inside {…} or […]: a plain value also ends at , ] or }.
func flowTokenLen(s string) int {
	if s != "" && (s[0] == '"' || s[0] == '\'') {
		return tokenLen(s)
	}
	end := len(s)
	if i := strings.IndexAny(s, ",]}"); i >= 0 {
		end = i
	}
	if i := strings.Index(s, " #"); i >= 0 && i < end {
		end = i
	}
	return len(strings.TrimRight(s[:end], " \t\r"))
}

// bracketLen returns the length of the flow collection at the start of s when it closes on
// the same line, else 0.
func bracketLen(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[', '{':
			depth++
		case ']', '}':
			depth--
			if depth == 0 {
				return i + 1
			}
		case '"', '\'':
			n := tokenLen(s[i:])
			if n == 0 {
				return 0
			}
			i += n - 1
		case '#':
			if i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
				return 0
			}
		}
	}
	return 0
}

// verifyValues reads the edited text back: each edited key must hold what was meant.
func verifyValues(data []byte, edits []Edit) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return cannot("исправленный файл не читается: %v", "the edited file does not read back: %v", err)
	}
	if len(doc.Content) == 0 {
		return cannot("исправленный файл читается не так, как задумано", "the edited file does not read back as meant")
	}
	for _, e := range edits {
		n := doc.Content[0]
		for _, key := range e.Path {
			if n == nil || n.Kind != yaml.MappingNode {
				n = nil
				break
			}
			_, n = find(n, key)
		}
		if e.Value == nil {
			if n != nil {
				return cannot("в исправленном файле остался %s", "the edited file still has %s", strings.Join(e.Path, "."))
			}
			continue
		}
		if n == nil {
			return cannot("исправленный файл читается не так, как задумано (%s)", "the edited file does not read back as meant (%s)", strings.Join(e.Path, "."))
		}
		var got []string
		switch n.Kind {
		case yaml.ScalarNode:
			got = []string{n.Value}
		case yaml.SequenceNode:
			for _, it := range n.Content {
				if it.Kind == yaml.MappingNode {
					if _, t := find(it, "text"); t != nil {
						it = t
					}
				}
				got = append(got, it.Value)
			}
		}
		if !slices.Equal(got, e.Value.Items) {
			return cannot("исправленный файл читается не так, как задумано (%s)", "the edited file does not read back as meant (%s)", strings.Join(e.Path, "."))
		}
	}
	return nil
}

// ListItem is one entry of a block list of mappings, as "key: value" lines without
// indentation (the first line takes the dash).
type ListItem []string

// AppendItems adds items at the end of the top-level block list key (the attribute
// catalogue), indented as its entries are, or replaces entry i with item where
// replace[i] is set. It returns the new text and the span of each item written.
func AppendItems(src []byte, key string, items []ListItem, replace map[int]ListItem) ([]byte, []Span, map[int]Span, error) {
	d, err := parseText(src)
	if err != nil {
		return nil, nil, nil, err
	}
	k, v := find(d.root, key)
	if k == nil || v.Kind != yaml.SequenceNode || v.Style&yaml.FlowStyle != 0 || len(v.Content) == 0 {
		return nil, nil, nil, cannot("%s — не блочный список (по записи «- id: …» в строке)", "%s is not a block list (one «- id: …» entry per line)", key)
	}
	first := v.Content[0]
	keyCol := first.Column
	if first.Kind == yaml.MappingNode && len(first.Content) > 0 {
		keyCol = first.Content[0].Column
	}
	dashCol := keyCol - 2
	if s := d.lines[first.Line-1]; first.Line >= 1 {
		if i := strings.LastIndexByte(s[:d.off(first.Line, keyCol)], '-'); i >= 0 {
			dashCol = utf8.RuneCountInString(s[:i]) + 1
		}
	}
	if dashCol < 1 {
		return nil, nil, nil, cannot("не удается определить отступ %s", "cannot tell the indentation of %s", key)
	}
	block := func(it ListItem) []string {
		out := make([]string, len(it))
		for i, l := range it {
			if i == 0 {
				out[i] = strings.Repeat(" ", dashCol-1) + "-" + strings.Repeat(" ", max(keyCol-dashCol-1, 1)) + l
			} else {
				out[i] = strings.Repeat(" ", keyCol-1) + l
			}
		}
		return out
	}
	// Replacements first, from the last entry up, so earlier line numbers hold.
	type rep struct{ i, from, to int }
	var reps []rep
	for i := range replace {
		if i < 0 || i >= len(v.Content) {
			continue
		}
		it := v.Content[i]
		end := d.textLines()
		if i+1 < len(v.Content) {
			end = v.Content[i+1].Line - 1
		} else if j, ok := slices.BinarySearch(d.starts, lastLine(it)+1); ok || j < len(d.starts) {
			end = d.starts[j] - 1
		}
		for end > lastLine(it) && isTail(d.lines[end-1], dashCol) {
			end--
		}
		reps = append(reps, rep{i, it.Line - 1, end})
	}
	slices.SortFunc(reps, func(a, b rep) int { return b.from - a.from })
	repSpans := map[int]Span{}
	shift := 0
	for _, r := range reps {
		lines := block(replace[r.i])
		d.lines = append(d.lines[:r.from], append(addCR(lines, d.cr), d.lines[r.to:]...)...)
		repSpans[r.i] = Span{r.from + 1, r.from + len(lines)}
		shift += len(lines) - (r.to - r.from)
	}
	// Entries written over earlier ones shift the later replacements: recompute from the top.
	if len(reps) > 1 {
		slices.SortFunc(reps, func(a, b rep) int { return a.from - b.from })
		delta := 0
		for _, r := range reps {
			s := repSpans[r.i]
			n := s.Last - s.First + 1
			repSpans[r.i] = Span{r.from + 1 + delta, r.from + delta + n}
			delta += n - (r.to - r.from)
		}
	}
	var spans []Span
	if len(items) > 0 {
		end := d.textLines()
		last := v.Content[len(v.Content)-1]
		if j, ok := slices.BinarySearch(d.starts, lastLine(last)+1); ok || j < len(d.starts) {
			end = d.starts[j] - 1 + shift
		}
		for end > 0 && isTail(d.lines[end-1], dashCol) {
			end--
		}
		var add []string
		for _, it := range items {
			b := block(it)
			spans = append(spans, Span{end + len(add) + 1, end + len(add) + len(b)})
			add = append(add, b...)
		}
		d.lines = append(d.lines[:end], append(addCR(add, d.cr), d.lines[end:]...)...)
	}
	return []byte(strings.Join(d.lines, "\n")), spans, repSpans, nil
}

func addCR(lines []string, cr string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l + cr
	}
	return out
}
