package sheet

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/workspace"
	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// examples loads the repository's examples as export sees them.
func examples(t testing.TB) []LSData {
	t.Helper()
	res := workspace.Check([]string{filepath.Join("..", "..", "examples")}, workspace.Options{Keep: workspace.KeepModels})
	if len(res.Findings) > 0 {
		t.Fatalf("examples: %v", res.Findings)
	}
	byID := map[string]*LSData{}
	var out []LSData
	for _, d := range res.Docs {
		if d.LS != nil {
			out = append(out, LSData{LS: d.LS, Path: d.Path})
		}
	}
	for i := range out {
		byID[out[i].LS.ID] = &out[i]
	}
	for _, d := range res.Docs {
		if d.Profile != nil {
			x := byID[d.Profile.LifeSituation]
			x.Profiles = append(x.Profiles, d.Profile)
		}
	}
	slices.SortFunc(out, func(a, b LSData) int { return strings.Compare(a.LS.ID, b.LS.ID) })
	return out
}

// dump writes what a user sees in a workbook as text: per sheet its state, panes, filter,
// widths, drop-down lists and every cell with its type.
func dump(t testing.TB, book []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, name := range f.GetSheetList() {
		vis, _ := f.GetSheetVisible(name)
		panes, _ := f.GetPanes(name)
		fmt.Fprintf(&b, "== %s (visible %v, frozen %v at %s)\n", name, vis, panes.Freeze, panes.TopLeftCell)
		rows, _ := f.GetRows(name, excelize.Options{RawCellValue: true})
		if len(rows) > 0 {
			var ws []string
			for j := range rows[0] {
				c, _ := excelize.ColumnNumberToName(j + 1)
				w, _ := f.GetColWidth(name, c)
				ws = append(ws, fmt.Sprint(w))
			}
			fmt.Fprintf(&b, "widths: %s\n", strings.Join(ws, " "))
		}
		dvs, _ := f.GetDataValidations(name)
		for _, dv := range dvs {
			fmt.Fprintf(&b, "list %s = %s (%v)\n", dv.Sqref, dv.Formula1, *dv.ErrorStyle)
		}
		for i, row := range rows {
			var cells []string
			for j, v := range row {
				if v == "" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				typ, _ := f.GetCellType(name, cell)
				kind := "s"
				if typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset && !strings.ContainsAny(v, "\n") && isNumber(v) {
					kind = "n"
				}
				cells = append(cells, fmt.Sprintf("%s[%s]=%q", cell, kind, v))
			}
			if len(cells) > 0 {
				fmt.Fprintln(&b, strings.Join(cells, " "))
			}
		}
	}
	return b.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test ./internal/sheet -update rewrites it):\n%s", p, got)
	}
}

// The exported examples, cell by cell, in both languages.
func TestExportGolden(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.RU, i18n.EN} {
		book, err := Export(examples(t), lang)
		if err != nil {
			t.Fatal(err)
		}
		golden(t, "examples-"+string(lang)+".golden", dump(t, book))
	}
}

func TestSheetNames(t *testing.T) {
	long := strings.Repeat("Очень длинное название жизненной ситуации ", 2)
	lss := []*model.LifeSituation{
		{ID: "a", Title: long}, {ID: "b", Title: long}, {ID: "c", Title: "Признаки"},
		{ID: "d", Title: "a[b]:c*d?e/f\\g"}, {ID: "e", Title: "'History'"}, {ID: "f", Title: "   "},
	}
	got := sheetNames(lss)
	want := []string{"Очень длинное название жизненно", "Очень длинное название жизн (2)", "Признаки (2)", "a b c d e f g", "History (2)", "f"}
	if !slices.Equal(got, want) {
		t.Fatalf("got %q\nwant %q", got, want)
	}
	for _, n := range got {
		if len([]rune(n)) > 31 || strings.ContainsAny(n, `[]:*?/\`) {
			t.Errorf("bad sheet name %q", n)
		}
	}
}

func TestDecodeAndSeparator(t *testing.T) {
	for name, c := range map[string]struct {
		in   []byte
		want string
		sep  rune
	}{
		"utf8":   {[]byte("а;б"), "а;б", ';'},
		"bom":    {[]byte("\xef\xbb\xbfа,б"), "а,б", ','},
		"1251":   {[]byte{0xE0, '\t', 0xE1}, "а\tб", '\t'},
		"utf16":  {[]byte{0xFF, 0xFE, 0x30, 0x04, 0x3B, 0x00, 0x31, 0x04}, "а;б", ';'},
		"quoted": {[]byte("\"a;b\",c,d"), "\"a;b\",c,d", ','},
	} {
		got, err := decodeText(c.in)
		if err != nil || string(got) != c.want || separator(got) != c.sep {
			t.Errorf("%s: %q %q %v", name, got, separator(got), err)
		}
	}
}

// FuzzRead: no input makes the readers panic, hang or return a table without an error
// beyond the limits.
func FuzzRead(f *testing.F) {
	book, err := Export(examples(f), i18n.RU)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(book, "p.xlsx")
	f.Add([]byte("id;Название профиля\r\nx;y\r\n"), "p.csv")
	f.Add([]byte("\xef\xbb\xbfid,\"a\nb\",c\n"), "p.csv")
	f.Add([]byte{0xE0, ';', 0xE1, '\n'}, "p.csv")
	f.Add([]byte("PK\x03\x04garbage"), "p.xlsx")
	lim := Limits{MaxBytes: 1 << 20, MaxUnzip: 8 << 20, MaxRows: 1000, MaxCols: 100}
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		b, err := Read(name, data, lim)
		if err != nil {
			return
		}
		defer b.Close()
		for _, tb := range b.Tables {
			if len(tb.Rows) > lim.MaxRows {
				t.Fatalf("%d rows", len(tb.Rows))
			}
			for _, r := range tb.Rows {
				if len(r) > lim.MaxCols {
					t.Fatalf("%d columns", len(r))
				}
			}
		}
		ws := &Workspace{LS: examples(t), Profiles: map[string]string{}}
		ws.Index()
		Plan(b, ws, Options{ReadFile: func(string) ([]byte, error) { return nil, os.ErrNotExist }})
	})
}
