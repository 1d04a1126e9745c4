//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package cache

import (
	"io/fs"
	"syscall"
)

// metaOf returns what identifies a file's version without reading it: size, mtime,
// ctime (which no user tool can set back), inode and device.
func metaOf(st fs.FileInfo) (Meta, bool) {
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok || !st.Mode().IsRegular() {
		return Meta{}, false
	}
	return Meta{Size: st.Size(), Mtime: st.ModTime().UnixNano(), Ctime: ctimeNs(sys),
		Ino: uint64(sys.Ino), Dev: uint64(sys.Dev)}, true
}

// foreignOwner reports whether another user owns the file.
func foreignOwner(st fs.FileInfo) bool {
	sys, ok := st.Sys().(*syscall.Stat_t)
	return ok && int(sys.Uid) != syscall.Getuid()
}
