package workspace

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/profiler-cx/profiler/internal/catalog"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/schemas"
)

// The schemas are the single source of truth for the shape; these tests prove the Go
// model and its decoder agree with them: every property of every object schema has a
// model field, every model field a property, and the decoder fills each of them.

func schemaJSON(t *testing.T, name string) map[string]any {
	t.Helper()
	b, ok := schemas.Bytes(name)
	if !ok {
		t.Fatalf("no embedded schema %s", name)
	}
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func at(v any, ptr string) map[string]any {
	for _, seg := range load.Split(ptr) {
		m, _ := v.(map[string]any)
		v = m[seg]
	}
	m, _ := v.(map[string]any)
	return m
}

// fieldFor maps a schema property to the model field that holds it.
var fieldFor = map[string]string{"id": "ID", "value": "Number|Bool"}

// notInModel are properties that select the schema and carry no content.
var notInModel = map[string]bool{"apiVersion": true, "kind": true}

// notInSchema are model fields that are bookkeeping, not content.
var notInSchema = map[string]bool{"Path": true, "Ptr": true, "Set": true}

func goName(prop string) string {
	if f, ok := fieldFor[prop]; ok {
		return f
	}
	r := []rune(prop)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

type pair struct {
	file, ptr string
	typ       reflect.Type
}

var pairs = []pair{
	{schemas.LifeSituation, "", reflect.TypeFor[model.LifeSituation]()},
	{schemas.LifeSituation, "/$defs/service", reflect.TypeFor[model.Service]()},
	{schemas.LifeSituation, "/$defs/attribute", reflect.TypeFor[model.Attribute]()},
	{schemas.Profile, "", reflect.TypeFor[model.Profile]()},
	{schemas.Profile, "/properties/priority", reflect.TypeFor[model.Priority]()},
	{schemas.Profile, "/properties/channels", reflect.TypeFor[model.Channels]()},
	{schemas.Profile, "/$defs/hypothesis", reflect.TypeFor[model.Hypothesis]()},
	{schemas.Profile, "/$defs/historyEntry", reflect.TypeFor[model.HistoryEntry]()},
	{"defs.schema.json", "/$defs/sourcedText", reflect.TypeFor[model.Item]()},
	{"defs.schema.json", "/$defs/capacity", reflect.TypeFor[model.Param]()},
	{"defs.schema.json", "/$defs/satisfaction", reflect.TypeFor[model.Param]()},
	{"defs.schema.json", "/$defs/flag", reflect.TypeFor[model.Param]()},
}

func TestModelFieldsMatchSchemaProperties(t *testing.T) {
	for _, p := range pairs {
		props := at(schemaJSON(t, p.file), p.ptr+"/properties")
		if len(props) == 0 {
			t.Fatalf("%s#%s has no properties", p.file, p.ptr)
		}
		covered := map[string]bool{}
		for prop := range props {
			if notInModel[prop] {
				continue
			}
			found := false
			for _, name := range strings.Split(goName(prop), "|") {
				if _, ok := p.typ.FieldByName(name); ok {
					found, covered[name] = true, true
				}
			}
			if !found {
				t.Errorf("%s#%s: property %q has no field %s in %s", p.file, p.ptr, prop, goName(prop), p.typ)
			}
		}
		if p.typ == reflect.TypeFor[model.Param]() {
			continue // one Go type for three schemas: checked together below
		}
		for i := range p.typ.NumField() {
			name := p.typ.Field(i).Name
			if !covered[name] && !notInSchema[name] {
				t.Errorf("%s: field %s has no property in %s#%s", p.typ, name, p.file, p.ptr)
			}
		}
	}
	// Param serves capacity, satisfaction and the flags: each field is some schema's.
	all := map[string]bool{}
	for _, d := range []string{"capacity", "satisfaction", "flag"} {
		for prop := range at(schemaJSON(t, "defs.schema.json"), "/$defs/"+d+"/properties") {
			for _, n := range strings.Split(goName(prop), "|") {
				all[n] = true
			}
		}
	}
	typ := reflect.TypeFor[model.Param]()
	for i := range typ.NumField() {
		if n := typ.Field(i).Name; !all[n] && !notInSchema[n] {
			t.Errorf("model.Param field %s has no property in capacity, satisfaction or flag", n)
		}
	}
}

// fullLS and fullProfile set every property the schemas know.
const fullLS = `apiVersion: profiler/v1
kind: LifeSituation
id: vuz
title: Поступление в вуз
description: Описание
owner: Минобрнауки России
statuses: [citizen]
services:
  - {id: priem, title: Прием документов, type: service, description: Описание услуги}
attributes:
  - {id: sex, title: Пол, description: Описание признака, statuses: [citizen], type: enum, unit: нет, values: [мужской], sources: [npa]}
  - {id: region, title: Регион, statuses: [citizen], type: enum, catalog: ru-regions}
`

const fullProfile = `apiVersion: profiler/v1
kind: Profile
id: p
lifeSituation: vuz
title: Студент
description: Описание
status: citizen
stage: final
attributes: {sex: мужской}
priority:
  capacity: {value: 10, source: Статистика, note: Примечание}
  satisfaction: {value: 3, scale: 10, scaleFrom: 2, source: Опрос, note: Примечание}
  uniqueProblems: {value: true, source: Интервью, note: Примечание}
  blindZone: {value: true, source: НПА, note: Примечание}
  customerFocus: {value: true, source: Жалобы, note: Примечание}
journey: [{text: Шаг, source: Интервью}]
channels: {informing: [Сайт], service: [ЕПГУ]}
pains: [{text: Очередь, source: Отзывы}]
hypotheses: [{text: Гипотеза, status: confirmed, evidence: Опрос, source: Интервью}]
sources: [Опрос]
history: [{date: 2026-03-01, change: Уточнено, basis: Интервью, stage: final}]
notes: Примечание
`

// nonZero fails for every exported field of v (recursing into structs and the first
// element of slices) that the decoder left empty.
func nonZero(t *testing.T, path string, v reflect.Value, skip map[string]bool) {
	t.Helper()
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if skip[f.Name] || notInSchema[f.Name] {
				continue
			}
			nonZero(t, path+"."+f.Name, v.Field(i), skip)
		}
	case reflect.Slice:
		if v.Len() == 0 {
			t.Errorf("%s: empty after decoding", path)
			return
		}
		nonZero(t, path+"[0]", v.Index(0), skip)
	default:
		if v.IsZero() {
			t.Errorf("%s: not decoded", path)
		}
	}
}

func TestDecoderReadsEveryProperty(t *testing.T) {
	lsDoc, fs := load.Parse("vuz/life-situation.yaml", []byte(fullLS), load.Limits{})
	if len(fs) > 0 {
		t.Fatal(fs)
	}
	ls := decodeLifeSituation(lsDoc)
	// One attribute has values, the other a catalogue: the schema forbids both at once.
	nonZero(t, "LifeSituation", reflect.ValueOf(*ls), map[string]bool{"Catalog": true})
	if ls.Attributes[1].Catalog != "ru-regions" {
		t.Errorf("Attribute.Catalog not decoded: %+v", ls.Attributes[1])
	}
	pDoc, fs := load.Parse("vuz/profiles/p.yaml", []byte(fullProfile), load.Limits{})
	if len(fs) > 0 {
		t.Fatal(fs)
	}
	p := decodeProfile(pDoc)
	// Number and Bool share Param; Scale is satisfaction's; List is set only for lists.
	nonZero(t, "Profile", reflect.ValueOf(*p), map[string]bool{"Number": true, "Bool": true, "Scale": true, "ScaleFrom": true, "List": true, "Canonical": true})
	pr := p.Priority
	if pr.Capacity.Number != 10 || pr.Satisfaction.Number != 3 || pr.Satisfaction.Scale != 10 || pr.Satisfaction.ScaleFrom != 2 || !pr.UniqueProblems.Bool || !pr.BlindZone.Bool || !pr.CustomerFocus.Bool {
		t.Errorf("priority values not decoded: %+v", pr)
	}
	// And the fixtures are complete documents: the schema accepts them.
	res := Check([]string{writeTemp(t, fullLS, fullProfile)}, Options{})
	for _, f := range res.Findings {
		t.Errorf("full fixture: %s:%d:%d [%s] %s", f.File, f.Line, f.Column, f.Rule, f.Message.EN)
	}
}

// TestCatalogEnumMatchesCatalogs: the schema's `catalog` enum lists exactly the built-in
// catalogues.
func TestCatalogEnumMatchesCatalogs(t *testing.T) {
	prop := at(schemaJSON(t, schemas.LifeSituation), "/$defs/attribute/properties/catalog")
	var enum []string
	for _, x := range prop["enum"].([]any) {
		enum = append(enum, x.(string))
	}
	slices.Sort(enum)
	if ids := catalog.IDs(); !slices.Equal(enum, ids) {
		t.Errorf("schema catalog enum %v, catalog.IDs() %v", enum, ids)
	}
}

func writeTemp(t *testing.T, ls, profile string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range map[string]string{"vuz/life-situation.yaml": ls, "vuz/profiles/p.yaml": profile} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestIDPatternMatchesSchema: the id format the Go code checks is the schema's slug.
func TestIDPatternMatchesSchema(t *testing.T) {
	b, ok := schemas.Bytes(schemas.Defs)
	if !ok {
		t.Fatal("defs schema missing")
	}
	var defs struct {
		Defs struct {
			Slug struct {
				Pattern string `json:"pattern"`
			} `json:"slug"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(b, &defs); err != nil {
		t.Fatal(err)
	}
	if got, want := model.IDPattern.String(), defs.Defs.Slug.Pattern; got != want || want == "" {
		t.Errorf("model.IDPattern = %q, schema slug pattern = %q", got, want)
	}
}
