// Package gctune holds the garbage-collector settings of the profiler binary, shared with
// the benchmarks so that in-process figures are measured as the binary runs.
package gctune

import (
	"os"
	"runtime/debug"
)

// Tune trades memory for speed in a short-lived process: validate allocates many
// short-lived YAML nodes, and at the default GOGC=100 the collector took about a sixth of
// the CPU. At GOGC=400 a 10,000-file run peaks near 125 MB (measured; README,
// Performance). The memory limit is only a guard for very large workspaces: a limit
// near the live heap makes the collector run back to back (a 50,000-file run took three
// times as long under a 160 MiB limit). GOGC and GOMEMLIMIT set by the user win. The
// benchmarks call it too, so that in-process figures match the binary's.
func Tune() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(1 << 30)
	}
}
