package publish

import (
	"os"
	"path/filepath"
	"testing"
)

// The stale walk removes only marked files of the kind Stale names, in any folder.
func TestStaleByKind(t *testing.T) {
	out := t.TempDir()
	m := []byte("<!-- gen -->")
	for name, data := range map[string]string{
		"old.html":       "<!-- gen -->x",
		"old.md":         "<!-- gen -->x",
		"a/gone.html":    "<!-- gen -->x",
		"mine.html":      "mine",
		"assets/old.css": "/* gen */",
	} {
		p := filepath.Join(out, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(data), 0o644)
	}
	pub, err := Open(Options{Out: out, Dirs: []string{"a", "assets"}, Markers: [][]byte{m, []byte("/* gen */")}, Stale: Ext(".html", ".css")})
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Close()
	if err := pub.Put("index.html", []byte("<!-- gen -->new")); err != nil {
		t.Fatal(err)
	}
	plan, err := pub.Plan()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range plan.Actions {
		rel, _ := filepath.Rel(out, a.FSPath)
		got = append(got, filepath.ToSlash(rel)+":"+a.Kind.Text().EN)
	}
	want := []string{"a/gone.html:would be removed (stale)", "assets/old.css:would be removed (stale)", "index.html:would be added", "old.html:would be removed (stale)"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
	if w, r, err := pub.Commit(); err != nil || w != 1 || r != 3 {
		t.Fatalf("commit: %d %d %v", w, r, err)
	}
	for _, keep := range []string{"old.md", "mine.html", "index.html"} {
		if _, err := os.Stat(filepath.Join(out, keep)); err != nil {
			t.Errorf("%s: %v", keep, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "a")); err == nil {
		t.Error("emptied folder a kept")
	}
}

// With Within, pages in other folders are kept though no Put gives them.
func TestStaleWithin(t *testing.T) {
	out := t.TempDir()
	m := []byte("<!-- gen -->")
	for _, name := range []string{"a/gone.md", "b/kept.md", "old.md"} {
		p := filepath.Join(out, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("<!-- gen -->x"), 0o644)
	}
	pub, err := Open(Options{Out: out, Dirs: []string{"a"}, Markers: [][]byte{m}, Stale: Ext(".md"), Within: []string{"a"}})
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Close()
	if err := pub.Put("a/new.md", []byte("<!-- gen -->new")); err != nil {
		t.Fatal(err)
	}
	if _, err := pub.Plan(); err != nil {
		t.Fatal(err)
	}
	if w, r, err := pub.Commit(); err != nil || w != 1 || r != 2 {
		t.Fatalf("commit: %d %d %v", w, r, err)
	}
	for name, want := range map[string]bool{"a/gone.md": false, "a/new.md": true, "b/kept.md": true, "old.md": false} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(name))); (err == nil) != want {
			t.Errorf("%s: exists %v, want %v", name, err == nil, want)
		}
	}
}
