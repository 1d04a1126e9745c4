package finding

import "github.com/profiler-cx/profiler/internal/i18n"

// Rule describes one rule id for the documentation and for formats that list the rules
// they can report (SARIF's tool.driver.rules). Each package that reports findings keeps
// its Rules beside the code that reports them; the report's registry concatenates them.
type Rule struct {
	ID       string
	Severity Severity // the usual severity; a finding may still carry another
	Short    i18n.Text
}
