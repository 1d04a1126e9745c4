package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"

	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
)

// JUnit writes JUnit XML, which GitLab, Jenkins and most CI systems show as a test report:
// one <testcase classname=DIR name=FILE> per checked file. A file fails when it has an
// error (or a warning with Strict); the <failure> element names the first failing rule
// and carries every finding of the file, one text line each. Findings that do not fail
// the file go to the test case's <system-out>. Reports carry no timestamps, so the same
// input gives the same bytes.
type JUnit struct {
	Opts Options
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	ClassName string        `xml:"classname,attr"`
	Name      string        `xml:"name,attr"`
	File      string        `xml:"file,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	SystemOut *junitText    `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",innerxml"` // escaped by xmlText
}

type junitText struct {
	Body string `xml:",innerxml"` // escaped by xmlText
}

// xmlText escapes s as XML character data but keeps line breaks readable (encoding/xml
// writes them as &#xA;). Characters XML cannot carry become U+FFFD.
func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(b.String(), "&#xA;", "\n")
}

// Report implements Reporter.
func (j *JUnit) Report(w io.Writer, fs []finding.Finding, sum Summary) error {
	byFile := map[string][]finding.Finding{}
	files := slices.Clone(sum.Paths)
	for _, f := range fs {
		if _, ok := byFile[f.File]; !ok {
			files = append(files, f.File) // duplicates go with Compact below
		}
		byFile[f.File] = append(byFile[f.File], f)
	}
	slices.Sort(files)
	files = slices.Compact(files)
	suite := junitSuite{Name: "profiler validate"}
	for _, file := range files {
		dir, name := path.Split(file)
		dir = strings.TrimSuffix(dir, "/")
		if dir == "" {
			dir = "."
		}
		c := junitCase{ClassName: dir, Name: name, File: file}
		var body strings.Builder
		var failing []finding.Finding
		for _, f := range byFile[file] {
			loc := ""
			if f.Line > 0 {
				loc = fmt.Sprintf("%d:%d: ", f.Line, max(f.Column, 1))
			}
			fmt.Fprintf(&body, "%s%s: %s [%s]\n", loc, f.Severity, f.Message.In(j.Opts.Lang), f.Rule)
			if f.Severity == finding.Error || (j.Opts.Strict && f.Severity == finding.Warning) {
				failing = append(failing, f)
			}
		}
		if len(failing) > 0 {
			errs, warns := finding.Count(byFile[file])
			c.Failure = &junitFailure{
				Message: i18n.Msg("ошибок: %d, предупреждений: %d", "%d errors, %d warnings", errs, warns).In(j.Opts.Lang),
				Type:    failing[0].Rule,
				Body:    xmlText(body.String()),
			}
			suite.Failures++
		} else if body.Len() > 0 {
			c.SystemOut = &junitText{xmlText(body.String())}
		}
		suite.Cases = append(suite.Cases, c)
	}
	suite.Tests = len(suite.Cases)
	doc := junitSuites{Name: "profiler", Tests: suite.Tests, Failures: suite.Failures, Suites: []junitSuite{suite}}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
