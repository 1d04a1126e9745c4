package cli

import (
	"os"
	"runtime/debug"
)

// tuneGC trades memory for speed in a short-lived process: validate allocates a lot of
// short-lived YAML nodes, and at the default GOGC=100 the collector took about a sixth of
// the CPU on a 10,000-file workspace. No memory limit: with a live heap near the limit the
// collector runs back to back (a 50,000-file run took three times as long). GOGC set by
// the user wins.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
}
