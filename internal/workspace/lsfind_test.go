package workspace

import (
	"os"
	"path/filepath"
	"testing"
)

// TestFindLSBounded: without .git the search covers the folder that holds the profile's
// life-situation folder, to a bounded depth, and never the current folder.
func TestFindLSBounded(t *testing.T) {
	root := t.TempDir()
	write := func(p, s string) {
		t.Helper()
		p = filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("ws/ls/life-situation.yaml", "apiVersion: profiler/v1\nkind: LifeSituation\nid: near # comment\n")
	write("ws/segments/p.yaml", "id: p\n")
	write("ws/a/b/c/d/deep/life-situation.yaml", "id: deep\n")
	write("elsewhere/ls/life-situation.yaml", "id: far\n")
	write("ws/profiles-beside/profiles/q.yaml", "id: q\n")
	write("ws/profiles-beside/life-situation.yml", "id: beside\n")

	t.Chdir(root) // the current folder holds "far": it must not be searched
	if got := FindLS("ws/segments/p.yaml", "near"); got != filepath.Join(root, "ws", "ls", "life-situation.yaml") {
		t.Errorf("near: %q", got)
	}
	if got := FindLS("ws/segments/p.yaml", "far"); got != "" {
		t.Errorf("far found outside the workspace: %q", got)
	}
	if got := FindLS("ws/segments/p.yaml", "deep"); got != "" {
		t.Errorf("deep found beyond the depth bound: %q", got)
	}
	if got := FindLS("ws/profiles-beside/profiles/q.yaml", "beside"); got != filepath.FromSlash("ws/profiles-beside/life-situation.yml") {
		t.Errorf("beside: %q", got)
	}
	// With .git the repository is the workspace.
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got := FindLS("ws/segments/p.yaml", "far"); got != filepath.Join(root, "elsewhere", "ls", "life-situation.yaml") {
		t.Errorf("far within the repository: %q", got)
	}
}
