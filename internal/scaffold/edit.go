package scaffold

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/model"
	"gopkg.in/yaml.v3"
)

// Entry is the history entry [Promote] appends.
type Entry struct {
	Date   string // YYYY-MM-DD
	Change string
	Basis  string // optional
	Stage  model.Stage
}

// ErrCannotEdit is returned when the file's layout is one [Promote] does not edit in place
// (a flow-style document or history, an alias for stage...). The message says what to do.
var ErrCannotEdit = errors.New("cannot edit the file in place")

// EditError says why, in both languages (a Russian message must not quote English).
type EditError struct{ What i18n.Text }

func (e *EditError) Error() string { return ErrCannotEdit.Error() + ": " + e.What.EN }
func (e *EditError) Unwrap() error { return ErrCannotEdit }

func cannot(ru, en string, args ...any) error { return &EditError{i18n.Msg(ru, en, args...)} }

// Promote sets the top-level `stage` to e.Stage and appends e to `history` (creating the
// key at the end of the file when it is absent). Only the stage's value and the new lines
// change; everything else — comments, key order, quoting, line endings — stays as it was.
func Promote(src []byte, e Entry) ([]byte, error) {
	// YAML counts a CR outside CRLF, NEL, LS and PS as line breaks; the text edit below
	// counts lines by LF as editors do. The encoding rule refuses such files; refusing
	// them here too keeps the two counts equal (a mismatch indexed past the lines).
	if i, r := load.HiddenBreak(string(src)); i >= 0 {
		return nil, cannot("в файле символ %s — перевод строки для YAML, но не для редактора; удалите его", "the file holds %s, a line break for YAML but not for editors; remove it", load.BreakName(r))
	}
	nl := "\n"
	if bytes.Contains(src, []byte("\r\n")) {
		nl = "\r\n"
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, cannot("файл не читается как YAML: %v", "the file is not valid YAML: %v", err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, cannot("документ — не словарь «ключ: значение»", "the document is not a mapping")
	}
	root := doc.Content[0]
	if root.Style&yaml.FlowStyle != 0 {
		return nil, cannot("документ записан в строку {…}", "the document is written in flow style {…}")
	}
	lines := strings.Split(string(src), "\n")
	bom := 0
	if strings.HasPrefix(lines[0], "\ufeff") {
		bom = 1
	}
	off := func(line, col int) int { // 1-based character column → byte offset in lines[line-1]
		if line == 1 {
			col += bom
		}
		s := lines[line-1]
		i := 0
		for n := 1; n < col && i < len(s); n++ {
			_, w := utf8.DecodeRuneInString(s[i:])
			i += w
		}
		return i
	}

	var stageV, histK, histV *yaml.Node
	histIdx := -1
	for i := 0; i+1 < len(root.Content); i += 2 {
		switch root.Content[i].Value {
		case "stage":
			stageV = root.Content[i+1]
		case "history":
			histK, histV, histIdx = root.Content[i], root.Content[i+1], i
		}
	}
	if stageV == nil {
		return nil, cannot("в профиле нет stage", "the profile has no stage")
	}
	if stageV.Kind != yaml.ScalarNode || stageV.Line < 1 || stageV.Line > len(lines) {
		return nil, cannot("stage — не простое значение", "stage is not a plain value")
	}

	// 1. stage: replace the value's token on its line.
	{
		s := lines[stageV.Line-1]
		a := off(stageV.Line, stageV.Column)
		b := a + tokenLen(s[a:])
		if b == a {
			return nil, cannot("у stage нет значения в его строке", "stage has no value on its line")
		}
		lines[stageV.Line-1] = s[:a] + string(e.Stage) + s[b:]
	}

	// 2. history: append an entry.
	var insertAt int // index in lines before which the new lines go
	var entry []string
	switch {
	case histK == nil:
		dash, key := seqIndent(root, lines)
		entry = append([]string{"history:"}, blockEntry(e, dash, key)...)
		if lines[len(lines)-1] == "" { // the file ends with a newline: insert before the empty tail
			insertAt = len(lines) - 1
		} else {
			lines[len(lines)-1] += strings.TrimSuffix(nl, "\n")
			lines = append(lines, "")
			insertAt = len(lines) - 1
		}
	case histV.Kind == yaml.SequenceNode && histV.Style&yaml.FlowStyle == 0 && len(histV.Content) > 0:
		last := histV.Content[len(histV.Content)-1]
		first := histV.Content[0]
		keyCol := first.Column
		dashCol := keyCol - 2
		if first.Line >= 1 && first.Line <= len(lines) {
			s := lines[first.Line-1]
			if i := strings.LastIndexByte(s[:off(first.Line, first.Column)], '-'); i >= 0 {
				dashCol = utf8.RuneCountInString(s[:i]) + 1
			}
		}
		if first.Kind == yaml.ScalarNode || dashCol < 1 {
			dashCol = first.Column - 2
			keyCol = first.Column
		}
		if dashCol < 1 {
			return nil, cannot("не удается определить отступ history", "cannot tell the indentation of history")
		}
		end := len(lines) // index of the first line after the history block
		if histIdx+2 < len(root.Content) {
			end = root.Content[histIdx+2].Line - 1
		}
		if keepBlock(last) {
			// A keep-chomped block (`change: |+`) owns the blank lines after it: the new
			// entry goes after them, before the first comment left of the dash.
			for j := last.Line; j < end; j++ {
				if t := strings.TrimLeft(lines[j], " \t"); strings.HasPrefix(t, "#") && len(lines[j])-len(t) <= dashCol-1 {
					end = j
					break
				}
			}
		} else {
			// Blank lines and comments at or left of the dash belong to what follows.
			for end-1 >= last.Line && isTail(lines[end-1], dashCol) {
				end--
			}
		}
		if last.Style&yaml.FlowStyle != 0 && last.Kind == yaml.MappingNode {
			entry = []string{strings.Repeat(" ", dashCol-1) + "- " + flowEntry(e)}
		} else {
			entry = blockEntry(e, dashCol-1, keyCol-1)
		}
		insertAt = end
	case isEmptyValue(histV):
		s := lines[histK.Line-1]
		a := off(histK.Line, histK.Column)
		colon := strings.IndexByte(s[a:], ':')
		if colon < 0 {
			return nil, cannot("history: нет двоеточия после ключа", "history: no colon after the key")
		}
		head, rest := s[:a+colon+1], s[a+colon+1:]
		value, comment := rest, ""
		if i := strings.Index(rest, "#"); i >= 0 {
			value, comment = rest[:i], rest[i:]
		}
		tok := strings.TrimSpace(value)
		switch tok {
		case "": // nothing to remove: the key line stays as it is
		case "~", "null", "Null", "NULL", "[]":
			value = strings.Replace(value, tok, "", 1)
			if comment == "" {
				value = strings.TrimRight(value, " \t\r") + strings.TrimSuffix(nl, "\n")
			}
			lines[histK.Line-1] = head + value + comment
		default:
			return nil, cannot("history — не список", "history is not a list")
		}
		base := histK.Column - 1
		entry = blockEntry(e, base+2, base+4)
		insertAt = histK.Line
	default:
		return nil, cannot("history записан в строку [ … ] или не список: перепишите его блочным списком (по записи «- date: …» на строку)", "history is written in flow style [ … ] or is not a list: rewrite it as a block list (one «- date: …» per line)")
	}
	cr := strings.TrimSuffix(nl, "\n")
	for i := range entry {
		entry[i] += cr
	}
	out := make([]string, 0, len(lines)+len(entry))
	out = append(out, lines[:insertAt]...)
	out = append(out, entry...)
	out = append(out, lines[insertAt:]...)
	res := []byte(strings.Join(out, "\n"))
	if err := verify(src, res, e); err != nil {
		return nil, err
	}
	return res, nil
}

// tokenLen returns the length of the scalar token at the start of s: a quoted string up
// to its closing quote, or a plain value up to a comment or the end of the line.
func tokenLen(s string) int {
	if s == "" {
		return 0
	}
	switch s[0] {
	case '"':
		for i := 1; i < len(s); i++ {
			switch s[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
		return 0
	case '\'':
		for i := 1; i < len(s); i++ {
			if s[i] == '\'' {
				if i+1 < len(s) && s[i+1] == '\'' {
					i++
					continue
				}
				return i + 1
			}
		}
		return 0
	}
	end := len(s)
	if i := strings.Index(s, " #"); i >= 0 {
		end = i
	}
	if i := strings.Index(s, "\t#"); i >= 0 && i < end {
		end = i
	}
	return len(strings.TrimRight(s[:end], " \t\r"))
}

func isEmptyValue(n *yaml.Node) bool {
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Tag == "!!null"
	case yaml.SequenceNode:
		return len(n.Content) == 0
	}
	return false
}

// isTail reports whether a line is blank or a comment indented at most to the dash column.
func isTail(line string, dashCol int) bool {
	t := strings.TrimLeft(line, " \t")
	t = strings.TrimRight(t, "\r")
	if t == "" {
		return true
	}
	return t[0] == '#' && len(line)-len(strings.TrimLeft(line, " \t")) <= dashCol-1
}

// seqIndent mirrors how the document indents block lists of mappings or scalars: the
// dash's and the item keys' indentation, for a top-level key. Default: "  - key".
func seqIndent(root *yaml.Node, lines []string) (dash, key int) {
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if v.Kind != yaml.SequenceNode || v.Style&yaml.FlowStyle != 0 || len(v.Content) == 0 {
			continue
		}
		it := v.Content[0]
		if it.Line < 1 || it.Line > len(lines) || it.Line == k.Line {
			continue
		}
		s := []rune(lines[it.Line-1])
		if it.Column-1 > len(s) {
			continue
		}
		for j := it.Column - 2; j >= 0; j-- {
			if s[j] == '-' {
				return j, it.Column - 1
			}
		}
	}
	return 2, 4
}

func blockEntry(e Entry, dash, key int) []string {
	pad := key - dash - 1
	if pad < 1 {
		pad = 1
	}
	ind := strings.Repeat(" ", key)
	// The date is quoted: some YAML tools (js-yaml) read an unquoted one as a timestamp.
	out := []string{strings.Repeat(" ", dash) + "-" + strings.Repeat(" ", pad) + `date: "` + e.Date + `"`}
	out = append(out, ind+"change: "+Scalar(e.Change))
	if e.Basis != "" {
		out = append(out, ind+"basis: "+Scalar(e.Basis))
	}
	return append(out, ind+"stage: "+string(e.Stage))
}

func flowEntry(e Entry) string {
	parts := []string{`date: "` + e.Date + `"`, "change: " + flowScalar(e.Change)}
	if e.Basis != "" {
		parts = append(parts, "basis: "+flowScalar(e.Basis))
	}
	parts = append(parts, "stage: "+string(e.Stage))
	return "{" + strings.Join(parts, ", ") + "}"
}

// flowScalar quotes a value that holds characters with a meaning inside {…}.
func flowScalar(s string) string {
	out := Scalar(s)
	if strings.ContainsAny(out, ",{}[]") && !strings.HasPrefix(out, `"`) && !strings.HasPrefix(out, `'`) {
		n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Style: yaml.DoubleQuotedStyle}
		b, _ := yaml.Marshal(n)
		out = strings.TrimSuffix(string(b), "\n")
	}
	return out
}

// keepBlock reports whether n holds a block scalar with keep chomping (`|+`, `>+`): its
// value includes the blank lines after it.
func keepBlock(n *yaml.Node) bool {
	if n.Kind == yaml.ScalarNode {
		return n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 && strings.HasSuffix(n.Value, "\n\n")
	}
	for _, c := range n.Content {
		if keepBlock(c) {
			return true
		}
	}
	return false
}

// verify reads the edited text back: the stage and the last history entry must be what
// was meant, and the earlier entries what they were, or the edit is refused rather than
// written.
func verify(src, data []byte, e Entry) error {
	var old, v struct {
		Stage   string `yaml:"stage"`
		History []struct {
			Date   string `yaml:"date"`
			Change string `yaml:"change"`
			Basis  string `yaml:"basis"`
			Stage  string `yaml:"stage"`
		} `yaml:"history"`
	}
	_ = yaml.Unmarshal(src, &old)
	if err := yaml.Unmarshal(data, &v); err != nil {
		return cannot("измененный файл не читается: %v", "the edited file does not read back: %v", err)
	}
	if v.Stage != string(e.Stage) || len(v.History) == 0 {
		return cannot("измененный файл читается не так, как задумано", "the edited file does not read back as meant")
	}
	if len(v.History) != len(old.History)+1 || !slices.Equal(v.History[:len(old.History)], old.History) {
		return cannot("прежние записи history изменились бы", "the earlier history entries would change")
	}
	h := v.History[len(v.History)-1]
	if h.Date != e.Date || h.Change != e.Change || h.Basis != e.Basis || h.Stage != string(e.Stage) {
		return cannot("измененный файл читается не так, как задумано", "the edited file does not read back as meant")
	}
	return nil
}
