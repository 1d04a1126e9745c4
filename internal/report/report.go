// Package report writes findings in the formats users and CI tools read. Every format
// implements [Reporter]; each lives in its own file with its own golden test.
package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
)

// Summary is the tally a report ends with.
type Summary struct {
	Files    int
	Errors   int
	Warnings int
	Paths    []string // display paths of the checked files (JUnit lists one test case per file)
}

// Options configure a reporter.
type Options struct {
	Lang    i18n.Lang
	Color   bool                             // ANSI colour (text only; the CLI decides: TTY, NO_COLOR, TERM=dumb)
	Excerpt bool                             // show the source line and a caret under each finding (text only)
	Source  func(file string) ([]byte, bool) // file contents for excerpts
	Version string                           // tool version, for formats that carry it
	Strict  bool                             // warnings fail the run (JUnit marks such files failed)
}

// Reporter writes all findings of a run. Findings arrive sorted; a reporter must not
// reorder them and must write a complete, well-formed document even when there are none.
type Reporter interface {
	Report(w io.Writer, fs []finding.Finding, sum Summary) error
}

// constructors of every format, by name.
var formats = map[string]func(Options) Reporter{
	"text":        func(o Options) Reporter { return &Text{Opts: o} },
	"json":        func(o Options) Reporter { return &JSON{Opts: o} },
	"github":      func(o Options) Reporter { return &GitHub{Opts: o} },
	"sarif":       func(o Options) Reporter { return &SARIF{Opts: o} },
	"junit":       func(o Options) Reporter { return &JUnit{Opts: o} },
	"codequality": func(o Options) Reporter { return &CodeQuality{Opts: o} },
}

// Formats lists the format names, sorted.
func Formats() []string {
	var names []string
	for n := range formats {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// New returns the reporter for a format name.
func New(format string, o Options) (Reporter, error) {
	mk, ok := formats[format]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (%s)", format, strings.Join(Formats(), ", "))
	}
	return mk(o), nil
}

// SummaryLine is the one-line tally the CLI prints to stderr after a text report.
func SummaryLine(sum Summary) i18n.Text {
	return i18n.Msg("Проверено файлов: %d; ошибок: %d, предупреждений: %d",
		"Checked files: %d; errors: %d, warnings: %d", sum.Files, sum.Errors, sum.Warnings)
}
