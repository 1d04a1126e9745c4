package report

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/load"
)

// Text writes one line per finding, `file:line:col: severity: message [rule]`, the shape
// compilers use, so editors and CI problem matchers pick it up. Severity and rule stay
// English (they are identifiers); the message is in the chosen language. With Excerpt set
// (a terminal) each line is followed by the source line and a caret.
type Text struct {
	Opts Options
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiDim    = "\x1b[2m"
)

func (t *Text) paint(code, s string) string {
	if !t.Opts.Color {
		return s
	}
	return code + s + ansiReset
}

// Report implements Reporter.
func (t *Text) Report(w io.Writer, fs []finding.Finding, _ Summary) error {
	bw := bufio.NewWriter(w)
	// Findings come sorted by file: split each file into lines once, not once per finding
	// (100,000 findings in one file must not mean 100,000 splits of it).
	var linesOf string
	var lines [][]byte
	for _, f := range fs {
		loc := printable(f.File)
		if f.Line > 0 {
			loc = fmt.Sprintf("%s:%d:%d", loc, f.Line, max(f.Column, 1))
		}
		sev := f.Severity.String()
		switch f.Severity {
		case finding.Error:
			sev = t.paint(ansiRed+ansiBold, sev)
		case finding.Warning:
			sev = t.paint(ansiYellow+ansiBold, sev)
		default:
			sev = t.paint(ansiCyan, sev)
		}
		fmt.Fprintf(bw, "%s: %s: %s %s\n", t.paint(ansiBold, loc), sev, printable(f.Message.In(t.Opts.Lang)), t.paint(ansiDim, "["+f.Rule+"]"))
		if t.Opts.Excerpt && f.Line > 0 && t.Opts.Source != nil {
			if linesOf != f.File || lines == nil {
				lines = nil
				if src, ok := t.Opts.Source(f.File); ok {
					lines = load.Lines(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")))
				}
				linesOf = f.File
			}
			if lines != nil {
				t.excerpt(bw, lines, f)
			}
		}
	}
	return bw.Flush()
}

// excerptWidth is how many characters of a long source line the excerpt shows, around
// the column: a line can be megabytes long.
const excerptWidth = 120

func (t *Text) excerpt(w io.Writer, lines [][]byte, f finding.Finding) {
	if f.Line-1 >= len(lines) {
		return
	}
	line := []rune(strings.TrimRight(string(lines[f.Line-1]), "\r"))
	col := max(f.Column, 1)
	if len(line) > excerptWidth {
		from := max(0, min(col-1-excerptWidth/2, len(line)-excerptWidth))
		clipped := string(line[from : from+excerptWidth])
		if from > 0 {
			clipped = "…" + clipped
			col = col - from + 1
		} else {
			col = min(col, excerptWidth)
		}
		if from+excerptWidth < len(line) {
			clipped += "…"
		}
		line = []rune(clipped)
	}
	text := printable(strings.ReplaceAll(string(line), "\t", " "))
	num := fmt.Sprintf("%5d", f.Line)
	fmt.Fprintf(w, "%s | %s\n", t.paint(ansiDim, num), text)
	pad := strings.Repeat(" ", min(col-1, len(line)))
	fmt.Fprintf(w, "%s | %s%s\n", strings.Repeat(" ", len(num)), pad, t.paint(ansiRed+ansiBold, "^"))
}

// printable keeps a file name, message or source line from driving the terminal: control
// characters (an ESC starting a colour or title sequence, a carriage return hiding the line)
// become visible symbols (␛, ␍) and bytes that are not UTF-8 become U+FFFD, one column each
// so the caret stays right; C1 controls and bidirectional overrides (Trojan Source) are
// spelled out as \u202e.
func printable(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || r < 0x20 || (r >= 0x7f && r < 0xa0) || isBidi(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r < 0x20:
			b.WriteRune(0x2400 + r) // ␀…␟
		case r == 0x7f:
			b.WriteRune('␡')
		case r > 0x7f && r < 0xa0, isBidi(r):
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isBidi(r rune) bool { return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 }

// Printable is what the text report does to a file name or message before it reaches a
// terminal (see printable); other commands' terminal output uses it too (list, github).
func Printable(s string) string { return printable(s) }

// PrintableText is Printable for multi-line text: line feeds and tabs stay (a rendered
// card printed with `render --out -`).
func PrintableText(s string) string { return printableKeep(s, "\n\t") }

// printableKeep is printable except for the characters in keep.
func printableKeep(s, keep string) string {
	if !strings.ContainsAny(s, keep) {
		return printable(s)
	}
	var b strings.Builder
	for s != "" {
		i := strings.IndexAny(s, keep)
		if i < 0 {
			b.WriteString(printable(s))
			break
		}
		b.WriteString(printable(s[:i]))
		b.WriteByte(s[i])
		s = s[i+1:]
	}
	return b.String()
}
