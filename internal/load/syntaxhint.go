package load

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/profiler-cx/profiler/internal/i18n"
)

// Precise hints for two YAML slips every new user makes, found in the text around the
// line yaml.v3 names: `key:value` without a space after the colon (YAML reads it as one
// plain word, then misses a colon) and a key indented unlike its neighbours.

// noSpaceKey is `key:value` at the start of a line (in a list item too): an identifier,
// a colon, and a character that is neither a space nor a slash (http://… is a value).
var noSpaceKey = regexp.MustCompile(`^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_-]*):([^\s/])`)

// keyLine is a block mapping key at the start of a line.
var keyLine = regexp.MustCompile(`^(\s*)([^\s#:-][^:#]*?):(?:\s|$)`)

// splitLines splits the file at YAML's line breaks (as yaml.v3 counts lines).
func splitLines(b []byte) []string {
	var out []string
	start := 0
	for i := 0; i < len(b); {
		if n := breakLen(b, i); n > 0 {
			out = append(out, string(b[start:i]))
			i += n
			start = i
			continue
		}
		i++
	}
	return append(out, string(b[start:]))
}

// colonHint finds `key:value` on the line yaml.v3 names or on the lines just above it
// (a plain scalar may run on before the parser gives up). It returns the line and the
// column after the colon.
func colonHint(lines []string, line, above int) (l, col int, key, value string, ok bool) {
	for n := line; n >= 1 && n >= line-above && n <= len(lines); n-- {
		if m := noSpaceKey.FindStringSubmatchIndex(lines[n-1]); m != nil {
			s := lines[n-1]
			key = s[m[4]:m[5]]
			value = strings.TrimSpace(s[m[5]+1:])
			col = len([]rune(s[:m[5]+1])) + 1
			return n, col, key, value, true
		}
	}
	return 0, 0, "", "", false
}

// indentHint explains a key whose indentation does not match the key above it: deeper
// than a key that already has a value, or between two levels.
func indentHint(lines []string, line int) (i18n.Text, bool) {
	if line < 2 || line > len(lines) {
		return i18n.Text{}, false
	}
	m := keyLine.FindStringSubmatch(lines[line-1])
	if m == nil {
		return i18n.Text{}, false
	}
	ind, key := len(m[1]), strings.TrimSpace(m[2])
	// The nearest key line above, and the indents of the keys in the blocks above.
	levels := map[int]bool{}
	prevLine, prevInd, prevKey, prevHasValue := 0, -1, "", false
	for n := line - 1; n >= 1; n-- {
		s := lines[n-1]
		if t := strings.TrimSpace(s); t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		pm := keyLine.FindStringSubmatch(s)
		if pm == nil {
			continue
		}
		pi := len(pm[1])
		if prevLine == 0 {
			prevLine, prevInd, prevKey = n, pi, strings.TrimSpace(pm[2])
			rest := strings.TrimSpace(s[len(pm[0]):])
			prevHasValue = rest != "" && !strings.HasPrefix(rest, "#") && !strings.HasPrefix(rest, "&")
		}
		if pi <= prevInd || len(levels) == 0 {
			levels[pi] = true
		}
		if pi == 0 {
			break
		}
	}
	if prevLine == 0 || levels[ind] {
		return i18n.Text{}, false
	}
	if ind > prevInd && prevHasValue {
		return i18n.Msg(
			"ключ %[1]q сдвинут правее ключа %[2]q из строки %[3]d, у которого уже есть значение: выровняйте строку %[4]d по нему (отступ %[5]d) — или, если это продолжение значения, возьмите значение в кавычки",
			"key %[1]q is indented deeper than key %[2]q on line %[3]d, which already has a value: line %[4]d up with it (indent %[5]d) — or, if this continues the value, quote the value",
			key, prevKey, prevLine, line, prevInd), true
	}
	var want []string
	for _, l := range sortedInts(levels) {
		want = append(want, fmt.Sprint(l))
	}
	return i18n.Msg(
		"отступ ключа %[1]q в строке %[2]d — %[3]d, а у ключей выше — %[4]s: выровняйте строку %[2]d по соседним ключам",
		"key %[1]q on line %[2]d is indented by %[3]d, the keys above by %[4]s: line %[2]d up with its sibling keys",
		key, line, ind, strings.Join(want, ", ")), true
}

func sortedInts(m map[int]bool) []int {
	var out []int
	for k := range m {
		out = append(out, k)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
