package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// copyExamples copies the repository's examples (without the rendered docs) to a temporary
// workspace and makes it the current folder.
func copyExamples(t *testing.T) string {
	t.Helper()
	src, err := filepath.Abs(filepath.Join("..", "..", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	ws := t.TempDir()
	if err := os.CopyFS(ws, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(filepath.Join(ws, "docs"))
	t.Chdir(ws)
	return ws
}

// treeBytes reads every file under dir.
func treeBytes(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		out[p] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// changedLines returns, per changed file, the lines that differ (same line count assumed).
func changedLines(t *testing.T, before, after map[string][]byte) map[string][]string {
	out := map[string][]string{}
	for p, b := range before {
		a, ok := after[p]
		if !ok {
			out[p] = []string{"(deleted)"}
			continue
		}
		if bytes.Equal(a, b) {
			continue
		}
		bl, al := strings.Split(string(b), "\n"), strings.Split(string(a), "\n")
		if len(bl) != len(al) {
			out[p] = []string{"(line count changed)"}
			continue
		}
		for i := range bl {
			if bl[i] != al[i] {
				out[p] = append(out[p], bl[i]+" → "+al[i])
			}
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			out[p] = []string{"(created)"}
		}
	}
	return out
}

func mustRun(t *testing.T, args ...string) runResult {
	t.Helper()
	r := runBounded(t, nil, args...)
	if r.code != 0 {
		t.Fatalf("profiler %s: exit %d\n%s%s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r
}

// Export then import with no edit changes no byte, in both languages.
func TestSpreadsheetRoundTripUnchanged(t *testing.T) {
	for _, lang := range []string{"ru", "en"} {
		t.Run(lang, func(t *testing.T) {
			ws := copyExamples(t)
			book := filepath.Join(t.TempDir(), "p.xlsx")
			before := treeBytes(t, ws)
			mustRun(t, "--lang", lang, "export", ".", "--output", book)
			r := mustRun(t, "--lang", lang, "import", book)
			if got := changedLines(t, before, treeBytes(t, ws)); len(got) > 0 {
				t.Fatalf("import of an unedited workbook changed files: %v\n%s", got, r.stderr)
			}
		})
	}
}

// One cell edited changes one line of one file, and the comments stay.
func TestSpreadsheetOneCellOneLine(t *testing.T) {
	cases := []struct {
		name, header string
		value        any
		want         string
	}{
		{"title", "Название профиля", "Студент из соседнего региона", "title: Студент из соседнего региона"},
		{"capacity", "Емкость сегмента", 12500, "value: 12500"},
		{"channels", "Каналы: получение услуг", "ЕПГУ\nПочта России\nЛично", "service: [ЕПГУ, Почта России, Лично]"},
		{"stage", "Этап", "segment", "stage: segment"},
		{"enum", "Форма обучения", "очно-заочная", "education-form: очно-заочная"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ws := copyExamples(t)
			// A comment in the edited file must survive.
			p := filepath.Join(ws, "postuplenie-v-vuz", "profiles", "student-sosednij-region.yaml")
			data, _ := os.ReadFile(p)
			data = append([]byte("# комментарий аналитика\n"), data...)
			os.WriteFile(p, data, 0o644)
			book := filepath.Join(t.TempDir(), "p.xlsx")
			mustRun(t, "export", ".", "--output", book)
			before := treeBytes(t, ws)
			f, err := excelize.OpenFile(book)
			if err != nil {
				t.Fatal(err)
			}
			sheet := "Поступление в вуз"
			rows, _ := f.GetRows(sheet)
			col, row := -1, -1
			for j, h := range rows[0] {
				if h == c.header {
					col = j
				}
			}
			for i, r := range rows {
				if len(r) > 0 && r[0] == "student-sosednij-region" {
					row = i + 1
				}
			}
			if col < 0 || row < 0 {
				t.Fatalf("no column %q or row in %v", c.header, rows[0])
			}
			cell, _ := excelize.CoordinatesToCellName(col+1, row)
			if err := f.SetCellValue(sheet, cell, c.value); err != nil {
				t.Fatal(err)
			}
			if err := f.SaveAs(book); err != nil {
				t.Fatal(err)
			}
			mustRun(t, "import", book)
			got := changedLines(t, before, treeBytes(t, ws))
			if len(got) != 1 || len(got[p]) != 1 || !strings.HasSuffix(got[p][0], c.want) {
				t.Fatalf("want one line of %s changed to %q, got %v", p, c.want, got)
			}
			after, _ := os.ReadFile(p)
			if !bytes.HasPrefix(after, []byte("# комментарий аналитика\n")) {
				t.Fatal("the comment was lost")
			}
			mustRun(t, "validate", ".")
		})
	}
}

// A row without id creates a profile; an invalid cell is reported at sheet!cell and
// nothing is written.
func TestSpreadsheetNewRowAndFindings(t *testing.T) {
	ws := copyExamples(t)
	book := filepath.Join(t.TempDir(), "p.xlsx")
	mustRun(t, "export", ".", "--output", book)
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	sheet := "Поступление в вуз"
	f.SetSheetRow(sheet, "A4", &[]any{nil, "Иногородний магистрант", "citizen", "segment", "мужской", 22})
	f.SaveAs(book)
	bad := filepath.Join(t.TempDir(), "bad.xlsx")
	f.SetCellValue(sheet, "E4", "средний")
	f.SaveAs(bad)

	before := treeBytes(t, ws)
	r := runBounded(t, nil, "--lang", "en", "import", bad)
	if r.code != 1 || !strings.Contains(r.stderr, "bad.xlsx: Поступление в вуз!E4: error:") {
		t.Fatalf("want the finding at E4, exit 1; got %d\n%s", r.code, r.stderr)
	}
	if got := changedLines(t, before, treeBytes(t, ws)); len(got) > 0 {
		t.Fatalf("a refused import wrote %v", got)
	}
	r = mustRun(t, "import", book, "--dry-run")
	if !strings.Contains(r.stdout, "+++ b/postuplenie-v-vuz/profiles/inogorodnij-magistrant.yaml") {
		t.Fatalf("dry run: %s", r.stdout)
	}
	if got := changedLines(t, before, treeBytes(t, ws)); len(got) > 0 {
		t.Fatalf("--dry-run wrote %v", got)
	}
	mustRun(t, "import", book)
	mustRun(t, "validate", ".")
	if _, err := os.Stat(filepath.Join(ws, "postuplenie-v-vuz", "profiles", "inogorodnij-magistrant.yaml")); err != nil {
		t.Fatal(err)
	}
}
