// Package atomicfile writes files so that a reader sees the old content or the new one,
// never half of it: the data goes to a temporary file in the same folder, is synced, and
// is renamed over the target. Commands that write user files (init, new, promote, render)
// all go through here; render replaces its pages together with [Batch].
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

// ErrNotRegular is returned when the target is a symbolic link, a folder or a device: it is
// never replaced (a link planted in a repository must not redirect a write).
var ErrNotRegular = errors.New("not a regular file (a symbolic link, folder or device): it is left as it is")

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
			return &fs.PathError{Op: "replace", Path: path, Err: ErrNotRegular}
		}
		perm = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return naming(err, path)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			err = naming(err, path)
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

// naming makes an error about the temporary file (or its pattern) name the target
// instead: users know the target, not ".x.md.tmp-123".
func naming(err error, path string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path != path {
		return &fs.PathError{Op: pe.Op, Path: path, Err: pe.Err}
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return &fs.PathError{Op: le.Op, Path: path, Err: le.Err}
	}
	return err
}

// Batch replaces several files together: [Batch.Add] writes each one to a temporary file
// beside its target, and only [Batch.Commit] makes them durable and renames them all into
// place. A failed
// Add (a full disk) or an [Batch.Abort] removes the temporary files and leaves every
// target as it was, so a set of pages that link to each other is never half updated.
// The zero value is ready to use; a Batch is not safe for concurrent use.
type Batch struct {
	pending []pending
}

type pending struct{ tmp, path string }

// Add writes data for path (created with perm; an existing file keeps its mode) to a
// temporary file. On error the batch is aborted: nothing is left behind.
func (b *Batch) Add(path string, data []byte, perm fs.FileMode) (err error) {
	defer func() {
		if err != nil {
			b.Abort()
			err = naming(err, path)
		}
	}()
	if st, err := os.Lstat(path); err == nil {
		if !st.Mode().IsRegular() {
			return &fs.PathError{Op: "replace", Path: path, Err: ErrNotRegular}
		}
		perm = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	b.pending = append(b.pending, pending{tmp.Name(), path})
	if _, err = write(tmp, data); err == nil {
		err = tmp.Chmod(perm)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	return err
}

// Len is the number of files waiting for Commit.
func (b *Batch) Len() int { return len(b.pending) }

// Commit first makes every temporary file durable — one syncfs on Linux instead of an
// fsync per file, which dominated rendering thousands of pages — then renames each over
// its target, in the order they were added. A write error that surfaces only now (a full
// disk on a filesystem with delayed allocation) aborts the batch with every target as it
// was. Renames within a folder do not need disk space; should one fail anyway, the files
// not yet renamed are removed and the error names the file.
func (b *Batch) Commit() error {
	if err := syncPending(b.pending); err != nil {
		b.Abort()
		return err
	}
	for i, p := range b.pending {
		if err := os.Rename(p.tmp, p.path); err != nil {
			b.pending = b.pending[i:]
			b.Abort()
			return err
		}
	}
	b.pending = nil
	return nil
}

// Abort removes the temporary files; the targets stay as they were.
func (b *Batch) Abort() {
	for _, p := range b.pending {
		os.Remove(p.tmp)
	}
	b.pending = nil
}
