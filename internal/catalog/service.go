package catalog

import "github.com/profiler-cx/profiler/internal/i18n"

// Kinds of state and municipal service (виды службы).
//
// Sources: Federal Law № 58-ФЗ of 27.05.2003 «О системе государственной службы Российской
// Федерации» (state service: state civil service — federal or of a subject — military
// service, and state service of other kinds); № 79-ФЗ of 27.07.2004 «О государственной
// гражданской службе Российской Федерации»; № 53-ФЗ of 28.03.1998 «О воинской обязанности и
// военной службе»; № 25-ФЗ of 02.03.2007 «О муниципальной службе в Российской Федерации».
//
// Law-enforcement service (правоохранительная служба) is kept because the methodology's
// seed lists it, but its article in 58-ФЗ has been repealed: service in law-enforcement
// bodies is now state service of other kinds. This is noted in the entry; it is not a
// warning, since analysts still use the word.
func serviceKind() *Catalog {
	return &Catalog{
		ID:    "service-kind",
		Name:  i18n.Text{RU: "вид службы", EN: "kind of service"},
		Title: i18n.Text{RU: "Вид государственной (муниципальной) службы", EN: "Kind of state (municipal) service"},
		Source: i18n.Text{
			RU: "Федеральные законы от 27.05.2003 № 58-ФЗ «О системе государственной службы Российской Федерации», " +
				"от 27.07.2004 № 79-ФЗ «О государственной гражданской службе Российской Федерации», " +
				"от 28.03.1998 № 53-ФЗ «О воинской обязанности и военной службе», " +
				"от 02.03.2007 № 25-ФЗ «О муниципальной службе в Российской Федерации». " +
				"Статья 58-ФЗ о правоохранительной службе утратила силу.",
			EN: "Federal Laws No. 58-FZ of 27.05.2003 on the system of state service, No. 79-FZ of 27.07.2004 on " +
				"state civil service, No. 53-FZ of 28.03.1998 on military duty and military service, No. 25-FZ of " +
				"02.03.2007 on municipal service. The article of 58-FZ on law-enforcement service has been repealed.",
		},
		Entries: []Entry{
			{Name: "Государственная гражданская служба", Short: "государственная гражданская",
				Aliases: []string{"гражданская служба", "ГГС", "государственная гражданская служба Российской Федерации",
					"государственная гражданская служба РФ"},
				Description: i18n.Text{
					RU: "Федеральная или субъекта РФ (58-ФЗ; 79-ФЗ)",
					EN: "Federal or of a subject of the Russian Federation (58-FZ; 79-FZ)",
				}},
			{Name: "Федеральная государственная гражданская служба", Short: "федеральная гражданская",
				Aliases:     []string{"федеральная государственная гражданская"},
				Description: i18n.Text{RU: "58-ФЗ; 79-ФЗ", EN: "58-FZ; 79-FZ"}},
			{Name: "Государственная гражданская служба субъекта Российской Федерации", Short: "гражданская служба субъекта РФ",
				Aliases: []string{"государственная гражданская служба субъекта РФ", "государственная гражданская субъекта РФ",
					"региональная гражданская служба"},
				Description: i18n.Text{RU: "58-ФЗ; 79-ФЗ; законы субъектов РФ", EN: "58-FZ; 79-FZ; laws of the subjects"}},
			{Name: "Военная служба", Short: "военная",
				Description: i18n.Text{RU: "58-ФЗ; 53-ФЗ «О воинской обязанности и военной службе»", EN: "58-FZ; 53-FZ on military duty and military service"}},
			{Name: "Правоохранительная служба", Short: "правоохранительная",
				Description: i18n.Text{
					RU: "Вид службы из исходной методики; статья 58-ФЗ о правоохранительной службе утратила силу, " +
						"сейчас это государственная служба иных видов (например, служба в органах внутренних дел)",
					EN: "A kind listed by the original methodology; the article of 58-FZ on law-enforcement service has been " +
						"repealed, such service is now state service of other kinds (e.g. service in internal affairs bodies)",
				}},
			{Name: "Муниципальная служба", Short: "муниципальная",
				Description: i18n.Text{RU: "25-ФЗ «О муниципальной службе в Российской Федерации»", EN: "25-FZ on municipal service"}},
		},
	}
}
