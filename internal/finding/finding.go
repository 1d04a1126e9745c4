// Package finding defines the one value that sits between checking and reporting.
//
// Every checker (loader, schema, rules) produces [Finding]s; every report format consumes
// them. A finding names the file, a 1-based line and column counted in characters, a
// severity, a stable rule id and a message in both languages.
package finding

import (
	"cmp"
	"slices"

	"github.com/profiler-cx/profiler/internal/i18n"
)

// Severity of a finding.
type Severity int

// Severities, most severe first.
const (
	Error Severity = iota
	Warning
	Info
)

// String returns the stable, machine-readable name used in every report format.
func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	default:
		return "info"
	}
}

// Finding is one problem found at one place.
type Finding struct {
	File     string // path as given or relative to the current folder, '/' separators
	Line     int    // 1-based; 0 when the finding concerns the whole file
	Column   int    // 1-based, in characters; 0 when unknown
	Severity Severity
	Rule     string // stable rule id, e.g. "schema-enum"
	Message  i18n.Text
}

// Sort orders findings by file, line, column, then severity, rule and message, so that
// reports are stable whatever order the checks ran in.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message.EN, b.Message.EN),
		)
	})
}

// Count returns the number of errors and warnings in fs.
func Count(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		switch f.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		}
	}
	return errors, warnings
}
