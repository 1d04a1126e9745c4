//go:build !unix && !windows

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

// placeNew gives the temporary file tmp the name path, failing if path exists: a hard
// link, then the temporary name is removed.
func placeNew(tmp, path string) error {
	if err := os.Link(tmp, path); err != nil {
		return err
	}
	return os.Remove(tmp)
}
