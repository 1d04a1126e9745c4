package segments_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/profiler-cx/profiler/internal/corpus"
	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/render"
	"github.com/profiler-cx/profiler/internal/segments"
	"github.com/profiler-cx/profiler/internal/workspace"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// ls is a life situation with every kind of attribute, for the table tests.
func ls() *model.LifeSituation {
	return &model.LifeSituation{ID: "vuz", Title: "Поступление в вуз", Statuses: []model.Status{model.Citizen, model.Business},
		Attributes: []model.Attribute{
			{ID: "sex", Title: "Пол", Statuses: []model.Status{model.Citizen}, Type: model.AttrEnum, Values: []string{"мужской", "женский"}},
			{ID: "age", Title: "Возраст", Statuses: []model.Status{model.Citizen}, Type: model.AttrRange, Values: []string{"18-25", "26-35", "36-50", "51+"}},
			{ID: "region", Title: "Регион", Statuses: []model.Status{model.Citizen, model.Business}, Type: model.AttrEnum, Catalog: "ru-regions"},
			{ID: "note", Title: "Заметка", Statuses: []model.Status{model.Citizen}, Type: model.AttrText},
			{ID: "income", Title: "Доход", Statuses: []model.Status{model.Citizen}, Type: model.AttrRange}, // no buckets
			{ID: "legal-form", Title: "ОПФ", Statuses: []model.Status{model.Business}, Type: model.AttrEnum, Catalog: "okopf"},
		}}
}

// av builds an attribute value; several texts make a list.
func av(key string, texts ...string) model.AttrValue {
	v := model.AttrValue{Key: key, List: len(texts) > 1}
	for _, t := range texts {
		v.Values = append(v.Values, model.Scalar{Text: t})
	}
	return v
}

func TestFrameDims(t *testing.T) {
	f := segments.NewFrame(ls(), model.Citizen)
	var ids []string
	for _, d := range f.Dims {
		ids = append(ids, d.Attr.ID)
	}
	// text and bucketless range attributes have no declared values to compare
	if want := []string{"sex", "age", "region"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("dims %v, want %v", ids, want)
	}
	if n := len(f.Dims[2].Values); n != 89 {
		t.Errorf("ru-regions: %d values, want 89", n)
	}
}

func TestBox(t *testing.T) {
	cases := []struct {
		name     string
		attrs    []model.AttrValue
		want     map[string][]string // attr → listed values; absent: unset (all)
		unmapped bool
	}{
		{"enum value", []model.AttrValue{av("sex", "женский")}, map[string][]string{"sex": {"женский"}}, false},
		{"enum value in other case", []model.AttrValue{av("sex", "Женский")}, map[string][]string{"sex": {"женский"}}, false},
		{"several values, declared order", []model.AttrValue{av("sex", "женский", "мужской")}, map[string][]string{"sex": {"мужской", "женский"}}, false},
		{"number in a bucket", []model.AttrValue{av("age", "20")}, map[string][]string{"age": {"18-25"}}, false},
		{"decimal comma", []model.AttrValue{av("age", "25,5")}, nil, true}, // between 18-25 and 26-35
		{"number on the open bucket", []model.AttrValue{av("age", "70")}, map[string][]string{"age": {"51+"}}, false},
		{"sub-range inside a bucket", []model.AttrValue{av("age", "22-25")}, map[string][]string{"age": {"18-25"}}, false},
		{"sub-range across buckets", []model.AttrValue{av("age", "20-40")}, map[string][]string{"age": {"18-25", "26-35", "36-50"}}, false},
		{"open sub-range", []model.AttrValue{av("age", "40+")}, map[string][]string{"age": {"36-50", "51+"}}, false},
		{"bucket itself", []model.AttrValue{av("age", "26-35")}, map[string][]string{"age": {"26-35"}}, false},
		{"catalogue short names to one entry", []model.AttrValue{av("region", "г. Москва", "77", "Москва")}, map[string][]string{"region": {"Москва"}}, false},
		{"catalogue entries in catalogue order", []model.AttrValue{av("region", "Москва", "Татарстан")}, map[string][]string{"region": {"Республика Татарстан", "Москва"}}, false},
		{"text and bucketless range ignored", []model.AttrValue{av("note", "что угодно"), av("income", "50000")}, map[string][]string{}, false},
		{"undeclared attribute ignored", []model.AttrValue{av("legal-form", "ООО")}, map[string][]string{}, false},
		{"unknown value", []model.AttrValue{av("sex", "мужчина")}, map[string][]string{"sex": {}}, true},
		{"number outside every bucket", []model.AttrValue{av("age", "10")}, map[string][]string{"age": {}}, true},
		{"not a number", []model.AttrValue{av("age", "двадцать")}, map[string][]string{"age": {}}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := segments.NewFrame(ls(), model.Citizen)
			b := f.Box(tc.attrs)
			if b.Unmapped != tc.unmapped {
				t.Errorf("Unmapped = %v, want %v", b.Unmapped, tc.unmapped)
			}
			if tc.want == nil {
				return
			}
			got := map[string][]string{}
			for k, d := range f.Dims {
				if b.Sets[k] != nil {
					got[d.Attr.ID] = d.Names(b.Sets[k])
				}
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("box %v, want %v", got, tc.want)
			}
		})
	}
}

func TestRelation(t *testing.T) {
	cases := []struct {
		name             string
		a, b             []model.AttrValue
		overlap, equal   bool
		shared           map[string][]string
		sharedAttributes []string // in frame order
	}{
		{"disjoint on one attribute", []model.AttrValue{av("sex", "мужской")}, []model.AttrValue{av("sex", "женский")}, false, false,
			map[string][]string{"sex": {}}, []string{"sex"}},
		{"unset allows every value", []model.AttrValue{av("sex", "мужской")}, []model.AttrValue{av("age", "20")}, true, false,
			map[string][]string{"sex": {"мужской"}, "age": {"18-25"}}, []string{"sex", "age"}},
		{"lists meet", []model.AttrValue{av("region", "Москва", "Татарстан")}, []model.AttrValue{av("region", "Татарстан", "Чувашия")}, true, false,
			map[string][]string{"region": {"Республика Татарстан"}}, []string{"region"}},
		{"number and sub-range in one bucket are duplicates", []model.AttrValue{av("age", "20")}, []model.AttrValue{av("age", "19-21")}, true, true,
			map[string][]string{"age": {"18-25"}}, []string{"age"}},
		{"spellings of one entry are duplicates", []model.AttrValue{av("region", "77")}, []model.AttrValue{av("region", "г. Москва")}, true, true,
			map[string][]string{"region": {"Москва"}}, []string{"region"}},
		{"every value listed equals unset", []model.AttrValue{av("sex", "мужской", "женский"), av("age", "20")}, []model.AttrValue{av("age", "20")}, true, true,
			map[string][]string{"sex": {"мужской", "женский"}, "age": {"18-25"}}, []string{"sex", "age"}},
		{"only text attributes: nothing set", []model.AttrValue{av("note", "а")}, []model.AttrValue{av("note", "б")}, true, true,
			map[string][]string{}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := segments.NewFrame(ls(), model.Citizen)
			a, b := f.Box(tc.a), f.Box(tc.b)
			if got := f.Overlap(a, b); got != tc.overlap {
				t.Errorf("Overlap = %v, want %v", got, tc.overlap)
			}
			if got := f.Equal(a, b); got != tc.equal {
				t.Errorf("Equal = %v, want %v", got, tc.equal)
			}
			if got := f.Key(a) == f.Key(b); got != tc.equal {
				t.Errorf("keys equal = %v, want %v", got, tc.equal)
			}
			got := map[string][]string{}
			var attrs []string
			for _, v := range f.Shared(a, b) {
				got[v.Attribute] = v.Values
				attrs = append(attrs, v.Attribute)
			}
			if !reflect.DeepEqual(got, tc.shared) || !reflect.DeepEqual(attrs, tc.sharedAttributes) {
				t.Errorf("Shared = %v (%v), want %v (%v)", got, attrs, tc.shared, tc.sharedAttributes)
			}
		})
	}
}

func profile(id string, st model.Status, attrs ...model.AttrValue) *model.Profile {
	return &model.Profile{ID: id, Title: id, LifeSituation: "vuz", Status: st, Attributes: attrs}
}

func TestAnalyzeSmallWorkspace(t *testing.T) {
	ps := []*model.Profile{
		profile("c-woman", model.Citizen, av("sex", "женский")),
		profile("a-young-man", model.Citizen, av("sex", "мужской"), av("age", "20")),
		profile("b-young-man", model.Citizen, av("sex", "мужской"), av("age", "22-25")),
		profile("d-moscow", model.Citizen, av("region", "Москва")),
		profile("biz", model.Business, av("legal-form", "ООО")),
		profile("other-ls", model.Citizen, av("sex", "женский")),
	}
	ps[5].LifeSituation = "elsewhere"
	res := segments.Analyze([]*model.LifeSituation{ls()}, ps)
	if len(res) != 1 || len(res[0].Statuses) != 2 {
		t.Fatalf("want one life situation with two statuses, got %+v", res)
	}
	cit := res[0].Statuses[0]
	var ids []string
	for _, p := range cit.Profiles {
		ids = append(ids, p.ID)
	}
	if want := []string{"a-young-man", "b-young-man", "c-woman", "d-moscow"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("profiles %v, want %v (sorted by id, other life situations left out)", ids, want)
	}
	var pairs [][2]string
	for _, p := range cit.Overlaps {
		pairs = append(pairs, [2]string{p.A, p.B})
	}
	wantPairs := [][2]string{{"a-young-man", "b-young-man"}, {"a-young-man", "d-moscow"}, {"b-young-man", "d-moscow"}, {"c-woman", "d-moscow"}}
	if !reflect.DeepEqual(pairs, wantPairs) {
		t.Errorf("overlaps %v, want %v", pairs, wantPairs)
	}
	if want := [][2]string{{"a-young-man", "b-young-man"}}; !reflect.DeepEqual(cit.Duplicates, want) {
		t.Errorf("duplicates %v, want %v", cit.Duplicates, want)
	}
	if cit.Relation(0, 1) != segments.Duplicate || cit.Relation(0, 2) != segments.Disjoint || cit.Relation(3, 2) != segments.Overlapping {
		t.Errorf("relations: %v %v %v", cit.Relation(0, 1), cit.Relation(0, 2), cit.Relation(3, 2))
	}
	gaps := map[string][]string{}
	var order []string
	for _, g := range cit.NotSingledOut {
		gaps[g.Attribute] = g.Values.Values
		order = append(order, g.Attribute)
	}
	// sex: both values listed, so it is not reported; age: declared order; region: 88 left
	if !reflect.DeepEqual(order, []string{"age", "region"}) || !reflect.DeepEqual(gaps["age"], []string{"26-35", "36-50", "51+"}) || len(gaps["region"]) != 88 {
		t.Errorf("not singled out: %v %v", order, gaps)
	}
	biz := res[0].Statuses[1]
	if biz.Sentence().IsZero() || len(biz.Overlaps) != 0 {
		t.Errorf("one business profile: want a sentence and no pairs, got %+v", biz)
	}
	// Legacy forms (ОАО, ЗАО) are not candidates for a blind zone.
	for _, g := range biz.NotSingledOut {
		for _, v := range g.Values.Values {
			if v == "Открытое акционерное общество" {
				t.Errorf("legacy form %q reported as not singled out", v)
			}
		}
	}
}

// TestGolden compares every output format, in both languages, on testdata/ws (overlaps, a
// duplicate, one profile, text attributes only, a life situation without profiles) and
// on the bundled examples with testdata/golden. Run with -update to rewrite them.
func TestGolden(t *testing.T) {
	for _, ws := range []struct{ name, dir string }{{"ws", "testdata/ws"}, {"examples", "../../examples"}} {
		res := workspace.Check([]string{ws.dir}, workspace.Options{Keep: workspace.KeepModels})
		if errs, _ := finding.Count(res.Findings); errs > 0 {
			t.Fatalf("%s has errors: %v", ws.dir, res.Findings)
		}
		an := segments.Analyze(res.LifeSituations(), res.Profiles())
		for _, lang := range []i18n.Lang{i18n.RU, i18n.EN} {
			for _, format := range []string{"txt", "json", "md"} {
				if format == "json" && lang == i18n.EN {
					continue // JSON is the same in every language
				}
				var b bytes.Buffer
				var err error
				switch format {
				case "txt":
					err = segments.WriteText(&b, an, lang)
				case "json":
					err = segments.WriteJSON(&b, an)
				case "md":
					err = render.WriteSegments(&b, an, lang)
				}
				if err != nil {
					t.Fatal(err)
				}
				name := filepath.Join("testdata", "golden", ws.name+"."+string(lang)+"."+format)
				if format == "json" {
					name = filepath.Join("testdata", "golden", ws.name+".json")
				}
				if *update {
					if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(name)
				if err != nil {
					t.Fatalf("%v (run with -update)", err)
				}
				if !bytes.Equal(b.Bytes(), want) {
					t.Errorf("%s differs (run with -update and review the diff):\n%s", name, b.String())
				}
			}
		}
	}
}

// TestJSONMatchesEncodingJSON holds the hand-written JSON to encoding/json's bytes on the
// golden workspaces, a generated corpus (hundreds of pairs) and hostile titles.
func TestJSONMatchesEncodingJSON(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.GenerateWith(dir, 4, 40, 7, 0); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"testdata/ws", "../../examples", dir} {
		res := workspace.Check([]string{d}, workspace.Options{Keep: workspace.KeepModels})
		lss := res.LifeSituations()
		an := segments.Analyze(lss, res.Profiles())
		if d == "testdata/ws" {
			// Titles are user text: quotes, control characters, HTML, line separators.
			hostile := *an[0].LS
			hostile.Title = "«\"кавычки\"» <b>&amp;</b> \\ \t\n\u2028\u2029\x01 \xff"
			an[0].LS = &hostile
		}
		var got, want bytes.Buffer
		if err := segments.WriteJSON(&got, an); err != nil {
			t.Fatal(err)
		}
		if err := segments.WriteJSONReference(&want, an); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: WriteJSON differs from encoding/json:\ngot:\n%.3000s\nwant:\n%.3000s", d, got.String(), want.String())
		}
		if d == dir && bytes.Count(got.Bytes(), []byte(`"shared"`)) < 100 {
			t.Errorf("the corpus gave only %d pairs: the test compares too little", bytes.Count(got.Bytes(), []byte(`"shared"`)))
		}
	}
}
