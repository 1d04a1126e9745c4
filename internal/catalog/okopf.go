package catalog

import "github.com/profiler-cx/profiler/internal/i18n"

// Legal forms (организационно-правовые формы).
//
// Source: ОК 028-2012 «Общероссийский классификатор организационно-правовых форм» (ОКОПФ),
// adopted by Rosstandart order № 505-ст of 16.10.2012, with amendment 2/2014 that followed
// the Civil Code reform of Federal Law № 99-ФЗ of 05.05.2014 (ОАО/ЗАО → ПАО/непубличное АО).
// The classifier names forms in the plural («Общества с ограниченной ответственностью»);
// entries use the singular a user writes.
//
// Only the forms a client segment is plausibly described by are listed, not the whole
// classifier. The legacy forms ОАО, ЗАО and ОДО have no current code: they are accepted with
// a warning that names the form that replaced them.
func okopf() *Catalog {
	return &Catalog{
		ID:    "okopf",
		Name:  i18n.Text{RU: "ОКОПФ", EN: "OKOPF legal forms"},
		Title: i18n.Text{RU: "Организационно-правовые формы (ОКОПФ)", EN: "Legal forms (OKOPF)"},
		Source: i18n.Text{
			RU: "ОК 028-2012 «Общероссийский классификатор организационно-правовых форм» (ОКОПФ), " +
				"принят приказом Росстандарта от 16.10.2012 № 505-ст; ГК РФ в ред. Федерального закона от 05.05.2014 № 99-ФЗ.",
			EN: "OK 028-2012 All-Russian Classifier of Legal Forms (OKOPF), adopted by Rosstandart order No. 505-st " +
				"of 16.10.2012; Civil Code as amended by Federal Law No. 99-FZ of 05.05.2014.",
		},
		Entries: []Entry{
			// Commercial corporate organisations (1 00 00).
			{Name: "Общество с ограниченной ответственностью", Short: "ООО", Code: "12300"},
			{Name: "Публичное акционерное общество", Short: "ПАО", Code: "12247"},
			{Name: "Акционерное общество (непубличное)", Short: "АО", Code: "12267",
				Aliases: []string{"Акционерное общество", "Непубличное акционерное общество"}},
			{Name: "Открытое акционерное общество", Short: "ОАО", Legacy: &i18n.Text{
				RU: "ОАО — форма, упраздненная в 2014 г. (ГК РФ в ред. Федерального закона от 05.05.2014 № 99-ФЗ); " +
					"сейчас это ПАО (публичное акционерное общество) или АО (непубличное акционерное общество)",
				EN: "ОАО (open joint-stock company) is a legal form abolished in 2014 (Civil Code as amended by " +
					"Federal Law No. 99-FZ of 05.05.2014); today it is a ПАО (public joint-stock company) " +
					"or an АО (non-public joint-stock company)",
			}},
			{Name: "Закрытое акционерное общество", Short: "ЗАО", Legacy: &i18n.Text{
				RU: "ЗАО — форма, упраздненная в 2014 г. (ГК РФ в ред. Федерального закона от 05.05.2014 № 99-ФЗ); " +
					"сейчас это АО (непубличное акционерное общество)",
				EN: "ЗАО (closed joint-stock company) is a legal form abolished in 2014 (Civil Code as amended by " +
					"Federal Law No. 99-FZ of 05.05.2014); today it is an АО (non-public joint-stock company)",
			}},
			{Name: "Общество с дополнительной ответственностью", Short: "ОДО", Legacy: &i18n.Text{
				RU: "ОДО — форма, упраздненная в 2014 г. (ГК РФ в ред. Федерального закона от 05.05.2014 № 99-ФЗ); " +
					"к таким обществам применяются правила об ООО (обществе с ограниченной ответственностью)",
				EN: "ОДО (additional liability company) is a legal form abolished in 2014 (Civil Code as amended by " +
					"Federal Law No. 99-FZ of 05.05.2014); the rules on the ООО (limited liability company) apply to it",
			}},
			{Name: "Полное товарищество", Code: "11051"},
			{Name: "Товарищество на вере", Code: "11064",
				Aliases: []string{"Коммандитное товарищество", "Товарищество на вере (коммандитное товарищество)"}},
			{Name: "Хозяйственное партнерство", Code: "13000"},
			{Name: "Сельскохозяйственный производственный кооператив", Short: "СПК", Code: "14100"},
			{Name: "Производственный кооператив", Short: "ПК", Code: "14200",
				Aliases: []string{"Производственный кооператив (артель)", "Артель"}},
			{Name: "Крестьянское (фермерское) хозяйство", Short: "КФХ", Code: "15300",
				Aliases: []string{"Крестьянское фермерское хозяйство", "Фермерское хозяйство", "Крестьянское хозяйство"}},

			// Individuals in business (5 00 00).
			{Name: "Индивидуальный предприниматель", Short: "ИП", Code: "50102", Aliases: []string{"ПБОЮЛ"}},
			{Name: "Глава крестьянского (фермерского) хозяйства", Short: "Глава КФХ", Code: "50101",
				Aliases: []string{"ИП глава КФХ", "Глава крестьянского фермерского хозяйства"}},

			// Commercial unitary organisations (6 00 00).
			{Name: "Федеральное государственное унитарное предприятие", Short: "ФГУП", Code: "65241"},
			{Name: "Государственное унитарное предприятие субъекта Российской Федерации", Short: "ГУП", Code: "65242",
				Aliases: []string{"Государственное унитарное предприятие", "Государственное унитарное предприятие субъекта РФ"}},
			{Name: "Муниципальное унитарное предприятие", Short: "МУП", Code: "65243"},
			{Name: "Федеральное казенное предприятие", Short: "ФКП", Code: "65141"},
			{Name: "Казенное предприятие субъекта Российской Федерации", Code: "65142",
				Aliases: []string{"Казенное предприятие субъекта РФ"}},
			{Name: "Муниципальное казенное предприятие", Short: "МКП", Code: "65143"},

			// Non-commercial corporate organisations (2 00 00).
			{Name: "Потребительский кооператив", Code: "20100"},
			{Name: "Общественная организация", Code: "20200"},
			{Name: "Ассоциация (союз)", Aliases: []string{"Ассоциация", "Союз"}}, // code not verified: left empty
			{Name: "Товарищество собственников недвижимости", Short: "ТСН", Code: "20700"},
			{Name: "Товарищество собственников жилья", Short: "ТСЖ", Code: "20716"},

			// Non-commercial unitary organisations (7 00 00).
			{Name: "Фонд", Code: "70400"},
			{Name: "Благотворительный фонд", Code: "70401"},
			{Name: "Автономная некоммерческая организация", Short: "АНО", Code: "71400"},
			{Name: "Религиозная организация", Code: "71500"},
			{Name: "Публично-правовая компания", Short: "ППК", Code: "71600"},
			{Name: "Государственная корпорация", Short: "Госкорпорация", Code: "71601"},
			{Name: "Федеральное государственное автономное учреждение", Short: "ФГАУ", Code: "75101"},
			{Name: "Федеральное государственное бюджетное учреждение", Short: "ФГБУ", Code: "75103"},
			{Name: "Федеральное государственное казенное учреждение", Short: "ФГКУ", Code: "75104"},
			{Name: "Государственное автономное учреждение субъекта Российской Федерации", Short: "ГАУ", Code: "75201",
				Aliases: []string{"Государственное автономное учреждение", "Государственное автономное учреждение субъекта РФ"}},
			{Name: "Государственное бюджетное учреждение субъекта Российской Федерации", Short: "ГБУ", Code: "75203",
				Aliases: []string{"Государственное бюджетное учреждение", "Государственное бюджетное учреждение субъекта РФ"}},
			{Name: "Государственное казенное учреждение субъекта Российской Федерации", Short: "ГКУ", Code: "75204",
				Aliases: []string{"Государственное казенное учреждение", "Государственное казенное учреждение субъекта РФ"}},
			{Name: "Муниципальное автономное учреждение", Short: "МАУ", Code: "75401"},
			{Name: "Муниципальное бюджетное учреждение", Short: "МБУ", Code: "75403"},
			{Name: "Муниципальное казенное учреждение", Short: "МКУ", Code: "75404"},
			{Name: "Частное учреждение", Short: "ЧУ", Code: "75500"},
		},
	}
}
