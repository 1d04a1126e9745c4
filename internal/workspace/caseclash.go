package workspace

import (
	"os"
	"runtime"
	"slices"
	"strings"

	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
)

// RuleFileNameCase: two checked files whose paths differ only in letter case.
const RuleFileNameCase = "file-name-case"

// caseInsensitiveFS: the usual file systems of Windows (NTFS) and macOS (APFS) ignore case.
var caseInsensitiveFS = runtime.GOOS == "windows" || runtime.GOOS == "darwin"

// caseClashes reports checked files whose paths differ only in letter case
// («profiles/Student.yaml» and «profiles/student.yaml»). Linux and git keep them apart, but
// on Windows and macOS they are one file: a colleague there gets only one of them from a
// checkout (git warns "the following paths have collided") and silently edits the other's
// profile. Every file of a clash gets a finding that names the others.
func caseClashes(ts []target, checked func(i int) bool) []finding.Finding {
	groups := map[string][]int{}
	var keys []string
	for i, t := range ts {
		if t.fsPath == "" || !checked(i) {
			continue
		}
		k := strings.ToLower(t.display)
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], i)
	}
	var out []finding.Finding
	for _, k := range keys {
		g := groups[k]
		if len(g) < 2 {
			continue
		}
		var names []string
		for _, i := range g {
			names = append(names, ts[i].display)
		}
		if caseInsensitiveFS && sameFile(ts[g[0]].fsPath, ts[g[1]].fsPath) {
			continue // one file named twice on the command line in different case
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

func sameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}
