// Package rules checks what the JSON Schemas cannot say: references between files, the
// attribute catalogue, values against their declared types and catalogues, unique ids,
// file names, prioritisation warnings and the order of history.
//
// Rules run on the typed model (package model) and ask the document for positions. They
// are tolerant of documents with schema errors: whatever has the wrong type is skipped,
// because the schema check has already reported it.
//
// A new rule goes here: its id constant and entry in [Rules], its check, a case in
// rules_test.go's ruleCases and a row in the documentation's Rules table.
package rules

import (
	"fmt"
	"path"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/profiler-cx/profiler/internal/catalog"
	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/parallel"
	"github.com/profiler-cx/profiler/internal/segments"
)

// Rule ids. They are stable: users filter and suppress by them.
const (
	RuleDuplicateID       = "duplicate-id"
	RuleAttributeStatus   = "attribute-status"
	RuleRangeBucket       = "range-bucket"
	RuleUnresolved        = "ls-unresolved"
	RuleProfileStatus     = "profile-status"
	RuleAttrUndeclared    = "attribute-undeclared"
	RuleAttrValue         = "attribute-value"
	RuleAttrSpelling      = "attribute-spelling"
	RuleCatalogLegacy     = "catalog-legacy"
	RuleFileName          = "file-name"
	RulePriorityMissing   = "priority-missing"
	RuleSatisfactionScale = "satisfaction-scale"
	RuleHistoryOrder      = "history-order"
	RuleUnquoted          = "yaml-unquoted"
	RuleLSFolder          = "ls-folder"
)

// Rules lists the rule ids of this package, in the order SARIF lists them.
var Rules = []finding.Rule{
	{ID: RuleDuplicateID, Severity: finding.Error, Short: i18n.Text{RU: "повторяющийся идентификатор", EN: "two items share an id"}},
	{ID: RuleAttributeStatus, Severity: finding.Error, Short: i18n.Text{RU: "признак описывает статус, которого нет в ЖС", EN: "an attribute describes a status the life situation does not list"}},
	{ID: RuleRangeBucket, Severity: finding.Error, Short: i18n.Text{RU: "интервал с началом больше конца или пересекающиеся интервалы", EN: "a bucket whose start is above its end, or overlapping buckets"}},
	{ID: RuleUnresolved, Severity: finding.Error, Short: i18n.Text{RU: "lifeSituation не указывает ни на одну ЖС", EN: "lifeSituation names no life situation among the checked files"}},
	{ID: RuleLSFolder, Severity: finding.Warning, Short: i18n.Text{RU: "профиль лежит в папке другой ЖС, чем его lifeSituation", EN: "a profile lies in the folder of another life situation than its lifeSituation"}},
	{ID: RuleProfileStatus, Severity: finding.Error, Short: i18n.Text{RU: "статус профиля не входит в статусы ЖС", EN: "the profile's status is not among its life situation's statuses"}},
	{ID: RuleAttrUndeclared, Severity: finding.Error, Short: i18n.Text{RU: "признак не объявлен в ЖС для этого статуса", EN: "an attribute not declared in the life situation for this status"}},
	{ID: RuleAttrValue, Severity: finding.Error, Short: i18n.Text{RU: "значение вне объявленных значений, интервалов или справочника", EN: "a value outside the declared values, buckets or catalogue"}},
	{ID: RuleAttrSpelling, Severity: finding.Warning, Short: i18n.Text{RU: "значение совпадает с объявленным лишь без учета регистра или «ё/е»", EN: "a value that matches a declared one only ignoring case or «ё/е»"}},
	{ID: RuleCatalogLegacy, Severity: finding.Warning, Short: i18n.Text{RU: "устаревшая запись справочника (ОАО, ЗАО)", EN: "a legacy catalogue entry (ОАО, ЗАО)"}},
	{ID: RuleUnquoted, Severity: finding.Warning, Short: i18n.Text{RU: "значение, которое YAML читает как другое число: возьмите в кавычки", EN: "a value that YAML reads as a different number: quote it"}},
	{ID: RuleFileName, Severity: finding.Warning, Short: i18n.Text{RU: "файл профиля назван не <id>.yaml", EN: "a profile file not named <id>.yaml"}},
	{ID: RuleFileNameCase, Severity: finding.Error, Short: i18n.Text{RU: "пути файлов отличаются только регистром букв (в Windows и macOS это один файл)", EN: "file paths that differ only in letter case (one file on Windows and macOS)"}},
	{ID: RulePriorityMissing, Severity: finding.Warning, Short: i18n.Text{RU: "нет емкости или удовлетворенности", EN: "no capacity or satisfaction"}},
	{ID: RuleSatisfactionScale, Severity: finding.Error, Short: i18n.Text{RU: "удовлетворенность выше своей шкалы", EN: "satisfaction above its scale"}},
	{ID: RuleHistoryOrder, Severity: finding.Error, Short: i18n.Text{RU: "даты истории идут не по возрастанию", EN: "history dates not ascending"}},
	{ID: RuleSegmentDuplicate, Severity: finding.Warning, Short: i18n.Text{RU: "профиль описывает тот же сегмент, что и другой профиль ЖС и статуса", EN: "a profile describes the same segment as another of its life situation and status"}},
}

// LSDoc is a life situation with the document it came from.
type LSDoc struct {
	Doc *load.Document
	LS  *model.LifeSituation
}

// ProfileDoc is a profile with the document it came from.
type ProfileDoc struct {
	Doc *load.Document
	P   *model.Profile
}

// Where locates JSON Pointers in one file and tells which places the loader already
// reported. [DocWhere] answers from the parsed file; [Positions] from a table saved
// earlier, so the cross-file rules can run without the parsed file (the --cache of
// validate, and low memory on large workspaces).
type Where interface {
	Pos(ptr string) (line, col int)
	KeyPos(ptr string) (line, col int)
	// Reported is true where the loader already reported the value (a non-string key,
	// .inf): one problem, one finding.
	Reported(ptr string) bool
}

// DocWhere is a parsed document as a [Where].
func DocWhere(d *load.Document) Where { return docWhere{d} }

type docWhere struct{ d *load.Document }

func (w docWhere) Pos(ptr string) (int, int)    { return w.d.Pos(ptr) }
func (w docWhere) KeyPos(ptr string) (int, int) { return w.d.KeyPos(ptr) }
func (w docWhere) Reported(ptr string) bool     { return w.d.Poisoned[ptr] }

// LSRef is a life situation for the cross-file rules: its display path, positions and model.
type LSRef struct {
	Path string
	At   Where
	LS   *model.LifeSituation
}

// ProfileRef is a profile for the cross-file rules.
type ProfileRef struct {
	Path string
	At   Where
	P    *ProfileFacts
	// Beside is the path of the life situation beside the profile's profiles/ folder
	// (as LSRef.Path shows it), "" when there is none.
	Beside string
}

// ProfileFacts is what the cross-file rules read of a profile: a small value that a large
// workspace can keep for every file, and the cache can store.
type ProfileFacts struct {
	ID            string
	LifeSituation string
	Status        model.Status
	Attributes    []model.AttrValue
}

// FactsOf returns the facts of p.
func FactsOf(p *model.Profile) *ProfileFacts {
	if p == nil {
		return nil
	}
	return &ProfileFacts{ID: p.ID, LifeSituation: p.LifeSituation, Status: p.Status, Attributes: p.Attributes}
}

type sink struct {
	path  string
	doc   Where
	out   []finding.Finding
	clean map[cleanKey]struct{} // values known to pass checkValue; nil: no memo
	near  map[string]string     // closest life-situation id per unknown id
}

// cleanKey is what checkValue's verdict depends on (the position aside).
type cleanKey struct {
	a               *model.Attribute
	text, canonical string
	number          bool
}

func newSink(path string, w Where) *sink { return &sink{path: path, doc: w} }

// at and atKey record a finding at the value or the key of ptr, unless the loader has
// already reported that place (a non-string key, .inf): one problem, one finding.
func (s *sink) at(ptr string, sev finding.Severity, rule string, msg i18n.Text) {
	if s.doc.Reported(ptr) {
		return
	}
	line, col := s.doc.Pos(ptr)
	s.out = append(s.out, finding.Finding{File: s.path, Line: line, Column: col, Severity: sev, Rule: rule, Message: msg})
}

func (s *sink) atKey(ptr string, sev finding.Severity, rule string, msg i18n.Text) {
	if s.doc.Reported(ptr) {
		return
	}
	line, col := s.doc.KeyPos(ptr)
	s.out = append(s.out, finding.Finding{File: s.path, Line: line, Column: col, Severity: sev, Rule: rule, Message: msg})
}

// LifeSituation runs the rules that need only the life situation's own file.
func LifeSituation(d LSDoc) []finding.Finding {
	s := newSink(d.Doc.Path, DocWhere(d.Doc))
	ls := d.LS
	seenAttr := map[string]int{} // id -> line of its first declaration
	for _, a := range ls.Attributes {
		if a.ID != "" {
			if prev, ok := seenAttr[a.ID]; ok {
				s.at(a.Ptr+"/id", finding.Error, RuleDuplicateID, i18n.Msg(
					"признак %s уже объявлен в строке %d — у каждого признака свой id: переименуйте этот или объедините их",
					"attribute %s is already declared on line %d — each attribute needs its own id: rename this one or merge them", a.ID, prev))
			} else {
				seenAttr[a.ID], _ = d.Doc.Pos(a.Ptr + "/id")
			}
		}
		for j, st := range a.Statuses {
			if st.Valid() && !ls.HasStatus(st) {
				s.at(fmt.Sprintf("%s/statuses/%d", a.Ptr, j), finding.Error, RuleAttributeStatus, i18n.Msg(
					"признак %[1]s описан для статуса %[2]s, которого нет в statuses жизненной ситуации (%[3]s): добавьте %[2]s в statuses ЖС или уберите его из statuses признака",
					"attribute %[1]s is declared for status %[2]s, which the life situation does not list in statuses (%[3]s): add %[2]s to the life situation's statuses or remove it from the attribute's",
					a.ID, st, joinStatuses(ls.Statuses)))
			}
		}
		if a.Type == model.AttrRange {
			checkBuckets(s, a)
		}
	}
	seenSvc := map[string]int{}
	for _, sv := range ls.Services {
		if sv.ID == "" {
			continue
		}
		if prev, ok := seenSvc[sv.ID]; ok {
			s.at(sv.Ptr+"/id", finding.Error, RuleDuplicateID, i18n.Msg(
				"услуга %s уже объявлена в строке %d — у каждой услуги свой id: переименуйте эту или объедините их",
				"service %s is already declared on line %d — each service needs its own id: rename this one or merge them", sv.ID, prev))
		} else {
			seenSvc[sv.ID], _ = d.Doc.Pos(sv.Ptr + "/id")
		}
	}
	return s.out
}

func joinStatuses(ss []model.Status) string {
	var parts []string
	for _, s := range ss {
		parts = append(parts, string(s))
	}
	return strings.Join(parts, ", ")
}

func checkBuckets(s *sink, a model.Attribute) {
	var bs []segments.Bucket
	for j, v := range a.Values {
		b, ok := segments.ParseBucket(v)
		if !ok {
			continue // the schema reports the shape
		}
		ptr := fmt.Sprintf("%s/values/%d", a.Ptr, j)
		if b.Lo > b.Hi {
			s.at(ptr, finding.Error, RuleRangeBucket, i18n.Msg(
				"интервал %q: начало больше конца — пишите меньшее число первым", "bucket %q: the start is above the end — write the smaller number first", v))
			continue
		}
		for _, o := range bs {
			if b.Lo <= o.Hi && o.Lo <= b.Hi {
				s.at(ptr, finding.Warning, RuleRangeBucket, i18n.Msg(
					"интервал %q пересекается с %q — значение на стыке попадет в оба сегмента; сдвиньте границу",
					"bucket %q overlaps %q — a value at the boundary falls into both; move the boundary", v, o.Text))
				break
			}
		}
		bs = append(bs, b)
	}
}

// Profile runs the rules that need only the profile's own file.
func Profile(d ProfileDoc) []finding.Finding {
	s := newSink(d.Doc.Path, DocWhere(d.Doc))
	p := d.P
	if p.ID != "" {
		base := path.Base(d.Doc.Path)
		stem := strings.TrimSuffix(strings.TrimSuffix(base, ".yaml"), ".yml")
		if stem != p.ID && d.Doc.Path != "-" && !strings.HasPrefix(d.Doc.Path, "<") {
			s.at("/id", finding.Warning, RuleFileName, i18n.Msg(
				"файл называется %s, а id профиля — %s: переименуйте файл в %s.yaml или поправьте id",
				"the file is named %s but the profile id is %s: rename the file to %s.yaml or fix the id", base, p.ID, p.ID))
		}
	}
	if p.Stage.Index() >= 0 {
		pr := p.Priority
		// Presence is asked of the file, not of the decoded value: a capacity whose value
		// is wrong (.inf, a string) is there and already reported; it is not "missing".
		hasCap := d.Doc.Node("/priority/capacity") != nil
		hasSat := d.Doc.Node("/priority/satisfaction") != nil
		switch {
		case !hasCap && !hasSat:
			s.at(priorityPtr(d.Doc), finding.Warning, RulePriorityMissing, i18n.Msg(
				"не указаны емкость сегмента (priority.capacity) и уровень удовлетворенности (priority.satisfaction) — основные параметры приоритизации; "+
					"добавьте их: емкость — из внутренней статистики ведомства, удовлетворенность — из опросов или глубинных интервью",
				"segment capacity (priority.capacity) and satisfaction (priority.satisfaction) are missing — the main prioritisation parameters; "+
					"add them: capacity from the agency's internal statistics, satisfaction from surveys or in-depth interviews"))
		case !hasCap:
			s.at(priorityPtr(d.Doc), finding.Warning, RulePriorityMissing, i18n.Msg(
				"не указана емкость сегмента (priority.capacity) — основной параметр приоритизации; добавьте capacity: {value: …, source: …} по внутренней статистике ведомства",
				"segment capacity (priority.capacity) is missing — a main prioritisation parameter; add capacity: {value: …, source: …} from the agency's internal statistics"))
		case !hasSat:
			s.at(priorityPtr(d.Doc), finding.Warning, RulePriorityMissing, i18n.Msg(
				"не указан уровень удовлетворенности (priority.satisfaction) — основной параметр приоритизации; добавьте satisfaction: {value: …, source: …} по опросам или глубинным интервью",
				"satisfaction (priority.satisfaction) is missing — a main prioritisation parameter; add satisfaction: {value: …, source: …} from surveys or in-depth interviews"))
		}
		if pr.Satisfaction.Set && pr.Satisfaction.Scale > 0 && pr.Satisfaction.Number > pr.Satisfaction.Scale {
			s.at(pr.Satisfaction.Ptr+"/value", finding.Error, RuleSatisfactionScale, i18n.Msg(
				"удовлетворенность %s больше максимума шкалы %s — исправьте оценку или укажите scale: максимум шкалы, по которой шел опрос (по умолчанию 5)",
				"satisfaction %s is above the scale's maximum %s — fix the score or set scale: the maximum of the survey's scale (default 5)",
				fmtNum(pr.Satisfaction.Number), fmtNum(pr.Satisfaction.Scale)))
		}
	}
	prev := ""
	for _, h := range p.History {
		if !isoDate.MatchString(h.Date) {
			continue // the schema reports a malformed date; comparing it would only cascade
		}
		if prev != "" && h.Date < prev {
			s.at(h.Ptr+"/date", finding.Error, RuleHistoryOrder, i18n.Msg(
				"дата %s раньше предыдущей записи (%s): записи history идут по возрастанию дат — переставьте запись",
				"date %s is before the previous entry (%s): history entries go in ascending date order — move the entry", h.Date, prev))
		}
		if h.Date > prev {
			prev = h.Date
		}
	}
	return s.out
}

var isoDate = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)

func priorityPtr(doc *load.Document) string {
	if doc.Node("/priority") != nil {
		return "/priority"
	}
	return "/stage"
}

func fmtNum(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// CrossFile runs the rules that look across files: unique ids, the profile's life
// situation, its status, and every attribute value against the catalogue. It needs from
// each file only its facts and the positions that [CrossFilePointers] lists.
func CrossFile(lss []LSRef, ps []ProfileRef) []finding.Finding {
	var out []finding.Finding
	byID := map[string]LSRef{}
	var lsIDs []string
	for _, d := range lss {
		id := d.LS.ID
		if id == "" {
			continue
		}
		if prev, ok := byID[id]; ok {
			s := newSink(d.Path, d.At)
			line, _ := prev.At.Pos("/id")
			s.at("/id", finding.Error, RuleDuplicateID, i18n.Msg(
				"жизненная ситуация с id %q уже есть в %s:%d — переименуйте одну из них: id должен быть уникален в рабочей области",
				"a life situation with id %q already exists in %s:%d — rename one of them: ids must be unique in the workspace", id, prev.Path, line))
			out = append(out, s.out...)
			continue
		}
		byID[id] = d
		lsIDs = append(lsIDs, id)
	}
	// Duplicate profile ids depend on order: one sequential pass. The rest of each
	// profile's checks depend only on it and its life situation: run them in parallel and
	// concatenate in profile order, so the output is the same whatever the scheduling.
	per := make([][]finding.Finding, len(ps))
	// The original of a duplicated id is the file named <id>.yaml (else the first in path
	// order): the error goes on the stray copy, which is the one to rename or delete.
	seenProfile := map[string]ProfileRef{}
	for _, d := range ps {
		p := d.P
		if p.ID == "" {
			continue
		}
		if prev, ok := seenProfile[p.ID]; !ok || (!namedAfter(prev.Path, p.ID) && namedAfter(d.Path, p.ID)) {
			seenProfile[p.ID] = d
		}
	}
	for i, d := range ps {
		p := d.P
		if p.ID == "" {
			continue
		}
		if model.ReservedID(p.ID) {
			// render writes README.md and index.md beside the cards: on a filesystem that
			// ignores case, readme.md would be the life situation's page.
			s := newSink(d.Path, d.At)
			s.at("/id", finding.Error, RuleDuplicateID, i18n.Msg(
				"id профиля %q совпадает с именем страницы, которую создает render (README.md, index.md) — выберите другой id (и переименуйте файл)",
				"the profile id %q is the name of a page render generates (README.md, index.md) — choose another id (and rename the file)", p.ID))
			per[i] = s.out
			continue
		}
		if orig := seenProfile[p.ID]; orig.Path != d.Path {
			s := newSink(d.Path, d.At)
			line, _ := orig.At.Pos("/id")
			s.at("/id", finding.Error, RuleDuplicateID, i18n.Msg(
				"профиль с id %q уже есть в %s:%d — переименуйте один из них (и файл — в <id>.yaml): id должен быть уникален в рабочей области",
				"a profile with id %q already exists in %s:%d — rename one of them (and its file to <id>.yaml): ids must be unique in the workspace", p.ID, orig.Path, line))
			per[i] = s.out
		}
	}
	// The life situations by path, for the profiles that lie beside one; and how many
	// profiles beside each still use an id that is not the life situation's own (an id
	// renamed in life-situation.yaml and not yet in its profiles).
	byPath := map[string]LSRef{}
	for _, d := range lss {
		byPath[d.Path] = d
	}
	stale := map[string]int{}
	for _, d := range ps {
		if ls, ok := byPath[d.Beside]; ok && d.P.LifeSituation != "" && d.P.LifeSituation != ls.LS.ID {
			if _, known := byID[d.P.LifeSituation]; !known {
				stale[d.Beside+"\x00"+d.P.LifeSituation]++
			}
		}
	}
	segmentDuplicates(byID, ps, per)
	// Most values of a workspace repeat (a region, an age bucket): remember the clean
	// ones, one memo per goroutine.
	memos := make([]map[cleanKey]struct{}, runtime.GOMAXPROCS(0))
	nears := make([]map[string]string, len(memos))
	for i := range memos {
		memos[i] = map[cleanKey]struct{}{}
		nears[i] = map[string]string{}
	}
	_ = parallel.For(len(ps), min(len(memos), (len(ps)+255)/256), 256, func(w, i int) error {
		d := ps[i]
		s := newSink(d.Path, d.At)
		s.out = per[i]
		s.clean, s.near = memos[w], nears[w]
		checkProfileRefs(s, d, byID, lsIDs, len(lss) == 0)
		checkFolder(s, d, byID, byPath, stale)
		per[i] = s.out
		return nil
	})
	for _, fs := range per {
		out = append(out, fs...)
	}
	return out
}

// namedAfter reports whether the file at path is named <id>.yaml or <id>.yml.
func namedAfter(path, id string) bool {
	base := path[strings.LastIndexByte(path, '/')+1:]
	return base == id+".yaml" || base == id+".yml"
}

// checkFolder compares a profile's lifeSituation with the life situation of the folder it
// lies in: an id renamed in life-situation.yaml (the profile's id then exists nowhere)
// is named with the profiles to update; a profile filed under another life situation
// gets a warning.
func checkFolder(s *sink, d ProfileRef, byID map[string]LSRef, byPath map[string]LSRef, stale map[string]int) {
	here, ok := byPath[d.Beside]
	id := d.P.LifeSituation
	if !ok || !model.IsID(id) || here.LS.ID == "" || !renamedBeside(d, here) {
		return
	}
	if _, known := byID[id]; known {
		s.at("/lifeSituation", finding.Warning, RuleLSFolder, i18n.Msg(
			"профиль лежит в папке жизненной ситуации %[1]s (%[2]s), а lifeSituation: %[3]s — перенесите файл в папку profiles/ ЖС %[3]s или исправьте lifeSituation",
			"the profile lies in the folder of life situation %[1]s (%[2]s) but says lifeSituation: %[3]s — move the file to the profiles/ folder of %[3]s or fix lifeSituation",
			here.LS.ID, here.Path, id))
		return
	}
	s.at("/lifeSituation", finding.Error, RuleUnresolved, i18n.Msg(
		"жизненная ситуация %[1]q не найдена, а ЖС этой папки (%[2]s) называется %[3]s — если ее id переименовали, обновите lifeSituation: %[3]s во всех ее профилях, которые еще ссылаются на %[1]s (таких файлов: %[4]d)",
		"life situation %[1]q not found, and the life situation of this folder (%[2]s) is %[3]s — if its id was renamed, update lifeSituation: %[3]s in all its profiles that still refer to %[1]s (%[4]d files)",
		id, here.Path, here.LS.ID, stale[d.Beside+"\x00"+id]))
}

// checkProfileRefs checks a profile against its life situation.
func checkProfileRefs(s *sink, d ProfileRef, byID map[string]LSRef, lsIDs []string, noLS bool) {
	p := d.P
	if !model.IsID(p.LifeSituation) {
		return // empty or not an id: the schema reports it
	}
	lsd, ok := byID[p.LifeSituation]
	if here, found := besideLS(d, byID); !ok && found && renamedBeside(d, here) {
		return // checkFolder names the renamed id
	}
	if !ok {
		msg := i18n.Msg("жизненная ситуация %q не найдена", "life situation %q not found", p.LifeSituation)
		best, ok := s.near[p.LifeSituation]
		if !ok {
			best = closest(p.LifeSituation, lsIDs)
			if s.near != nil {
				s.near[p.LifeSituation] = best
			}
		}
		if best != "" {
			msg = i18n.Join("", msg, i18n.Msg(" (может быть, %s?)", " (did you mean %s?)", best))
		}
		if noLS && d.Path == "-" {
			msg = i18n.Join("", msg, i18n.Msg(
				": документ со стандартного ввода проверяется без своей ЖС — укажите его путь: --stdin-name <папка ЖС>/profiles/<id>.yaml",
				": the document from standard input is checked without its life situation — give its path: --stdin-name <LS folder>/profiles/<id>.yaml"))
		} else if noLS {
			msg = i18n.Join("", msg, i18n.Msg(
				": среди проверенных файлов нет ни одного life-situation.yaml — проверьте папку ЖС целиком или положите профиль в ее папку profiles/",
				": none of the checked files is a life-situation.yaml — check the whole life-situation folder or put the profile in its profiles/ folder"))
		} else {
			msg = i18n.Join("", msg, i18n.Msg(
				" — укажите id из life-situation.yaml: %s", " — use an id from a life-situation.yaml: %s", strings.Join(firstN(lsIDs, 5), ", ")))
		}
		s.at("/lifeSituation", finding.Error, RuleUnresolved, msg)
		return
	}
	checkAgainstLS(s, p, lsd)
}

// besideLS finds the life situation beside the profile among those of the run.
func besideLS(d ProfileRef, byID map[string]LSRef) (LSRef, bool) {
	if d.Beside == "" {
		return LSRef{}, false
	}
	for _, l := range byID {
		if l.Path == d.Beside {
			return l, true
		}
	}
	return LSRef{}, false
}

// renamedBeside tells a profile whose lifeSituation differs from its folder's life
// situation by more than a slip («vus» for vuz is a typo, said with «может быть»).
func renamedBeside(d ProfileRef, here LSRef) bool {
	id := d.P.LifeSituation
	return id != here.LS.ID && closest(id, []string{here.LS.ID}) == ""
}

// CrossFilePointers lists every pointer whose position [CrossFile] may ask for: "/id"
// of a life situation; "/id", "/lifeSituation", "/status" of a profile, each attribute's
// key (KeyPos) and each of its values (Pos). A [Positions] table holding these is enough.
func CrossFilePointers(p *ProfileFacts) (pos, keyPos []string) {
	pos = []string{"/id"}
	if p != nil {
		pos = append(pos, "/lifeSituation", "/status")
		for _, av := range p.Attributes {
			keyPos = append(keyPos, av.Ptr)
			for _, v := range av.Values {
				pos = append(pos, v.Ptr)
			}
		}
	}
	return pos, keyPos
}

// Position is one saved position: of the value at Ptr, or of its key when Key is set;
// Reported when the loader already reported that value.
type Position struct {
	Ptr       string
	Line, Col int32
	Key       bool
	Reported  bool
}

// Positions is a saved table of positions (a slice: a few entries per file, kept for every
// file of a workspace); pointers it lacks are at 0:0.
type Positions []Position

// Record saves what [CrossFile] may ask of the file.
func Record(w Where, p *ProfileFacts) Positions {
	pos, keyPos := CrossFilePointers(p)
	r := make(Positions, 0, len(pos)+len(keyPos))
	for _, ptr := range pos {
		l, c := w.Pos(ptr)
		r = append(r, Position{Ptr: ptr, Line: int32(l), Col: int32(c), Reported: w.Reported(ptr)})
	}
	for _, ptr := range keyPos {
		l, c := w.KeyPos(ptr)
		r = append(r, Position{Ptr: ptr, Line: int32(l), Col: int32(c), Key: true, Reported: w.Reported(ptr)})
	}
	return r
}

func (r Positions) find(ptr string, key bool) (Position, bool) {
	for _, p := range r {
		if p.Key == key && p.Ptr == ptr {
			return p, true
		}
	}
	return Position{}, false
}

// Pos implements [Where].
func (r Positions) Pos(ptr string) (line, col int) {
	p, _ := r.find(ptr, false)
	return int(p.Line), int(p.Col)
}

// KeyPos implements [Where].
func (r Positions) KeyPos(ptr string) (line, col int) {
	p, _ := r.find(ptr, true)
	return int(p.Line), int(p.Col)
}

// Reported implements [Where].
func (r Positions) Reported(ptr string) bool {
	for _, p := range r {
		if p.Ptr == ptr && p.Reported {
			return true
		}
	}
	return false
}

func firstN(xs []string, n int) []string {
	xs = slices.Clone(xs)
	slices.Sort(xs)
	if len(xs) > n {
		return append(xs[:n], "…")
	}
	return xs
}

func checkAgainstLS(s *sink, p *ProfileFacts, lsd LSRef) {
	ls := lsd.LS
	statusOK := p.Status.Valid() && ls.HasStatus(p.Status)
	if p.Status.Valid() && !statusOK {
		s.at("/status", finding.Error, RuleProfileStatus, i18n.Msg(
			"статус %s не входит в statuses жизненной ситуации %s (%s) — выберите один из них или добавьте статус в %s",
			"status %s is not among the statuses of life situation %s (%s) — pick one of them or add it to %s",
			p.Status, ls.ID, joinStatuses(ls.Statuses), lsd.Path))
	}
	for _, av := range p.Attributes {
		a := ls.Attribute(av.Key)
		if a == nil {
			msg := i18n.Msg("признак %q не объявлен в жизненной ситуации %s", "attribute %q is not declared in life situation %s", av.Key, ls.ID)
			if hint := attrSuggestion(av.Key, ls, p.Status); hint != "" {
				msg = i18n.Join("", msg, i18n.Msg(" (может быть, %s?)", " (did you mean %s?)", hint))
			}
			msg = i18n.Join("", msg, i18n.Msg(" — исправьте ключ или объявите признак в attributes в %s", " — fix the key or declare the attribute under attributes in %s", lsd.Path))
			s.atKey(av.Ptr, finding.Error, RuleAttrUndeclared, msg)
			continue
		}
		if statusOK && !a.HasStatus(p.Status) {
			s.atKey(av.Ptr, finding.Error, RuleAttrUndeclared, i18n.Msg(
				"признак %s объявлен только для статусов %s, а профиль — для %s: добавьте %s в statuses признака в life-situation.yaml или уберите признак из профиля",
				"attribute %s is declared only for statuses %s but the profile is for %s: add %s to the attribute's statuses in life-situation.yaml or remove the attribute from the profile",
				a.ID, joinStatuses(a.Statuses), p.Status, p.Status))
			continue
		}
		for _, v := range av.Values {
			k := cleanKey{a: a, text: v.Text, canonical: v.Canonical, number: v.Number}
			if _, ok := s.clean[k]; ok {
				continue
			}
			n := len(s.out)
			checkValue(s, a, v, lsd.Path)
			if len(s.out) == n && s.clean != nil && !s.doc.Reported(v.Ptr) {
				s.clean[k] = struct{}{}
			}
		}
	}
}

// attrSuggestion finds the declared attribute the user probably meant: by id distance, or
// by its Russian title (a user may write «возраст» for age).
func attrSuggestion(key string, ls *model.LifeSituation, st model.Status) string {
	nk := catalog.Normalize(key)
	var ids []string
	for _, a := range ls.Attributes {
		if st.Valid() && !a.HasStatus(st) {
			continue
		}
		if catalog.Normalize(a.Title) == nk {
			return fmt.Sprintf("%s («%s»)", a.ID, a.Title)
		}
		ids = append(ids, a.ID)
	}
	return closest(key, ids)
}

// closest returns the candidate nearest to s by edit distance, if near enough.
func closest(s string, candidates []string) string {
	best, bestD := "", 1<<30
	for _, c := range candidates {
		if d := catalog.Distance(strings.ToLower(s), strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	if best != "" && bestD > 0 && bestD <= max(2, len([]rune(s))/3) {
		return best
	}
	return ""
}
