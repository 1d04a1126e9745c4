package load

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/profiler-cx/profiler/internal/i18n"
	"gopkg.in/yaml.v3"
)

type textKind int

const (
	textOK textKind = iota
	textInvalidUTF8
	textNUL
	textControl
	textBreak // CR outside a CRLF pair, NEL, LS or PS: a line break for YAML, not for editors
)

// scanText finds the first byte yaml.v3 would refuse without telling where: invalid
// UTF-8, NUL, or a character outside YAML's printable set (the same set yaml.v3's reader
// accepts: TAB, LF, CR, 0x20–0x7E, NEL, 0xA0–0xD7FF, 0xE000–0xFFFD, 0x10000 and up).
// It also stops at a line break that editors and `git diff` do not show as one: a CR
// outside a CRLF pair, NEL, LS or PS. yaml.v3 starts a new line there, so a title holding
// one could hide a key from review and every position after it would be a line off.
// Before the first such character YAML's lines and an editor's agree, so posAt is exact.
func scanText(b []byte) (off int, kind textKind, r rune) {
	for i := 0; i < len(b); {
		c := b[i]
		if c >= 0x20 && c < 0x7F || c == '\n' || c == '\t' {
			i++
			continue
		}
		if c == '\r' {
			if i+1 < len(b) && b[i+1] == '\n' {
				i += 2
				continue
			}
			return i, textBreak, '\r'
		}
		if c == 0 {
			return i, textNUL, 0
		}
		if c < 0x80 {
			return i, textControl, rune(c)
		}
		// Two-byte characters from U+00C0 to U+07FF (Cyrillic among them): all allowed.
		if c >= 0xC3 && c <= 0xDF && i+1 < len(b) && b[i+1]&0xC0 == 0x80 {
			i += 2
			continue
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

func encodingMsg(kind textKind, r rune) i18n.Text {
	switch kind {
	case textInvalidUTF8:
		return i18n.Msg("файл не в кодировке UTF-8 (неверный байт здесь); сохраните его в UTF-8",
			"the file is not valid UTF-8 (bad byte here); save it as UTF-8")
	case textNUL:
		return i18n.Msg("в файле нулевой байт (NUL): похоже, это двоичный файл или файл в кодировке UTF-16/UTF-32; сохраните его как текст в UTF-8",
			"the file contains a NUL byte: it looks binary or UTF-16/UTF-32 encoded; save it as UTF-8 text")
	case textBreak:
		return i18n.Msg("символ %[1]s: YAML считает его переводом строки, а редакторы и git diff — нет (CR допустим только в паре CRLF); удалите его или замените обычным переводом строки",
			"character %[1]s: YAML reads it as a line break, editors and git diff do not (CR is allowed only in a CRLF pair); remove it or use an ordinary line break", BreakName(r))
	default:
		return i18n.Msg("недопустимый управляющий символ U+%04X; удалите его",
			"control character U+%04X is not allowed in YAML; remove it", r)
	}
}

// breakLen returns the length of the line break starting at b[i] (0 if none), using
// yaml.v3's notion of a break: LF, CR, CRLF, NEL, LS, PS.
func breakLen(b []byte, i int) int {
	switch b[i] {
	case '\n':
		return 1
	case '\r':
		if i+1 < len(b) && b[i+1] == '\n' {
			return 2
		}
		return 1
	case 0xC2:
		if i+1 < len(b) && b[i+1] == 0x85 {
			return 2
		}
	case 0xE2:
		if i+2 < len(b) && b[i+1] == 0x80 && (b[i+2] == 0xA8 || b[i+2] == 0xA9) {
			return 3
		}
	}
	return 0
}

// Lines splits b into lines the way yaml.v3 counts them (LF, CR, CRLF, NEL, LS, PS), so
// that line N of a finding is Lines(b)[N-1]. The breaks are not included.
func Lines(b []byte) [][]byte {
	var out [][]byte
	start := 0
	for i := 0; i < len(b); {
		if n := breakLen(b, i); n > 0 {
			out = append(out, b[start:i])
			i += n
			start = i
			continue
		}
		i++
	}
	return append(out, b[start:])
}

// posAt returns the 1-based line and column (in characters) of byte offset off.
func posAt(b []byte, off int) (line, col int) {
	line, col = 1, 1
	for i := 0; i < off && i < len(b); {
		if n := breakLen(b, i); n > 0 {
			line++
			col = 1
			i += n
			continue
		}
		_, size := utf8.DecodeRune(b[i:])
		i += size
		col++
	}
	return line, col
}

// lineIndent returns the column of the first non-blank character of the 1-based line
// (1 when the line is blank), and the number of lines if line is past the end.
func lineIndent(b []byte, line int) (int, int) {
	cur, i := 1, 0
	for cur < line && i < len(b) {
		if n := breakLen(b, i); n > 0 {
			cur++
			i += n
			continue
		}
		i++
	}
	if cur < line {
		line = cur
	}
	col := 1
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
		col++
	}
	if i >= len(b) || breakLen(b, i) > 0 {
		col = 1
	}
	return line, col
}

var (
	reLine   = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	reAnchor = regexp.MustCompile(`^unknown anchor '([^']*)' referenced$`)
)

// Problems reported by libyaml's parser (as opposed to its scanner). yaml.v3 prints their
// 0-based line without adding one, so the line it names is one less than the real one.
var parserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// yamlError turns a yaml.v3 error into a finding. yaml.v3 only tells the line; the
// column is that of the line's first non-blank character, where editors land anyway.
func (p *parser) yamlError(err error) {
	msg := err.Error()
	line, detail := 1, strings.TrimPrefix(msg, "yaml: ")
	if m := reLine.FindStringSubmatch(msg); m != nil {
		n, convErr := strconv.Atoi(m[1])
		if convErr == nil && n > 0 {
			line = n
		}
		detail = m[2]
		if parserProblems[detail] {
			line = p.problemLine(line+1, detail)
		}
	}
	if m := reAnchor.FindStringSubmatch(detail); m != nil {
		l, c := findAlias(p.data, m[1])
		p.add(l, c, RuleSyntax, i18n.Msg(
			"синтаксическая ошибка YAML: %[1]s; ссылка *%[2]s указывает на якорь &%[2]s, который не объявлен выше по файлу",
			"YAML syntax error: %[1]s; the alias *%[2]s refers to an anchor &%[2]s that is not defined earlier in the file",
			detail, m[1]))
		return
	}
	if p.slipHint(line, detail) {
		return
	}
	line, col := lineIndent(p.data, line)
	if strings.HasPrefix(detail, "exceeded max depth") {
		p.add(line, col, RuleLimit, i18n.Msg(
			"слишком глубокая вложенность (%s); упростите структуру или разделите файл",
			"nesting is too deep (%s); flatten the structure or split the file", detail))
		return
	}
	ru, en := syntaxHint(detail)
	p.add(line, col, RuleSyntax, i18n.Msg(
		"синтаксическая ошибка YAML: %[2]s (yaml: %[1]s)", "YAML syntax error: %[3]s (yaml: %[1]s)", detail, ru, en))
}

// slipHint reports the two commonest slips precisely (see syntaxhint.go): a missing space
// after a colon, and a misindented key. false when neither explains the problem.
func (p *parser) slipHint(line int, detail string) bool {
	lines := splitLines(p.data)
	switch detail {
	case "could not find expected ':'", "mapping values are not allowed in this context", "did not find expected key":
		above := 0 // only the scanner's "expected ':'" comes after a plain scalar ran on
		if detail == "could not find expected ':'" {
			above = 3
		}
		if l, c, key, value, ok := colonHint(lines, line, above); ok {
			p.add(l, c, RuleSyntax, i18n.Msg(
				"синтаксическая ошибка YAML: после двоеточия нужен пробел: %[2]s: %[3]s (yaml: %[1]s)",
				"YAML syntax error: a colon needs a space after it: %[2]s: %[3]s (yaml: %[1]s)", detail, key, value))
			return true
		}
	}
	switch detail {
	case "mapping values are not allowed in this context", "did not find expected key":
		if h, ok := indentHint(lines, line); ok {
			l, c := lineIndent(p.data, line)
			p.add(l, c, RuleSyntax, i18n.Join("", i18n.Msg("синтаксическая ошибка YAML: неверный отступ: ", "YAML syntax error: wrong indentation: "),
				h, i18n.Msg(" (yaml: %s)", " (yaml: %s)", detail)))
			return true
		}
	}
	return false
}

// problemLine finds the line a parser problem really is on. yaml.v3 reports where the
// enclosing block starts (a misaligned key deep in a profile is blamed on line 2), so the
// first line whose prefix of the file already fails with the same problem is searched by
// bisection: a few extra parses, and only for a broken file. A prefix cut inside a flow
// collection or a quoted string fails with a different problem and counts as passing.
func (p *parser) problemLine(from int, detail string) int {
	starts := []int{0} // byte offset of each line, with yaml.v3's line breaks
	for i := 0; i < len(p.data); {
		if n := breakLen(p.data, i); n > 0 {
			i += n
			starts = append(starts, i)
			continue
		}
		i++
	}
	lines := len(starts)
	failsAt := func(n int) bool { // does the prefix made of the first n lines fail with detail?
		end := len(p.data)
		if n < lines {
			end = starts[n]
		}
		var node yaml.Node
		err := yaml.Unmarshal(p.data[:end], &node)
		if err == nil {
			return false
		}
		m := reLine.FindStringSubmatch(err.Error())
		return m != nil && m[2] == detail
	}
	lo, hi := max(from, 1), lines
	if lo > hi || !failsAt(hi) {
		return min(from, lines)
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if failsAt(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// syntaxHint explains yaml.v3's most common messages in both languages.
func syntaxHint(detail string) (ru, en string) {
	for _, h := range syntaxHints {
		if strings.Contains(detail, h.match) {
			return h.ru, h.en
		}
	}
	return "проверьте отступы, двоеточия и кавычки", "check indentation, colons and quotes"
}

var syntaxHints = []struct{ match, ru, en string }{
	{"mapping values are not allowed",
		"двоеточие внутри значения или неверный отступ; если значение содержит «: », возьмите его в кавычки",
		"a colon inside a value or wrong indentation; quote values that contain \": \""},
	{"did not find expected key",
		"неверный отступ: строка не выровнена по соседним ключам",
		"wrong indentation: the line does not line up with its sibling keys"},
	{"did not find expected '-' indicator",
		"неверный отступ в списке: элементы списка («- ») должны стоять на одном уровне",
		"wrong indentation in a list: items (\"- \") must line up"},
	{"could not find expected ':'",
		"после ключа нет двоеточия (или многострочный текст без кавычек)",
		"a key without a colon (or unquoted multi-line text)"},
	{"tab character",
		"табуляция в отступе: используйте пробелы",
		"a tab in the indentation: use spaces"},
	{"found character that cannot start any token",
		"с этого символа не может начинаться значение: табуляция в отступе (используйте пробелы) или @, ` в начале значения (возьмите его в кавычки)",
		"a value cannot start with this character: a tab in the indentation (use spaces) or @ or ` at the start of a value (quote it)"},
	{"found unexpected end of stream",
		"файл закончился внутри строки: не закрыта кавычка",
		"the file ends inside a string: a quote is not closed"},
	{"did not find expected ',' or ']'",
		"не закрыта квадратная скобка «[» или пропущена запятая",
		"a \"[\" is not closed or a comma is missing"},
	{"did not find expected ',' or '}'",
		"не закрыта фигурная скобка «{» или пропущена запятая",
		"a \"{\" is not closed or a comma is missing"},
	{"unknown escape character",
		"неизвестная escape-последовательность в строке в двойных кавычках: удвойте обратную косую черту (\\\\) или используйте одинарные кавычки",
		"unknown escape sequence in a double-quoted string: double the backslash (\\\\) or use single quotes"},
	{"did not find expected node content",
		"здесь ожидалось значение",
		"a value was expected here"},
	{"undefined tag handle",
		"неизвестный тег (!…); если «!» — часть текста, возьмите значение в кавычки",
		"unknown tag (!…); if \"!\" is part of the text, quote the value"},
	{"did not find expected <document start>",
		"лишнее содержимое после конца документа («...»)",
		"content after the end of the document (\"...\")"},
	{"block sequence entries are not allowed",
		"элемент списка («- ») в неожиданном месте: проверьте отступ",
		"a list item (\"- \") where none is allowed: check the indentation"},
	{"alphabetic or numeric character",
		"неверное имя якоря или ссылки (& или *): используйте латинские буквы и цифры или возьмите значение в кавычки",
		"a bad anchor or alias name (& or *): use latin letters and digits, or quote the value"},
}

func isAnchorChar(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '-'
}

// findAlias locates the first "*name" that is a whole alias token; (1, 1) if none.
func findAlias(b []byte, name string) (int, int) {
	tok := "*" + name
	for i := 0; i+len(tok) <= len(b); i++ {
		if b[i] != '*' || string(b[i:i+len(tok)]) != tok {
			continue
		}
		if i > 0 && (isAnchorChar(b[i-1]) || b[i-1] == '*') {
			continue
		}
		if j := i + len(tok); j < len(b) && isAnchorChar(b[j]) {
			continue
		}
		return posAt(b, i)
	}
	return 1, 1
}

// keyForMsg shows a key in a message: quoted, shortened if long.
func keyForMsg(s string) string {
	if utf8.RuneCountInString(s) > 60 {
		r := []rune(s)
		s = string(r[:57]) + "…"
	}
	return fmt.Sprintf("%q", s)
}

// BreakName names a line-break character that only YAML counts (see scanText).
func BreakName(r rune) string {
	switch r {
	case '\r':
		return "CR (U+000D)"
	case 0x85:
		return "NEL (U+0085)"
	case 0x2028:
		return "LS (U+2028)"
	case 0x2029:
		return "PS (U+2029)"
	}
	return fmt.Sprintf("U+%04X", r)
}

// HiddenBreak returns the first line break in s that only YAML counts (a CR outside a
// CRLF pair, NEL, LS, PS) and its byte offset, or -1.
func HiddenBreak(s string) (int, rune) {
	for i, r := range s {
		switch r {
		case 0x85, 0x2028, 0x2029:
			return i, r
		case '\r':
			if i+1 >= len(s) || s[i+1] != '\n' {
				return i, r
			}
		}
	}
	return -1, 0
}
