package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/profiler-cx/profiler/internal/finding"
)

// GitHub writes GitHub Actions workflow commands, one per finding:
// `::error file=F,line=L,col=C,title=RULE::message` (warning for warnings, notice for
// info), which the Actions runner turns into annotations on the pull request's lines.
// GitHub shows at most 10 errors and 10 warnings per step, so the plain text report
// follows the annotations: the full list stays in the job log.
type GitHub struct {
	Opts Options
}

// Report implements Reporter.
func (g *GitHub) Report(w io.Writer, fs []finding.Finding, sum Summary) error {
	bw := bufio.NewWriter(w)
	for _, f := range fs {
		cmd := "notice"
		switch f.Severity {
		case finding.Error:
			cmd = "error"
		case finding.Warning:
			cmd = "warning"
		}
		// Printable: the log is shown by a terminal emulator; a file name or title from
		// YAML must not drive it (ESC sequences), as in the text report.
		props := "file=" + ghProperty(Printable(f.File))
		if f.Line > 0 {
			props += fmt.Sprintf(",line=%d", f.Line)
			if f.Column > 0 {
				props += fmt.Sprintf(",col=%d", f.Column)
			}
		}
		props += ",title=" + ghProperty(Printable(f.Rule))
		fmt.Fprintf(bw, "::%s %s::%s\n", cmd, props, ghData(printableKeep(f.Message.In(g.Opts.Lang), "\r\n")))
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	plain := g.Opts
	plain.Color, plain.Excerpt = false, false
	return (&Text{Opts: plain}).Report(w, fs, sum)
}

// ghData escapes a workflow command's message: '%' first, so that the escapes added
// after it are not escaped again.
func ghData(s string) string { return ghDataEscaper.Replace(s) }

var (
	ghDataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// ghProperty escapes a property value, which additionally ends at ':' and ','.
func ghProperty(s string) string { return ghPropertyEscaper.Replace(s) }
