//go:build !unix

package atomicfile

import (
	"io/fs"
	"os"
)

// openExcl creates name for writing; it fails if name exists.
func openExcl(name string, perm fs.FileMode) (*os.File, error) {
	return os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
}

// rename is os.Rename.
func rename(from, to string) error { return os.Rename(from, to) }

// lockFile is a no-op here: the content check before the rename still refuses most
// concurrent edits.
func lockFile(string) func() { return func() {} }
