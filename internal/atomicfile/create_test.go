package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestCreateMakesTheFolder(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a", "b", "c.yaml")
	if err := Create(p, []byte("x"), 0o644, false); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(p); err != nil || string(b) != "x" {
		t.Fatalf("read back %q, %v", b, err)
	}
	if err := Create(p, []byte("y"), 0o644, false); !errors.Is(err, ErrExists) {
		t.Fatalf("second Create without overwrite: %v, want ErrExists", err)
	}
	if err := Create(p, []byte("y"), 0o644, true); err != nil {
		t.Fatal(err)
	}
}

// A file where a folder should be: the error names the folder, as a DirError.
func TestCreateDirError(t *testing.T) {
	dir := t.TempDir()
	block := filepath.Join(dir, "profiles")
	if err := os.WriteFile(block, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	err := Create(filepath.Join(block, "sub", "p.yaml"), []byte("x"), 0o644, false)
	var de *DirError
	if !errors.As(err, &de) || de.Dir != filepath.Join(block, "sub") {
		t.Fatalf("got %v, want a DirError for %s", err, filepath.Join(block, "sub"))
	}
}
