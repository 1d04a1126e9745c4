package render

import (
	"regexp"
	"strings"
)

// Escaping: every text that comes from a YAML file is user content and must stay literal
// text in the Markdown, whatever it contains — a title such as `# x`, `[a](javascript:…)`,
// `<script>` or `a | b` must neither become markup nor break a table row.

// inlineEscaper backslash-escapes the ASCII punctuation that starts inline markup
// (CommonMark lets any ASCII punctuation be escaped) and turns the characters that start
// HTML or entities into entities.
var inlineEscaper = strings.NewReplacer(
	`\`, `\\`,
	"`", "\\`",
	`*`, `\*`,
	`_`, `\_`,
	`[`, `\[`,
	`]`, `\]`,
	`|`, `\|`,
	`~`, `\~`,
	`$`, `\$`,
	`<`, `&lt;`,
	`>`, `&gt;`,
	`&`, `&amp;`,
)

// blockStart matches what turns the beginning of a line into a block construct: an ATX
// heading, a list bullet, an ordered-list number, a setext underline or thematic break
// (block quotes and fences are already escaped inline). "-5" or "2.8" stay as they are.
var blockStart = regexp.MustCompile(`^(#{1,6}|[-+=]|\d{1,9}[.)])(\s|$)|^([-=])[-=]`)

// oneLine folds all whitespace runs (newlines included) into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Inline escapes s for use inside a paragraph, heading, list item or table cell: one
// line, no markup. An empty input stays empty.
func Inline(s string) string {
	s = inlineEscaper.Replace(oneLine(s))
	if m := blockStart.FindStringSubmatchIndex(s); m != nil {
		// Escape the punctuation that makes the block: "\# x", "\- x", "1\. x", "\---".
		at := 0
		if s[0] >= '0' && s[0] <= '9' {
			at = m[3] - 1 // digits cannot be escaped: escape the "." or ")"
		}
		s = s[:at] + `\` + s[at:]
	}
	return s
}

var blankLine = regexp.MustCompile(`\n[ \t]*\n`)

// Paragraphs splits s at blank lines and escapes each paragraph as one line.
func Paragraphs(s string) []string {
	var out []string
	for _, p := range blankLine.Split(strings.ReplaceAll(s, "\r\n", "\n"), -1) {
		if p = Inline(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Cell escapes s for a table cell. An empty cell becomes a dash so that no row has empty
// columns (markdownlint's compact table style wants one space of padding on each side).
func Cell(s string) string {
	if s = Inline(s); s == "" {
		return "—"
	}
	return s
}

// chartName makes s safe as a quoted Mermaid quadrantChart string: the lexer ends a string
// at any `"` and knows no escape, `%%` starts a comment, a leading backtick a Markdown
// string. Quotes become «», the rest is replaced by look-alikes.
func chartName(s string) string {
	s = oneLine(s)
	var b strings.Builder
	open := true
	for _, r := range s {
		switch r {
		case '"':
			if open {
				b.WriteRune('«')
			} else {
				b.WriteRune('»')
			}
			open = !open
		case '%':
			b.WriteRune('％')
		case '`':
			b.WriteRune('\'')
		case '<':
			b.WriteRune('‹')
		case '>':
			b.WriteRune('›')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
