package templates

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"testing/fstest"
)

func TestReadOverridesFileByFile(t *testing.T) {
	emb := fstest.MapFS{
		"ru/a.tmpl": {Data: []byte("built-in ru a")},
		"ru/b.tmpl": {Data: []byte("built-in ru b")},
		"c.tmpl":    {Data: []byte("built-in c")},
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "ru"), 0o755)
	os.WriteFile(filepath.Join(dir, "ru", "a.tmpl"), []byte("mine ru a"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.tmpl"), []byte("mine b"), 0o644)
	s := Dir(emb, dir)
	for _, tc := range []struct {
		name, alt, want, origin string
	}{
		{"ru/a.tmpl", "a.tmpl", "mine ru a", filepath.Join(dir, "ru", "a.tmpl")},
		{"ru/b.tmpl", "b.tmpl", "mine b", filepath.Join(dir, "b.tmpl")},
		{"c.tmpl", "", "built-in c", "embedded c.tmpl"},
	} {
		var alts []string
		if tc.alt != "" {
			alts = []string{tc.alt}
		}
		b, origin, err := s.Read(tc.name, alts...)
		if err != nil || string(b) != tc.want || origin != tc.origin {
			t.Errorf("Read(%s) = %q from %q, %v; want %q from %q", tc.name, b, origin, err, tc.want, tc.origin)
		}
	}
	if b, _, err := Dir(emb, "").Read("ru/a.tmpl", "a.tmpl"); err != nil || string(b) != "built-in ru a" {
		t.Errorf("no override: %q, %v", b, err)
	}
	if _, _, err := s.Read("missing.tmpl"); err == nil {
		t.Error("a name in neither set must fail")
	}
	if got, want := s.Files(), []string{"c.tmpl", "ru/a.tmpl", "ru/b.tmpl"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Files = %v, want %v", got, want)
	}
}

// A template linked out of the folder is refused, not followed.
func TestReadRefusesALinkOut(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(t.TempDir(), "secret")
	os.WriteFile(secret, []byte("token"), 0o644)
	if err := os.Symlink(secret, filepath.Join(dir, "c.tmpl")); err != nil {
		t.Skip(err)
	}
	b, _, err := Dir(fstest.MapFS{"c.tmpl": {Data: []byte("x")}}, dir).Read("c.tmpl")
	if err == nil {
		t.Fatalf("read %q through a link out of the folder", b)
	}
}
