package cli

import (
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
