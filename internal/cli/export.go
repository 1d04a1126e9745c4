package cli

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/profiler-cx/profiler/internal/atomicfile"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/sheet"
	"github.com/profiler-cx/profiler/internal/workspace"
	"github.com/spf13/cobra"
)

// exportOptions are the parsed flags of `profiler export`.
type exportOptions struct {
	env
	Paths  []string
	Output string
}

func newExportCmd(e *env, runF func(*exportOptions) error) *cobra.Command {
	opts := &exportOptions{env: *e}
	cmd := &cobra.Command{
		Use:   e.t("export [ПУТЬ...] --output ФАЙЛ.xlsx", "export [PATH...] --output FILE.xlsx"),
		Short: e.t("выгрузить ЖС и профили в книгу Excel (.xlsx)", "write life situations and profiles to an Excel workbook (.xlsx)"),
		Long: e.t(`Пишет книгу .xlsx, которую открывают Excel, LibreOffice, МойОфис и Р7-Офис: лист жизненных
ситуаций, лист признаков и по листу на каждую ЖС — строка на профиль (id, название, статус, этап,
столбец на признак, емкость, удовлетворенность, клиентский путь, каналы, боли; элементы списков —
по одному в строке ячейки). Строка заголовка закреплена, есть автофильтр и списки для статуса, этапа
и значений признаков. Книгу можно править и загрузить обратно: profiler import ФАЙЛ.xlsx.

Файлы с ошибками не выгружаются: сначала profiler validate. Книга записывается атомарно.`,
			`Writes an .xlsx workbook that Excel, LibreOffice, MoyOffice and R7-Office open: a sheet of life
situations, a sheet of attributes and one sheet per life situation with a row per profile (id,
title, status, stage, a column per attribute, capacity, satisfaction, journey, channels, pains;
list items one per line inside a cell). The header row is frozen, with an autofilter and drop-down
lists for status, stage and attribute values. Edit the workbook and bring it back with
profiler import FILE.xlsx.

Files with errors are not exported: run profiler validate first. The workbook is written atomically.`),
		Example: `  profiler export examples --output profiles.xlsx
  profiler export postuplenie-v-vuz --output vuz.xlsx`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if opts.Output == "" {
				return usageErr("укажите файл книги: --output ФАЙЛ.xlsx", "name the workbook: --output FILE.xlsx")
			}
			if !strings.EqualFold(filepath.Ext(opts.Output), ".xlsx") {
				return usageErr("--output %s: книга пишется в формате .xlsx — дайте файлу расширение .xlsx (CSV: profiler list --excel)",
					"--output %s: the workbook is .xlsx — give the file the .xlsx extension (CSV: profiler list --excel)", opts.Output)
			}
			if runF != nil {
				return runF(opts)
			}
			return exportRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Output, "output", "o", "", e.t("файл книги .xlsx", "the .xlsx workbook to write"))
	f.BoolVarP(&opts.quiet, "quiet", "q", false, e.t("не сообщать о записи", "do not report the file written"))
	return cmd
}

// exportData groups the checked documents by life situation, in id order.
func exportData(res *workspace.Result) []sheet.LSData {
	byID := map[string]*sheet.LSData{}
	var out []*sheet.LSData
	for _, d := range res.Docs {
		if d.LS != nil && byID[d.LS.ID] == nil {
			x := &sheet.LSData{LS: d.LS, Path: d.Path}
			byID[d.LS.ID] = x
			out = append(out, x)
		}
	}
	for _, d := range res.Docs {
		if d.Profile != nil && !d.Context {
			if x := byID[d.Profile.LifeSituation]; x != nil {
				x.Profiles = append(x.Profiles, d.Profile)
			}
		}
	}
	slices.SortFunc(out, func(a, b *sheet.LSData) int { return strings.Compare(a.LS.ID, b.LS.ID) })
	data := make([]sheet.LSData, len(out))
	for i, x := range out {
		data[i] = *x
	}
	return data
}

func exportRun(opts *exportOptions) error {
	res := workspace.Check(opts.Paths, workspace.Options{Keep: workspace.KeepModels})
	if res.IOError || hasErrors(res.Findings) {
		opts.printFindings(res.Findings)
		opts.printError(opts.t("в файлах есть ошибки — книга не записана; исправьте их (profiler validate) и выгрузите снова",
			"the files have errors — no workbook was written; fix them (profiler validate) and export again"))
		return &exitError{code: ExitFindings}
	}
	data := exportData(res)
	if len(data) == 0 {
		return usageErr("в %s нет жизненных ситуаций — выгружать нечего", "no life situations in %s — nothing to export", strings.Join(orDot(opts.Paths), " "))
	}
	book, err := sheet.Export(data, opts.lang)
	if err != nil {
		return ioErr("не удалось построить книгу: %v", "cannot build the workbook: %v", err)
	}
	if err := atomicfile.Write(opts.Output, book, 0o644, true); err != nil {
		return writeErr(opts.Output, err)
	}
	n := 0
	for _, d := range data {
		n += len(d.Profiles)
	}
	opts.note(i18n.Msg("записана книга %s: ЖС — %d, профилей — %d", "wrote %s: %d life situations, %d profiles",
		displayPath(opts.Output), len(data), n).In(opts.lang))
	return nil
}

func orDot(paths []string) []string {
	if len(paths) == 0 {
		return []string{"."}
	}
	return paths
}
