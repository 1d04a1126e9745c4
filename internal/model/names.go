package model

import "strings"

// namesOfIDs are the Russian (and English) words analysts write where the format wants an
// id — «stage: гипотеза», «status: бизнес», «подтверждена» — so that messages and flags can
// answer «может быть, hypothesis?». Keys are lower-case with «ё» as «е».
var namesOfIDs = map[string][]string{
	// Client statuses.
	"citizen":  {"гражданин", "граждане", "гражданка", "физлицо", "физическое лицо", "житель"},
	"business": {"бизнес", "представитель бизнеса", "предприниматель", "юрлицо", "юридическое лицо", "организация", "business representative"},
	"internal": {"внутренний", "внутренний клиент", "сотрудник", "служащий", "internal client"},
	// Profile stages.
	"segment":    {"сегмент", "сегментация", "ii этап", "ii", "2"},
	"hypothesis": {"гипотеза", "формирование", "формирование профиля", "iii этап", "iii", "3"},
	"refined":    {"уточнен", "уточнение", "уточненный", "уточнение профиля", "iv этап", "iv", "4"},
	"final":      {"закреплен", "закрепленный", "закрепление", "финал", "финальный", "итоговый"},
	// Hypothesis states.
	"open":      {"открыта", "открытая", "требует проверки", "не проверена", "проверяется"},
	"confirmed": {"подтверждена", "подтвержден", "подтверждено", "подтвердилась"},
	"refuted":   {"опровергнута", "опровергнут", "опровергнуто", "отклонена", "не подтвердилась"},
	// Service types.
	"service":         {"услуга", "сервис", "государственная услуга", "госуслуга"},
	"function":        {"функция", "государственная функция", "госфункция"},
	"support-measure": {"мера поддержки", "мера", "поддержка"},
}

// IDByName returns the id among allowed that the word s names («гипотеза» → hypothesis),
// or "". A stage written with its number («уточнен (IV этап)», as the cards show it) counts.
func IDByName(s string, allowed []string) string {
	k := strings.ToLower(strings.TrimSpace(s))
	k = strings.ReplaceAll(k, "ё", "е")
	k = strings.Trim(k, "«»\"'. ")
	if i := strings.Index(k, " ("); i > 0 {
		k = strings.TrimSpace(k[:i])
	}
	if k == "" {
		return ""
	}
	for _, id := range allowed {
		for _, n := range namesOfIDs[id] {
			if n == k {
				return id
			}
		}
	}
	return ""
}

// NamesOf returns the words IDByName takes for id.
func NamesOf(id string) []string { return namesOfIDs[id] }
