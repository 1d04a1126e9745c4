//go:build windows

package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
	"time"

	"golang.org/x/sys/windows"
)

// openExcl creates name for writing; it fails if name exists.
func openExcl(name string, perm fs.FileMode) (*os.File, error) {
	return os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
}

// retryFor bounds how long a rename waits for another program to let go of the target.
// Windows refuses to replace a file that another process holds open without
// FILE_SHARE_DELETE — an editor that has just saved it, the indexer, an antivirus scan,
// another profiler reading the cache — where POSIX rename just replaces it. Those holds
// are short; the Go command waits the same way for the same reason (cmd/go robustio).
const retryFor = 2 * time.Second

// rename is os.Rename (MoveFileEx with MOVEFILE_REPLACE_EXISTING), retried while the
// target or the source is held open by someone else.
func rename(from, to string) error {
	return retry(func() error { return os.Rename(from, to) })
}

// placeNew gives the temporary file tmp the name path, failing if path exists. MoveFileEx
// without MOVEFILE_REPLACE_EXISTING refuses an existing target; a hard link (what Unix
// does) is not possible on FAT32/exFAT USB sticks and many network shares.
func placeNew(tmp, path string) error {
	from, err := windows.UTF16PtrFromString(tmp)
	if err != nil {
		return err
	}
	to, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	return retry(func() error {
		if err := windows.MoveFileEx(from, to, windows.MOVEFILE_WRITE_THROUGH); err != nil {
			return &os.LinkError{Op: "rename", Old: tmp, New: path, Err: err}
		}
		return nil
	})
}

func retry(f func() error) error {
	deadline := time.Now().Add(retryFor)
	for wait := time.Millisecond; ; wait = min(2*wait, 100*time.Millisecond) {
		err := f()
		if err == nil || !transient(err) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(wait)
	}
}

// transient reports the errors Windows gives while another process has the file open.
func transient(err error) bool {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return false
	}
	switch errno {
	case windows.ERROR_ACCESS_DENIED, windows.ERROR_SHARING_VIOLATION, windows.ERROR_LOCK_VIOLATION:
		return true
	}
	return false
}

// lockFile is a no-op on Windows: the Unix version holds the target open while it renames
// over it, and Windows refuses to replace a file that is open (Go opens files without
// FILE_SHARE_DELETE). The content check before the rename still refuses most concurrent
// edits.
func lockFile(string) func() { return func() {} }
