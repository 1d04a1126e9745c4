package gitrev

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpenWithoutGit(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := Open(t.TempDir())
	var ge *Error
	if !errors.As(err, &ge) || !strings.Contains(ge.Message.RU, "не найдена программа git") || !strings.Contains(ge.Hint.EN, "install git") {
		t.Fatalf("Open without git: %v", err)
	}
}

func needGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs git")
	}
}

func TestOpenOutsideRepository(t *testing.T) {
	needGit(t)
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	_, err := Open(dir)
	var ge *Error
	if !errors.As(err, &ge) || !strings.Contains(ge.Message.EN, "not inside a git working tree") {
		t.Fatalf("Open outside a repository: %v", err)
	}
}

// TestBlobs reads several objects through one process, in two rounds: one too large, one
// missing, the rest whole (a blob without a trailing newline and an empty one included).
func TestBlobs(t *testing.T) {
	needGit(t)
	dir := t.TempDir()
	git := func(args ...string) string {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v: %s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	git("init", "-q")
	files := map[string]string{"a.yaml": "id: a\n", "b.yaml": "no newline", "big.yaml": strings.Repeat("x", 100), "empty.yaml": ""}
	oids := map[string]string{}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		oids[name] = git("hash-object", "-w", name)
	}
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	b, err := r.Blobs(50)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	missing := strings.Repeat("0", len(oids["a.yaml"]))
	data, errs, err := b.Read([]string{oids["a.yaml"], oids["big.yaml"], missing, oids["b.yaml"], oids["empty.yaml"]})
	if err != nil {
		t.Fatal(err)
	}
	if string(data[0]) != files["a.yaml"] || string(data[3]) != files["b.yaml"] || len(data[4]) != 0 || errs[4] != nil {
		t.Errorf("contents: %q", data)
	}
	if !errors.Is(errs[1], ErrTooLarge) || errs[2] == nil || errs[0] != nil {
		t.Errorf("errors: %v", errs)
	}
	data, _, err = b.Read([]string{oids["b.yaml"]}) // the same process answers again
	if err != nil || string(data[0]) != files["b.yaml"] {
		t.Errorf("second round: %q %v", data, err)
	}
}
