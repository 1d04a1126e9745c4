package load

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/profiler-cx/profiler/internal/finding"
)

type want struct {
	rule      string
	line, col int
}

func got(fs []finding.Finding) []want {
	var w []want
	for _, f := range fs {
		w = append(w, want{f.Rule, f.Line, f.Column})
	}
	return w
}

// checkFinding asserts the shape every finding must have.
func checkFinding(t *testing.T, f finding.Finding) {
	t.Helper()
	if f.File != "f.yaml" || f.Severity != finding.Error || f.Rule == "" {
		t.Errorf("bad finding %+v", f)
	}
	if f.Message.RU == "" || f.Message.EN == "" || f.Message.RU == f.Message.EN {
		t.Errorf("finding %s needs distinct Russian and English messages: %+v", f.Rule, f.Message)
	}
	for _, s := range []string{f.Message.RU, f.Message.EN} {
		if strings.Contains(s, "%!") {
			t.Errorf("bad format in %q", s)
		}
	}
}

func TestParseFindings(t *testing.T) {
	billion := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	for i := 'b'; i <= 'k'; i++ {
		billion += fmt.Sprintf("%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	tests := []struct {
		name   string
		in     string
		lim    Limits
		want   []want
		usable bool
		msg    string // a fragment the English message must contain
	}{
		{name: "clean", in: "a: 1\n", usable: true},
		// syntax
		{name: "syntax colon", in: "a: 1\nb: 2\nc: x: y\n", want: []want{{"yaml-syntax", 3, 1}}, msg: "mapping values"},
		{name: "syntax line 1", in: "a: b: c\n", want: []want{{"yaml-syntax", 1, 1}}},
		{name: "syntax indentation (parser error, line fixed up)", in: "kind: P\nattributes:\n  sex: m\n age: 20\nx: 1\n",
			want: []want{{"yaml-syntax", 4, 2}}, msg: "did not find expected key"},
		{name: "syntax misaligned key deep in the file (yaml.v3 blames the block's first line)",
			in:   "# c\napiVersion: v\nkind: P\nchannels:\n  informing: [a]\n  service: [b]\npains:\n  - x\n notes: y\nz: 1\n",
			want: []want{{"yaml-syntax", 9, 2}}, msg: "did not find expected key"},
		{name: "syntax misaligned key after a multi-line flow list",
			in:   "a: 1\nb: [x,\n  y]\nc:\n  d: 1\n   e: 2\n",
			want: []want{{"yaml-syntax", 6, 4}}},
		{name: "syntax unclosed bracket", in: "a: 1\nb: 2\nc: [a, b\nd: 1\n", want: []want{{"yaml-syntax", 3, 1}}, msg: "']'"},
		{name: "syntax unclosed quote", in: "a: 1\nb: \"abc\nc: 1\n", want: []want{{"yaml-syntax", 2, 1}}, msg: "quote"},
		{name: "syntax tab", in: "a: 1\nb:\n\t- x\n", want: []want{{"yaml-syntax", 3, 2}}},
		{name: "syntax cyrillic", in: "title: Поступление\n  x: 1\n", want: []want{{"yaml-syntax", 2, 3}}},
		{name: "syntax crlf", in: "a: 1\r\nb: 2\r\n c: 3\r\n", want: []want{{"yaml-syntax", 3, 2}}},
		{name: "unknown anchor", in: "x: 1\ny: [a, *nope]\n", want: []want{{"yaml-syntax", 2, 8}}, msg: "*nope"},
		// empty
		{name: "empty", in: "", want: []want{{"yaml-empty", 0, 0}}},
		{name: "only comments", in: "# a\n\n  # b\n", want: []want{{"yaml-empty", 0, 0}}},
		{name: "only dashes", in: "---\n# a\n", want: []want{{"yaml-empty", 0, 0}}},
		{name: "bom only", in: "\ufeff", want: []want{{"yaml-empty", 0, 0}}},
		// documents
		{name: "two documents", in: "a: 1\n---\nb: 2\n", want: []want{{"yaml-multiple-documents", 2, 1}}, usable: true},
		{name: "three documents", in: "---\na: 1\n---\nb: 2\n--- c\n", want: []want{{"yaml-multiple-documents", 3, 1}}, usable: true},
		{name: "broken second document", in: "a: 1\n---\nb: : :\n", want: []want{{"yaml-syntax", 3, 1}}, usable: true},
		// encoding
		{name: "invalid utf-8", in: "a: 1\nb: ab\xffc\n", want: []want{{"encoding", 2, 6}}, msg: "UTF-8"},
		{name: "invalid utf-8 after cyrillic", in: "a: Поступление\xc3(\n", want: []want{{"encoding", 1, 15}}},
		{name: "invalid utf-8 after bom and crlf", in: "\ufeffa: 1\r\nb: 2\r\nc: \xfe\r\n", want: []want{{"encoding", 3, 4}}},
		{name: "nul", in: "a: 1\nb: x\x00y\n", want: []want{{"encoding", 2, 5}}, msg: "NUL"},
		{name: "control char", in: "a: 1\nb: x\x1by\n", want: []want{{"encoding", 2, 5}}, msg: "U+001B"},
		{name: "c1 control char", in: "a: Пр\u0090\n", want: []want{{"encoding", 1, 6}}, msg: "U+0090"},
		{name: "utf-16", in: "\xff\xfea\x00:\x00 \x001\x00", want: []want{{"encoding", 1, 1}}, msg: "UTF-16"},
		// duplicate keys
		{name: "duplicate key", in: "a: 1\nb: 2\na: 3\n", want: []want{{"yaml-duplicate-key", 3, 1}}, usable: true, msg: "first defined on line 1"},
		{name: "duplicate nested key", in: "a:\n  x: 1\n  y: 2\n  x: 3\n", want: []want{{"yaml-duplicate-key", 4, 3}}, usable: true, msg: `"x"`},
		{name: "duplicate key after cyrillic (columns in characters)", in: "{title: Поступление, title: Выход}\n",
			want: []want{{"yaml-duplicate-key", 1, 22}}, usable: true},
		{name: "duplicate quoted vs plain", in: "a: 1\n'a': 2\n", want: []want{{"yaml-duplicate-key", 2, 1}}, usable: true},
		{name: "duplicate merge key", in: "b: &b {x: 1}\nc:\n  <<: *b\n  <<: *b\n", want: []want{{"yaml-duplicate-key", 4, 3}}, usable: true},
		{name: "duplicate in inline merge source", in: "a:\n  x: 0\n  <<: {x: 1, y: 2, y: 3}\n", want: []want{{"yaml-duplicate-key", 3, 20}}, usable: true},
		{name: "duplicate in anchor reported once", in: "a: &a {x: 1, x: 2}\nb: *a\nc: *a\n", want: []want{{"yaml-duplicate-key", 1, 14}}, usable: true},
		// non-string keys
		{name: "int key", in: "a: 1\n1: x\n", want: []want{{"yaml-non-string-key", 2, 1}}, usable: true},
		{name: "bool key", in: "true: x\n", want: []want{{"yaml-non-string-key", 1, 1}}, usable: true},
		{name: "null key", in: "a:\n  ~: x\n", want: []want{{"yaml-non-string-key", 2, 3}}, usable: true},
		{name: "float key", in: "1.5: x\n", want: []want{{"yaml-non-string-key", 1, 1}}, usable: true},
		{name: "date key", in: "2024-05-01: x\n", want: []want{{"yaml-non-string-key", 1, 1}}, usable: true},
		{name: "sequence key", in: "a: 1\n? [a, b]\n: x\n", want: []want{{"yaml-non-string-key", 2, 3}}, usable: true},
		{name: "mapping key", in: "{? {a: 1} : x}\n", want: []want{{"yaml-non-string-key", 1, 4}}, usable: true},
		// special floats
		{name: "inf", in: "a: .inf\n", want: []want{{"yaml-special-float", 1, 4}}, usable: true},
		{name: "special float spellings", in: "a: [-.Inf, +.INF, .NaN, .nan, !!float inf, !!float 1e999]\n",
			want: []want{{"yaml-special-float", 1, 5}, {"yaml-special-float", 1, 12}, {"yaml-special-float", 1, 19}, {"yaml-special-float", 1, 25},
				{"yaml-special-float", 1, 31}, {"yaml-special-float", 1, 44}}, usable: true},
		{name: "special float after cyrillic", in: "t: [Поступление, .inf]\n", want: []want{{"yaml-special-float", 1, 18}}, usable: true},
		{name: "special float through alias reported once", in: "a: &x .inf\nb: *x\n", want: []want{{"yaml-special-float", 1, 4}}, usable: true},
		// limits
		{name: "billion laughs", in: billion, want: []want{{"yaml-limit", 6, 36}}, msg: "remove the anchors/aliases"},
		{name: "nodes limit without aliases", in: "a: [1, 2, 3, 4, 5, 6]\n", lim: Limits{MaxNodes: 5}, want: []want{{"yaml-limit", 1, 11}}, msg: "more than 5 nodes; split"},
		{name: "depth limit", in: "a: {b: {c: [1]}}\n", lim: Limits{MaxDepth: 3}, want: []want{{"yaml-limit", 1, 12}}, msg: "deeper than 3"},
		{name: "depth limit through alias", in: "x: &x {b: {c: 1}}\ny: {z: *x}\n", lim: Limits{MaxDepth: 3}, want: []want{{"yaml-limit", 2, 8}}},
		{name: "yaml's own depth limit", in: strings.Repeat("[", 20000), want: []want{{"yaml-limit", 1, 1}}},
		{name: "size limit", in: "a: 12345\n", lim: Limits{MaxBytes: 4}, want: []want{{"file-too-large", 0, 0}}},
		// aliases and merges
		{name: "alias cycle", in: "a: &a [*a]\n", want: []want{{"yaml-alias-cycle", 1, 8}}, msg: "*a"},
		{name: "alias cycle through merge", in: "a: &a\n  b: 1\n  <<: *a\n", want: []want{{"yaml-alias-cycle", 3, 7}}},
		{name: "bad merge scalar", in: "a:\n  <<: 1\n  b: 2\n", want: []want{{"yaml-bad-merge", 2, 7}}, usable: true},
		{name: "bad merge list item", in: "x: &x [1]\na:\n  <<: [{c: 1}, *x]\n", want: []want{{"yaml-bad-merge", 3, 16}}, usable: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, fs := Parse("f.yaml", []byte(tt.in), tt.lim)
			if !reflect.DeepEqual(got(fs), tt.want) {
				t.Errorf("findings = %v, want %v\n%v", got(fs), tt.want, fs)
			}
			for _, f := range fs {
				checkFinding(t, f)
			}
			if tt.msg != "" && (len(fs) == 0 || !strings.Contains(fs[0].Message.EN, tt.msg)) {
				t.Errorf("message %v does not contain %q", fs, tt.msg)
			}
			if d.Usable != tt.usable {
				t.Errorf("Usable = %v, want %v", d.Usable, tt.usable)
			}
			if !d.Usable && d.Value != nil {
				t.Errorf("unusable document has a value: %#v", d.Value)
			}
			if err := checkTypes(d.Value, 0); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestSyntaxMessageRussian(t *testing.T) {
	_, fs := Parse("f.yaml", []byte("a: b: c\n"), Limits{})
	// The Russian explanation comes first; yaml.v3's English detail follows in parentheses.
	if len(fs) != 1 || !strings.HasPrefix(fs[0].Message.RU, "синтаксическая ошибка YAML: двоеточие внутри значения") ||
		!strings.HasSuffix(fs[0].Message.RU, "(yaml: mapping values are not allowed in this context)") {
		t.Errorf("%+v", fs)
	}
}

func TestDuplicateMessage(t *testing.T) {
	_, fs := Parse("f.yaml", []byte("id: a\ntitle: Т\nid: b\n"), Limits{})
	if len(fs) != 1 || !strings.Contains(fs[0].Message.RU, `ключ "id" повторяется (впервые — в строке 1)`) {
		t.Errorf("%+v", fs)
	}
}

func num(s string) json.Number { return json.Number(s) }

func TestValues(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want any
	}{
		{"strings", "a: x\nb: 'true'\nc: \"1\"\nd: |\n  l\ne: Поступление\n", map[string]any{"a": "x", "b": "true", "c": "1", "d": "l\n", "e": "Поступление"}},
		{"ints", "a: [1, -2, +3, 0x1F, -0x1F, 0o17, 010, 007, 0b101, 1_000, 9223372036854775807, 18446744073709551615, !!int 123456789012345678901234567890]\n",
			map[string]any{"a": []any{num("1"), num("-2"), num("3"), num("31"), num("-31"), num("15"), num("8"), num("7"), num("5"), num("1000"),
				num("9223372036854775807"), num("18446744073709551615"), num("123456789012345678901234567890")}}},
		{"floats", "a: [3.10, 1e3, -0.5, .5, 1_000.5, 12345678901234567890123, !!float 12]\n",
			map[string]any{"a": []any{num("3.1"), num("1000"), num("-0.5"), num("0.5"), num("1000.5"), num("1.2345678901234568e+22"), num("12")}}},
		{"bools and nulls", "a: [true, True, FALSE, yes, on, ~, null, Null]\n",
			map[string]any{"a": []any{true, true, false, "yes", "on", nil, nil, nil}}},
		{"empty value", "a:\n", map[string]any{"a": nil}},
		{"timestamps stay strings", "a: 2024-05-01\nb: 2001-12-14t21:59:43.10-05:00\n", map[string]any{"a": "2024-05-01", "b": "2001-12-14t21:59:43.10-05:00"}},
		{"binary and custom tags by kind", "a: !!binary aGk=\nb: !foo {x: 1}\nc: !bar [1]\nd: !baz 12\ne: !!str 12\nf: !!int abc\n",
			map[string]any{"a": "aGk=", "b": map[string]any{"x": num("1")}, "c": []any{num("1")}, "d": "12", "e": "12", "f": "abc"}},
		{"root sequence", "- 1\n- a\n", []any{num("1"), "a"}},
		{"root scalar", "hello\n", "hello"},
		{"empty collections", "a: []\nb: {}\n", map[string]any{"a": []any{}, "b": map[string]any{}}},
		{"aliases expanded", "a: &a {x: [1]}\nb: *a\n", map[string]any{"a": map[string]any{"x": []any{num("1")}}, "b": map[string]any{"x": []any{num("1")}}}},
		{"duplicate keeps first", "a: 1\na: 2\n", map[string]any{"a": num("1")}},
		{"non-string key kept as literal", "1: a\n~: b\n? [x, y]\n: c\n", map[string]any{"1": "a", "~": "b", "[x, y]": "c"}},
		{"merge: explicit keys win", "b: &b {x: 1, y: 2}\nc:\n  y: 3\n  <<: *b\n", map[string]any{"b": map[string]any{"x": num("1"), "y": num("2")},
			"c": map[string]any{"x": num("1"), "y": num("3")}}},
		{"merge: first of a list wins", "a: &a {x: 1}\nb: &b {x: 2, y: 2}\nc:\n  <<: [*a, *b]\n", map[string]any{"a": map[string]any{"x": num("1")},
			"b": map[string]any{"x": num("2"), "y": num("2")}, "c": map[string]any{"x": num("1"), "y": num("2")}}},
		{"merge: inline mapping and nested merge", "a: &a {x: 1}\nb: &b {<<: *a, y: 2}\nc: {<<: {<<: *b, z: 3}}\n",
			map[string]any{"a": map[string]any{"x": num("1")}, "b": map[string]any{"x": num("1"), "y": num("2")},
				"c": map[string]any{"x": num("1"), "y": num("2"), "z": num("3")}}},
		{"quoted << is a plain key", "'<<': 1\n", map[string]any{"<<": num("1")}},
		{"<< as a value is a string", "a: <<\n", map[string]any{"a": "<<"}},
		{"special float poisoned", "a: [1, .inf]\n", map[string]any{"a": []any{num("1"), nil}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, _ := Parse("f.yaml", []byte(tt.in), Limits{})
			if !d.Usable {
				t.Fatal("not usable")
			}
			if !reflect.DeepEqual(d.Value, tt.want) {
				t.Errorf("Value = %#v\nwant    %#v", d.Value, tt.want)
			}
			if err := checkTypes(d.Value, 0); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestPoisoned(t *testing.T) {
	d, _ := Parse("f.yaml", []byte("a: &x .nan\nb: [*x]\n\"c/d\": {e~: .inf}\n1: x\n"), Limits{})
	want := map[string]bool{"/a": true, "/b/0": true, "/c~1d/e~0": true, "/1": true}
	if !reflect.DeepEqual(d.Poisoned, want) {
		t.Errorf("Poisoned = %v, want %v", d.Poisoned, want)
	}
	d, _ = Parse("f.yaml", []byte("a: 1\n"), Limits{})
	if len(d.Poisoned) != 0 {
		t.Errorf("Poisoned = %v", d.Poisoned)
	}
}

func TestPos(t *testing.T) {
	src := `apiVersion: profiler/v1
attributes:
  - id: age
    values: ["18-25", "26-35"]
  - id: region
    title: Регион проживания
priority:
  capacity:
    value: 12000
defaults: &d
  scale: 5
  note: из якоря
satisfaction:
  <<: *d
  value: 3.1
copy: *d
`
	d, fs := Parse("f.yaml", []byte(src), Limits{})
	if len(fs) != 0 || !d.Usable {
		t.Fatal(fs)
	}
	tests := []struct {
		ptr               string
		line, col         int
		keyLine, keyCol   int
		nodeValue         string // Value of Node(ptr) for scalars, "" to skip
		nodeMissing       bool
		keyFallsBackToPos bool
	}{
		{ptr: "", line: 1, col: 1, keyLine: 1, keyCol: 1},
		{ptr: "/apiVersion", line: 1, col: 13, keyLine: 1, keyCol: 1, nodeValue: "profiler/v1"},
		{ptr: "/attributes/0/values/1", line: 4, col: 23, keyLine: 4, keyCol: 23, nodeValue: "26-35"},
		{ptr: "/attributes/1", line: 5, col: 5, keyLine: 5, keyCol: 5},
		{ptr: "/attributes/1/title", line: 6, col: 12, keyLine: 6, keyCol: 5, nodeValue: "Регион проживания"},
		{ptr: "/priority/capacity/value", line: 9, col: 12, keyLine: 9, keyCol: 5, nodeValue: "12000"},
		{ptr: "/priority/capacity", line: 9, col: 5, keyLine: 8, keyCol: 3},
		// missing paths fall back to the nearest existing ancestor
		{ptr: "/priority/satisfaction/value", line: 8, col: 3, keyLine: 8, keyCol: 3, nodeMissing: true},
		{ptr: "/attributes/7/id", line: 3, col: 3, keyLine: 3, keyCol: 3, nodeMissing: true},
		{ptr: "/attributes/01", line: 3, col: 3, keyLine: 3, keyCol: 3, nodeMissing: true},
		{ptr: "/apiVersion/x", line: 1, col: 13, keyLine: 1, keyCol: 13, nodeMissing: true},
		{ptr: "/nope", line: 1, col: 1, keyLine: 1, keyCol: 1, nodeMissing: true},
		// merge keys: explicit keys, then the merged ones (positions in the anchor)
		{ptr: "/satisfaction/value", line: 15, col: 10, keyLine: 15, keyCol: 3, nodeValue: "3.1"},
		{ptr: "/satisfaction/scale", line: 11, col: 10, keyLine: 11, keyCol: 3, nodeValue: "5"},
		// an alias: its own position; inside it, the anchor's nodes
		{ptr: "/copy", line: 16, col: 7, keyLine: 16, keyCol: 1},
		{ptr: "/copy/note", line: 12, col: 9, keyLine: 12, keyCol: 3, nodeValue: "из якоря"},
	}
	for _, tt := range tests {
		t.Run(tt.ptr, func(t *testing.T) {
			if l, c := d.Pos(tt.ptr); l != tt.line || c != tt.col {
				t.Errorf("Pos = %d:%d, want %d:%d", l, c, tt.line, tt.col)
			}
			if l, c := d.KeyPos(tt.ptr); l != tt.keyLine || c != tt.keyCol {
				t.Errorf("KeyPos = %d:%d, want %d:%d", l, c, tt.keyLine, tt.keyCol)
			}
			n := d.Node(tt.ptr)
			if (n == nil) != tt.nodeMissing {
				t.Fatalf("Node = %v, missing want %v", n, tt.nodeMissing)
			}
			if tt.nodeValue != "" && n.Value != tt.nodeValue {
				t.Errorf("Node.Value = %q, want %q", n.Value, tt.nodeValue)
			}
		})
	}
	if n := d.Node("/copy"); n == nil || n.Kind != yaml.MappingNode {
		t.Errorf("Node must follow aliases: %v", n)
	}
	var empty *Document
	if l, c := empty.Pos("/a"); l != 0 || c != 0 {
		t.Error("nil document")
	}
	bad, _ := Parse("f.yaml", []byte("a: : :"), Limits{})
	if bad.Node("") != nil || bad.Root != nil {
		t.Error("failed parse must have no root")
	}
	if l, c := bad.KeyPos("/a"); l != 0 || c != 0 {
		t.Error("failed parse positions")
	}
}

// Node and Value agree on duplicate keys (first wins) and non-string keys.
func TestNodeAgreesWithValue(t *testing.T) {
	d, _ := Parse("f.yaml", []byte("a: 1\na: 2\n1: x\n"), Limits{})
	if n := d.Node("/a"); n == nil || n.Value != "1" || n.Line != 1 {
		t.Errorf("Node(/a) = %v", n)
	}
	if n := d.Node("/1"); n == nil || n.Value != "x" {
		t.Errorf("Node(/1) = %v", n)
	}
}

// A lookup in a document with an alias cycle (reported by Parse) still ends.
func TestNodeOnCycle(t *testing.T) {
	d, _ := Parse("f.yaml", []byte("a: &a\n  b: 1\n  <<: *a\n"), Limits{})
	if d.Node("/a/zzz") != nil || d.Node("/a/b") == nil {
		t.Error("lookup through a merge cycle")
	}
}

func TestPointer(t *testing.T) {
	tests := []struct {
		segs []string
		ptr  string
	}{
		{nil, ""},
		{[]string{"a"}, "/a"},
		{[]string{"attributes", "0", "id"}, "/attributes/0/id"},
		{[]string{"a/b", "c~d", "~1"}, "/a~1b/c~0d/~01"},
		{[]string{""}, "/"},
		{[]string{"Регион", ""}, "/Регион/"},
	}
	for _, tt := range tests {
		if p := Pointer(tt.segs...); p != tt.ptr {
			t.Errorf("Pointer(%q) = %q, want %q", tt.segs, p, tt.ptr)
		}
		if s := Split(tt.ptr); !reflect.DeepEqual(s, tt.segs) {
			t.Errorf("Split(%q) = %q, want %q", tt.ptr, s, tt.segs)
		}
	}
}

func TestQuoteHint(t *testing.T) {
	d, _ := Parse("f.yaml", []byte(`a: 007
b: True
c: 1_000
d: 2024-05-01
e: ~
f: '007'
g: "True"
h: text
i:
j: 3.5
k: !!str 12
l: !!int 12
m: &m 0x1F
n: *m
o: |
  12
p: [1]
`), Limits{})
	tests := []struct {
		ptr string
		lit string
		ok  bool
	}{
		{"/a", "007", true}, {"/b", "True", true}, {"/c", "1_000", true}, {"/d", "2024-05-01", true},
		{"/e", "~", true}, {"/f", "", false}, {"/g", "", false}, {"/h", "", false}, {"/i", "", false},
		{"/j", "3.5", true}, {"/k", "", false}, {"/l", "", false}, {"/m", "0x1F", true}, {"/n", "0x1F", true},
		{"/o", "", false}, {"/p", "", false}, {"/missing", "", false},
	}
	for _, tt := range tests {
		lit, ok := QuoteHint(d.Node(tt.ptr))
		if lit != tt.lit || ok != tt.ok {
			t.Errorf("QuoteHint(%s) = %q, %v; want %q, %v", tt.ptr, lit, ok, tt.lit, tt.ok)
		}
	}
}

// Hostile inputs finish fast and in bounded memory. Both are bounded by counts that do not
// depend on the machine's load: the converter's work (steps) and the allocations of one
// call. The time itself is BenchmarkHostile's.
func TestHostileInputsAreFast(t *testing.T) {
	for _, h := range hostileInputs() {
		t.Run(h.name, func(t *testing.T) {
			if testing.Short() && len(h.in) > 256<<10 {
				t.Skip("a large input: runs without -short")
			}
			var d *Document
			var fs []finding.Finding
			allocs := testing.AllocsPerRun(1, func() { d, fs = Parse("f.yaml", []byte(h.in), Limits{}) })
			if h.name != "wide" && (d.Usable || len(fs) == 0) {
				t.Errorf("hostile input accepted: %v", fs)
			}
			// Each step of the walk is paid for by a byte of input: nothing was expanded.
			if d.steps > len(h.in) {
				t.Errorf("%d steps for %d bytes", d.steps, len(h.in))
			}
			if limit := 2*len(h.in) + 1000; allocs > float64(limit) {
				t.Errorf("%.0f allocations for %d bytes (limit %d)", allocs, len(h.in), limit)
			}
		})
	}
}

type hostileInput struct{ name, in string }

func hostileInputs() []hostileInput {
	laughs := "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	for i := 1; i < 30; i++ {
		laughs += fmt.Sprintf("a%d: &a%d [*a%s,*a%s,*a%s,*a%s,*a%s,*a%s,*a%s,*a%s,*a%s]\n", i, i,
			prev(i), prev(i), prev(i), prev(i), prev(i), prev(i), prev(i), prev(i), prev(i))
	}
	var chain strings.Builder // a long chain of nested aliases: deep only after expansion
	chain.WriteString("a0: &a0 [x]\n")
	for i := 1; i < 20000; i++ {
		fmt.Fprintf(&chain, "a%d: &a%d [*a%d]\n", i, i, i-1)
	}
	var indent strings.Builder
	for i := 0; i < 3000; i++ {
		indent.WriteString(strings.Repeat(" ", i) + "k:\n")
	}
	return []hostileInput{
		{"billion laughs", laughs},
		{"alias chain", chain.String()},
		{"flow brackets", strings.Repeat("[", 100_000)},
		{"flow mappings", strings.Repeat("{a: ", 100_000)},
		{"block sequences", strings.Repeat("- ", 100_000)},
		{"block mappings", indent.String()},
		{"self merge", "a: &a {<<: *a}\n"},
		{"wide", "a: [" + strings.Repeat("1, ", 200_000) + "1]\n"},
	}
}

// BenchmarkHostile is the time of each hostile input (go test -bench Hostile ./internal/load).
func BenchmarkHostile(b *testing.B) {
	for _, h := range hostileInputs() {
		b.Run(h.name, func(b *testing.B) {
			data := []byte(h.in)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				Parse("f.yaml", data, Limits{})
			}
		})
	}
}

func prev(i int) string {
	if i == 1 {
		return ""
	}
	return fmt.Sprint(i - 1)
}

// TestBillionLaughsIsMilliseconds: ten levels of ten aliases (10^10 nodes expanded) are
// refused after a walk over the source alone: a few hundred steps and allocations, where
// the expansion would take forever. The time is BenchmarkHostile's.
func TestBillionLaughsIsMilliseconds(t *testing.T) {
	in := "a: &a [x,x,x,x,x,x,x,x,x,x]\n"
	for i := 1; i < 10; i++ {
		in += fmt.Sprintf("a%d: &a%d [*a%s,*a%s,*a%s,*a%s,*a%s,*a%s,*a%s,*a%s,*a%s,*a%s]\n", i, i,
			prev(i), prev(i), prev(i), prev(i), prev(i), prev(i), prev(i), prev(i), prev(i), prev(i))
	}
	var d *Document
	allocs := testing.AllocsPerRun(10, func() { d, _ = Parse("f.yaml", []byte(in), Limits{}) })
	if d.Usable {
		t.Fatal("billion laughs accepted")
	}
	if d.steps > 300 || allocs > 1000 {
		t.Errorf("billion laughs: %d steps, %.0f allocations", d.steps, allocs)
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	ok := dir + "/ok.yaml"
	if err := os.WriteFile(ok, []byte("a: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	big := dir + "/big.yaml"
	if err := os.WriteFile(big, []byte(strings.Repeat("#", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(ok, dir+"/link.yaml"); err != nil {
		t.Fatal(err)
	}
	data, err := ReadFile(ok, Limits{})
	if err != nil || string(data) != "a: 1\n" {
		t.Fatalf("ReadFile = %q, %v", data, err)
	}
	if data, err := ReadFile(dir+"/link.yaml", Limits{}); err != nil || string(data) != "a: 1\n" {
		t.Fatalf("symlink: %q, %v", data, err)
	}
	if data, err := ReadFile(big, Limits{MaxBytes: 100}); err != nil || len(data) != 100 {
		t.Fatalf("exactly at the limit: %d, %v", len(data), err)
	}
	tests := []struct {
		path string
		lim  Limits
		rule string
	}{
		{dir + "/missing.yaml", Limits{}, "file-read"},
		{dir, Limits{}, "file-not-regular"},
		{big, Limits{MaxBytes: 99}, "file-too-large"},
	}
	if _, err := os.Stat("/dev/null"); err == nil {
		tests = append(tests, struct {
			path string
			lim  Limits
			rule string
		}{"/dev/null", Limits{}, "file-not-regular"})
	}
	if fifo := makeFIFO(t, dir); fifo != "" {
		tests = append(tests, struct {
			path string
			lim  Limits
			rule string
		}{fifo, Limits{}, "file-not-regular"})
	}
	for _, tt := range tests {
		done := make(chan error, 1)
		go func() {
			_, err := ReadFile(tt.path, tt.lim)
			done <- err
		}()
		select {
		case err := <-done:
			re, isRE := err.(*ReadError)
			if !isRE || re.Rule != tt.rule || re.Message.RU == "" || re.Message.EN == "" || re.Path != tt.path {
				t.Errorf("ReadFile(%s) = %#v, want rule %s", tt.path, err, tt.rule)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("ReadFile(%s) blocked", tt.path)
		}
	}
}

func TestLines(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"a\nb", []string{"a", "b"}},
		{"a\r\nb\r\n", []string{"a", "b", ""}},
		{"a\rb", []string{"a", "b"}},
		{"a\u0085b\u2028c\u2029d", []string{"a", "b", "c", "d"}},
		{"", []string{""}},
	} {
		var got []string
		for _, l := range Lines([]byte(tc.in)) {
			got = append(got, string(l))
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") || len(got) != len(tc.want) {
			t.Errorf("Lines(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// A finding's line indexes Lines: the error on the third line of a CRLF file.
	doc := "a: 1\r\nb: 2\r\nc: [x\r\n"
	_, fs := Parse("f.yaml", []byte(doc), DefaultLimits)
	if len(fs) != 1 || fs[0].Line < 1 || fs[0].Line > len(Lines([]byte(doc))) {
		t.Fatalf("findings %+v", fs)
	}
	if got := string(Lines([]byte(doc))[fs[0].Line-1]); got != "c: [x" {
		t.Errorf("line %d is %q, want the broken line", fs[0].Line, got)
	}
}

// TestHiddenBreaks: a line break that only YAML counts (lone CR, NEL, LS, PS) is an
// encoding error at the line and column an editor shows, before yaml.v3 sees the file.
func TestHiddenBreaks(t *testing.T) {
	for _, tc := range []struct {
		doc       string
		line, col int
		name      string
	}{
		{"a: 1\r\ntitle: \"a\r\r\rb\"\r\n", 2, 10, "CR (U+000D)"},
		{"a: 1\rb: 2\r", 1, 5, "CR (U+000D)"},
		{"title: Студент\u2028notes: injected #\n", 1, 15, "LS (U+2028)"},
		{"a: 1\nb: \"x\u2029\"\n", 2, 6, "PS (U+2029)"},
		{"a: 1\nb: 'ё\u0085'\n", 2, 6, "NEL (U+0085)"},
	} {
		_, fs := Parse("f.yaml", []byte(tc.doc), DefaultLimits)
		if len(fs) != 1 || fs[0].Rule != RuleEncoding || fs[0].Line != tc.line || fs[0].Column != tc.col ||
			!strings.Contains(fs[0].Message.EN, tc.name) {
			t.Errorf("Parse(%q) = %+v, want encoding at %d:%d naming %s", tc.doc, fs, tc.line, tc.col, tc.name)
		}
	}
	if i, r := HiddenBreak("a\r\nb"); i != -1 {
		t.Errorf("HiddenBreak(CRLF) = %d, %U", i, r)
	}
	if i, r := HiddenBreak("ab\u2028"); i != 2 || r != 0x2028 {
		t.Errorf("HiddenBreak(LS) = %d, %U", i, r)
	}
}
