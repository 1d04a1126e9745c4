// Package rules checks what the JSON Schemas cannot say: references between files, the
// attribute catalogue, values against their declared types and catalogues, unique ids,
// file names, prioritisation warnings and the order of history.
//
// Rules run on the typed model (package model) and ask the document for positions. They
// are tolerant of documents with schema errors: whatever has the wrong type is skipped,
// because the schema check has already reported it.
package rules

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/profiler-cx/profiler/internal/catalog"
	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/model"
)

// Rule ids. They are stable and documented in the README.
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
)

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

type sink struct {
	doc *load.Document
	out []finding.Finding
}

// at and atKey record a finding at the value or the key of ptr, unless the loader has
// already reported that place (a non-string key, .inf): one problem, one finding.
func (s *sink) at(ptr string, sev finding.Severity, rule string, msg i18n.Text) {
	if s.doc.Poisoned[ptr] {
		return
	}
	line, col := s.doc.Pos(ptr)
	s.out = append(s.out, finding.Finding{File: s.doc.Path, Line: line, Column: col, Severity: sev, Rule: rule, Message: msg})
}

func (s *sink) atKey(ptr string, sev finding.Severity, rule string, msg i18n.Text) {
	if s.doc.Poisoned[ptr] {
		return
	}
	line, col := s.doc.KeyPos(ptr)
	s.out = append(s.out, finding.Finding{File: s.doc.Path, Line: line, Column: col, Severity: sev, Rule: rule, Message: msg})
}

// LifeSituation runs the rules that need only the life situation's own file.
func LifeSituation(d LSDoc) []finding.Finding {
	s := &sink{doc: d.Doc}
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
	var bs []bucket
	for j, v := range a.Values {
		b, ok := parseBucket(v)
		if !ok {
			continue // the schema reports the shape
		}
		ptr := fmt.Sprintf("%s/values/%d", a.Ptr, j)
		if b.lo > b.hi {
			s.at(ptr, finding.Error, RuleRangeBucket, i18n.Msg(
				"интервал %q: начало больше конца — пишите меньшее число первым", "bucket %q: the start is above the end — write the smaller number first", v))
			continue
		}
		for _, o := range bs {
			if b.lo <= o.hi && o.lo <= b.hi {
				s.at(ptr, finding.Warning, RuleRangeBucket, i18n.Msg(
					"интервал %q пересекается с %q — значение на стыке попадет в оба сегмента; сдвиньте границу",
					"bucket %q overlaps %q — a value at the boundary falls into both; move the boundary", v, o.text))
				break
			}
		}
		bs = append(bs, b)
	}
}

// Profile runs the rules that need only the profile's own file.
func Profile(d ProfileDoc) []finding.Finding {
	s := &sink{doc: d.Doc}
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

var (
	isoDate = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
	slug    = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`) // defs.schema.json#/$defs/slug
)

func priorityPtr(doc *load.Document) string {
	if doc.Node("/priority") != nil {
		return "/priority"
	}
	return "/stage"
}

func fmtNum(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// Workspace runs the rules that look across files: unique ids, the profile's life
// situation, its status, and every attribute value against the catalogue.
func Workspace(lss []LSDoc, ps []ProfileDoc) []finding.Finding {
	var out []finding.Finding
	byID := map[string]LSDoc{}
	var lsIDs []string
	for _, d := range lss {
		id := d.LS.ID
		if id == "" {
			continue
		}
		if prev, ok := byID[id]; ok {
			s := &sink{doc: d.Doc}
			line, _ := prev.Doc.Pos("/id")
			s.at("/id", finding.Error, RuleDuplicateID, i18n.Msg(
				"жизненная ситуация с id %q уже есть в %s:%d — переименуйте одну из них: id должен быть уникален в рабочей области",
				"a life situation with id %q already exists in %s:%d — rename one of them: ids must be unique in the workspace", id, prev.Doc.Path, line))
			out = append(out, s.out...)
			continue
		}
		byID[id] = d
		lsIDs = append(lsIDs, id)
	}
	seenProfile := map[string]ProfileDoc{}
	for _, d := range ps {
		s := &sink{doc: d.Doc}
		p := d.P
		if p.ID != "" {
			if prev, ok := seenProfile[p.ID]; ok {
				line, _ := prev.Doc.Pos("/id")
				s.at("/id", finding.Error, RuleDuplicateID, i18n.Msg(
					"профиль с id %q уже есть в %s:%d — переименуйте один из них (и файл — в <id>.yaml): id должен быть уникален в рабочей области",
					"a profile with id %q already exists in %s:%d — rename one of them (and its file to <id>.yaml): ids must be unique in the workspace", p.ID, prev.Doc.Path, line))
			} else {
				seenProfile[p.ID] = d
			}
		}
		if !slug.MatchString(p.LifeSituation) {
			out = append(out, s.out...) // empty or not an id: the schema reports it
			continue
		}
		lsd, ok := byID[p.LifeSituation]
		if !ok {
			msg := i18n.Msg("жизненная ситуация %q не найдена", "life situation %q not found", p.LifeSituation)
			if best := closest(p.LifeSituation, lsIDs); best != "" {
				msg = i18n.Join("", msg, i18n.Msg(" (может быть, %s?)", " (did you mean %s?)", best))
			}
			if len(lss) == 0 && d.Doc.Path == "-" {
				msg = i18n.Join("", msg, i18n.Msg(
					": документ со стандартного ввода проверяется без своей ЖС — укажите его путь: --stdin-name <папка ЖС>/profiles/<id>.yaml",
					": the document from standard input is checked without its life situation — give its path: --stdin-name <LS folder>/profiles/<id>.yaml"))
			} else if len(lss) == 0 {
				msg = i18n.Join("", msg, i18n.Msg(
					": среди проверенных файлов нет ни одного life-situation.yaml — проверьте папку ЖС целиком или положите профиль в ее папку profiles/",
					": none of the checked files is a life-situation.yaml — check the whole life-situation folder or put the profile in its profiles/ folder"))
			} else {
				msg = i18n.Join("", msg, i18n.Msg(
					" — укажите id из life-situation.yaml: %s", " — use an id from a life-situation.yaml: %s", strings.Join(firstN(lsIDs, 5), ", ")))
			}
			s.at("/lifeSituation", finding.Error, RuleUnresolved, msg)
			out = append(out, s.out...)
			continue
		}
		checkAgainstLS(s, p, lsd)
		out = append(out, s.out...)
	}
	return out
}

func firstN(xs []string, n int) []string {
	xs = slices.Clone(xs)
	slices.Sort(xs)
	if len(xs) > n {
		return append(xs[:n], "…")
	}
	return xs
}

func checkAgainstLS(s *sink, p *model.Profile, lsd LSDoc) {
	ls := lsd.LS
	statusOK := p.Status.Valid() && ls.HasStatus(p.Status)
	if p.Status.Valid() && !statusOK {
		s.at("/status", finding.Error, RuleProfileStatus, i18n.Msg(
			"статус %s не входит в statuses жизненной ситуации %s (%s) — выберите один из них или добавьте статус в %s",
			"status %s is not among the statuses of life situation %s (%s) — pick one of them or add it to %s",
			p.Status, ls.ID, joinStatuses(ls.Statuses), lsd.Doc.Path))
	}
	for _, av := range p.Attributes {
		a := ls.Attribute(av.Key)
		if a == nil {
			msg := i18n.Msg("признак %q не объявлен в жизненной ситуации %s", "attribute %q is not declared in life situation %s", av.Key, ls.ID)
			if hint := attrSuggestion(av.Key, ls, p.Status); hint != "" {
				msg = i18n.Join("", msg, i18n.Msg(" (может быть, %s?)", " (did you mean %s?)", hint))
			}
			msg = i18n.Join("", msg, i18n.Msg(" — исправьте ключ или объявите признак в attributes в %s", " — fix the key or declare the attribute under attributes in %s", lsd.Doc.Path))
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
			checkValue(s, a, v, lsd.Doc.Path)
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
