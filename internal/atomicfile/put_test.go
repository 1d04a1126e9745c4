package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
)

type item struct {
	Path string
	Data []byte
}

// pages makes n items spread over dirs folders, some replacing existing files.
func pages(t *testing.T, root string, dirs, n int) []item {
	t.Helper()
	var items []item
	for i := range n {
		d := filepath.Join(root, fmt.Sprintf("ls%d", i%dirs))
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(d, fmt.Sprintf("p%03d.md", i))
		if i%3 == 0 {
			if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		items = append(items, item{Path: p, Data: []byte(fmt.Sprintf("page %d", i))})
	}
	return items
}

func countTemps(t *testing.T, root string) int {
	t.Helper()
	n := 0
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), ".tmp-") {
			n++
		}
		return nil
	})
	return n
}

// putAll puts items on workers goroutines, as render does, and returns the index and
// error of every failed Put.
func putAll(b *Batch, items []item, workers int) map[int]error {
	var mu sync.Mutex
	failed := map[int]error{}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(items) {
					return
				}
				if err := b.Put(items[i].Path, items[i].Data, 0o644); err != nil {
					mu.Lock()
					failed[i] = err
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	return failed
}

func TestPutConcurrentCommit(t *testing.T) {
	root := t.TempDir()
	items := pages(t, root, 7, 300)
	var b Batch
	if failed := putAll(&b, items, 4); len(failed) > 0 {
		t.Fatalf("Put failed: %v", failed)
	}
	if b.Len() != len(items) {
		t.Fatalf("Len = %d, want %d", b.Len(), len(items))
	}
	if got := readFile(t, items[0].Path); got != "old" {
		t.Fatalf("a target changed before Commit: %q", got)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	old := umask()
	for i, it := range items {
		if got := readFile(t, it.Path); got != string(it.Data) {
			t.Fatalf("%s = %q, want %q", it.Path, got, it.Data)
		}
		st, err := os.Stat(it.Path)
		if err != nil {
			t.Fatal(err)
		}
		want := fs.FileMode(0o644) &^ old
		if i%3 == 0 {
			want = 0o600 // an existing file keeps its mode
		}
		if st.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", it.Path, st.Mode().Perm(), want)
		}
	}
	if n := countTemps(t, root); n != 0 {
		t.Errorf("%d temporary files left", n)
	}
}

// A full disk on one Put, whichever goroutine meets it, leaves no temporary file of its
// own; the error names the target; Abort then leaves every target as it was.
func TestPutFailureThenAbort(t *testing.T) {
	root := t.TempDir()
	items := pages(t, root, 5, 200)
	orig := write
	t.Cleanup(func() { write = orig })
	var calls atomic.Int64
	write = func(f *os.File, data []byte) (int, error) {
		if calls.Add(1) == 120 {
			n, _ := f.Write(data[:len(data)/2])
			return n, &fs.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
		}
		return f.Write(data)
	}
	var b Batch
	failed := putAll(&b, items, 3)
	if len(failed) != 1 {
		t.Fatalf("failed Puts: %v, want one", failed)
	}
	for i, err := range failed {
		if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), items[i].Path) || strings.Contains(err.Error(), ".tmp-") {
			t.Fatalf("Put %d: %v; want ENOSPC naming the target", i, err)
		}
	}
	if b.Len() != len(items)-1 || countTemps(t, root) != len(items)-1 {
		t.Fatalf("Len %d, %d temporary files; want %d of each", b.Len(), countTemps(t, root), len(items)-1)
	}
	b.Abort()
	for j, it := range items {
		_, statErr := os.Stat(it.Path)
		if j%3 == 0 && readFile(t, it.Path) != "old" || j%3 != 0 && !errors.Is(statErr, fs.ErrNotExist) {
			t.Fatalf("%s changed", it.Path)
		}
	}
	if n := countTemps(t, root); n != 0 {
		t.Errorf("%d temporary files left", n)
	}
}

func TestSpreadInterleavesFolders(t *testing.T) {
	paths := []string{"a/1", "a/2", "a/3", "b/1", "c/1", "c/2"}
	order := spread(len(paths), func(i int) string { return paths[i] })
	var got []string
	for _, i := range order {
		got = append(got, paths[i])
	}
	if want := "a/1 b/1 c/1 a/2 c/2 a/3"; strings.Join(got, " ") != want {
		t.Errorf("spread = %v, want %s", got, want)
	}
}

func TestWriteUnsynced(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "cache")
	for _, data := range []string{"one", "two"} {
		if err := WriteUnsynced(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := readFile(t, p); got != data {
			t.Fatalf("got %q, want %q", got, data)
		}
	}
	if got := entries(t, dir); len(got) != 1 {
		t.Errorf("temporary files left: %v", got)
	}
}

func TestStageCommit(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "site")
	var b Batch
	w, err := b.Stage(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(filepath.Base(w), ".site.tmp-") || filepath.Dir(w) != root {
		t.Fatalf("staged at %s", w)
	}
	if err := os.Mkdir(filepath.Join(w, "ls"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := b.PutStaged(filepath.Join(w, "ls", "x.md"), filepath.Join(dir, "ls", "x.md"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	// An existing file in another folder goes through the same batch.
	other := filepath.Join(root, "index.md")
	if err := os.WriteFile(other, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := b.Put(other, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("the folder appeared before Commit: %v", err)
	}
	if b.Len() != 2 {
		t.Fatalf("Len = %d, want 2 (a file and a folder)", b.Len())
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	if readFile(t, filepath.Join(dir, "ls", "x.md")) != "x" || readFile(t, other) != "new" {
		t.Fatal("Commit did not put everything in place")
	}
	old := umask()
	if st, _ := os.Stat(dir); st.Mode().Perm() != fs.FileMode(0o755)&^old {
		t.Errorf("folder mode %v", st.Mode().Perm())
	}
	if got := entries(t, root); strings.Join(got, " ") != "index.md site" {
		t.Errorf("left in %s: %v", root, got)
	}
}

// A failed PutStaged names the final path and leaves nothing; Abort removes the staged
// folder with everything in it.
func TestStageFailureAndAbort(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "site")
	var b Batch
	w, err := b.Stage(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.PutStaged(filepath.Join(w, "a.md"), filepath.Join(dir, "a.md"), []byte("a"), 0o644); err != nil {
		t.Fatal(err)
	}
	failAfter(t)
	err = b.PutStaged(filepath.Join(w, "b.md"), filepath.Join(dir, "b.md"), []byte("bbbb"), 0o644)
	if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), filepath.Join(dir, "b.md")) || strings.Contains(err.Error(), ".tmp-") {
		t.Fatalf("err = %v, want ENOSPC naming the final path", err)
	}
	if got := entries(t, w); strings.Join(got, " ") != "a.md" {
		t.Errorf("after the failure the staged folder holds %v", got)
	}
	b.Abort()
	if got := entries(t, root); len(got) != 0 {
		t.Errorf("Abort left %v", got)
	}
}

// A staged folder whose name was taken meanwhile by a non-empty folder: Commit fails,
// names the folder and leaves the other folder and no hidden one.
func TestStageCommitConflict(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "site")
	var b Batch
	w, err := b.Stage(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.PutStaged(filepath.Join(w, "a.md"), filepath.Join(dir, "a.md"), []byte("a"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "mine"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); err == nil || !strings.Contains(err.Error(), dir) {
		t.Fatalf("Commit = %v, want an error naming %s", err, dir)
	}
	if got := entries(t, root); strings.Join(got, " ") != "site" {
		t.Errorf("left in %s: %v", root, got)
	}
	if got := entries(t, dir); strings.Join(got, " ") != "mine" {
		t.Errorf("the other folder changed: %v", got)
	}
}
