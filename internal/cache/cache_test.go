package cache

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestMain keeps the key caches are signed with out of the user's real cache folder.
func TestMain(m *testing.M) {
	d, _ := os.MkdirTemp("", "profiler-cache-key-")
	SecretDir = func() (string, error) { return d, nil }
	code := m.Run()
	os.RemoveAll(d)
	os.Exit(code)
}

func stat(t *testing.T, p string) os.FileInfo {
	t.Helper()
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestUnchanged: metadata answers only when it proves the file unchanged.
func TestUnchanged(t *testing.T) {
	if _, ok := metaOf(stat(t, ".")); !ok && runtime.GOOS != "linux" {
		t.Skip("no change time on this platform: every file is hashed")
	}
	dir := t.TempDir()
	f := filepath.Join(dir, "a.yaml")
	if err := os.WriteFile(f, []byte("id: a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cf := filepath.Join(dir, "cache")
	st := stat(t, f)
	c := Open(cf, "k")
	later := time.Now().Add(time.Hour).UnixNano() // as if hashed long after the last change
	c.Put(f, &Entry{Meta: MetaOf(st), Checked: later, Sum: Sum([]byte("id: a\n"))})
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	if Open(cf, "k").Unchanged(f, stat(t, f)) == nil {
		t.Fatal("an unchanged file was not recognised")
	}
	if Open(cf, "other").Unchanged(f, stat(t, f)) != nil {
		t.Fatal("an entry of another key was used")
	}

	// Same size, mtime put back: the change time still tells.
	time.Sleep(10 * time.Millisecond)
	if err := os.WriteFile(f, []byte("id: b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(f, st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	if Open(cf, "k").Unchanged(f, stat(t, f)) != nil {
		t.Fatal("a rewritten file with its mtime restored was trusted")
	}

	// Racily clean: hashed within the margin after its last change.
	st = stat(t, f)
	c = Open(cf, "k")
	c.Put(f, &Entry{Meta: MetaOf(st), Checked: time.Now().UnixNano(), Sum: Sum([]byte("id: b\n"))})
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	if Open(cf, "k").Unchanged(f, stat(t, f)) != nil {
		t.Fatal("an entry hashed right after the file changed was trusted without hashing")
	}
}

// TestCorrupt: any damage gives an empty cache, never a panic or an error.
func TestCorrupt(t *testing.T) {
	dir := t.TempDir()
	cf := filepath.Join(dir, "cache")
	c := Open(cf, "k")
	for i := range 50 {
		c.Put(filepath.Join(dir, string(rune('a'+i%26))+".yaml"), &Entry{Kind: "Profile", Sum: Sum([]byte{byte(i)})})
	}
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	good, _ := os.ReadFile(cf)
	for cut := 0; cut < len(good); cut += 7 {
		for _, b := range [][]byte{good[:cut], append(append([]byte{}, good[:cut]...), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f)} {
			if err := os.WriteFile(cf, b, 0o644); err != nil {
				t.Fatal(err)
			}
			got := Open(cf, "k")
			<-got.loaded
			if len(got.old) != 0 && cut < len(good) {
				t.Fatalf("a file cut at %d of %d bytes gave %d entries", cut, len(good), len(got.old))
			}
		}
	}
}

// Runs that create the key at once all get the same whole key: none reads it half-written
// (render --cache opens its manifest while the input is checked, two hooks run at once),
// also where the file system has no hard links.
func TestSecretCreatedOnce(t *testing.T) {
	for _, links := range []bool{true, false} {
		t.Run(fmt.Sprint("links=", links), func(t *testing.T) {
			if !links {
				old := link
				link = func(string, string) error { return &os.LinkError{Op: "link", Err: syscall.EPERM} }
				t.Cleanup(func() { link = old })
			}
			secretCreatedOnce(t)
		})
	}
}

func secretCreatedOnce(t *testing.T) {
	for round := range 20 {
		dir := t.TempDir()
		old := SecretDir
		SecretDir = func() (string, error) { return filepath.Join(dir, "profiler"), nil }
		keys := make([][]byte, 8)
		errs := make([]error, len(keys))
		var wg sync.WaitGroup
		for i := range keys {
			wg.Go(func() { keys[i], errs[i] = loadSecret() })
		}
		wg.Wait()
		SecretDir = old
		for i := range keys {
			if errs[i] != nil || len(keys[i]) != 32 || !bytes.Equal(keys[i], keys[0]) {
				t.Fatalf("round %d, run %d: key %x, error %v; first run's key %x", round, i, keys[i], errs[i], keys[0])
			}
		}
		if ents, _ := os.ReadDir(filepath.Join(dir, "profiler")); len(ents) != 1 { // no temporary file left
			t.Fatalf("round %d: %d files beside the key, want none", round, len(ents)-1)
		}
	}
}
