//go:build !unix

package serve_test

import "time"

// cpuTime is 0 where getrusage is missing: the benchmarks then report no cpu-ms.
func cpuTime() time.Duration { return 0 }
