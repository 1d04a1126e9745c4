package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/profiler-cx/profiler/internal/load"
)

// YAML, template and shell syntax in a title or an owner given to init and new profile is
// written as a plain string: the files validate and read back what was typed (titles trimmed).
func TestHostileScaffoldText(t *testing.T) {
	texts := []string{
		"a: b #c - x",
		"*alias &anchor !!binary",
		"{{.Title}} ${HOME} $(rm -rf /) `id`",
		`"q" 'a' {x} [y] | > --- ...`,
		"null", "true", "0x10", "007", "2026-01-01", ".inf", "~",
		"- list", "? key", "% directive", "@at", "!tag",
		"  spaces around  ",
		"Поступление «в вуз» — ё, №, ½, 🙂",
		"# A | B <script>alert(1)</script> [x](javascript:alert(1)) %%{init: {}}%%",
	}
	for _, text := range texts {
		t.Run(text, func(t *testing.T) {
			ws := t.TempDir()
			t.Chdir(ws)
			r := runBounded(t, nil, "init", "ls", "--id", "ls", "--title", text, "--owner", text, "--status", "citizen")
			if r.code != 0 {
				t.Fatalf("init: exit %d\n%s", r.code, r.stderr)
			}
			r = runBounded(t, nil, "new", "profile", "ls", "--id", "p", "--title", text, "--status", "citizen", "--set", "age=20")
			if r.code != 0 {
				t.Fatalf("new profile: exit %d\n%s", r.code, r.stderr)
			}
			if r = runBounded(t, nil, "--lang", "en", "validate", "ls"); r.code != 0 {
				t.Fatalf("validate: exit %d\n%s%s", r.code, r.stdout, r.stderr)
			}
			for file, keys := range map[string][]string{"ls/life-situation.yaml": {"title", "owner"}, "ls/profiles/p.yaml": {"title"}} {
				data, err := os.ReadFile(filepath.FromSlash(file))
				if err != nil {
					t.Fatal(err)
				}
				doc, fs := load.Parse(file, data, load.Limits{})
				m, ok := doc.Value.(map[string]any)
				if len(fs) > 0 || !ok {
					t.Fatalf("%s: %v", file, fs)
				}
				for _, k := range keys {
					want := text
					if k == "title" {
						want = strings.TrimSpace(text) // titles are trimmed on purpose
					}
					if m[k] != want {
						t.Errorf("%s: %s = %q, want %q", file, k, m[k], want)
					}
				}
			}
		})
	}
}

// Eight `new profile` runs racing for the same file: exactly one creates it, the others
// say it exists, and the file is one run's output whole. Then init --force and new
// --force refuse to replace a symbolic link (a link planted in a repository must not
// redirect the write).
func TestHostileScaffoldNoClobber(t *testing.T) {
	ws := t.TempDir()
	ls := filepath.Join(ws, "ls")
	if r := runBounded(t, nil, "init", ls, "--id", "ls", "--title", "ЖС", "--status", "citizen"); r.code != 0 {
		t.Fatalf("init: exit %d\n%s", r.code, r.stderr)
	}
	const n = 8
	codes := make(chan runResult, n)
	for i := range n {
		go func() {
			var out, errOut bytes.Buffer
			ios := IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, Getenv: func(string) string { return "" }}
			code := Main([]string{"--lang", "en", "new", "profile", ls, "--id", "p", "--title", fmt.Sprintf("Профиль %d", i), "--status", "citizen"}, ios)
			codes <- runResult{code, out.String(), errOut.String()}
		}()
	}
	won := 0
	for range n { // a hang is go test -timeout's to report
		switch r := <-codes; {
		case r.code == 0:
			won++
		case r.code != 2 || !strings.Contains(r.stderr, "already exists and was left as it is"):
			t.Errorf("a losing run: exit %d\n%s", r.code, r.stderr)
		}
	}
	if won != 1 {
		t.Fatalf("%d runs created the file, want 1", won)
	}
	prof := filepath.Join(ls, "profiles", "p.yaml")
	data, err := os.ReadFile(prof)
	if err != nil {
		t.Fatal(err)
	}
	doc, fs := load.Parse("p.yaml", data, load.Limits{})
	if m, ok := doc.Value.(map[string]any); len(fs) > 0 || !ok || !strings.HasPrefix(fmt.Sprint(m["title"]), "Профиль ") {
		t.Errorf("the profile is not one run's output whole: %v %v", fs, doc.Value)
	}
	entries, _ := os.ReadDir(filepath.Join(ls, "profiles"))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}

	// --force never writes through or over a symbolic link (the profile first: new profile
	// needs the life situation intact).
	target := filepath.Join(t.TempDir(), "elsewhere.yaml")
	if err := os.WriteFile(target, []byte("# not yours\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		link string
		args []string
	}{
		{prof, []string{"new", "profile", ls, "--id", "p", "--title", "П", "--status", "citizen", "--force"}},
		{filepath.Join(ls, "life-situation.yaml"), []string{"init", ls, "--id", "ls", "--title", "ЖС", "--status", "citizen", "--force"}},
	} {
		if err := os.Remove(c.link); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, c.link); err != nil {
			t.Fatal(err)
		}
		r := runBounded(t, nil, append([]string{"--lang", "en"}, c.args...)...)
		if r.code != 2 || !strings.Contains(r.stderr, "not a regular file") {
			t.Errorf("%s over a symlink: exit %d\n%s", c.args[0], r.code, r.stderr)
		}
		if st, err := os.Lstat(c.link); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s: the link was replaced", c.link)
		}
		if b, _ := os.ReadFile(target); string(b) != "# not yours\n" {
			t.Errorf("%s: written through the link", c.args[0])
		}
	}
}
