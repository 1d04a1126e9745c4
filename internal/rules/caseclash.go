package rules

import (
	"slices"
	"strings"

	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
)

// RuleFileNameCase: two checked files whose paths differ only in letter case.
const RuleFileNameCase = "file-name-case"

// CaseClashes reports checked files whose paths differ only in letter case
// («profiles/Student.yaml» and «profiles/student.yaml»). Linux and git keep them apart, but
// on Windows and macOS they are one file: a colleague there gets only one of them from a
// checkout (git warns "the following paths have collided") and silently edits the other's
// profile. Every file of a clash gets a finding that names the others. sameFile(i, j)
// tells that paths[i] and paths[j] are one file named twice (on a file system that ignores
// case); such a group is not a clash.
func CaseClashes(paths []string, sameFile func(i, j int) bool) []finding.Finding {
	groups := map[string][]int{}
	var keys []string
	for i, p := range paths {
		k := strings.ToLower(p)
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], i)
	}
	var out []finding.Finding
	for _, k := range keys {
		g := groups[k]
		if len(g) < 2 || sameFile(g[0], g[1]) {
			continue
		}
		var names []string
		for _, i := range g {
			names = append(names, paths[i])
		}
		slices.Sort(names)
		for _, name := range names {
			others := strings.Join(slices.DeleteFunc(slices.Clone(names), func(n string) bool { return n == name }), ", ")
			out = append(out, finding.Finding{File: name, Severity: finding.Error, Rule: RuleFileNameCase, Message: i18n.Msg(
				"путь отличается от %s только регистром букв: в Windows и macOS это один и тот же файл, и git создаст там только один из них; переименуйте один из файлов (git mv)",
				"the path differs from %s only in letter case: on Windows and macOS they are one and the same file, and git checks out only one of them; rename one of the files (git mv)",
				others)})
		}
	}
	return out
}
