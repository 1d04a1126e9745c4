// Package testws builds small workspaces on disk for tests and checks them: fixture files
// written to a temporary folder, examples/ copied, findings made relative to the folder,
// and a caret marker that states where a finding is expected inside a fixture.
package testws

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/workspace"
)

// Mark is the marker a fixture puts right before the character a finding must point at.
const Mark = "⟪"

// Strip removes the first Mark from text and returns the text and the 1-based line and
// column (in characters) of the character that followed it; 0, 0 when there is no mark.
func Strip(text string) (string, int, int) {
	i := strings.Index(text, Mark)
	if i < 0 {
		return text, 0, 0
	}
	before := text[:i]
	line := strings.Count(before, "\n") + 1
	col := len([]rune(before[strings.LastIndexByte(before, '\n')+1:])) + 1
	return before + text[i+len(Mark):], line, col
}

// Write writes files (slash-separated relative path → content) under a new temporary
// folder and returns the folder.
func Write(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Root returns the repository root (the folder with go.mod).
func Root(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("testws: no caller information")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// CopyExamples copies the repository's examples/ into a new temporary folder and returns it.
func CopyExamples(t testing.TB) string {
	t.Helper()
	src := filepath.Join(Root(t), "examples")
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		out := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(out, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(out, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// Check runs workspace.Check on dir and returns the result with every finding's file made
// relative to dir (slash-separated).
func Check(t testing.TB, dir string) *workspace.Result {
	t.Helper()
	res := workspace.Check([]string{dir}, workspace.Options{})
	prefix := filepath.ToSlash(filepath.Clean(dir)) + "/"
	for i := range res.Findings {
		res.Findings[i].File = strings.TrimPrefix(res.Findings[i].File, prefix)
	}
	return res
}

// CheckMessages fails the test unless f's Russian and English messages are both set and
// differ (a message left untranslated reads the same in both).
func CheckMessages(t testing.TB, f finding.Finding) {
	t.Helper()
	if strings.TrimSpace(f.Message.RU) == "" || strings.TrimSpace(f.Message.EN) == "" {
		t.Errorf("%s:%d:%d [%s]: empty message: RU=%q EN=%q", f.File, f.Line, f.Column, f.Rule, f.Message.RU, f.Message.EN)
	} else if f.Message.RU == f.Message.EN {
		t.Errorf("%s:%d:%d [%s]: Russian and English messages are the same: %q", f.File, f.Line, f.Column, f.Rule, f.Message.RU)
	}
}

// Format renders findings one per line as `file:line:col: severity: [rule] message-ru`, for
// failure output.
func Format(fs []finding.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(filepath.ToSlash(f.File))
		b.WriteString(":")
		b.WriteString(strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column) + ": " + f.Severity.String() + ": [" + f.Rule + "] " + f.Message.RU + "\n")
	}
	return b.String()
}

// ruleRow is a row of the rules table: it starts with one or more rule ids in backticks.
var ruleRow = regexp.MustCompile("(?m)^\\| (`[a-z-]+`(?:, `[a-z-]+`)*) \\|")

// DocumentedRules returns the rule ids of the rules table in .docs/rules.md, in table order.
func DocumentedRules(t testing.TB) []string {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join(Root(t), ".docs", "rules.md"))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, m := range ruleRow.FindAllStringSubmatch(string(doc), -1) {
		for _, id := range strings.Split(m[1], ", ") {
			ids = append(ids, strings.Trim(id, "`"))
		}
	}
	return ids
}

// Golden compares got with the golden file at path, or rewrites the file when update is
// set (each package registers its own -update flag and passes it here).
func Golden(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (review, then go test -update to accept):\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
	}
}
