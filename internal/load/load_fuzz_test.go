package load

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkTypes reports a value of a type the schema validator must never see.
func checkTypes(v any, depth int) error {
	if depth > DefaultLimits.MaxDepth+1 {
		return fmt.Errorf("value nested deeper than the limit")
	}
	switch v := v.(type) {
	case nil, bool, string:
		return nil
	case json.Number:
		if _, err := v.Float64(); err != nil && !strings.Contains(err.Error(), "range") {
			return fmt.Errorf("bad number %q: %v", v, err)
		}
		if !json.Valid([]byte(v)) {
			return fmt.Errorf("number %q is not JSON", v)
		}
		return nil
	case []any:
		for _, e := range v {
			if err := checkTypes(e, depth+1); err != nil {
				return err
			}
		}
		return nil
	case map[string]any:
		for _, e := range v {
			if err := checkTypes(e, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("value of type %T", v)
}

var fuzzSeeds = []string{
	"apiVersion: profiler/v1\nkind: LifeSituation\nid: postuplenie-v-vuz\ntitle: Поступление в вуз\nstatuses: [citizen]\n" +
		"attributes:\n  - id: age\n    title: Возраст\n    statuses: [citizen]\n    type: range\n    values: [\"18-25\", \"51+\"]\n",
	"apiVersion: profiler/v1\nkind: Profile\nid: p\nstage: segment\nattributes: {age: 20, region: [a, b]}\n" +
		"priority:\n  capacity: {value: 12000}\n  satisfaction: {value: .inf, scale: 5}\nhistory:\n  - date: 2026-03-01\n    change: x\n",
	"d: &d {scale: 5}\np:\n  <<: *d\n  value: 007\n  1: x\n  value: 2\n",
	"a: &a [x, *a]\n---\nb: 1\n",
	"\ufeffa: 1\r\nb: [0x1F, 0o17, 1_000, !!int 99999999999999999999999, !!float 1e999, True, ~]\r\n",
	// Line breaks only YAML counts (issue 18, items 1–2): the mutator seldom builds the
	// three-byte LS/PS, and no seed held one.
	"title: \"a\r\r\rb\"\nstage: segment\n", "title: Студент\u2028notes: injected #\nstage: segment\n",
	"a: 1\rb: 2\r", "a: 'x\u0085y'\nb: \"\u2029\"\n",
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	if data, err := os.ReadFile("testdata/profile.yaml"); err == nil {
		f.Add(data)
	}
	// examples/ is written by someone else: use it when present, never depend on it.
	_ = filepath.WalkDir("../../examples", func(path string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() && (strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".yml")) {
			if data, err := os.ReadFile(path); err == nil {
				f.Add(data)
			}
		}
		return nil
	})
	f.Fuzz(func(t *testing.T, data []byte) {
		d, fs := Parse("f.yaml", data, Limits{})
		// The walk is linear in the input plus what the node limit lets aliases expand
		// (each produced node costs at most two steps: its alias and itself).
		if limit := 3*len(data) + 2*(DefaultLimits.MaxNodes+1); d.steps > limit {
			t.Errorf("Parse took %d steps for %d bytes (limit %d)", d.steps, len(data), limit)
		}
		if err := checkTypes(d.Value, 0); err != nil {
			t.Fatal(err)
		}
		if !d.Usable && d.Value != nil {
			t.Fatal("unusable document with a value")
		}
		// Editors and YAML must agree on lines: a document holding a break only YAML
		// counts is never accepted (positions after it would be off, keys could hide).
		if i, r := HiddenBreak(string(data)); i >= 0 && d.Usable {
			t.Fatalf("a document with %s at byte %d was accepted", BreakName(r), i)
		}
		for _, fd := range fs {
			if fd.Rule == RuleInternal {
				t.Fatalf("internal error: %v", fd.Message.EN)
			}
			if fd.Line < 0 || fd.Column < 0 || fd.Message.RU == "" || fd.Message.EN == "" {
				t.Fatalf("bad finding %+v", fd)
			}
		}
		// Position lookups never panic, on any pointer the value has.
		walkPointers(d.Value, nil, func(segs []string) {
			p := Pointer(segs...)
			d.Pos(p)
			d.KeyPos(p)
			if d.Node(p) == nil && d.Usable {
				t.Fatalf("Node(%q) is nil but the value has it", p)
			}
		})
		d.Pos("/a/0/b")
		QuoteHint(d.Node(""))
	})
}

func walkPointers(v any, segs []string, fn func([]string)) {
	fn(segs)
	if len(segs) > 20 {
		return
	}
	switch v := v.(type) {
	case []any:
		for i, e := range v {
			walkPointers(e, append(segs[:len(segs):len(segs)], fmt.Sprint(i)), fn)
		}
	case map[string]any:
		for k, e := range v {
			walkPointers(e, append(segs[:len(segs):len(segs)], k), fn)
		}
	}
}

// scanTextPlain is scanText without its fast path for two-byte characters.
func scanTextPlain(b []byte) (off int, kind textKind, r rune) {
	for i := 0; i < len(b); {
		c := b[i]
		if c >= 0x20 && c < 0x7F || c == '\n' || c == '\t' || c == '\r' && i+1 < len(b) && b[i+1] == '\n' {
			i++
			continue
		}
		if c == 0 {
			return i, textNUL, 0
		}
		if c == '\r' {
			return i, textBreak, '\r'
		}
		if c < 0x80 {
			return i, textControl, rune(c)
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i, textInvalidUTF8, 0
		}
		if r == 0x85 || r == 0x2028 || r == 0x2029 {
			return i, textBreak, r
		}
		if !(r >= 0xA0 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000) {
			return i, textControl, r
		}
		i += size
	}
	return 0, textOK, 0
}

// FuzzScanText holds scanText's fast path to the plain character-by-character scan.
func FuzzScanText(f *testing.F) {
	for _, s := range []string{"", "абв", "\xd0", "\xd0\x20", "\xc2\x85", "\xc2\x80", "\xc3\xa9", "\xdf\xbf", "a\x00b", "\xed\xa0\x80", "\xef\xbf\xbe", "日本",
		"a\r\r\rb", "a\r\nb\r", "\r\n\r", "a\u2028b", "a\u2029b", "\u2028\u2029\u0085"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		o1, k1, r1 := scanText(b)
		o2, k2, r2 := scanTextPlain(b)
		if o1 != o2 || k1 != k2 || r1 != r2 {
			t.Fatalf("scanText(%q) = %d, %v, %U; plain scan %d, %v, %U", b, o1, k1, r1, o2, k2, r2)
		}
	})
}
