package sheet

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/profiler-cx/profiler/internal/catalog"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/xuri/excelize/v2"
)

// Names of the fixed sheets, in both languages (import recognises either).
var (
	lsSheetName    = i18n.Text{RU: "Жизненные ситуации", EN: "Life situations"}
	attrsSheetName = i18n.Text{RU: "Признаки", EN: "Attributes"}
	listsSheetName = i18n.Text{RU: "Списки", EN: "Lists"}
)

// Headers of the life-situation sheet; lsHeaderSheet names each LS's sheet (import reads
// it to know which life situation a sheet belongs to).
var (
	lsHeaders = []i18n.Text{{RU: "id", EN: "id"}, {RU: "Название ЖС", EN: "Life situation"}, {RU: "Заказчик", EN: "Owner"},
		{RU: "Статусы", EN: "Statuses"}, {RU: "Лист", EN: "Sheet"}, {RU: "Файл", EN: "File"}, {RU: "Профилей", EN: "Profiles"}}
	attrHeaders = []i18n.Text{{RU: "ЖС", EN: "Life situation"}, {RU: "id", EN: "id"}, {RU: "Название признака", EN: "Attribute"},
		{RU: "Статусы", EN: "Statuses"}, {RU: "Тип", EN: "Type"}, {RU: "Единица", EN: "Unit"}, {RU: "Значения", EN: "Values"},
		{RU: "Справочник", EN: "Catalogue"}, {RU: "Источники", EN: "Sources"}}
)

// LSData is one life situation with its profiles, as export writes it.
type LSData struct {
	LS       *model.LifeSituation
	Path     string // display path of life-situation.yaml
	Profiles []*model.Profile
}

// sheetNames gives each life situation a sheet name Excel accepts (≤ 31 characters, none
// of []:*?/\, not blank, not «History»), unique among the fixed sheets and each other;
// the same workspace always gets the same names.
func sheetNames(lss []*model.LifeSituation) []string {
	used := map[string]bool{}
	for _, t := range []i18n.Text{lsSheetName, attrsSheetName, listsSheetName} {
		used[strings.ToLower(t.RU)], used[strings.ToLower(t.EN)] = true, true
	}
	used["history"] = true
	out := make([]string, len(lss))
	for i, ls := range lss {
		base := cleanSheetName(ls.Title)
		if base == "" {
			base = cleanSheetName(ls.ID)
		}
		name := cut(base, 31)
		for n := 2; used[strings.ToLower(name)]; n++ {
			suffix := fmt.Sprintf(" (%d)", n)
			name = cut(base, 31-len(suffix)) + suffix
		}
		used[strings.ToLower(name)] = true
		out[i] = name
	}
	return out
}

func cleanSheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) || r < ' ' {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	return strings.Trim(s, "' ")
}

func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return strings.TrimRight(string([]rune(s)[:n]), " '")
}

func colName(i int) string { // 0-based
	n, _ := excelize.ColumnNumberToName(i + 1)
	return n
}

func cellName(col, row int) string { // 0-based column, 1-based row
	return colName(col) + strconv.Itoa(row)
}

// Export builds the workbook: life situations, attributes, one sheet per life situation.
func Export(data []LSData, lang i18n.Lang) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	lss := make([]*model.LifeSituation, len(data))
	for i, d := range data {
		lss[i] = d.LS
	}
	names := sheetNames(lss)
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE7F3"}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return nil, err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return nil, err
	}
	w := &writer{f: f, head: head, wrap: wrap, lang: lang}

	// Life situations.
	lsSheet := lsSheetName.In(lang)
	if err := f.SetSheetName("Sheet1", lsSheet); err != nil {
		return nil, err
	}
	var rows [][]Cell
	for i, d := range data {
		var st []string
		for _, s := range d.LS.Statuses {
			st = append(st, string(s))
		}
		rows = append(rows, []Cell{{Text: d.LS.ID}, {Text: d.LS.Title}, {Text: d.LS.Owner}, {Text: lines(st)},
			{Text: names[i]}, {Text: d.Path}, {Text: strconv.Itoa(len(d.Profiles)), Number: true}})
	}
	if err := w.table(lsSheet, texts18(lsHeaders, lang), rows, nil); err != nil {
		return nil, err
	}

	// Attributes.
	attrSheet := attrsSheetName.In(lang)
	if _, err := f.NewSheet(attrSheet); err != nil {
		return nil, err
	}
	rows = nil
	for _, d := range data {
		for _, a := range d.LS.Attributes {
			var st []string
			for _, s := range a.Statuses {
				st = append(st, string(s))
			}
			rows = append(rows, []Cell{{Text: d.LS.ID}, {Text: a.ID}, {Text: a.Title}, {Text: lines(st)}, {Text: string(a.Type)},
				{Text: a.Unit}, {Text: lines(a.Values)}, {Text: a.Catalog}, {Text: lines(a.Sources)}})
		}
	}
	if err := w.table(attrSheet, texts18(attrHeaders, lang), rows, nil); err != nil {
		return nil, err
	}

	// The hidden sheet of drop-down values goes before the life situations' sheets: hiding
	// a sheet makes excelize read every sheet there is, streamed ones included.
	lists := &listSheet{name: listsSheetName.In(lang), ranges: map[string]string{}}
	cols := make([][]Column, len(data))
	for i, d := range data {
		cols[i] = columnsOf(d.LS, lang)
		for _, dd := range dropDownsOf(d.LS, cols[i]) {
			lists.add(d.LS.ID+"/"+cols[i][dd.j].Header, dd.vals)
		}
	}
	if err := lists.write(f); err != nil {
		return nil, err
	}
	for i, d := range data {
		if _, err := f.NewSheet(names[i]); err != nil {
			return nil, err
		}
		cols := cols[i]
		headers := make([]string, len(cols))
		for j, c := range cols {
			headers[j] = c.Header
		}
		ps := slices.Clone(d.Profiles)
		slices.SortStableFunc(ps, func(a, b *model.Profile) int { return strings.Compare(a.ID, b.ID) })
		rows := make([][]Cell, len(ps))
		for r, p := range ps {
			row := make([]Cell, len(cols))
			for j, c := range cols {
				row[j] = cellOf(c, p)
			}
			rows[r] = row
		}
		if err := w.table(names[i], headers, rows, func(last int) error { return w.dropDowns(names[i], d.LS, cols, last, lists) }); err != nil {
			return nil, err
		}
	}
	// The first sheet is the active one already: SetActiveSheet would read every sheet back.
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func texts18(ts []i18n.Text, lang i18n.Lang) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.In(lang)
	}
	return out
}

type writer struct {
	f          *excelize.File
	head, wrap int
	lang       i18n.Lang
}

// table writes a header and rows with a frozen header, an autofilter, widths that fit
// the text and wrapping where a cell holds several lines. The rows go through excelize's
// stream writer: its cell-by-cell API looks the sheet up among all sheets for every cell,
// which made a workbook of 100 life situations quadratic. The filter and the lists are
// added before the rows are flushed.
func (w *writer) table(sheet string, headers []string, rows [][]Cell, extra func(last int) error) error {
	f := w.f
	n := len(headers)
	multi := make([]bool, n)
	cells := make([][]string, n)
	for _, row := range rows {
		for j, c := range row {
			if strings.Contains(c.Text, "\n") {
				multi[j] = true
			}
			cells[j] = append(cells[j], c.Text)
		}
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for j := range headers {
		if err := sw.SetColWidth(j+1, j+1, width(headers[j], cells[j])); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	hv := make([]any, n)
	for i, h := range headers {
		hv[i] = excelize.Cell{StyleID: w.head, Value: h}
	}
	if err := sw.SetRow("A1", hv); err != nil {
		return err
	}
	for r, row := range rows {
		vals := make([]any, len(row))
		for j, c := range row {
			cell := excelize.Cell{}
			if multi[j] {
				cell.StyleID = w.wrap
			}
			switch {
			case c.Text == "":
			case c.Number:
				if v, err := strconv.ParseFloat(c.Text, 64); err == nil {
					cell.Value = v
				} else {
					cell.Value = c.Text
				}
			default:
				cell.Value = c.Text
			}
			vals[j] = cell
		}
		if err := sw.SetRow(cellName(0, r+2), vals); err != nil {
			return err
		}
	}
	// Before Flush: the stream writer writes the sheet's filter and lists, kept in the
	// same worksheet record these calls edit, after the rows.
	last := len(rows) + 1
	if err := f.AutoFilter(sheet, "A1:"+cellName(n-1, max(last, 2)), nil); err != nil {
		return err
	}
	if extra != nil {
		if err := extra(last); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// dropDown is the list of allowed values of column j.
type dropDown struct {
	j      int
	vals   []string
	strict bool // status and stage: only the list; enum values: a warning only (a cell may hold several values, one per line)
}

func dropDownsOf(ls *model.LifeSituation, cols []Column) []dropDown {
	var out []dropDown
	for j, c := range cols {
		d := dropDown{j: j, strict: true}
		switch c.Field {
		case FieldStatus:
			for _, s := range ls.Statuses {
				d.vals = append(d.vals, string(s))
			}
		case FieldStage:
			for _, s := range model.Stages {
				d.vals = append(d.vals, string(s))
			}
		case FieldAttr:
			if c.Attr.Type != model.AttrEnum {
				continue
			}
			d.vals, d.strict = c.Attr.Values, false
			if c.Attr.Catalog != "" {
				if cat, ok := catalog.Get(c.Attr.Catalog); ok {
					d.vals = nil
					for _, e := range cat.Entries {
						if e.Legacy == nil {
							d.vals = append(d.vals, e.Name)
						}
					}
				}
			}
		}
		if len(d.vals) > 0 {
			out = append(out, d)
		}
	}
	return out
}

// dropDowns adds the drop-down lists of a life situation's sheet.
func (w *writer) dropDowns(sheet string, ls *model.LifeSituation, cols []Column, last int, lists *listSheet) error {
	end := max(last+1000, 1000)
	for _, d := range dropDownsOf(ls, cols) {
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(cellName(d.j, 2) + ":" + cellName(d.j, end))
		dv.SetSqrefDropList(lists.add(ls.ID+"/"+cols[d.j].Header, d.vals))
		if d.strict {
			dv.SetError(excelize.DataValidationErrorStyleStop, w.t("Недопустимое значение", "Not allowed"),
				w.t("Выберите значение из списка.", "Choose a value from the list."))
		} else {
			dv.SetError(excelize.DataValidationErrorStyleInformation, w.t("Значение не из списка", "Not in the list"),
				w.t("Несколько значений пишите по одному в строке; profiler validate проверит их.",
					"Write several values one per line; profiler validate checks them."))
		}
		if err := w.f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) t(ru, en string) string { return i18n.Text{RU: ru, EN: en}.In(w.lang) }

// listSheet collects the values of drop-down lists, one column each, on a hidden sheet
// (a list written into the validation itself is limited to 255 characters).
type listSheet struct {
	name   string
	cols   [][]string
	ranges map[string]string
}

func (l *listSheet) add(key string, vals []string) string {
	if r, ok := l.ranges[key]; ok {
		return r
	}
	j := len(l.cols)
	l.cols = append(l.cols, vals)
	r := fmt.Sprintf("'%s'!$%s$1:$%s$%d", l.name, colName(j), colName(j), len(vals))
	l.ranges[key] = r
	return r
}

func (l *listSheet) write(f *excelize.File) error {
	if len(l.cols) == 0 {
		return nil
	}
	if _, err := f.NewSheet(l.name); err != nil {
		return err
	}
	for j, vals := range l.cols {
		for r, v := range vals {
			if err := f.SetCellStr(l.name, cellName(j, r+1), v); err != nil {
				return err
			}
		}
	}
	return f.SetSheetVisible(l.name, false)
}
