package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/profiler-cx/profiler/internal/catalog"
	"github.com/spf13/cobra"
)

// catalogOptions are the parsed flags of `profiler catalog`.
type catalogOptions struct {
	env
	Name   string
	Format string
}

var catalogFormats = []string{"text", "json"}

func newCatalogCmd(e *env, runF func(*catalogOptions) error) *cobra.Command {
	opts := &catalogOptions{env: *e}
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
			return catalogRun(opts)
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

func catalogRun(opts *catalogOptions) error {
	cats, err := catalogsNamed(opts.Name)
	if err != nil {
		return err
	}
	var out []catalogJSON
	for _, c := range cats {
		cj := catalogJSON{ID: c.ID, Title: c.Title.In(opts.lang), Source: c.Source.In(opts.lang), Count: len(c.Entries)}
		if opts.Name != "" {
			for _, en := range c.Entries {
				cj.Entries = append(cj.Entries, entryJSON{Code: en.Code, Name: en.Name, Short: en.Short, Aliases: en.Aliases,
					Description: en.Description.In(opts.lang), Legacy: en.Legacy != nil})
			}
		}
		out = append(out, cj)
	}
	switch {
	case opts.Format == "json" && opts.Name == "":
		return writeJSON(opts.ios.Out, out)
	case opts.Format == "json":
		return writeJSON(opts.ios.Out, out[0])
	case opts.Name == "":
		return opts.writeCatalogList(out)
	}
	return opts.writeCatalogEntries(out[0])
}

// catalogsNamed is every built-in catalogue, or the one named (with a guess at a typo).
func catalogsNamed(name string) ([]*catalog.Catalog, error) {
	if name == "" {
		return catalog.All(), nil
	}
	c, ok := catalog.Get(name)
	if ok {
		return []*catalog.Catalog{c}, nil
	}
	if best := closestWord(name, catalog.IDs()); best != "" {
		return nil, usageErr("неизвестный справочник %q (может быть, %s?); встроенные: %s", "unknown catalogue %q (did you mean %s?); built in: %s",
			name, best, strings.Join(catalog.IDs(), ", "))
	}
	return nil, usageErr("неизвестный справочник %q; встроенные: %s", "unknown catalogue %q; built in: %s", name, strings.Join(catalog.IDs(), ", "))
}

// writeJSON writes v indented, with a final newline.
func writeJSON(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

// writeCatalogList writes the table of catalogues and how to see one.
func (opts *catalogOptions) writeCatalogList(cats []catalogJSON) error {
	tw := tabwriter.NewWriter(opts.ios.Out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, opts.t("СПРАВОЧНИК\tЗНАЧЕНИЙ\tНАЗВАНИЕ", "CATALOGUE\tENTRIES\tTITLE"))
	for _, c := range cats {
		fmt.Fprintf(tw, "%s\t%d\t%s\n", c.ID, c.Count, c.Title)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(opts.ios.Out, opts.t("\nЗначения справочника: profiler catalog ИМЯ", "\nA catalogue's entries: profiler catalog NAME"))
	return nil
}

// writeCatalogEntries writes one catalogue's entries as a table.
func (opts *catalogOptions) writeCatalogEntries(c catalogJSON) error {
	tw := tabwriter.NewWriter(opts.ios.Out, 0, 0, 2, ' ', 0)
	fmt.Fprintf(opts.ios.Out, "%s — %s\n%s\n\n", c.ID, c.Title, c.Source)
	fmt.Fprintln(tw, opts.t("КОД\tНАЗВАНИЕ\tСОКРАЩЕНИЕ\tДРУГИЕ НАПИСАНИЯ", "CODE\tNAME\tABBREVIATION\tOTHER SPELLINGS"))
	for _, en := range c.Entries {
		name := en.Name
		if en.Legacy {
			name += opts.t(" (устаревшая форма)", " (former form)")
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
