//go:build unix

package serve_test

import (
	"syscall"
	"time"
)

// cpuTime is the processor time of the process so far: on a shared machine wall time
// mostly measures the others' load.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
