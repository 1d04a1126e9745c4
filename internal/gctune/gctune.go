// Package gctune holds the garbage-collector settings of the profiler binary, shared with
// the benchmarks so that in-process figures are measured as the binary runs.
package gctune

import (
	"os"
	"runtime/debug"
)

// Tune trades memory for speed in a short-lived process that allocates many short-lived
// YAML nodes; the memory limit only guards very large workspaces (a limit near the live
// heap makes the collector run back to back). GOGC and GOMEMLIMIT set by the user win.
func Tune() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(1 << 30)
	}
}
