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

// sample findings: Cyrillic paths and messages, characters every format must escape
// (GitHub's % : , and newlines; XML's < & "), a whole-file finding and two identical ones.
func sample() ([]finding.Finding, Summary) {
	fs := []finding.Finding{
		{File: "поступление в вуз/profiles/студент.yaml", Line: 3, Column: 8, Severity: finding.Error, Rule: "schema-enum",
			Message: i18n.Text{RU: "значение «аспирант» вне списка: студент, школьник", EN: "value «аспирант» is not one of: студент, школьник"}},
		{File: "поступление в вуз/profiles/студент.yaml", Line: 12, Column: 3, Severity: finding.Warning, Rule: "attribute-spelling",
			Message: i18n.Text{RU: "100% совпадение: «Ё»\nи <&\"> кавычки", EN: "100% match: a:b, c\r\nand <&\"> quotes"}},
		{File: "поступление в вуз/profiles/студент.yaml", Line: 12, Column: 3, Severity: finding.Warning, Rule: "attribute-spelling",
			Message: i18n.Text{RU: "100% совпадение: «Ё»\nи <&\"> кавычки", EN: "100% match: a:b, c\r\nand <&\"> quotes"}},
		{File: "поступление в вуз/profiles/пустой.yaml", Severity: finding.Error, Rule: "yaml-empty",
			Message: i18n.Text{RU: "в файле нет документа", EN: "the file has no document"}},
		{File: "reestr/life-situation.yaml", Line: 40, Column: 1, Severity: finding.Info, Rule: "custom-note",
			Message: i18n.Text{RU: "заметка", EN: "a note"}},
	}
	sum := Summary{Files: 4, Errors: 2, Warnings: 2, Paths: []string{
		"reestr/life-situation.yaml", "поступление в вуз/life-situation.yaml",
		"поступление в вуз/profiles/студент.yaml",
	}} // пустой.yaml has a finding but is not among the checked files, as with an unreadable file
	return fs, sum
}

func source(file string) ([]byte, bool) {
	s, ok := sources[file]
	return []byte(s), ok
}

// golden compares got with testdata/<test name>.<ext>, or writes it with -update: each
// subtest's name is its golden file's name.
func golden(t *testing.T, ext string, got []byte) {
	t.Helper()
	testws.Golden(t, filepath.Join("testdata", filepath.FromSlash(t.Name())+"."+ext), got, *update)
}

// goldenExt is each format's file extension, so that the goldens open as what they are.
var goldenExt = map[string]string{"sarif": "sarif.json", "codequality": "json", "junit": "xml", "json": "json", "github": "txt", "text": "txt"}

type goldenCase struct {
	name   string // <format>.<lang>[.<variant>]
	format string
	opts   Options
	fs     []finding.Finding
	sum    Summary
}

// goldenCases: every format in both languages on sample() and on an empty run (a complete
// document: JSON has "findings": []), and the text format's terminal modes on findings,
// whose sources hold what excerpts must survive.
func goldenCases() []goldenCase {
	fs, sum := sample()
	var cs []goldenCase
	for _, format := range Formats() {
		for _, lang := range []i18n.Lang{i18n.RU, i18n.EN} {
			o := Options{Lang: lang, Version: "v1.0.0-test"}
			cs = append(cs,
				goldenCase{format + "." + string(lang), format, o, fs, sum},
				goldenCase{format + "." + string(lang) + ".empty", format, o, nil, Summary{Files: 1, Paths: []string{"a/life-situation.yaml"}}})
		}
	}
	for _, lang := range []i18n.Lang{i18n.RU, i18n.EN} {
		for _, mode := range []struct {
			name           string
			excerpt, color bool
		}{{"excerpt", true, false}, {"excerpt_color", true, true}, {"color", false, true}} {
			cs = append(cs, goldenCase{"text." + string(lang) + "." + mode.name, "text",
				Options{Lang: lang, Excerpt: mode.excerpt, Color: mode.color, Source: source}, findings, summary})
		}
	}
	return cs
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases() {
		t.Run(c.name, func(t *testing.T) {
			got := render(t, c.format, c.opts, c.fs, c.sum)
			golden(t, goldenExt[c.format], got)
			if !c.opts.Color && bytes.Contains(got, []byte("\x1b")) {
				t.Error("colour codes without Color")
			}
		})
	}
}

// JSON is for machines: colour and excerpts, which a terminal asks for, change nothing.
func TestJSONIgnoresTerminalOptions(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.RU, i18n.EN} {
		plain := render(t, "json", Options{Lang: lang}, findings, summary)
		if got := render(t, "json", Options{Lang: lang, Color: true, Excerpt: true, Source: source}, findings, summary); !bytes.Equal(got, plain) {
			t.Errorf("%s: colour and excerpts changed the JSON report:\n%s", lang, got)
		}
		var v jsonReport
		if err := json.Unmarshal(plain, &v); err != nil {
			t.Fatal(err)
		}
		if len(v.Findings) != len(findings) || v.Errors != 4 || v.Warnings != 1 || v.Files != 2 {
			t.Errorf("decoded %+v", v)
		}
	}
}

func render(t *testing.T, format string, o Options, fs []finding.Finding, sum Summary) []byte {
	t.Helper()
	r, err := New(format, o)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.Report(&buf, fs, sum); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
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
