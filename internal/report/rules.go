package report

import (
	"slices"

	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/rules"
	"github.com/profiler-cx/profiler/internal/schemacheck"
)

// Rules is every rule id profiler can report: the concatenation of the lists each checking
// package keeps beside its code, in the order SARIF lists them. A new rule goes into its
// package's list and the documentation's Rules table; nothing here changes.
var Rules = slices.Concat(load.Rules, schemacheck.Rules, rules.Rules)

// ruleIndex returns the registry entry for id, or a bare one for an id not registered.
func ruleIndex(id string) (finding.Rule, bool) {
	for _, r := range Rules {
		if r.ID == id {
			return r, true
		}
	}
	return finding.Rule{ID: id, Severity: finding.Error, Short: i18n.Same(id)}, false
}
