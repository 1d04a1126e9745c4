package cli

import (
	"fmt"
	"path/filepath"

	"github.com/profiler-cx/profiler/internal/atomicfile"
	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/reason"
	"github.com/profiler-cx/profiler/internal/sheet"
	"github.com/profiler-cx/profiler/internal/workspace"
	"github.com/rogpeppe/go-internal/diff"
	"github.com/spf13/cobra"
)

func newImportAttributesCmd(e *env, runF func(*importOptions) error) *cobra.Command {
	opts := &importOptions{env: *e}
	cmd := &cobra.Command{
		Use:   e.t("attributes ТАБЛИЦА.xlsx|ТАБЛИЦА.csv --ls ПАПКА", "attributes TABLE.xlsx|TABLE.csv --ls DIR"),
		Short: e.t("добавить в ЖС признаки из таблицы экспертов", "add attributes from the experts' table to a life situation"),
		Long: e.t(`Читает «таблицу с признаками для сегментации, подготовленную экспертами» (стадия I) и добавляет
признаки в каталог attributes файла life-situation.yaml папки --ls, правя его как текст.

Столбцы узнаются по заголовкам на русском или английском (регистр и «ё» не важны): «Статус клиента»
(гражданин, бизнес, внутренний клиент или citizen, business, internal; несколько — через «;»),
«Признак» (название; id — его транслитерация), «Значения» (по одному в строке или через «;»),
необязательные «Тип» (enum, range, text или перечисление, диапазон, текст), «Единица», «Источники»
(НПА, формы заявлений, экспертная таблица, исследование, другое — или их id), «Описание», «id».
Без типа он выводится: интервалы вида 18-25 и 51+ — range, другие значения — enum, без значений —
text; --dry-run называет выведенные типы и печатает diff.

Признак, который уже есть в ЖС, не заменяется (о нем сообщается), пока не указан --force.
Результат проверяется правилами validate до записи.`,
			`Reads the experts' table of attributes for segmentation (stage I) and adds the attributes to the
attributes catalogue of the life-situation.yaml in --ls, editing it as text.

Columns are recognised by their headers in Russian or English (case and ё/е do not matter): client
status (citizen, business, internal or the Russian words; several separated by ";"), attribute
title (the id is its transliteration), values (one per line or separated by ";"), and optional
type (enum, range, text), unit, sources (npa, application-form, expert-table, research, other or
the Russian words), description, id. Without a type it is inferred: buckets such as 18-25 and 51+
make range, other values enum, no values text; --dry-run states the inferred types and prints the
diff.

An attribute the life situation already has is reported, not replaced, unless --force. The
result is checked with the validate rules before anything is written.`),
		Example: `  profiler import attributes experts.xlsx --ls postuplenie-v-vuz --dry-run
  profiler import attributes experts.csv --ls postuplenie-v-vuz`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if opts.LS == "" {
				return usageErr("укажите папку жизненной ситуации: --ls ПАПКА", "name the life situation's folder: --ls DIR")
			}
			if runF != nil {
				return runF(opts)
			}
			return importAttributesRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.LS, "ls", "", e.t("папка ЖС (с life-situation.yaml)", "the life situation's folder (with life-situation.yaml)"))
	f.BoolVar(&opts.DryRun, "dry-run", false, e.t("назвать типы признаков и напечатать diff, ничего не записывая", "state the attribute types and print the diff, write nothing"))
	f.BoolVar(&opts.Force, "force", false, e.t("заменять признаки, которые уже есть", "replace attributes that exist"))
	f.BoolVarP(&opts.quiet, "quiet", "q", false, e.t("не сообщать о записанном файле", "do not report the file written"))
	return cmd
}

func importAttributesRun(opts *importOptions) error {
	lsPath := workspace.LSFile(opts.LS)
	if lsPath == "" {
		return usageErr("--ls %s: в папке нет life-situation.yaml", "--ls %s: the folder has no life-situation.yaml", displayPath(opts.LS))
	}
	b, err := readBook(opts.File)
	if err != nil {
		return err
	}
	defer b.Close()
	src, ls, err := opts.lsToExtend(lsPath)
	if err != nil {
		return err
	}
	plan, probs := sheet.PlanAttributes(b, ls, src, opts.Force)
	if !hasProblemErrors(probs) && plan != nil && plan.New != nil {
		probs = append(probs, checkAttributes(lsPath, plan, b.File)...)
	}
	if plan != nil && opts.DryRun {
		opts.printAttributeTypes(plan)
	}
	if err := opts.tableErrors(probs); err != nil {
		return err
	}
	switch {
	case plan == nil || plan.New == nil:
		opts.note(opts.t("новых признаков нет — файл не тронут", "no new attributes — the file is untouched"))
	case opts.DryRun:
		name := filepath.ToSlash(lsPath)
		opts.ios.Out.Write(diff.Diff("a/"+name, src, "b/"+name, plan.New))
	default:
		if err := atomicfile.Write(lsPath, plan.New, 0o644, true); err != nil {
			return writeErr(lsPath, err)
		}
		opts.reportWrite(changed, lsPath)
	}
	return nil
}

// lsToExtend reads the --ls life situation the attributes are added to; it must be free of
// errors, or the new attributes could not be checked against it.
func (opts *importOptions) lsToExtend(path string) ([]byte, *model.LifeSituation, error) {
	src, err := load.ReadFile(path, load.Limits{})
	if err != nil {
		return nil, nil, ioErr("не удалось прочитать %s: %v", "cannot read %s: %v", displayPath(path), reason.Cause(err))
	}
	before := workspace.Check([]string{path}, workspace.Options{})
	found := before.LifeSituations()
	if len(found) == 0 || hasErrors(before.Findings) {
		opts.printFindings(before.Findings)
		opts.printError(i18n.Msg("в %s есть ошибки — исправьте жизненную ситуацию, потом добавляйте признаки",
			"%s has errors — fix the life situation first, then add attributes", displayPath(path)).In(opts.lang))
		return nil, nil, &exitError{code: ExitFindings}
	}
	return src, found[0], nil
}

// checkAttributes runs the validate rules on the life situation as it would be written,
// each finding placed at the table's cell it came from.
func checkAttributes(lsPath string, plan *sheet.AttrPlan, file string) []sheet.Problem {
	abs, _ := filepath.Abs(lsPath)
	res := workspace.Check([]string{lsPath}, workspace.Options{Overlay: map[string][]byte{abs: plan.New}})
	var probs []sheet.Problem
	for _, f := range res.Findings {
		if f.Severity == finding.Info {
			continue
		}
		probs = append(probs, sheet.Problem{Where: plan.Locate(f.Line, file), Severity: f.Severity,
			Message: i18n.Join(" ", f.Message, i18n.Same("["+f.Rule+"]"))})
	}
	return probs
}

// printAttributeTypes tells --dry-run what each attribute's type is, given or inferred,
// and whether it is new.
func (opts *importOptions) printAttributeTypes(plan *sheet.AttrPlan) {
	for _, a := range plan.Attrs {
		how := opts.t("указан", "given")
		if a.Inferred {
			how = opts.t("выведен", "inferred")
		}
		state := opts.t("новый", "new")
		if a.Exists {
			state = opts.t("уже есть", "exists")
			if opts.Force {
				state = opts.t("заменяется", "replaced")
			}
		}
		fmt.Fprintf(opts.ios.Out, "%s: %s «%s»: %s %s (%s), %s\n", a.Where, a.ID, a.Title, opts.t("тип", "type"), a.Type, how, state)
	}
}
