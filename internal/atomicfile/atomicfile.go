// Package atomicfile writes files so that a reader sees the old content or the new one,
// never half of it: the data goes to a temporary file in the same folder and is renamed
// over the target. Commands that write user files (init, new, promote, render) all go
// through here. [Write] also syncs the data to the disk before the rename, so a file the
// user wrote survives a power failure; render replaces its pages together with [Batch],
// which does not (see [Batch.Commit]).
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/profiler-cx/profiler/internal/parallel"
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
	return writeFile(path, data, perm, overwrite, true, nil)
}

// Edit replaces path like Write with overwrite, for an edit of what the caller read:
// unchanged runs just before the rename, when the new content is already on disk, and an
// error from it (the file changed meanwhile: an editor saved, another run edited it)
// stops the write with nothing changed. It keeps the window in which a concurrent change
// could be lost to the rename itself.
func Edit(path string, data []byte, unchanged func() error) error {
	return writeFile(path, data, 0o644, true, true, unchanged)
}

// WriteUnsynced replaces (or creates) path like Write with overwrite, without syncing the
// data to the disk first: readers still see the old content or the new one, but after a
// power failure the file may be empty. For files that are rebuilt when lost (caches).
func WriteUnsynced(path string, data []byte, perm fs.FileMode) error {
	return writeFile(path, data, perm, true, false, nil)
}

func writeFile(path string, data []byte, perm fs.FileMode, overwrite, sync bool, unchanged func() error) (err error) {
	if err := Confined(path); err != nil {
		return err
	}
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
	tmp, err := os.CreateTemp(dir, filepath.Base(hiddenPrefix(path))+"*")
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
	if sync {
		if err = tmp.Sync(); err != nil {
			return err
		}
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if !overwrite {
		// placeNew fails if the target appeared meanwhile; rename would silently replace it.
		if err = placeNew(tmp.Name(), path); err != nil {
			if errors.Is(err, fs.ErrExist) {
				err = fmt.Errorf("%s: %w", path, ErrExists)
			}
			return err
		}
		return nil
	}
	if unchanged != nil {
		// Two profiler runs editing one file take turns: the lock is held from the check
		// to the rename, so the later run sees the earlier one's content and refuses.
		// (An editor takes no lock: the check alone narrows its window to the rename.)
		unlock := lockFile(path)
		defer unlock()
		if err = unchanged(); err != nil {
			return err
		}
	}
	return rename(tmp.Name(), path)
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

// Batch replaces several files together: [Batch.Put] writes each one to a temporary file
// beside its target ([Batch.Stage] and [Batch.PutStaged] build a new folder), and only
// [Batch.Commit] renames them all into place. [Batch.Abort] — after a failed Put, a full
// disk — removes the temporary files and leaves every target as it was, so a set of pages
// that link to each other is never half updated. The zero value is ready to use. Put,
// Stage and PutStaged may be called concurrently; Commit and Abort may not.
type Batch struct {
	mu      sync.Mutex // guards pending and staged for Put and Stage
	pending []pending
	staged  []pending // hidden folders (tmp) that become new folders (path)
}

type pending struct{ tmp, path string }

// addOne writes one temporary file. It returns the pending entry whenever a temporary
// file exists, also on error, so that the caller removes it.
func addOne(path string, data []byte, perm fs.FileMode) (p pending, err error) {
	defer func() {
		if err != nil {
			err = naming(err, path)
		}
	}()
	var keep fs.FileMode // the mode of the file being replaced
	replacing := false
	if st, err := os.Lstat(path); err == nil {
		if !st.Mode().IsRegular() {
			return p, &fs.PathError{Op: "replace", Path: path, Err: ErrNotRegular}
		}
		keep, replacing = st.Mode().Perm(), true
	}
	tmp, err := createTemp(path, perm)
	if err != nil {
		return p, err
	}
	p = pending{tmp.Name(), path}
	if _, err = write(tmp, data); err == nil && replacing {
		err = tmp.Chmod(keep)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	return p, err
}

// createTemp creates a new, empty temporary file beside path with mode perm (less the
// umask): ".name.tmp-NNN". Unlike os.CreateTemp it needs no chmod afterwards.
func createTemp(path string, perm fs.FileMode) (f *os.File, err error) {
	_, err = createHidden(path, func(name string) (err error) {
		f, err = openExcl(name, perm)
		return err
	})
	return f, err
}

// maxTempBase keeps ".name.tmp-NNNNNNNNNN" within the 255 bytes most filesystems allow
// a name: a target whose own name fits must not fail on its temporary one.
const maxTempBase = 255 - len(".") - len(".tmp-") - 10

// hiddenPrefix is the temporary name beside path without its random part: ".name.tmp-",
// the name cut (at a character boundary) when it is long.
func hiddenPrefix(path string) string {
	base := filepath.Base(path)
	if len(base) > maxTempBase {
		cut := maxTempBase
		for cut > 0 && !utf8.RuneStart(base[cut]) {
			cut--
		}
		base = base[:cut]
	}
	return filepath.Join(filepath.Dir(path), "."+base+".tmp-")
}

// createHidden calls create with ".name.tmp-NNN" beside path, a new NNN each time, until
// create succeeds or fails with something else than "exists"; it returns the name used.
func createHidden(path string, create func(name string) error) (string, error) {
	prefix := hiddenPrefix(path)
	for range 10000 {
		name := prefix + strconv.FormatUint(uint64(rand.Uint32()), 10)
		if err := create(name); !errors.Is(err, fs.ErrExist) {
			return name, err
		}
	}
	return "", &fs.PathError{Op: "create", Path: prefix + "*", Err: fs.ErrExist}
}

// Put writes data for path to a temporary file. A new file is created with perm (less the
// umask, as os.WriteFile does); an existing file keeps its mode. It is safe for concurrent
// use (render writes its pages on all cores as they are built; the kernel creates files in
// different folders in parallel). A failed Put removes only its own temporary file: the
// caller decides whether to [Batch.Abort] the batch.
func (b *Batch) Put(path string, data []byte, perm fs.FileMode) error {
	p, err := addOne(path, data, perm)
	if err != nil {
		if p.tmp != "" {
			os.Remove(p.tmp)
		}
		return err
	}
	b.mu.Lock()
	b.pending = append(b.pending, p)
	b.mu.Unlock()
	return nil
}

// Stage prepares a folder dir that does not exist yet: it creates a hidden folder beside
// it (".name.tmp-NNN", mode 0755 less the umask), where the caller writes dir's files
// under their final names with [Batch.PutStaged] and makes subfolders; Commit renames the
// hidden folder to dir, Abort removes it. One rename then replaces one per file, which
// made a first render of 10,000 pages noticeably slower on ext4.
func (b *Batch) Stage(dir string) (string, error) {
	tmp, err := createHidden(dir, func(name string) error { return os.Mkdir(name, 0o755) })
	if err != nil {
		return "", naming(err, dir)
	}
	b.mu.Lock()
	b.staged = append(b.staged, pending{tmp, dir})
	b.mu.Unlock()
	return tmp, nil
}

// PutStaged writes a new file at path, inside a folder [Batch.Stage] returned, directly
// under its final name: nobody sees the folder before Commit. Safe for concurrent use.
// display names the file in errors (where it will be after Commit).
func (b *Batch) PutStaged(path, display string, data []byte, perm fs.FileMode) (err error) {
	f, err := openExcl(path, perm)
	if err != nil {
		return naming(err, display)
	}
	if _, err = write(f, data); err == nil {
		err = f.Close()
	} else {
		f.Close()
	}
	if err != nil {
		os.Remove(path)
		return naming(err, display)
	}
	return nil
}

// spread orders paths so that consecutive ones are in different folders where it can
// (the first file of every folder, then the second of every folder, …): creating or
// renaming files in one folder serialises on that folder's lock in the kernel.
func spread(n int, path func(int) string) []int {
	rank := make([]int, n)
	seen := map[string]int{}
	for i := range n {
		d := filepath.Dir(path(i))
		rank[i] = seen[d]
		seen[d]++
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return rank[a] - rank[b] })
	return order
}

// Len is the number of files and staged folders waiting for Commit.
func (b *Batch) Len() int { return len(b.pending) + len(b.staged) }

// Commit renames every temporary file over its target, on all cores, folders interleaved
// (renames in one folder take the folder's lock in turn), then every staged folder to its
// name. Renames within a folder need no disk space; should one fail anyway, the files and
// folders not yet renamed are removed and the error names the file.
//
// Commit does not sync the data to the disk first. A batch is generated output that the
// same command makes again: render's pages. Syncing them cost more than writing them (one
// syncfs after 10,000 pages took 0.1–0.4 s on ext4, and it waits for everything else
// waiting to be written on that filesystem too), while a rename already gives what
// readers and an interrupted run need. After a power failure in the seconds after a
// render, ext4 keeps a replaced page's old or new content (with its default
// auto_da_alloc it writes the data of a file renamed over another before the rename);
// elsewhere, and for a page that did not exist before, the page may come back empty —
// `profiler render --check` names it and a second render restores it.
func (b *Batch) Commit() error {
	ps := b.pending
	order := spread(len(ps), func(i int) string { return ps[i].path })
	done := make([]bool, len(ps))
	first := parallel.For(len(ps), parallel.Workers(len(ps), 64), 1, func(_, k int) error {
		i := order[k]
		if err := rename(ps[i].tmp, ps[i].path); err != nil {
			return err
		}
		done[i] = true
		return nil
	})
	b.pending = nil
	if first != nil {
		for i, p := range ps {
			if !done[i] {
				b.pending = append(b.pending, p)
			}
		}
		b.Abort()
		return first
	}
	for i, p := range b.staged {
		if err := rename(p.tmp, p.path); err != nil {
			b.staged = b.staged[i:]
			b.Abort()
			return naming(err, p.path)
		}
	}
	b.staged = nil
	return nil
}

// Abort removes the temporary files; the targets stay as they were.
func (b *Batch) Abort() {
	for _, p := range b.pending {
		os.Remove(p.tmp)
	}
	b.pending = nil
	for _, p := range b.staged {
		os.RemoveAll(p.tmp)
	}
	b.staged = nil
}
