package schemacheck_test

import (
	"strings"
	"testing"

	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/schemacheck"
	"github.com/profiler-cx/profiler/internal/testws"
)

const baseLS = `# Жизненная ситуация
apiVersion: profiler/v1
kind: LifeSituation
id: vuz
title: Поступление в вуз
statuses: [citizen, business]
services:
  - id: priem
    title: Прием документов
    type: service
attributes:
  - id: sex
    title: Пол
    statuses: [citizen]
    type: enum
    values: [мужской, женский]
  - id: age
    title: Возраст
    statuses: [citizen]
    type: range
    values: ["18-25", "26-35"]
  - id: region
    title: Регион
    statuses: [citizen]
    type: enum
    catalog: ru-regions
  - id: note
    title: Примечание
    statuses: [citizen]
    type: text
`

const baseProfile = `# Профиль
apiVersion: profiler/v1
kind: Profile
id: student
lifeSituation: vuz
title: Студент
status: citizen
stage: hypothesis
attributes:
  sex: мужской
priority:
  capacity: {value: 10, source: Статистика приемной комиссии}
  satisfaction: {value: 3.1}
journey: [Пытается минимизировать личные посещения]
channels:
  informing: [Веб-сайт вуза]
  service: [ЕПГУ]
hypotheses:
  - {text: Чаще подают документы через ЕПГУ, status: open}
history:
  - {date: 2026-03-01, change: Уточнены каналы}
`

type schemaCase struct {
	name  string
	kind  model.Kind
	edits []string // old, new pairs applied to the base of kind; the result holds testws.Mark
	rule  string
	ru    string // a part the Russian message must contain (how to fix it)
}

var schemaCases = []schemaCase{
	{"string where a list is expected", model.KindLifeSituation, []string{"statuses: [citizen, business]", "statuses: ⟪citizen"}, schemacheck.RuleType, "ожидается список"},
	{"unquoted 007 where a string is expected", model.KindProfile, []string{"title: Студент", "title: ⟪007"}, schemacheck.RuleType, `возьмите значение в кавычки: "007"`},
	{"unquoted true where a string is expected", model.KindProfile, []string{"[Веб-сайт вуза]", "[⟪true]"}, schemacheck.RuleType, "в кавычки"},
	{"number where {value} is expected", model.KindProfile, []string{"capacity: {value: 10, source: Статистика приемной комиссии}", "capacity: ⟪10"}, schemacheck.RuleType, "{value: 10}"},
	{"quoted number", model.KindProfile, []string{"value: 10,", `value: ⟪"10",`}, schemacheck.RuleType, "ожидается целое число, а здесь строка — уберите кавычки: 10"},
	{"fraction where an integer is expected", model.KindProfile, []string{"value: 10,", "value: ⟪10.5,"}, schemacheck.RuleType, "ожидается целое число, а здесь дробное число"},
	{"enum attribute with neither values nor catalog", model.KindLifeSituation, []string{"  - id: sex", "  - ⟪id: sex", "    values: [мужской, женский]\n", ""}, schemacheck.RuleRequired, "attributes[0] (при type: enum): нужно хотя бы одно из полей values или catalog — добавьте одно из них"},
	{"null value", model.KindProfile, []string{"title: Студент", "title: ⟪~"}, schemacheck.RuleType, "title: ожидается строка, а здесь пустое значение — заполните его"},
	{"null optional value", model.KindProfile, []string{"title: Студент", "title: Студент\nnotes: ⟪~"}, schemacheck.RuleType, "notes: ожидается строка, а здесь пустое значение — заполните его или удалите ключ"},
	{"enum typo", model.KindProfile, []string{"status: citizen", "status: ⟪citizn"}, schemacheck.RuleEnum, "может быть, citizen?"},
	{"kind typo", model.KindProfile, []string{"kind: Profile", "kind: ⟪Profil"}, schemacheck.RuleEnum, "должно быть Profile"},
	{"apiVersion v2", model.KindProfile, []string{"apiVersion: profiler/v1", "apiVersion: ⟪profiler/v2"}, schemacheck.RuleEnum, "только формат profiler/v1"},
	{"unknown service type", model.KindLifeSituation, []string{"type: service", "type: ⟪услуга"}, schemacheck.RuleEnum, "service, function, support-measure"},
	{"missing title at the root", model.KindProfile, []string{"apiVersion: profiler/v1", "⟪apiVersion: profiler/v1", "title: Студент\n", ""}, schemacheck.RuleRequired, "нет обязательного поля title («Название профиля»): добавьте его"},
	{"missing value in a flow mapping", model.KindProfile, []string{"capacity: {value: 10, source: Статистика приемной комиссии}", "capacity: ⟪{source: Статистика приемной комиссии}"}, schemacheck.RuleRequired, "value («Количество лиц»)"},
	{"missing evidence of a confirmed hypothesis", model.KindProfile, []string{"  - {text: Чаще подают документы через ЕПГУ, status: open}", "  - ⟪{text: Чаще подают документы через ЕПГУ, status: confirmed}"}, schemacheck.RuleRequired, "evidence («Обоснование»)"},
	{"unknown key at the root: the missing field it causes is said in its message (issue 12 item 9)", model.KindProfile, []string{"title: Студент", "⟪titel: Студент"}, schemacheck.RuleUnknownKey, "(может быть, title?); поле title обязательно"},
	{"unknown key nested", model.KindProfile, []string{"  satisfaction: {value: 3.1}", "  ⟪satisfaktion: {value: 3.1}"}, schemacheck.RuleUnknownKey, "может быть, satisfaction?"},
	{"id not a slug", model.KindProfile, []string{"id: student", "id: ⟪Student_1"}, schemacheck.RuleFormat, "например student-1"},
	{"Cyrillic id", model.KindLifeSituation, []string{"id: vuz", "id: ⟪вуз"}, schemacheck.RuleFormat, "латиницей"},
	{"date not ISO", model.KindProfile, []string{"date: 2026-03-01", "date: ⟪01.03.2026"}, schemacheck.RuleFormat, "пишите 2026-03-01"},
	{"date not in the calendar", model.KindProfile, []string{"date: 2026-03-01", "date: ⟪2026-02-30"}, schemacheck.RuleFormat, "такой даты нет"},
	{"blank title", model.KindProfile, []string{"title: Студент", `title: ⟪"  "`}, schemacheck.RuleFormat, "title: пустое значение — заполните его"},
	{"blank optional owner", model.KindLifeSituation, []string{"title: Поступление в вуз", "title: Поступление в вуз\nowner: ⟪\"\""}, schemacheck.RuleFormat, "owner: пустое значение — заполните его или удалите ключ"},
	{"blank list item", model.KindProfile, []string{"[Веб-сайт вуза]", `[Веб-сайт вуза, ⟪""]`}, schemacheck.RuleFormat, "channels.informing[1]: пустое значение — заполните пункт или удалите его"},
	{"bucket not A-B", model.KindLifeSituation, []string{`values: ["18-25", "26-35"]`, `values: ["18-25", ⟪"26..35"]`}, schemacheck.RuleFormat, `"A-B"`},
	{"negative capacity", model.KindProfile, []string{"value: 10,", "value: ⟪-1,"}, schemacheck.RuleRange, "не меньше 0"},
	{"zero scale", model.KindProfile, []string{"satisfaction: {value: 3.1}", "satisfaction: {value: 3.1, scale: ⟪0}"}, schemacheck.RuleRange, "больше 0"},
	{"empty statuses", model.KindLifeSituation, []string{"statuses: [citizen, business]", "statuses: ⟪[]"}, schemacheck.RuleEmpty, "добавьте хотя бы один пункт"},
	{"empty attributes", model.KindProfile, []string{"attributes:\n  sex: мужской", "attributes: ⟪{}"}, schemacheck.RuleEmpty, "добавьте хотя бы одну пару"},
	{"duplicate status", model.KindLifeSituation, []string{"statuses: [citizen, business]", "statuses: [citizen, ⟪citizen]"}, schemacheck.RuleDuplicate, "удалите повтор"},
	{"values and catalog together", model.KindLifeSituation, []string{"  - id: region", "  - ⟪id: region", "    catalog: ru-regions", "    catalog: ru-regions\n    values: [Москва]"}, schemacheck.RuleConflict, "либо values, либо catalog"},
	{"values on a text attribute", model.KindLifeSituation, []string{"  - id: note", "  - ⟪id: note", "    type: text", "    type: text\n    values: [да]"}, schemacheck.RuleConflict, "смените type на enum"},
	{"hypothesis without journey", model.KindProfile, []string{"stage: hypothesis", "stage: ⟪hypothesis", "journey: [Пытается минимизировать личные посещения]\n", ""}, schemacheck.RuleStageGate, "нужно поле journey («Особенности клиентского пути»): добавьте хотя бы один пункт — или оставьте профиль на этапе «сегмент (II этап)» (stage: segment)"},
	{"hypothesis with empty journey", model.KindProfile, []string{"stage: hypothesis", "stage: ⟪hypothesis", "journey: [Пытается минимизировать личные посещения]", "journey: []"}, schemacheck.RuleStageGate, "список journey («Особенности клиентского пути») пуст"},
	{"hypothesis without channels", model.KindProfile, []string{"stage: hypothesis", "stage: ⟪hypothesis", "channels:\n  informing: [Веб-сайт вуза]\n  service: [ЕПГУ]\n", ""}, schemacheck.RuleStageGate, "channels.informing / channels.service"},
	{"hypothesis with empty channels", model.KindProfile, []string{"stage: hypothesis", "stage: ⟪hypothesis", "channels:\n  informing: [Веб-сайт вуза]\n  service: [ЕПГУ]\n", "channels: {informing: []}\n"}, schemacheck.RuleStageGate, "channels.informing / channels.service"},
	{"refined without history", model.KindProfile, []string{"stage: hypothesis", "stage: ⟪refined", "history:\n  - {date: 2026-03-01, change: Уточнены каналы}\n", ""}, schemacheck.RuleStageGate, "stage: hypothesis"},
	{"final without sources", model.KindProfile, []string{"stage: hypothesis", "stage: ⟪final", "status: open}", "status: refuted, evidence: Опрос абитуриентов}"}, schemacheck.RuleStageGate, "sources («Источники»)"},
	{"final with an open hypothesis", model.KindProfile, []string{"stage: hypothesis", "stage: ⟪final", "history:", "sources: [Опрос абитуриентов, n=400]\nhistory:"}, schemacheck.RuleStageGate, "гипотеза №1 (строка 19) еще не проверена"},
}

func base(kind model.Kind) (name, text string) {
	if kind == model.KindLifeSituation {
		return "vuz/life-situation.yaml", baseLS
	}
	return "vuz/profiles/student.yaml", baseProfile
}

func check(t *testing.T, name, text string, kind model.Kind) []finding.Finding {
	t.Helper()
	doc, fs := load.Parse(name, []byte(text), load.Limits{})
	if len(fs) > 0 || !doc.Usable {
		t.Fatalf("fixture does not load:\n%s", testws.Format(fs))
	}
	return schemacheck.Check(doc, kind)
}

func TestBasesAreClean(t *testing.T) {
	for _, k := range []model.Kind{model.KindLifeSituation, model.KindProfile} {
		name, text := base(k)
		if fs := check(t, name, text, k); len(fs) > 0 {
			t.Errorf("%s is not clean:\n%s", name, testws.Format(fs))
		}
	}
}

// TestSchemaRules: each case edits a clean document so that exactly one finding appears,
// at the marked place, with the rule, both messages and a Russian hint on how to fix it.
func TestSchemaRules(t *testing.T) {
	for _, tc := range schemaCases {
		t.Run(tc.name, func(t *testing.T) {
			name, text := base(tc.kind)
			for i := 0; i+1 < len(tc.edits); i += 2 {
				if !strings.Contains(text, tc.edits[i]) {
					t.Fatalf("fixture edit: %q not found", tc.edits[i])
				}
				text = strings.Replace(text, tc.edits[i], tc.edits[i+1], 1)
			}
			text, line, col := testws.Strip(text)
			if line == 0 {
				t.Fatal("fixture has no marker")
			}
			fs := check(t, name, text, tc.kind)
			rules := strings.Split(tc.rule, "|")
			if len(fs) != len(rules) {
				t.Fatalf("want %d finding(s) %v, got:\n%s", len(rules), rules, testws.Format(fs))
			}
			// With two rules (a renamed key) the first is the parent object's, the last the
			// key's; the marker states the last.
			f := fs[len(fs)-1]
			for _, g := range fs {
				if g.Rule == rules[len(rules)-1] {
					f = g
				}
			}
			if f.File != name || f.Line != line || f.Column != col || f.Rule != rules[len(rules)-1] || f.Severity != finding.Error {
				t.Errorf("got %s:%d:%d %s [%s], want %s:%d:%d error [%s]", f.File, f.Line, f.Column, f.Severity, f.Rule, name, line, col, rules[len(rules)-1])
			}
			testws.CheckMessages(t, f)
			if !strings.Contains(f.Message.RU, tc.ru) {
				t.Errorf("Russian message lacks %q:\n%s", tc.ru, f.Message.RU)
			}
		})
	}
}

// TestEveryReadmeRuleIsTested: every rule of the schema check, in [schemacheck.Rules] or
// in the rules table of .docs/rules.md, has a case above.
func TestEveryReadmeRuleIsTested(t *testing.T) {
	have := map[string]bool{}
	for _, c := range schemaCases {
		for _, r := range strings.Split(c.rule, "|") {
			have[r] = true
		}
	}
	n := 0
	documented := map[string]bool{}
	for _, id := range testws.DocumentedRules(t) {
		documented[id] = true
		n++
		if (strings.HasPrefix(id, "schema-") || id == schemacheck.RuleStageGate) && !have[id] {
			t.Errorf("documented rule %s has no case in schemaCases", id)
		}
	}
	if !documented[schemacheck.RuleOther] { // not in the registry, which report checks against the table
		t.Errorf("rule %s is not in the rules table of .docs/rules.md", schemacheck.RuleOther)
	}
	for _, r := range schemacheck.Rules {
		if !have[r.ID] {
			t.Errorf("rule %s has no case in schemaCases", r.ID)
		}
	}
	if n < 30 {
		t.Fatalf("found only %d rule ids in the rules table of .docs/rules.md; did its layout change?", n)
	}
}

// TestRequiredFieldIsNotToBeRemoved: the hint for an empty required field never suggests
// removing it (the next run would report it missing).
func TestRequiredFieldIsNotToBeRemoved(t *testing.T) {
	name, text := base(model.KindProfile)
	fs := check(t, name, strings.Replace(text, "title: Студент", `title: ""`, 1), model.KindProfile)
	if len(fs) != 1 || fs[0].Message.RU != "title: пустое значение — заполните его" {
		t.Errorf("got:\n%s", testws.Format(fs))
	}
}
