package sheet

import (
	"regexp"
	"slices"
	"strings"

	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/scaffold"
	"github.com/profiler-cx/profiler/internal/translit"
)

// The experts' table: headers as people write them, Russian or English (matched after
// norm: case, ё, spaces).
var attrColumns = map[string][]string{
	"status":      {"статус", "статусы", "статус клиента", "статусы клиентов", "статус заявителя", "тип клиента", "категория клиента", "status", "statuses", "client status"},
	"title":       {"признак", "признаки", "название признака", "наименование признака", "название", "наименование", "признак для сегментации", "attribute", "title", "name"},
	"values":      {"значения", "значение", "значения признака", "варианты", "варианты значений", "возможные значения", "values", "value", "buckets"},
	"type":        {"тип", "тип признака", "тип значения", "type"},
	"unit":        {"единица", "единица измерения", "ед. изм.", "ед.изм.", "unit"},
	"sources":     {"источник", "источники", "источник информации", "источники информации", "sources", "source"},
	"id":          {"id", "идентификатор"},
	"description": {"описание", "пояснение", "description"},
}

var sourceWords = map[string]string{
	"нпа": "npa", "нормативные правовые акты": "npa", "нормативный правовой акт": "npa", "закон": "npa",
	"формы заявлений": "application-form", "форма заявления": "application-form", "заявление": "application-form", "формы заявления": "application-form",
	"экспертная таблица": "expert-table", "эксперты": "expert-table", "экспертная оценка": "expert-table", "таблица экспертов": "expert-table",
	"исследование": "research", "исследования": "research", "опрос": "research", "интервью": "research",
	"другое": "other", "иное": "other", "прочее": "other",
}

var typeWords = map[string]model.AttrType{
	"enum": model.AttrEnum, "перечисление": model.AttrEnum, "список": model.AttrEnum, "справочник": model.AttrEnum,
	"range": model.AttrRange, "диапазон": model.AttrRange, "интервал": model.AttrRange, "число": model.AttrRange, "числовой": model.AttrRange,
	"text": model.AttrText, "текст": model.AttrText, "строка": model.AttrText, "свободный текст": model.AttrText,
}

var bucket = regexp.MustCompile(`^\d+([.,]\d+)?\s*(-\s*\d+([.,]\d+)?|\+)$`)

// NewAttr is one attribute read from the experts' table.
type NewAttr struct {
	Where    string // its row (title cell)
	ID       string
	Title    string
	Type     model.AttrType
	Inferred bool // the table gave no type
	Exists   bool // the life situation has it already
	Item     scaffold.ListItem
}

// AttrPlan is the outcome of reading the experts' table.
type AttrPlan struct {
	Attrs []NewAttr
	New   []byte // the life situation's new text; nil when nothing changes
	spans map[string]scaffold.Span
}

// Locate returns the cell a finding on line of the new file belongs to.
func (a *AttrPlan) Locate(line int, whole string) string {
	for w, s := range a.spans {
		if line >= s.First && line <= s.Last {
			return w
		}
	}
	return whole
}

func splitList(s string, seps string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// PlanAttributes reads the experts' attribute table into the life situation ls (whose
// file text is src): new attributes are appended to the catalogue, existing ones reported,
// or replaced with force.
func PlanAttributes(b *Book, ls *model.LifeSituation, src []byte, force bool) (*AttrPlan, []Problem) {
	var probs []Problem
	add := func(where string, sev finding.Severity, ru, en string, args ...any) {
		probs = append(probs, Problem{Where: where, Severity: sev, Message: i18n.Msg(ru, en, args...)})
	}
	// The table: the first sheet whose header has a title column (hidden sheets last).
	var t *Table
	var col map[string]int
	tables := slices.Clone(b.Tables)
	slices.SortStableFunc(tables, func(x, y *Table) int { return boolInt(x.Hidden) - boolInt(y.Hidden) })
	for _, c := range tables {
		if len(c.Rows) == 0 {
			continue
		}
		m := map[string]int{}
		for j, h := range c.Rows[0] {
			for k, names := range attrColumns {
				if _, dup := m[k]; !dup && slices.Contains(names, norm(h)) {
					m[k] = j
				}
			}
		}
		if _, ok := m["title"]; ok {
			t, col = c, m
			break
		}
	}
	if t == nil {
		add(b.File, finding.Error, "не найден столбец с названием признака («Признак», «Название признака» или «attribute»)",
			"no attribute title column found (\"Признак\", \"Название признака\" or \"attribute\")")
		return nil, probs
	}
	if t.Hidden {
		add(b.File+": "+t.Name, finding.Info, "лист «%s» скрыт — он тоже импортируется", "sheet %q is hidden — it is imported too", t.Name)
	}
	get := func(r int, k string) string {
		if j, ok := col[k]; ok {
			return t.cell(r, j)
		}
		return ""
	}
	plan := &AttrPlan{spans: map[string]scaffold.Span{}}
	seen := map[string]string{}
	existing := map[string]int{} // id → index; also "title:" + its folded title
	for i, a := range ls.Attributes {
		existing[a.ID] = i
		existing["title:"+norm(a.Title)] = i
	}
	replace := map[int]scaffold.ListItem{}
	var items []scaffold.ListItem
	var itemWhere []string
	reported := map[string]bool{}
	for r := 1; r < len(t.Rows); r++ {
		row := r + 1
		at := b.Where(t, col["title"], row)
		merged := false
		for _, j := range col {
			if m := t.inMerged(j, row); m != "" {
				merged = true
				if !reported[m] {
					reported[m] = true
					add(b.File+": "+t.Name+"!"+m, finding.Error, "объединенные ячейки %s — разъедините их: у каждой строки свое значение",
						"merged cells %s — unmerge them: each row has its own value", m)
				}
			}
		}
		title := strings.TrimSpace(get(r, "title"))
		if merged || title == "" {
			continue
		}
		for _, j := range col {
			if f := b.Formula(t, j, row); f != "" {
				add(b.Where(t, j, row), finding.Info, "в ячейке формула =%s — взято ее сохраненное значение «%s»",
					"the cell holds the formula =%s — its saved value %q is used", f, t.cell(r, j))
			}
		}
		id := strings.TrimSpace(get(r, "id"))
		if i, ok := existing["title:"+norm(title)]; ok && id == "" {
			id = ls.Attributes[i].ID // the same attribute under its existing id
		}
		if id == "" {
			var err error
			if id, err = translit.Slug(title); err != nil {
				add(at, finding.Error, "из названия %q не получается id (в нем нет букв и цифр)", "the title %q gives no id (it has no letters or digits)", title)
				continue
			}
		}
		if prev, dup := seen[id]; dup {
			add(at, finding.Error, "признак %s уже есть в строке %s — оставьте одну строку", "attribute %s is already in %s — keep one row", id, prev)
			continue
		}
		seen[id] = at
		var statuses []string
		for _, s := range splitList(get(r, "status"), "\n;,") {
			statuses = append(statuses, statusID(s))
		}
		if len(statuses) == 0 {
			for _, s := range ls.Statuses {
				statuses = append(statuses, string(s))
			}
		}
		var values []string
		for _, l := range splitLines(get(r, "values")) {
			values = append(values, splitList(l, ";")...)
		}
		typ, inferred := model.AttrType(""), false
		if tt := norm(get(r, "type")); tt != "" {
			var ok bool
			if typ, ok = typeWords[tt]; !ok {
				add(b.Where(t, col["type"], row), finding.Error, "тип %q: допустимо enum (перечисление), range (диапазон), text (текст)",
					"type %q: use enum, range or text", get(r, "type"))
				continue
			}
		} else {
			inferred = true
			switch {
			case len(values) == 0:
				typ = model.AttrText
			case !slices.ContainsFunc(values, func(v string) bool { return !bucket.MatchString(v) }):
				typ = model.AttrRange
			default:
				typ = model.AttrEnum
			}
		}
		if typ == model.AttrRange {
			for i, v := range values { // "18 - 25" and "3,5-4" as the schema wants them
				values[i] = strings.ReplaceAll(strings.ReplaceAll(v, " ", ""), ",", ".")
			}
		}
		var sources []string
		for _, s := range splitList(get(r, "sources"), "\n;,") {
			if id, ok := sourceWords[norm(s)]; ok {
				s = id
			}
			sources = append(sources, s)
		}
		item := scaffold.ListItem{"id: " + id, "title: " + scaffold.Scalar(title)}
		if d := strings.TrimSpace(get(r, "description")); d != "" {
			item = append(item, "description: "+scaffold.Scalar(d))
		}
		item = append(item, "statuses: "+flowList(statuses), "type: "+string(typ))
		if u := strings.TrimSpace(get(r, "unit")); u != "" {
			item = append(item, "unit: "+scaffold.Scalar(u))
		}
		if len(values) > 0 && typ != model.AttrText {
			item = append(item, "values: "+flowList(values))
		}
		if len(sources) > 0 {
			item = append(item, "sources: "+flowList(sources))
		}
		na := NewAttr{Where: at, ID: id, Title: title, Type: typ, Inferred: inferred, Item: item}
		if i, ok := existing[id]; ok {
			na.Exists = true
			if force {
				replace[i] = item
				itemWhere = append(itemWhere, "")
			} else {
				add(at, finding.Info, "признак %s уже есть в %s — не заменен (заменить: --force)",
					"attribute %s already exists in %s — not replaced (to replace it: --force)", id, ls.ID)
			}
		} else {
			items = append(items, item)
			itemWhere = append(itemWhere, at)
		}
		plan.Attrs = append(plan.Attrs, na)
	}
	if hasError(probs) || (len(items) == 0 && len(replace) == 0) {
		return plan, probs
	}
	out, spans, repSpans, err := scaffold.AppendItems(src, "attributes", items, replace)
	if err != nil {
		add(b.File, finding.Error, "%s не удается изменить на месте: %v", "%s cannot be edited in place: %v", ls.Path, err)
		return plan, probs
	}
	j := 0
	for _, w := range itemWhere {
		if w != "" {
			plan.spans[w] = spans[j]
			j++
		}
	}
	for i, s := range repSpans {
		for _, a := range plan.Attrs {
			if a.ID == ls.Attributes[i].ID {
				plan.spans[a.Where] = s
			}
		}
	}
	plan.New = out
	return plan, probs
}

func flowList(vs []string) string {
	v := scaffold.Value{Items: vs, List: true}
	return v.FlowText()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func hasError(ps []Problem) bool {
	return slices.ContainsFunc(ps, func(p Problem) bool { return p.Severity == finding.Error })
}
