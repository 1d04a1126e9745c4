package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/profiler-cx/profiler/internal/atomicfile"
	"github.com/profiler-cx/profiler/internal/catalog"
	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/scaffold"
	"github.com/profiler-cx/profiler/internal/schemacheck"
	"github.com/profiler-cx/profiler/internal/workspace"
	"github.com/spf13/cobra"
)

// newProfileOptions are the parsed flags of `profiler new profile`.
type newProfileOptions struct {
	env
	LSDir     string
	Title     string
	Status    string
	Stage     string
	ID        string
	Set       []string
	Templates string
	Force     bool
	DryRun    bool
}

func newNewCmd(e *env, runF func(*newProfileOptions) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   e.t("new [что]", "new [what]"),
		Short: e.t("создать по шаблону: profile — профиль клиентского сегмента; templates — свои шаблоны", "create from a template: profile — a client-segment profile; templates — your own templates"),
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(newNewProfileCmd(e, runF), newNewTemplatesCmd(e, nil))
	return cmd
}

func newNewProfileCmd(e *env, runF func(*newProfileOptions) error) *cobra.Command {
	opts := &newProfileOptions{env: *e}
	cmd := &cobra.Command{
		Use:   e.t("profile [ПАПКА_ЖС] --title НАЗВАНИЕ --status СТАТУС [--set признак=значение...]", "profile [LS_DIR] --title TITLE --status STATUS [--set attr=value...]"),
		Short: e.t("добавить профиль клиентского сегмента в ЖС", "add a client-segment profile to a life situation"),
		Long: e.t(`Создает ПАПКА_ЖС/profiles/<id>.yaml (ПАПКА_ЖС по умолчанию — текущая): профиль с признаками
этой ЖС для выбранного статуса — допустимые значения и справочники указаны в комментариях, —
заготовками параметров приоритизации (этап II), клиентского пути, каналов и болей (этап III).

--set признак=значение заполняет признак (повторяйте флаг; запятая — часть значения; один признак
несколько раз — список значений). Незаполненные признаки остаются закомментированными. Признак и
значение проверяются по ЖС: ошибка — код 2, файл не создается. С хотя бы одним --set файл сразу
проходит profiler validate без ошибок.

В терминале без --set значения признаков спрашиваются по очереди (Enter — пропустить).

id — название в транслитерации ГОСТ 7.79-2000 (система Б), если не задан --id. Статус можно не
указывать, если в ЖС он один. Существующий файл не перезаписывается без --force.`,
			`Creates LS_DIR/profiles/<id>.yaml (LS_DIR defaults to the current folder): a profile with the life
situation's attributes for the chosen status — allowed values and catalogues in comments — and
templates for the prioritisation parameters (stage II), journey, channels and pains (stage III).

--set attr=value fills in an attribute (repeat the flag; a comma is part of the value; the same
attribute several times makes a list). Attributes not set stay commented out. Attribute and value
are checked against the life situation: a mistake is exit code 2 and no file. With at least one
--set the file passes profiler validate without errors at once.

On a terminal without --set the attribute values are asked for in turn (Enter skips one).

The id is the title transliterated by ГОСТ 7.79-2000 (system B) unless --id is given. --status may
be left out when the life situation has one status. An existing file is not overwritten without --force.`),
		Example: `  profiler new profile postuplenie-v-vuz --title "Студент, проживающий в соседнем регионе" \
      --status citizen --set sex=мужской --set age=20 --set "region=Московская область"
  profiler new profile . --title "Малая компания" --status business --set legal-form=ООО --dry-run`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.LSDir = "."
			if len(args) == 1 {
				opts.LSDir = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return newProfileRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Title, "title", "", e.t("название профиля (сегмента)", "the profile's (segment's) title"))
	f.StringVar(&opts.Status, "status", "", e.t("статус клиента: citizen, business или internal", "client status: citizen, business or internal"))
	f.StringVar(&opts.Stage, "stage", string(model.StageSegment), e.t("этап: segment, hypothesis, refined, final", "stage: segment, hypothesis, refined, final"))
	f.StringVar(&opts.ID, "id", "", e.t("идентификатор и имя файла (по умолчанию — транслитерация названия)", "id and file name (default: the title transliterated)"))
	f.StringArrayVar(&opts.Set, "set", nil, e.t("признак=значение (можно несколько раз)", "attr=value (repeatable)"))
	f.StringVar(&opts.Templates, "templates", "", e.t("папка со своими шаблонами, заменяющими встроенные пофайлово", "a folder of templates overriding the built-in ones file by file"))
	f.BoolVar(&opts.Force, "force", false, e.t("перезаписать существующий файл профиля", "overwrite an existing profile file"))
	f.BoolVar(&opts.DryRun, "dry-run", false, e.t("показать, что будет записано, ничего не записывая", "print what would be written, write nothing"))
	f.BoolVarP(&opts.quiet, "quiet", "q", false, e.t("не сообщать о записанных файлах и следующих шагах", "do not report the files written and the next steps"))
	return cmd
}

// setValue is one attribute filled in with --set.
type setValue struct {
	key    string
	values []string
}

func parseSets(in []string) ([]setValue, error) {
	var out []setValue
	idx := map[string]int{}
	for _, s := range in {
		k, v, ok := strings.Cut(s, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok || k == "" || v == "" {
			return nil, usageErr("--set %q: нужно признак=значение, например --set sex=мужской", "--set %q: use attr=value, e.g. --set sex=male", s)
		}
		if err := oneLine("--set", v); err != nil {
			return nil, err
		}
		// The key goes into the YAML as it is: only an id (a slug) cannot inject anything.
		if !model.IsID(k) {
			return nil, usageErr("--set %q: %q — не идентификатор признака (строчные латинские буквы, цифры и дефисы, например legal-form)",
				"--set %q: %q is not an attribute id (lowercase latin letters, digits and hyphens, e.g. legal-form)", s, k)
		}
		if i, ok := idx[k]; ok {
			out[i].values = append(out[i].values, v)
			continue
		}
		idx[k] = len(out)
		out = append(out, setValue{key: k, values: []string{v}})
	}
	return out, nil
}

func findLS(dir string) (string, error) {
	if p := workspace.LSFile(dir); p != "" {
		return p, nil
	}
	return "", usageErr("в папке %s нет life-situation.yaml — укажите папку жизненной ситуации или создайте ее: profiler init",
		"%s has no life-situation.yaml — name a life-situation folder or create one with profiler init", displayPath(dir))
}

func newProfileRun(opts *newProfileOptions) error {
	e := &opts.env
	if err := checkTemplatesDir(opts.Templates); err != nil {
		return err
	}
	lsPath, err := findLS(opts.LSDir)
	if err != nil {
		return err
	}
	res := workspace.Check([]string{lsPath}, workspace.Options{})
	if res.IOError || hasErrors(res.Findings) || len(res.LifeSituations()) == 0 {
		e.printFindings(res.Findings)
		e.printError(i18n.Msg("в %s есть ошибки — исправьте жизненную ситуацию, потом добавляйте профили",
			"%s has errors — fix the life situation first, then add profiles", displayPath(lsPath)).In(e.lang))
		return &exitError{code: ExitFindings}
	}
	ls := res.LifeSituations()[0]

	title, err := e.require(opts.Title, "--title", i18n.Text{RU: "Название профиля", EN: "Profile title"})
	if err != nil {
		return err
	}
	if err := oneLine("--title", title); err != nil {
		return err
	}
	var names []string
	for _, s := range ls.Statuses {
		names = append(names, string(s))
	}
	statusArg := opts.Status
	if statusArg == "" && len(ls.Statuses) == 1 {
		statusArg = string(ls.Statuses[0])
	}
	if statusArg == "" && e.ios.CanPrompt() {
		statusArg, err = e.askStatus(ls, names)
	} else {
		statusArg, err = e.require(statusArg, "--status", i18n.Msg("Статус клиента (%s)", "Client status (%s)", strings.Join(names, ", ")))
	}
	if err != nil {
		return err
	}
	status := model.Status(statusArg)
	if !ls.HasStatus(status) {
		return &usageError{msg: i18n.Join("", i18n.Msg("--status %q", "--status %q", statusArg), didYouMean(statusArg, names),
			i18n.Msg(": в ЖС %s статусы: %s", ": the life situation %s has the statuses: %s", ls.ID, strings.Join(names, ", ")))}
	}
	stage := model.Stage(opts.Stage)
	if stage.Index() < 0 {
		return badChoice("--stage", opts.Stage, stageIDs())
	}
	sets, err := parseSets(opts.Set)
	if err != nil {
		return err
	}
	if len(sets) == 0 && e.ios.CanPrompt() {
		if sets, err = e.askAttributes(ls, lsPath, status); err != nil {
			return err
		}
	}
	id, err := resolveID(opts.ID, title)
	if err != nil {
		return err
	}
	if model.ReservedID(id) {
		return usageErr("id профиля %q совпадает с именем страницы, которую создает render (README.md, index.md) — задайте другой: --id",
			"the profile id %q is the name of a page render generates (README.md, index.md) — give another with --id", id)
	}
	profilesDir := filepath.Join(filepath.Dir(lsPath), "profiles")
	path := filepath.Join(profilesDir, id+".yaml")
	if !opts.Force {
		if _, err := os.Lstat(path); err == nil {
			return ioErr("файл %s уже существует — он не изменен; выберите другой --id или добавьте --force",
				"%s already exists and was left as it is; choose another --id or add --force", displayPath(path))
		}
	}

	if err := atomicfile.Confined(path); err != nil && !opts.DryRun { // before the schemas are exported
		return ioErr("не удалось записать %s: %v", "cannot write %s: %v", displayPath(path), err)
	}
	attrs := profileAttrs(ls, status, sets)
	schema, err := e.profileSchemaRef(lsPath, profilesDir, opts.DryRun)
	if err != nil {
		return err
	}
	data, err := scaffold.Profile(scaffold.ProfileData{
		Schema: schema, ID: id, LifeSituation: ls.ID, LSTitle: ls.Title, Title: title,
		Status: status, Stage: stage, Attributes: attrs,
	}, scaffold.Options{Lang: e.lang, Templates: opts.Templates})
	if err != nil {
		return ioErr("шаблон: %v", "template: %v", err)
	}

	fs := checkGenerated(path, data)
	if bad := setFindings(path, data, sets, fs); len(bad) > 0 {
		var msgs []i18n.Text
		for _, f := range bad {
			msgs = append(msgs, f.Message)
		}
		return &usageError{msg: i18n.Join("; ", msgs...)}
	}
	// Without --set the blank profile has no attributes yet (an error the user fixes next),
	// but a later stage whose gates the new file cannot pass is refused either way.
	if (len(sets) > 0 && hasErrors(fs)) || failsStageGate(fs) {
		e.printFindings(fs)
		e.printError(i18n.Msg(
			"профиль на этапе %s не проходит проверку — ничего не записано; создайте его на этапе segment и переводите дальше командой profiler promote",
			"a new profile at stage %s does not pass the check — nothing was written; create it at segment and move it on with profiler promote", stage).In(e.lang))
		return &exitError{code: ExitFindings}
	}
	if opts.DryRun {
		e.dryRunFile(path, data)
		return nil
	}
	if err := e.writeNew(path, data, opts.Force); err != nil {
		return err
	}
	if len(sets) == 0 {
		e.printHint(e.t("заполните хотя бы один признак в attributes (раскомментируйте строку) — или создавайте профиль с --set признак=значение",
			"fill in at least one attribute under attributes (uncomment a line) — or create the profile with --set attr=value"))
	}
	e.note(e.t("Дальше:", "Next:"))
	e.note(fmt.Sprintf("  profiler validate %s", displayPath(path)))
	e.note(fmt.Sprintf("  profiler promote %s --basis %q", displayPath(path), e.t("основание", "basis")))
	return nil
}

// profileAttrs lists the life situation's attributes for status, filled in from sets;
// attributes set but not declared are appended so that the check names them.
func profileAttrs(ls *model.LifeSituation, status model.Status, sets []setValue) []scaffold.Attr {
	byKey := map[string]setValue{}
	for _, s := range sets {
		byKey[s.key] = s
	}
	var out []scaffold.Attr
	declared := map[string]bool{}
	for _, a := range ls.Attributes {
		if !a.HasStatus(status) {
			continue
		}
		declared[a.ID] = true
		at := scaffold.Attr{ID: a.ID, Title: a.Title, Type: string(a.Type), Unit: a.Unit, Values: a.Values, Catalog: a.Catalog}
		if a.Catalog != "" {
			at.Sample = scaffold.CatalogSample(a.Catalog, 3)
		}
		if s, ok := byKey[a.ID]; ok {
			at.Value = yamlValue(a.Type, declaredSpelling(a, s.values))
		}
		out = append(out, at)
	}
	for _, s := range sets {
		if !declared[s.key] {
			out = append(out, scaffold.Attr{ID: s.key, Title: s.key, Value: yamlValue("", s.values)})
		}
	}
	return out
}

// declaredSpelling writes each value the way the life situation declares it when they
// differ only in case or «ё» (--set sex=Женский writes «женский»), so profiles group
// together and validate has nothing to warn about.
func declaredSpelling(a model.Attribute, vs []string) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v
		nv := catalog.Normalize(v)
		for _, d := range a.Values {
			if catalog.Normalize(d) == nv {
				out[i] = d
				break
			}
		}
	}
	return out
}

var plainNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)([.,][0-9]+)?$`)

// yamlValue writes --set values: a number stays a number for range attributes, anything
// else is a string (quoted when YAML would read it otherwise); several values make a list.
func yamlValue(t model.AttrType, vs []string) string {
	one := func(v string) string {
		if t == model.AttrRange {
			if plainNumber.MatchString(v) && !strings.Contains(v, ",") {
				return v
			}
		}
		s := scaffold.Scalar(v)
		if len(vs) > 1 && strings.ContainsAny(s, ",[]{}") && !strings.HasPrefix(s, `"`) {
			s = strconv.Quote(v)
		}
		return s
	}
	if len(vs) == 1 {
		return one(vs[0])
	}
	var parts []string
	for _, v := range vs {
		parts = append(parts, one(v))
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// setFindings returns the errors that sit on a line written from --set.
func setFindings(path string, data []byte, sets []setValue, fs []finding.Finding) []finding.Finding {
	if len(sets) == 0 {
		return nil
	}
	doc, _ := load.Parse(path, data, load.Limits{})
	lines := map[int]bool{}
	for _, s := range sets {
		if l, _ := doc.KeyPos(load.Pointer("attributes", s.key)); l > 0 {
			lines[l] = true
		}
	}
	var out []finding.Finding
	for _, f := range fs {
		if f.Severity == finding.Error && lines[f.Line] {
			out = append(out, f)
		}
	}
	return out
}

// profileSchemaRef picks the modeline of a new profile: next to the schema the life
// situation's own modeline points at, when profile.schema.json is there too (a URL works
// the same way); otherwise the workspace's exported schemas, exported now if missing.
func (e *env) profileSchemaRef(lsPath, profilesDir string, dryRun bool) (string, error) {
	lsDir := filepath.Dir(lsPath)
	if data, err := load.ReadFile(lsPath, load.Limits{}); err == nil {
		if ref := scaffold.Modeline(data); ref != "" {
			if strings.Contains(ref, "://") {
				if i := strings.LastIndexByte(ref, '/'); i >= 0 {
					return ref[:i+1] + "profile.schema.json", nil
				}
			} else {
				cand := filepath.Join(lsDir, filepath.FromSlash(ref), "..", "profile.schema.json")
				if filepath.IsAbs(filepath.FromSlash(ref)) {
					cand = filepath.Join(filepath.Dir(filepath.FromSlash(ref)), "profile.schema.json")
				}
				if st, err := os.Stat(cand); err == nil && st.Mode().IsRegular() {
					return scaffold.Rel(profilesDir, cand)
				}
			}
		}
	}
	root, err := scaffold.Root(lsDir)
	if err != nil {
		return "", ioErr("не удалось определить корень рабочей области: %v", "cannot find the workspace root: %v", err)
	}
	dir := filepath.Join(root, scaffold.SchemaDir)
	if err := e.exportSchemas(dir, scaffold.KeepOther, dryRun); err != nil {
		return "", err
	}
	return scaffold.Rel(profilesDir, filepath.Join(dir, "profile.schema.json"))
}

// askStatus asks for the client status until the answer is one of the life situation's
// statuses; a Russian name («бизнес») is taken for its id, a slip gets «может быть, …?».
func (e *env) askStatus(ls *model.LifeSituation, names []string) (string, error) {
	p := e.prompt()
	q := i18n.Msg("Статус клиента (%s)", "Client status (%s)", strings.Join(names, ", "))
	for {
		v, eof, err := p.askLine(q.In(e.lang))
		if err != nil {
			return "", err
		}
		if v == "" {
			if eof {
				return "", usageErr("не указан --status", "--status is required")
			}
			continue
		}
		if ls.HasStatus(model.Status(v)) {
			return v, nil
		}
		if id := model.IDByName(v, names); id != "" {
			return id, nil
		}
		fmt.Fprintln(e.ios.ErrOut, i18n.Join("", i18n.Msg("  %q — нет такого статуса в ЖС", "  %q is not a status of this life situation", v),
			didYouMean(v, names), i18n.Msg("; допустимо: %s", "; use one of: %s", strings.Join(names, ", "))).In(e.lang))
		if eof {
			return "", usageErr("не указан допустимый --status", "no valid --status given")
		}
	}
}

// askAttributes asks for the value of each attribute of the status on a terminal; an
// empty answer leaves the attribute commented out. Each answer is checked as it is typed
// (with the same rules validate applies): a wrong one is explained and asked again, so
// the answers already given are not lost.
func (e *env) askAttributes(ls *model.LifeSituation, lsPath string, status model.Status) ([]setValue, error) {
	p := e.prompt()
	fmt.Fprintln(e.ios.Out, e.t("Значения признаков (Enter — пропустить):", "Attribute values (Enter to skip):"))
	var out []setValue
	for _, a := range ls.Attributes {
		if !a.HasStatus(status) {
			continue
		}
		hint := strings.Join(a.Values, " | ")
		if a.Catalog != "" {
			hint = e.t("справочник ", "catalogue ") + a.Catalog
		}
		if a.Type == model.AttrRange {
			hint = e.t("число или интервал", "a number or a range") + ifNotEmpty(": ", hint)
		}
		q := "  " + a.Title + " (" + a.ID + ifNotEmpty("; ", hint) + ")"
		for {
			v, eof, err := p.askLine(q)
			if err != nil {
				return nil, err
			}
			if v == "" {
				break
			}
			sv := setValue{key: a.ID, values: []string{v}}
			if bad := answerProblems(e, ls, lsPath, status, sv); len(bad) > 0 && !eof {
				for _, m := range bad {
					fmt.Fprintln(e.ios.ErrOut, "  "+m.In(e.lang))
				}
				continue
			}
			out = append(out, sv)
			break
		}
	}
	return out, nil
}

// answerProblems checks one attribute answer the way the finished profile will be
// checked, and returns the messages of the errors on its line.
func answerProblems(e *env, ls *model.LifeSituation, lsPath string, status model.Status, sv setValue) []i18n.Text {
	sets := []setValue{sv}
	path := filepath.Join(filepath.Dir(lsPath), "profiles", "answer.yaml")
	data, err := scaffold.Profile(scaffold.ProfileData{ID: "answer", LifeSituation: ls.ID, LSTitle: ls.Title, Title: "answer",
		Status: status, Stage: model.StageSegment, Attributes: profileAttrs(ls, status, sets)}, scaffold.Options{Lang: e.lang})
	if err != nil {
		return nil // the real run reports a template problem
	}
	var out []i18n.Text
	for _, f := range setFindings(path, data, sets, checkGenerated(path, data)) {
		out = append(out, f.Message)
	}
	return out
}

func ifNotEmpty(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}

// failsStageGate reports whether a stage gate fails: content a later --stage needs.
func failsStageGate(fs []finding.Finding) bool {
	for _, f := range fs {
		if f.Rule == schemacheck.RuleStageGate {
			return true
		}
	}
	return false
}
