package render

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/profiler-cx/profiler/internal/i18n"
)

// blockStartRE is the specification blockStart is written from.
var blockStartRE = regexp.MustCompile(`^(#{1,6}|[-+=]|\d{1,9}[.)])(\s|$)|^([-=])[-=]`)

// blockStartOracle is Inline's former regexp-based answer: where the backslash goes.
func blockStartOracle(s string) (int, bool) {
	m := blockStartRE.FindStringSubmatchIndex(s)
	if m == nil {
		return 0, false
	}
	if s[0] >= '0' && s[0] <= '9' {
		return m[3] - 1, true
	}
	return 0, true
}

var escapeCases = []string{
	"", "#", "# x", "## x", "###### x", "####### x", "#x", "#\tx", "#\nx",
	"-", "- x", "-5", "--", "---", "-=", "=", "==", "= x", "=x", "+", "+ x", "+5",
	"1", "1.", "1. x", "1.x", "1)", "1) x", "123456789. x", "1234567890. x", "2.8", "12.",
	"x # y", " # x", "\u00a0# x", "#\u00a0x", "a", "абв", "-\r", "#\f", "1.\v",
	"  a  b ", "a\u2003b", "a\u0085b", "a\u3000b", "a\u1680b", "a\tb", "a\n\nb", "a b",
	"\u00e9 \u00e9", "\u2014 x", "тире — и ещё", " ", "a ", " a",
}

func TestBlockStartMatchesRegexp(t *testing.T) {
	for _, s := range escapeCases {
		at, ok := blockStart(s)
		wat, wok := blockStartOracle(s)
		if ok != wok || (ok && at != wat) {
			t.Errorf("blockStart(%q) = %d, %v; the regexp says %d, %v", s, at, ok, wat, wok)
		}
	}
}

func TestOneLineMatchesFields(t *testing.T) {
	for _, s := range escapeCases {
		if got, want := oneLine(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", s, got, want)
		}
	}
}

var blankLineRE = regexp.MustCompile(`\n[ \t]*\n`)

// inlineOracle is Inline without its fast path.
func inlineOracle(s string) string {
	s = inlineEscaper.Replace(strings.Join(strings.Fields(s), " "))
	if at, ok := blockStartOracle(s); ok {
		s = s[:at] + `\` + s[at:]
	}
	return s
}

func checkEscapes(t *testing.T, s string) {
	t.Helper()
	at, ok := blockStart(s)
	if wat, wok := blockStartOracle(s); ok != wok || (ok && at != wat) {
		t.Fatalf("blockStart(%q) = %d, %v; the regexp says %d, %v", s, at, ok, wat, wok)
	}
	if got, want := oneLine(s), strings.Join(strings.Fields(s), " "); got != want {
		t.Fatalf("oneLine(%q) = %q, want %q", s, got, want)
	}
	if got, want := Inline(s), inlineOracle(s); got != want {
		t.Fatalf("Inline(%q) = %q, want %q", s, got, want)
	}
	if got, want := splitBlankLines(s), blankLineRE.Split(s, -1); !slices.Equal(got, want) {
		t.Fatalf("splitBlankLines(%q) = %q, the regexp says %q", s, got, want)
	}
}

func TestEscapedTable(t *testing.T) {
	for c := range 256 {
		s := string([]byte{byte(c)})
		if got, want := escaped[c], inlineEscaper.Replace(s) != s; got != want {
			t.Errorf("escaped[%#x] = %v, inlineEscaper changes it: %v", c, got, want)
		}
	}
}

func TestEscapeCases(t *testing.T) {
	for _, s := range append(escapeCases, "a\n\nb", "a\n \t\nb\n\n\nc", "\n\n\n", "x\n y", "a*b", "<b>", "1. x", "# $x") {
		checkEscapes(t, s)
	}
}

// FuzzEscapeFastPaths holds the hand-written escaping helpers to their plain definitions.
func FuzzEscapeFastPaths(f *testing.F) {
	for _, s := range escapeCases {
		f.Add(s)
	}
	for _, s := range hostiles {
		f.Add(s)
	}
	f.Fuzz(checkEscapes)
}

// tidyOracle is the page finishing tidy replaced: split, trim, drop, join.
func tidyOracle(src string) string {
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	var out []string
	inFence := false
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if strings.HasPrefix(l, "```") {
			inFence = !inFence
		}
		if l == "" && !inFence && (len(out) == 0 || out[len(out)-1] == "") {
			continue
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return MarkerLine(i18n.RU) + "\n\n" + strings.Join(out, "\n") + "\n"
}

var tidyCases = []string{
	"", "\n", "\n\n\n", "# T\n\n\n\ntext  \n\t\n", "a\r\nb\r\n\r\n\r\nc", "a\r\r\nb\r",
	"```\n\n\ncode\n\n```\n\n\nx", "```\n\n", "x\n```\n\n\n", " \n \na", "a\n\n",
}

func TestTidyMatchesOracle(t *testing.T) {
	for _, s := range tidyCases {
		if got, want := string(tidy([]byte(s), MarkerLine(i18n.RU))), tidyOracle(s); got != want {
			t.Errorf("tidy(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzTidy(f *testing.F) {
	for _, s := range tidyCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(tidy([]byte(s), MarkerLine(i18n.RU))), tidyOracle(s); got != want {
			t.Fatalf("tidy(%q) = %q, want %q", s, got, want)
		}
	})
}
