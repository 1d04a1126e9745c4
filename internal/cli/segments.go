package cli

import (
	"bufio"
	"strings"

	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/render"
	"github.com/profiler-cx/profiler/internal/segments"
	"github.com/profiler-cx/profiler/internal/workspace"
	"github.com/spf13/cobra"
)

// segmentsOptions are the parsed flags of `profiler segments`.
type segmentsOptions struct {
	env
	Paths  []string
	Format string
}

var segmentsFormats = []string{"text", "json", "md"}

func newSegmentsCmd(e *env, runF func(*segmentsOptions) error) *cobra.Command {
	opts := &segmentsOptions{env: *e}
	cmd := &cobra.Command{
		Use:   e.t("segments [ПУТЬ...]", "segments [PATH...]"),
		Short: e.t("анализ II этапа: какие сегменты пересекаются, какие повторяются, какие значения не выделены", "stage II analysis: which segments overlap, which repeat, which values no profile singles out"),
		Long: e.t(`Для каждой ЖС и статуса клиента сравнивает профили по признакам с перечнем значений,
справочником или интервалами (текстовые признаки не сравниваются; признак, который профиль
не задает, допускает все значения):
  пересечения   — пары профилей, в которые может попасть один и тот же человек, и общие значения;
  дубли         — пары профилей с одинаковыми значениями всех признаков (validate предупреждает
                  о них правилом segment-duplicate);
  не выделены   — объявленные значения, которые не указал ни один профиль, — кандидаты
                  в «слепую зону».
--format text (по умолчанию) показывает длинные списки коротко, json — полностью,
md — как раздел обзора ЖС в render.

Входные файлы проверяются как в validate; при ошибках выводятся находки и анализ не строится.

Коды выхода: 0 — готово, 1 — во входных файлах есть ошибки, 2 — ошибка использования или
ввода-вывода.`,
			`For each life situation and client status, compares the profiles by the attributes with a
list of values, a catalogue or buckets (text attributes are not compared; an attribute a profile
does not set allows every value):
  overlaps        — pairs of profiles one and the same person can belong to, with the shared values;
  duplicates      — pairs of profiles with equal values of every attribute (validate warns
                    about them with the rule segment-duplicate);
  not singled out — declared values no profile lists: candidates for a blind zone.
--format text (default) shows long lists briefly, json in full, md as the overview section
of render.

The input is checked as validate does; with errors the findings are printed and no analysis
is made.

Exit codes: 0 done, 1 the input has errors, 2 usage or I/O error.`),
		Example: `  profiler segments examples
  profiler segments --format json . | jq '.lifeSituations[].statuses[].duplicates'
  profiler --lang en segments examples/postuplenie-v-vuz --format md`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if !contains(segmentsFormats, opts.Format) {
				return usageErr("--format: неизвестный формат %q; допустимо: %s", "--format: unknown format %q; use one of: %s",
					opts.Format, strings.Join(segmentsFormats, ", "))
			}
			if runF != nil {
				return runF(opts)
			}
			return segmentsRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "text", e.t("формат: ", "format: ")+strings.Join(segmentsFormats, "|"))
	return cmd
}

func segmentsRun(opts *segmentsOptions) error {
	res := workspace.Check(opts.Paths, workspace.Options{Stdin: opts.ios.In, Keep: workspace.KeepModels})
	// As render: an analysis of broken files would mislead, so show what to fix.
	if err := opts.checkedInput(res, i18n.Text{RU: "во входных файлах есть ошибки — исправьте их, и анализ сегментов будет построен",
		EN: "the input has errors — fix them and the segment analysis will be made"},
		i18n.Text{RU: "не найдено ни одного документа profiler", EN: "no profiler documents found"}); err != nil {
		return err
	}
	return opts.writeAnalysis(segments.Analyze(res.LifeSituations(), res.Profiles()))
}

// writeAnalysis writes the analysis in --format, streamed: the JSON of a large workspace
// runs to many megabytes.
func (opts *segmentsOptions) writeAnalysis(an []segments.LifeSituation) error {
	out := bufio.NewWriterSize(opts.ios.Out, 1<<16)
	var err error
	switch opts.Format {
	case "json":
		err = segments.WriteJSON(out, an)
	case "md":
		err = render.WriteSegments(out, an, opts.lang)
	default:
		err = segments.WriteText(out, an, opts.lang)
	}
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		return ioErr("не удалось вывести анализ: %v", "cannot write the analysis: %v", err)
	}
	return nil
}
