package catalog

import (
	"slices"
	"testing"
)

func TestPaperworkSpellings(t *testing.T) {
	c, _ := Get("ru-regions")
	for in, want := range map[string]string{
		"Тверская обл":               "Тверская область",
		"Тверская обл.":              "Тверская область",
		"обл. Тверская":              "Тверская область",
		"респ. Татарстан":            "Республика Татарстан",
		"Татарстан респ":             "Республика Татарстан",
		"Краснодарский кр.":          "Краснодарский край",
		"Ненецкий АО":                "Ненецкий автономный округ",
		"Еврейская АО":               "Еврейская автономная область",
		"Москва г.":                  "Москва",
		"г Москва":                   "Москва",
		"Ханты-Мансийский АО — Югра": "Ханты-Мансийский автономный округ — Югра",
		"Кемеровская обл. — Кузбасс": "Кемеровская область — Кузбасс",
	} {
		e, ok := c.Match(in)
		if !ok || e.Name != want {
			got := "<none>"
			if ok {
				got = e.Name
			}
			t.Errorf("Match(%q) = %s, want %s", in, got, want)
		}
	}
	for _, in := range []string{"обл", "Тверская кр.", "респ. Тверская"} {
		if e, ok := c.Match(in); ok {
			t.Errorf("Match(%q) = %s, want none", in, e.Name)
		}
	}
}

func TestCyrillic(t *testing.T) {
	for in, want := range map[string]string{"OOO": "ООО", "OАО": "ОАО", "BG": "ИП", "OOO «Ромашка»": "ООО «Ромашка»", "ЗAO": "ЗАО"} {
		if got := Cyrillic(in); !slices.Contains(got, want) {
			t.Errorf("Cyrillic(%q) = %q, want %q among them", in, got, want)
		}
	}
	for _, in := range []string{"ООО", "Москва"} {
		if got := Cyrillic(in); got != nil {
			t.Errorf("Cyrillic(%q) = %q, want none", in, got)
		}
	}
}
