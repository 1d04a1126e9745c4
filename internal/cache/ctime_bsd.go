//go:build darwin || freebsd || netbsd || openbsd || dragonfly

package cache

import "syscall"

func ctimeNs(s *syscall.Stat_t) int64 { return s.Ctimespec.Nano() }
