package report

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/profiler-cx/profiler/internal/finding"
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
	for _, f := range fs {
		loc := f.File
		if f.Line > 0 {
			loc = fmt.Sprintf("%s:%d:%d", f.File, f.Line, max(f.Column, 1))
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
		fmt.Fprintf(bw, "%s: %s: %s %s\n", t.paint(ansiBold, loc), sev, f.Message.In(t.Opts.Lang), t.paint(ansiDim, "["+f.Rule+"]"))
		if t.Opts.Excerpt && f.Line > 0 && t.Opts.Source != nil {
			if src, ok := t.Opts.Source(f.File); ok {
				t.excerpt(bw, src, f)
			}
		}
	}
	return bw.Flush()
}

func (t *Text) excerpt(w io.Writer, src []byte, f finding.Finding) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	lines := bytes.Split(src, []byte("\n"))
	if f.Line-1 >= len(lines) {
		return
	}
	line := strings.TrimRight(string(lines[f.Line-1]), "\r")
	line = strings.ReplaceAll(line, "\t", " ")
	num := fmt.Sprintf("%5d", f.Line)
	fmt.Fprintf(w, "%s | %s\n", t.paint(ansiDim, num), line)
	col := max(f.Column, 1)
	pad := strings.Repeat(" ", min(col-1, len([]rune(line))))
	fmt.Fprintf(w, "%s | %s%s\n", strings.Repeat(" ", len(num)), pad, t.paint(ansiRed+ansiBold, "^"))
}
