//go:build unix

package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestConfined: a write through a folder that is a link leading out of the workspace is
// refused, before anything is created; links that stay inside, and paths named outside
// the workspace, are fine (issue 18, item 6).
func TestConfined(t *testing.T) {
	ws, outside := t.TempDir(), t.TempDir()
	t.Chdir(ws)
	os.Mkdir("real", 0o755)
	os.Symlink(outside, "out")
	os.Symlink("real", "in")
	os.Symlink(filepath.Join(outside, "missing"), "dangling")
	for path, bad := range map[string]bool{
		"out/x.md": true, "out/a/b/x.md": true, "dangling/x": true,
		"in/x.md": false, "real/x.md": false, "new/dir/x.md": false, "x.md": false,
		filepath.Join(outside, "x.md"): false,
	} {
		err := Confined(path)
		if bad != errors.Is(err, ErrOutside) {
			t.Errorf("Confined(%s) = %v", path, err)
		}
		if bad {
			if err := Write(path, []byte("x"), 0o644, true); !errors.Is(err, ErrOutside) {
				t.Errorf("Write(%s) = %v", path, err)
			}
			if err := MkdirAll(filepath.Dir(path), 0o755); !errors.Is(err, ErrOutside) {
				t.Errorf("MkdirAll(%s) = %v", path, err)
			}
		}
	}
	if ents, _ := os.ReadDir(outside); len(ents) != 0 {
		t.Errorf("written outside: %v", ents[0].Name())
	}
}

// TestEditUnchanged: Edit's check runs before the rename; its error leaves the file as it
// was and no temporary file (issue 18, item 11).
func TestEditUnchanged(t *testing.T) {
	p := filepath.Join(t.TempDir(), "f.yaml")
	os.WriteFile(p, []byte("old"), 0o644)
	changed := errors.New("changed")
	if err := Edit(p, []byte("new"), func() error { return changed }); err != changed {
		t.Fatalf("Edit = %v", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "old" {
		t.Errorf("file = %q", b)
	}
	if ents, _ := os.ReadDir(filepath.Dir(p)); len(ents) != 1 {
		t.Errorf("temporary file left: %d entries", len(ents))
	}
	if err := Edit(p, []byte("new"), func() error { return nil }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "new" {
		t.Errorf("file = %q", b)
	}
	long := filepath.Join(t.TempDir(), strings.Repeat("ж", 125)+".md") // 254 bytes
	if err := Write(long, []byte("x"), 0o644, false); err != nil {
		t.Errorf("a long name failed on its temporary name: %v", err)
	}
}
