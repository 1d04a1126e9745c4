package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Limits bound what a workbook or table may cost to read: a zip bomb or a sheet of a
// million rows is refused with a message, not read into memory.
type Limits struct {
	MaxBytes int64 // the file itself
	MaxUnzip int64 // all parts of a workbook, unpacked
	MaxRows  int   // per sheet
	MaxCols  int   // per row
}

// DefaultLimits fit far more than a workspace of 10,000 profiles.
var DefaultLimits = Limits{MaxBytes: 64 << 20, MaxUnzip: 256 << 20, MaxRows: 100_000, MaxCols: 2_000}

// Error is a problem with the file as a whole.
type Error struct{ Msg i18n.Text }

func (e *Error) Error() string { return e.Msg.EN }

func fail(ru, en string, args ...any) error { return &Error{Msg: i18n.Msg(ru, en, args...)} }

// Table is one sheet (or the one table of a CSV file): the raw values of its cells.
type Table struct {
	Name   string // the sheet's name; "" for CSV
	Rows   [][]string
	Hidden bool
	Merged []string // merged ranges, e.g. "B3:B5"
}

// Book is a workbook or a CSV file read for import.
type Book struct {
	File   string // display path
	Tables []*Table
	f      *excelize.File // nil for CSV
}

// Close releases the workbook's temporary files.
func (b *Book) Close() {
	if b.f != nil {
		_ = b.f.Close()
	}
}

// Where names a cell for messages: "profiles.xlsx: Поступление в вуз!F7", or
// "profiles.csv: F7" for a CSV file.
func (b *Book) Where(t *Table, col, row int) string {
	c := cellName(col, row)
	if t.Name == "" {
		return b.File + ": " + c
	}
	return b.File + ": " + t.Name + "!" + c
}

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// Read reads a workbook (.xlsx) or a CSV table from data; display names the file.
func Read(display string, data []byte, lim Limits) (*Book, error) {
	if lim == (Limits{}) {
		lim = DefaultLimits
	}
	if int64(len(data)) > lim.MaxBytes {
		return nil, fail("файл больше %d МБ — это не таблица профилей; разделите его", "the file is larger than %d MB — not a table of profiles; split it", lim.MaxBytes>>20)
	}
	ext := strings.ToLower(filepath.Ext(display))
	switch {
	case bytes.HasPrefix(data, zipMagic):
		return readXLSX(display, data, lim)
	case bytes.HasPrefix(data, oleMagic):
		return nil, fail("это книга старого формата .xls или книга с паролем — сохраните ее как «Книга Excel (.xlsx)» без пароля",
			"this is an old .xls workbook or a password-protected one — save it as an Excel Workbook (.xlsx) without a password")
	case ext == ".xlsx" || ext == ".xlsm" || ext == ".xls" || ext == ".ods":
		return nil, fail("это не книга Excel (.xlsx): файл поврежден или сохранен в другом формате — откройте его в табличном редакторе и сохраните как .xlsx",
			"this is not an Excel workbook (.xlsx): the file is damaged or in another format — open it in a spreadsheet program and save it as .xlsx")
	}
	return readCSV(display, data, lim)
}

func readXLSX(display string, data []byte, lim Limits) (*Book, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		RawCellValue: true, UnzipSizeLimit: lim.MaxUnzip, UnzipXMLSizeLimit: min(lim.MaxUnzip, 64<<20)})
	if err != nil {
		if errors.Is(err, excelize.ErrOptionsUnzipSizeLimit) || strings.Contains(err.Error(), "size limit") || strings.Contains(err.Error(), "unzip size") {
			return nil, fail("книга распаковывается больше чем в %d МБ — это не таблица профилей (возможно, «zip-бомба»)",
				"the workbook unpacks to more than %d MB — not a table of profiles (possibly a zip bomb)", lim.MaxUnzip>>20)
		}
		return nil, fail("книгу не удалось прочитать (%v) — откройте ее в табличном редакторе и сохраните как .xlsx",
			"cannot read the workbook (%v) — open it in a spreadsheet program and save it as .xlsx", err)
	}
	b := &Book{File: display, f: f}
	mayMerge := hasMergedCells(data)
	for _, name := range f.GetSheetList() {
		t := &Table{Name: name}
		if vis, err := f.GetSheetVisible(name); err == nil && !vis {
			t.Hidden = true
		}
		rows, err := f.Rows(name)
		if err != nil {
			b.Close()
			return nil, fail("лист «%s» не читается: %v", "sheet %q cannot be read: %v", name, err)
		}
		for rows.Next() {
			if len(t.Rows) >= lim.MaxRows {
				_ = rows.Close()
				b.Close()
				return nil, fail("на листе «%s» больше %d строк — это не таблица профилей; удалите лишние строки",
					"sheet %q has more than %d rows — not a table of profiles; delete the extra rows", name, lim.MaxRows)
			}
			cols, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				_ = rows.Close()
				b.Close()
				return nil, fail("лист «%s», строка %d не читается: %v", "sheet %q, row %d cannot be read: %v", name, len(t.Rows)+1, err)
			}
			if len(cols) > lim.MaxCols {
				_ = rows.Close()
				b.Close()
				return nil, fail("на листе «%s» в строке %d больше %d столбцов", "sheet %q has more than %d columns in row %d", name, lim.MaxCols, len(t.Rows)+1)
			}
			t.Rows = append(t.Rows, cols)
		}
		if err := rows.Close(); err != nil {
			b.Close()
			return nil, fail("лист «%s» не читается: %v", "sheet %q cannot be read: %v", name, err)
		}
		if mayMerge {
			mc, err := f.GetMergeCells(name, true)
			if err != nil {
				continue
			}
			for _, m := range mc {
				t.Merged = append(t.Merged, m.GetStartAxis()+":"+m.GetEndAxis())
			}
		}
		b.Tables = append(b.Tables, t)
	}
	return b, nil
}

// hasMergedCells reports whether any worksheet of the workbook declares merged cells.
// GetMergeCells parses a whole sheet a second time; most workbooks have none.
func hasMergedCells(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return true
	}
	needle := []byte("<mergeCell")
	buf := make([]byte, 64<<10)
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/") {
			continue
		}
		r, err := f.Open()
		if err != nil {
			return true
		}
		// Search chunk by chunk, keeping the tail in case the needle spans two chunks.
		var tail []byte
		for {
			n, err := r.Read(buf)
			chunk := append(tail, buf[:n]...)
			if bytes.Contains(chunk, needle) || bytes.Contains(chunk, []byte(":mergeCell")) {
				r.Close()
				return true
			}
			tail = append([]byte(nil), chunk[max(0, len(chunk)-len(needle)):]...)
			if err != nil {
				break
			}
		}
		r.Close()
	}
	return false
}

// Formula returns the formula of a cell, "" when it holds a plain value.
func (b *Book) Formula(t *Table, col, row int) string {
	if b.f == nil {
		return ""
	}
	s, _ := b.f.GetCellFormula(t.Name, cellName(col, row))
	return s
}

// IsDate reports whether a cell is formatted as a date or time (its raw value is then a
// day number, such as 46023 for 2026-01-01).
func (b *Book) IsDate(t *Table, col, row int) bool {
	if b.f == nil {
		return false
	}
	id, err := b.f.GetCellStyle(t.Name, cellName(col, row))
	if err != nil || id == 0 {
		return false
	}
	st, err := b.f.GetStyle(id)
	if err != nil {
		return false
	}
	if (st.NumFmt >= 14 && st.NumFmt <= 22) || (st.NumFmt >= 45 && st.NumFmt <= 47) || (st.NumFmt >= 27 && st.NumFmt <= 36) || (st.NumFmt >= 50 && st.NumFmt <= 58) {
		return true
	}
	if st.CustomNumFmt != nil {
		f := strings.ToLower(*st.CustomNumFmt)
		// Drop quoted text and colours, then look for date or time codes.
		var b strings.Builder
		in := false
		for _, r := range f {
			if r == '"' {
				in = !in
				continue
			}
			if !in {
				b.WriteRune(r)
			}
		}
		f = b.String()
		return strings.ContainsAny(f, "dy") || strings.Contains(f, "hh") || strings.Contains(f, "mm:") || strings.Contains(f, "дд") || strings.Contains(f, "гг")
	}
	return false
}

var (
	utf8BOM    = []byte("\xef\xbb\xbf")
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
)

// decodeText turns a CSV file into UTF-8: UTF-8 with or without a BOM, UTF-16 with a
// BOM («Текст Юникод» of Excel), otherwise Windows-1251 (what a Russian Excel saves).
func decodeText(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		data = data[3:]
	case bytes.HasPrefix(data, utf16LEBOM) || bytes.HasPrefix(data, utf16BEBOM):
		d, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return nil, err
		}
		data = d
	case !utf8.Valid(data):
		d, err := charmap.Windows1251.NewDecoder().Bytes(data)
		if err != nil {
			return nil, err
		}
		data = d
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, errors.New("binary")
	}
	return data, nil
}

// separator picks ; , or tab: the one found most often outside quotes in the first line.
func separator(data []byte) rune {
	counts := map[rune]int{}
	in := false
	for _, r := range string(data) {
		if r == '"' {
			in = !in
		}
		if in {
			continue
		}
		if r == '\n' {
			break
		}
		if r == ';' || r == ',' || r == '\t' {
			counts[r]++
		}
	}
	best := ';'
	for _, r := range []rune{'\t', ','} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}

func readCSV(display string, data []byte, lim Limits) (*Book, error) {
	text, err := decodeText(data)
	if err != nil {
		return nil, fail("это не таблица CSV и не книга .xlsx (в файле двоичные данные) — сохраните таблицу как .xlsx или CSV",
			"this is neither a CSV table nor an .xlsx workbook (the file holds binary data) — save the table as .xlsx or CSV")
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = separator(text)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	t := &Table{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fail("строка %d: %v — проверьте кавычки", "line %d: %v — check the quotes", pe.Line, pe.Err)
			}
			return nil, fail("таблица не читается: %v", "cannot read the table: %v", err)
		}
		if len(t.Rows) >= lim.MaxRows {
			return nil, fail("в таблице больше %d строк — это не таблица профилей", "the table has more than %d rows — not a table of profiles", lim.MaxRows)
		}
		if len(rec) > lim.MaxCols {
			return nil, fail("в строке %d больше %d столбцов", "row %d has more than %d columns", len(t.Rows)+1, lim.MaxCols)
		}
		t.Rows = append(t.Rows, rec)
	}
	return &Book{File: display, Tables: []*Table{t}}, nil
}

// cell returns a cell's value, "" beyond the row's end.
func (t *Table) cell(row, col int) string {
	if row < len(t.Rows) && col < len(t.Rows[row]) {
		return t.Rows[row][col]
	}
	return ""
}

// inMerged returns the merged range that covers a cell (0-based column, 1-based row).
func (t *Table) inMerged(col, row int) string {
	for _, m := range t.Merged {
		a, b, ok := strings.Cut(m, ":")
		if !ok {
			continue
		}
		c1, r1, err1 := excelize.CellNameToCoordinates(a)
		c2, r2, err2 := excelize.CellNameToCoordinates(b)
		if err1 != nil || err2 != nil {
			continue
		}
		if col+1 >= c1 && col+1 <= c2 && row >= r1 && row <= r2 {
			return m
		}
	}
	return ""
}
