package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// No data loss: these run the real profiler process (the test binary registered by
// TestMain) and interrupt it or let its writes fail like a full disk.

// profilerBin is the profiler command TestMain put on PATH.
func profilerBin(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("profiler")
	if err != nil {
		t.Fatalf("profiler is not on PATH (TestMain registers it): %v", err)
	}
	return p
}

// snapshot reads every file under dir (hidden ones included) by slash path.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func restore(t *testing.T, dir string, snap map[string]string) {
	t.Helper()
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	for rel, data := range snap {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(rel)), []byte(data))
	}
}

// bigWorkspace is the postuplenie-v-vuz example with n more profiles (copies of one, with
// their own ids and titles).
func bigWorkspace(t *testing.T, n int) string {
	t.Helper()
	example, err := filepath.Abs(filepath.Join("..", "..", "examples", "postuplenie-v-vuz"))
	if err != nil {
		t.Fatal(err)
	}
	ws := t.TempDir()
	copyExample(t, example, filepath.Join(ws, lsDir))
	src, err := os.ReadFile(filepath.Join(example, "profiles", "student-sosednij-region.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		id := fmt.Sprintf("student-%04d", i)
		p := bytes.Replace(src, []byte("id: student-sosednij-region"), []byte("id: "+id), 1)
		p = bytes.Replace(p, []byte("title: Студент, проживающий в соседнем регионе"), []byte(fmt.Sprintf("title: Студент № %d", i)), 1)
		writeFile(t, filepath.Join(ws, lsDir, "profiles", id+".yaml"), p)
	}
	return ws
}

// retitled copies the workspace ws with every top-level title changed, so that every
// page rendered from it (index, overviews, cards) differs from ws's, in the same language
// (render refuses to replace pages of another language).
func retitled(t *testing.T, ws string) string {
	t.Helper()
	out := t.TempDir()
	err := filepath.WalkDir(ws, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(ws, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(out, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		data = bytes.ReplaceAll(data, []byte("\ntitle: "), []byte("\ntitle: Новое — "))
		return os.WriteFile(filepath.Join(out, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func runProfiler(t *testing.T, name string, args ...string) (code int, stderr string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		code = ee.ExitCode()
	default:
		t.Fatal(err)
	}
	return code, errb.String()
}

func tempFiles(snap map[string]string) []string {
	var out []string
	for p := range snap {
		if strings.Contains(p, ".tmp-") {
			out = append(out, p)
		}
	}
	return out
}

// countTemps counts the temporary files under dir; a walk error (files renamed meanwhile)
// just counts what was seen.
func countTemps(dir string) int {
	n := 0
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), ".tmp-") {
			n++
		}
		return nil
	})
	return n
}

// TestHostileRenderInterrupted sends SIGINT to render while it writes 800 cards over the
// previous ones: --out must then hold the old pages or the new ones, every one whole, and
// no temporary file.
func TestHostileRenderInterrupted(t *testing.T) {
	if raceDetector || testing.Short() {
		t.Skip("a signal case, slow under -race and for -short; `make hostile` runs it")
	}
	bin := profilerBin(t)
	ws := bigWorkspace(t, 800)
	out := filepath.Join(t.TempDir(), "docs")
	// The new pages (from a retitled copy) first, for reference, then the old ones in place.
	newWS := retitled(t, ws)
	if code, stderr := runProfiler(t, bin, "render", newWS, "--out", out); code != 0 {
		t.Fatalf("render: exit %d\n%s", code, stderr)
	}
	newSnap := snapshot(t, out)
	if code, stderr := runProfiler(t, bin, "render", ws, "--out", out); code != 0 {
		t.Fatalf("render: exit %d\n%s", code, stderr)
	}
	old := snapshot(t, out)
	if len(old) != len(newSnap) || len(old) < 800 {
		t.Fatalf("%d old pages, %d new", len(old), len(newSnap))
	}
	for p := range old {
		if old[p] == newSnap[p] {
			t.Fatalf("%s is the same in both workspaces: the test could not tell them apart", p)
		}
	}
	// Interrupt when the first temporary file appears, half-way and near the end.
	for _, after := range []int{1, len(old) / 2, len(old) - 10} {
		t.Run(fmt.Sprintf("after %d temporary files", after), func(t *testing.T) {
			restore(t, out, old)
			cmd := exec.Command(bin, "render", newWS, "--out", out)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := interruptWhen(t, cmd, func() bool { return countTemps(out) >= after })
			now := snapshot(t, out)
			if tmp := tempFiles(now); len(tmp) > 0 {
				t.Errorf("temporary files left in --out: %v", tmp[:min(5, len(tmp))])
			}
			switch {
			case maps.Equal(now, old):
				var ee *exec.ExitError
				if !errors.As(err, &ee) || ee.ExitCode() != 2 || !strings.Contains(stderr.String(), "прервано — ничего не записано") {
					t.Errorf("interrupted render: %v\n%s", err, stderr.String())
				}
				t.Logf("interrupted: every page old; %s", strings.TrimSpace(stderr.String()))
			case maps.Equal(now, newSnap):
				t.Logf("finished before the signal took effect (%v): every page new", err)
			default:
				mixed := 0
				for p, data := range now {
					switch {
					case data == old[p] || data == newSnap[p]:
						if data == newSnap[p] {
							mixed++
						}
					default:
						t.Errorf("%s is neither the old nor the new page (%d bytes)", p, len(data))
					}
				}
				t.Errorf("a mix of old and new pages (%d new of %d): render must replace them together", mixed, len(now))
			}
		})
	}
}

// TestHostileFirstRenderInterrupted sends SIGINT to the first render into a folder that
// does not exist yet, while its pages are written into the hidden folder that becomes
// --out: afterwards --out either does not exist or is complete, and nothing hidden is left.
func TestHostileFirstRenderInterrupted(t *testing.T) {
	if raceDetector || testing.Short() {
		t.Skip("a signal case, slow under -race and for -short; `make hostile` runs it")
	}
	bin := profilerBin(t)
	ws := bigWorkspace(t, 800)
	for _, after := range []int{1, 400} {
		t.Run(fmt.Sprintf("after %d pages", after), func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "docs")
			cmd := exec.Command(bin, "--lang", "en", "render", ws, "--out", out)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := interruptWhen(t, cmd, func() bool { return countFiles(parent) >= after })
			left, _ := os.ReadDir(parent)
			var names []string
			for _, e := range left {
				names = append(names, e.Name())
			}
			switch strings.Join(names, " ") {
			case "":
				var ee *exec.ExitError
				if !errors.As(err, &ee) || ee.ExitCode() != 2 || !strings.Contains(stderr.String(), "interrupted — nothing was written") {
					t.Errorf("interrupted render: %v\n%s", err, stderr.String())
				}
				t.Logf("interrupted: nothing left; %s", strings.TrimSpace(stderr.String()))
			case "docs":
				if n := countFiles(out); err != nil || n != 802 {
					t.Errorf("render finished (%v) with %d pages, want 802\n%s", err, n, stderr.String())
				}
				t.Logf("finished before the signal took effect: %d pages", countFiles(out))
			default:
				t.Errorf("left beside --out: %v (%v)\n%s", names, err, stderr.String())
			}
		})
	}
}

// interruptWhen starts cmd and sends it SIGINT as soon as ready reports true (polled every
// millisecond); it returns cmd's exit error. A process still running long after is a hang.
func interruptWhen(t *testing.T, cmd *exec.Cmd, ready func() bool) error {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	deadline := time.After(3 * hangAfter) // hundreds of pages on a busy machine
	for {
		select {
		case err := <-done:
			return err // finished before ready
		case <-deadline:
			cmd.Process.Kill()
			t.Fatalf("render still running after %v (hang)", 3*hangAfter)
		default:
		}
		if ready() {
			if err := cmd.Process.Signal(os.Interrupt); err != nil {
				t.Logf("signal: %v", err)
			}
			select {
			case err := <-done:
				return err
			case <-time.After(hangAfter):
				cmd.Process.Kill()
				t.Fatalf("render still running %v after SIGINT (hang)", hangAfter)
			}
		}
		time.Sleep(time.Millisecond)
	}
}

// countFiles counts the regular files under dir, hidden folders included.
func countFiles(dir string) int {
	n := 0
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			n++
		}
		return nil
	})
	return n
}

// prlimit runs a command with a file size limit: past it, writes fail with EFBIG ("file
// too large") as they would on a full disk.
func prlimit(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("prlimit")
	if err != nil {
		t.Skipf("prlimit (util-linux) not found: %v", err)
	}
	return p
}

var (
	diskFullEN = regexp.MustCompile(`^profiler: error: cannot write \S+/[^/ ]+\.md: file too large — nothing was written, the previous files are unchanged\n$`)
	diskFullRU = regexp.MustCompile(`^profiler: ошибка: не удалось записать \S+/[^/ ]+\.md: файл слишком большой — ничего не записано, прежние файлы не изменены\n$`)
)

// TestHostileRenderDiskFull: a write that fails half-way through the pages leaves every
// previous page as it was and names the file that failed.
func TestHostileRenderDiskFull(t *testing.T) {
	pl, bin := prlimit(t), profilerBin(t)
	examples, err := filepath.Abs(filepath.Join("..", "..", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	changed := retitled(t, examples)
	for _, c := range []struct {
		lang string
		re   *regexp.Regexp
	}{{"en", diskFullEN}, {"ru", diskFullRU}} {
		// Pages from a retitled copy replace the examples' pages (so every page changes),
		// in each language.
		out := filepath.Join(t.TempDir(), "docs")
		if code, stderr := runProfiler(t, bin, "--lang", c.lang, "render", examples, "--out", out); code != 0 {
			t.Fatalf("render: exit %d\n%s", code, stderr)
		}
		old := snapshot(t, out)
		code, stderr := runProfiler(t, pl, "--fsize=3000", bin, "--lang", c.lang, "render", changed, "--out", out)
		if code != 2 || !c.re.MatchString(stderr) {
			t.Errorf("%s: exit %d, stderr:\n%s", c.lang, code, stderr)
		}
		now := snapshot(t, out)
		if !maps.Equal(now, old) {
			t.Errorf("%s: the previous pages changed after a failed write (temporary files: %v)", c.lang, tempFiles(now))
		}
		t.Logf("%s: %s", c.lang, strings.TrimSpace(stderr))
	}
}

// TestHostilePromoteSafety: promote never leaves a half-written profile: a full disk keeps
// the file as it was, and a profile that is a symbolic link is refused rather than
// replaced by a regular file or written through.
func TestHostilePromoteSafety(t *testing.T) {
	bin := profilerBin(t)
	example, err := filepath.Abs(filepath.Join("..", "..", "examples", "postuplenie-v-vuz"))
	if err != nil {
		t.Fatal(err)
	}
	ws := t.TempDir()
	copyExample(t, example, filepath.Join(ws, lsDir))
	prof := filepath.Join(ws, lsDir, "profiles", "student-sosednij-region.yaml")
	before := snapshot(t, ws)

	t.Run("disk full", func(t *testing.T) {
		pl := prlimit(t)
		code, stderr := runProfiler(t, pl, "--fsize=100", bin, "--lang", "en", "promote", prof, "--basis", "interviews")
		if code != 2 || !strings.Contains(stderr, "cannot write "+filepath.ToSlash(prof)) || !strings.Contains(stderr, "file too large") {
			t.Errorf("exit %d, stderr:\n%s", code, stderr)
		}
		if now := snapshot(t, ws); !maps.Equal(now, before) {
			t.Errorf("the workspace changed (temporary files: %v)", tempFiles(now))
		}
		t.Logf("%s", strings.TrimSpace(stderr))
	})

	t.Run("symbolic link", func(t *testing.T) {
		real := filepath.Join(t.TempDir(), "real.yaml")
		if err := os.WriteFile(real, []byte(before[lsDir+"/profiles/student-sosednij-region.yaml"]), 0o644); err != nil {
			t.Fatal(err)
		}
		link := filepath.Join(ws, lsDir, "profiles", "linked.yaml")
		if err := os.Symlink(real, link); err != nil {
			t.Fatal(err)
		}
		defer os.Remove(link)
		code, stderr := runProfiler(t, bin, "--lang", "en", "promote", link, "--basis", "interviews")
		if code != 2 || !strings.Contains(stderr, "not a regular file") {
			t.Errorf("exit %d, stderr:\n%s", code, stderr)
		}
		if st, err := os.Lstat(link); err != nil || st.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("the link was replaced: %v", err)
		}
		if b, _ := os.ReadFile(real); string(b) != before[lsDir+"/profiles/student-sosednij-region.yaml"] {
			t.Error("the link's target was written")
		}
		t.Logf("%s", strings.TrimSpace(stderr))
	})
}
