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
	e := &opts.env
	if err := checkTemplatesDir(opts.Templates); err != nil {
		return err
	}
	title, err := e.require(opts.Title, "--title", i18n.Text{RU: "Название ЖС", EN: "Life situation title"})
	if err != nil {
		return err
	}
	if err := oneLine("--title", title); err != nil {
		return err
	}
	if err := oneLine("--owner", opts.Owner); err != nil {
		return err
	}
	statusArg := strings.Join(opts.Statuses, ",")
	statusArg, err = e.require(statusArg, "--status", i18n.Text{
		RU: "Статусы клиентов (citizen — гражданин, business — бизнес, internal — внутренний клиент; через запятую)",
		EN: "Client statuses (citizen, business, internal; comma-separated)"})
	if err != nil {
		return err
	}
	statuses, err := parseStatuses([]string{statusArg})
	if err != nil {
		return err
	}
	if len(statuses) == 0 {
		return usageErr("не указан --status", "--status is required")
	}
	id, err := resolveID(opts.ID, title)
	if err != nil {
		return err
	}
	dir := opts.Dir
	if dir == "" {
		dir = id
	}
	lsPath := filepath.Join(dir, "life-situation.yaml")
	for _, name := range model.LSFileNames { // Lstat: anything of that name blocks, not only files
		p := filepath.Join(dir, name)
		if _, err := os.Lstat(p); err != nil {
			continue
		}
		if !opts.Force {
			// Most often another life situation has this id: --force would replace it.
			return ioErr("файл %s уже существует — он не изменен; если это другая жизненная ситуация, задайте другой идентификатор: --id; заменить этот файл: --force",
				"%s already exists and was left as it is; if it is another life situation, choose another id with --id; to replace this file: --force", displayPath(p))
		}
		lsPath = p // --force replaces the file that is there: the folder keeps one life situation
		break
	}

	root, err := scaffold.Root(dir)
	if err != nil {
		return ioErr("не удалось определить корень рабочей области: %v", "cannot find the workspace root: %v", err)
	}
	schemaDir := filepath.Join(root, scaffold.SchemaDir)
	ref, err := scaffold.Rel(dir, filepath.Join(schemaDir, "life-situation.schema.json"))
	if err != nil {
		return ioErr("не удалось построить путь к схеме: %v", "cannot build the schema path: %v", err)
	}
	data, err := scaffold.LifeSituation(scaffold.LSData{Schema: ref, ID: id, Title: title, Owner: opts.Owner, Statuses: statuses},
		scaffold.Options{Lang: e.lang, Templates: opts.Templates})
	if err != nil {
		return ioErr("шаблон: %v", "template: %v", err)
	}
	if fs := checkGenerated(lsPath, data); hasErrors(fs) {
		e.printFindings(fs)
		e.printError(e.t("по шаблонам получился файл с ошибками — ничего не записано; исправьте шаблоны (--templates)",
			"the templates produced a file with errors — nothing was written; fix the templates (--templates)"))
		return &exitError{code: ExitFindings}
	}

	gitkeep := filepath.Join(dir, "profiles", ".gitkeep")
	if opts.DryRun {
		e.dryRunFile(lsPath, data)
		fmt.Fprintf(e.ios.Out, "==> %s <==\n", displayPath(gitkeep))
	} else {
		// Every folder this writes into, checked before the first write.
		for _, p := range []string{lsPath, gitkeep, filepath.Join(schemaDir, "x")} {
			if err := atomicfile.Confined(p); err != nil {
				return ioErr("не удалось записать %s: %v", "cannot write %s: %v", displayPath(p), err)
			}
		}
		if err := e.writeNew(lsPath, data, opts.Force); err != nil {
			return err
		}
		err := atomicfile.Create(gitkeep, nil, 0o644, false)
		switch {
		case err == nil:
			e.reportWrite(created, gitkeep)
		case !errors.Is(err, atomicfile.ErrExists) && !errors.Is(err, fs.ErrExist):
			return writeErr(gitkeep, err)
		}
	}
	if err := e.exportSchemas(schemaDir, keepOrOverwrite(opts.Force), opts.DryRun); err != nil {
		return err
	}
	if !opts.DryRun {
		e.note(e.t("Дальше:", "Next:"))
		e.note(fmt.Sprintf("  profiler validate %s", displayPath(dir)))
		e.note(fmt.Sprintf("  profiler new profile %s --title %q --status %s --set ...", displayPath(dir),
			e.t("Название профиля", "Profile title"), statuses[0]))
	}
	return nil
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
