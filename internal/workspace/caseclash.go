package workspace

import (
	"os"
	"runtime"

	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/rules"
)

// caseInsensitiveFS: the usual file systems of Windows (NTFS) and macOS (APFS) ignore case.
var caseInsensitiveFS = runtime.GOOS == "windows" || runtime.GOOS == "darwin"

// caseClashes runs [rules.CaseClashes] on the checked files that exist on disk.
func caseClashes(ts []target, checked func(i int) bool) []finding.Finding {
	var display, fsPaths []string
	for i, t := range ts {
		if t.fsPath == "" || !checked(i) {
			continue
		}
		display = append(display, t.display)
		fsPaths = append(fsPaths, t.fsPath)
	}
	return rules.CaseClashes(display, func(i, j int) bool {
		return caseInsensitiveFS && sameFile(fsPaths[i], fsPaths[j]) // one file named twice on the command line in different case
	})
}

func sameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}
