package report

import (
	"encoding/json"
	"io"

	"github.com/profiler-cx/profiler/internal/finding"
)

// JSON writes one object: {"files", "errors", "warnings", "findings": [...]}, the shape
// SPEC §2 fixes for scripts. Messages are in the chosen language; paths use '/'.
type JSON struct {
	Opts Options
}

type jsonFinding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Rule     string `json:"rule"`
	Message  string `json:"message"`
}

type jsonReport struct {
	Files    int           `json:"files"`
	Errors   int           `json:"errors"`
	Warnings int           `json:"warnings"`
	Findings []jsonFinding `json:"findings"`
}

// Report implements Reporter.
func (j *JSON) Report(w io.Writer, fs []finding.Finding, sum Summary) error {
	r := jsonReport{Files: sum.Files, Errors: sum.Errors, Warnings: sum.Warnings, Findings: []jsonFinding{}}
	for _, f := range fs {
		r.Findings = append(r.Findings, jsonFinding{
			File: f.File, Line: f.Line, Column: f.Column, Severity: f.Severity.String(), Rule: f.Rule,
			Message: f.Message.In(j.Opts.Lang),
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
