package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
)

// On a terminal every finding gets a source excerpt. A file with 100,000 findings (one bad
// item per line) must cost one split of the file, not one per finding: the report of such
// a file used to run for minutes. The count of reads, not a clock, tells.
func TestHostileExcerptManyFindings(t *testing.T) {
	const n = 100_000
	src := []byte("journey:\n" + strings.Repeat("  - 1\n", n))
	fs := make([]finding.Finding, n)
	for i := range fs {
		fs[i] = finding.Finding{File: "p.yaml", Line: i + 2, Column: 5, Rule: "schema-type", Message: i18n.Msg("строка", "string")}
	}
	reads := 0
	rep := &Text{Opts: Options{Lang: i18n.EN, Excerpt: true, Source: func(string) ([]byte, bool) { reads++; return src, true }}}
	var out bytes.Buffer
	if err := rep.Report(&out, fs, Summary{}); err != nil { // a hang is go test -timeout's
		t.Fatal(err)
	}
	if got := strings.Count(out.String(), "\n"); got != 3*n {
		t.Errorf("%d lines, want %d", got, 3*n)
	}
	if reads != 1 {
		t.Errorf("source read %d times, want once", reads)
	}
}

// A megabyte-long source line is shown as a window around the column, the caret under it.
func TestHostileExcerptLongLine(t *testing.T) {
	long := strings.Repeat("ж", 1<<20)
	cases := []struct {
		col        int
		wantPrefix string
		wantSuffix string
	}{
		{1, "    1 | status: ", "…"},
		{500_000, "    1 | …", "…"},
		{1<<20 + 8, "    1 | …", "ж"},
	}
	for _, c := range cases {
		t.Run(fmt.Sprint(c.col), func(t *testing.T) {
			src := []byte("status: " + long + "\n")
			var out bytes.Buffer
			rep := &Text{Opts: Options{Lang: i18n.EN, Excerpt: true, Source: func(string) ([]byte, bool) { return src, true }}}
			fs := []finding.Finding{{File: "p.yaml", Line: 1, Column: c.col, Rule: "r", Message: i18n.Msg("м", "m")}}
			if err := rep.Report(&out, fs, Summary{}); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
			if len(lines) != 3 {
				t.Fatalf("%d lines", len(lines))
			}
			excerpt, caret := []rune(lines[1]), []rune(lines[2])
			if len(excerpt) > len("    1 | ")+excerptWidth+2 || !strings.HasPrefix(lines[1], c.wantPrefix) || !strings.HasSuffix(lines[1], c.wantSuffix) {
				t.Errorf("excerpt of %d characters: %.80q…%q", len(excerpt), lines[1], string(excerpt[max(0, len(excerpt)-10):]))
			}
			// The caret stands under the character at the column.
			at := len(caret) - 1
			want := []rune(string(src))[c.col-1]
			if at >= len(excerpt) || excerpt[at] != want {
				t.Errorf("caret at %d does not point at %q", at, want)
			}
		})
	}
}

// A file name, a message or a source line cannot drive the terminal: ESC, CR, C1 controls,
// bidi overrides and invalid bytes are shown, not obeyed.
func TestHostileTextControlChars(t *testing.T) {
	// A lone CR ends a line for yaml.v3 (and so for the excerpt): it cannot appear inside one.
	src := []byte("title: a\x1b]0;pwned\x07b\u202ed\rnext\n")
	fs := []finding.Finding{{File: "profiles/bad\xff\x1b[31mname.yaml", Line: 1, Column: 9, Rule: "encoding",
		Message: i18n.Msg("значение «\x1b[2J\u0085»", "value «\x1b[2J\u0085»")}}
	var out bytes.Buffer
	rep := &Text{Opts: Options{Lang: i18n.EN, Excerpt: true, Source: func(string) ([]byte, bool) { return src, true }}}
	if err := rep.Report(&out, fs, Summary{}); err != nil {
		t.Fatal(err)
	}
	want := "profiles/bad\uFFFD␛[31mname.yaml:1:9: error: value «␛[2J\\u0085» [encoding]\n" +
		"    1 | title: a␛]0;pwned␇b\\u202ed\n" +
		"      |         ^\n"
	if got := out.String(); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}
