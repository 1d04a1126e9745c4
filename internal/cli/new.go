package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/profiler-cx/profiler/internal/atomicfile"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/scaffold"
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

func parseSets(in []string) ([]scaffold.Set, error) {
	var out []scaffold.Set
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
			out[i].Values = append(out[i].Values, v)
			continue
		}
		idx[k] = len(out)
		out = append(out, scaffold.Set{Key: k, Values: []string{v}})
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
	if err := checkTemplatesDir(opts.Templates); err != nil {
		return err
	}
	lsPath, ls, err := opts.readLS()
	if err != nil {
		return err
	}
	a, err := opts.ask(ls, lsPath)
	if err != nil {
		return err
	}
	path, err := opts.locate(lsPath, a.id)
	if err != nil {
		return err
	}
	data, err := opts.build(ls, lsPath, path, a)
	if err != nil {
		return err
	}
	if err := opts.check(path, data, a); err != nil {
		return err
	}
	if opts.DryRun {
		opts.dryRunFile(path, data)
		return nil
	}
	if err := opts.writeNew(path, data, opts.Force); err != nil {
		return err
	}
	opts.report(path, a.sets)
	return nil
}

// profileAnswers are what new profile takes from flags or asks on a terminal.
type profileAnswers struct {
	title  string
	id     string
	status model.Status
	stage  model.Stage
	sets   []scaffold.Set
}

// readLS finds the life situation the profile is for and refuses one with errors: the
// new profile is checked against it.
func (opts *newProfileOptions) readLS() (string, *model.LifeSituation, error) {
	lsPath, err := findLS(opts.LSDir)
	if err != nil {
		return "", nil, err
	}
	res := workspace.Check([]string{lsPath}, workspace.Options{})
	if res.IOError || hasErrors(res.Findings) || len(res.LifeSituations()) == 0 {
		opts.printFindings(res.Findings)
		opts.printError(i18n.Msg("в %s есть ошибки — исправьте жизненную ситуацию, потом добавляйте профили",
			"%s has errors — fix the life situation first, then add profiles", displayPath(lsPath)).In(opts.lang))
		return "", nil, &exitError{code: ExitFindings}
	}
	return lsPath, res.LifeSituations()[0], nil
}

// ask takes the title, status, stage, attribute values and id from the flags, asking on
// a terminal for what is missing.
func (opts *newProfileOptions) ask(ls *model.LifeSituation, lsPath string) (profileAnswers, error) {
	var a profileAnswers
	title, err := opts.require(opts.Title, "--title", i18n.Text{RU: "Название профиля", EN: "Profile title"})
	if err != nil {
		return a, err
	}
	if err := oneLine("--title", title); err != nil {
		return a, err
	}
	a.title = title
	if a.status, err = opts.status(ls); err != nil {
		return a, err
	}
	a.stage = model.Stage(opts.Stage)
	if a.stage.Index() < 0 {
		return a, badChoice("--stage", opts.Stage, stageIDs())
	}
	if a.sets, err = parseSets(opts.Set); err != nil {
		return a, err
	}
	if len(a.sets) == 0 && opts.ios.CanPrompt() {
		if a.sets, err = opts.askAttributes(ls, lsPath, a.status); err != nil {
			return a, err
		}
	}
	if a.id, err = resolveID(opts.ID, title); err != nil {
		return a, err
	}
	if model.ReservedID(a.id) {
		return a, usageErr("id профиля %q совпадает с именем страницы, которую создает render (README.md, index.md) — задайте другой: --id",
			"the profile id %q is the name of a page render generates (README.md, index.md) — give another with --id", a.id)
	}
	return a, nil
}

// status is --status, the life situation's only status, or the answer on a terminal;
// it must be one of the life situation's statuses.
func (opts *newProfileOptions) status(ls *model.LifeSituation) (model.Status, error) {
	var names []string
	for _, s := range ls.Statuses {
		names = append(names, string(s))
	}
	statusArg := opts.Status
	if statusArg == "" && len(ls.Statuses) == 1 {
		statusArg = string(ls.Statuses[0])
	}
	var err error
	if statusArg == "" && opts.ios.CanPrompt() {
		statusArg, err = opts.askStatus(ls, names)
	} else {
		statusArg, err = opts.require(statusArg, "--status", i18n.Msg("Статус клиента (%s)", "Client status (%s)", strings.Join(names, ", ")))
	}
	if err != nil {
		return "", err
	}
	if !ls.HasStatus(model.Status(statusArg)) {
		return "", &usageError{msg: i18n.Join("", i18n.Msg("--status %q", "--status %q", statusArg), didYouMean(statusArg, names),
			i18n.Msg(": в ЖС %s статусы: %s", ": the life situation %s has the statuses: %s", ls.ID, strings.Join(names, ", ")))}
	}
	return model.Status(statusArg), nil
}

// locate is the new profile's path, profiles/<id>.yaml beside the life situation, once it
// is known that the file may be written there.
func (opts *newProfileOptions) locate(lsPath, id string) (string, error) {
	path := filepath.Join(filepath.Dir(lsPath), "profiles", id+".yaml")
	if !opts.Force {
		if _, err := os.Lstat(path); err == nil {
			return "", ioErr("файл %s уже существует — он не изменен; выберите другой --id или добавьте --force",
				"%s already exists and was left as it is; choose another --id or add --force", displayPath(path))
		}
	}
	if err := atomicfile.Confined(path); err != nil && !opts.DryRun { // before the schemas are exported
		return "", ioErr("не удалось записать %s: %v", "cannot write %s: %v", displayPath(path), err)
	}
	return path, nil
}

// build makes the profile's text from the templates, with the modeline pointing at the
// profile schema (exported now if the workspace has none).
func (opts *newProfileOptions) build(ls *model.LifeSituation, lsPath, path string, a profileAnswers) ([]byte, error) {
	schema, err := opts.profileSchemaRef(lsPath, filepath.Dir(path), opts.DryRun)
	if err != nil {
		return nil, err
	}
	data, err := scaffold.Profile(scaffold.ProfileData{
		Schema: schema, ID: a.id, LifeSituation: ls.ID, LSTitle: ls.Title, Title: a.title,
		Status: a.status, Stage: a.stage, Attributes: scaffold.ProfileAttrs(ls, a.status, a.sets),
	}, scaffold.Options{Lang: opts.lang, Templates: opts.Templates})
	if err != nil {
		return nil, ioErr("шаблон: %v", "template: %v", err)
	}
	return data, nil
}

// check refuses a profile whose --set values are wrong (a usage error naming them) or
// that cannot pass its stage's gates.
func (opts *newProfileOptions) check(path string, data []byte, a profileAnswers) error {
	fs := scaffold.Check(path, data)
	if bad := scaffold.SetFindings(path, data, a.sets, fs); len(bad) > 0 {
		var msgs []i18n.Text
		for _, f := range bad {
			msgs = append(msgs, f.Message)
		}
		return &usageError{msg: i18n.Join("; ", msgs...)}
	}
	// Without --set the blank profile has no attributes yet (an error the user fixes next),
	// but a later stage whose gates the new file cannot pass is refused either way.
	if (len(a.sets) > 0 && hasErrors(fs)) || scaffold.FailsStageGate(fs) {
		opts.printFindings(fs)
		opts.printError(i18n.Msg(
			"профиль на этапе %s не проходит проверку — ничего не записано; создайте его на этапе segment и переводите дальше командой profiler promote",
			"a new profile at stage %s does not pass the check — nothing was written; create it at segment and move it on with profiler promote", a.stage).In(opts.lang))
		return &exitError{code: ExitFindings}
	}
	return nil
}

// report says what to do next with the profile written.
func (opts *newProfileOptions) report(path string, sets []scaffold.Set) {
	if len(sets) == 0 {
		opts.printHint(opts.t("заполните хотя бы один признак в attributes (раскомментируйте строку) — или создавайте профиль с --set признак=значение",
			"fill in at least one attribute under attributes (uncomment a line) — or create the profile with --set attr=value"))
	}
	opts.note(opts.t("Дальше:", "Next:"))
	opts.note(fmt.Sprintf("  profiler validate %s", displayPath(path)))
	opts.note(fmt.Sprintf("  profiler promote %s --basis %q", displayPath(path), opts.t("основание", "basis")))
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
func (e *env) askAttributes(ls *model.LifeSituation, lsPath string, status model.Status) ([]scaffold.Set, error) {
	p := e.prompt()
	fmt.Fprintln(e.ios.Out, e.t("Значения признаков (Enter — пропустить):", "Attribute values (Enter to skip):"))
	var out []scaffold.Set
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
			sv := scaffold.Set{Key: a.ID, Values: []string{v}}
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
func answerProblems(e *env, ls *model.LifeSituation, lsPath string, status model.Status, sv scaffold.Set) []i18n.Text {
	sets := []scaffold.Set{sv}
	path := filepath.Join(filepath.Dir(lsPath), "profiles", "answer.yaml")
	data, err := scaffold.Profile(scaffold.ProfileData{ID: "answer", LifeSituation: ls.ID, LSTitle: ls.Title, Title: "answer",
		Status: status, Stage: model.StageSegment, Attributes: scaffold.ProfileAttrs(ls, status, sets)}, scaffold.Options{Lang: e.lang})
	if err != nil {
		return nil // the real run reports a template problem
	}
	var out []i18n.Text
	for _, f := range scaffold.SetFindings(path, data, sets, scaffold.Check(path, data)) {
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
