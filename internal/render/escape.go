package render

import (
	"strings"
	"unicode"
	"unicode/utf8"
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

// blockStart reports whether s begins with what turns the beginning of a line into a block
// construct, and where the escaping backslash goes: an ATX heading ("# x"), a list bullet
// ("- x", "+ x"), an ordered-list number ("1. x", "2) x"), a setext underline or thematic
// break ("==", "--"); block quotes and fences are already escaped inline. "-5" or "2.8"
// stay as they are. It is the hand-written form of
//
//	^(#{1,6}|[-+=]|\d{1,9}[.)])(\s|$)|^([-=])[-=]
//
// (a test holds it to that regular expression): the regexp engine cost more than a
// tenth of render's CPU time.
func blockStart(s string) (at int, ok bool) {
	if s == "" {
		return 0, false
	}
	// ends reports whether the construct's first i bytes are followed by \s or the end.
	ends := func(i int) bool { return i == len(s) || isSpaceRE(s[i]) }
	switch c := s[0]; {
	case c == '#':
		n := 1
		for n < len(s) && n < 7 && s[n] == '#' {
			n++
		}
		return 0, n <= 6 && ends(n)
	case c == '-' || c == '=':
		return 0, ends(1) || s[1] == '-' || s[1] == '='
	case c == '+':
		return 0, ends(1)
	case c >= '0' && c <= '9':
		n := 1
		for n < len(s) && n < 10 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n > 9 || n == len(s) || (s[n] != '.' && s[n] != ')') {
			return 0, false
		}
		return n, ends(n + 1) // digits cannot be escaped: escape the "." or ")"
	}
	return 0, false
}

// isSpaceRE is the regexp package's \s: ASCII tab, newline, form feed, carriage return, space.
func isSpaceRE(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// oneLine folds all whitespace runs (newlines included) into single spaces and trims the
// ends. Most texts already are one line with single spaces; they are returned as they are.
func oneLine(s string) string {
	if isOneLine(s) {
		return s
	}
	// strings.Join(strings.Fields(s), " ") in one pass. Only ASCII white space and the
	// characters whose first byte notOneLine marks can be white space: everything else
	// (Cyrillic among it) is copied in runs without being decoded.
	var b strings.Builder
	b.Grow(len(s))
	space := false // a run of white space is waiting to become one space
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] != ' ' && !notOneLine[s[j]] {
			j++
		}
		if j > i {
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		size, isSpace := 1, true
		if c := s[i]; c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			isSpace = unicode.IsSpace(r)
		}
		if isSpace {
			space = b.Len() > 0
		} else {
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// isOneLine reports whether strings.Fields and a join with single spaces would give s
// back: no leading, trailing or doubled space and no other white space. Non-ASCII white
// space (U+0085, U+00A0, U+1680, U+2000–U+3000) starts with one of the bytes C2, E1, E2,
// E3; those texts take the slow path, which decides exactly.
func isOneLine(s string) bool { return singleSpaced(s, &notOneLine) }

// singleSpaced reports whether s has no leading, trailing or doubled space and none of
// the bytes stop marks.
func singleSpaced(s string, stop *[256]bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' {
			if i == 0 || i == len(s)-1 || s[i-1] == ' ' {
				return false
			}
			continue
		}
		if stop[c] {
			return false
		}
	}
	return true
}

// notOneLine marks the bytes isOneLine stops at: ASCII white space other than the space,
// and the lead bytes of the non-ASCII white space characters.
var notOneLine = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, 0xC2: true, 0xE1: true, 0xE2: true, 0xE3: true}

// Inline escapes s for use inside a paragraph, heading, list item or table cell: one
// line, no markup. An empty input stays empty.
func Inline(s string) string {
	if !plainOneLine(s) { // usually it is: nothing to fold or escape, one pass over s
		s = inlineEscaper.Replace(oneLine(s))
	}
	if at, ok := blockStart(s); ok {
		// Escape the punctuation that makes the block: "\# x", "\- x", "1\. x", "\---".
		s = s[:at] + `\` + s[at:]
	}
	return s
}

// plainOneLine reports whether s is already one line with single spaces (isOneLine) and
// holds none of the characters inlineEscaper replaces.
func plainOneLine(s string) bool { return singleSpaced(s, &notPlain) }

// escaped marks the bytes inlineEscaper replaces; notPlain, those and notOneLine's.
var (
	escaped = [256]bool{'\\': true, '`': true, '*': true, '_': true, '[': true, ']': true, '|': true,
		'~': true, '$': true, '<': true, '>': true, '&': true}
	notPlain = func() (t [256]bool) {
		for c := range t {
			t[c] = escaped[c] || notOneLine[c]
		}
		return t
	}()
)

// splitBlankLines splits s at blank lines (a line break, spaces or tabs, a line break):
// regexp `\n[ \t]*\n`'s Split, by hand.
func splitBlankLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '\n' {
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
			j++
		}
		if j < len(s) && s[j] == '\n' {
			out = append(out, s[start:i])
			start = j + 1
			i = j
		}
	}
	return append(out, s[start:])
}

// Paragraphs splits s at blank lines and escapes each paragraph as one line.
func Paragraphs(s string) []string {
	var out []string
	for _, p := range splitBlankLines(strings.ReplaceAll(s, "\r\n", "\n")) {
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
