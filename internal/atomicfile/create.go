package atomicfile

import (
	"io/fs"
	"path/filepath"
)

// DirError is returned by [Create] when the folder of the file could not be made: the
// message then names the folder, not the file that was never attempted.
type DirError struct {
	Dir string
	Err error
}

func (e *DirError) Error() string { return "create folder " + e.Dir + ": " + e.Err.Error() }
func (e *DirError) Unwrap() error { return e.Err }

// Create makes the folders on the way to path ([MkdirAll], mode 0755) and writes data
// there like [Write]: the one way a command puts a user file in place. A folder that
// cannot be made is a *[DirError]; internal/reason words either error for a message.
func Create(path string, data []byte, perm fs.FileMode, overwrite bool) error {
	if dir := filepath.Dir(path); dir != "." {
		if err := MkdirAll(dir, 0o755); err != nil {
			return &DirError{Dir: dir, Err: err}
		}
	}
	return Write(path, data, perm, overwrite)
}
