//go:build unix

package atomicfile

import (
	"io/fs"
	"os"
	"syscall"
)

// openExcl creates name for writing; it fails if name exists. The file is opened with the
// system call and wrapped by os.NewFile: os.OpenFile would spend four more calls per file
// on registering it with the poller, which a regular file refuses.
func openExcl(name string, perm fs.FileMode) (*os.File, error) {
	for {
		fd, err := syscall.Open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_EXCL|syscall.O_CLOEXEC, uint32(perm.Perm()))
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: err}
		}
		return os.NewFile(uintptr(fd), name), nil
	}
}

// rename is rename(2). os.Rename first stats the target to refuse replacing a folder;
// the batch's targets were checked to be regular files when they were added.
func rename(from, to string) error {
	if err := syscall.Rename(from, to); err != nil {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: err}
	}
	return nil
}

// lockFile takes an exclusive advisory lock on path's current file (flock) and returns
// its release; without a file to lock it returns a no-op.
func lockFile(path string) func() {
	f, err := os.Open(path)
	if err != nil {
		return func() {}
	}
	for syscall.Flock(int(f.Fd()), syscall.LOCK_EX) == syscall.EINTR {
	}
	return func() { f.Close() } // closing the last descriptor releases the lock
}

// placeNew gives the temporary file tmp the name path, failing if path exists: link(2)
// refuses an existing target where rename(2) would replace it.
func placeNew(tmp, path string) error {
	if err := os.Link(tmp, path); err != nil {
		return err
	}
	return os.Remove(tmp)
}
