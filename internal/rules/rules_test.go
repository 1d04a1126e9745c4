package rules_test

import (
	"strings"
	"testing"

	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/rules"
	"github.com/profiler-cx/profiler/internal/schemacheck"
	"github.com/profiler-cx/profiler/internal/testws"
)

// baseLS and baseProfile form a clean workspace; each case edits them.
const baseLS = `# Жизненная ситуация для тестов
apiVersion: profiler/v1
kind: LifeSituation
id: vuz
title: Поступление в вуз
statuses: [citizen, business]
services:
  - id: priem
    title: Прием документов
    type: service
  - id: zachislenie
    title: Зачисление
    type: function
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
    unit: лет
    values: ["18-25", "26-35"]
  - id: region
    title: Регион проживания
    statuses: [citizen, business]
    type: enum
    catalog: ru-regions
  - id: legal-form
    title: Организационно-правовая форма
    statuses: [business]
    type: enum
    catalog: okopf
  - id: code
    title: Код льготы
    statuses: [citizen]
    type: enum
    values: ["007", "008"]
`

const baseProfile = `apiVersion: profiler/v1
kind: Profile
id: student
lifeSituation: vuz
title: Студент
status: citizen
stage: segment
attributes:
  sex: мужской
  age: 20
priority:
  capacity: {value: 10}
  satisfaction: {value: 3}
`

const (
	lsPath = "vuz/life-situation.yaml"
	pPath  = "vuz/profiles/student.yaml"
)

// edit replaces each old with its new in s, in order; an old that is not there is a bug
// in the fixture, not in the code under test.
func edit(t *testing.T, s string, pairs ...string) string {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("fixture edit: %q not found in\n%s", pairs[i], s)
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

// workspaceFiles returns the base workspace with the life situation and the profile edited.
func workspaceFiles(t *testing.T, lsEdits, pEdits []string) map[string]string {
	return map[string]string{lsPath: edit(t, baseLS, lsEdits...), pPath: edit(t, baseProfile, pEdits...)}
}

type ruleCase struct {
	name string
	rule string
	sev  finding.Severity
	// trip and pass build the files of the workspace; exactly one file of trip holds
	// testws.Mark where the finding must point. pass must be entirely clean.
	trip, pass func(t *testing.T) map[string]string
}

func ws(lsEdits, pEdits []string) func(t *testing.T) map[string]string {
	return func(t *testing.T) map[string]string { return workspaceFiles(t, lsEdits, pEdits) }
}

func with(base func(t *testing.T) map[string]string, extra map[string]string) func(t *testing.T) map[string]string {
	return func(t *testing.T) map[string]string {
		fs := base(t)
		for k, v := range extra {
			fs[k] = v
		}
		return fs
	}
}

var none []string

func l(xs ...string) []string { return xs }

var ruleCases = []ruleCase{
	{"duplicate attribute id", rules.RuleDuplicateID, finding.Error,
		ws(l("  - id: code", "  - id: ⟪sex"), l("  age: 20\n", "  age: 20\n  code: \"007\"\n")),
		ws(none, l("  age: 20\n", "  age: 20\n  code: \"007\"\n"))},
	{"duplicate service id", rules.RuleDuplicateID, finding.Error,
		ws(l("  - id: zachislenie", "  - id: ⟪priem"), none),
		ws(none, none)},
	{"duplicate life situation id", rules.RuleDuplicateID, finding.Error,
		with(ws(none, none), map[string]string{"vuz2/life-situation.yaml": strings.Replace(baseLS, "id: vuz", "id: ⟪vuz", 1)}),
		with(ws(none, none), map[string]string{"vuz2/life-situation.yaml": strings.Replace(baseLS, "id: vuz", "id: vuz-2", 1)})},
	{"duplicate profile id", rules.RuleDuplicateID, finding.Error,
		with(ws(none, none), map[string]string{"vuz/profiles/student.yml": strings.Replace(baseProfile, "id: student", "id: ⟪student", 1)}),
		with(ws(none, none), map[string]string{"vuz/profiles/student-2.yml": strings.NewReplacer("id: student", "id: student-2", "age: 20", "age: 30").Replace(baseProfile)})},
	{"profile id reserved for a generated page", rules.RuleDuplicateID, finding.Error,
		with(ws(none, none), map[string]string{"vuz/profiles/readme.yaml": strings.Replace(baseProfile, "id: student", "id: ⟪readme", 1)}),
		with(ws(none, none), map[string]string{"vuz/profiles/readme-2.yaml": strings.NewReplacer("id: student", "id: readme-2", "age: 20", "age: 30").Replace(baseProfile)})},
	{"duplicate profile id on the stray copy", rules.RuleDuplicateID, finding.Error,
		with(ws(none, none), map[string]string{"vuz/profiles/a-copy.yaml": strings.Replace(baseProfile, "id: student", "id: ⟪student", 1)}),
		with(ws(none, none), map[string]string{"vuz/profiles/a-copy.yaml": strings.NewReplacer("id: student", "id: a-copy", "age: 20", "age: 30").Replace(baseProfile)})},
	{"profile in the folder of another life situation", rules.RuleLSFolder, finding.Warning,
		with(ws(none, none), map[string]string{
			"vuz2/life-situation.yaml": strings.Replace(baseLS, "id: vuz", "id: college", 1),
			"vuz2/profiles/x.yaml":     strings.NewReplacer("id: student", "id: x", "lifeSituation: vuz", "lifeSituation: ⟪vuz").Replace(baseProfile)}),
		with(ws(none, none), map[string]string{
			"vuz2/life-situation.yaml": strings.Replace(baseLS, "id: vuz", "id: college", 1),
			"vuz2/profiles/x.yaml":     strings.NewReplacer("id: student", "id: x", "lifeSituation: vuz", "lifeSituation: college").Replace(baseProfile)})},
	{"life situation id renamed", rules.RuleUnresolved, finding.Error,
		ws(l("id: vuz", "id: postuplenie"), l("lifeSituation: vuz", "lifeSituation: ⟪vuz")),
		ws(l("id: vuz", "id: postuplenie"), l("lifeSituation: vuz", "lifeSituation: postuplenie"))},
	{"attribute status not in the life situation", rules.RuleAttributeStatus, finding.Error,
		ws(l("statuses: [citizen]\n    type: enum\n    values: [\"007\"", "statuses: [citizen, ⟪internal]\n    type: enum\n    values: [\"007\""), none),
		ws(l("statuses: [citizen, business]\n", "statuses: [citizen, business, internal]\n",
			"statuses: [citizen]\n    type: enum\n    values: [\"007\"", "statuses: [citizen, internal]\n    type: enum\n    values: [\"007\""), none)},
	{"bucket start above its end", rules.RuleRangeBucket, finding.Error,
		ws(l(`values: ["18-25", "26-35"]`, `values: ["18-25", ⟪"35-26"]`), none),
		ws(none, none)},
	{"overlapping buckets", rules.RuleRangeBucket, finding.Warning,
		ws(l(`values: ["18-25", "26-35"]`, `values: ["18-25", ⟪"25-35"]`), none),
		ws(l(`values: ["18-25", "26-35"]`, `values: ["18-24", "25-35"]`), none)},
	{"life situation not found", rules.RuleUnresolved, finding.Error,
		ws(none, l("lifeSituation: vuz", "lifeSituation: ⟪vus")),
		ws(none, none)},
	{"profile status not in the life situation", rules.RuleProfileStatus, finding.Error,
		ws(none, l("status: citizen", "status: ⟪internal")),
		ws(none, none)},
	{"attribute not declared", rules.RuleAttrUndeclared, finding.Error,
		ws(none, l("  age: 20", "  ⟪vozrast: 20")),
		ws(none, none)},
	{"attribute declared for another status", rules.RuleAttrUndeclared, finding.Error,
		ws(none, l("  age: 20", "  ⟪legal-form: ООО")),
		ws(none, l("status: citizen", "status: business", "  sex: мужской\n  age: 20", "  legal-form: ООО"))},
	{"enum value not declared", rules.RuleAttrValue, finding.Error,
		ws(none, l("sex: мужской", "sex: ⟪мужчина")),
		ws(none, l("sex: мужской", "sex: женский"))},
	{"enum value in a list", rules.RuleAttrValue, finding.Error,
		ws(none, l("sex: мужской", "sex: [мужской, ⟪мужчина]")),
		ws(none, l("sex: мужской", "sex: [мужской, женский]"))},
	{"range value outside every bucket", rules.RuleAttrValue, finding.Error,
		ws(none, l("age: 20", "age: ⟪40")),
		ws(none, l("age: 20", "age: 35"))},
	{"range sub-range across buckets", rules.RuleAttrValue, finding.Error,
		ws(none, l("age: 20", `age: ⟪"24-27"`)),
		ws(none, l("age: 20", `age: "22-25"`))},
	{"range value not a number", rules.RuleAttrValue, finding.Error,
		ws(none, l("age: 20", "age: ⟪20 лет")),
		ws(none, l("age: 20", "age: 20.5"))},
	{"catalogue value unknown", rules.RuleAttrValue, finding.Error,
		ws(none, l("age: 20", "region: ⟪Атлантида")),
		ws(none, l("age: 20", "region: Татарстан"))},
	{"enum value differs in case", rules.RuleAttrSpelling, finding.Warning,
		ws(none, l("sex: мужской", "sex: ⟪Мужской")),
		ws(none, none)},
	{"legacy legal form", rules.RuleCatalogLegacy, finding.Warning,
		ws(none, l("status: citizen", "status: business", "  sex: мужской\n  age: 20", "  legal-form: ⟪ОАО")),
		ws(none, l("status: citizen", "status: business", "  sex: мужской\n  age: 20", "  legal-form: ПАО"))},
	{"unquoted 007", rules.RuleUnquoted, finding.Warning,
		ws(none, l("age: 20", "code: ⟪007")),
		ws(none, l("age: 20", `code: "007"`))},
	{"file name differs from id", rules.RuleFileName, finding.Warning,
		func(t *testing.T) map[string]string {
			return map[string]string{lsPath: baseLS, "vuz/profiles/stud.yaml": edit(t, baseProfile, "id: student", "id: ⟪student")}
		},
		func(t *testing.T) map[string]string {
			return map[string]string{lsPath: baseLS, "vuz/profiles/stud.yaml": edit(t, baseProfile, "id: student", "id: stud")}
		}},
	{"satisfaction missing", rules.RulePriorityMissing, finding.Warning,
		ws(none, l("priority:\n  capacity", "priority:\n  ⟪capacity", "  satisfaction: {value: 3}\n", "")),
		ws(none, none)},
	{"no priority at all", rules.RulePriorityMissing, finding.Warning,
		ws(none, l("stage: segment", "stage: ⟪segment", "priority:\n  capacity: {value: 10}\n  satisfaction: {value: 3}\n", "")),
		ws(none, none)},
	{"satisfaction above its scale", rules.RuleSatisfactionScale, finding.Error,
		ws(none, l("satisfaction: {value: 3}", "satisfaction: {value: ⟪7}")),
		ws(none, l("satisfaction: {value: 3}", "satisfaction: {value: 7, scale: 10}"))},
	{"segment duplicate", rules.RuleSegmentDuplicate, finding.Warning,
		// student-2.yaml comes first in path order ('-' < '.'); 20 and "19-21" both fall in
		// the bucket 18-25, so the boxes are equal and the later file is warned.
		with(ws(none, l("id: student", "id: ⟪student")), map[string]string{"vuz/profiles/student-2.yaml": strings.NewReplacer("id: student", "id: student-2", "age: 20", `age: "19-21"`).Replace(baseProfile)}),
		with(ws(none, none), map[string]string{"vuz/profiles/student-2.yaml": strings.NewReplacer("id: student", "id: student-2", "age: 20", "age: 30").Replace(baseProfile)})},
	{"history out of order", rules.RuleHistoryOrder, finding.Error,
		ws(none, l("satisfaction: {value: 3}\n", "satisfaction: {value: 3}\nhistory:\n  - {date: 2026-03-01, change: Уточнены каналы}\n  - {date: ⟪2026-02-01, change: Добавлены боли}\n")),
		ws(none, l("satisfaction: {value: 3}\n", "satisfaction: {value: 3}\nhistory:\n  - {date: 2026-02-01, change: Добавлены боли}\n  - {date: 2026-03-01, change: Уточнены каналы}\n"))},
}

// ruleHints: a part of each case's Russian message that tells the analyst how to fix it.
var ruleHints = map[string]string{
	"duplicate attribute id":                          "уже объявлен в строке 15 — у каждого признака свой id: переименуйте этот или объедините их",
	"duplicate service id":                            "уже объявлена в строке 8 — у каждой услуги свой id: переименуйте эту",
	"duplicate life situation id":                     "/vuz/life-situation.yaml:4 — переименуйте одну из них",
	"duplicate profile id":                            "/vuz/profiles/student.yaml:3 — переименуйте один из них",
	"profile id reserved for a generated page":        "совпадает с именем страницы, которую создает render (README.md, index.md) — выберите другой id",
	"attribute status not in the life situation":      "добавьте internal в statuses ЖС или уберите его из statuses признака",
	"bucket start above its end":                      "пишите меньшее число первым",
	"overlapping buckets":                             "сдвиньте границу",
	"life situation not found":                        "(может быть, vuz?) — укажите id из life-situation.yaml: vuz",
	"profile status not in the life situation":        "выберите один из них или добавьте статус в ",
	"attribute not declared":                          "исправьте ключ или объявите признак в attributes в ",
	"attribute declared for another status":           "добавьте citizen в statuses признака в life-situation.yaml или уберите признак из профиля",
	"enum value not declared":                         "мужской, женский — исправьте значение или добавьте его в values признака в ",
	"enum value in a list":                            "мужской, женский — исправьте значение",
	"range value outside every bucket":                "18-25, 26-35 — укажите значение из этих интервалов или добавьте интервал",
	"range sub-range across buckets":                  "сузьте диапазон или поправьте интервалы",
	"range value not a number":                        "пишите число (20) или диапазон (\"22-25\") без единицы измерения — она уже указана в ЖС (лет)",
	"catalogue value unknown":                         "укажите полное название или сокращение из справочника",
	"enum value differs in case":                      "пишите \"мужской\"",
	"legacy legal form":                               "сейчас это ПАО (публичное акционерное общество) или АО (непубличное акционерное общество) — укажите текущую форму",
	"unquoted 007":                                    "возьмите значение в кавычки: \"007\"",
	"file name differs from id":                       "переименуйте файл в student.yaml или поправьте id",
	"satisfaction missing":                            "добавьте satisfaction: {value: …, source: …}",
	"no priority at all":                              "добавьте их",
	"satisfaction above its scale":                    "исправьте оценку или укажите scale",
	"history out of order":                            "переставьте запись",
	"segment duplicate":                               "тот же сегмент, что и student-2 (",
	"duplicate profile id on the stray copy":          "/vuz/profiles/student.yaml:3 — переименуйте один из них",
	"profile in the folder of another life situation": "перенесите файл в папку profiles/ ЖС vuz или исправьте lifeSituation",
	"life situation id renamed":                       "называется postuplenie — если ее id переименовали, обновите lifeSituation: postuplenie во всех ее профилях, которые еще ссылаются на vuz (таких файлов: 1)",
}

// TestRules trips every rule of this package with one fixture and passes it with a
// near-identical one.
func TestRules(t *testing.T) {
	for _, tc := range ruleCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			files := tc.trip(t)
			var file string
			var line, col int
			for name, content := range files {
				if stripped, ln, c := testws.Strip(content); ln > 0 {
					files[name], file, line, col = stripped, name, ln, c
				}
			}
			if file == "" {
				t.Fatal("trip fixture has no marker")
			}
			res := testws.Check(t, testws.Write(t, files))
			var got []finding.Finding
			for _, f := range res.Findings {
				if f.Rule == tc.rule {
					got = append(got, f)
				}
			}
			if len(got) != 1 {
				t.Fatalf("want one %s finding at %s:%d:%d, got:\n%s", tc.rule, file, line, col, testws.Format(res.Findings))
			}
			f := got[0]
			if f.File != file || f.Line != line || f.Column != col || f.Severity != tc.sev {
				t.Errorf("got %s:%d:%d %s, want %s:%d:%d %s\n%s", f.File, f.Line, f.Column, f.Severity, file, line, col, tc.sev, testws.Format(got))
			}
			testws.CheckMessages(t, f)
			if hint, ok := ruleHints[tc.name]; !ok || !strings.Contains(f.Message.RU, hint) {
				t.Errorf("Russian message lacks the hint %q:\n%s", hint, f.Message.RU)
			}

			pass := testws.Check(t, testws.Write(t, tc.pass(t)))
			if len(pass.Findings) != 0 {
				t.Errorf("pass fixture is not clean:\n%s", testws.Format(pass.Findings))
			}
		})
	}
}

// TestEveryRuleHasACase keeps the table complete: every rule of this package's [rules.Rules]
// has a case (report's TestRegistryDocumented checks that it is documented).
func TestEveryRuleHasACase(t *testing.T) {
	have := map[string]bool{
		// a clash needs two files whose names differ only in case: TestCaseClashes, and the
		// testscript windows_case_clash through validate
		rules.RuleFileNameCase: true,
	}
	for _, c := range ruleCases {
		have[c.rule] = true
	}
	for _, r := range rules.Rules {
		if !have[r.ID] {
			t.Errorf("rule %s has no case in ruleCases", r.ID)
		}
	}
}

// TestNoCascades: a value the schema already reports does not also trip a rule.
func TestNoCascades(t *testing.T) {
	cases := []struct {
		name string
		edit []string
		rule string // the only rule expected
	}{
		{"malformed date in history", l("satisfaction: {value: 3}\n", "satisfaction: {value: 3}\nhistory:\n  - {date: 31.12.2025, change: Сформирован}\n  - {date: 2026-01-05, change: Уточнен}\n"), schemacheck.RuleFormat},
		{".inf satisfaction is not missing", l("satisfaction: {value: 3}", "satisfaction: {value: .inf}"), load.RuleSpecialFloat},
		{"string capacity is not missing", l("capacity: {value: 10}", `capacity: {value: "10"}`), schemacheck.RuleType},
		{"lifeSituation that is not an id is not also unresolved", l("lifeSituation: vuz", "lifeSituation: Vuz"), schemacheck.RuleFormat},
		{"non-string attribute key is not also undeclared", l("  age: 20", "  1: 20"), load.RuleNonStringKey},
		{"invalid scale is not compared", l("satisfaction: {value: 3}", "satisfaction: {value: 7, scale: 0}"), schemacheck.RuleRange},
		{"unknown status skips the attribute checks", l("status: citizen", "status: citizn"), schemacheck.RuleEnum},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := testws.Check(t, testws.Write(t, workspaceFiles(t, none, tc.edit)))
			if len(res.Findings) != 1 || res.Findings[0].Rule != tc.rule {
				t.Errorf("want exactly one %s finding, got:\n%s", tc.rule, testws.Format(res.Findings))
			}
		})
	}
}
