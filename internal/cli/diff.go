package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/profiler-cx/profiler/internal/diff"
	"github.com/profiler-cx/profiler/internal/gitrev"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/spf13/cobra"
)

// diffOptions are the parsed flags of `profiler diff`.
type diffOptions struct {
	env
	Rev          string   // "", "A", "A..B", "A...B"
	Paths        []string // pathspecs; default "."
	Format       string
	ExitCode     bool
	RevOnly      bool // a "--" was given: Rev is a revision, never a path
	externalMode bool
	External     []string // --external: git's seven GIT_EXTERNAL_DIFF arguments
}

var diffFormats = []string{"text", "markdown", "json"}

func newDiffCmd(e *env, runF func(*diffOptions) error) *cobra.Command {
	opts := &diffOptions{env: *e}
	cmd := &cobra.Command{
		Use:   e.t("diff [РЕВИЗИЯ[..РЕВИЗИЯ]] [ПУТЬ...]", "diff [REV[..REV]] [PATH...]"),
		Short: e.t("что изменилось в исследовании между ревизиями git", "what changed in the research between git revisions"),
		Long: e.t(`Сравнивает жизненные ситуации и профили в двух ревизиях git (A..B), в ревизии и рабочей
копии (A) или, по умолчанию, в HEAD и рабочей копии. A...B сравнивает B с общим предком A и B —
то, что добавляет ветка (как в pull request). ЖС и профили сопоставляются по id: перенесенный
файл — перемещение, а не удаление и добавление. Списки (особенности пути, боли, каналы,
источники) сравниваются как множества.

События методики: stage-changed, hypothesis-status-changed, priority-changed (и смена квадранта),
profile-added, profile-removed и предупреждение profile-suspect — профиль, чья ЖС изменилась
(удален признак, который он использует, изменились значения признака, удален его статус),
а сам профиль — нет.

Форматы: text (терминал; цвет только в терминале, NO_COLOR отключает), markdown (комментарий
к pull/merge request: строка-итог и раскрывающийся раздел на каждый профиль, до 60 000 символов),
json (для скриптов). Файлы, которые не читаются в одной из ревизий, попадают в отчет, а не
прерывают его. Ревизии читаются программой git; в CI нужна история: fetch-depth: 0 (GitHub) или
GIT_DEPTH: 0 (GitLab).

Коды выхода: 0 — сравнение выполнено (с --exit-code: изменений нет), 1 — с --exit-code: есть
изменения, 2 — ошибка использования, git или ввода-вывода.`,
			`Compares the life situations and profiles of two git revisions (A..B), of a revision and
the working tree (A), or by default of HEAD and the working tree. A...B compares B with the
common ancestor of A and B: what a branch adds (as in a pull request). Life situations and
profiles are matched by id: a moved file is a move, not a removal and an addition. Lists
(journey, pains, channels, sources) compare as sets.

Method events: stage-changed, hypothesis-status-changed, priority-changed (with a change of
quadrant), profile-added, profile-removed, and the warning profile-suspect: a profile whose life
situation changed (an attribute it uses removed or its values changed, its status removed)
while the profile itself did not.

Formats: text (a terminal; colour only on a terminal, NO_COLOR turns it off), markdown (a
pull/merge request comment: a verdict line and a collapsible section per profile, under 60,000
characters), json (for scripts). Files that cannot be read at one side are reported, not fatal.
Revisions are read through the git program; CI needs the history: fetch-depth: 0 (GitHub) or
GIT_DEPTH: 0 (GitLab).

Exit codes: 0 compared (with --exit-code: no changes), 1 with --exit-code: something changed,
2 usage, git or I/O error.`),
		Example: `  profiler diff
  profiler diff main...HEAD --format markdown >> "$GITHUB_STEP_SUMMARY"
  profiler diff v1.0..v1.1 examples --format json
  profiler diff HEAD~1 --exit-code`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !contains(diffFormats, opts.Format) {
				return usageErr("--format: неизвестный формат %q; допустимо: %s", "--format: unknown format %q; use one of: %s",
					opts.Format, strings.Join(diffFormats, ", "))
			}
			if opts.externalMode {
				if len(args) != 7 {
					return usageErr("--external ждет семь аргументов от git (путь, старый файл, его хеш и режим, новый файл, его хеш и режим), получено: %d",
						"--external expects git's seven arguments (path, old file, hex, mode, new file, hex, mode), got %d", len(args))
				}
				opts.External = args
				if runF != nil {
					return runF(opts)
				}
				return diffExternal(opts)
			}
			before, after := args, []string(nil)
			if dash := cmd.ArgsLenAtDash(); dash >= 0 {
				before, after = args[:dash], args[dash:]
				opts.RevOnly = true // "--" ends the revisions, as in git diff
			}
			if len(before) > 0 {
				opts.Rev = before[0]
				before = before[1:]
			}
			if len(before) > 0 && opts.RevOnly {
				return usageErr("перед -- допускается одна ревизия или диапазон A..B", "one revision or range A..B goes before --")
			}
			opts.Paths = append(before, after...)
			if runF != nil {
				return runF(opts)
			}
			return diffRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Format, "format", "f", "text", e.t("формат: ", "format: ")+strings.Join(diffFormats, "|"))
	f.BoolVar(&opts.externalMode, "external", false, e.t("режим внешней программы сравнения для git diff (diff.<драйвер>.command): сравнивает две версии одного файла",
		"external diff mode for git diff (diff.<driver>.command): compares two versions of one file"))
	f.BoolVar(&opts.ExitCode, "exit-code", false, e.t("код выхода 1, если что-то изменилось (как git diff --exit-code)",
		"exit 1 when anything changed (as git diff --exit-code)"))
	return cmd
}

// gitErr reports a git problem (message and hint) and returns the exit error.
func (e *env) gitErr(err error) error {
	var ge *gitrev.Error
	if !errors.As(err, &ge) {
		return ioErr("%v", "%v", err)
	}
	e.printError(ge.Message.In(e.lang))
	if !ge.Hint.IsZero() {
		e.printHint(ge.Hint.In(e.lang))
	}
	return &exitError{code: ExitUsage}
}

// resolveRange turns the user's revision argument into commits. A first argument without
// ".." that is not a commit but exists as a path is taken as a path (as git diff does).
func resolveRange(repo *gitrev.Repo, opts *diffOptions) (diff.Range, error) {
	rev := opts.Rev
	if rev != "" && !opts.RevOnly && !strings.Contains(rev, "..") {
		_, rerr := repo.Resolve(rev)
		_, serr := os.Lstat(rev)
		switch {
		case rerr != nil && serr == nil:
			opts.Paths = append([]string{rev}, opts.Paths...)
			rev = ""
		case rerr == nil && serr == nil:
			return diff.Range{}, usageErr("%q — это и ревизия, и путь; разделите их: profiler diff %s -- ПУТЬ или profiler diff -- %s",
				"%q is both a revision and a path; separate them: profiler diff %s -- PATH or profiler diff -- %s", rev, rev, rev)
		}
	}
	var r diff.Range
	resolve := func(name string) (string, error) {
		if name == "" {
			name = "HEAD"
		}
		return repo.Resolve(name)
	}
	var err error
	switch {
	case rev == "":
		r.FromName = "HEAD"
		r.From, err = resolve("HEAD")
	case strings.Contains(rev, "..."):
		a, b, _ := strings.Cut(rev, "...")
		r.FromName, r.ToName = rev, cmpOr(b, "HEAD")
		var ca, cb string
		if ca, err = resolve(a); err != nil {
			return r, err
		}
		if cb, err = resolve(b); err != nil {
			return r, err
		}
		r.To = cb
		r.From, err = repo.MergeBase(ca, cb)
		r.FromName = fmt.Sprintf("merge-base(%s, %s)", cmpOr(a, "HEAD"), cmpOr(b, "HEAD"))
	case strings.Contains(rev, ".."):
		a, b, _ := strings.Cut(rev, "..")
		r.FromName, r.ToName = cmpOr(a, "HEAD"), cmpOr(b, "HEAD")
		if r.From, err = resolve(a); err != nil {
			return r, err
		}
		r.To, err = resolve(b)
	default:
		r.FromName = rev
		r.From, err = resolve(rev)
	}
	return r, err
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func diffRun(opts *diffOptions) error {
	repo, err := gitrev.Open("")
	if err != nil {
		return opts.gitErr(err)
	}
	r, err := resolveRange(repo, opts)
	if err != nil {
		var ue *usageError
		if errors.As(err, &ue) {
			return err
		}
		return opts.gitErr(err)
	}
	paths := opts.Paths
	if len(paths) == 0 {
		paths = []string{"."}
	}
	from, to, err := diff.Load(repo, r, paths, load.DefaultLimits)
	if err != nil {
		return opts.gitErr(err)
	}
	res := diff.Compare(from, to)
	if err := opts.writeDiff(res); err != nil {
		return err
	}
	if opts.ExitCode && res.Changed() {
		return &exitError{code: ExitFindings}
	}
	return nil
}

// writeDiff writes the comparison in --format to stdout (text: coloured on a terminal).
func (opts *diffOptions) writeDiff(res *diff.Result) error {
	var out []byte
	switch opts.Format {
	case "json":
		var err error
		if out, err = diff.JSON(res, opts.lang); err != nil {
			return err
		}
	case "markdown":
		out = []byte(diff.Markdown(res, opts.lang, 0))
	default:
		var b strings.Builder
		if err := diff.Text(&b, res, diff.TextOptions{Lang: opts.lang, Color: opts.ios.ColorOut()}); err != nil {
			return err
		}
		out = []byte(b.String())
	}
	if _, err := opts.ios.Out.Write(out); err != nil {
		return ioErr("не удалось вывести сравнение: %v", "cannot write the comparison: %v", err)
	}
	return nil
}

// diffExternal is `git diff` with diff.<driver>.command = "profiler diff --external":
// git passes the path and the two versions of one file; profiler prints what changed in
// the method's terms (text, as git's pager shows it).
func diffExternal(opts *diffOptions) error {
	a := opts.External
	name := func(file, hex string) string {
		if file == os.DevNull {
			return file
		}
		if strings.Trim(hex, "0") == "" || hex == "." {
			return diff.WorkTree
		}
		return hex[:min(7, len(hex))]
	}
	from, to := diff.Files(a[0], a[1], a[4], load.DefaultLimits)
	from.Name, to.Name = name(a[1], a[2]), name(a[4], a[5])
	opts.Format = "text"
	return opts.writeDiff(diff.Compare(from, to))
}
