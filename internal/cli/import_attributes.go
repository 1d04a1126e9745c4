package cli

import (
	"fmt"
	"path/filepath"

	"github.com/profiler-cx/profiler/internal/atomicfile"
	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/reason"
	"github.com/profiler-cx/profiler/internal/sheet"
	"github.com/profiler-cx/profiler/internal/workspace"
	"github.com/rogpeppe/go-internal/diff"
	"github.com/spf13/cobra"
)

func newImportAttributesCmd(e *env, runF func(*importOptions) error) *cobra.Command {
	opts := &importOptions{}
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
			return importAttributesRun(e, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.LS, "ls", "", e.t("папка ЖС (с life-situation.yaml)", "the life situation's folder (with life-situation.yaml)"))
	f.BoolVar(&opts.DryRun, "dry-run", false, e.t("назвать типы признаков и напечатать diff, ничего не записывая", "state the attribute types and print the diff, write nothing"))
	f.BoolVar(&opts.Force, "force", false, e.t("заменять признаки, которые уже есть", "replace attributes that exist"))
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, e.t("не сообщать о записанном файле", "do not report the file written"))
	return cmd
}

func importAttributesRun(e *env, opts *importOptions) error {
	e.quiet = opts.Quiet
	lsPath := workspace.LSFile(opts.LS)
	if lsPath == "" {
		return usageErr("--ls %s: в папке нет life-situation.yaml", "--ls %s: the folder has no life-situation.yaml", displayPath(opts.LS))
	}
	b, err := readBook(opts.File)
	if err != nil {
		return err
	}
	defer b.Close()
	src, err := load.ReadFile(lsPath, load.Limits{})
	if err != nil {
		return ioErr("не удалось прочитать %s: %v", "cannot read %s: %v", displayPath(lsPath), reason.Cause(err))
	}
	before := workspace.Check([]string{lsPath}, workspace.Options{})
	ls := before.LifeSituations()
	if len(ls) == 0 || hasErrors(before.Findings) {
		e.printFindings(before.Findings)
		fmt.Fprintln(e.ios.ErrOut, i18n.Msg("profiler: ошибка: в %s есть ошибки — исправьте жизненную ситуацию, потом добавляйте признаки",
			"profiler: error: %s has errors — fix the life situation first, then add attributes", displayPath(lsPath)).In(e.lang))
		return &exitError{code: ExitFindings}
	}
	plan, probs := sheet.PlanAttributes(b, ls[0], src, opts.Force)
	if !hasProblemErrors(probs) && plan != nil && plan.New != nil {
		abs, _ := filepath.Abs(lsPath)
		res := workspace.Check([]string{lsPath}, workspace.Options{Overlay: map[string][]byte{abs: plan.New}})
		for _, f := range res.Findings {
			if f.Severity == finding.Info {
				continue
			}
			probs = append(probs, sheet.Problem{Where: plan.Locate(f.Line, b.File), Severity: f.Severity,
				Message: i18n.Join(" ", f.Message, i18n.Same("["+f.Rule+"]"))})
		}
	}
	if plan != nil && opts.DryRun {
		for _, a := range plan.Attrs {
			how := e.t("указан", "given")
			if a.Inferred {
				how = e.t("выведен", "inferred")
			}
			state := e.t("новый", "new")
			if a.Exists {
				state = e.t("уже есть", "exists")
				if opts.Force {
					state = e.t("заменяется", "replaced")
				}
			}
			fmt.Fprintf(e.ios.Out, "%s: %s «%s»: %s %s (%s), %s\n", a.Where, a.ID, a.Title, e.t("тип", "type"), a.Type, how, state)
		}
	}
	e.printProblems(probs)
	if hasProblemErrors(probs) {
		fmt.Fprintln(e.ios.ErrOut, e.t("profiler: ошибка: в таблице есть ошибки — ничего не записано; исправьте ячейки и загрузите снова",
			"profiler: error: the table has errors — nothing was written; fix the cells and import again"))
		return &exitError{code: ExitFindings}
	}
	if plan == nil || plan.New == nil {
		e.note(e.t("новых признаков нет — файл не тронут", "no new attributes — the file is untouched"))
		return nil
	}
	if opts.DryRun {
		name := filepath.ToSlash(lsPath)
		e.ios.Out.Write(diff.Diff("a/"+name, src, "b/"+name, plan.New))
		return nil
	}
	if err := atomicfile.Write(lsPath, plan.New, 0o644, true); err != nil {
		return ioErr("не удалось записать %s: %v", "cannot write %s: %v", displayPath(lsPath), reason.Cause(err))
	}
	e.reportWrite(changed, lsPath)
	return nil
}
