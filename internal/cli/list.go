package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/report"
	"github.com/profiler-cx/profiler/internal/workspace"
	"github.com/spf13/cobra"
)

// listOptions are the parsed flags of `profiler list`.
type listOptions struct {
	env
	Paths    []string
	Format   string
	Excel    bool
	Quiet    bool
	Statuses []string
	Stages   []string
	LS       []string
}

var listFormats = []string{"table", "json", "csv"}

func newListCmd(e *env, runF func(*listOptions) error) *cobra.Command {
	opts := &listOptions{env: *e}
	cmd := &cobra.Command{
		Use:   e.t("list [ПУТЬ...]", "list [PATH...]"),
		Short: e.t("таблица профилей: ЖС, статус, этап, емкость, удовлетворенность", "table of profiles: life situation, status, stage, capacity, satisfaction"),
		Long: e.t(`Печатает профили из указанных файлов и папок (по умолчанию — текущая папка): ЖС, профиль,
статус, этап, емкость, удовлетворенность, файл. --format json|csv — для скриптов и таблиц;
--excel — CSV, который Excel с русской локалью открывает правильно: UTF-8 с BOM, разделитель «;»,
десятичная запятая, строки через CRLF.

Профили с ошибками тоже попадают в список, если файл удалось прочитать; число ошибок выводится
в stderr (подробно: profiler validate).

Коды выхода: 0 — ошибок нет, 1 — в файлах есть ошибки (список может быть неполным),
2 — ошибка использования или ввода-вывода.`,
			`Prints the profiles in the given files and folders (default: the current folder): life situation,
profile, status, stage, capacity, satisfaction, file. --format json|csv for scripts and
spreadsheets; --excel writes CSV that Excel with a Russian locale opens correctly: UTF-8 with a
BOM, ";" separator, decimal comma, CRLF line ends.

Profiles with errors are listed too when their file could be read; the number of errors goes to
stderr (details: profiler validate).

Exit codes: 0 no errors, 1 the files have errors (the list may be incomplete), 2 usage or I/O error.`),
		Example: `  profiler list examples
  profiler list --format json . | jq '.[] | select(.stage == "final")'
  profiler list --excel examples > profiles.csv`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if !contains(listFormats, opts.Format) {
				return usageErr("--format: неизвестный формат %q; допустимо: %s", "--format: unknown format %q; use one of: %s",
					opts.Format, strings.Join(listFormats, ", "))
			}
			if opts.Excel {
				if cmd.Flags().Changed("format") && opts.Format != "csv" {
					return usageErr("--excel — это CSV; не сочетается с --format %s", "--excel is CSV; it does not combine with --format %s", opts.Format)
				}
				opts.Format = "csv"
			}
			if err := checkListFilters(opts); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return listRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Format, "format", "f", "table", e.t("формат: ", "format: ")+strings.Join(listFormats, "|"))
	f.BoolVar(&opts.Excel, "excel", false, e.t("CSV для Excel с русской локалью (BOM, «;», десятичная запятая, CRLF)",
		"CSV for Excel with a Russian locale (BOM, \";\", decimal comma, CRLF)"))
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, e.t("только файлы профилей, по одному в строке, без итога (для xargs)",
		"only the profiles' files, one per line, no summary (for xargs)"))
	addSliceFlag(f, &opts.Statuses, "status", e.t("только профили этих статусов (citizen, business, internal)", "only profiles of these statuses (citizen, business, internal)"))
	addSliceFlag(f, &opts.Stages, "stage", e.t("только профили на этих этапах (segment, hypothesis, refined, final)", "only profiles at these stages (segment, hypothesis, refined, final)"))
	addSliceFlag(f, &opts.LS, "ls", e.t("только профили этих ЖС (id жизненной ситуации)", "only profiles of these life situations (their ids)"))
	return cmd
}

// listRow is one profile as `list --format json` prints it.
type listRow struct {
	LifeSituation      string   `json:"lifeSituation"`
	LifeSituationTitle string   `json:"lifeSituationTitle"`
	ID                 string   `json:"id"`
	Title              string   `json:"title"`
	Status             string   `json:"status"`
	StatusName         string   `json:"statusName"`
	Stage              string   `json:"stage"`
	StageName          string   `json:"stageName"`
	Capacity           *float64 `json:"capacity"`
	Satisfaction       *float64 `json:"satisfaction"`
	SatisfactionScale  *float64 `json:"satisfactionScale"`
	File               string   `json:"file"`
}

func listRows(res *workspace.Result, lang i18n.Lang) []listRow {
	lsTitle := map[string]string{}
	for _, ls := range res.LifeSituations() {
		if _, ok := lsTitle[ls.ID]; !ok {
			lsTitle[ls.ID] = ls.Title
		}
	}
	rows := []listRow{}
	for _, d := range res.Docs {
		p := d.Profile
		if p == nil || d.Context {
			continue
		}
		r := listRow{
			LifeSituation: p.LifeSituation, LifeSituationTitle: lsTitle[p.LifeSituation],
			ID: p.ID, Title: p.Title,
			Status: string(p.Status), StatusName: p.Status.Name().In(lang),
			Stage: string(p.Stage), StageName: p.Stage.Name().In(lang),
			File: d.Path,
		}
		if p.Priority.Capacity.Set {
			r.Capacity = &p.Priority.Capacity.Number
		}
		if s := p.Priority.Satisfaction; s.Set {
			r.Satisfaction, r.SatisfactionScale = &s.Number, &s.Scale
		}
		rows = append(rows, r)
	}
	return rows
}

func listRun(opts *listOptions) error {
	// Only the models are listed: drop the parsed YAML as files are checked.
	res := workspace.Check(opts.Paths, workspace.Options{Keep: workspace.KeepModels})
	rows := filterRows(listRows(res, opts.lang), opts)
	if len(opts.LS) > 0 {
		if err := checkLSFilter(opts.LS, res); err != nil {
			return err
		}
	}
	var out bytes.Buffer
	switch {
	case opts.Quiet:
		for _, r := range rows {
			out.WriteString(report.Printable(r.File) + "\n")
		}
	default:
		if err := writeList(&out, &opts.env, opts.Format, opts.Excel, rows); err != nil {
			return err
		}
	}
	if _, err := opts.ios.Out.Write(out.Bytes()); err != nil {
		return ioErr("не удалось вывести список: %v", "cannot write the list: %v", err)
	}
	return opts.listStatus(res, opts.Quiet)
}

// writeList writes the rows in the chosen format.
func writeList(out *bytes.Buffer, e *env, format string, excel bool, rows []listRow) error {
	switch format {
	case "json":
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rows); err != nil {
			return err
		}
	case "csv":
		writeListCSV(out, e, rows, excel)
	default:
		return writeListTable(out, e, rows)
	}
	return nil
}

// listStatus reports unreadable paths and the number of findings, and picks the exit code.
func (e *env) listStatus(res *workspace.Result, quiet bool) error {
	// Paths that could not be read are named here: without them the list is silently short.
	var unreadable []finding.Finding
	for _, f := range res.Findings {
		if f.Line == 0 && f.Severity == finding.Error {
			unreadable = append(unreadable, f)
		}
	}
	e.printFindings(unreadable)
	errs, warns := finding.Count(res.Findings)
	if (errs > 0 || warns > 0) && !quiet {
		fmt.Fprintln(e.ios.ErrOut, i18n.Msg(
			"profiler: в файлах ошибок: %d, предупреждений: %d; подробно — profiler validate",
			"profiler: the files have %d errors, %d warnings; see profiler validate", errs, warns).In(e.lang))
	}
	switch {
	case res.IOError:
		return &exitError{code: ExitUsage}
	case errs > 0:
		return &exitError{code: ExitFindings}
	}
	return nil
}

func (e *env) listHeader() []string {
	return []string{
		e.t("ЖС", "Life situation"), e.t("Профиль", "Profile"), e.t("Статус", "Status"), e.t("Этап", "Stage"),
		e.t("Емкость", "Capacity"), e.t("Удовлетворенность", "Satisfaction"), e.t("Файл", "File"),
	}
}

func number(p *float64, comma bool) string {
	if p == nil {
		return ""
	}
	s := strconv.FormatFloat(*p, 'f', -1, 64)
	if comma {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func lsName(r listRow) string {
	if r.LifeSituationTitle != "" {
		return r.LifeSituationTitle
	}
	return r.LifeSituation
}

// writeListTable writes the table; on a terminal of known width (or with COLUMNS set) it
// fits: the file column goes first, then the text columns wrap narrower.
func writeListTable(out *bytes.Buffer, e *env, rows []listRow) error {
	width := e.termWidth()
	if width <= 0 {
		return renderListTable(out, e, rows, true, 32)
	}
	for _, try := range []struct {
		file bool
		max  int
	}{{true, 32}, {false, 32}, {false, 24}, {false, 18}, {false, 12}} {
		var b bytes.Buffer
		if err := renderListTable(&b, e, rows, try.file, try.max); err != nil {
			return err
		}
		if maxLineWidth(b.String()) <= width || try.max == 12 {
			out.Write(b.Bytes())
			return nil
		}
	}
	return nil
}

// termWidth is the width to fit: COLUMNS when set, else the terminal's; 0 when unknown
// (output to a pipe or file keeps its full table).
func (e *env) termWidth() int {
	if c, err := strconv.Atoi(strings.TrimSpace(e.ios.Getenv("COLUMNS"))); err == nil && c > 0 {
		return c
	}
	if e.ios.OutTTY {
		return ttyWidth(e.ios.Out)
	}
	return 0
}

func maxLineWidth(s string) int {
	w := 0
	for _, l := range strings.Split(s, "\n") {
		w = max(w, utf8.RuneCountInString(l))
	}
	return w
}

func renderListTable(out *bytes.Buffer, e *env, rows []listRow, withFile bool, maxWidth int) error {
	t := tablewriter.NewTable(out,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithRowMaxWidth(maxWidth),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: []tw.Align{
			tw.AlignLeft, tw.AlignLeft, tw.AlignLeft, tw.AlignLeft, tw.AlignRight, tw.AlignRight, tw.AlignLeft,
		}}),
	)
	head := e.listHeader()
	if !withFile {
		head = head[:6]
	}
	t.Header(head)
	comma := e.lang == i18n.RU
	for _, r := range rows {
		sat := number(r.Satisfaction, comma)
		if sat != "" {
			sat += " / " + number(r.SatisfactionScale, comma)
		}
		row := []string{lsName(r), r.Title, r.StatusName, r.StageName, number(r.Capacity, false), sat, r.File}
		for i := range row { // a title from YAML must not drive the terminal (ESC sequences)
			row[i] = report.Printable(row[i])
		}
		if !withFile {
			row = row[:6]
		}
		if err := t.Append(row); err != nil {
			return err
		}
	}
	return t.Render()
}

// writeListCSV writes RFC 4180 CSV; for Excel: a BOM (else Excel reads ANSI/cp1251), ';'
// (the list separator of the Russian locale), decimal commas and CRLF.
func writeListCSV(out *bytes.Buffer, e *env, rows []listRow, excel bool) {
	if excel {
		out.WriteString("\ufeff")
	}
	w := csv.NewWriter(out)
	if excel {
		w.Comma, w.UseCRLF = ';', true
	}
	head := e.listHeader()
	head = append(head[:6:6], e.t("Шкала", "Scale"), head[6])
	_ = w.Write(head)
	text := func(s string) string { return s }
	if excel {
		text = excelText
	}
	if e.ios.OutTTY { // on a terminal, control characters from YAML are shown, not sent
		raw := text
		text = func(s string) string { return report.Printable(raw(s)) }
	}
	for _, r := range rows {
		_ = w.Write([]string{text(lsName(r)), text(r.Title), text(r.StatusName), text(r.StageName),
			number(r.Capacity, excel), number(r.Satisfaction, excel), number(r.SatisfactionScale, excel), text(r.File)})
	}
	w.Flush()
}

// excelText keeps Excel from running a text cell as a formula (CSV injection): a cell
// that starts with = + - @ or a control character gets a leading apostrophe.
func excelText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// checkListFilters refuses a --status or --stage value that is not an id, with the id
// a Russian name or a slip probably meant.
func checkListFilters(opts *listOptions) error {
	var statuses []string
	for _, s := range model.Statuses {
		statuses = append(statuses, string(s))
	}
	for _, s := range opts.Statuses {
		if !contains(statuses, s) {
			return badChoice("--status", s, statuses)
		}
	}
	for _, s := range opts.Stages {
		if model.Stage(s).Index() < 0 {
			return badChoice("--stage", s, stageIDs())
		}
	}
	return nil
}

// checkLSFilter refuses an --ls id that no life situation of the run has.
func checkLSFilter(ids []string, res *workspace.Result) error {
	var known []string
	for _, ls := range res.LifeSituations() {
		if !contains(known, ls.ID) {
			known = append(known, ls.ID)
		}
	}
	for _, id := range ids {
		if !contains(known, id) {
			return badChoice("--ls", id, known)
		}
	}
	return nil
}

// filterRows keeps the rows that pass every filter given.
func filterRows(rows []listRow, opts *listOptions) []listRow {
	keep := func(vals []string, v string) bool { return len(vals) == 0 || contains(vals, v) }
	out := rows[:0]
	for _, r := range rows {
		if keep(opts.Statuses, r.Status) && keep(opts.Stages, r.Stage) && keep(opts.LS, r.LifeSituation) {
			out = append(out, r)
		}
	}
	return out
}
