//go:build unix

package load

import "syscall"

// openFlags keeps Open from blocking on a FIFO swapped in after Stat.
const openFlags = syscall.O_NONBLOCK
