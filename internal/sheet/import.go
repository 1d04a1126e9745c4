package sheet

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/scaffold"
	"github.com/profiler-cx/profiler/internal/translit"
)

// Workspace is what import needs to know of the files: the life situations with their
// profiles, and where each profile lives.
type Workspace struct {
	LS       []LSData          // LSData.Path: the life situation's file as a path to open
	Profiles map[string]string // profile id → its file
	byID     map[string]*model.Profile
}

// Index prepares the lookups; call it once the fields are set.
func (w *Workspace) Index() {
	w.byID = map[string]*model.Profile{}
	for _, d := range w.LS {
		for _, p := range d.Profiles {
			if _, ok := w.byID[p.ID]; !ok {
				w.byID[p.ID] = p
			}
		}
	}
}

// NewProfileFunc renders a new profile the way `profiler new profile` does; it returns the
// file's path and text.
type NewProfileFunc func(ls LSData, id, title string, status model.Status, stage model.Stage) (path string, data []byte, err error)

// Options tune an import.
type Options struct {
	Force      bool   // a row without id may overwrite a file that exists
	LS         string // id of the life situation of a CSV table's rows without id
	NewProfile NewProfileFunc
	ReadFile   func(path string) ([]byte, error)
}

// Problem is one finding about the table, at a cell.
type Problem struct {
	Where    string // "profiles.xlsx: Поступление в вуз!F7"
	Severity finding.Severity
	Message  i18n.Text
}

// Change is one file import writes.
type Change struct {
	Path    string // the file, as a path to open
	Old     []byte // nil: the file is created
	New     []byte
	row     string // where findings on lines no edit wrote are reported (the row's id or title cell)
	spans   []scaffold.Span
	where   []string // the cell of each span
	created bool
}

// Locate returns the cell a finding on line of the new file belongs to.
func (c *Change) Locate(line int) string {
	for i, s := range c.spans {
		if line >= s.First && line <= s.Last {
			return c.where[i]
		}
	}
	return c.row
}

// Created reports whether the change creates the file.
func (c *Change) Created() bool { return c.created }

type planner struct {
	b     *Book
	ws    *Workspace
	opts  Options
	probs []Problem
	ids   map[string]string // ids seen in the table → cell
	paths map[string]bool   // files of new rows
}

func (p *planner) add(where string, sev finding.Severity, ru, en string, args ...any) {
	p.probs = append(p.probs, Problem{Where: where, Severity: sev, Message: i18n.Msg(ru, en, args...)})
}

func isFixed(name string) bool {
	for _, t := range []i18n.Text{lsSheetName, attrsSheetName, listsSheetName} {
		if norm(name) == norm(t.RU) || norm(name) == norm(t.EN) {
			return true
		}
	}
	return false
}

// sheetLS maps each sheet to its life situation: by the life-situation sheet the export
// wrote (its «Лист» column), else by the names export gives.
func (p *planner) sheetLS() map[string]*LSData {
	byID := map[string]*LSData{}
	lss := make([]*model.LifeSituation, len(p.ws.LS))
	for i := range p.ws.LS {
		byID[p.ws.LS[i].LS.ID] = &p.ws.LS[i]
		lss[i] = p.ws.LS[i].LS
	}
	out := map[string]*LSData{}
	for i, n := range sheetNames(lss) {
		out[n] = &p.ws.LS[i]
	}
	for _, t := range p.b.Tables {
		if norm(t.Name) != norm(lsSheetName.RU) && norm(t.Name) != norm(lsSheetName.EN) || len(t.Rows) == 0 {
			continue
		}
		idCol, sheetCol := -1, -1
		for j, h := range t.Rows[0] {
			switch norm(h) {
			case "id":
				idCol = j
			case norm(lsHeaders[4].RU), norm(lsHeaders[4].EN):
				sheetCol = j
			}
		}
		if idCol < 0 || sheetCol < 0 {
			continue
		}
		for r := 1; r < len(t.Rows); r++ {
			if d := byID[strings.TrimSpace(t.cell(r, idCol))]; d != nil && t.cell(r, sheetCol) != "" {
				out[t.cell(r, sheetCol)] = d
			}
		}
	}
	return out
}

// Plan reads the table's rows against the workspace: the files to change and the
// problems found. Nothing is written.
func Plan(b *Book, ws *Workspace, opts Options) ([]*Change, []Problem) {
	if opts.ReadFile == nil {
		opts.ReadFile = os.ReadFile
	}
	p := &planner{b: b, ws: ws, opts: opts, ids: map[string]string{}, paths: map[string]bool{}}
	sheets := p.sheetLS()
	var changes []*Change
	for _, t := range b.Tables {
		if t.Name != "" && isFixed(t.Name) {
			continue
		}
		var ls *LSData
		if t.Name == "" {
			ls = p.csvLS(t)
		} else if ls = sheets[t.Name]; ls == nil {
			p.add(b.File+": "+t.Name, finding.Info, "лист «%s» пропущен: это не лист жизненной ситуации (их названия — на листе «%s»)",
				"sheet %q skipped: it is not a life situation's sheet (see the sheet %q)", t.Name, lsSheetName.RU)
			continue
		}
		if t.Hidden {
			p.add(b.File+": "+t.Name, finding.Info, "лист «%s» скрыт — он тоже импортируется", "sheet %q is hidden — it is imported too", t.Name)
		}
		changes = append(changes, p.table(t, ls)...)
	}
	return changes, p.probs
}

// csvLS finds the life situation of a CSV table: --ls, else that of the first known id.
func (p *planner) csvLS(t *Table) *LSData {
	want := p.opts.LS
	if want == "" && len(t.Rows) > 0 {
		idCol := slices.IndexFunc(t.Rows[0], func(h string) bool { return norm(h) == "id" })
		for r := 1; idCol >= 0 && r < len(t.Rows); r++ {
			if pr := p.ws.byID[strings.TrimSpace(t.cell(r, idCol))]; pr != nil {
				want = pr.LifeSituation
				break
			}
		}
	}
	for i := range p.ws.LS {
		if p.ws.LS[i].LS.ID == want {
			return &p.ws.LS[i]
		}
	}
	if len(p.ws.LS) == 1 {
		return &p.ws.LS[0]
	}
	return nil
}

// header maps the table's columns to fields by their headers, in Russian or English.
func (p *planner) header(t *Table, ls *model.LifeSituation) (map[int]Column, int) {
	known := map[string]Column{}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.RU} {
		for _, c := range columnsOf(ls, lang) {
			known[norm(c.Header)] = c
			if c.Field == FieldAttr {
				known[norm(c.Attr.ID)] = c
				if _, ok := known[norm(c.Attr.Title)]; !ok && c.Attr.Title != "" {
					known[norm(c.Attr.Title)] = c
				}
			}
		}
	}
	cols := map[int]Column{}
	seen := map[string]int{}
	idCol := -1
	for j, h := range t.Rows[0] {
		if strings.TrimSpace(h) == "" {
			continue
		}
		c, ok := known[norm(h)]
		if !ok {
			p.add(p.b.Where(t, j, 1), finding.Info, "столбец «%s» пропущен: это не поле профиля и не признак ЖС «%s»",
				"column %q skipped: it is neither a profile field nor an attribute of %q", h, ls.ID)
			continue
		}
		var key string
		if c.Attr != nil {
			key = "attr:" + c.Attr.ID
		} else {
			key = fixedHeaders[c.Field].EN
		}
		if prev, dup := seen[key]; dup {
			p.add(p.b.Where(t, j, 1), finding.Error, "столбец «%s» повторяет столбец %s — оставьте один",
				"column %q repeats column %s — keep one", h, colName(prev))
			continue
		}
		seen[key] = j
		if c.Field == FieldID {
			idCol = j
		}
		cols[j] = c
	}
	return cols, idCol
}

func (p *planner) table(t *Table, ls *LSData) []*Change {
	if len(t.Rows) == 0 {
		return nil
	}
	where := func(j, r int) string { return p.b.Where(t, j, r) }
	if ls == nil {
		p.add(where(0, 1), finding.Error, "не понятно, к какой жизненной ситуации относятся строки — укажите ее: --ls ПАПКА",
			"cannot tell which life situation the rows belong to — name it with --ls DIR")
		return nil
	}
	cols, idCol := p.header(t, ls.LS)
	if idCol < 0 {
		p.add(where(0, 1), finding.Error, "нет столбца id — по нему строки связываются с профилями; верните его (для новых профилей оставьте ячейку пустой)",
			"no id column — rows are matched to profiles by it; put it back (leave the cell empty for new profiles)")
		return nil
	}
	order := slices.Sorted(func(yield func(int) bool) {
		for j := range cols {
			if !yield(j) {
				return
			}
		}
	})
	reported := map[string]bool{}
	var out []*Change
	for r := 1; r < len(t.Rows); r++ {
		row := r + 1
		blank := true
		for _, j := range order {
			if strings.TrimSpace(t.cell(r, j)) != "" {
				blank = false
			}
		}
		if blank {
			continue
		}
		bad := false
		for _, j := range order {
			if m := t.inMerged(j, row); m != "" {
				if !reported[m] {
					reported[m] = true
					p.add(p.b.File+": "+t.Name+"!"+m, finding.Error, "объединенные ячейки %s — разъедините их: у каждой строки свое значение",
						"merged cells %s — unmerge them: each row has its own value", m)
				}
				bad = true
			}
		}
		if bad {
			continue
		}
		id := strings.TrimSpace(t.cell(r, idCol))
		if id != "" {
			if prev, dup := p.ids[id]; dup {
				p.add(where(idCol, row), finding.Error, "профиль %s уже есть в строке %s — оставьте одну строку", "profile %s is already in %s — keep one row", id, prev)
				continue
			}
			p.ids[id] = where(idCol, row)
			if c := p.update(t, ls, cols, order, idCol, r, id); c != nil {
				out = append(out, c)
			}
			continue
		}
		if c := p.create(t, ls, cols, order, r); c != nil {
			out = append(out, c)
		}
	}
	return out
}

// checkCell reports a formula (its cached value is used) and refuses a date.
func (p *planner) checkCell(t *Table, j, r int) bool {
	row := r + 1
	if f := p.b.Formula(t, j, row); f != "" {
		p.add(p.b.Where(t, j, row), finding.Info, "в ячейке формула =%s — взято ее сохраненное значение «%s»",
			"the cell holds the formula =%s — its saved value %q is used", f, t.cell(r, j))
	}
	if p.b.IsDate(t, j, row) {
		p.add(p.b.Where(t, j, row), finding.Error, "ячейка в формате даты: в ней число %s, а не текст — задайте ячейке формат «Текстовый» и введите значение заново",
			"the cell is formatted as a date: it holds the number %s, not text — format the cell as Text and type the value again", t.cell(r, j))
		return false
	}
	return true
}

func (p *planner) update(t *Table, ls *LSData, cols map[int]Column, order []int, idCol, r int, id string) *Change {
	row := r + 1
	prof := p.ws.byID[id]
	if prof == nil {
		p.add(p.b.Where(t, idCol, row), finding.Error, "профиля с id %s нет в рабочей папке — проверьте id; чтобы создать профиль, оставьте ячейку пустой",
			"no profile with id %s in the workspace — check the id; leave the cell empty to create a profile", id)
		return nil
	}
	if prof.LifeSituation != ls.LS.ID {
		p.add(p.b.Where(t, idCol, row), finding.Error, "профиль %s относится к ЖС %s, а лист — к %s; перенесите строку на ее лист",
			"profile %s belongs to %s but the sheet to %s; move the row to its sheet", id, prof.LifeSituation, ls.LS.ID)
		return nil
	}
	var edits []scaffold.Edit
	var cells []string
	ok := true
	for _, j := range order {
		c := cols[j]
		if c.Field == FieldID {
			continue
		}
		read := t.cell(r, j)
		if same(cellOf(c, prof), read) {
			continue
		}
		if !p.checkCell(t, j, r) {
			ok = false
			continue
		}
		edits = append(edits, edit(c, prof, read))
		cells = append(cells, p.b.Where(t, j, row))
	}
	if !ok || len(edits) == 0 {
		return nil
	}
	path := p.ws.Profiles[id]
	old, err := p.opts.ReadFile(path)
	if err != nil {
		p.add(p.b.Where(t, idCol, row), finding.Error, "не удалось прочитать %s: %v", "cannot read %s: %v", filepath.ToSlash(path), err)
		return nil
	}
	res, spans, err := scaffold.SetValues(old, edits)
	if err != nil {
		why := i18n.Same(err.Error())
		var ee *scaffold.EditError
		if errors.As(err, &ee) {
			why = ee.What
		}
		p.probs = append(p.probs, Problem{Where: p.b.Where(t, idCol, row), Severity: finding.Error, Message: i18n.Join("",
			i18n.Msg("%s не удается изменить на месте (", "%s cannot be edited in place (", filepath.ToSlash(path)), why,
			i18n.Msg(") — внесите это изменение в YAML вручную", ") — make this change in the YAML by hand"))})
		return nil
	}
	if string(res) == string(old) {
		return nil
	}
	return &Change{Path: path, Old: old, New: res, row: p.b.Where(t, idCol, row), spans: spans, where: cells}
}

func (p *planner) create(t *Table, ls *LSData, cols map[int]Column, order []int, r int) *Change {
	row := r + 1
	get := func(f Field) (string, int) {
		for _, j := range order {
			if cols[j].Field == f {
				return strings.TrimSpace(t.cell(r, j)), j
			}
		}
		return "", -1
	}
	title, tj := get(FieldTitle)
	at := p.b.Where(t, max(tj, 0), row)
	if title == "" {
		p.add(at, finding.Error, "у новой строки нет названия профиля — заполните «%s» (по нему строится id)",
			"the new row has no profile title — fill in %q (the id is made from it)", fixedHeaders[FieldTitle].RU)
		return nil
	}
	id, err := translit.Slug(title)
	if err != nil {
		p.add(at, finding.Error, "из названия %q не получается id (в нем нет букв и цифр)", "the title %q gives no id (it has no letters or digits)", title)
		return nil
	}
	if prev, dup := p.ids[id]; dup {
		p.add(at, finding.Error, "id %s, полученный из названия, уже занят строкой %s — измените название", "the id %s made from the title is taken by %s — change the title", id, prev)
		return nil
	}
	p.ids[id] = at
	if _, exists := p.ws.byID[id]; exists {
		p.add(at, finding.Error, "профиль с id %s уже есть (%s) — чтобы изменить его, впишите id в столбец id; иначе измените название",
			"a profile with id %s exists (%s) — write the id in the id column to update it, or change the title", id, filepath.ToSlash(p.ws.Profiles[id]))
		return nil
	}
	statusText, sj := get(FieldStatus)
	status := model.Status(statusID(statusText))
	if statusText == "" && len(ls.LS.Statuses) == 1 {
		status = ls.LS.Statuses[0]
	}
	if !ls.LS.HasStatus(status) {
		var names []string
		for _, s := range ls.LS.Statuses {
			names = append(names, string(s))
		}
		p.add(p.b.Where(t, max(sj, 0), row), finding.Error, "статус %q: в ЖС %s статусы %s", "status %q: the life situation %s has the statuses %s",
			statusText, ls.LS.ID, strings.Join(names, ", "))
		return nil
	}
	stage := model.StageSegment
	if s, _ := get(FieldStage); s != "" {
		stage = model.Stage(stageID(s))
	}
	if p.opts.NewProfile == nil {
		return nil
	}
	path, data, err := p.opts.NewProfile(*ls, id, title, status, stage)
	if err != nil {
		p.add(at, finding.Error, "профиль не создан: %v", "the profile was not created: %v", err)
		return nil
	}
	if p.paths[path] {
		p.add(at, finding.Error, "файл %s уже создается другой строкой — измените название", "another row already creates %s — change the title", filepath.ToSlash(path))
		return nil
	}
	p.paths[path] = true
	if _, err := os.Lstat(path); err == nil && !p.opts.Force {
		p.add(at, finding.Error, "файл %s уже существует — измените название или добавьте --force, чтобы перезаписать его",
			"%s already exists — change the title or add --force to overwrite it", filepath.ToSlash(path))
		return nil
	}
	var edits []scaffold.Edit
	var cells []string
	ok := true
	for _, j := range order {
		c := cols[j]
		switch c.Field {
		case FieldID, FieldTitle, FieldStatus, FieldStage:
			continue
		}
		read := t.cell(r, j)
		if strings.TrimSpace(read) == "" {
			continue
		}
		if !p.checkCell(t, j, r) {
			ok = false
			continue
		}
		edits = append(edits, edit(c, nil, read))
		cells = append(cells, p.b.Where(t, j, row))
	}
	if !ok {
		return nil
	}
	res, spans, err := scaffold.SetValues(data, edits)
	if err != nil {
		p.add(at, finding.Error, "профиль не создан: %v", "the profile was not created: %v", err)
		return nil
	}
	return &Change{Path: path, New: res, row: at, spans: spans, where: cells, created: true}
}
