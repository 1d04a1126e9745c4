package cli

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/profiler-cx/profiler/internal/corpus"
)

// render --cache after a sequence of random edits gives, byte for byte, the pages of a
// full render; and it does rebuild only part of the site where it can.
func TestRenderCacheDifferential(t *testing.T) {
	for _, format := range []string{"md", "html"} {
		t.Run(format, func(t *testing.T) {
			ws := t.TempDir()
			if err := corpus.GenerateWith(filepath.Join(ws, "src"), 4, 4, 7, 0); err != nil {
				t.Fatal(err)
			}
			t.Chdir(ws)
			r := rand.New(rand.NewPCG(11, uint64(len(format))))
			run := func(args ...string) string {
				t.Helper()
				ios, _, _, errOut := TestIOStreams()
				if code := Main(append([]string{"render", "src", "--format", format}, args...), ios); code != 0 {
					t.Fatalf("render %v: exit %d\n%s", args, code, errOut)
				}
				return errOut.String()
			}
			rebuilt := regexp.MustCompile(`страниц пересобрано: (\d+) из (\d+)`)
			partial := 0
			for step := range 40 {
				edit := edits[r.IntN(len(edits))]
				what := edit.do(t, r, filepath.Join(ws, "src"))
				msg := run("--out", "cached", "--cache", "--cache-location", "c")
				run("--out", "full")
				if diff := diffDirs(t, "full", "cached"); diff != "" {
					t.Fatalf("step %d (%s: %s): cached and full renders differ: %s\n%s", step, edit.name, what, diff, msg)
				}
				m := rebuilt.FindStringSubmatch(msg)
				if m == nil {
					t.Fatalf("step %d: no rebuilt line in %q", step, msg)
				} else if m[1] != m[2] {
					partial++
				}
				// A change the index does not show rebuilds the pages of its life
				// situation only, not the index and the assets.
				if (edit.name == "capacity" || edit.name == "touch") && m[1] != m[2] {
					lsPages, _ := os.ReadDir(filepath.Join("full", filepath.Base(filepath.Dir(filepath.Dir(what)))))
					if n, _ := strconv.Atoi(m[1]); n > len(lsPages) {
						t.Fatalf("step %d (%s: %s): %s pages rebuilt, more than the %d of its life situation", step, edit.name, what, m[1], len(lsPages))
					}
				}
			}
			if partial < 10 {
				t.Fatalf("only %d of 40 cached renders were partial: the cache is not used", partial)
			}
			// A page removed or changed by hand is restored: the next run renders it all.
			var card string
			filepath.WalkDir("cached", func(p string, d fs.DirEntry, err error) error {
				if card == "" && d.Type().IsRegular() && strings.Count(filepath.ToSlash(p), "/") == 2 {
					card = p
				}
				return nil
			})
			os.Remove(card)
			run("--out", "cached", "--cache", "--cache-location", "c")
			if diff := diffDirs(t, "full", "cached"); diff != "" {
				t.Fatalf("after removing %s: %s", card, diff)
			}
		})
	}
}

// edits change a workspace the way analysts do; each keeps it valid.
var edits = []struct {
	name string
	do   func(t *testing.T, r *rand.Rand, src string) string
}{
	{"title", func(t *testing.T, r *rand.Rand, src string) string {
		p := pick(t, r, src, "profiles/*.yaml")
		replaceLine(t, p, "title: ", func(v string) string { return fmt.Sprintf("%s (правка %d)", v, r.IntN(1000)) })
		return p
	}},
	{"stage", func(t *testing.T, r *rand.Rand, src string) string { // later stages need more fields
		p := pick(t, r, src, "profiles/*.yaml")
		replaceLine(t, p, "stage: ", func(string) string { return "segment" })
		return p
	}},
	{"capacity", func(t *testing.T, r *rand.Rand, src string) string { // moves the profile in the research order
		p := pick(t, r, src, "profiles/*.yaml")
		replaceLine(t, p, "    value: ", func(string) string { return fmt.Sprint(1 + r.IntN(90000)) })
		return p
	}},
	{"add", func(t *testing.T, r *rand.Rand, src string) string {
		p := pick(t, r, src, "profiles/*.yaml")
		id := strings.TrimSuffix(filepath.Base(p), ".yaml") + fmt.Sprintf("-kopiya-%d", r.IntN(100000))
		data, _ := os.ReadFile(p)
		np := filepath.Join(filepath.Dir(p), id+".yaml")
		os.WriteFile(np, data, 0o644)
		replaceLine(t, np, "id: ", func(string) string { return id })
		return np
	}},
	{"remove", func(t *testing.T, r *rand.Rand, src string) string {
		p := pick(t, r, src, "profiles/*.yaml")
		if ps, _ := filepath.Glob(filepath.Join(filepath.Dir(p), "*.yaml")); len(ps) > 1 {
			os.Remove(p)
		}
		return p
	}},
	{"rename", func(t *testing.T, r *rand.Rand, src string) string {
		p := pick(t, r, src, "profiles/*.yaml")
		id := fmt.Sprintf("pereimenovan-%d", r.IntN(100000))
		np := filepath.Join(filepath.Dir(p), id+".yaml")
		os.Rename(p, np)
		replaceLine(t, np, "id: ", func(string) string { return id })
		return np
	}},
	{"life situation", func(t *testing.T, r *rand.Rand, src string) string {
		p := pick(t, r, src, "life-situation.yaml")
		replaceLine(t, p, "title: ", func(v string) string { return fmt.Sprintf("%s (правка %d)", v, r.IntN(1000)) })
		return p
	}},
	{"touch", func(t *testing.T, r *rand.Rand, src string) string { // same content, new time
		p := pick(t, r, src, "profiles/*.yaml")
		data, _ := os.ReadFile(p)
		os.WriteFile(p, data, 0o644)
		return p
	}},
	{"nothing", func(*testing.T, *rand.Rand, string) string { return "" }},
}

// pick returns a random file matching pattern below one of src's life-situation folders.
func pick(t *testing.T, r *rand.Rand, src, pattern string) string {
	t.Helper()
	ps, _ := filepath.Glob(filepath.Join(src, "*", pattern))
	if len(ps) == 0 {
		t.Fatalf("no %s in %s", pattern, src)
	}
	slices.Sort(ps)
	return ps[r.IntN(len(ps))]
}

// replaceLine replaces the value of the first line starting with prefix.
func replaceLine(t *testing.T, p, prefix string, value func(old string) string) {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		if v, ok := strings.CutPrefix(l, prefix); ok {
			lines[i] = prefix + value(v)
			break
		}
	}
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
}

// diffDirs describes the first difference between the files of two folders, or "".
func diffDirs(t *testing.T, a, b string) string {
	t.Helper()
	files := func(dir string) map[string][]byte {
		m := map[string][]byte{}
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() {
				rel, _ := filepath.Rel(dir, p)
				m[filepath.ToSlash(rel)], _ = os.ReadFile(p)
			}
			return nil
		})
		return m
	}
	fa, fb := files(a), files(b)
	for p, x := range fa {
		y, ok := fb[p]
		switch {
		case !ok:
			return p + " missing in " + b
		case !bytes.Equal(x, y):
			return p + " differs"
		}
	}
	for p := range fb {
		if _, ok := fa[p]; !ok {
			return p + " only in " + b
		}
	}
	return ""
}

// Cases the random edits do not reach: a life situation whose id is "assets" (only the
// HTML site has an assets folder; in Markdown its pages are its own), and a custom index
// template that shows what the embedded one does not (a life situation's owner).
func TestRenderCacheEdgeCases(t *testing.T) {
	ls := func(id, owner string) string {
		return "apiVersion: profiler/v1\nkind: LifeSituation\nid: " + id + "\ntitle: Ситуация " + id + "\nowner: " + owner +
			"\nstatuses: [citizen]\nattributes:\n  - id: age\n    title: Возраст\n    statuses: [citizen]\n    type: range\n    unit: лет\n"
	}
	profile := func(ls, id string, capacity int) string {
		return fmt.Sprintf("apiVersion: profiler/v1\nkind: Profile\nid: %s\nlifeSituation: %s\ntitle: Профиль %s\nstatus: citizen\nstage: segment\n"+
			"attributes:\n  age: 20\npriority:\n  capacity: {value: %d}\n  satisfaction: {value: 2}\n", id, ls, id, capacity)
	}
	for _, c := range []struct {
		name      string
		templates bool
		edit      func(src string)
	}{
		{"assets life situation", false, func(src string) {
			os.WriteFile(filepath.Join(src, "assets", "profiles", "assets-a.yaml"), []byte(profile("assets", "assets-a", 500)), 0o644)
		}},
		{"owner in a custom index", true, func(src string) {
			os.WriteFile(filepath.Join(src, "vuz", "life-situation.yaml"), []byte(ls("vuz", "Другое ведомство")), 0o644)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ws := t.TempDir()
			t.Chdir(ws)
			for _, id := range []string{"assets", "vuz"} {
				os.MkdirAll(filepath.Join("src", id, "profiles"), 0o755)
				os.WriteFile(filepath.Join("src", id, "life-situation.yaml"), []byte(ls(id, "Минобрнауки России")), 0o644)
				for i, p := range []string{id + "-a", id + "-b"} {
					os.WriteFile(filepath.Join("src", id, "profiles", p+".yaml"), []byte(profile(id, p, 100*(i+1))), 0o644)
				}
			}
			args := []string{"render", "src"}
			if c.templates {
				os.MkdirAll("tmpl", 0o755)
				os.WriteFile(filepath.Join("tmpl", "index.md.tmpl"), []byte("{{range .LSs}}{{esc .Title}}: {{esc .Owner}}\n{{end}}"), 0o644)
				args = append(args, "--templates", "tmpl")
			}
			run := func(more ...string) {
				t.Helper()
				ios, _, _, errOut := TestIOStreams()
				if code := Main(append(slices.Clone(args), more...), ios); code != 0 {
					t.Fatalf("render %v: exit %d\n%s", more, code, errOut)
				}
			}
			run("--out", "cached", "--cache", "--cache-location", "c")
			c.edit("src")
			run("--out", "cached", "--cache", "--cache-location", "c")
			run("--out", "full")
			if diff := diffDirs(t, "full", "cached"); diff != "" {
				t.Fatalf("cached and full renders differ: %s", diff)
			}
		})
	}
}
