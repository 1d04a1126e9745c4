package scaffold

import (
	"bytes"
	"path/filepath"

	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/workspace"
)

// Check runs the full check on data as if it were the file at name, without writing
// anything: what init, new profile and promote make is checked before it is written. A
// profile finds its life situation beside the profiles/ folder, or among extra files;
// only the findings about name are returned.
func Check(name string, data []byte, extra ...string) []finding.Finding {
	res := workspace.Check(append([]string{"-"}, extra...), workspace.Options{Stdin: bytes.NewReader(data), StdinName: name})
	self := filepath.ToSlash(filepath.Clean(name))
	var out []finding.Finding
	for _, f := range res.Findings {
		if f.File == self {
			out = append(out, f)
		}
	}
	return out
}
