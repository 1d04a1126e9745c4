package atomicfile

import (
	"bufio"
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// entries lists a folder's names, sorted.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// failAfter makes the next writes put half the data on disk and then fail like a full disk.
func failAfter(t *testing.T) {
	t.Helper()
	orig := write
	t.Cleanup(func() { write = orig })
	write = func(f *os.File, data []byte) (int, error) {
		n, _ := f.Write(data[:len(data)/2])
		return n, &fs.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
}

func TestWriteNewAndReplace(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "card.md")
	if err := Write(p, []byte("one"), 0o640, false); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, p); got != "one" {
		t.Fatalf("content %q", got)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", st.Mode().Perm())
	}
	if err := os.Chmod(p, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(p, []byte("two"), 0o644, true); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, p); got != "two" {
		t.Fatalf("content %q", got)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o600 {
		t.Errorf("an existing file's mode must be kept: %v", st.Mode().Perm())
	}
	if got := entries(t, dir); len(got) != 1 {
		t.Errorf("temporary files left: %v", got)
	}
}

func TestWriteNoOverwrite(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "life-situation.yaml")
	if err := os.WriteFile(p, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Write(p, []byte("generated"), 0o644, false)
	if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), p) {
		t.Fatalf("err = %v, want ErrExists naming the file", err)
	}
	if got := readFile(t, p); got != "mine" {
		t.Fatalf("existing file changed: %q", got)
	}
	if got := entries(t, dir); len(got) != 1 {
		t.Errorf("temporary files left: %v", got)
	}
}

func TestWriteRefusesNonRegularTargets(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.md")
	if err := os.WriteFile(target, []byte("kept"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "sub.md")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{link, sub} {
		if err := Write(p, []byte("new"), 0o644, true); err == nil || !errors.Is(err, ErrNotRegular) {
			t.Errorf("%s: err = %v, want a refusal", p, err)
		}
	}
	if got := readFile(t, target); got != "kept" {
		t.Errorf("the link's target changed: %q", got)
	}
	if got := entries(t, dir); len(got) != 3 {
		t.Errorf("temporary files left: %v", got)
	}
}

func TestWriteMissingFolder(t *testing.T) {
	dir := t.TempDir()
	if err := Write(filepath.Join(dir, "no", "such", "x.md"), []byte("x"), 0o644, true); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("err = %v, want not-exist", err)
	}
	if got := entries(t, dir); len(got) != 0 {
		t.Errorf("created: %v", got)
	}
}

// A write that fails half-way (a full disk) leaves the existing file as it was, removes the
// temporary file and says what failed.
func TestWriteFailureKeepsOldFile(t *testing.T) {
	for _, overwrite := range []bool{true, false} {
		dir := t.TempDir()
		p := filepath.Join(dir, "README.md")
		old := p
		if overwrite {
			if err := os.WriteFile(p, []byte("old docs"), 0o644); err != nil {
				t.Fatal(err)
			}
		} else {
			old = ""
		}
		failAfter(t)
		err := Write(p, bytes.Repeat([]byte("new docs "), 1000), 0o644, overwrite)
		if !errors.Is(err, syscall.ENOSPC) {
			t.Fatalf("overwrite=%v: err = %v, want ENOSPC", overwrite, err)
		}
		if msg := err.Error(); strings.Contains(msg, ".tmp-") || !strings.Contains(msg, p) {
			t.Errorf("the error must name the target, not the temporary file: %v", msg)
		}
		if old != "" {
			if got := readFile(t, p); got != "old docs" {
				t.Errorf("old file changed: %q", got)
			}
		} else if _, err := os.Stat(p); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("a half-written file appeared: %v", err)
		}
		want := 0
		if overwrite {
			want = 1
		}
		if got := entries(t, dir); len(got) != want {
			t.Errorf("overwrite=%v: temporary file not cleaned up: %v", overwrite, got)
		}
	}
}

// Of many writers racing to create the same file without overwrite, exactly one wins; the
// others get ErrExists and the file holds the winner's data whole.
func TestWriteExclusiveRace(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "profile.yaml")
	const n = 16
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = Write(p, bytes.Repeat([]byte{byte('a' + i)}, 64<<10), 0o644, false)
		}()
	}
	wg.Wait()
	winners := 0
	var winner byte
	for i, err := range errs {
		switch {
		case err == nil:
			winners++
			winner = byte('a' + i)
		case !errors.Is(err, ErrExists):
			t.Errorf("writer %d: %v", i, err)
		}
	}
	if winners != 1 {
		t.Fatalf("%d writers succeeded, want 1", winners)
	}
	if got := readFile(t, p); got != strings.Repeat(string(winner), 64<<10) {
		t.Errorf("the file is not the winner's data whole (%d bytes)", len(got))
	}
	if got := entries(t, dir); len(got) != 1 {
		t.Errorf("temporary files left: %v", got)
	}
}

// A process killed in mid-write (power cut, SIGKILL) leaves the old file whole; only a
// hidden temporary file may remain beside it.
func TestWriteKilledMidway(t *testing.T) {
	if os.Getenv("ATOMICFILE_HELPER") != "" {
		return
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "card.md")
	if err := os.WriteFile(p, []byte("old card"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperKilledMidway$")
	cmd.Env = append(os.Environ(), "ATOMICFILE_HELPER="+p)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	if line != "writing\n" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("helper said %q", line)
	}
	cmd.Process.Kill()
	cmd.Wait()
	if got := readFile(t, p); got != "old card" {
		t.Fatalf("target changed by a killed writer: %q", got)
	}
	for _, name := range entries(t, dir) {
		if name != "card.md" && !strings.HasPrefix(name, ".card.md.tmp-") {
			t.Errorf("unexpected file %q", name)
		}
	}
}

func TestHelperKilledMidway(t *testing.T) {
	p := os.Getenv("ATOMICFILE_HELPER")
	if p == "" {
		t.Skip("helper process for TestWriteKilledMidway")
	}
	write = func(f *os.File, data []byte) (int, error) {
		n, err := f.Write(data[:len(data)/2])
		if err == nil {
			os.Stdout.WriteString("writing\n")
			select {} // killed here
		}
		return n, err
	}
	Write(p, []byte("new card, complete"), 0o644, true)
}

func TestBatchAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	a, c := filepath.Join(dir, "a.md"), filepath.Join(dir, "c.md")
	if err := os.WriteFile(a, []byte("old a"), 0o600); err != nil {
		t.Fatal(err)
	}
	var b Batch
	if err := b.Put(a, []byte("new a"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := b.Put(c, []byte("new c"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Before Commit nothing is visible.
	if got := readFile(t, a); got != "old a" {
		t.Fatalf("a changed before Commit: %q", got)
	}
	if _, err := os.Stat(c); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("c appeared before Commit: %v", err)
	}
	if b.Len() != 2 {
		t.Fatalf("Len = %d", b.Len())
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	if readFile(t, a) != "new a" || readFile(t, c) != "new c" {
		t.Fatal("Commit did not replace both files")
	}
	if st, _ := os.Stat(a); st.Mode().Perm() != 0o600 {
		t.Errorf("an existing file's mode must be kept: %v", st.Mode().Perm())
	}
	if got := entries(t, dir); len(got) != 2 {
		t.Errorf("temporary files left: %v", got)
	}
}

// A full disk on the third file of a batch leaves all three targets as they were.
func TestBatchFailureKeepsEveryFile(t *testing.T) {
	dir := t.TempDir()
	names := []string{"index.md", "README.md", "card.md"}
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("old "+n), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var b Batch
	for i, n := range names {
		if i == 2 {
			failAfter(t)
		}
		err := b.Put(filepath.Join(dir, n), []byte("new "+n), 0o644)
		if i < 2 && err != nil {
			t.Fatal(err)
		}
		if i == 2 && (!errors.Is(err, syscall.ENOSPC) || strings.Contains(err.Error(), ".tmp-") || !strings.Contains(err.Error(), n)) {
			t.Fatalf("err = %v, want ENOSPC naming %s", err, n)
		}
	}
	if b.Len() != 2 {
		t.Errorf("a failed Put must remove only its own temporary file; Len = %d", b.Len())
	}
	b.Abort()
	for _, n := range names {
		if got := readFile(t, filepath.Join(dir, n)); got != "old "+n {
			t.Errorf("%s changed: %q", n, got)
		}
	}
	if got := entries(t, dir); len(got) != 3 {
		t.Errorf("temporary files left: %v", got)
	}
}

func TestBatchAbortAndNonRegular(t *testing.T) {
	dir := t.TempDir()
	var b Batch
	if err := b.Put(filepath.Join(dir, "x.md"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	b.Abort()
	if got := entries(t, dir); len(got) != 0 {
		t.Errorf("Abort left %v", got)
	}
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "link.md")); err != nil {
		t.Fatal(err)
	}
	if err := b.Put(filepath.Join(dir, "link.md"), []byte("x"), 0o644); err == nil || !errors.Is(err, ErrNotRegular) {
		t.Errorf("Put over a symlink: err = %v", err)
	}
	if err := b.Commit(); err != nil {
		t.Errorf("Commit of an empty batch: %v", err)
	}
}
