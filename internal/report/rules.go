package report

import (
	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
)

// Rule describes one rule id for formats that list the rules they can report (SARIF's
// tool.driver.rules). The registry mirrors the README's Rules table; a test parses the
// sources for every `Rule… = "id"` constant and fails when one is missing here.
type Rule struct {
	ID       string
	Severity finding.Severity // the usual severity; a finding may still carry another
	Short    i18n.Text
}

// Rules lists every rule id profiler can report, in the README's order.
var Rules = []Rule{
	{"yaml-syntax", finding.Error, i18n.Text{RU: "файл не является корректным YAML", EN: "the file is not valid YAML"}},
	{"yaml-duplicate-key", finding.Error, i18n.Text{RU: "ключ повторяется в одном словаре", EN: "a key appears twice in one mapping"}},
	{"yaml-multiple-documents", finding.Error, i18n.Text{RU: "в файле больше одного документа (---)", EN: "a second --- document in the file"}},
	{"yaml-empty", finding.Error, i18n.Text{RU: "в файле нет документа", EN: "the file has no document"}},
	{"yaml-non-string-key", finding.Error, i18n.Text{RU: "ключ, который YAML читает как число, логическое значение или null", EN: "a key that YAML reads as a number, boolean or null"}},
	{"yaml-decimal-comma", finding.Error, i18n.Text{RU: "десятичная запятая в {…}: YAML делит 4,5 на два поля", EN: "a decimal comma inside {…}: YAML splits 4,5 into two fields"}},
	{"yaml-special-float", finding.Error, i18n.Text{RU: ".inf или .nan вместо числа", EN: ".inf or .nan where a number is expected"}},
	{"yaml-limit", finding.Error, i18n.Text{RU: "слишком много ссылок (alias) или слишком глубокая вложенность", EN: "too many aliases or too deep nesting"}},
	{"yaml-alias-cycle", finding.Error, i18n.Text{RU: "ссылка (alias) на саму себя", EN: "an alias that refers to itself"}},
	{"yaml-bad-merge", finding.Error, i18n.Text{RU: "ключ слияния << не со словарем", EN: "a << merge key whose value is not a mapping"}},
	{"yaml-internal", finding.Error, i18n.Text{RU: "внутренняя ошибка разбора YAML", EN: "internal error while parsing YAML"}},
	{"internal", finding.Error, i18n.Text{RU: "внутренняя ошибка проверки", EN: "internal error of the check"}},
	{"encoding", finding.Error, i18n.Text{RU: "файл не в UTF-8, содержит нулевые байты или перевод строки, который видит только YAML (одиночный CR, NEL, LS, PS)", EN: "not UTF-8, NUL bytes, or a line break only YAML counts (lone CR, NEL, LS, PS)"}},
	{"file-too-large", finding.Error, i18n.Text{RU: "файл слишком большой", EN: "the file is too large"}},
	{"file-not-regular", finding.Error, i18n.Text{RU: "не обычный файл", EN: "not a regular file"}},
	{"file-read", finding.Error, i18n.Text{RU: "файл не удается прочитать", EN: "the file cannot be read"}},
	{"symlink-outside", finding.Error, i18n.Text{RU: "символическая ссылка ведёт за пределы проверяемой папки", EN: "a symbolic link leads outside the checked folder"}},
	{"path-not-found", finding.Error, i18n.Text{RU: "путь не существует", EN: "the path does not exist"}},
	{"schema-type", finding.Error, i18n.Text{RU: "неверный тип значения", EN: "wrong type"}},
	{"schema-enum", finding.Error, i18n.Text{RU: "значение вне списка допустимых", EN: "a value outside the allowed list"}},
	{"schema-required", finding.Error, i18n.Text{RU: "нет обязательного поля", EN: "a required field is missing"}},
	{"schema-unknown-key", finding.Error, i18n.Text{RU: "ключ, которого нет в формате", EN: "a key the format does not know"}},
	{"schema-format", finding.Error, i18n.Text{RU: "значение не в нужном формате (id, дата, интервал)", EN: "a value not in the required format (id, date, bucket)"}},
	{"schema-range", finding.Error, i18n.Text{RU: "число меньше допустимого минимума", EN: "a number below its minimum"}},
	{"schema-empty", finding.Error, i18n.Text{RU: "пустой список там, где нужен хотя бы один элемент", EN: "an empty list where at least one item is required"}},
	{"schema-duplicate", finding.Error, i18n.Text{RU: "одно значение дважды в списке уникальных", EN: "the same value twice in a list that must be unique"}},
	{"schema-conflict", finding.Error, i18n.Text{RU: "поля, которые исключают друг друга", EN: "fields that exclude each other"}},
	{"stage-gate", finding.Error, i18n.Text{RU: "для этапа профиля не хватает содержания", EN: "the profile's stage needs content it does not have yet"}},
	{"duplicate-id", finding.Error, i18n.Text{RU: "повторяющийся идентификатор", EN: "two items share an id"}},
	{"attribute-status", finding.Error, i18n.Text{RU: "признак описывает статус, которого нет в ЖС", EN: "an attribute describes a status the life situation does not list"}},
	{"range-bucket", finding.Error, i18n.Text{RU: "интервал с началом больше конца или пересекающиеся интервалы", EN: "a bucket whose start is above its end, or overlapping buckets"}},
	{"ls-unresolved", finding.Error, i18n.Text{RU: "lifeSituation не указывает ни на одну ЖС", EN: "lifeSituation names no life situation among the checked files"}},
	{"ls-folder", finding.Warning, i18n.Text{RU: "профиль лежит в папке другой ЖС, чем его lifeSituation", EN: "a profile lies in the folder of another life situation than its lifeSituation"}},
	{"profile-status", finding.Error, i18n.Text{RU: "статус профиля не входит в статусы ЖС", EN: "the profile's status is not among its life situation's statuses"}},
	{"attribute-undeclared", finding.Error, i18n.Text{RU: "признак не объявлен в ЖС для этого статуса", EN: "an attribute not declared in the life situation for this status"}},
	{"attribute-value", finding.Error, i18n.Text{RU: "значение вне объявленных значений, интервалов или справочника", EN: "a value outside the declared values, buckets or catalogue"}},
	{"attribute-spelling", finding.Warning, i18n.Text{RU: "значение совпадает с объявленным лишь без учета регистра или «ё/е»", EN: "a value that matches a declared one only ignoring case or «ё/е»"}},
	{"catalog-legacy", finding.Warning, i18n.Text{RU: "устаревшая запись справочника (ОАО, ЗАО)", EN: "a legacy catalogue entry (ОАО, ЗАО)"}},
	{"yaml-unquoted", finding.Warning, i18n.Text{RU: "значение, которое YAML читает как другое число: возьмите в кавычки", EN: "a value that YAML reads as a different number: quote it"}},
	{"file-name", finding.Warning, i18n.Text{RU: "файл профиля назван не <id>.yaml", EN: "a profile file not named <id>.yaml"}},
	{"file-name-case", finding.Error, i18n.Text{RU: "пути файлов отличаются только регистром букв (в Windows и macOS это один файл)", EN: "file paths that differ only in letter case (one file on Windows and macOS)"}},
	{"priority-missing", finding.Warning, i18n.Text{RU: "нет емкости или удовлетворенности", EN: "no capacity or satisfaction"}},
	{"satisfaction-scale", finding.Error, i18n.Text{RU: "удовлетворенность выше своей шкалы", EN: "satisfaction above its scale"}},
	{"history-order", finding.Error, i18n.Text{RU: "даты истории идут не по возрастанию", EN: "history dates not ascending"}},
	{"segment-duplicate", finding.Warning, i18n.Text{RU: "профиль описывает тот же сегмент, что и другой профиль ЖС и статуса", EN: "a profile describes the same segment as another of its life situation and status"}},
}

// ruleIndex returns the registry entry for id, or a bare one for an id not registered.
func ruleIndex(id string) (Rule, bool) {
	for _, r := range Rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{ID: id, Severity: finding.Error, Short: i18n.Same(id)}, false
}
