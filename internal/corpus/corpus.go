// Package corpus generates synthetic workspaces of life situations and profiles for
// benchmarks and tool comparisons.
//
// A corpus is deterministic: the same (lss, perLS, seed) always gives byte-identical files.
// It looks like the bundled examples — Russian text, every status and stage, catalogue
// values, quoted dates (so js-yaml based tools read them as strings), profiles of about
// 1.3 KB — and about [MistakeShare] of the profiles carry one typical mistake (an
// undeclared or misspelled attribute, a status the life situation lacks, a wrong life
// situation id, a missing field, an unknown stage, history out of order, a YAML syntax
// error...), so a run exercises the reporting paths too.
package corpus

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/profiler-cx/profiler/internal/catalog"
)

// MistakeShare is the share of profiles generated with one deliberate mistake.
const MistakeShare = 0.05

// ErrNotEmpty is returned when the target folder already has entries.
var ErrNotEmpty = errors.New("corpus: target folder is not empty")

// Generate writes lss life-situation folders with perLS profiles each under dir, which
// must be missing or empty. Folder i is named <topic>-<i>, with life-situation.yaml and
// profiles/<id>.yaml. About [MistakeShare] of the profiles carry a mistake.
func Generate(dir string, lss, perLS int, seed int64) error {
	return GenerateWith(dir, lss, perLS, seed, MistakeShare)
}

// GenerateWith is [Generate] with the share of profiles with a mistake given (0: a
// clean corpus, e.g. for render, which refuses input with errors).
func GenerateWith(dir string, lss, perLS int, seed int64, mistakes float64) error {
	if lss < 0 || perLS < 0 {
		return fmt.Errorf("corpus: negative size %d×%d", lss, perLS)
	}
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		return fmt.Errorf("%w: %s", ErrNotEmpty, dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i := range lss {
		// One stream per life situation: the files of folder i do not depend on how many
		// folders come before it, so corpora of different sizes share their prefix.
		r := rand.New(rand.NewPCG(uint64(seed), uint64(i)))
		ls := newLS(r, i)
		lsDir := filepath.Join(dir, ls.id)
		if err := os.MkdirAll(filepath.Join(lsDir, "profiles"), 0o755); err != nil {
			return err
		}
		if err := writeNew(filepath.Join(lsDir, "life-situation.yaml"), ls.yaml()); err != nil {
			return err
		}
		for j := range perLS {
			name, body := ls.profile(r, j, mistakes)
			if err := writeNew(filepath.Join(lsDir, "profiles", name), body); err != nil {
				return err
			}
		}
	}
	return nil
}

func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// topic is a life situation template.
type topic struct {
	slug, title, owner, description string
	statuses                        []string
	services                        []svc
	extra                           []attr // attributes specific to the topic
}

type svc struct{ id, title, kind string }

// attr is an attribute declaration; values are the allowed values (enum, range) and
// pick returns a valid value for a profile.
type attr struct {
	id, title, kind, unit, catalog string
	statuses                       []string
	values                         []string
	sources                        []string
}

var topics = []topic{
	{slug: "postuplenie-v-vuz", title: "Поступление в вуз", owner: "Минобрнауки России",
		description: "Абитуриент выбирает вуз и направление подготовки, подает документы, проходит вступительные испытания и получает решение о зачислении.",
		statuses:    []string{"citizen"},
		services: []svc{{"priem-dokumentov", "Прием документов на обучение", "service"},
			{"zachislenie", "Зачисление на обучение", "function"},
			{"predostavlenie-obshhezhitiya", "Предоставление места в общежитии", "service"}},
		extra: []attr{
			{id: "education-form", title: "Форма обучения", kind: "enum", statuses: []string{"citizen"},
				values: []string{"очная", "очно-заочная", "заочная"}, sources: []string{"npa", "application-form"}},
			{id: "funding", title: "Основа обучения", kind: "enum", statuses: []string{"citizen"},
				values: []string{"бюджетная", "платная"}, sources: []string{"npa", "application-form"}},
		}},
	{slug: "priobretenie-transportnogo-sredstva", title: "Приобретение транспортного средства", owner: "Минпромторг России",
		description: "Покупка нового или подержанного транспортного средства за собственные средства, в кредит или в лизинг, регистрация в Госавтоинспекции.",
		statuses:    []string{"citizen", "business"},
		services: []svc{{"registraciya-transportnogo-sredstva", "Государственная регистрация транспортного средства", "service"},
			{"lgotnoe-avtokreditovanie", "Льготное автокредитование", "support-measure"},
			{"ischislenie-transportnogo-naloga", "Исчисление транспортного налога", "function"}},
		extra: []attr{
			{id: "purchase-method", title: "Способ приобретения", kind: "enum", statuses: []string{"citizen", "business"},
				values: []string{"за собственные средства", "в кредит", "в лизинг"}, sources: []string{"application-form", "research"}},
			{id: "vehicle-condition", title: "Состояние транспортного средства", kind: "enum", statuses: []string{"citizen", "business"},
				values: []string{"новое", "с пробегом"}, sources: []string{"application-form"}},
		}},
	{slug: "registraciya-biznesa", title: "Регистрация бизнеса", owner: "ФНС России",
		description: "Государственная регистрация юридического лица или индивидуального предпринимателя, выбор системы налогообложения и открытие счета.",
		statuses:    []string{"business"},
		services: []svc{{"registraciya-yul", "Государственная регистрация юридического лица", "service"},
			{"registraciya-ip", "Государственная регистрация индивидуального предпринимателя", "service"},
			{"grant-na-start", "Грант на создание собственного дела", "support-measure"}},
		extra: []attr{
			{id: "tax-system", title: "Система налогообложения", kind: "enum", statuses: []string{"business"},
				values: []string{"ОСНО", "УСН", "ПСН", "ЕСХН"}, sources: []string{"npa", "application-form"}},
			{id: "submission-way", title: "Способ подачи документов", kind: "enum", statuses: []string{"business"},
				values: []string{"лично", "через МФЦ", "через ЕПГУ", "через нотариуса"}, sources: []string{"application-form"}},
		}},
	{slug: "uvolnenie-s-gosudarstvennoj-sluzhby", title: "Увольнение с государственной службы", owner: "Минтруд России",
		description: "Служащий прекращает службу: оформляет документы об увольнении, получает выплаты и справки, встает на учет.",
		statuses:    []string{"internal"},
		services: []svc{{"oformlenie-uvolneniya", "Оформление увольнения", "function"},
			{"vydacha-spravok", "Выдача справок о службе и доходах", "service"}},
		extra: []attr{
			{id: "dismissal-reason", title: "Основание увольнения", kind: "enum", statuses: []string{"internal"},
				values:  []string{"по собственному желанию", "по истечении срока контракта", "по состоянию здоровья", "по сокращению"},
				sources: []string{"npa", "other"}},
		}},
	{slug: "rozhdenie-rebenka", title: "Рождение ребенка", owner: "Социальный фонд России",
		description: "Родители регистрируют рождение ребенка, оформляют пособия, материнский капитал и полис ОМС, записываются в детскую поликлинику.",
		statuses:    []string{"citizen"},
		services: []svc{{"registraciya-rozhdeniya", "Государственная регистрация рождения", "service"},
			{"edinoe-posobie", "Единое пособие на детей", "support-measure"},
			{"materinskij-kapital", "Материнский (семейный) капитал", "support-measure"}},
		extra: []attr{
			{id: "child-number", title: "Очередность рождения ребенка", kind: "enum", statuses: []string{"citizen"},
				values: []string{"первый", "второй", "третий и последующие"}, sources: []string{"npa", "application-form"}},
			{id: "family-income", title: "Среднедушевой доход семьи", kind: "range", unit: "тыс. руб.", statuses: []string{"citizen"},
				values: []string{"0-15", "16-30", "31-60", "61+"}, sources: []string{"research"}},
		}},
	{slug: "poluchenie-licenzii", title: "Получение лицензии", owner: "Росаккредитация",
		description: "Соискатель готовит документы, подает заявление о предоставлении лицензии, проходит оценку соответствия и получает выписку из реестра.",
		statuses:    []string{"business", "citizen"},
		services: []svc{{"predostavlenie-licenzii", "Предоставление лицензии", "service"},
			{"ocenka-sootvetstviya", "Оценка соответствия соискателя", "function"}},
		extra: []attr{
			{id: "activity-kind", title: "Лицензируемый вид деятельности", kind: "enum", statuses: []string{"business", "citizen"},
				values: []string{"медицинская", "образовательная", "фармацевтическая", "перевозки пассажиров"}, sources: []string{"npa"}},
		}},
}

// Attributes common to every topic, per status.
var commonAttrs = []attr{
	{id: "sex", title: "Пол", kind: "enum", statuses: []string{"citizen"}, values: []string{"мужской", "женский"},
		sources: []string{"npa", "application-form"}},
	{id: "age", title: "Возраст", kind: "range", unit: "лет", statuses: []string{"citizen"},
		values: []string{"18-25", "26-35", "36-50", "51+"}, sources: []string{"application-form"}},
	{id: "disability", title: "Инвалидность", kind: "enum", statuses: []string{"citizen"}, values: []string{"да", "нет"},
		sources: []string{"npa"}},
	{id: "entity-type", title: "Тип субъекта экономической деятельности", kind: "enum", catalog: "entity-type",
		statuses: []string{"business"}, sources: []string{"application-form"}},
	{id: "legal-form", title: "Организационно-правовая форма", kind: "enum", catalog: "okopf",
		statuses: []string{"business"}, sources: []string{"application-form"}},
	{id: "business-size", title: "Размер бизнеса", kind: "enum", catalog: "business-size",
		statuses: []string{"business"}, sources: []string{"npa", "expert-table"}},
	{id: "employees", title: "Среднесписочная численность работников", kind: "range", unit: "чел.",
		statuses: []string{"business"}, values: []string{"0-15", "16-100", "101-250", "251+"}, sources: []string{"research"}},
	{id: "service-kind", title: "Вид службы", kind: "enum", catalog: "service-kind",
		statuses: []string{"internal"}, sources: []string{"npa", "other"}},
	{id: "length-of-service", title: "Стаж службы", kind: "range", unit: "лет",
		statuses: []string{"internal"}, values: []string{"0-5", "6-10", "11-20", "21+"}, sources: []string{"other"}},
	{id: "region", title: "Регион", kind: "enum", catalog: "ru-regions", statuses: []string{"citizen", "business", "internal"},
		sources: []string{"application-form"}},
}

var (
	journeySteps = []string{
		"Ищет информацию о порядке получения услуги на сайте ведомства",
		"Уточняет перечень документов по телефону горячей линии",
		"Подает заявление через ЕПГУ и ждет результата в личном кабинете",
		"Записывается на прием в МФЦ через портал",
		"Повторно приходит в отделение, потому что не хватило одного документа",
		"Получает уведомление о приостановке рассмотрения заявления",
		"Оплачивает государственную пошлину со скидкой при подаче через ЕПГУ",
		"Получает результат услуги в электронном виде",
	}
	pains = []string{
		"Перечень документов на сайте не совпадает с тем, что требуют в отделении",
		"Нет свободного времени записи на прием в ближайшие две недели",
		"Статус заявления в личном кабинете не обновляется несколько дней",
		"Приходится несколько раз приносить одни и те же справки",
		"Непонятно, какие сроки рассмотрения установлены регламентом",
		"Консультанты горячей линии дают разные ответы на один вопрос",
	}
	channelsInforming = []string{"Веб-сайт ведомства", "ЕПГУ", "Горячая линия", "Социальные сети ведомства", "МФЦ"}
	channelsService   = []string{"ЕПГУ", "МФЦ", "Территориальный орган", "Почта России", "Региональный портал"}
	hypothesisTexts   = []string{
		"Клиенты этого сегмента предпочитают подавать документы через ЕПГУ",
		"Основная причина повторных обращений — неполный комплект документов",
		"Информирование по SMS сократит число пропущенных сроков",
		"Клиенты узнают о мерах поддержки от знакомых, а не с сайта ведомства",
		"Запись на прием через портал снизит очереди в отделениях",
	}
	segmentNouns = []string{"Молодой специалист", "Семья с детьми", "Пенсионер", "Житель сельской местности",
		"Заявитель с инвалидностью", "Индивидуальный предприниматель", "Руководитель малой компании", "Служащий с большим стажем",
		"Иногородний заявитель", "Заявитель, впервые обращающийся за услугой"}
	sourcesPool = []string{"Статистика обращений ведомства, 2025", "Опрос заявителей, n=400", "Глубинные интервью, n=12",
		"Анализ жалоб на портале обратной связи", "Данные ЕПГУ за 2025 год"}
	translit = []string{"molodoj-specialist", "semya-s-detmi", "pensioner", "zhitel-selskoj-mestnosti", "zayavitel-s-invalidnostyu",
		"individualnyj-predprinimatel", "rukovoditel-maloj-kompanii", "sluzhashhij-s-bolshim-stazhem", "inogorodnij-zayavitel",
		"zayavitel-vpervye"}
)

// ls is a generated life situation.
type ls struct {
	id    string
	t     topic
	attrs []attr
	stats []string
	seen  map[string]bool // status and attribute lines of every profile so far
}

func newLS(r *rand.Rand, i int) *ls {
	t := topics[i%len(topics)]
	l := &ls{id: fmt.Sprintf("%s-%04d", t.slug, i+1), t: t, stats: t.statuses, seen: map[string]bool{}}
	for _, a := range append(append([]attr(nil), commonAttrs...), t.extra...) {
		var st []string
		for _, s := range a.statuses {
			if has(l.stats, s) {
				st = append(st, s)
			}
		}
		if len(st) == 0 {
			continue
		}
		a.statuses = st
		l.attrs = append(l.attrs, a)
	}
	_ = r
	return l
}

// hasLater reports whether an attribute after index i describes status st.
func (l *ls) hasLater(i int, st string) bool {
	for _, a := range l.attrs[i+1:] {
		if has(a.statuses, st) {
			return true
		}
	}
	return false
}

func has(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func flow(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = quoteIfNeeded(x)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// quoteIfNeeded quotes what YAML would read as a number or misparse inside a flow list.
func quoteIfNeeded(s string) string {
	if s == "" || strings.ContainsAny(s, ":#,[]{}\"'&*!|>%@`") || strings.ContainsAny(s[:1], "0123456789-+.?") {
		return strconv.Quote(s)
	}
	return s
}

func (l *ls) yaml() []byte {
	var b strings.Builder
	b.WriteString("# yaml-language-server: $schema=../../schemas/life-situation.schema.json\n")
	b.WriteString("# Сгенерировано profiler-corpus для замеров производительности.\n")
	fmt.Fprintf(&b, "apiVersion: profiler/v1\nkind: LifeSituation\nid: %s\ntitle: %s (вариант %s)\n", l.id, l.t.title, l.id[len(l.id)-4:])
	fmt.Fprintf(&b, "description: >-\n  %s\nowner: %s\nstatuses: %s\nservices:\n", l.t.description, l.t.owner, flow(l.stats))
	for _, s := range l.t.services {
		fmt.Fprintf(&b, "  - id: %s\n    title: %s\n    type: %s\n", s.id, s.title, s.kind)
	}
	b.WriteString("attributes:\n")
	for _, a := range l.attrs {
		fmt.Fprintf(&b, "  - id: %s\n    title: %s\n    statuses: %s\n    type: %s\n", a.id, a.title, flow(a.statuses), a.kind)
		if a.unit != "" {
			fmt.Fprintf(&b, "    unit: %s\n", a.unit)
		}
		if a.catalog != "" {
			fmt.Fprintf(&b, "    catalog: %s\n", a.catalog)
		} else {
			fmt.Fprintf(&b, "    values: %s\n", flow(a.values))
		}
		fmt.Fprintf(&b, "    sources: %s\n", flow(a.sources))
	}
	return []byte(b.String())
}

// catalogValues are the accepted current (non-legacy) names of a catalogue.
func catalogValues(id string) []string {
	c, ok := catalog.Get(id)
	if !ok {
		panic("corpus: unknown catalogue " + id)
	}
	var out []string
	for _, e := range c.Entries {
		if e.Legacy == nil {
			out = append(out, e.Name)
		}
	}
	return out
}

var catalogCache = map[string][]string{}

func init() {
	for _, a := range commonAttrs {
		if a.catalog != "" {
			catalogCache[a.catalog] = catalogValues(a.catalog)
		}
	}
}

// pickN returns n distinct elements of xs in random order.
func pickN[T any](r *rand.Rand, xs []T, n int) []T {
	idx := r.Perm(len(xs))[:min(n, len(xs))]
	out := make([]T, len(idx))
	for i, j := range idx {
		out[i] = xs[j]
	}
	return out
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// The mistakes a profile may carry.
const (
	mistakeNone = iota
	mistakeUndeclaredAttr
	mistakeSpelling
	mistakeStatus
	mistakeLSID
	mistakeMissingTitle
	mistakeStage
	mistakeHistoryOrder
	mistakeSatisfaction
	mistakeFileName
	mistakeSyntax
	mistakeCount
)

var stages = []string{"segment", "segment", "hypothesis", "hypothesis", "refined", "final"}

// profile returns the file name and contents of profile j.
func (l *ls) profile(r *rand.Rand, j int, share float64) (string, []byte) {
	mistake := mistakeNone
	if r.Float64() < share {
		mistake = 1 + r.IntN(mistakeCount-1)
	}
	k := r.IntN(len(segmentNouns))
	id := fmt.Sprintf("%s-%s-%04d", translit[k], l.t.slug[:min(12, len(l.t.slug))], j+1)
	id = strings.TrimSuffix(strings.ReplaceAll(id, "--", "-"), "-")
	id = fmt.Sprintf("%s-%s", id, l.id[len(l.id)-4:])
	name := id + ".yaml"
	if mistake == mistakeFileName {
		name = "profil-" + strconv.Itoa(j+1) + ".yaml"
	}
	status := pick(r, l.stats)
	stage := pick(r, stages)
	var b strings.Builder
	b.WriteString("# yaml-language-server: $schema=../../../schemas/profile.schema.json\n")
	b.WriteString("apiVersion: profiler/v1\nkind: Profile\n")
	fmt.Fprintf(&b, "id: %s\n", id)
	lsID := l.id
	if mistake == mistakeLSID {
		lsID = strings.Replace(lsID, "-", "", 1)
	}
	fmt.Fprintf(&b, "lifeSituation: %s\n", lsID)
	if mistake != mistakeMissingTitle {
		fmt.Fprintf(&b, "title: %s — %s\n", segmentNouns[k], lowerFirst(l.t.title))
	}
	st := status
	if mistake == mistakeStatus {
		for _, s := range []string{"citizen", "business", "internal"} {
			if !has(l.stats, s) {
				st = s
				break
			}
		}
	}
	fmt.Fprintf(&b, "status: %s\n", st)
	sg := stage
	if mistake == mistakeStage {
		sg = "hypotesis"
	}
	fmt.Fprintf(&b, "stage: %s\nattributes:\n", sg)
	// The attributes are drawn again while they repeat those of an earlier profile of the
	// same status: two such profiles describe one segment, which validate warns about
	// (segment-duplicate), and a clean corpus must have no findings. Every value is one
	// declared value, bucket or catalogue name, so equal lines are equal segments.
	var attrs string
	for try := 0; ; try++ {
		attrs = l.attributes(r, status, mistake)
		sig := status + "\n" + attrs
		if !l.seen[sig] || try == 20 {
			l.seen[sig] = true
			break
		}
	}
	b.WriteString(attrs)
	sat := float64(20+r.IntN(26)) / 10
	if mistake == mistakeSatisfaction {
		sat = 7.5
	}
	fmt.Fprintf(&b, "priority:\n  capacity:\n    value: %d\n    source: %s\n", 1000+r.IntN(300)*100, pick(r, sourcesPool))
	fmt.Fprintf(&b, "  satisfaction:\n    value: %s\n    scale: 5\n", strconv.FormatFloat(sat, 'f', -1, 64))
	fmt.Fprintf(&b, "  uniqueProblems: {value: %t}\n  blindZone: {value: %t}\n  customerFocus: {value: %t}\n", r.IntN(2) == 0, r.IntN(3) == 0, r.IntN(2) == 0)
	if stage != "segment" {
		b.WriteString("journey:\n")
		steps := pickN(r, journeySteps, 2)
		for _, s := range steps[1:] {
			fmt.Fprintf(&b, "  - %s\n", s)
		}
		fmt.Fprintf(&b, "  - text: %s\n    source: %s\n", steps[0], quoteIfNeeded(pick(r, sourcesPool)))
		fmt.Fprintf(&b, "channels:\n  informing: %s\n  service: %s\n", flow(pickN(r, channelsInforming, 1)), flow(pickN(r, channelsService, 1+r.IntN(2))))
		b.WriteString("pains:\n")
		for _, s := range pickN(r, pains, 1) {
			fmt.Fprintf(&b, "  - %s\n", s)
		}
		b.WriteString("hypotheses:\n")
		for _, h := range pickN(r, hypothesisTexts, 1) {
			if stage == "final" {
				fmt.Fprintf(&b, "  - text: %s\n    status: confirmed\n    evidence: %s\n", h, quoteIfNeeded(pick(r, sourcesPool)))
			} else {
				fmt.Fprintf(&b, "  - text: %s\n    status: open\n", h)
			}
		}
	}
	if stage == "final" {
		fmt.Fprintf(&b, "sources: %s\n", flow([]string{pick(r, sourcesPool)}))
	}
	if stage == "refined" || stage == "final" {
		b.WriteString("history:\n")
		day := 1 + r.IntN(20)
		dates := []string{fmt.Sprintf("2025-%02d-%02d", 1+r.IntN(6), day), fmt.Sprintf("2025-%02d-%02d", 7+r.IntN(6), day)}
		if mistake == mistakeHistoryOrder {
			dates[0], dates[1] = dates[1], dates[0]
		}
		fmt.Fprintf(&b, "  - date: %q\n    change: Сформирован профиль-гипотеза\n    basis: Экспертная сессия\n", dates[0])
		fmt.Fprintf(&b, "  - date: %q\n    change: Уточнены боли и каналы по итогам интервью\n    basis: %s\n", dates[1], quoteIfNeeded(pick(r, sourcesPool)))
	}
	if mistake == mistakeSyntax {
		b.WriteString("notes: [незакрытый список\n")
	} else if r.IntN(2) == 0 {
		fmt.Fprintf(&b, "notes: >-\n  Сегмент выделен по данным ведомства. Следующий шаг — %s.\n", pick(r, []string{
			"глубинные интервью с заявителями", "опрос на портале", "анализ обращений за квартал", "экспертная сессия с территориальными органами"}))
	}
	return name, []byte(b.String())
}

// attributes draws a profile's attribute lines for status.
func (l *ls) attributes(r *rand.Rand, status string, mistake int) string {
	var b strings.Builder
	n := 0
	for i, a := range l.attrs {
		// Each attribute of the status with probability 3/4, the last one always if none
		// was taken yet (the schema wants at least one).
		if !has(a.statuses, status) || (r.IntN(4) == 0 && (n > 0 || l.hasLater(i, status))) {
			continue
		}
		key := a.id
		if mistake == mistakeUndeclaredAttr && n == 0 {
			key = key + "s"
		}
		var v string
		if a.catalog != "" {
			v = pick(r, catalogCache[a.catalog])
		} else {
			v = pick(r, a.values)
		}
		if mistake == mistakeSpelling && n == 0 && a.catalog == "" && a.kind == "enum" {
			v = strings.ToUpper(v)
		}
		fmt.Fprintf(&b, "  %s: %s\n", key, quoteIfNeeded(v))
		n++
	}
	return b.String()
}

func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 && !strings.HasPrefix(s, "Приобретение") {
		r[0] = []rune(strings.ToLower(string(r[0])))[0]
	}
	return string(r)
}
