// Package sheet writes profiles to a workbook and reads workbooks and CSV tables back:
// `profiler export`, `profiler import` and `profiler import attributes` (SPEC §3.6).
//
// One table describes the columns of a life situation's sheet; export fills each cell
// from the profile and import compares each cell with what export would have written, so
// an unedited workbook changes nothing and an edited cell changes only its field.
package sheet

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/scaffold"
)

// Field is what a column of a profile sheet holds.
type Field int

// The fields of a profile row, in column order; FieldAttr columns come after FieldStage.
const (
	FieldID Field = iota
	FieldTitle
	FieldStatus
	FieldStage
	FieldAttr
	FieldCapacity
	FieldSatisfaction
	FieldJourney
	FieldInforming
	FieldService
	FieldPains
)

// Column is one column of a life situation's sheet.
type Column struct {
	Field  Field
	Header string           // as exported, in the export language
	Attr   *model.Attribute // FieldAttr only
}

var fixedHeaders = map[Field]i18n.Text{
	FieldID:           {RU: "id", EN: "id"},
	FieldTitle:        {RU: "Название профиля", EN: "Profile title"},
	FieldStatus:       {RU: "Статус", EN: "Status"},
	FieldStage:        {RU: "Этап", EN: "Stage"},
	FieldCapacity:     {RU: "Емкость сегмента", EN: "Segment capacity"},
	FieldSatisfaction: {RU: "Уровень удовлетворенности", EN: "Satisfaction"},
	FieldJourney:      {RU: "Особенности клиентского пути", EN: "Client journey"},
	FieldInforming:    {RU: "Каналы: информирование", EN: "Channels: informing"},
	FieldService:      {RU: "Каналы: получение услуг", EN: "Channels: service"},
	FieldPains:        {RU: "Боли", EN: "Pains"},
}

// columnsOf lists the columns of ls's sheet: fixed ones around one per attribute, headed by
// its title («Возраст»), or "title (id)" when two attributes share a title.
func columnsOf(ls *model.LifeSituation, lang i18n.Lang) []Column {
	cols := []Column{}
	for _, f := range []Field{FieldID, FieldTitle, FieldStatus, FieldStage} {
		cols = append(cols, Column{Field: f, Header: fixedHeaders[f].In(lang)})
	}
	seen := map[string]int{}
	for i := range ls.Attributes {
		seen[norm(ls.Attributes[i].Title)]++
	}
	for _, f := range []Field{FieldCapacity, FieldSatisfaction, FieldJourney, FieldInforming, FieldService, FieldPains} {
		seen[norm(fixedHeaders[f].RU)]++
		seen[norm(fixedHeaders[f].EN)]++
	}
	for i := range ls.Attributes {
		a := &ls.Attributes[i]
		h := a.Title
		if h == "" || seen[norm(h)] > 1 {
			h = strings.TrimSpace(a.Title + " (" + a.ID + ")")
		}
		cols = append(cols, Column{Field: FieldAttr, Header: h, Attr: a})
	}
	for _, f := range []Field{FieldCapacity, FieldSatisfaction, FieldJourney, FieldInforming, FieldService, FieldPains} {
		cols = append(cols, Column{Field: f, Header: fixedHeaders[f].In(lang)})
	}
	return cols
}

// norm folds a header or word for matching: case, ё/е, spaces.
func norm(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.ReplaceAll(s, "ё", "е")
	return strings.Join(strings.Fields(s), " ")
}

// Cell is one exported cell: text, or a number.
type Cell struct {
	Text   string
	Number bool // write as a number (Text is its decimal form)
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// oneLine keeps list items on their own line inside a cell: a line break inside an item
// would split it in two on the way back.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

func lines(items []string) string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = oneLine(s)
	}
	return strings.Join(out, "\n")
}

func texts(items []model.Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Text
	}
	return out
}

// attrValue finds the profile's value of attribute id.
func attrValue(p *model.Profile, id string) *model.AttrValue {
	for i := range p.Attributes {
		if p.Attributes[i].Key == id {
			return &p.Attributes[i]
		}
	}
	return nil
}

// cellOf is the cell export writes for column c of profile p.
func cellOf(c Column, p *model.Profile) Cell {
	switch c.Field {
	case FieldID:
		return Cell{Text: p.ID}
	case FieldTitle:
		return Cell{Text: p.Title}
	case FieldStatus:
		return Cell{Text: string(p.Status)}
	case FieldStage:
		return Cell{Text: string(p.Stage)}
	case FieldAttr:
		v := attrValue(p, c.Attr.ID)
		if v == nil {
			return Cell{}
		}
		if len(v.Values) == 1 && !v.List {
			s := v.Values[0]
			if s.Number && plainNumber(s.Canonical) {
				return Cell{Text: s.Canonical, Number: true}
			}
			return Cell{Text: oneLine(s.Text)}
		}
		var out []string
		for _, s := range v.Values {
			out = append(out, s.Text)
		}
		return Cell{Text: lines(out)}
	case FieldCapacity:
		if p.Priority.Capacity.Set {
			return Cell{Text: num(p.Priority.Capacity.Number), Number: true}
		}
	case FieldSatisfaction:
		if p.Priority.Satisfaction.Set {
			return Cell{Text: num(p.Priority.Satisfaction.Number), Number: true}
		}
	case FieldJourney:
		return Cell{Text: lines(texts(p.Journey))}
	case FieldInforming:
		return Cell{Text: lines(p.Channels.Informing)}
	case FieldService:
		return Cell{Text: lines(p.Channels.Service)}
	case FieldPains:
		return Cell{Text: lines(texts(p.Pains))}
	}
	return Cell{}
}

func plainNumber(s string) bool {
	f, err := strconv.ParseFloat(s, 64)
	return err == nil && num(f) == s
}

// same reports whether a cell read back holds what export wrote: numbers compare as
// numbers (Excel may write 12000 as 12000.0), text compares after trimming each line.
func same(exported Cell, read string) bool {
	if exported.Text == read {
		return true
	}
	if exported.Number || isNumber(read) {
		a, errA := strconv.ParseFloat(strings.TrimSpace(exported.Text), 64)
		b, errB := strconv.ParseFloat(strings.TrimSpace(read), 64)
		if errA == nil && errB == nil {
			return a == b
		}
	}
	return slicesEqual(splitLines(exported.Text), splitLines(read))
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return err == nil
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// splitLines splits a cell into its list items: one per line, blank lines dropped.
func splitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(strings.TrimRight(l, "\r")); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// width is a readable column width in Excel's units (characters), from the longest line.
func width(header string, cells []string) float64 {
	w := utf8.RuneCountInString(header) + 2
	for _, c := range cells {
		for _, l := range strings.Split(c, "\n") {
			w = max(w, utf8.RuneCountInString(l)+2)
		}
	}
	return float64(min(max(w, 8), 60))
}

// sources maps the text of list items that carry a source to it.
func sources(items []model.Item) map[string]string {
	var m map[string]string
	for _, it := range items {
		if it.Source != "" {
			if m == nil {
				m = map[string]string{}
			}
			m[it.Text] = it.Source
		}
	}
	return m
}

// edit turns a changed cell of column c into the YAML edit of p's file.
func edit(c Column, p *model.Profile, read string) scaffold.Edit {
	items := splitLines(read)
	switch c.Field {
	case FieldTitle:
		return scaffold.Edit{Path: []string{"title"}, Value: one(strings.TrimSpace(read))}
	case FieldStatus:
		return scaffold.Edit{Path: []string{"status"}, Value: one(statusID(read))}
	case FieldStage:
		return scaffold.Edit{Path: []string{"stage"}, Value: one(stageID(read))}
	case FieldAttr:
		path := []string{"attributes", c.Attr.ID}
		if len(items) == 0 {
			return scaffold.Edit{Path: path}
		}
		wasList := false
		if p != nil {
			if v := attrValue(p, c.Attr.ID); v != nil {
				wasList = v.List
			}
		}
		return scaffold.Edit{Path: path, Value: &scaffold.Value{Items: items, List: wasList || len(items) > 1,
			Number: c.Attr.Type == model.AttrRange, Flow: true}}
	case FieldCapacity, FieldSatisfaction:
		key := "capacity"
		if c.Field == FieldSatisfaction {
			key = "satisfaction"
		}
		if strings.TrimSpace(read) == "" {
			return scaffold.Edit{Path: []string{"priority", key}}
		}
		return scaffold.Edit{Path: []string{"priority", key, "value"}, Value: &scaffold.Value{Items: []string{numText(read)}, Number: true}}
	case FieldJourney, FieldPains:
		key, old := "journey", []model.Item(nil)
		if c.Field == FieldPains {
			key = "pains"
		}
		if p != nil {
			old = p.Journey
			if c.Field == FieldPains {
				old = p.Pains
			}
		}
		if len(items) == 0 {
			return scaffold.Edit{Path: []string{key}}
		}
		return scaffold.Edit{Path: []string{key}, Value: &scaffold.Value{Items: items, List: true, Sources: sources(old)}}
	case FieldInforming, FieldService:
		key := "informing"
		if c.Field == FieldService {
			key = "service"
		}
		if len(items) == 0 {
			return scaffold.Edit{Path: []string{"channels", key}}
		}
		return scaffold.Edit{Path: []string{"channels", key}, Value: &scaffold.Value{Items: items, List: true, Flow: true}}
	}
	return scaffold.Edit{}
}

func one(s string) *scaffold.Value { return &scaffold.Value{Items: []string{s}} }

// numText normalises a number typed into a cell: "12 000", "3,5" and "12000.0" read as
// the numbers a Russian user means.
func numText(s string) string {
	t := strings.ReplaceAll(strings.TrimSpace(s), "\u00a0", "")
	t = strings.ReplaceAll(t, " ", "")
	if strings.Count(t, ",") == 1 && !strings.Contains(t, ".") {
		t = strings.Replace(t, ",", ".", 1)
	}
	if f, err := strconv.ParseFloat(t, 64); err == nil {
		return num(f)
	}
	return strings.TrimSpace(s)
}

// statusID accepts a status id or its Russian or English name.
func statusID(s string) string {
	n := norm(s)
	for _, st := range model.Statuses {
		if n == string(st) || n == norm(st.Name().RU) || n == norm(st.Name().EN) {
			return string(st)
		}
	}
	switch n {
	case "гражданин", "граждане", "физическое лицо", "физлицо", "население":
		return string(model.Citizen)
	case "бизнес", "юридическое лицо", "юрлицо", "предприниматель", "индивидуальный предприниматель", "организация":
		return string(model.Business)
	case "внутренний", "сотрудник", "госслужащий", "ведомство", "органы власти":
		return string(model.Internal)
	}
	return strings.TrimSpace(s)
}

// stageID accepts a stage id or its name («сегмент (II этап)», «гипотеза»...).
func stageID(s string) string {
	n := norm(s)
	for _, st := range model.Stages {
		name := norm(st.Name().RU)
		if n == string(st) || n == name || n == norm(st.Name().EN) || strings.HasPrefix(name, n+" ") {
			return string(st)
		}
	}
	return strings.TrimSpace(s)
}
