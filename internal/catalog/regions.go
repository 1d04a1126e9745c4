package catalog

import "github.com/profiler-cx/profiler/internal/i18n"

// Subjects of the Russian Federation (субъекты Российской Федерации).
//
// Source: Constitution of the Russian Federation, art. 65 part 1, as amended after the
// admission of Республика Крым and Севастополь (ФКЗ № 6-ФКЗ of 21.03.2014) and of ДНР, ЛНР,
// Запорожская and Херсонская области (ФКЗ № 5-ФКЗ … 8-ФКЗ of 04.10.2022): 89 subjects —
// 24 republics, 9 krais, 48 oblasts, 3 federal cities, 1 autonomous oblast, 4 autonomous okrugs.
//
// Keys are the two-digit region codes used by the tax service (ФНС России; the same codes
// head ИНН and КПП): 01…79, 83, 86, 87, 89, 90…95. They are not ISO 3166-2:RU, which lists
// only 83 subjects.
//
// Names are the constitutional ones, cleaned for display: the doubled forms «Республика
// Адыгея (Адыгея)» and «Республика Татарстан (Татарстан)» are shown without the parenthesis
// and accepted with it.

type regionKind int

const (
	republic regionKind = iota
	krai
	oblast
	federalCity
	autonomousOblast
	autonomousOkrug
)

var regionKindText = [...]i18n.Text{
	republic:         {RU: "Республика", EN: "Republic"},
	krai:             {RU: "Край", EN: "Krai"},
	oblast:           {RU: "Область", EN: "Oblast"},
	federalCity:      {RU: "Город федерального значения", EN: "City of federal significance"},
	autonomousOblast: {RU: "Автономная область", EN: "Autonomous oblast"},
	autonomousOkrug:  {RU: "Автономный округ", EN: "Autonomous okrug"},
}

type region struct {
	code    string
	kind    regionKind
	name    string
	short   string
	aliases []string
}

var regionData = []region{
	{"01", republic, "Республика Адыгея", "", []string{"Республика Адыгея (Адыгея)", "Адыгея"}},
	{"02", republic, "Республика Башкортостан", "", []string{"Башкортостан", "Башкирия"}},
	{"03", republic, "Республика Бурятия", "", []string{"Бурятия"}},
	{"04", republic, "Республика Алтай", "", []string{"Горный Алтай"}},
	{"05", republic, "Республика Дагестан", "", []string{"Дагестан"}},
	{"06", republic, "Республика Ингушетия", "", []string{"Ингушетия"}},
	{"07", republic, "Кабардино-Балкарская Республика", "КБР", []string{"Кабардино-Балкария"}},
	{"08", republic, "Республика Калмыкия", "", []string{"Калмыкия"}},
	{"09", republic, "Карачаево-Черкесская Республика", "КЧР", []string{"Карачаево-Черкесия"}},
	{"10", republic, "Республика Карелия", "", []string{"Карелия"}},
	{"11", republic, "Республика Коми", "", []string{"Коми"}},
	{"12", republic, "Республика Марий Эл", "", []string{"Марий Эл"}},
	{"13", republic, "Республика Мордовия", "", []string{"Мордовия"}},
	{"14", republic, "Республика Саха (Якутия)", "", []string{"Республика Саха", "Саха (Якутия)", "Якутия"}},
	{"15", republic, "Республика Северная Осетия — Алания", "", []string{
		"Республика Северная Осетия", "Северная Осетия — Алания", "Северная Осетия", "Алания", "РСО — Алания"}},
	{"16", republic, "Республика Татарстан", "", []string{"Республика Татарстан (Татарстан)", "Татарстан"}},
	{"17", republic, "Республика Тыва", "", []string{"Тыва", "Тува"}},
	{"18", republic, "Удмуртская Республика", "", []string{"Удмуртия"}},
	{"19", republic, "Республика Хакасия", "", []string{"Хакасия"}},
	{"20", republic, "Чеченская Республика", "", []string{"Чечня"}},
	{"21", republic, "Чувашская Республика — Чувашия", "", []string{"Чувашская Республика", "Чувашия"}},
	{"22", krai, "Алтайский край", "", nil},
	{"23", krai, "Краснодарский край", "", []string{"Кубань"}},
	{"24", krai, "Красноярский край", "", nil},
	{"25", krai, "Приморский край", "", []string{"Приморье"}},
	{"26", krai, "Ставропольский край", "", []string{"Ставрополье"}},
	{"27", krai, "Хабаровский край", "", nil},
	{"28", oblast, "Амурская область", "", nil},
	{"29", oblast, "Архангельская область", "", nil},
	{"30", oblast, "Астраханская область", "", nil},
	{"31", oblast, "Белгородская область", "", nil},
	{"32", oblast, "Брянская область", "", nil},
	{"33", oblast, "Владимирская область", "", nil},
	{"34", oblast, "Волгоградская область", "", nil},
	{"35", oblast, "Вологодская область", "", nil},
	{"36", oblast, "Воронежская область", "", nil},
	{"37", oblast, "Ивановская область", "", nil},
	{"38", oblast, "Иркутская область", "", nil},
	{"39", oblast, "Калининградская область", "", nil},
	{"40", oblast, "Калужская область", "", nil},
	{"41", krai, "Камчатский край", "", []string{"Камчатка"}},
	{"42", oblast, "Кемеровская область — Кузбасс", "", []string{"Кемеровская область", "Кузбасс"}},
	{"43", oblast, "Кировская область", "", nil},
	{"44", oblast, "Костромская область", "", nil},
	{"45", oblast, "Курганская область", "", nil},
	{"46", oblast, "Курская область", "", nil},
	{"47", oblast, "Ленинградская область", "", []string{"Ленобласть"}},
	{"48", oblast, "Липецкая область", "", nil},
	{"49", oblast, "Магаданская область", "", nil},
	{"50", oblast, "Московская область", "", []string{"Подмосковье"}},
	{"51", oblast, "Мурманская область", "", nil},
	{"52", oblast, "Нижегородская область", "", nil},
	{"53", oblast, "Новгородская область", "", nil},
	{"54", oblast, "Новосибирская область", "", nil},
	{"55", oblast, "Омская область", "", nil},
	{"56", oblast, "Оренбургская область", "", nil},
	{"57", oblast, "Орловская область", "", nil},
	{"58", oblast, "Пензенская область", "", nil},
	{"59", krai, "Пермский край", "", nil},
	{"60", oblast, "Псковская область", "", nil},
	{"61", oblast, "Ростовская область", "", nil},
	{"62", oblast, "Рязанская область", "", nil},
	{"63", oblast, "Самарская область", "", nil},
	{"64", oblast, "Саратовская область", "", nil},
	{"65", oblast, "Сахалинская область", "", nil},
	{"66", oblast, "Свердловская область", "", nil},
	{"67", oblast, "Смоленская область", "", nil},
	{"68", oblast, "Тамбовская область", "", nil},
	{"69", oblast, "Тверская область", "", nil},
	{"70", oblast, "Томская область", "", nil},
	{"71", oblast, "Тульская область", "", nil},
	{"72", oblast, "Тюменская область", "", nil},
	{"73", oblast, "Ульяновская область", "", nil},
	{"74", oblast, "Челябинская область", "", nil},
	{"75", krai, "Забайкальский край", "", []string{"Забайкалье"}},
	{"76", oblast, "Ярославская область", "", nil},
	{"77", federalCity, "Москва", "", []string{"город федерального значения Москва"}},
	{"78", federalCity, "Санкт-Петербург", "СПб", []string{"Петербург", "город федерального значения Санкт-Петербург"}},
	{"79", autonomousOblast, "Еврейская автономная область", "ЕАО", nil},
	{"83", autonomousOkrug, "Ненецкий автономный округ", "НАО", nil},
	{"86", autonomousOkrug, "Ханты-Мансийский автономный округ — Югра", "ХМАО", []string{
		"Ханты-Мансийский автономный округ", "ХМАО — Югра", "Югра"}},
	{"87", autonomousOkrug, "Чукотский автономный округ", "ЧАО", []string{"Чукотка"}},
	{"89", autonomousOkrug, "Ямало-Ненецкий автономный округ", "ЯНАО", []string{"Ямал"}},
	{"90", oblast, "Запорожская область", "", nil},
	{"91", republic, "Республика Крым", "", []string{"Крым"}},
	{"92", federalCity, "Севастополь", "", []string{"город федерального значения Севастополь"}},
	{"93", republic, "Донецкая Народная Республика", "ДНР", nil},
	{"94", republic, "Луганская Народная Республика", "ЛНР", nil},
	{"95", oblast, "Херсонская область", "", nil},
}

func regions() *Catalog {
	c := &Catalog{
		ID:     "ru-regions",
		abbrev: regionAbbrev,
		Name:   i18n.Text{RU: "субъекты РФ", EN: "subjects of the Russian Federation"},
		Title:  i18n.Text{RU: "Субъекты Российской Федерации", EN: "Constituent entities of the Russian Federation"},
		Source: i18n.Text{
			RU: "Конституция Российской Федерации, ст. 65 (в ред. ФКЗ от 21.03.2014 № 6-ФКЗ и от 04.10.2022 № 5-ФКЗ — 8-ФКЗ): " +
				"89 субъектов. Коды — коды регионов, применяемые ФНС России (01–95), а не ISO 3166-2:RU.",
			EN: "Constitution of the Russian Federation, art. 65 (as amended by Federal Constitutional Laws 6-FKZ of 21.03.2014 " +
				"and 5-FKZ to 8-FKZ of 04.10.2022): 89 subjects. Codes are the region codes of the Federal Tax Service " +
				"(01–95), not ISO 3166-2:RU.",
		},
	}
	for _, r := range regionData {
		c.Entries = append(c.Entries, Entry{
			Name:        r.name,
			Short:       r.short,
			Code:        r.code,
			Aliases:     r.aliases,
			Description: regionKindText[r.kind],
			federalCity: r.kind == federalCity,
		})
	}
	return c
}
