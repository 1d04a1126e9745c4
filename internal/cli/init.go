package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/profiler-cx/profiler/internal/atomicfile"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/scaffold"
	"github.com/spf13/cobra"
)

// initOptions are the parsed flags of `profiler init`.
type initOptions struct {
	env
	Dir       string
	Title     string
	Statuses  []string
	ID        string
	Owner     string
	Templates string
	Force     bool
	DryRun    bool
}

func newInitCmd(e *env, runF func(*initOptions) error) *cobra.Command {
	opts := &initOptions{env: *e}
	cmd := &cobra.Command{
		Use:   e.t("init [ПАПКА] --title НАЗВАНИЕ --status СТАТУС...", "init [DIR] --title TITLE --status STATUS..."),
		Short: e.t("создать жизненную ситуацию: life-situation.yaml с признаками этапа I и папку profiles/", "scaffold a life situation: life-situation.yaml with the stage-I attributes and a profiles/ folder"),
		Long: e.t(`Создает папку жизненной ситуации (по умолчанию — ./<id>): life-situation.yaml со стандартными
признаками выбранных статусов (гражданин: пол, возраст, регион; бизнес: тип субъекта, ОПФ, размер;
внутренний клиент: возраст, стаж, вид службы), связанными со встроенными справочниками, с
комментариями о том, откуда брать данные, и пустую папку profiles/. Результат сразу проходит
profiler validate.

id — название в транслитерации ГОСТ 7.79-2000 (система Б), если не задан --id.
JSON-схемы выгружаются один раз в <корень>/.profiler/schemas/ (корень — ближайшая папка с .git;
без git — текущая папка, если ЖС внутри нее, иначе папка над ЖС), и строка yaml-language-server в начале файла ссылается на них относительным
путем: редактор (VS Code с расширением YAML) проверяет и подсказывает без сети.

Существующий файл не перезаписывается без --force. Вне терминала --title и --status обязательны;
в терминале недостающее спрашивается.

Коды выхода: 0 — создано, 1 — шаблоны дали файл с ошибками (ничего не записано), 2 — ошибка
использования или записи.`,
			`Creates a life-situation folder (default: ./<id>): life-situation.yaml with the standard attributes
of the chosen statuses (citizen: sex, age, region; business: entity type, legal form, size; internal:
age, length of service, kind of service) wired to the built-in catalogues, with comments on where
the data comes from, and an empty profiles/ folder. The result passes profiler validate at once.

The id is the title transliterated by ГОСТ 7.79-2000 (system B) unless --id is given.
The JSON Schemas are exported once to <root>/.profiler/schemas/ (root: the nearest folder with
.git; without git the current folder when the LS is inside it, else the folder above the LS) and the yaml-language-server line at the top of the file links
them by a relative path: an editor (VS Code with the YAML extension) validates and completes offline.

An existing file is not overwritten without --force. Outside a terminal --title and --status are
required; on a terminal missing values are asked for.

Exit codes: 0 created, 1 the templates gave a file with errors (nothing written), 2 usage or write error.`),
		Example: `  profiler init --title "Поступление в вуз" --status citizen
  profiler init ls/turoperatory --title "Включение в реестр туроператоров" --status business --owner "Минэкономразвития России"
  profiler init --title "Покупка автомобиля" --status citizen,business --dry-run
  profiler --lang en init --title "Buying a car" --id buying-a-car --status citizen`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return initRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Title, "title", "", e.t("название ЖС, например «Поступление в вуз»", "the life situation's title"))
	addSliceFlag(f, &opts.Statuses, "status", e.t("статусы клиентов: citizen, business, internal (можно несколько)", "client statuses: citizen, business, internal (several allowed)"))
	f.StringVar(&opts.ID, "id", "", e.t("идентификатор (по умолчанию — транслитерация названия)", "id (default: the title transliterated)"))
	f.StringVar(&opts.Owner, "owner", "", e.t("заказчик исследования (орган власти)", "the commissioning body"))
	f.StringVar(&opts.Templates, "templates", "", e.t("папка со своими шаблонами, заменяющими встроенные пофайлово", "a folder of templates overriding the built-in ones file by file"))
	f.BoolVar(&opts.Force, "force", false, e.t("перезаписать существующий life-situation.yaml (и обновить схемы)", "overwrite an existing life-situation.yaml (and update the schemas)"))
	f.BoolVar(&opts.DryRun, "dry-run", false, e.t("показать, что будет записано, ничего не записывая", "print what would be written, write nothing"))
	f.BoolVarP(&opts.quiet, "quiet", "q", false, e.t("не сообщать о записанных файлах и следующих шагах", "do not report the files written and the next steps"))
	return cmd
}

func parseStatuses(in []string) ([]model.Status, error) {
	var out []model.Status
	seen := map[model.Status]bool{}
	for _, s := range in {
		for _, part := range strings.Split(s, ",") {
			st := model.Status(strings.TrimSpace(part))
			if st == "" {
				continue
			}
			if !st.Valid() {
				return nil, usageErr("--status: неизвестный статус %q; допустимо: citizen (гражданин), business (представитель бизнеса), internal (внутренний клиент)",
					"--status: unknown status %q; use citizen, business or internal", st)
			}
			if !seen[st] {
				seen[st] = true
				out = append(out, st)
			}
		}
	}
	return out, nil
}

func initRun(opts *initOptions) error {
	if err := checkTemplatesDir(opts.Templates); err != nil {
		return err
	}
	a, err := opts.ask()
	if err != nil {
		return err
	}
	dir := opts.Dir
	if dir == "" {
		dir = a.id
	}
	lsPath, err := opts.locate(dir)
	if err != nil {
		return err
	}
	schemaDir, data, err := opts.build(dir, a)
	if err != nil {
		return err
	}
	if err := opts.check(lsPath, data); err != nil {
		return err
	}
	if err := opts.write(lsPath, filepath.Join(dir, "profiles", ".gitkeep"), schemaDir, data); err != nil {
		return err
	}
	if err := opts.exportSchemas(schemaDir, keepOrOverwrite(opts.Force), opts.DryRun); err != nil {
		return err
	}
	opts.report(dir, a.statuses[0])
	return nil
}

// lsAnswers are what init takes from flags or asks on a terminal.
type lsAnswers struct {
	title    string
	statuses []model.Status
	id       string
}

// ask takes the title, statuses and id from the flags, asking on a terminal for what is
// missing.
func (opts *initOptions) ask() (lsAnswers, error) {
	var a lsAnswers
	title, err := opts.require(opts.Title, "--title", i18n.Text{RU: "Название ЖС", EN: "Life situation title"})
	if err != nil {
		return a, err
	}
	if err := oneLine("--title", title); err != nil {
		return a, err
	}
	if err := oneLine("--owner", opts.Owner); err != nil {
		return a, err
	}
	a.title = title
	statusArg, err := opts.require(strings.Join(opts.Statuses, ","), "--status", i18n.Text{
		RU: "Статусы клиентов (citizen — гражданин, business — бизнес, internal — внутренний клиент; через запятую)",
		EN: "Client statuses (citizen, business, internal; comma-separated)"})
	if err != nil {
		return a, err
	}
	if a.statuses, err = parseStatuses([]string{statusArg}); err != nil {
		return a, err
	}
	if len(a.statuses) == 0 {
		return a, usageErr("не указан --status", "--status is required")
	}
	a.id, err = resolveID(opts.ID, title)
	return a, err
}

// locate is the life situation's file in dir: life-situation.yaml, or with --force the
// file of another accepted name that is there (the folder keeps one life situation).
func (opts *initOptions) locate(dir string) (string, error) {
	for _, name := range model.LSFileNames { // Lstat: anything of that name blocks, not only files
		p := filepath.Join(dir, name)
		if _, err := os.Lstat(p); err != nil {
			continue
		}
		if !opts.Force {
			// Most often another life situation has this id: --force would replace it.
			return "", ioErr("файл %s уже существует — он не изменен; если это другая жизненная ситуация, задайте другой идентификатор: --id; заменить этот файл: --force",
				"%s already exists and was left as it is; if it is another life situation, choose another id with --id; to replace this file: --force", displayPath(p))
		}
		return p, nil
	}
	return filepath.Join(dir, "life-situation.yaml"), nil
}

// build makes the life situation's text from the templates, with the modeline pointing at
// the workspace's schema folder, which it returns too.
func (opts *initOptions) build(dir string, a lsAnswers) (schemaDir string, data []byte, err error) {
	root, err := scaffold.Root(dir)
	if err != nil {
		return "", nil, ioErr("не удалось определить корень рабочей области: %v", "cannot find the workspace root: %v", err)
	}
	schemaDir = filepath.Join(root, scaffold.SchemaDir)
	ref, err := scaffold.Rel(dir, filepath.Join(schemaDir, "life-situation.schema.json"))
	if err != nil {
		return "", nil, ioErr("не удалось построить путь к схеме: %v", "cannot build the schema path: %v", err)
	}
	data, err = scaffold.LifeSituation(scaffold.LSData{Schema: ref, ID: a.id, Title: a.title, Owner: opts.Owner, Statuses: a.statuses},
		scaffold.Options{Lang: opts.lang, Templates: opts.Templates})
	if err != nil {
		return "", nil, ioErr("шаблон: %v", "template: %v", err)
	}
	return schemaDir, data, nil
}

// check refuses a life situation the templates made wrong: nothing is written.
func (opts *initOptions) check(lsPath string, data []byte) error {
	if fs := scaffold.Check(lsPath, data); hasErrors(fs) {
		opts.printFindings(fs)
		opts.printError(opts.t("по шаблонам получился файл с ошибками — ничего не записано; исправьте шаблоны (--templates)",
			"the templates produced a file with errors — nothing was written; fix the templates (--templates)"))
		return &exitError{code: ExitFindings}
	}
	return nil
}

// write writes the life situation and an empty profiles/ folder (kept by .gitkeep), or
// with --dry-run prints them.
func (opts *initOptions) write(lsPath, gitkeep, schemaDir string, data []byte) error {
	if opts.DryRun {
		opts.dryRunFile(lsPath, data)
		fmt.Fprintf(opts.ios.Out, "==> %s <==\n", displayPath(gitkeep))
		return nil
	}
	// Every folder this writes into, checked before the first write.
	for _, p := range []string{lsPath, gitkeep, filepath.Join(schemaDir, "x")} {
		if err := atomicfile.Confined(p); err != nil {
			return ioErr("не удалось записать %s: %v", "cannot write %s: %v", displayPath(p), err)
		}
	}
	if err := opts.writeNew(lsPath, data, opts.Force); err != nil {
		return err
	}
	err := atomicfile.Create(gitkeep, nil, 0o644, false)
	switch {
	case err == nil:
		opts.reportWrite(created, gitkeep)
	case !errors.Is(err, atomicfile.ErrExists) && !errors.Is(err, fs.ErrExist):
		return writeErr(gitkeep, err)
	}
	return nil
}

// report says what to do next with the life situation written.
func (opts *initOptions) report(dir string, status model.Status) {
	if opts.DryRun {
		return
	}
	opts.note(opts.t("Дальше:", "Next:"))
	opts.note(fmt.Sprintf("  profiler validate %s", displayPath(dir)))
	opts.note(fmt.Sprintf("  profiler new profile %s --title %q --status %s --set ...", displayPath(dir),
		opts.t("Название профиля", "Profile title"), status))
}

// keepOrOverwrite is the conflict policy of init and new profile: a schema that differs is
// kept with a warning, replaced with --force.
func keepOrOverwrite(force bool) scaffold.Conflict {
	if force {
		return scaffold.Overwrite
	}
	return scaffold.KeepOther
}

// exportSchemas puts the JSON Schemas where the modelines point and says what it did.
func (e *env) exportSchemas(dir string, policy scaffold.Conflict, dryRun bool) error {
	files, err := scaffold.ExportSchemas(dir, nil, policy, dryRun)
	if err != nil {
		return schemaExportErr(err)
	}
	for _, f := range files {
		p := displayPath(f.Path)
		switch f.State {
		case scaffold.SchemaCreated:
			e.reportWrite(created, f.Path)
		case scaffold.SchemaUpdated:
			e.reportWrite(updated, f.Path)
		case scaffold.SchemaPlanned:
			fmt.Fprintf(e.ios.Out, e.t("==> %s <== (JSON-схема этой версии profiler)\n", "==> %s <== (this profiler version's JSON Schema)\n"), p)
		case scaffold.SchemaDiffers:
			e.printWarning(i18n.Msg("%s отличается от схемы этой версии profiler и оставлен как есть; обновить: --force",
				"%s differs from this profiler version's schema and was kept; update it with --force", p).In(e.lang))
		}
	}
	return nil
}
