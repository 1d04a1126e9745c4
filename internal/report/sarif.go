package report

import (
	"encoding/json"
	"io"
	"path"
	"strings"

	"github.com/profiler-cx/profiler/internal/finding"
)

// SARIF writes a SARIF 2.1.0 log (the format GitHub code scanning uploads): one run whose
// tool.driver lists every rule profiler knows, and one result per finding with its level,
// message and location. Locations are relative URIs against %SRCROOT% (the folder
// profiler ran in; GitHub resolves them against the repository root), percent-encoded so
// that Cyrillic names and spaces survive; a finding about a whole file has no region.
// Columns count Unicode code points, as every profiler format does (columnKind says so).
type SARIF struct {
	Opts Options
}

// sarifSchemaURI is the $schema of the logs SARIF writes: the OASIS 2.1.0 schema.
const sarifSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// rulesHelpURI is where every rule is explained: the README's Rules section, which leads to .docs/rules.md.
const rulesHelpURI = "https://github.com/profiler-cx/profiler#rules"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string      `json:"id"`
	ShortDescription     sarifText   `json:"shortDescription"`
	HelpURI              string      `json:"helpUri"`
	DefaultConfiguration sarifConfig `json:"defaultConfiguration"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

func sarifLevel(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "error"
	case finding.Warning:
		return "warning"
	}
	return "note"
}

// Report implements Reporter.
func (s *SARIF) Report(w io.Writer, fs []finding.Finding, _ Summary) error {
	driver := sarifDriver{Name: "profiler", Version: s.Opts.Version, InformationURI: "https://github.com/profiler-cx/profiler"}
	index := map[string]int{}
	addRule := func(r finding.Rule) {
		index[r.ID] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRule{
			ID: r.ID, ShortDescription: sarifText{r.Short.In(s.Opts.Lang)}, HelpURI: rulesHelpURI,
			DefaultConfiguration: sarifConfig{sarifLevel(r.Severity)},
		})
	}
	for _, r := range Rules {
		addRule(r)
	}
	results := []sarifResult{}
	for _, f := range fs {
		if _, ok := index[f.Rule]; !ok {
			r, _ := ruleIndex(f.Rule)
			addRule(r)
		}
		loc := sarifPhysical{ArtifactLocation: artifact(f.File)}
		if f.Line > 0 {
			loc.Region = &sarifRegion{StartLine: f.Line, StartColumn: f.Column}
		}
		results = append(results, sarifResult{
			RuleID: f.Rule, RuleIndex: index[f.Rule], Level: sarifLevel(f.Severity),
			Message:   sarifText{f.Message.In(s.Opts.Lang)},
			Locations: []sarifLocation{{PhysicalLocation: loc}},
		})
	}
	log := sarifLog{Schema: sarifSchemaURI, Version: "2.1.0", Runs: []sarifRun{{
		Tool: sarifTool{Driver: driver}, ColumnKind: "unicodeCodePoints", Results: results,
	}}}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

// artifact turns a display path into a SARIF artifact location: a relative path becomes
// a percent-encoded relative URI against %SRCROOT%, an absolute one a file:// URI (a
// Windows share's server becomes the URI's host).
func artifact(p string) sarifArtifact {
	if strings.HasPrefix(p, "//") && len(p) > 2 && p[2] != '/' { // a Windows share: //srv/share/x.yaml
		return sarifArtifact{URI: "file:" + encodeURIPath(p)}
	}
	if path.IsAbs(p) {
		return sarifArtifact{URI: "file://" + encodeURIPath(p)}
	}
	if len(p) >= 2 && p[1] == ':' { // a Windows drive letter: C:/x/y.yaml
		return sarifArtifact{URI: "file:///" + p[:2] + encodeURIPath(p[2:])}
	}
	return sarifArtifact{URI: encodeURIPath(p), URIBaseID: "%SRCROOT%"}
}

// encodeURIPath percent-encodes every byte of p outside the URI unreserved set, keeping
// '/' as the separator. ':' is encoded too, so a relative path never reads as a scheme.
func encodeURIPath(p string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == '/':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}
