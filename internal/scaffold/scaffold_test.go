package scaffold

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/profiler-cx/profiler/internal/catalog"
	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/testws"
	"github.com/profiler-cx/profiler/internal/workspace"
	"github.com/profiler-cx/profiler/schemas"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	testws.Golden(t, filepath.Join("testdata", name), got, *update)
}

// check validates documents as they would lie on disk, without writing them.
func check(t *testing.T, files map[string][]byte) []finding.Finding {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return workspace.Check([]string{dir}, workspace.Options{}).Findings
}

var statusSets = map[string][]model.Status{
	"citizen":  {model.Citizen},
	"business": {model.Business},
	"internal": {model.Internal},
	"all":      {model.Citizen, model.Business, model.Internal},
}

func TestLifeSituationGolden(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.RU, i18n.EN} {
		for name, sts := range statusSets {
			t.Run(string(lang)+"/"+name, func(t *testing.T) {
				d := LSData{Schema: "../.profiler/schemas/life-situation.schema.json", ID: "postuplenie-v-vuz",
					Title: "Поступление в вуз", Statuses: sts}
				if name == "all" {
					d.Owner = "Минобрнауки России"
				}
				got, err := LifeSituation(d, Options{Lang: lang})
				if err != nil {
					t.Fatal(err)
				}
				golden(t, "ls/"+string(lang)+"-"+name+".yaml", got)
				if fs := check(t, map[string][]byte{"ls/life-situation.yaml": got}); len(fs) > 0 {
					t.Errorf("scaffold is not clean: %v", fs)
				}
			})
		}
	}
}

func TestProfileGolden(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.RU, i18n.EN} {
		t.Run(string(lang), func(t *testing.T) {
			ls, err := LifeSituation(LSData{Schema: "s", ID: "ls", Title: "ЖС", Statuses: []model.Status{model.Citizen, model.Internal}}, Options{Lang: lang})
			if err != nil {
				t.Fatal(err)
			}
			d := ProfileData{
				Schema: "../../.profiler/schemas/profile.schema.json", ID: "student", LifeSituation: "ls", LSTitle: "ЖС",
				Title: "Студент", Status: model.Citizen, Stage: model.StageSegment,
				Attributes: []Attr{
					{ID: "sex", Title: "Пол", Type: "enum", Values: []string{"мужской", "женский"}, Value: map[i18n.Lang]string{i18n.RU: "мужской", i18n.EN: "male"}[lang]},
					{ID: "age", Title: "Возраст", Type: "range", Unit: "лет", Values: []string{"18-25", "26-35"}, Value: "20"},
					{ID: "region", Title: "Регион проживания", Type: "enum", Catalog: "ru-regions", Sample: CatalogSample("ru-regions", 3)},
					{ID: "note", Title: "Примечание", Type: "text"},
				},
			}
			got, err := Profile(d, Options{Lang: lang})
			if err != nil {
				t.Fatal(err)
			}
			golden(t, "profile/"+string(lang)+".yaml", got)
			fs := check(t, map[string][]byte{"ls/life-situation.yaml": ls, "ls/profiles/student.yaml": got})
			for _, f := range fs {
				if f.Severity == finding.Error {
					t.Errorf("profile scaffold has an error: %v", f)
				}
			}
		})
	}
}

func TestAttributeIDsStayUnique(t *testing.T) {
	got, err := LifeSituation(LSData{Schema: "s", ID: "x", Title: "X", Statuses: []model.Status{model.Citizen, model.Internal}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(got, []byte("id: age\n")) || !bytes.Contains(got, []byte("id: age-internal\n")) {
		t.Errorf("expected age and age-internal:\n%s", got)
	}
}

func TestTemplateOverride(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "ru"), 0o755)
	custom := "  - id: {{id \"school\"}}\n    title: Школа\n    statuses: [citizen]\n    type: text\n"
	os.WriteFile(filepath.Join(dir, "ru", AttributesTemplate(model.Citizen)), []byte(custom), 0o644)
	os.WriteFile(filepath.Join(dir, AttributesTemplate(model.Business)), []byte("  - id: okved\n    title: ОКВЭД\n    statuses: [business]\n    type: text\n"), 0o644)
	for _, lang := range []i18n.Lang{i18n.RU, i18n.EN} {
		got, err := LifeSituation(LSData{Schema: "s", ID: "x", Title: "X", Statuses: []model.Status{model.Citizen, model.Business}},
			Options{Lang: lang, Templates: dir})
		if err != nil {
			t.Fatal(err)
		}
		s := string(got)
		if (lang == i18n.RU) != strings.Contains(s, "id: school") {
			t.Errorf("%s: ru/ override applied wrongly:\n%s", lang, s)
		}
		if !strings.Contains(s, "id: okved") || strings.Contains(s, "catalog: okopf") {
			t.Errorf("%s: top-level override not applied:\n%s", lang, s)
		}
		if !strings.Contains(s, "kind: LifeSituation") {
			t.Errorf("%s: the main template should still be the embedded one", lang)
		}
	}
	os.WriteFile(filepath.Join(dir, LSTemplate), []byte("{{.Nope}}"), 0o644)
	if _, err := LifeSituation(LSData{ID: "x"}, Options{Templates: dir}); err == nil || !strings.Contains(err.Error(), dir) {
		t.Errorf("a broken template should be an error naming its file, got %v", err)
	}
}

func TestEmbeddedTemplatesComplete(t *testing.T) {
	files := TemplateFiles()
	for _, lang := range []string{"ru", "en"} {
		for _, name := range []string{LSTemplate, ProfileTemplate, AttributesTemplate(model.Citizen), AttributesTemplate(model.Business), AttributesTemplate(model.Internal)} {
			found := false
			for _, f := range files {
				found = found || f == lang+"/"+name
			}
			if !found {
				t.Errorf("missing embedded template %s/%s", lang, name)
			}
		}
	}
}

func TestScalar(t *testing.T) {
	for in, want := range map[string]string{
		"мужской": "мужской", "18-25": "18-25", "007": `"007"`, "true": `"true"`, "a: b": `'a: b'`,
		"2026-01-01": `"2026-01-01"`, "two\nlines": `"two\nlines"`, "#x": `'#x'`,
		// YAML 1.1 booleans and keys (issue 18, item 18), hidden line breaks (item 2).
		"yes": `"yes"`, "No": `"No"`, "ON": `"ON"`, "off": `"off"`, "y": `"y"`, "=": `"="`, "<<": `"<<"`,
		"yesterday": "yesterday", "a\u2028notes: x #": `"a\Lnotes: x #"`, "a\u0085b": `"a\Nb"`,
		"a\u2029b": `"a\Pb"`, "a\rb": `"a\rb"`,
	} {
		if got := Scalar(in); got != want {
			t.Errorf("Scalar(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestModeline(t *testing.T) {
	for in, want := range map[string]string{
		"# yaml-language-server: $schema=../x.json\napiVersion: profiler/v1\n": "../x.json",
		"\ufeff# c\n#yaml-language-server: $schema=https://e/x.json\n":         "https://e/x.json",
		"apiVersion: profiler/v1\n# yaml-language-server: $schema=x\n":         "",
	} {
		if got := Modeline([]byte(in)); got != want {
			t.Errorf("Modeline(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRootAndExport(t *testing.T) {
	dir := t.TempDir()
	r, err := Root(filepath.Join(dir, "a", "ls"))
	if err != nil || r != filepath.Join(dir, "a") {
		t.Errorf("Root without git = %q, %v", r, err)
	}
	t.Chdir(dir)
	if r, _ := Root(filepath.Join("a", "ls")); r != dir {
		t.Errorf("Root below the current folder = %q, want %q", r, dir)
	}
	if r, _ := Root("."); r != dir {
		t.Errorf("Root(.) = %q, want the current folder %q", r, dir)
	}
	os.MkdirAll(filepath.Join(dir, ".git"), 0o755)
	if r, _ := Root(filepath.Join(dir, "a", "ls")); r != dir {
		t.Errorf("Root with git = %q, want %q", r, dir)
	}
	sd := filepath.Join(dir, SchemaDir)
	fs, err := ExportSchemas(sd, nil, KeepOther, false)
	if err != nil || len(fs) == 0 || fs[0].State != SchemaCreated {
		t.Fatalf("export: %v %v", fs, err)
	}
	fs, _ = ExportSchemas(sd, nil, KeepOther, false)
	if fs[0].State != SchemaSame {
		t.Errorf("second export should leave identical files: %v", fs)
	}
	os.WriteFile(fs[0].Path, []byte("{}"), 0o644)
	fs, _ = ExportSchemas(sd, nil, KeepOther, false)
	if b, _ := os.ReadFile(fs[0].Path); fs[0].State != SchemaDiffers || string(b) != "{}" {
		t.Errorf("a changed schema must be kept without force: %v", fs)
	}
	var ce *ConflictError
	fs, err = ExportSchemas(sd, nil, FailOnConflict, false)
	if b, _ := os.ReadFile(filepath.Join(sd, schemas.Names()[0])); !errors.As(err, &ce) || len(ce.Paths) != 1 || string(b) != "{}" {
		t.Errorf("FailOnConflict must name the changed file and write nothing: %v %v", fs, err)
	}
	fs, _ = ExportSchemas(sd, nil, Overwrite, false)
	if b, _ := os.ReadFile(fs[0].Path); fs[0].State != SchemaUpdated || string(b) == "{}" {
		t.Errorf("Overwrite should update: %v", fs)
	}
	if rel, _ := Rel(filepath.Join(dir, "a", "ls", "profiles"), filepath.Join(sd, "profile.schema.json")); rel != "../../../.profiler/schemas/profile.schema.json" {
		t.Errorf("Rel = %q", rel)
	}
}

// The life situation's comment names the built-in catalogues from internal/catalog: a
// catalogue added there shows up without editing the templates.
func TestLifeSituationNamesEveryCatalogue(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.RU, i18n.EN} {
		b, err := LifeSituation(LSData{ID: "x", Title: "x", Statuses: []model.Status{model.Citizen}}, Options{Lang: lang})
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range catalog.Listed() {
			if !bytes.Contains(b, []byte(id)) {
				t.Errorf("%s: the scaffold does not name the catalogue %s", lang, id)
			}
		}
	}
}
