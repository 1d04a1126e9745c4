package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/profiler-cx/profiler/internal/atomicfile"
	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/reason"
	"github.com/profiler-cx/profiler/internal/scaffold"
	"github.com/profiler-cx/profiler/internal/sheet"
	"github.com/profiler-cx/profiler/internal/workspace"
	"github.com/rogpeppe/go-internal/diff"
	"github.com/spf13/cobra"
)

// importOptions are the parsed flags of `profiler import`.
type importOptions struct {
	env
	File   string
	Dir    string // the workspace
	LS     string // life situation folder (CSV rows without id; import attributes)
	DryRun bool
	Force  bool
}

func newImportCmd(e *env, runF func(*importOptions) error) *cobra.Command {
	opts := &importOptions{env: *e}
	cmd := &cobra.Command{
		Use:   e.t("import ФАЙЛ.xlsx|ФАЙЛ.csv [--dry-run] [--force]", "import FILE.xlsx|FILE.csv [--dry-run] [--force]"),
		Short: e.t("загрузить книгу или CSV с профилями обратно в YAML", "bring a workbook or CSV of profiles back into the YAML"),
		Long: e.t(`Читает книгу, выгруженную profiler export (или CSV с теми же столбцами), и переносит правки в YAML.
Строка с id меняет в файле профиля только поля, чьи ячейки изменились: файл правится как текст,
комментарии, порядок и нетронутые строки сохраняются. Строка без id создает профиль, как
profiler new profile (id — транслитерация названия). Выгрузка и загрузка без правок не меняют ни байта.

Все строки проверяются правилами validate до записи; каждое замечание печатается с местом
«ФАЙЛ: лист!ячейка», и тогда не записывается ничего. --dry-run печатает diff и ничего не пишет.
Формулы: берется сохраненное значение (с примечанием). Ячейки в формате даты, объединенные ячейки —
ошибка. Скрытые листы тоже читаются.

CSV: UTF-8 (с BOM или без), UTF-16 или Windows-1251; разделитель «;», «,» или табуляция определяется
сам. Жизненная ситуация строк CSV — по их id или --ls ПАПКА.

Коды выхода: 0 — загружено (или нечего менять), 1 — замечания, ничего не записано, 2 — ошибка
использования или чтения.`,
			`Reads a workbook written by profiler export (or a CSV with the same columns) and carries the edits
into the YAML. A row with an id changes only the fields whose cells changed, editing the profile's
file as text: comments, order and untouched lines stay. A row without id creates a profile as
profiler new profile does (the id is the transliterated title). Export then import with no edit
changes no byte.

Every row is checked with the validate rules before anything is written; each finding is printed
at "FILE: sheet!cell", and then nothing is written. --dry-run prints the diff and writes nothing.
Formulas: the saved value is used (with a note). Date-formatted cells and merged cells are errors.
Hidden sheets are read too.

CSV: UTF-8 (with or without a BOM), UTF-16 or Windows-1251; the separator ";", "," or tab is
detected. The life situation of a CSV's rows comes from their ids or --ls DIR.

Exit codes: 0 imported (or nothing to change), 1 findings, nothing written, 2 usage or read error.`),
		Example: `  profiler export . --output profiles.xlsx
  profiler import profiles.xlsx --dry-run
  profiler import profiles.xlsx
  profiler import new-rows.csv --ls postuplenie-v-vuz`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(opts)
			}
			return importRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Dir, "dir", "C", ".", e.t("рабочая папка с ЖС и профилями", "the workspace folder with the life situations and profiles"))
	f.StringVar(&opts.LS, "ls", "", e.t("папка ЖС для строк CSV без id", "life situation folder for CSV rows without id"))
	f.BoolVar(&opts.DryRun, "dry-run", false, e.t("напечатать diff, ничего не записывая", "print the diff, write nothing"))
	f.BoolVar(&opts.Force, "force", false, e.t("строке без id можно перезаписать существующий файл", "let a row without id overwrite a file that exists"))
	f.BoolVarP(&opts.quiet, "quiet", "q", false, e.t("не сообщать о записанных файлах", "do not report the files written"))
	cmd.AddCommand(newImportAttributesCmd(e, nil))
	return cmd
}

// readBook reads a workbook or CSV file, bounded.
func readBook(path string) (*sheet.Book, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, ioErr("не удалось открыть %s: %v", "cannot open %s: %v", displayPath(path), reason.Cause(err))
	}
	defer fh.Close()
	if st, err := fh.Stat(); err == nil && !st.Mode().IsRegular() {
		return nil, usageErr("%s — не обычный файл", "%s is not a regular file", displayPath(path))
	}
	data, err := io.ReadAll(io.LimitReader(fh, sheet.DefaultLimits.MaxBytes+1))
	if err != nil {
		return nil, ioErr("не удалось прочитать %s: %v", "cannot read %s: %v", displayPath(path), reason.Cause(err))
	}
	b, err := sheet.Read(displayPath(path), data, sheet.DefaultLimits)
	if err != nil {
		var se *sheet.Error
		if errors.As(err, &se) {
			return nil, &usageError{msg: i18n.Join(": ", i18n.Same(displayPath(path)), se.Msg), cause: err}
		}
		return nil, ioErr("%s: %v", "%s: %v", displayPath(path), err)
	}
	return b, nil
}

// printProblems prints the table's findings as "FILE: sheet!cell: error: message".
func (e *env) printProblems(ps []sheet.Problem) {
	for _, p := range ps {
		sev := map[finding.Severity]i18n.Text{
			finding.Error:   {RU: "ошибка", EN: "error"},
			finding.Warning: {RU: "предупреждение", EN: "warning"},
			finding.Info:    {RU: "примечание", EN: "note"},
		}[p.Severity]
		fmt.Fprintf(e.ios.ErrOut, "%s: %s: %s\n", p.Where, sev.In(e.lang), p.Message.In(e.lang))
	}
}

// loadWorkspace checks the workspace and indexes it for import.
func loadWorkspace(dir string) (*sheet.Workspace, *workspace.Result) {
	res := workspace.Check([]string{dir}, workspace.Options{Keep: workspace.KeepModels})
	ws := &sheet.Workspace{Profiles: map[string]string{}}
	ws.LS = append(ws.LS, exportData(res)...)
	for _, d := range res.Docs {
		if d.Profile != nil {
			if _, ok := ws.Profiles[d.Profile.ID]; !ok {
				ws.Profiles[d.Profile.ID] = filepath.FromSlash(d.Path)
			}
		}
	}
	ws.Index()
	return ws, res
}

// lsOf finds the life situation of a --ls folder among the workspace's.
func lsOf(ws *sheet.Workspace, dir string) (*sheet.LSData, error) {
	p := workspace.LSFile(dir)
	if p == "" {
		return nil, usageErr("--ls %s: в папке нет life-situation.yaml", "--ls %s: the folder has no life-situation.yaml", displayPath(dir))
	}
	abs, _ := filepath.Abs(p)
	for i := range ws.LS {
		if a, _ := filepath.Abs(filepath.FromSlash(ws.LS[i].Path)); a == abs {
			return &ws.LS[i], nil
		}
	}
	return nil, usageErr("--ls %s: эта ЖС не найдена в рабочей папке (--dir) или в ней ошибки — profiler validate %s",
		"--ls %s: this life situation is not in the workspace (--dir) or has errors — profiler validate %s", displayPath(dir), displayPath(dir))
}

func importRun(opts *importOptions) error {
	b, err := readBook(opts.File)
	if err != nil {
		return err
	}
	defer b.Close()
	ws, before := loadWorkspace(opts.Dir)
	if before.IOError {
		opts.printFindings(before.Findings)
		return &exitError{code: ExitUsage}
	}
	po := sheet.Options{Force: opts.Force, NewProfile: newProfileFunc(opts.lang),
		ReadFile: func(p string) ([]byte, error) { return load.ReadFile(p, load.Limits{}) }}
	if opts.LS != "" {
		d, err := lsOf(ws, opts.LS)
		if err != nil {
			return err
		}
		po.LS = d.LS.ID
	}
	changes, probs := sheet.Plan(b, ws, po)
	if !hasProblemErrors(probs) && len(changes) > 0 {
		probs = append(probs, checkChanges(changes, before)...)
	}
	if err := opts.tableErrors(probs); err != nil {
		return err
	}
	switch {
	case len(changes) == 0:
		opts.note(opts.t("изменений нет — файлы не тронуты", "no changes — no file touched"))
	case opts.DryRun:
		for _, c := range changes {
			name := filepath.ToSlash(c.Path)
			old := "a/" + name
			if c.Created() {
				old = "/dev/null"
			}
			opts.ios.Out.Write(diff.Diff(old, c.Old, "b/"+name, c.New))
		}
	default:
		return opts.writeChanges(changes)
	}
	return nil
}

// newProfileFunc renders a new profile as `profiler new profile` does.
func newProfileFunc(lang i18n.Lang) sheet.NewProfileFunc {
	return func(ls sheet.LSData, id, title string, status model.Status, stage model.Stage) (string, []byte, error) {
		lsPath := filepath.FromSlash(ls.Path)
		profilesDir := filepath.Join(filepath.Dir(lsPath), "profiles")
		schema, err := profileSchemaPath(lsPath, profilesDir)
		if err != nil {
			return "", nil, err
		}
		data, err := scaffold.Profile(scaffold.ProfileData{Schema: schema, ID: id, LifeSituation: ls.LS.ID, LSTitle: ls.LS.Title,
			Title: title, Status: status, Stage: stage}, scaffold.Options{Lang: lang})
		return filepath.Join(profilesDir, id+".yaml"), data, err
	}
}

// tableErrors prints the table's findings, and when any is an error says that nothing
// was written.
func (opts *importOptions) tableErrors(probs []sheet.Problem) error {
	opts.printProblems(probs)
	if !hasProblemErrors(probs) {
		return nil
	}
	opts.printError(opts.t("в таблице есть ошибки — ничего не записано; исправьте ячейки и загрузите снова",
		"the table has errors — nothing was written; fix the cells and import again"))
	return &exitError{code: ExitFindings}
}

// writeChanges writes the planned files all at once, or none of them.
func (opts *importOptions) writeChanges(changes []*sheet.Change) error {
	var batch atomicfile.Batch
	for _, c := range changes {
		if err := atomicfile.MkdirAll(filepath.Dir(c.Path), 0o755); err != nil {
			batch.Abort()
			return ioErr("не удалось создать папку %s: %v", "cannot create the folder %s: %v", displayPath(filepath.Dir(c.Path)), err)
		}
		if err := batch.Put(c.Path, c.New, 0o644); err != nil {
			batch.Abort()
			return ioErr("не удалось записать %s: %v — ничего не изменено", "cannot write %s: %v — nothing was changed", displayPath(c.Path), reason.Cause(err))
		}
	}
	if err := batch.Commit(); err != nil {
		return ioErr("не удалось записать файлы: %v", "cannot write the files: %v", reason.Cause(err))
	}
	for _, c := range changes {
		if c.Created() {
			opts.reportWrite(created, c.Path)
		} else {
			opts.reportWrite(changed, c.Path)
		}
	}
	return nil
}

func hasProblemErrors(ps []sheet.Problem) bool {
	for _, p := range ps {
		if p.Severity == finding.Error {
			return true
		}
	}
	return false
}

// checkChanges runs the validate rules on the files as they would be written, and reports
// each new finding at the cell it came from.
func checkChanges(changes []*sheet.Change, before *workspace.Result) []sheet.Problem {
	type key struct{ file, rule, msg string }
	old := map[key]bool{}
	for _, f := range before.Findings {
		old[key{f.File, f.Rule, f.Message.EN}] = true
	}
	overlay := map[string][]byte{}
	var paths []string
	byFile := map[string]*sheet.Change{}
	for _, c := range changes {
		abs, err := filepath.Abs(c.Path)
		if err != nil {
			continue
		}
		overlay[abs] = c.New
		paths = append(paths, c.Path)
		byFile[filepath.ToSlash(filepath.Clean(c.Path))] = c
	}
	res := workspace.Check(paths, workspace.Options{Overlay: overlay})
	var out []sheet.Problem
	for _, f := range res.Findings {
		c := byFile[f.File]
		if c == nil || f.Severity == finding.Info || old[key{f.File, f.Rule, f.Message.EN}] {
			continue
		}
		out = append(out, sheet.Problem{Where: c.Locate(f.Line), Severity: f.Severity,
			Message: i18n.Join(" ", f.Message, i18n.Same("["+f.Rule+"]"))})
	}
	return out
}

// profileSchemaPath is the modeline of a new profile, as profileSchemaRef picks it, but
// without exporting the schemas: import writes nothing before every row is checked.
func profileSchemaPath(lsPath, profilesDir string) (string, error) {
	if data, err := os.ReadFile(lsPath); err == nil {
		if ref := scaffold.Modeline(data); ref != "" && !filepath.IsAbs(filepath.FromSlash(ref)) {
			if strings.Contains(ref, "://") {
				if i := strings.LastIndexByte(ref, '/'); i >= 0 {
					return ref[:i+1] + "profile.schema.json", nil
				}
			}
			cand := filepath.Join(filepath.Dir(lsPath), filepath.FromSlash(ref), "..", "profile.schema.json")
			if st, err := os.Stat(cand); err == nil && st.Mode().IsRegular() {
				return scaffold.Rel(profilesDir, cand)
			}
		}
	}
	root, err := scaffold.Root(filepath.Dir(lsPath))
	if err != nil {
		return "", err
	}
	return scaffold.Rel(profilesDir, filepath.Join(root, scaffold.SchemaDir, "profile.schema.json"))
}
