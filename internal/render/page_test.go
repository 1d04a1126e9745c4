package render

import (
	"strings"
	"testing"

	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/model"
)

// readerInput is a life situation with two client statuses, a unit, a range and a
// catalogue attribute, and profiles with and without the main parameters.
func readerInput() ([]*model.LifeSituation, []*model.Profile) {
	ls := &model.LifeSituation{ID: "ls", Title: "ЖС", Statuses: []model.Status{model.Citizen, model.Business},
		Attributes: []model.Attribute{
			{ID: "age", Title: "Возраст", Type: model.AttrRange, Unit: "лет", Values: []string{"18-25", "26+"}, Statuses: []model.Status{model.Citizen}},
			{ID: "region", Title: "Регион", Type: model.AttrEnum, Catalog: "ru-regions", Statuses: []model.Status{model.Citizen}},
		}}
	num := func(v float64, note string) model.Param {
		return model.Param{Set: true, Number: v, Scale: 5, ScaleFrom: 1, Note: note}
	}
	mk := func(id string, st model.Status, pr model.Priority, attrs ...model.AttrValue) *model.Profile {
		return &model.Profile{ID: id, LifeSituation: "ls", Title: strings.ToUpper(id), Status: st, Stage: model.StageSegment, Priority: pr, Attributes: attrs}
	}
	ps := []*model.Profile{
		mk("a", model.Citizen, model.Priority{Capacity: num(5000, "около 5000"), Satisfaction: num(2.6, "")},
			model.AttrValue{Key: "age", Values: []model.Scalar{{Text: "52", Number: true, Canonical: "52"}}},
			model.AttrValue{Key: "region", Values: []model.Scalar{{Text: "г. Москва"}}}),
		mk("b", model.Citizen, model.Priority{Capacity: num(100, "")},
			model.AttrValue{Key: "age", Values: []model.Scalar{{Text: "18-25"}}},
			model.AttrValue{Key: "region", Values: []model.Scalar{{Text: "77"}}}),
		mk("c", model.Business, model.Priority{Capacity: num(46000, ""), Satisfaction: num(4, "")}),
	}
	ps[0].History = []model.HistoryEntry{{Date: "2026-01-02", Change: "x"}, {Date: "2026-03-04", Change: "y"}}
	return []*model.LifeSituation{ls}, ps
}

func TestReaderFixes(t *testing.T) {
	lss, ps := readerInput()
	r := &renderer{opts: Options{Lang: i18n.RU}, L: resolveLabels(i18n.RU)}
	b := r.builder()
	a, bb := b.card(lss[0], ps[0], true), b.card(lss[0], ps[1], true)
	if a.Attributes[0] != (Row{"Возраст, лет", "52"}) || bb.Attributes[0] != (Row{"Возраст, лет", "18–25"}) {
		t.Errorf("unit not in the label or range without en dash: %v %v", a.Attributes, bb.Attributes)
	}
	if a.Attributes[1].Value != "Москва" || bb.Attributes[1].Value != "Москва" {
		t.Errorf("catalogue values not canonical: %v %v", a.Attributes[1], bb.Attributes[1])
	}
	if a.Priority[0].Value != "5000 (около 5000)" {
		t.Errorf("capacity note not beside the number: %q", a.Priority[0].Value)
	}
	if a.StageMeaning != "выделен по признакам, не исследован" || a.Updated != "2026-03-04" || bb.Updated != "" {
		t.Errorf("stage meaning %q, updated %q %q", a.StageMeaning, a.Updated, bb.Updated)
	}
	o := b.overview(lss[0], ps)
	if len(o.Groups) != 2 || o.Groups[0].Status != model.Citizen || o.Groups[1].Status != model.Business {
		t.Fatalf("groups: %+v", o.Groups)
	}
	cit := o.Groups[0]
	if len(cit.Ranked) != 1 || len(cit.NoData) != 1 || cit.NoData[0].Profile.Text != "B" {
		t.Errorf("citizens: ranked %v, no data %v", cit.Ranked, cit.NoData)
	}
	// 2.6 on 1–5 is below the scale's middle (3): below the midline.
	if y := cit.Ranked[0].Y; y >= 0.5 {
		t.Errorf("2.6 of 1–5 at y=%v, want below 0.5", y)
	}
	// Each status's largest capacity is its own right edge: 5000 citizens are not a
	// sliver of 46 000 businesses.
	if coord(cit.Ranked[0].X) != "0.95" || coord(o.Groups[1].Ranked[0].X) != "0.95" {
		t.Errorf("x: %v %v", cit.Ranked[0].X, o.Groups[1].Ranked[0].X)
	}
	if o.NoData != 1 || len(o.First) != 2 {
		t.Errorf("findings: no data %d, first %v", o.NoData, o.First)
	}
	page, err := Site(lss, ps, Options{Lang: i18n.RU})
	if err != nil {
		t.Fatal(err)
	}
	ov := string(page[1].Data)
	for _, want := range []string{"## Ключевые выводы", "### Граждане", "### Представители бизнеса", "Нет данных для оценки", "| не задано |", `"1": [0.95, 0.41]`} {
		if !strings.Contains(ov, want) {
			t.Errorf("overview lacks %q:\n%s", want, ov)
		}
	}
	if strings.Index(ov, "## Ключевые выводы") > strings.Index(ov, "## Признаки для сегментации") {
		t.Error("key findings after the attribute catalogue")
	}
}
