package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"

	"github.com/profiler-cx/profiler/internal/finding"
)

// CodeQuality writes a GitLab Code Quality report: a JSON array of issues that GitLab
// shows in merge requests. Severities map error → major, warning → minor, info → info.
// The fingerprint is a hash of file, rule, line, column, the English message and the
// finding's index among identical ones, so it is the same in both languages and on every
// run over the same files, and unique within a report. A finding about a whole file is
// placed on line 1 (GitLab requires a line).
type CodeQuality struct {
	Opts Options
}

type cqIssue struct {
	Description string     `json:"description"`
	CheckName   string     `json:"check_name"`
	Fingerprint string     `json:"fingerprint"`
	Severity    string     `json:"severity"`
	Location    cqLocation `json:"location"`
}

type cqLocation struct {
	Path  string  `json:"path"`
	Lines cqLines `json:"lines"`
}

type cqLines struct {
	Begin int `json:"begin"`
}

func cqSeverity(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "major"
	case finding.Warning:
		return "minor"
	}
	return "info"
}

// Report implements Reporter.
func (c *CodeQuality) Report(w io.Writer, fs []finding.Finding, _ Summary) error {
	issues := []cqIssue{}
	seen := map[string]int{}
	for _, f := range fs {
		key := fmt.Sprintf("%s\x00%s\x00%d\x00%d\x00%s", f.File, f.Rule, f.Line, f.Column, f.Message.EN)
		n := seen[key]
		seen[key]++
		sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%d", key, n))
		issues = append(issues, cqIssue{
			Description: f.Message.In(c.Opts.Lang),
			CheckName:   f.Rule,
			Fingerprint: hex.EncodeToString(sum[:16]),
			Severity:    cqSeverity(f.Severity),
			Location:    cqLocation{Path: f.File, Lines: cqLines{Begin: max(f.Line, 1)}},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(issues)
}
