package report

import (
	"encoding/json"
	"encoding/xml"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/schemacheck"
	"github.com/profiler-cx/profiler/internal/testws"
)

func TestGitHubEscaping(t *testing.T) {
	tests := []struct{ in, data, prop string }{
		{"plain", "plain", "plain"},
		{"50%", "50%25", "50%25"},
		{"%0A", "%250A", "%250A"},
		{"a\nb\r\nc", "a%0Ab%0D%0Ac", "a%0Ab%0D%0Ac"},
		{"a:b,c", "a:b,c", "a%3Ab%2Cc"},
		{"::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"},
		{"поступление, вуз", "поступление, вуз", "поступление%2C вуз"},
	}
	for _, tt := range tests {
		if got := ghData(tt.in); got != tt.data {
			t.Errorf("ghData(%q) = %q, want %q", tt.in, got, tt.data)
		}
		if got := ghProperty(tt.in); got != tt.prop {
			t.Errorf("ghProperty(%q) = %q, want %q", tt.in, got, tt.prop)
		}
	}
}

func TestGitHubOneLinePerAnnotation(t *testing.T) {
	fs, sum := sample()
	out := string(render(t, "github", Options{Lang: i18n.EN}, fs, sum))
	lines := strings.Split(out, "\n")
	for i, f := range fs {
		if !strings.HasPrefix(lines[i], "::") {
			t.Fatalf("line %d is not a workflow command: %q", i+1, lines[i])
		}
		if f.Line > 0 && !strings.Contains(lines[i], ",line="+strconv.Itoa(f.Line)+",") {
			t.Errorf("line %d lacks line=%d: %q", i+1, f.Line, lines[i])
		}
	}
	// then the plain report: every finding again, without ANSI colour
	if n := strings.Count(out, "[attribute-spelling]"); n != 2 || strings.Contains(out, "\x1b[") {
		t.Errorf("plain report after the annotations is missing or coloured:\n%s", out)
	}
}

func TestEncodeURIPath(t *testing.T) {
	tests := []struct{ in, want string }{
		{"examples/a-b_c.yaml", "examples/a-b_c.yaml"},
		{"поступление в вуз/p.yaml", "%D0%BF%D0%BE%D1%81%D1%82%D1%83%D0%BF%D0%BB%D0%B5%D0%BD%D0%B8%D0%B5%20%D0%B2%20%D0%B2%D1%83%D0%B7/p.yaml"},
		{"a:b/50%#?.yaml", "a%3Ab/50%25%23%3F.yaml"},
	}
	for _, tt := range tests {
		if got := encodeURIPath(tt.in); got != tt.want {
			t.Errorf("encodeURIPath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if a := artifact("/home/u/ж.yaml"); a.URI != "file:///home/u/%D0%B6.yaml" || a.URIBaseID != "" {
		t.Errorf("absolute path: %+v", a)
	}
	if a := artifact("C:/x/ж.yaml"); a.URI != "file:///C:/x/%D0%B6.yaml" {
		t.Errorf("drive path: %+v", a)
	}
}

func TestSARIFRulesAndIndexes(t *testing.T) {
	fs, sum := sample()
	var log sarifLog
	if err := json.Unmarshal(render(t, "sarif", Options{Lang: i18n.RU}, fs, sum), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Tool.Driver.Rules) != len(Rules)+1 { // + the unregistered custom-note
		t.Errorf("rules: %d, want %d", len(run.Tool.Driver.Rules), len(Rules)+1)
	}
	for i, r := range run.Results {
		if got := run.Tool.Driver.Rules[r.RuleIndex].ID; got != r.RuleID {
			t.Errorf("result %d: ruleIndex points at %q, ruleId is %q", i, got, r.RuleID)
		}
		if (fs[i].Line == 0) != (r.Locations[0].PhysicalLocation.Region == nil) {
			t.Errorf("result %d: region %+v for line %d", i, r.Locations[0].PhysicalLocation.Region, fs[i].Line)
		}
	}
	if run.Results[3].Level != "error" || run.Results[1].Level != "warning" || run.Results[4].Level != "note" {
		t.Errorf("levels: %+v", run.Results)
	}
}

func TestCodeQualityFingerprints(t *testing.T) {
	fs, sum := sample()
	var ru, en []cqIssue
	if err := json.Unmarshal(render(t, "codequality", Options{Lang: i18n.RU}, fs, sum), &ru); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(render(t, "codequality", Options{Lang: i18n.EN}, fs, sum), &en); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for i := range ru {
		if seen[ru[i].Fingerprint] {
			t.Errorf("fingerprint %s repeats (finding %d)", ru[i].Fingerprint, i)
		}
		seen[ru[i].Fingerprint] = true
		if ru[i].Fingerprint != en[i].Fingerprint {
			t.Errorf("finding %d: fingerprint differs between languages", i)
		}
	}
	if ru[3].Location.Lines.Begin != 1 || ru[0].Severity != "major" || ru[1].Severity != "minor" || ru[4].Severity != "info" {
		t.Errorf("lines/severity: %+v", ru)
	}
}

func TestJUnitWellFormed(t *testing.T) {
	fs, sum := sample()
	for _, strict := range []bool{false, true} {
		out := render(t, "junit", Options{Lang: i18n.RU, Strict: strict}, fs, sum)
		var doc struct {
			Suites []struct {
				Tests    int `xml:"tests,attr"`
				Failures int `xml:"failures,attr"`
				Cases    []struct {
					Name    string `xml:"name,attr"`
					Failure *struct {
						Body string `xml:",chardata"`
					} `xml:"failure"`
				} `xml:"testcase"`
			} `xml:"testsuite"`
		}
		if err := xml.Unmarshal(out, &doc); err != nil {
			t.Fatalf("not XML: %v\n%s", err, out)
		}
		s := doc.Suites[0]
		if s.Tests != 4 || len(s.Cases) != 4 {
			t.Errorf("tests = %d, cases = %d, want 4 (3 checked files + 1 file with findings only)", s.Tests, len(s.Cases))
		}
		wantFail := 2 // студент.yaml, пустой.yaml
		if s.Failures != wantFail {
			t.Errorf("strict=%v: failures = %d, want %d", strict, s.Failures, wantFail)
		}
		for _, c := range s.Cases {
			if c.Name == "студент.yaml" && (c.Failure == nil || !strings.Contains(c.Failure.Body, "<&\"> кавычки")) {
				t.Errorf("студент.yaml: failure %+v", c.Failure)
			}
		}
	}
}

// TestRegistryDocumented: the registry holds each rule once with both descriptions, and
// it and the documentation's Rules table list the same ids.
func TestRegistryDocumented(t *testing.T) {
	var ids []string
	seen := map[string]bool{}
	for _, r := range Rules {
		if seen[r.ID] {
			t.Errorf("rule %q registered twice", r.ID)
		}
		seen[r.ID] = true
		if r.Short.RU == "" || r.Short.EN == "" {
			t.Errorf("rule %q lacks a description", r.ID)
		}
		ids = append(ids, r.ID)
	}
	// The documentation also lists the schema check's fallback, which SARIF does not.
	documented := slices.DeleteFunc(testws.DocumentedRules(t), func(id string) bool { return id == schemacheck.RuleOther })
	slices.Sort(ids)
	slices.Sort(documented)
	if !slices.Equal(ids, documented) {
		t.Errorf("the Rules table and the registry differ:\ntable:    %v\nregistry: %v", documented, ids)
	}
}
