package render

import "github.com/profiler-cx/profiler/internal/i18n"

// labels are every fixed word the default templates print, by key. Templates read them as
// {{.L.key}}; a custom template may use them too.
var labels = map[string]i18n.Text{
	// card (the seed's template: «шаблон карточки профиля»)
	"lsTitle":        {RU: "Название ЖС", EN: "Life situation"},
	"profileTitle":   {RU: "Название профиля", EN: "Profile"},
	"status":         {RU: "Статус клиента", EN: "Client status"},
	"stage":          {RU: "Этап", EN: "Stage"},
	"attributes":     {RU: "Основные признаки", EN: "Main attributes"},
	"attribute":      {RU: "Признак", EN: "Attribute"},
	"value":          {RU: "Значение", EN: "Value"},
	"journey":        {RU: "Особенности клиентского пути", EN: "Client journey features"},
	"pains":          {RU: "Боли", EN: "Pains"},
	"channels":       {RU: "Предпочтительные каналы связи", EN: "Preferred interaction channels"},
	"informing":      {RU: "Информирование", EN: "Informing"},
	"service":        {RU: "Получение услуг", EN: "Receiving services"},
	"notes":          {RU: "Дополнительно", EN: "Additional notes"},
	"priority":       {RU: "Параметры приоритизации (II этап)", EN: "Prioritisation parameters (stage II)"},
	"parameter":      {RU: "Параметр", EN: "Parameter"},
	"source":         {RU: "Источник", EN: "Source"},
	"note":           {RU: "Примечание", EN: "Note"},
	"capacity":       {RU: "Емкость сегмента", EN: "Segment capacity"},
	"satisfaction":   {RU: "Уровень удовлетворенности", EN: "Satisfaction"},
	"uniqueProblems": {RU: "Уникальность проблем", EN: "Unique problems"},
	"blindZone":      {RU: "Слепая зона", EN: "Blind zone"},
	"customerFocus":  {RU: "Позиция заказчика", EN: "Customer's focus"},
	"hypotheses":     {RU: "Гипотезы", EN: "Hypotheses"},
	"hypothesis":     {RU: "Гипотеза", EN: "Hypothesis"},
	"hStatus":        {RU: "Статус", EN: "Status"},
	"evidence":       {RU: "Обоснование", EN: "Evidence"},
	"sources":        {RU: "Источники", EN: "Sources"},
	"history":        {RU: "История изменений", EN: "History"},
	"date":           {RU: "Дата", EN: "Date"},
	"change":         {RU: "Изменение", EN: "Change"},
	"basis":          {RU: "Основание", EN: "Basis"},
	"sourceFile":     {RU: "Исходный файл", EN: "Source file"},
	"overviewLink":   {RU: "Обзор жизненной ситуации", EN: "Life situation overview"},
	"indexLink":      {RU: "Все жизненные ситуации", EN: "All life situations"},
	"fromSource":     {RU: "источник", EN: "source"},
	// overview
	"owner":        {RU: "Заказчик", EN: "Commissioning body"},
	"statuses":     {RU: "Статусы клиентов", EN: "Client statuses"},
	"services":     {RU: "Услуги (сервисы), функции, меры поддержки", EN: "Services, functions, support measures"},
	"serviceName":  {RU: "Название", EN: "Title"},
	"serviceType":  {RU: "Тип", EN: "Type"},
	"catalogue":    {RU: "Признаки для сегментации (I этап)", EN: "Attributes for segmentation (stage I)"},
	"keyFindings":  {RU: "Ключевые выводы", EN: "Key findings"},
	"kfProfiles":   {RU: "Профилей", EN: "Profiles"},
	"kfFirst":      {RU: "Исследовать в первую очередь", EN: "Research first"},
	"hConfirmed":   {RU: "подтверждены", EN: "confirmed"},
	"hRefuted":     {RU: "опровергнуты", EN: "refuted"},
	"hOpen":        {RU: "требуют проверки", EN: "open"},
	"noData":       {RU: "Нет данных для оценки", EN: "No data to rank"},
	"noDataIntro":  {RU: "Нет данных для оценки — не заданы емкость сегмента или уровень удовлетворенности, поэтому профили ниже не включены в порядок исследования (это не значит, что они наименее важны)", EN: "No data to rank — segment capacity or satisfaction is not set, so the profiles below are left out of the research order (which does not make them the least important)"},
	"notSet":       {RU: "не задано", EN: "not set"},
	"onScale":      {RU: "по шкале", EN: "on the scale"},
	"updated":      {RU: "Последнее изменение", EN: "Last updated"},
	"chartTitle":   {RU: "Емкость и удовлетворенность", EN: "Capacity and satisfaction"},
	"chartLegend":  {RU: "На диаграмме точки — номера профилей в таблице выше. По горизонтали — емкость сегмента как доля наибольшей среди профилей этого статуса ({status}); по вертикали — удовлетворенность на ее шкале ({scale}), середина шкалы — на средней линии.", EN: "The points on the chart are the profiles' numbers in the table above. Across: segment capacity as a share of the largest among the profiles of this status ({status}); up: satisfaction on its scale ({scale}), the middle of the scale on the midline."},
	"attrType":     {RU: "Тип", EN: "Type"},
	"values":       {RU: "Значения", EN: "Values"},
	"unit":         {RU: "Единица", EN: "Unit"},
	"ranking":      {RU: "Приоритеты исследования", EN: "Research priorities"},
	"rank":         {RU: "№", EN: "#"},
	"profile":      {RU: "Профиль", EN: "Profile"},
	"score":        {RU: "Оценка", EN: "Score"},
	"extraFlags":   {RU: "Доп. параметры", EN: "Additional"},
	"chart":        {RU: "Емкость и удовлетворенность", EN: "Capacity and satisfaction"},
	"notOnChart":   {RU: "Нет на диаграмме (не заданы емкость или удовлетворенность)", EN: "Not on the chart (capacity or satisfaction not set)"},
	"noProfiles":   {RU: "Профилей пока нет.", EN: "No profiles yet."},
	"profilesList": {RU: "Профили", EN: "Profiles"},
	// index
	"indexTitle": {RU: "Профили клиентских сегментов", EN: "Client-segment profiles"},
	"indexIntro": {RU: "Жизненные ситуации и число профилей по статусам клиентов и этапам.", EN: "Life situations with their profile counts by client status and stage."},
	"ls":         {RU: "Жизненная ситуация", EN: "Life situation"},
	"profiles":   {RU: "Профилей", EN: "Profiles"},
	"total":      {RU: "Итого", EN: "Total"},
	"noLS":       {RU: "Жизненных ситуаций пока нет.", EN: "No life situations yet."},
	"yes":        {RU: "да", EN: "yes"},
	"no":         {RU: "нет", EN: "no"},
	"of":         {RU: "из", EN: "of"},
	"anyNumber":  {RU: "любое число", EN: "any number"},
	"freeText":   {RU: "свободный текст", EN: "free text"},
	"catalogRef": {RU: "справочник", EN: "catalogue"},
	"typeEnum":   {RU: "перечень", EN: "list"},
	"typeRange":  {RU: "интервалы", EN: "ranges"},
	"typeText":   {RU: "текст", EN: "text"},
	"chartX":     {RU: "Малая емкость", EN: "Small capacity"},
	"chartX2":    {RU: "Большая емкость", EN: "Large capacity"},
	"chartY":     {RU: "Низкая удовлетворенность", EN: "Low satisfaction"},
	"chartY2":    {RU: "Высокая удовлетворенность", EN: "High satisfaction"},
	"quadrant1":  {RU: "Крупные, довольны", EN: "Large, satisfied"},
	"quadrant2":  {RU: "Небольшие, довольны", EN: "Small, satisfied"},
	"quadrant3":  {RU: "Небольшие, недовольны", EN: "Small, dissatisfied"},
	"quadrant4":  {RU: "Исследовать в первую очередь", EN: "Research first"},
	"rankingRule": {
		RU: "Профили сравниваются только внутри одного статуса клиента. Порядок — по убыванию оценки = доля емкости от наибольшей среди профилей статуса × (1 − место удовлетворенности на ее шкале: 0 в начале шкалы, 1 в конце); при равной оценке выше тот, у кого больше дополнительных параметров со значением «да» (уникальность проблем, слепая зона, позиция заказчика), затем по названию.",
		EN: "Profiles are compared only within one client status. Order: by descending score = capacity as a share of the largest among the status's profiles × (1 − satisfaction's place on its scale: 0 at the start, 1 at the end); on equal scores the one with more additional parameters set to yes (unique problems, blind zone, customer's focus) ranks higher, then by title.",
	},
}

// sourceKinds names the attribute sources of the format.
var sourceKinds = map[string]i18n.Text{
	"npa":              {RU: "НПА", EN: "laws and regulations"},
	"application-form": {RU: "формы заявлений", EN: "application forms"},
	"expert-table":     {RU: "таблица экспертов", EN: "expert table"},
	"research":         {RU: "исследования", EN: "research"},
	"other":            {RU: "другое", EN: "other"},
}

// catalogNames names the built-in catalogues in words.
var catalogNames = map[string]i18n.Text{
	"ru-regions":    {RU: "субъекты РФ", EN: "subjects of the Russian Federation"},
	"okopf":         {RU: "ОКОПФ", EN: "OKOPF legal forms"},
	"business-size": {RU: "размер бизнеса", EN: "business size"},
	"entity-type":   {RU: "тип субъекта", EN: "entity type"},
	"service-kind":  {RU: "вид службы", EN: "kind of service"},
}

func resolveLabels(lang i18n.Lang) map[string]string {
	m := make(map[string]string, len(labels))
	for k, v := range labels {
		m[k] = v.In(lang)
	}
	return m
}
