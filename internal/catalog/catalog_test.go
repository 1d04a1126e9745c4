package catalog

import (
	"slices"
	"strings"
	"testing"
)

func mustGet(t testing.TB, id string) *Catalog {
	t.Helper()
	c, ok := Get(id)
	if !ok {
		t.Fatalf("Get(%q): not found", id)
	}
	return c
}

func TestIDs(t *testing.T) {
	want := []string{"business-size", "entity-type", "okopf", "ru-regions", "service-kind"}
	if got := IDs(); !slices.Equal(got, want) {
		t.Fatalf("IDs() = %v, want %v", got, want)
	}
	all := All()
	if len(all) != len(want) {
		t.Fatalf("All() returned %d catalogues, want %d", len(all), len(want))
	}
	for i, c := range all {
		if c.ID != want[i] {
			t.Errorf("All()[%d].ID = %q, want %q", i, c.ID, want[i])
		}
		if c.Title.RU == "" || c.Title.EN == "" || c.Source.RU == "" || c.Source.EN == "" {
			t.Errorf("%s: Title and Source need both languages", c.ID)
		}
		if len(c.Entries) == 0 {
			t.Errorf("%s: no entries", c.ID)
		}
	}
	if _, ok := Get("no-such"); ok {
		t.Error(`Get("no-such") found a catalogue`)
	}
}

func TestRegionsCount(t *testing.T) {
	c := mustGet(t, "ru-regions")
	if n := len(c.Entries); n != 89 {
		t.Fatalf("ru-regions has %d entries, want 89", n)
	}
	// Constitution art. 65: 24 republics, 9 krais, 48 oblasts, 3 federal cities,
	// 1 autonomous oblast, 4 autonomous okrugs.
	want := map[string]int{
		"Republic": 24, "Krai": 9, "Oblast": 48, "City of federal significance": 3,
		"Autonomous oblast": 1, "Autonomous okrug": 4,
	}
	got := map[string]int{}
	for _, e := range c.Entries {
		got[e.Description.EN]++
		if len(e.Code) != 2 || !isDigits(e.Code) {
			t.Errorf("%s: code %q is not two digits", e.Name, e.Code)
		}
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%d entries of kind %q, want %d", got[k], k, n)
		}
	}
}

// TestUnique checks every catalogue for duplicate codes and names, and that no spelling
// (name, short name, alias, code) of one entry normalises to a spelling of another.
func TestUnique(t *testing.T) {
	for _, c := range All() {
		t.Run(c.ID, func(t *testing.T) {
			codes, names := map[string]string{}, map[string]string{}
			for _, e := range c.Entries {
				if e.Code != "" {
					if prev, ok := codes[e.Code]; ok {
						t.Errorf("code %s used by %q and %q", e.Code, prev, e.Name)
					}
					codes[e.Code] = e.Name
				}
				n := Normalize(e.Name)
				if prev, ok := names[n]; ok {
					t.Errorf("name %q repeats %q", e.Name, prev)
				}
				names[n] = e.Name
				if e.Legacy != nil && (e.Legacy.RU == "" || e.Legacy.EN == "") {
					t.Errorf("%s: legacy text needs both languages", e.Name)
				}
				if e.Description.RU == "" != (e.Description.EN == "") {
					t.Errorf("%s: description in one language only", e.Name)
				}
			}
			fresh := &Catalog{ID: c.ID, Entries: c.Entries}
			if err := fresh.build(); err != nil {
				t.Error(err)
			}
			// Every spelling of an entry leads back to that entry.
			for i := range c.Entries {
				e := &c.Entries[i]
				for _, s := range append([]string{e.Name, e.Short, e.Code}, e.Aliases...) {
					if s == "" {
						continue
					}
					if got, ok := c.Match(s); !ok || got != e {
						t.Errorf("Match(%q) = %v, %v; want %q", s, got, ok, e.Name)
					}
				}
			}
		})
	}
}

func TestBuildRejectsCollision(t *testing.T) {
	c := &Catalog{ID: "test", Entries: []Entry{
		{Name: "Первый", Aliases: []string{"общий"}},
		{Name: "Второй", Short: "ОБЩИЙ"},
	}}
	if err := c.build(); err == nil || !strings.Contains(err.Error(), "names both") {
		t.Fatalf("build() = %v, want a collision error", err)
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		catalog, value string
		want           string // Name of the expected entry; "" = no match
		legacy         []string
	}{
		// Regions: full names, short names, codes, case, ё, spacing, dashes, quotes.
		{"ru-regions", "Московская область", "Московская область", nil},
		{"ru-regions", "  московская   ОБЛАСТЬ. ", "Московская область", nil},
		{"ru-regions", "50", "Московская область", nil},
		{"ru-regions", "Краснодарский край", "Краснодарский край", nil},
		{"ru-regions", "23", "Краснодарский край", nil},
		{"ru-regions", "Москва", "Москва", nil},
		{"ru-regions", "г. Москва", "Москва", nil},
		{"ru-regions", "г.Москва", "Москва", nil},
		{"ru-regions", "город Москва", "Москва", nil},
		{"ru-regions", "77", "Москва", nil},
		{"ru-regions", "СПб", "Санкт-Петербург", nil},
		{"ru-regions", "Петербург", "Санкт-Петербург", nil},
		{"ru-regions", "г. Санкт-Петербург", "Санкт-Петербург", nil},
		{"ru-regions", "78", "Санкт-Петербург", nil},
		{"ru-regions", "Севастополь", "Севастополь", nil},
		{"ru-regions", "город Севастополь", "Севастополь", nil},
		{"ru-regions", "92", "Севастополь", nil},
		{"ru-regions", "Крым", "Республика Крым", nil},
		{"ru-regions", "91", "Республика Крым", nil},
		{"ru-regions", "Республика Татарстан (Татарстан)", "Республика Татарстан", nil},
		{"ru-regions", "Татарстан", "Республика Татарстан", nil},
		{"ru-regions", "Башкирия", "Республика Башкортостан", nil},
		{"ru-regions", "Якутия", "Республика Саха (Якутия)", nil},
		{"ru-regions", "Чувашия", "Чувашская Республика — Чувашия", nil},
		{"ru-regions", "Удмуртия", "Удмуртская Республика", nil},
		{"ru-regions", "КБР", "Кабардино-Балкарская Республика", nil},
		{"ru-regions", "Кабардино-Балкария", "Кабардино-Балкарская Республика", nil},
		{"ru-regions", "КЧР", "Карачаево-Черкесская Республика", nil},
		{"ru-regions", "Карачаево-Черкесия", "Карачаево-Черкесская Республика", nil},
		{"ru-regions", "Северная Осетия", "Республика Северная Осетия — Алания", nil},
		{"ru-regions", "Алания", "Республика Северная Осетия — Алания", nil},
		{"ru-regions", "Республика Северная Осетия-Алания", "Республика Северная Осетия — Алания", nil},
		{"ru-regions", "Кузбасс", "Кемеровская область — Кузбасс", nil},
		{"ru-regions", "Кемеровская область - Кузбасс", "Кемеровская область — Кузбасс", nil},
		{"ru-regions", "Кемеровская область", "Кемеровская область — Кузбасс", nil},
		{"ru-regions", "Югра", "Ханты-Мансийский автономный округ — Югра", nil},
		{"ru-regions", "ХМАО", "Ханты-Мансийский автономный округ — Югра", nil},
		{"ru-regions", "ХМАО-Югра", "Ханты-Мансийский автономный округ — Югра", nil},
		{"ru-regions", "ЯНАО", "Ямало-Ненецкий автономный округ", nil},
		{"ru-regions", "НАО", "Ненецкий автономный округ", nil},
		{"ru-regions", "ЕАО", "Еврейская автономная область", nil},
		{"ru-regions", "ЧАО", "Чукотский автономный округ", nil},
		{"ru-regions", "ДНР", "Донецкая Народная Республика", nil},
		{"ru-regions", "93", "Донецкая Народная Республика", nil},
		{"ru-regions", "ЛНР", "Луганская Народная Республика", nil},
		{"ru-regions", "94", "Луганская Народная Республика", nil},
		{"ru-regions", "Запорожская область", "Запорожская область", nil},
		{"ru-regions", "90", "Запорожская область", nil},
		{"ru-regions", "Херсонская область", "Херсонская область", nil},
		{"ru-regions", "95", "Херсонская область", nil},
		{"ru-regions", "«Тульская область»", "Тульская область", nil},
		{"ru-regions", "\"Тульская область\"", "Тульская область", nil},
		{"ru-regions", "Республика Марий Эл", "Республика Марий Эл", nil},
		{"ru-regions", "Орёл", "", nil},
		{"ru-regions", "г. Краснодарский край", "", nil},            // the city prefix is for federal cities only
		{"ru-regions", "Московская обл", "Московская область", nil}, // issue 12: paperwork abbreviations are accepted
		{"ru-regions", "", "", nil},
		{"ru-regions", "ISO RU-MOW", "", nil},

		// OKOPF: abbreviations, full names, codes, legacy forms.
		{"okopf", "ООО", "Общество с ограниченной ответственностью", nil},
		{"okopf", "ооо", "Общество с ограниченной ответственностью", nil},
		{"okopf", "Общество с ограниченной ответственностью", "Общество с ограниченной ответственностью", nil},
		{"okopf", "12300", "Общество с ограниченной ответственностью", nil},
		{"okopf", "1 23 00", "Общество с ограниченной ответственностью", nil},
		{"okopf", "ПАО", "Публичное акционерное общество", nil},
		{"okopf", "12247", "Публичное акционерное общество", nil},
		{"okopf", "АО", "Акционерное общество (непубличное)", nil},
		{"okopf", "акционерное общество", "Акционерное общество (непубличное)", nil},
		{"okopf", "12267", "Акционерное общество (непубличное)", nil},
		{"okopf", "ИП", "Индивидуальный предприниматель", nil},
		{"okopf", "50102", "Индивидуальный предприниматель", nil},
		{"okopf", "МУП", "Муниципальное унитарное предприятие", nil},
		{"okopf", "АНО", "Автономная некоммерческая организация", nil},
		{"okopf", "ГБУ", "Государственное бюджетное учреждение субъекта Российской Федерации", nil},
		{"okopf", "муниципальное казённое учреждение", "Муниципальное казенное учреждение", nil},
		{"okopf", "ОАО", "Открытое акционерное общество", []string{"ПАО", "АО", "99-", "2014"}},
		{"okopf", "открытое акционерное общество", "Открытое акционерное общество", []string{"ПАО", "АО"}},
		{"okopf", "ЗАО", "Закрытое акционерное общество", []string{"АО", "99-", "2014"}},
		{"okopf", "ОДО", "Общество с дополнительной ответственностью", []string{"ООО"}},
		{"okopf", "ОООО", "", nil},
		{"okopf", "LLC", "", nil},

		// Business size: every gender of the adjective.
		{"business-size", "малый", "Малое предприятие", nil},
		{"business-size", "малое", "Малое предприятие", nil},
		{"business-size", "Малая", "Малое предприятие", nil},
		{"business-size", "средний", "Среднее предприятие", nil},
		{"business-size", "среднее", "Среднее предприятие", nil},
		{"business-size", "крупный", "Крупное предприятие", nil},
		{"business-size", "крупное", "Крупное предприятие", nil},
		{"business-size", "микро", "Микропредприятие", nil},
		{"business-size", "микропредприятие", "Микропредприятие", nil},
		{"business-size", "огромный", "", nil},

		// Entity type.
		{"entity-type", "ЮЛ", "Юридическое лицо", nil},
		{"entity-type", "юридическое лицо", "Юридическое лицо", nil},
		{"entity-type", "ИП", "Индивидуальный предприниматель", nil},
		{"entity-type", "самозанятый", "Самозанятый", nil},
		{"entity-type", "Плательщик НПД", "Самозанятый", nil},
		{"entity-type", "ФЛ", "", nil},

		// Service kind, including the seed's short adjectives.
		{"service-kind", "государственная гражданская", "Государственная гражданская служба", nil},
		{"service-kind", "правоохранительная", "Правоохранительная служба", nil},
		{"service-kind", "военная", "Военная служба", nil},
		{"service-kind", "Муниципальная служба", "Муниципальная служба", nil},
		{"service-kind", "федеральная государственная гражданская служба", "Федеральная государственная гражданская служба", nil},
		{"service-kind", "дипломатическая", "", nil},
	}
	for _, tt := range tests {
		c := mustGet(t, tt.catalog)
		e, ok := c.Match(tt.value)
		if tt.want == "" {
			if ok {
				t.Errorf("%s: Match(%q) = %q, want no match", tt.catalog, tt.value, e.Name)
			}
			continue
		}
		if !ok {
			t.Errorf("%s: Match(%q): no match, want %q", tt.catalog, tt.value, tt.want)
			continue
		}
		if e.Name != tt.want {
			t.Errorf("%s: Match(%q) = %q, want %q", tt.catalog, tt.value, e.Name, tt.want)
		}
		if (e.Legacy != nil) != (tt.legacy != nil) {
			t.Errorf("%s: Match(%q).Legacy = %v, want legacy %v", tt.catalog, tt.value, e.Legacy, tt.legacy != nil)
			continue
		}
		for _, w := range tt.legacy {
			if !strings.Contains(e.Legacy.RU, w) || !strings.Contains(e.Legacy.EN, w) {
				t.Errorf("%s: Match(%q).Legacy does not name %q in both languages: %+v", tt.catalog, tt.value, w, *e.Legacy)
			}
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Московская область", "московская область"},
		{"  Московская \t  ОБЛАСТЬ  ", "московская область"},
		{"Орёл", "орел"},
		{"ЁЛКА", "елка"},
		{"«ООО»", "ооо"},
		{`"ООО"`, "ооо"},
		{"'ООО'", "ооо"},
		{"„Рога“ и ”копыта”", "рога и копыта"},
		{"г. Москва.", "г. москва"},
		{"ООО...", "ооо"},
		{"Кемеровская область — Кузбасс", "кемеровская область-кузбасс"},
		{"Кемеровская область-Кузбасс", "кемеровская область-кузбасс"},
		{"ХМАО – Югра", "хмао-югра"},
		{"a\u00a0b", "a b"},
		{"", ""},
		{" . ", ""},
		{"1 23 00", "1 23 00"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	tests := []struct {
		catalog, value string
		n              int
		first          string // expected best suggestion; "" = none at all
	}{
		{"ru-regions", "Московская обл", 3, "Московская область"},
		{"ru-regions", "Московская обл.", 3, "Московская область"},
		{"ru-regions", "Краснодар", 3, "Краснодарский край"},
		{"ru-regions", "Масковская облость", 3, "Московская область"},
		{"ru-regions", "Татарстан республика", 3, "Республика Татарстан"},
		{"ru-regions", "Ставрпольский край", 3, "Ставропольский край"},
		{"okopf", "ОООО", 3, "Общество с ограниченной ответственностью"},
		{"okopf", "Общество с ограниченой ответственностью", 3, "Общество с ограниченной ответственностью"},
		{"business-size", "средний бизнесс", 2, "Среднее предприятие"},
		{"service-kind", "гражданская", 3, "Государственная гражданская служба"},
		{"ru-regions", "qwertyuiop", 3, ""},
		{"ru-regions", "", 3, ""},
	}
	for _, tt := range tests {
		c := mustGet(t, tt.catalog)
		got := c.Suggest(tt.value, tt.n)
		if len(got) > tt.n {
			t.Errorf("%s: Suggest(%q, %d) returned %d entries", tt.catalog, tt.value, tt.n, len(got))
		}
		if tt.first == "" {
			if len(got) != 0 {
				t.Errorf("%s: Suggest(%q) = %v, want none", tt.catalog, tt.value, names(got))
			}
			continue
		}
		if len(got) == 0 || got[0].Name != tt.first {
			t.Errorf("%s: Suggest(%q) = %v, want %q first", tt.catalog, tt.value, names(got), tt.first)
		}
	}
	if got := mustGet(t, "ru-regions").Suggest("Московская", 0); got != nil {
		t.Errorf("Suggest with n=0 = %v, want nil", names(got))
	}
}

func names(es []*Entry) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Name
	}
	return out
}

func TestLabel(t *testing.T) {
	c := mustGet(t, "okopf")
	e, _ := c.Match("ООО")
	if got, want := e.Label(), "Общество с ограниченной ответственностью (ООО)"; got != want {
		t.Errorf("Label() = %q, want %q", got, want)
	}
	e, _ = c.Match("фонд")
	if got, want := e.Label(), "Фонд"; got != want {
		t.Errorf("Label() = %q, want %q", got, want)
	}
}

func BenchmarkMatch(b *testing.B) {
	c := mustGet(b, "ru-regions")
	values := []string{"Московская область", "г. Москва", "КБР", "Ханты-Мансийский автономный округ — Югра", "Нигде"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		c.Match(values[i%len(values)])
	}
}

func BenchmarkSuggest(b *testing.B) {
	c := mustGet(b, "ru-regions")
	b.ReportAllocs()
	for b.Loop() {
		c.Suggest("Масковская облость", 3)
	}
}

// FuzzNormalize checks that normalising twice changes nothing (the index stores normalised
// spellings and Match normalises the value once) and that Match never panics.
func FuzzNormalize(f *testing.F) {
	for _, c := range All() {
		for _, e := range c.Entries {
			f.Add(e.Name)
			f.Add(e.Short)
		}
	}
	f.Add("  г.  «Москва» — . ")
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if again := Normalize(n); again != n {
			t.Fatalf("Normalize(%q) = %q, but Normalize of that = %q", s, n, again)
		}
		c, _ := Get("ru-regions")
		c.Match(s)
	})
}

// Cards name a catalogue in words from Catalog.Name; every catalogue has it in both languages.
func TestEveryCatalogueHasAName(t *testing.T) {
	if got, want := len(Listed()), len(IDs()); got != want {
		t.Fatalf("Listed has %d ids, IDs %d", got, want)
	}
	for _, c := range All() {
		if c.Name.RU == "" || c.Name.EN == "" {
			t.Errorf("%s: Name is missing a language: %+v", c.ID, c.Name)
		}
	}
}
