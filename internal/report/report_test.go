package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/testws"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/<name>.golden, or writes it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	testws.Golden(t, filepath.Join("testdata", name+".golden"), got, *update)
}

const (
	fileProfile = "примеры/поступление-в-вуз/profiles/студент.yaml"
	fileLS      = "примеры/поступление-в-вуз/life-situation.yaml"
	fileGone    = "нет-такого/файла.yaml"
)

// sources are the files the findings point into: Cyrillic before the column, a tab, a
// CRLF line end and a BOM.
var sources = map[string]string{
	fileProfile: "\ufeffapiVersion: profiler/v1\r\nkind: Profile\r\nattributes: {пол: мужской, возраст: 17}\r\njourney: [Пытается\tминимизировать, 42]\r\n",
	fileLS:      "id: vuz\nstatuses: [citizen, citizen]\n",
}

var findings = []finding.Finding{
	{File: fileGone, Severity: finding.Error, Rule: "path-not-found",
		Message: i18n.Msg("путь не найден — проверьте имя файла или папки", "path not found — check the file or folder name")},
	{File: fileLS, Line: 2, Column: 21, Severity: finding.Error, Rule: "schema-duplicate",
		Message: i18n.Msg("statuses: значение %q повторяется (оно уже есть в пункте 1) — удалите повтор", "statuses: %q is repeated (already item 1) — remove the duplicate", "citizen")},
	{File: fileProfile, Line: 3, Column: 28, Severity: finding.Error, Rule: "attribute-undeclared",
		Message: i18n.Msg("признак «возраст» не объявлен — исправьте ключ", "attribute «возраст» is not declared — fix the key")},
	{File: fileProfile, Line: 3, Column: 37, Severity: finding.Warning, Rule: "attribute-value",
		Message: i18n.Msg("значение 17 вне интервалов «18-25», «26-35»", "17 is outside the buckets «18-25», «26-35»")},
	{File: fileProfile, Line: 4, Column: 36, Severity: finding.Info, Rule: "schema-type",
		Message: i18n.Msg("journey[1]: ожидается строка, а указано целое число", "journey[1]: expected a string, found an integer")},
	{File: fileProfile, Line: 9, Column: 1, Severity: finding.Error, Rule: "beyond-the-end",
		Message: i18n.Msg("строка за концом файла: выдержки нет", "a line past the end of the file: no excerpt")},
}

var summary = Summary{Files: 2, Errors: 4, Warnings: 1}

func source(file string) ([]byte, bool) {
	s, ok := sources[file]
	return []byte(s), ok
}

func TestTextGolden(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.RU, i18n.EN} {
		for _, mode := range []struct {
			name           string
			excerpt, color bool
		}{{"plain", false, false}, {"excerpt", true, false}, {"excerpt_color", true, true}, {"color", false, true}} {
			name := "text_" + string(lang) + "_" + mode.name
			t.Run(name, func(t *testing.T) {
				r, err := New("text", Options{Lang: lang, Excerpt: mode.excerpt, Color: mode.color, Source: source})
				if err != nil {
					t.Fatal(err)
				}
				var b bytes.Buffer
				if err := r.Report(&b, findings, summary); err != nil {
					t.Fatal(err)
				}
				golden(t, name, b.Bytes())
				if !mode.color && strings.Contains(b.String(), "\x1b") {
					t.Error("colour codes without Color")
				}
			})
		}
	}
}

func TestJSONGolden(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.RU, i18n.EN} {
		name := "json_" + string(lang)
		t.Run(name, func(t *testing.T) {
			r, _ := New("json", Options{Lang: lang, Color: true, Excerpt: true, Source: source})
			var b bytes.Buffer
			if err := r.Report(&b, findings, summary); err != nil {
				t.Fatal(err)
			}
			golden(t, name, b.Bytes())
			var v jsonReport
			if err := json.Unmarshal(b.Bytes(), &v); err != nil {
				t.Fatal(err)
			}
			if len(v.Findings) != len(findings) || v.Errors != 4 || v.Warnings != 1 || v.Files != 2 {
				t.Errorf("decoded %+v", v)
			}
		})
	}
}

// An empty run is a complete document in every format: JSON has "findings": [].
func TestEmpty(t *testing.T) {
	for _, format := range Formats() {
		r, _ := New(format, Options{Lang: i18n.RU})
		var b bytes.Buffer
		if err := r.Report(&b, nil, Summary{Files: 3}); err != nil {
			t.Fatal(err)
		}
		golden(t, format+"_empty", b.Bytes())
	}
}

func TestSummaryLine(t *testing.T) {
	s := SummaryLine(summary)
	if s.RU != "Проверено файлов: 2; ошибок: 4, предупреждений: 1" || s.EN != "Checked files: 2; errors: 4, warnings: 1" {
		t.Errorf("%+v", s)
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := New("xml", Options{}); err == nil || !strings.Contains(err.Error(), "json, junit, sarif, text") {
		t.Errorf("err = %v", err)
	}
}
