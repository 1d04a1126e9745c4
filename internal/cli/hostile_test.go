package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// The adversarial corpus: every case is generated in a temporary folder at test time
// (nothing big is committed), next to a valid life situation with two profiles. Each case
// asserts the exit code, the exact report line naming the hostile file in both languages,
// that its allocations stay bounded, and that every other file of the run was still
// checked and found clean. A hang is go test -timeout's to report: no clock here, which a
// busy machine would break.

const (
	hangAfter = 20 * time.Second // a child process still running this long after a signal is hung
	allocCap  = 2 << 30          // total bytes a case may allocate (a blow-up costs far more)
	lsDir     = "vuz"            // the valid life situation beside each hostile file
	validDocs = 3                // its documents: life-situation.yaml and two profiles
)

type hostileCase struct {
	name string
	// make creates the hostile input under ws (the current folder) and returns extra
	// command-line arguments (besides "." which is always checked).
	make  func(t *testing.T, ws string) []string
	stdin io.Reader
	only  bool   // check only the arguments make returns, not "." as well
	heavy bool   // megabytes of input: skipped under -race and -short, run by `make hostile`
	alloc uint64 // bytes one run may allocate; 0: allocCap
	code  int    // exit code
	files int    // documents checked (the valid ones included)
	en    string // the report line about the hostile file ("" when the run is clean)
	ru    string
}

func writeFile(t *testing.T, p string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// copyExample copies an example folder (a life situation, two profiles) to dst.
func copyExample(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		writeFile(t, filepath.Join(dst, rel), data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

const head = "apiVersion: profiler/v1\nkind: Profile\n"

// validProfile is a clean profile of the vuz life situation with id p-<id>; extra lines
// are appended (they may replace nothing: keep them to fields the profile lacks).
func validProfile(id, extra string) []byte {
	return []byte(head + "id: " + id + "\nlifeSituation: postuplenie-v-vuz\ntitle: Профиль\nstatus: citizen\nstage: segment\n" +
		"attributes:\n  age: 20\npriority:\n  capacity: {value: 10}\n  satisfaction: {value: 3}\n" + extra)
}

func aliasBomb() []byte {
	var b strings.Builder
	b.WriteString(head + "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 10; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d,", i-1), 9), ","))
	}
	return []byte(b.String())
}

func profilePath(name string) string { return filepath.Join(lsDir, "profiles", name) }

func put(name string, data []byte) func(*testing.T, string) []string {
	return func(t *testing.T, ws string) []string {
		writeFile(t, filepath.Join(ws, profilePath(name)), data)
		return nil
	}
}

func hostileCases() []hostileCase {
	return []hostileCase{
		{name: "alias bomb", make: put("bomb.yaml", aliasBomb()), heavy: true, code: 1, files: 4,
			en: "vuz/profiles/bomb.yaml:9:10: error: the document expands to more than 1000000 nodes (aliases multiply content); remove the anchors/aliases (&/*) or split the file [yaml-limit]",
			ru: "vuz/profiles/bomb.yaml:9:10: error: документ разворачивается больше чем в 1000000 узлов (ссылки *якорей размножают содержимое); уберите якоря/ссылки (&/*) или разделите файл [yaml-limit]"},
		{name: "nesting 100000 deep, flow", make: put("deep-flow.yaml", []byte(head+"x: "+strings.Repeat("[", 100_000)+strings.Repeat("]", 100_000)+"\n")), code: 1, files: 4,

			en: "vuz/profiles/deep-flow.yaml:3:1: error: nesting is too deep (exceeded max depth of 10000); flatten the structure or split the file [yaml-limit]",
			ru: "vuz/profiles/deep-flow.yaml:3:1: error: слишком глубокая вложенность (exceeded max depth of 10000); упростите структуру или разделите файл [yaml-limit]"},
		{name: "nesting 100000 deep, block", make: put("deep-block.yaml", []byte(head+"x:\n"+strings.Repeat("- ", 100_000)+"v\n")), code: 1, files: 4,

			en: "vuz/profiles/deep-block.yaml:3:1: error: nesting is too deep (exceeded max depth of 10000); flatten the structure or split the file [yaml-limit]",
			ru: "vuz/profiles/deep-block.yaml:3:1: error: слишком глубокая вложенность (exceeded max depth of 10000); упростите структуру или разделите файл [yaml-limit]"},
		{name: "nesting 300 deep, block mappings", make: func(t *testing.T, ws string) []string {
			var b strings.Builder
			b.WriteString(head + "x:\n")
			for i := 1; i < 300; i++ {
				b.WriteString(strings.Repeat(" ", i) + "k:\n")
			}
			writeFile(t, filepath.Join(ws, profilePath("deep-map.yaml")), []byte(b.String()))
			return nil
		}, code: 1, files: 4,
			en: "vuz/profiles/deep-map.yaml:259:257: error: nesting is deeper than 256 levels; flatten the structure or split the file [yaml-limit]",
			ru: "vuz/profiles/deep-map.yaml:259:257: error: вложенность глубже 256 уровней; упростите структуру или разделите файл [yaml-limit]"},
		{name: "100 MB file", make: func(t *testing.T, ws string) []string {
			// Sparse: a header, then a comment that runs to 100 MB. Refused by its size alone.
			p := filepath.Join(ws, profilePath("huge.yaml"))
			writeFile(t, p, []byte(head+"# "))
			if err := os.Truncate(p, 100<<20); err != nil {
				t.Fatal(err)
			}
			return nil
		}, alloc: 16 << 20, code: 2, files: 3, // refused by its size, never read
			en: "vuz/profiles/huge.yaml: error: the file is too large: 104857600 bytes, the limit is 16 MiB; split it into several files [file-too-large]",
			ru: "vuz/profiles/huge.yaml: error: файл слишком большой: 104857600 байт при пределе 16 MiB; разделите его на несколько файлов [file-too-large]"},
		{name: "a million-item list", make: put("million.yaml", []byte(head+"x:\n"+strings.Repeat("- 1\n", 1_000_000))), heavy: true, code: 1, files: 4,

			en: "vuz/profiles/million.yaml:999997:3: error: the document has more than 1000000 nodes; split the file [yaml-limit]",
			ru: "vuz/profiles/million.yaml:999997:3: error: в документе больше 1000000 узлов; разделите файл [yaml-limit]"},
		{name: "100000 journey items, checked whole", make: put("p-long.yaml", validProfile("p-long", "journey:\n"+strings.Repeat("- Шаг\n", 100_000))), heavy: true, code: 0, files: 4},
		{name: "invalid UTF-8", make: put("latin1.yaml", []byte(head+"title: Caf\xe9 \xff\n")), code: 1, files: 4,
			en: "vuz/profiles/latin1.yaml:3:11: error: the file is not valid UTF-8 (bad byte here); save it as UTF-8 [encoding]",
			ru: "vuz/profiles/latin1.yaml:3:11: error: файл не в кодировке UTF-8 (неверный байт здесь); сохраните его в UTF-8 [encoding]"},
		{name: "NUL byte", make: put("nul.yaml", []byte(head+"title: a\x00b\n")), code: 1, files: 4,
			en: "vuz/profiles/nul.yaml:3:9: error: the file contains a NUL byte: it looks binary or UTF-16/UTF-32 encoded; save it as UTF-8 text [encoding]",
			ru: "vuz/profiles/nul.yaml:3:9: error: в файле нулевой байт (NUL): похоже, это двоичный файл или файл в кодировке UTF-16/UTF-32; сохраните его как текст в UTF-8 [encoding]"},
		{name: "UTF-16", make: put("utf16.yaml", []byte("\xff\xfea\x00:\x00 \x001\x00\n\x00")), code: 1, files: 4,
			en: "vuz/profiles/utf16.yaml:1:1: error: the file is encoded in UTF-16; save it as UTF-8 [encoding]",
			ru: "vuz/profiles/utf16.yaml:1:1: error: файл в кодировке UTF-16; сохраните его в UTF-8 [encoding]"},
		{name: "FIFO named *.yaml", make: func(t *testing.T, ws string) []string {
			if err := mkfifo(filepath.Join(ws, profilePath("fifo.yaml"))); err != nil {
				t.Skipf("no FIFO here: %v", err)
			}
			return nil
		}, code: 2, files: 3,
			en: "vuz/profiles/fifo.yaml: error: this is not a regular file (a pipe, device or socket); name a YAML file [file-not-regular]",
			ru: "vuz/profiles/fifo.yaml: error: это не обычный файл (канал, устройство или сокет); укажите файл YAML [file-not-regular]"},
		{name: "character device named *.yaml", make: func(t *testing.T, ws string) []string {
			// /dev/null's numbers (1, 3); mknod needs root, the case is skipped without it.
			if err := mknodNull(filepath.Join(ws, profilePath("null.yaml"))); err != nil {
				t.Skipf("no mknod here: %v", err)
			}
			return nil
		}, code: 2, files: 3,
			en: "vuz/profiles/null.yaml: error: this is not a regular file (a pipe, device or socket); name a YAML file [file-not-regular]",
			ru: "vuz/profiles/null.yaml: error: это не обычный файл (канал, устройство или сокет); укажите файл YAML [file-not-regular]"},
		{name: "device named on the command line", make: func(t *testing.T, ws string) []string {
			return []string{"/dev/null"}
		}, code: 2, files: 3,
			en: "/dev/null: error: this is not a regular file (a pipe, device or socket); name a YAML file [file-not-regular]",
			ru: "/dev/null: error: это не обычный файл (канал, устройство или сокет); укажите файл YAML [file-not-regular]"},
		{name: "directory named *.yaml", make: func(t *testing.T, ws string) []string {
			if err := os.MkdirAll(filepath.Join(ws, profilePath("folder.yaml")), 0o755); err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(ws, profilePath("folder.yaml"), "inner.yaml"), []byte("not: checked\n"))
			return nil
		}, code: 2, files: 3,
			en: "vuz/profiles/folder.yaml: error: this is a directory, not a file [file-not-regular]",
			ru: "vuz/profiles/folder.yaml: error: это папка, а не файл [file-not-regular]"},
		{name: "symlink loop", make: func(t *testing.T, ws string) []string {
			p := filepath.Join(ws, profilePath("loop.yaml"))
			if err := os.Symlink("loop2.yaml", p); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink("loop.yaml", filepath.Join(ws, profilePath("loop2.yaml"))); err != nil {
				t.Fatal(err)
			}
			return nil
		}, code: 2, files: 3,
			en: "vuz/profiles/loop.yaml: error: cannot read the file: too many levels of symbolic links [file-read]\n" +
				"vuz/profiles/loop2.yaml: error: cannot read the file: too many levels of symbolic links [file-read]",
			ru: "vuz/profiles/loop.yaml: error: не удалось прочитать файл: too many levels of symbolic links [file-read]\n" +
				"vuz/profiles/loop2.yaml: error: не удалось прочитать файл: too many levels of symbolic links [file-read]"},
		{name: "symlink leading outside the folder", make: func(t *testing.T, ws string) []string {
			if err := os.Symlink("/etc/passwd", filepath.Join(ws, profilePath("passwd.yaml"))); err != nil {
				t.Fatal(err)
			}
			return nil
		}, code: 2, files: 3,
			en: "vuz/profiles/passwd.yaml: error: the symbolic link leads outside the checked folder (to /etc/passwd); profiler does not follow it: copy the file in or name it on the command line [symlink-outside]",
			ru: "vuz/profiles/passwd.yaml: error: символическая ссылка ведёт за пределы проверяемой папки (на /etc/passwd); profiler по ней не читает — скопируйте файл в папку или укажите его в командной строке [symlink-outside]"},
		{name: "symlink to /dev/null inside the folder", make: func(t *testing.T, ws string) []string {
			if err := os.Symlink("/dev/null", filepath.Join(ws, profilePath("devnull.yaml"))); err != nil {
				t.Fatal(err)
			}
			return nil
		}, code: 2, files: 3,
			en: "vuz/profiles/devnull.yaml: error: the symbolic link leads outside the checked folder (to /dev/null); profiler does not follow it: copy the file in or name it on the command line [symlink-outside]",
			ru: "vuz/profiles/devnull.yaml: error: символическая ссылка ведёт за пределы проверяемой папки (на /dev/null); profiler по ней не читает — скопируйте файл в папку или укажите его в командной строке [symlink-outside]"},
		{name: "symlink within the folder is followed", make: func(t *testing.T, ws string) []string {
			// The target sits in a hidden folder, which the walk skips: it is checked once,
			// through the link.
			writeFile(t, filepath.Join(ws, ".shared", "p-linked.yaml"), validProfile("p-linked", ""))
			if err := os.Symlink(filepath.Join("..", "..", ".shared", "p-linked.yaml"), filepath.Join(ws, profilePath("p-linked.yaml"))); err != nil {
				t.Fatal(err)
			}
			return nil
		}, code: 0, files: 4},
		{name: "folder named through a symbolic link", make: func(t *testing.T, ws string) []string {
			if err := os.Symlink(lsDir, filepath.Join(ws, "link")); err != nil {
				t.Fatal(err)
			}
			return []string{"link"}
		}, only: true, code: 0, files: 3},
		{name: "path with spaces and Cyrillic", make: func(t *testing.T, ws string) []string {
			dir := filepath.Join(ws, "Мои документы", "поступление в вуз")
			writeFile(t, filepath.Join(dir, "profiles", "студент очно.yaml"),
				bytes.Replace(validProfile("student-ochno", ""), []byte("stage: segment"), []byte("stage: finale"), 1))
			return nil
		}, code: 1, files: 4,
			en: "Мои документы/поступление в вуз/profiles/студент очно.yaml:3:5: warning: the file is named студент очно.yaml but the profile id is student-ochno: rename the file to student-ochno.yaml or fix the id [file-name]\n" +
				"Мои документы/поступление в вуз/profiles/студент очно.yaml:7:8: error: stage: \"finale\" is not allowed (did you mean final?); use one of: segment, hypothesis, refined, final [schema-enum]",
			ru: "Мои документы/поступление в вуз/profiles/студент очно.yaml:3:5: warning: файл называется студент очно.yaml, а id профиля — student-ochno: переименуйте файл в student-ochno.yaml или поправьте id [file-name]\n" +
				"Мои документы/поступление в вуз/profiles/студент очно.yaml:7:8: error: stage: недопустимое значение \"finale\" (может быть, final?); допустимые значения: segment, hypothesis, refined, final [schema-enum]"},
		{name: "file name with ESC and a byte that is not UTF-8", make: put("bad\xff\x1b[31mname.yaml", validProfile("p-esc", "")), code: 0, files: 4,
			en: "vuz/profiles/bad\uFFFD␛[31mname.yaml:3:5: warning: the file is named bad\uFFFD␛[31mname.yaml but the profile id is p-esc: rename the file to p-esc.yaml or fix the id [file-name]",
			ru: "vuz/profiles/bad\uFFFD␛[31mname.yaml:3:5: warning: файл называется bad\uFFFD␛[31mname.yaml, а id профиля — p-esc: переименуйте файл в p-esc.yaml или поправьте id [file-name]"},
		{name: "10 MB in one field", make: put("p-notes.yaml", validProfile("p-notes", "notes: "+strings.Repeat("Очень длинная заметка. ", 10<<20/len("Очень длинная заметка. "))+"\n")), heavy: true, code: 0, files: 4},
		{name: "4 MB value quoted in a message", make: put("p-enum.yaml", bytes.Replace(validProfile("p-enum", ""), []byte("status: citizen"), []byte("status: "+strings.Repeat("x", 4<<20)), 1)), heavy: true, code: 1, files: 4,

			en: "vuz/profiles/p-enum.yaml:6:9: error: status: \"" + strings.Repeat("x", 100) + "…\" is not allowed; use one of: citizen, business, internal [schema-enum]",
			ru: "vuz/profiles/p-enum.yaml:6:9: error: status: недопустимое значение \"" + strings.Repeat("x", 100) + "…\"; допустимые значения: citizen, business, internal [schema-enum]"},
		{name: "endless standard input", make: func(t *testing.T, ws string) []string {
			return []string{"-"}
		}, stdin: endless{}, heavy: true, code: 2, files: 3,
			en: "-: error: standard input is larger than 16777216 bytes — split the document [file-too-large]",
			ru: "-: error: стандартный ввод больше 16777216 байт — разделите документ [file-too-large]"},
	}
}

// endless is standard input that never ends.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = '#'
	}
	return len(p), nil
}

type runResult struct {
	code   int
	stdout string
	stderr string
}

// runBounded runs profiler in-process and fails the test if it allocates more than
// allocCap bytes.
func runBounded(t *testing.T, stdin io.Reader, args ...string) runResult {
	t.Helper()
	return runCapped(t, stdin, allocCap, args...)
}

// runCapped is runBounded with a cap of its own on the bytes allocated.
func runCapped(t *testing.T, stdin io.Reader, limit uint64, args ...string) runResult {
	t.Helper()
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	var out, errOut bytes.Buffer
	ios := IOStreams{In: stdin, Out: &out, ErrOut: &errOut, Getenv: func(string) string { return "" }}
	// The count is the process's: it measures this run alone because the tests that call
	// this are not parallel (the package's parallel tests are subtests of TestScripts and
	// TestExampleMutations, which end before the next test starts).
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	code := Main(args, ios)
	runtime.ReadMemStats(&after)
	t.Logf("profiler %.60s: exit %d, allocated %d MiB", strings.Join(args, " "), code, (after.TotalAlloc-before.TotalAlloc)>>20)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > limit {
		t.Errorf("profiler %s: allocated %d MiB", strings.Join(args, " "), alloc>>20)
	}
	return runResult{code, out.String(), errOut.String()}
}

func TestHostileCorpus(t *testing.T) {
	example, err := filepath.Abs(filepath.Join("..", "..", "examples", "postuplenie-v-vuz"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			if c.heavy && (raceDetector || testing.Short()) {
				t.Skip("megabytes of input: too slow under -race and for -short; `make hostile` runs this case")
			}
			ws := t.TempDir()
			t.Chdir(ws)
			copyExample(t, example, filepath.Join(ws, lsDir))
			extra := c.make(t, ws)
			args := append([]string{"validate", "."}, extra...)
			if c.only {
				args = append([]string{"validate"}, extra...)
			}

			// JSON: the counts, and no finding about the valid neighbours.
			limit := c.alloc
			if limit == 0 {
				limit = allocCap
			}
			r := runCapped(t, c.stdin, limit, append([]string{"--lang", "en", "--format", "json"}, args...)...)
			if r.code != c.code {
				t.Errorf("exit code %d, want %d\nstdout: %.2000s\nstderr: %.2000s", r.code, c.code, r.stdout, r.stderr)
			}
			var rep struct {
				Files    int `json:"files"`
				Findings []struct {
					File, Rule, Message string
				} `json:"findings"`
			}
			if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
				t.Fatalf("JSON report: %v\n%.2000s", err, r.stdout)
			}
			if rep.Files != c.files {
				t.Errorf("files checked = %d, want %d", rep.Files, c.files)
			}
			for _, f := range rep.Findings {
				if strings.HasPrefix(f.File, lsDir+"/") && !strings.HasPrefix(f.File, lsDir+"/profiles/") ||
					f.File == lsDir+"/profiles/student-sosednij-region.yaml" ||
					f.File == lsDir+"/profiles/abiturient-s-invalidnostyu-po-osoboj-kvote.yaml" {
					t.Errorf("a valid neighbour got a finding: %+v", f)
				}
				if len(f.Message) > 4000 {
					t.Errorf("a %d-byte message: %.200s…", len(f.Message), f.Message)
				}
			}

			// Text, both languages: the exact line about the hostile file.
			for _, lang := range []struct{ name, want string }{{"en", c.en}, {"ru", c.ru}} {
				if c.stdin != nil {
					c.stdin = endless{}
				}
				r := runCapped(t, c.stdin, limit, append([]string{"--lang", lang.name}, args...)...)
				got := strings.TrimSuffix(r.stdout, "\n")
				if got != lang.want {
					t.Errorf("%s: report\n%s\nwant\n%s", lang.name, got, lang.want)
				}
			}
		})
	}
}
