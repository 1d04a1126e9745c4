package catalog

import "github.com/profiler-cx/profiler/internal/i18n"

// Business size (категория субъекта МСП).
//
// Source: Federal Law № 209-ФЗ of 24.07.2007 «О развитии малого и среднего
// предпринимательства в Российской Федерации», art. 4 (average headcount for the previous
// calendar year), and Government decree (ПП РФ) № 265 of 04.04.2016 (income from business
// for the previous calendar year):
//
//	микропредприятие   ≤ 15 employees,    income ≤ 120 mln ₽
//	малое предприятие  ≤ 100 employees,   income ≤ 800 mln ₽
//	среднее предприятие 101–250 employees, income ≤ 2 bn ₽
//
// «Крупное» is not a term of 209-ФЗ: it is everything above the medium thresholds.
// The seed writes «крупный, средний, малый» (agreeing with «бизнес»), so every gender of the
// adjective is accepted.
func businessSize() *Catalog {
	return &Catalog{
		ID:    "business-size",
		Name:  i18n.Text{RU: "размер бизнеса", EN: "business size"},
		Title: i18n.Text{RU: "Размер бизнеса", EN: "Business size"},
		Source: i18n.Text{
			RU: "Федеральный закон от 24.07.2007 № 209-ФЗ «О развитии малого и среднего предпринимательства " +
				"в Российской Федерации», ст. 4; постановление Правительства РФ от 04.04.2016 № 265 " +
				"«О предельных значениях дохода, полученного от осуществления предпринимательской деятельности, " +
				"для каждой категории субъектов малого и среднего предпринимательства».",
			EN: "Federal Law No. 209-FZ of 24.07.2007 on the development of small and medium-sized business " +
				"in the Russian Federation, art. 4; Government Decree No. 265 of 04.04.2016 on income limits " +
				"for each category of small and medium-sized business.",
		},
		Entries: []Entry{
			{Name: "Микропредприятие", Short: "микро",
				Aliases: []string{"микро-предприятие", "микробизнес", "микро бизнес", "субъект микропредпринимательства"},
				Description: i18n.Text{
					RU: "До 15 работников включительно и доход за год не более 120 млн ₽ (209-ФЗ, ст. 4; ПП РФ № 265 от 04.04.2016)",
					EN: "Up to 15 employees and annual income up to RUB 120 mln (209-FZ art. 4; Government Decree No. 265 of 04.04.2016)",
				}},
			{Name: "Малое предприятие", Short: "малое",
				Aliases: []string{"малый", "малая", "малые", "малый бизнес", "малое предприятие", "малая организация"},
				Description: i18n.Text{
					RU: "До 100 работников включительно и доход за год не более 800 млн ₽ (209-ФЗ, ст. 4; ПП РФ № 265 от 04.04.2016)",
					EN: "Up to 100 employees and annual income up to RUB 800 mln (209-FZ art. 4; Government Decree No. 265 of 04.04.2016)",
				}},
			{Name: "Среднее предприятие", Short: "среднее",
				Aliases: []string{"средний", "средняя", "средние", "средний бизнес", "средняя организация"},
				Description: i18n.Text{
					RU: "От 101 до 250 работников и доход за год не более 2 млрд ₽ (209-ФЗ, ст. 4; ПП РФ № 265 от 04.04.2016)",
					EN: "101 to 250 employees and annual income up to RUB 2 bn (209-FZ art. 4; Government Decree No. 265 of 04.04.2016)",
				}},
			{Name: "Крупное предприятие", Short: "крупное",
				Aliases: []string{"крупный", "крупная", "крупные", "крупный бизнес", "крупная организация"},
				Description: i18n.Text{
					RU: "Выше порогов среднего предприятия: более 250 работников или доход за год более 2 млрд ₽ (не относится к МСП)",
					EN: "Above the medium-sized thresholds: over 250 employees or annual income over RUB 2 bn (not an SME)",
				}},
		},
	}
}

// Entity type (тип субъекта экономической деятельности).
//
// Sources: Civil Code of the Russian Federation, art. 48 (legal entity) and art. 23
// (individual entrepreneur); Federal Law № 422-ФЗ of 27.11.2018 (the professional income tax,
// налог на профессиональный доход, НПД, paid by the self-employed).
func entityType() *Catalog {
	return &Catalog{
		ID:    "entity-type",
		Name:  i18n.Text{RU: "тип субъекта", EN: "entity type"},
		Title: i18n.Text{RU: "Тип субъекта экономической деятельности", EN: "Type of economic entity"},
		Source: i18n.Text{
			RU: "Гражданский кодекс РФ, ст. 48 (юридическое лицо) и ст. 23 (индивидуальный предприниматель); " +
				"Федеральный закон от 27.11.2018 № 422-ФЗ (налог на профессиональный доход).",
			EN: "Civil Code of the Russian Federation, art. 48 (legal entity) and art. 23 (individual entrepreneur); " +
				"Federal Law No. 422-FZ of 27.11.2018 (professional income tax).",
		},
		Entries: []Entry{
			{Name: "Юридическое лицо", Short: "ЮЛ",
				Aliases:     []string{"юрлицо", "юр. лицо", "юр лицо"},
				Description: i18n.Text{RU: "Организация (ГК РФ, ст. 48)", EN: "An organisation (Civil Code art. 48)"}},
			{Name: "Индивидуальный предприниматель", Short: "ИП",
				Aliases:     []string{"ПБОЮЛ", "предприниматель без образования юридического лица"},
				Description: i18n.Text{RU: "Гражданин, зарегистрированный как ИП (ГК РФ, ст. 23)", EN: "A citizen registered as an individual entrepreneur (Civil Code art. 23)"}},
			{Name: "Самозанятый", Short: "НПД",
				Aliases: []string{"самозанятая", "самозанятые", "самозанятый гражданин",
					"плательщик НПД", "плательщик налога на профессиональный доход", "налог на профессиональный доход"},
				Description: i18n.Text{
					RU: "Физическое лицо — плательщик налога на профессиональный доход (422-ФЗ от 27.11.2018)",
					EN: "An individual paying the professional income tax (422-FZ of 27.11.2018)",
				}},
		},
	}
}
