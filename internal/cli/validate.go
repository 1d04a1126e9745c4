package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/profiler-cx/profiler/internal/atomicfile"
	"github.com/profiler-cx/profiler/internal/cache"
	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/report"
	"github.com/profiler-cx/profiler/internal/workspace"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// validateOptions are the parsed flags of `profiler validate`.
type validateOptions struct {
	env       // -q: no summary when the run is clean
	Paths     []string
	Format    string
	Strict    bool
	StdinName string
	Output    string
	Cache     bool
	CacheFile string
}

func newValidateCmd(e *env, runF func(*validateOptions) error) *cobra.Command {
	opts := &validateOptions{env: *e}
	cmd := &cobra.Command{
		Use:   e.t("validate [ПУТЬ...]", "validate [PATH...]"),
		Short: e.t("проверить файлы по схемам и правилам методики", "check files against the schemas and the method's rules"),
		Long: e.t(`Проверяет все документы profiler в указанных файлах и папках (по умолчанию — в текущей папке):
JSON-схемы формата v1, ссылки между файлами, признаки и их значения, этапы профилей.
«-» читает один документ со стандартного ввода.

Коды выхода: 0 — замечаний нет (предупреждения допустимы без --strict), 1 — есть ошибки,
2 — ошибка использования или ввода-вывода.`,
			`Checks every profiler document in the given files and folders (default: the current folder):
the format v1 JSON Schemas, references between files, attributes and their values, profile stages.
"-" reads one document from standard input.

Exit codes: 0 clean (warnings allowed unless --strict), 1 findings that fail, 2 usage or I/O error.`),
		Example: `  profiler validate
  profiler validate examples/postuplenie-v-vuz
  profiler validate --strict --format json . > report.json
  profiler validate --format sarif --output profiler.sarif .
  profiler validate --format github .          # GitHub Actions annotations
  cat profile.yaml | profiler validate --stdin-name profiles/x.yaml -`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if !contains(report.Formats(), opts.Format) {
				return usageErr("--format: неизвестный формат %q; допустимо: %s", "--format: unknown format %q; use one of: %s",
					opts.Format, strings.Join(report.Formats(), ", "))
			}
			if runF != nil {
				return runF(opts)
			}
			return validateRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Format, "format", "f", "text", e.t("формат отчета: ", "report format: ")+strings.Join(report.Formats(), "|"))
	f.BoolVar(&opts.Strict, "strict", false, e.t("предупреждения тоже дают код выхода 1", "warnings fail the run too (exit 1)"))
	f.BoolVarP(&opts.quiet, "quiet", "q", false, e.t("не печатать итог, если замечаний нет", "print no summary when the run is clean"))
	f.StringVarP(&opts.Output, "output", "o", "", e.t("записать отчет в файл (итог по-прежнему в stderr)", "write the report to a file (the summary still goes to stderr)"))
	f.StringVar(&opts.StdinName, "stdin-name", "", e.t("имя файла для документа со стандартного ввода (для сообщений и поиска ЖС)",
		"file name for the document read from stdin (for messages and finding its life situation)"))
	cacheFlags(e, f, &opts.Cache, &opts.CacheFile, e.t("запоминать результаты неизмененных файлов между запусками (в "+cache.DefaultLocation+")",
		"remember the results of unchanged files between runs (in "+cache.DefaultLocation+")"))
	return cmd
}

// cacheFlags adds --cache (what it does: usage) and --cache-location (validate, render).
func cacheFlags(e *env, f *pflag.FlagSet, on *bool, location *string, usage string) {
	f.BoolVar(on, "cache", false, usage)
	f.StringVar(location, "cache-location", cache.DefaultLocation, e.t("файл кэша для --cache", "cache file for --cache"))
}

// cacheKeyFunc is replaced by tests to simulate another version.
var cacheKeyFunc = cacheKey

// cacheKey names what cached results depend on besides file contents: the tool's
// version and build, and the schemas. A development build adds the executable's size
// and time, so a rebuilt binary never trusts results of the previous one.
func cacheKey() string {
	key := version()
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
				key += " " + s.Key + "=" + s.Value
			}
		}
	}
	if exe, err := os.Executable(); err == nil {
		if st, err := os.Stat(exe); err == nil {
			key += fmt.Sprintf(" exe=%d/%d", st.Size(), st.ModTime().UnixNano())
		}
	}
	h := cache.SchemaHash()
	return key + fmt.Sprintf(" schemas=%x", h[:8])
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func validateRun(opts *validateOptions) error {
	var stdinCopy bytes.Buffer // the document read from stdin, for the report's excerpts
	res := opts.check(io.TeeReader(opts.ios.In, &stdinCopy))
	errs, warns := finding.Count(res.Findings)
	sum := report.Summary{Files: res.Files, Errors: errs, Warnings: warns}
	for _, d := range res.Docs {
		if !d.Context {
			sum.Paths = append(sum.Paths, d.Path)
		}
	}
	if err := opts.writeReport(res, sum, sourceReader(&stdinCopy, opts.StdinName)); err != nil {
		return err
	}
	// The summary is a diagnostic: stderr, whatever the format, so stdout stays pure data.
	if line := report.SummaryLine(sum).In(opts.lang); len(res.Findings) > 0 {
		fmt.Fprintln(opts.ios.ErrOut, line)
	} else {
		opts.note(line)
	}
	switch {
	case res.Files == 0 && !res.IOError:
		// Nothing checked is not a pass: a mistyped folder in CI must not go green.
		opts.printError(opts.t("не найдено ни одного документа profiler (life-situation.yaml, profiles/*.yaml или apiVersion: profiler/v1) — проверьте путь",
			"no profiler documents found (life-situation.yaml, profiles/*.yaml or apiVersion: profiler/v1) — check the path"))
		return &exitError{code: ExitUsage}
	case res.IOError:
		return &exitError{code: ExitUsage}
	case errs > 0 || (opts.Strict && warns > 0):
		return &exitError{code: ExitFindings}
	}
	return nil
}

// check checks the paths, with the --cache of earlier results when asked for.
func (opts *validateOptions) check(stdin io.Reader) *workspace.Result {
	wopts := workspace.Options{
		Stdin:      stdin,
		StdinName:  opts.StdinName,
		Keep:       workspace.KeepFacts,
		LSProfiles: true,
	}
	if !opts.Cache {
		return workspace.Check(opts.Paths, wopts)
	}
	res, _ := opts.checkCached(opts.Paths, wopts, opts.CacheFile)
	return res
}

// checkCached checks the paths with the cache of earlier results in file (validate --cache,
// render --cache), and returns the cache too, which tells what each document's entry was; a
// cache that cannot be read or saved costs time, not the run.
func (e *env) checkCached(paths []string, wopts workspace.Options, file string) (*workspace.Result, *cache.File) {
	c := cache.Open(file, cacheKeyFunc())
	wopts.Cache = c
	res := workspace.Check(paths, wopts)
	for _, w := range c.Warnings() {
		e.printWarning(w.In(e.lang))
	}
	if err := c.Save(); err != nil {
		e.printWarning(i18n.Msg("не удалось записать кэш %s: %v", "cannot write the cache %s: %v", file, err).In(e.lang))
	}
	return res, c
}

// writeReport writes the report in --format to stdout, or whole to the --output file
// (never a half-written one); colour and excerpts only on a terminal.
func (opts *validateOptions) writeReport(res *workspace.Result, sum report.Summary, source func(string) ([]byte, bool)) error {
	toTerminal := opts.Output == "" && opts.ios.OutTTY
	rep, err := report.New(opts.Format, report.Options{
		Lang:    opts.lang,
		Color:   opts.Output == "" && opts.ios.ColorOut(),
		Excerpt: toTerminal,
		Source:  source,
		Version: version(),
		Strict:  opts.Strict,
	})
	if err != nil {
		return err
	}
	if opts.Output == "" {
		if err := rep.Report(opts.ios.Out, res.Findings, sum); err != nil {
			return ioErr("не удалось записать отчет: %v", "cannot write the report: %v", err)
		}
		return nil
	}
	var buf bytes.Buffer
	if err := rep.Report(&buf, res.Findings, sum); err != nil {
		return ioErr("не удалось записать отчет: %v", "cannot write the report: %v", err)
	}
	if err := reportTarget(opts.Output, res); err != nil {
		return err
	}
	if dir := filepath.Dir(opts.Output); dir != "." {
		if err := atomicfile.MkdirAll(dir, 0o755); err != nil {
			return ioErr("не удалось создать папку %s: %v", "cannot create folder %s: %v", dir, err)
		}
	}
	if err := atomicfile.Write(opts.Output, buf.Bytes(), 0o644, true); err != nil {
		return ioErr("не удалось записать отчет в %s: %v", "cannot write the report to %s: %v", opts.Output, err)
	}
	return nil
}

// reportTarget refuses an -o that would replace what the user keeps: a file this run
// checked (`-o profiles/x.yaml` by a slip), any YAML file, or what is not a regular file.
// A missing file or an earlier report is fine.
func reportTarget(out string, res *workspace.Result) error {
	st, err := os.Lstat(out)
	if err != nil {
		return nil // missing (or the write says why)
	}
	refuse := func() error {
		return ioErr("%s: файл уже есть и это не отчет (проверенный файл или YAML) — он не изменен; укажите другой файл -o",
			"%s: the file exists and is not a report (a checked file or YAML) — it is left as it is; choose another -o file", out)
	}
	if !st.Mode().IsRegular() {
		return nil // a folder, a link, a device: the write refuses it and says so
	}
	if ext := strings.ToLower(filepath.Ext(out)); ext == ".yaml" || ext == ".yml" {
		return refuse()
	}
	for _, d := range res.Docs {
		if d.Path == "-" {
			continue
		}
		if ds, err := os.Stat(filepath.FromSlash(d.Path)); err == nil && os.SameFile(ds, st) {
			return refuse()
		}
	}
	return nil
}

// sourceReader gives the text reporter file contents for excerpts, read lazily once.
func sourceReader(stdin *bytes.Buffer, stdinName string) func(string) ([]byte, bool) {
	var mu sync.Mutex
	cache := map[string][]byte{}
	return func(file string) ([]byte, bool) {
		mu.Lock()
		defer mu.Unlock()
		if b, ok := cache[file]; ok {
			return b, b != nil
		}
		var b []byte
		if file == "-" || (stdinName != "" && file == filepath.ToSlash(filepath.Clean(stdinName))) {
			b = stdin.Bytes()
		} else if data, err := load.ReadFile(filepath.FromSlash(file), load.Limits{}); err == nil {
			// load.ReadFile, not os.ReadFile: a file swapped for a FIFO since it was checked
			// must not block the report, nor a grown one fill the memory.
			b = data
		}
		cache[file] = b
		return b, b != nil
	}
}
