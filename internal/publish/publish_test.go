package publish

import (
	"bytes"
	"fmt"
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

// With Within, pages in other folders are kept though no Put gives them; Out's own
// pages only go with ".".
func TestStaleWithin(t *testing.T) {
	for _, top := range []bool{false, true} {
		t.Run(fmt.Sprint("top=", top), func(t *testing.T) { staleWithin(t, top) })
	}
}

func staleWithin(t *testing.T, top bool) {
	out := t.TempDir()
	m := []byte("<!-- gen -->")
	for _, name := range []string{"a/gone.md", "b/kept.md", "old.md"} {
		p := filepath.Join(out, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("<!-- gen -->x"), 0o644)
	}
	within, removed := []string{"a"}, 1
	if top {
		within, removed = []string{".", "a"}, 2
	}
	pub, err := Open(Options{Out: out, Dirs: []string{"a"}, Markers: [][]byte{m}, Stale: Ext(".md"), Within: within})
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
	if w, r, err := pub.Commit(); err != nil || w != 1 || r != removed {
		t.Fatalf("commit: %d %d %v", w, r, err)
	}
	for name, want := range map[string]bool{"a/gone.md": false, "a/new.md": true, "b/kept.md": true, "old.md": !top} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(name))); (err == nil) != want {
			t.Errorf("%s: exists %v, want %v", name, err == nil, want)
		}
	}
}

// holds compares a page with the file block by block: equal, different in the last
// block, shorter, longer; and reads the marker from the first block.
func TestHolds(t *testing.T) {
	dir := t.TempDir()
	p := &Publisher{opts: Options{Markers: [][]byte{[]byte("<!-- gen -->")}}}
	page := append([]byte("<!-- gen -->"), bytes.Repeat([]byte("страница "), 20000)...) // three blocks
	other := bytes.Clone(page)
	other[len(other)-1] = 'x'
	for i, c := range []struct {
		file               []byte
		same, marked, fail bool
	}{
		{file: page, same: true, marked: true},
		{file: other, marked: true},
		{file: page[:len(page)-1], marked: true},
		{file: append(bytes.Clone(page), '!'), marked: true},
		{file: page[len("<!-- gen -->"):]},
		{file: nil, fail: true},
	} {
		fp := filepath.Join(dir, fmt.Sprint(i))
		if c.file != nil {
			os.WriteFile(fp, c.file, 0o644)
		}
		same, marked, err := p.holds(fp, page)
		if same != c.same || marked != c.marked || (err != nil) != c.fail {
			t.Errorf("case %d: same %v marked %v err %v", i, same, marked, err)
		}
	}
}
