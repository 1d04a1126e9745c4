//go:build unix

package cache

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
)

func warned(f *File, part string) bool {
	for _, w := range f.Warnings() {
		if strings.Contains(w.EN, part) {
			return true
		}
	}
	return false
}

// plant writes a cache holding an entry with no findings for data, as a forger would
// (the content hash is right: anyone can compute it).
func plant(t *testing.T, path string, data []byte) {
	t.Helper()
	c := Open(path, "k")
	c.Put("p.yaml", &Entry{Sum: Sum(data), Kind: "Profile"})
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
}

// TestForgedCacheIgnored: a cache signed with another user's key (a committed or shared
// one) is not trusted, whatever content hashes it holds (issue 18, item 8).
func TestForgedCacheIgnored(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "c")
	data := []byte("x")
	plant(t, p, data)
	if Open(p, "k").Get("p.yaml", Sum(data)) == nil {
		t.Fatal("own cache not trusted")
	}
	old := SecretDir
	t.Cleanup(func() { SecretDir = old })
	other := t.TempDir()
	SecretDir = func() (string, error) { return other, nil }
	c := Open(p, "k")
	if c.Get("p.yaml", Sum(data)) != nil || !warned(c, "not written by this user") {
		t.Fatalf("forged cache trusted; warnings %v", c.Warnings())
	}
	// Edited in place (a finding removed by hand): the signature no longer matches.
	SecretDir = old
	b, _ := os.ReadFile(p)
	b[len(b)-40] ^= 1
	os.WriteFile(p, b, 0o600)
	if c := Open(p, "k"); c.Get("p.yaml", Sum(data)) != nil || !warned(c, "was changed") {
		t.Fatal("edited cache trusted")
	}
}

// TestUnsafeCacheRefused: links (to /dev/zero), FIFOs, caches other users may write and
// files that are not caches are neither read nor replaced (items 3, 8 and 9).
func TestUnsafeCacheRefused(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	plant(t, real, []byte("x"))
	os.Symlink(real, filepath.Join(dir, "link"))
	os.Symlink("/dev/zero", filepath.Join(dir, "zero"))
	syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o600)
	shared := filepath.Join(dir, "shared")
	plant(t, shared, []byte("x"))
	os.Chmod(shared, 0o666)
	doc := filepath.Join(dir, "life-situation.yaml")
	os.WriteFile(doc, []byte("apiVersion: profiler/v1\n"), 0o644)
	for name, want := range map[string]string{
		"link": "symbolic link", "zero": "symbolic link", "fifo": "not a regular file",
		"shared": "other users can change it", "life-situation.yaml": "not a profiler cache file",
	} {
		p := filepath.Join(dir, name)
		before, _ := os.Lstat(p)
		done := make(chan *File)
		go func() {
			c := Open(p, "k")
			c.Put("q.yaml", &Entry{Kind: "Profile", Findings: []finding.Finding{{Message: i18n.Same("m")}}})
			if err := c.Save(); err != nil {
				t.Errorf("%s: Save: %v", name, err)
			}
			done <- c
		}()
		select {
		case c := <-done:
			if !warned(c, want) || c.Get("p.yaml", Sum([]byte("x"))) != nil {
				t.Errorf("%s: warnings %v, want %q and nothing read", name, c.Warnings(), want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: Open blocked", name)
		}
		after, _ := os.Lstat(p)
		if !os.SameFile(before, after) || before.ModTime() != after.ModTime() {
			t.Errorf("%s: replaced", name)
		}
	}
	if b, _ := os.ReadFile(doc); string(b) != "apiVersion: profiler/v1\n" {
		t.Errorf("the document was overwritten: %q", b)
	}
}
