package report

import (
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/profiler-cx/profiler/internal/displaypath"
	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
)

// What a Windows user types reaches the reports as '/' paths: GitHub annotations, JUnit,
// Code Quality and SARIF relative URIs use '/', a drive letter gives a file:///C:/… URI and
// a share a file://server/… URI. The paths go through displaypath.FromWindows, the rules
// validate applies on Windows, so this runs on Linux.
func TestWindowsPathsInReports(t *testing.T) {
	for _, tc := range []struct{ typed, display, sarifURI string }{
		{`поступление в вуз\profiles\студент.yaml`, "поступление в вуз/profiles/студент.yaml",
			"%D0%BF%D0%BE%D1%81%D1%82%D1%83%D0%BF%D0%BB%D0%B5%D0%BD%D0%B8%D0%B5%20%D0%B2%20%D0%B2%D1%83%D0%B7/profiles/%D1%81%D1%82%D1%83%D0%B4%D0%B5%D0%BD%D1%82.yaml"},
		{`..\vuz\.\profiles\a.yaml`, "../vuz/profiles/a.yaml", "../vuz/profiles/a.yaml"},
		{`C:\Users\Ivan\ws\vuz\profiles\a.yaml`, "C:/Users/Ivan/ws/vuz/profiles/a.yaml", "file:///C:/Users/Ivan/ws/vuz/profiles/a.yaml"},
		{`\\srv\docs\ws\vuz\life-situation.yaml`, "//srv/docs/ws/vuz/life-situation.yaml", "file://srv/docs/ws/vuz/life-situation.yaml"},
	} {
		file := displaypath.FromWindows(tc.typed)
		if file != tc.display {
			t.Fatalf("%s: display path %q, want %q", tc.typed, file, tc.display)
		}
		fs := []finding.Finding{{File: file, Line: 3, Column: 8, Severity: finding.Error, Rule: "schema-enum", Message: i18n.Msg("м", "m")}}
		sum := Summary{Files: 1, Errors: 1, Paths: []string{file}}
		o := Options{Lang: i18n.EN}

		gh := string(render(t, "github", o, fs, sum))
		if !strings.Contains(gh, "file="+strings.ReplaceAll(tc.display, ":", "%3A")+",line=3,col=8") {
			t.Errorf("%s: github annotation\n%s", tc.typed, gh)
		}

		var suites struct {
			Suites []struct {
				Cases []struct {
					Class string `xml:"classname,attr"`
					Name  string `xml:"name,attr"`
					File  string `xml:"file,attr"`
				} `xml:"testcase"`
			} `xml:"testsuite"`
		}
		if err := xml.Unmarshal(render(t, "junit", o, fs, sum), &suites); err != nil {
			t.Fatal(err)
		}
		c := suites.Suites[0].Cases[0]
		if c.File != tc.display || strings.Contains(c.Class+c.Name, `\`) {
			t.Errorf("%s: junit case %+v", tc.typed, c)
		}

		var cq []struct {
			Location struct{ Path string } `json:"location"`
		}
		if err := json.Unmarshal(render(t, "codequality", o, fs, sum), &cq); err != nil {
			t.Fatal(err)
		}
		if cq[0].Location.Path != tc.display {
			t.Errorf("%s: code quality path %q", tc.typed, cq[0].Location.Path)
		}

		var sarif struct {
			Runs []struct {
				Results []struct {
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct {
								URI       string `json:"uri"`
								URIBaseID string `json:"uriBaseId"`
							} `json:"artifactLocation"`
						} `json:"physicalLocation"`
					} `json:"locations"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(render(t, "sarif", o, fs, sum), &sarif); err != nil {
			t.Fatal(err)
		}
		a := sarif.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation
		if a.URI != tc.sarifURI {
			t.Errorf("%s: SARIF uri %q, want %q", tc.typed, a.URI, tc.sarifURI)
		}
		if rel := !strings.HasPrefix(a.URI, "file:"); rel != (a.URIBaseID == "%SRCROOT%") {
			t.Errorf("%s: SARIF uriBaseId %q for %q", tc.typed, a.URIBaseID, a.URI)
		}
	}
}
