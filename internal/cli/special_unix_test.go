//go:build unix

package cli

import "syscall"

// mkfifo makes a named pipe at p.
func mkfifo(p string) error { return syscall.Mkfifo(p, 0o644) }

// mknodNull makes a character device with /dev/null's numbers (1, 3) at p; needs root.
func mknodNull(p string) error { return syscall.Mknod(p, syscall.S_IFCHR|0o644, 1<<8|3) }
