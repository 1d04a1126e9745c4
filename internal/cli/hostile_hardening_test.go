//go:build unix

package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// The red-team findings of issue 18, each as the user meets it. Every case runs the real
// command in-process with runBounded: a hang or a runaway allocation fails it.

// hardeningWS makes a workspace (the current folder) with a valid life situation "ls" and a
// profile ls/profiles/p.yaml; it returns the workspace and a folder outside it.
func hardeningWS(t *testing.T) (ws, outside string) {
	t.Helper()
	ws, outside = t.TempDir(), t.TempDir()
	t.Chdir(ws)
	if r := runBounded(t, nil, "init", "ls", "--id", "ls", "--title", "ЖС", "--status", "citizen"); r.code != 0 {
		t.Fatalf("init: exit %d\n%s", r.code, r.stderr)
	}
	if r := runBounded(t, nil, "new", "profile", "ls", "--id", "p", "--title", "Профиль", "--status", "citizen", "--set", "age=20"); r.code != 0 {
		t.Fatalf("new profile: exit %d\n%s", r.code, r.stderr)
	}
	return ws, outside
}

func mustRead(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func wantRun(t *testing.T, r runResult, code int, stderr ...string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.stdout, r.stderr)
	}
	for _, s := range stderr {
		if !strings.Contains(r.stderr, s) {
			t.Errorf("stderr lacks %q:\n%s", s, r.stderr)
		}
	}
}

// Items 1–2: line breaks that YAML counts and editors do not.
func TestHostileHiddenLineBreaks(t *testing.T) {
	hardeningWS(t)
	// Never written: a title holding LS (it would become a notes key for YAML).
	r := runBounded(t, nil, "new", "profile", "ls", "--id", "q", "--title", "Студент\u2028notes: injected #", "--status", "citizen")
	wantRun(t, r, ExitUsage, "--title: значение должно быть в одну строку")
	if _, err := os.Lstat("ls/profiles/q.yaml"); err == nil {
		t.Error("the profile was written")
	}
	p := mustRead(t, "ls/profiles/p.yaml")
	for _, c := range []struct{ br, name string }{{"\r\r\r", "CR (U+000D)"}, {"\u0085", "NEL (U+0085)"}, {"\u2028", "LS (U+2028)"}, {"\u2029", "PS (U+2029)"}} {
		bad := strings.Replace(p, "title: Профиль", "title: \"a"+c.br+"b\"", 1)
		if err := os.WriteFile("ls/profiles/p.yaml", []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		line := strings.Count(bad[:strings.Index(bad, "title: ")], "\n") + 1
		r := runBounded(t, nil, "--lang", "en", "validate", "ls")
		wantRun(t, r, ExitFindings)
		if want := "ls/profiles/p.yaml:" + strconv.Itoa(line) + ":10: error: character " + c.name; !strings.Contains(r.stdout, want) {
			t.Errorf("validate: want %q in\n%s", want, r.stdout)
		}
		// promote: refused with the finding, never a panic, the file unchanged; also in the
		// layout that made scaffold.Promote index past its lines (stage before the value,
		// an empty history after it).
		bad2 := "stage: segment\n" + strings.Replace(strings.Replace(bad, "stage: segment\n", "", 1), "\nhistory:", "\nold-history:", 1) + "history:\n"
		for _, text := range []string{bad, bad2} {
			os.WriteFile("ls/profiles/p.yaml", []byte(text), 0o644)
			r = runBounded(t, nil, "promote", "ls/profiles/p.yaml", "--to", "hypothesis", "--basis", "x")
			if r.code != ExitUsage || mustRead(t, "ls/profiles/p.yaml") != text || !strings.Contains(r.stderr, "не читается как профиль") {
				t.Errorf("promote of a file with %s: exit %d, file changed\n%s", c.name, r.code, r.stderr)
			}
		}
	}
}

// Items 3–5: reads are bounded, regular files only; template links stay in their folder.
func TestHostileBoundedReads(t *testing.T) {
	ws, outside := hardeningWS(t)
	fifo := filepath.Join(outside, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	secret := filepath.Join(outside, "environ")
	os.WriteFile(secret, []byte("AWS_SECRET=hunter2\n"), 0o600)

	// The cache: a link to /dev/zero, a FIFO.
	for _, target := range []string{"/dev/zero", fifo} {
		os.Remove(".profiler-cache")
		os.Symlink(target, ".profiler-cache")
		r := runBounded(t, nil, "--lang", "en", "validate", "--cache", "ls")
		wantRun(t, r, 0, "warning: the cache .profiler-cache is not used: it is a symbolic link or not a regular file")
	}
	os.Remove(".profiler-cache")
	syscall.Mkfifo(".profiler-cache", 0o600)
	wantRun(t, runBounded(t, nil, "--lang", "en", "validate", "--cache", "ls"), 0, "not a regular file")
	os.Remove(".profiler-cache")

	// render --templates: links to /dev/zero, to a FIFO, to the environment.
	os.Mkdir("tmpl", 0o755)
	for _, target := range []string{"/dev/zero", fifo, "/proc/self/environ", secret} {
		os.Remove("tmpl/card.md.tmpl")
		os.Symlink(target, "tmpl/card.md.tmpl")
		r := runBounded(t, nil, "--lang", "en", "render", "ls", "--out", "docs", "--templates", "tmpl")
		wantRun(t, r, ExitUsage, "tmpl/card.md.tmpl: the symbolic link leads outside the folder tmpl")
		if _, err := os.Stat("docs"); err == nil {
			t.Fatalf("render wrote pages with the template linked to %s", target)
		}
	}
	// A FIFO inside the folder: refused without blocking.
	os.Remove("tmpl/card.md.tmpl")
	syscall.Mkfifo("tmpl/card.md.tmpl", 0o600)
	wantRun(t, runBounded(t, nil, "--lang", "en", "render", "ls", "--out", "docs", "--templates", "tmpl"), ExitUsage, "not a regular file")
	// A link inside the folder is fine.
	os.Remove("tmpl/card.md.tmpl")
	os.WriteFile("tmpl/mine.tmpl", []byte("# {{.P.Title}}\n"), 0o644)
	os.Symlink("mine.tmpl", "tmpl/card.md.tmpl")
	if r := runBounded(t, nil, "render", "ls", "--out", "docs", "--templates", "tmpl"); r.code != 0 && !strings.Contains(r.stderr, "шаблон") {
		t.Logf("render with an inside link: exit %d\n%s", r.code, r.stderr)
	}

	// Schema files read back by init, new profile and schema --out: /dev/zero and a FIFO.
	for _, target := range []string{"/dev/zero", fifo} {
		p := filepath.Join(ws, ".profiler", "schemas", "defs.schema.json")
		os.Remove(p)
		os.Symlink(target, p)
		runBounded(t, nil, "init", "ls2", "--id", "ls2", "--title", "ЖС 2", "--status", "citizen")
		runBounded(t, nil, "new", "profile", "ls", "--id", "p2", "--title", "П2", "--status", "citizen", "--set", "age=20")
		runBounded(t, nil, "schema", "--out", ".profiler/schemas")
		os.RemoveAll("ls2")
		os.Remove("ls/profiles/p2.yaml")
	}
}

// Item 6: no write lands outside the workspace through a linked folder.
func TestHostileWriteThroughLinks(t *testing.T) {
	_, outside := hardeningWS(t)
	empty := func() {
		t.Helper()
		if ents, _ := os.ReadDir(outside); len(ents) > 0 {
			t.Fatalf("a file was written outside the workspace: %s", ents[0].Name())
		}
	}
	os.Rename("ls/profiles", "ls/profiles.real")
	os.Symlink(outside, "ls/profiles")
	wantRun(t, runBounded(t, nil, "new", "profile", "ls", "--id", "q", "--title", "Q", "--status", "citizen", "--set", "age=20"),
		ExitUsage, "ls/profiles: папка — символическая ссылка за пределы рабочей папки")
	os.Remove("ls/profiles")
	os.Rename("ls/profiles.real", "ls/profiles")
	empty()

	os.Rename(".profiler", ".profiler.real")
	os.Symlink(outside, ".profiler")
	wantRun(t, runBounded(t, nil, "--lang", "en", "init", "ls3", "--id", "ls3", "--title", "ЖС 3", "--status", "citizen"),
		ExitUsage, "the folder is a symbolic link that leads outside the workspace")
	if _, err := os.Lstat("ls3"); err == nil {
		t.Error("init wrote the life situation before refusing")
	}
	os.Remove(".profiler")
	os.Rename(".profiler.real", ".profiler")
	empty()

	os.Symlink(outside, "docs")
	wantRun(t, runBounded(t, nil, "render", "ls", "--out", "docs"), ExitUsage, "ничего не записано")
	wantRun(t, runBounded(t, nil, "validate", "ls", "-o", "docs/report.txt"), ExitUsage, "символическая ссылка за пределы")
	wantRun(t, runBounded(t, nil, "--lang", "en", "validate", "--cache", "--cache-location", "docs/c", "ls"), 0, "cannot write the cache")
	empty()
	// A folder named outside the workspace on purpose is the user's choice.
	wantRun(t, runBounded(t, nil, "render", "ls", "--out", filepath.Join(outside, "site")), 0)
}

// Items 9–10: nothing the user keeps is replaced by a report, a cache or a render.
func TestHostileNoOverwrite(t *testing.T) {
	hardeningWS(t)
	ls := mustRead(t, "ls/life-situation.yaml")
	wantRun(t, runBounded(t, nil, "--lang", "en", "validate", "ls", "-o", "ls/life-situation.yaml"), ExitUsage,
		"ls/life-situation.yaml: the file exists and is not a report")
	wantRun(t, runBounded(t, nil, "--lang", "en", "validate", "ls", "--cache", "--cache-location", "ls/life-situation.yaml"), 0,
		"ls/life-situation.yaml is not a profiler cache file: it is left as it is")
	if mustRead(t, "ls/life-situation.yaml") != ls {
		t.Fatal("the life situation was overwritten")
	}
	// An earlier report is replaced.
	wantRun(t, runBounded(t, nil, "validate", "ls", "-o", "report.txt"), 0)
	wantRun(t, runBounded(t, nil, "validate", "ls", "-o", "report.txt", "--format", "json"), 0)

	// Two renders: docs/en is another render's, docs does not remove its pages.
	wantRun(t, runBounded(t, nil, "render", "ls", "--out", "docs/en", "--lang", "en"), 0)
	before, _ := filepath.Glob("docs/en/*/*.md")
	wantRun(t, runBounded(t, nil, "render", "ls", "--out", "docs"), 0)
	after, _ := filepath.Glob("docs/en/*/*.md")
	if len(before) == 0 || len(after) != len(before) {
		t.Fatalf("render --out docs removed docs/en pages: %d before, %d after", len(before), len(after))
	}
	// Its own stale pages still go: a life situation folder of its own.
	os.Mkdir("docs/old", 0o755)
	os.WriteFile("docs/old/README.md", []byte(mustRead(t, "docs/ls/README.md")), 0o644)
	r := runBounded(t, nil, "render", "ls", "--out", "docs")
	wantRun(t, r, 0, "удалено: 1")
}

// Item 7: control sequences from YAML are shown, not sent to the terminal.
func TestHostileTerminalEscapes(t *testing.T) {
	hardeningWS(t)
	p := mustRead(t, "ls/profiles/p.yaml")
	os.WriteFile("ls/profiles/p.yaml", []byte(strings.Replace(p, "title: Профиль", "title: \"\\e]0;pwned\\a\\e[2K\\rfake\"", 1)), 0o644)
	os.WriteFile("ls/profiles/bad\x1b[31m.yaml", []byte(strings.Replace(p, "id: p", "id: p-esc", 1)), 0o644)
	for _, args := range [][]string{
		{"list", "ls"},
		{"render", "ls/profiles/p.yaml", "--out", "-"},
		{"validate", "--format", "github", "ls"},
	} {
		r := runBounded(t, nil, args...)
		if strings.ContainsAny(r.stdout, "\x1b\a\r") {
			t.Errorf("%v: a control character reached stdout:\n%q", args, r.stdout)
		}
		if !strings.Contains(r.stdout, "␛") {
			t.Errorf("%v: the escape is not shown:\n%s", args, r.stdout)
		}
	}
}

// Items 11, 14: promote does not lose a concurrent change, nor edit a read-only file.
func TestHostilePromoteRaces(t *testing.T) {
	hardeningWS(t)
	// At hypothesis, moved back to segment: a move without gates, so both runs could succeed.
	orig := strings.Replace(mustRead(t, "ls/profiles/p.yaml"), "stage: segment", "stage: hypothesis", 1)
	for range 10 {
		os.WriteFile("ls/profiles/p.yaml", []byte(orig), 0o644)
		var wg sync.WaitGroup
		codes := make([]int, 2)
		for i := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var out, errOut bytes.Buffer
				codes[i] = Main([]string{"promote", "ls/profiles/p.yaml", "--to", "segment", "--basis", "b" + strconv.Itoa(i)},
					IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, Getenv: func(string) string { return "" }})
			}()
		}
		wg.Wait()
		got := mustRead(t, "ls/profiles/p.yaml")
		entries := strings.Count(got, "basis: b")
		ok := 0
		for _, c := range codes {
			if c == 0 {
				ok++
			}
		}
		if ok != entries {
			t.Fatalf("%d promote runs reported success, the file holds %d of their entries:\n%s", ok, entries, got)
		}
	}
	os.WriteFile("ls/profiles/p.yaml", []byte(orig), 0o644)
	os.Chmod("ls/profiles/p.yaml", 0o444)
	wantRun(t, runBounded(t, nil, "promote", "ls/profiles/p.yaml", "--to", "segment", "--basis", "x"), ExitUsage, "файл только для чтения")
	if mustRead(t, "ls/profiles/p.yaml") != orig {
		t.Error("a read-only file was edited")
	}
}

// Items 13, 15, 18, 19: scaffolding refuses before it writes, and says so in one language.
func TestHostileScaffoldRefusals(t *testing.T) {
	hardeningWS(t)
	// new templates: one customised file stops everything, nothing is written.
	os.MkdirAll(".profiler/templates/ru", 0o755)
	os.WriteFile(".profiler/templates/ru/profile.yaml.tmpl", []byte("custom"), 0o644)
	r := runBounded(t, nil, "new", "templates")
	wantRun(t, r, ExitUsage, "ничего не записано")
	ents, _ := os.ReadDir(".profiler/templates/ru")
	if len(ents) != 1 || mustRead(t, ".profiler/templates/ru/profile.yaml.tmpl") != "custom" {
		t.Errorf("new templates wrote %d files or changed the customised one", len(ents))
	}
	// --set: a key must be an attribute id.
	wantRun(t, runBounded(t, nil, "new", "profile", "ls", "--id", "q", "--title", "Q", "--status", "citizen", "--set", "age: 1\nnotes=x"),
		ExitUsage, "не идентификатор признака")
	// Reserved ids.
	wantRun(t, runBounded(t, nil, "new", "profile", "ls", "--title", "Readme", "--status", "citizen"), ExitUsage, "README.md, index.md")
	// init on an existing id: --id first.
	wantRun(t, runBounded(t, nil, "init", "ls", "--title", "ЖС", "--status", "citizen"), ExitUsage, "задайте другой идентификатор: --id")
	// Russian messages hold no English system text.
	os.WriteFile("file", nil, 0o644)
	r = runBounded(t, nil, "validate", "ls", "-o", "file/x/report.txt")
	if r.code != ExitUsage || !strings.Contains(r.stderr, "не папка") || strings.Contains(r.stderr, "not a directory") {
		t.Errorf("exit %d, want a Russian reason:\n%s", r.code, r.stderr)
	}
	// A long name that fits does not fail on its temporary name.
	long := strings.Repeat("д", 120) + ".txt" // 244 bytes
	wantRun(t, runBounded(t, nil, "validate", "ls", "-o", long), 0)
	// PROFILER_LANG=xx says so.
	var out, errOut bytes.Buffer
	Main([]string{"validate", "ls"}, IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut,
		Getenv: func(k string) string { return map[string]string{"PROFILER_LANG": "xx"}[k] }})
	if !strings.Contains(errOut.String(), `PROFILER_LANG="xx" — неизвестный язык`) {
		t.Errorf("PROFILER_LANG=xx: %s", errOut.String())
	}
}
