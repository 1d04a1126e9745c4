package cli

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// exportedBook exports the examples into a workbook and opens it for editing.
func exportedBook(t *testing.T) (ws, path string, f *excelize.File) {
	t.Helper()
	ws = copyExamples(t)
	path = filepath.Join(t.TempDir(), "p.xlsx")
	mustRun(t, "export", ".", "--output", path)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return ws, path, f
}

// rezip rewrites a workbook with the part named name replaced by data.
func rezip(t *testing.T, book []byte, name string, data func(w io.Writer)) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == name {
			data(w)
			continue
		}
		r, _ := f.Open()
		io.Copy(w, r)
		r.Close()
	}
	zw.Close()
	return out.Bytes()
}

// Hostile workbooks and tables: each gets a clear message (where and what to do), the
// right exit code, bounded memory and time, and no file of the workspace changes.
func TestHostileSpreadsheets(t *testing.T) {
	type result struct {
		code int
		want string // in stderr (English)
	}
	cases := map[string]struct {
		make func(t *testing.T, dir string, book []byte, f *excelize.File) string
		want result
	}{
		"not a workbook": {func(t *testing.T, dir string, _ []byte, _ *excelize.File) string {
			p := filepath.Join(dir, "x.xlsx")
			os.WriteFile(p, []byte("id;title\nx;y\n"), 0o644)
			return p
		}, result{2, "x.xlsx: this is not an Excel workbook (.xlsx)"}},
		"old xls or encrypted": {func(t *testing.T, dir string, _ []byte, _ *excelize.File) string {
			p := filepath.Join(dir, "x.xls")
			os.WriteFile(p, append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), 0o644)
			return p
		}, result{2, "save it as an Excel Workbook (.xlsx)"}},
		"binary csv": {func(t *testing.T, dir string, _ []byte, _ *excelize.File) string {
			p := filepath.Join(dir, "x.csv")
			os.WriteFile(p, []byte("id\x00\x01\x02"), 0o644)
			return p
		}, result{2, "holds binary data"}},
		"truncated zip": {func(t *testing.T, dir string, book []byte, _ *excelize.File) string {
			p := filepath.Join(dir, "x.xlsx")
			os.WriteFile(p, book[:len(book)/2], 0o644)
			return p
		}, result{2, "cannot read the workbook"}},
		"zip bomb": {func(t *testing.T, dir string, book []byte, _ *excelize.File) string {
			// 300 MB of spaces: a few hundred KB packed.
			data := rezip(t, book, "xl/worksheets/sheet3.xml", func(w io.Writer) {
				io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
				pad := strings.Repeat(" ", 1<<20)
				for range 300 {
					io.WriteString(w, pad)
				}
				io.WriteString(w, `</sheetData></worksheet>`)
			})
			p := filepath.Join(dir, "bomb.xlsx")
			os.WriteFile(p, data, 0o644)
			return p
		}, result{2, "possibly a zip bomb"}},
		"a million rows": {func(t *testing.T, dir string, book []byte, _ *excelize.File) string {
			data := rezip(t, book, "xl/worksheets/sheet3.xml", func(w io.Writer) {
				io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
				for i := 1; i <= 1_000_000; i++ {
					fmt.Fprintf(w, `<row r="%d"><c r="A%d"><v>%d</v></c></row>`, i, i, i)
				}
				io.WriteString(w, `</sheetData></worksheet>`)
			})
			p := filepath.Join(dir, "rows.xlsx")
			os.WriteFile(p, data, 0o644)
			return p
		}, result{2, "has more than 100000 rows"}},
		"formula": {func(t *testing.T, dir string, _ []byte, f *excelize.File) string {
			f.SetCellValue("Поступление в вуз", "L3", 12500)
			f.SetCellFormula("Поступление в вуз", "L3", "12000+500")
			p := filepath.Join(dir, "formula.xlsx")
			f.SaveAs(p)
			return p
		}, result{0, "holds the formula =12000+500 — its saved value \"12500\" is used"}},
		"merged cells": {func(t *testing.T, dir string, _ []byte, f *excelize.File) string {
			f.MergeCell("Поступление в вуз", "B2", "B3")
			p := filepath.Join(dir, "merged.xlsx")
			f.SaveAs(p)
			return p
		}, result{1, "merged cells B2:B3 — unmerge them"}},
		"hidden sheet": {func(t *testing.T, dir string, _ []byte, f *excelize.File) string {
			f.SetSheetVisible("Поступление в вуз", false)
			p := filepath.Join(dir, "hidden.xlsx")
			f.SaveAs(p)
			return p
		}, result{0, `sheet "Поступление в вуз" is hidden — it is imported too`}},
		"date formatted number": {func(t *testing.T, dir string, _ []byte, f *excelize.File) string {
			st, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
			f.SetCellValue("Поступление в вуз", "F3", 46023)
			f.SetCellStyle("Поступление в вуз", "F3", "F3", st)
			p := filepath.Join(dir, "date.xlsx")
			f.SaveAs(p)
			return p
		}, result{1, "Поступление в вуз!F3: error: the cell is formatted as a date: it holds the number 46023"}},
		"unknown id": {func(t *testing.T, dir string, _ []byte, f *excelize.File) string {
			f.SetCellValue("Поступление в вуз", "A3", "no-such-profile")
			p := filepath.Join(dir, "id.xlsx")
			f.SaveAs(p)
			return p
		}, result{1, "Поступление в вуз!A3: error: no profile with id no-such-profile"}},
		"no id column": {func(t *testing.T, dir string, _ []byte, f *excelize.File) string {
			f.SetCellValue("Поступление в вуз", "A1", "ключ")
			p := filepath.Join(dir, "noid.xlsx")
			f.SaveAs(p)
			return p
		}, result{1, "Поступление в вуз!A1: error: no id column"}},
		"formula text in a cell": {func(t *testing.T, dir string, _ []byte, f *excelize.File) string {
			f.SetCellStr("Поступление в вуз", "B3", `=HYPERLINK("http://x","y")`)
			p := filepath.Join(dir, "inject.xlsx")
			f.SaveAs(p)
			return p
		}, result{0, ""}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			if (raceDetector || testing.Short()) && (name == "zip bomb" || name == "a million rows") {
				t.Skip("megabyte case: runs in make hostile, without -race and -short")
			}
			ws, path, f := exportedBook(t)
			book, _ := os.ReadFile(path)
			p := c.make(t, t.TempDir(), book, f)
			before := treeBytes(t, ws)
			r := runBounded(t, nil, "--lang", "en", "import", p)
			if r.code != c.want.code || !strings.Contains(r.stderr, c.want.want) {
				t.Fatalf("exit %d, want %d and %q in:\n%s", r.code, c.want.code, c.want.want, r.stderr)
			}
			if c.want.code != 0 {
				if got := changedLines(t, before, treeBytes(t, ws)); len(got) > 0 {
					t.Fatalf("a refused import wrote %v", got)
				}
			}
			mustRun(t, "validate", ".")
		})
	}
}

// CSV in the encodings and separators Russian spreadsheet programs save.
func TestSpreadsheetCSVEncodings(t *testing.T) {
	rows := "id;Название профиля;Емкость сегмента\r\nstudent-sosednij-region;Студент — ёлка;12500\r\n"
	cp1251 := func(s string) []byte {
		var b []byte
		for _, r := range s {
			switch {
			case r < 0x80:
				b = append(b, byte(r))
			case r >= 'А' && r <= 'я':
				b = append(b, byte(r-'А'+0xC0))
			case r == 'ё':
				b = append(b, 0xB8)
			case r == '—':
				b = append(b, 0x97)
			}
		}
		return b
	}
	for name, data := range map[string][]byte{
		"utf8":       []byte(rows),
		"utf8 bom":   append([]byte("\xef\xbb\xbf"), rows...),
		"cp1251":     cp1251(rows),
		"comma":      []byte(strings.ReplaceAll(rows, ";", ",")),
		"tab":        []byte(strings.ReplaceAll(rows, ";", "\t")),
		"quoted sep": []byte("id,Название профиля,Емкость сегмента\nstudent-sosednij-region,\"Студент — ёлка\",12500\n"),
	} {
		t.Run(name, func(t *testing.T) {
			ws := copyExamples(t)
			p := filepath.Join(t.TempDir(), "p.csv")
			os.WriteFile(p, data, 0o644)
			before := treeBytes(t, ws)
			mustRun(t, "import", p)
			got := changedLines(t, before, treeBytes(t, ws))
			file := filepath.Join(ws, "postuplenie-v-vuz", "profiles", "student-sosednij-region.yaml")
			if len(got) != 1 || len(got[file]) != 2 || !strings.HasSuffix(got[file][0], "title: Студент — ёлка") || !strings.HasSuffix(got[file][1], "value: 12500") {
				t.Fatalf("got %v", got)
			}
		})
	}
}
