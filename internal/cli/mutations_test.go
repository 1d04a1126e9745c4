package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/profiler-cx/profiler/internal/testws"
)

const (
	vuzStudent   = "postuplenie-v-vuz/profiles/student-sosednij-region.yaml"
	vuzAbiturent = "postuplenie-v-vuz/profiles/abiturient-s-invalidnostyu-po-osoboj-kvote.yaml"
	vuzLS        = "postuplenie-v-vuz/life-situation.yaml"
	autoBusiness = "priobretenie-transportnogo-sredstva/profiles/malaya-kompaniya-avtomobil-v-lizing.yaml"
	autoCitizen  = "priobretenie-transportnogo-sredstva/profiles/pokupatel-pervogo-avtomobilya-v-kredit.yaml"
)

type mutation struct {
	name     string
	file     string // relative to examples/
	old, new string // replaced once
	want     []string
	ru       string // a part of the first finding's Russian message: how to fix it
	exit     int
}

// Every mutation of an example is reported at the right file:line:column with a Russian
// message that says how to fix it, and nothing else is reported.
var mutations = []mutation{
	{"wrong enum value", vuzStudent, "  sex: мужской", "  sex: мужчина",
		[]string{vuzStudent + ":10:8: error attribute-value"}, "— исправьте значение или добавьте его в values признака в ", 1},
	{"wrong value in a list", vuzAbiturent, "[очная, очно-заочная]", "[очная, очно-заочно]",
		[]string{vuzAbiturent + ":12:27: error attribute-value"}, `может быть, "очно-заочная"?`, 1},
	{"unknown nested key", vuzStudent, "    scale: 5", "    skale: 5",
		[]string{vuzStudent + ":20:5: error schema-unknown-key"}, "может быть, scale?", 1},
	{"misspelt top-level key", vuzStudent, "title: Студент", "titel: Студент",
		[]string{vuzStudent + ":6:1: error schema-unknown-key"}, "поле title обязательно", 1}, // the missing title is said there (issue 12 item 9)
	{"broken reference", vuzStudent, "lifeSituation: postuplenie-v-vuz", "lifeSituation: postuplenie-v-vus",
		[]string{vuzStudent + ":5:16: error ls-unresolved"}, "может быть, postuplenie-v-vuz?", 1},
	{"missing stage content", autoCitizen, "stage: segment", "stage: hypothesis",
		[]string{autoCitizen + ":9:8: error stage-gate", autoCitizen + ":9:8: error stage-gate"}, "или оставьте профиль на этапе «сегмент (II этап)» (stage: segment)", 1},
	{"duplicate key", autoBusiness, "  legal-form: ООО\n", "  legal-form: ООО\n  legal-form: АО\n",
		[]string{autoBusiness + ":12:3: error yaml-duplicate-key"}, "удалите или переименуйте", 1},
	{"status not in the life situation", vuzStudent, "status: citizen", "status: business",
		[]string{vuzStudent + ":7:9: error profile-status"}, "выберите один из них", 1},
	{"undeclared attribute", vuzStudent, "  age: 20", "  vozrast: 20",
		[]string{vuzStudent + ":11:3: error attribute-undeclared"}, "исправьте ключ или объявите признак в attributes", 1},
	{"attribute named by its Russian title", vuzStudent, "  age: 20", "  Возраст: 20",
		[]string{vuzStudent + ":11:3: error attribute-undeclared"}, "может быть, age («Возраст»)?", 1},
	{"out-of-bucket range", vuzStudent, "  age: 20", "  age: 17",
		[]string{vuzStudent + ":11:8: error attribute-value"}, "укажите значение из этих интервалов или добавьте интервал", 1},
	{"legacy ОАО", autoBusiness, "legal-form: ООО", "legal-form: ОАО",
		[]string{autoBusiness + ":11:15: warning catalog-legacy"}, "укажите текущую форму", 0},
	{"bad date", vuzAbiturent, `date: "2026-02-12"`, `date: 2026-02-30`,
		[]string{vuzAbiturent + ":54:11: error schema-format"}, "проверьте месяц и день", 1},
	{"date written the Russian way", vuzAbiturent, `date: "2025-10-20"`, `date: 20.10.2025`,
		[]string{vuzAbiturent + ":51:11: error schema-format"}, "пишите 2025-10-20", 1},
	{".inf", vuzStudent, "    value: 3.1", "    value: .inf",
		[]string{vuzStudent + ":19:12: error yaml-special-float"}, "укажите конечное число", 1},
	{"unquoted 007 where a string is expected", vuzStudent, "title: Студент, проживающий в соседнем регионе", "title: 007",
		[]string{vuzStudent + ":6:8: error schema-type"}, `возьмите значение в кавычки: "007"`, 1},
	{"kind typo", vuzStudent, "kind: Profile", "kind: Profil",
		[]string{vuzStudent + ":3:7: error schema-enum"}, "должно быть Profile", 1},
	{"apiVersion v2", vuzStudent, "apiVersion: profiler/v1", "apiVersion: profiler/v2",
		[]string{vuzStudent + ":2:13: error schema-enum"}, "читает только формат profiler/v1", 1},
	{"attribute for a status the life situation lacks", vuzLS, "    title: Пол\n    statuses: [citizen]", "    title: Пол\n    statuses: [citizen, business]",
		[]string{vuzLS + ":34:25: error attribute-status"}, "добавьте business в statuses ЖС или уберите его из statuses признака", 1},
	{"overlapping buckets", vuzLS, `"18-25", "26-35"`, `"18-26", "26-35"`,
		[]string{vuzLS + ":43:23: warning range-bucket"}, "сдвиньте границу", 0},
	{"attribute type typo", vuzLS, "    title: Пол\n    statuses: [citizen]\n    type: enum", "    title: Пол\n    statuses: [citizen]\n    type: enums",
		[]string{vuzLS + ":35:11: error schema-enum"}, "может быть, enum?", 1},
}

type jsonOut struct {
	Files    int `json:"files"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Findings []struct {
		File     string `json:"file"`
		Line     int    `json:"line"`
		Column   int    `json:"column"`
		Severity string `json:"severity"`
		Rule     string `json:"rule"`
		Message  string `json:"message"`
	} `json:"findings"`
}

// runJSON runs `profiler [--lang L] validate --format json DIR` and decodes the report,
// with file paths relative to dir.
func runJSON(t *testing.T, dir, lang string) (jsonOut, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Main([]string{"--lang", lang, "validate", "--format", "json", dir},
		IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut})
	var r jsonOut
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("report is not JSON: %v\n%s\nstderr: %s", err, out.String(), errOut.String())
	}
	prefix := filepath.ToSlash(dir) + "/"
	for i := range r.Findings {
		r.Findings[i].File = strings.TrimPrefix(r.Findings[i].File, prefix)
	}
	return r, code
}

func TestExampleMutations(t *testing.T) {
	for _, m := range mutations {
		t.Run(m.name, func(t *testing.T) {
			t.Parallel()
			dir := testws.CopyExamples(t)
			p := filepath.Join(dir, filepath.FromSlash(m.file))
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(b, []byte(m.old)) {
				t.Fatalf("%q not in %s", m.old, m.file)
			}
			if err := os.WriteFile(p, bytes.Replace(b, []byte(m.old), []byte(m.new), 1), 0o644); err != nil {
				t.Fatal(err)
			}
			ru, code := runJSON(t, dir, "ru")
			en, _ := runJSON(t, dir, "en")
			var got []string
			for _, f := range ru.Findings {
				got = append(got, strings.Join([]string{f.File + ":" + itoa(f.Line) + ":" + itoa(f.Column) + ":", f.Severity, f.Rule}, " "))
			}
			if !slices.Equal(got, m.want) {
				t.Fatalf("findings:\n  got  %q\n  want %q\n%+v", got, m.want, ru.Findings)
			}
			if code != m.exit {
				t.Errorf("exit code %d, want %d", code, m.exit)
			}
			if !strings.Contains(ru.Findings[0].Message, m.ru) {
				t.Errorf("Russian message lacks %q:\n%s", m.ru, ru.Findings[0].Message)
			}
			for i, f := range ru.Findings {
				if f.Message == "" || f.Message == en.Findings[i].Message || en.Findings[i].Message == "" {
					t.Errorf("messages not set in both languages: ru %q, en %q", f.Message, en.Findings[i].Message)
				}
				if !hasCyrillic(f.Message) {
					t.Errorf("Russian message has no Russian words: %q", f.Message)
				}
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func hasCyrillic(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 'а' && r <= 'я' || r >= 'А' && r <= 'Я' })
}
