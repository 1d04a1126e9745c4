package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/profiler-cx/profiler/internal/catalog"
	"github.com/spf13/cobra"
)

// catalogOptions are the parsed flags of `profiler catalog`.
type catalogOptions struct {
	Name   string
	Format string
}

var catalogFormats = []string{"text", "json"}

func newCatalogCmd(e *env, runF func(*catalogOptions) error) *cobra.Command {
	opts := &catalogOptions{}
	cmd := &cobra.Command{
		Use:   e.t("catalog [ИМЯ]", "catalog [NAME]"),
		Short: e.t("встроенные справочники и их значения", "the built-in catalogues and their entries"),
		Long: e.t(`Без ИМЕНИ печатает список встроенных справочников (catalog: в признаке ЖС); с ИМЕНЕМ — его значения:
код, название, сокращение и другие принятые написания. Значение признака принимается в любом из этих
написаний без учета регистра, кавычек и «ё»; для регионов — и с сокращениями из документов
(«Тверская обл», «респ. Татарстан», «Краснодарский кр.», «Ненецкий АО», «г. Москва») в любом порядке слов.
--format json — для скриптов.

Коды выхода: 0 — успех, 2 — неизвестный справочник или формат.`,
			`Without NAME prints the list of built-in catalogues (catalog: in a life situation's attribute); with NAME
its entries: code, name, abbreviation and other accepted spellings. An attribute value is accepted in any
of these spellings regardless of case, quotes and «ё»; for regions also with the abbreviations of
paperwork («Тверская обл», «респ. Татарстан», «Краснодарский кр.», «Ненецкий АО», «г. Москва») in any word
order. --format json for scripts.

Exit codes: 0 success, 2 unknown catalogue or format.`),
		Example: `  profiler catalog
  profiler catalog ru-regions
  profiler catalog okopf --format json | jq '.entries[].short'`,
		Args: cobra.MaximumNArgs(1),
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var out []string
			for _, c := range catalog.All() {
				out = append(out, c.ID+"\t"+c.Title.In(e.lang))
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Name = args[0]
			}
			if !contains(catalogFormats, opts.Format) {
				return usageErr("--format: неизвестный формат %q; допустимо: %s", "--format: unknown format %q; use one of: %s",
					opts.Format, strings.Join(catalogFormats, ", "))
			}
			if runF != nil {
				return runF(opts)
			}
			return catalogRun(e, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "text", e.t("формат: ", "format: ")+strings.Join(catalogFormats, "|"))
	return cmd
}

// catalogJSON is one catalogue as `catalog --format json` prints it.
type catalogJSON struct {
	ID      string      `json:"id"`
	Title   string      `json:"title"`
	Source  string      `json:"source"`
	Count   int         `json:"count"`
	Entries []entryJSON `json:"entries,omitempty"`
}

type entryJSON struct {
	Code        string   `json:"code,omitempty"`
	Name        string   `json:"name"`
	Short       string   `json:"short,omitempty"`
	Aliases     []string `json:"aliases,omitempty"`
	Description string   `json:"description,omitempty"`
	Legacy      bool     `json:"legacy,omitempty"`
}

func catalogRun(e *env, opts *catalogOptions) error {
	cats := catalog.All()
	if opts.Name != "" {
		c, ok := catalog.Get(opts.Name)
		if !ok {
			msg := usageErr("неизвестный справочник %q; встроенные: %s", "unknown catalogue %q; built in: %s", opts.Name, strings.Join(catalog.IDs(), ", "))
			if best := closestWord(opts.Name, catalog.IDs()); best != "" {
				msg = usageErr("неизвестный справочник %q (может быть, %s?); встроенные: %s", "unknown catalogue %q (did you mean %s?); built in: %s",
					opts.Name, best, strings.Join(catalog.IDs(), ", "))
			}
			return msg
		}
		cats = []*catalog.Catalog{c}
	}
	var out []catalogJSON
	for _, c := range cats {
		cj := catalogJSON{ID: c.ID, Title: c.Title.In(e.lang), Source: c.Source.In(e.lang), Count: len(c.Entries)}
		if opts.Name != "" {
			for _, en := range c.Entries {
				cj.Entries = append(cj.Entries, entryJSON{Code: en.Code, Name: en.Name, Short: en.Short, Aliases: en.Aliases,
					Description: en.Description.In(e.lang), Legacy: en.Legacy != nil})
			}
		}
		out = append(out, cj)
	}
	if opts.Format == "json" {
		var v any = out
		if opts.Name != "" {
			v = out[0]
		}
		b, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(e.ios.Out, "%s\n", b)
		return err
	}
	tw := tabwriter.NewWriter(e.ios.Out, 0, 0, 2, ' ', 0)
	if opts.Name == "" {
		fmt.Fprintln(tw, e.t("СПРАВОЧНИК\tЗНАЧЕНИЙ\tНАЗВАНИЕ", "CATALOGUE\tENTRIES\tTITLE"))
		for _, c := range out {
			fmt.Fprintf(tw, "%s\t%d\t%s\n", c.ID, c.Count, c.Title)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintln(e.ios.Out, e.t("\nЗначения справочника: profiler catalog ИМЯ", "\nA catalogue's entries: profiler catalog NAME"))
		return nil
	}
	c := out[0]
	fmt.Fprintf(e.ios.Out, "%s — %s\n%s\n\n", c.ID, c.Title, c.Source)
	fmt.Fprintln(tw, e.t("КОД\tНАЗВАНИЕ\tСОКРАЩЕНИЕ\tДРУГИЕ НАПИСАНИЯ", "CODE\tNAME\tABBREVIATION\tOTHER SPELLINGS"))
	for _, en := range c.Entries {
		name := en.Name
		if en.Legacy {
			name += e.t(" (устаревшая форма)", " (former form)")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", dash(en.Code), name, dash(en.Short), dash(strings.Join(en.Aliases, "; ")))
	}
	return tw.Flush()
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
