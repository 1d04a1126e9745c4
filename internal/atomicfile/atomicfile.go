// Package atomicfile writes files so that a reader sees the old content or the new one,
// never half of it: the data goes to a temporary file in the same folder, is synced, and
// is renamed over the target. Commands that write user files (init, new, promote, render)
// all go through here.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExists is returned by [Write] without overwrite when the target already exists.
var ErrExists = errors.New("file already exists")

// write is tmp.Write; tests replace it to simulate a full disk or a crash in mid-write.
var write = func(f *os.File, data []byte) (int, error) { return f.Write(data) }

// Write replaces (or creates) path with data atomically. Without overwrite an existing
// path is left untouched and ErrExists returned. perm applies to a new file; an existing
// file keeps its mode.
func Write(path string, data []byte, perm fs.FileMode, overwrite bool) (err error) {
	dir := filepath.Dir(path)
	if st, err := os.Lstat(path); err == nil {
		if !overwrite {
			return fmt.Errorf("%s: %w", path, ErrExists)
		}
		if !st.Mode().IsRegular() {
			return fmt.Errorf("%s: not a regular file", path)
		}
		perm = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = write(tmp, data); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if !overwrite {
		// Link fails if the target appeared meanwhile; rename would silently replace it.
		if err = os.Link(tmp.Name(), path); err != nil {
			if errors.Is(err, fs.ErrExist) {
				err = fmt.Errorf("%s: %w", path, ErrExists)
			}
			return err
		}
		return os.Remove(tmp.Name())
	}
	return os.Rename(tmp.Name(), path)
}
