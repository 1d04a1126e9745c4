package workspace

import (
	"strings"
	"unicode/utf8"

	"github.com/profiler-cx/profiler/internal/finding"
)

// Messages quote the user's values ("…" or «…»). A value can be megabytes long (a pasted
// document in one field): quoted in full it would turn a report, and a CI log, into a copy
// of the file. Quotes longer than maxQuote characters keep their first keepQuote characters
// and an ellipsis; a message still over maxMessage characters keeps its head and tail.
const (
	maxQuote   = 120
	keepQuote  = 100
	maxMessage = 2000
)

func clipFindings(fs []finding.Finding) {
	for i := range fs {
		fs[i].Message.RU = clipMessage(fs[i].Message.RU)
		fs[i].Message.EN = clipMessage(fs[i].Message.EN)
	}
}

func clipMessage(s string) string {
	if utf8.RuneCountInString(s) <= maxQuote {
		return s
	}
	var b strings.Builder
	for len(s) > 0 {
		open, close, ok := nextQuote(s)
		if !ok {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:open])
		inner := s[open:close]
		if utf8.RuneCountInString(inner) > maxQuote {
			inner = headRunes(inner, keepQuote) + "…"
		}
		b.WriteString(inner)
		s = s[close:]
	}
	out := b.String()
	if n := utf8.RuneCountInString(out); n > maxMessage {
		r := []rune(out)
		out = string(r[:maxMessage/2]) + " … " + string(r[n-maxMessage/2:])
	}
	return out
}

// nextQuote finds the first quoted run in s and returns the byte offsets of its content
// (after the opening quote, at the closing one). A Go-quoted "…" may contain \" escapes.
func nextQuote(s string) (open, close int, ok bool) {
	i := strings.IndexAny(s, "\"«")
	if i < 0 {
		return 0, 0, false
	}
	if s[i] == '"' {
		for j := i + 1; j < len(s); j++ {
			switch s[j] {
			case '\\':
				j++
			case '"':
				return i + 1, j, true
			}
		}
		return 0, 0, false
	}
	start := i + len("«")
	j := strings.Index(s[start:], "»")
	if j < 0 {
		return 0, 0, false
	}
	return start, start + j, true
}

func headRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
