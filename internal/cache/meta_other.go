//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package cache

import "io/fs"

// metaOf: without a change time the metadata cannot prove a file unchanged, so every
// file is read and hashed.
func metaOf(fs.FileInfo) (Meta, bool) { return Meta{}, false }

// foreignOwner: ownership is not checked where it is not a Unix owner.
func foreignOwner(fs.FileInfo) bool { return false }
