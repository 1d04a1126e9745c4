package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/profiler-cx/profiler/internal/atomicfile"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/reason"
	"github.com/profiler-cx/profiler/internal/scaffold"
	"github.com/profiler-cx/profiler/internal/workspace"
	"github.com/spf13/cobra"
)

// promoteOptions are the parsed flags of `profiler promote`.
type promoteOptions struct {
	Path   string
	To     string
	Basis  string
	Change string
	Date   string
	DryRun bool
	env
}

func newPromoteCmd(e *env, runF func(*promoteOptions) error) *cobra.Command {
	opts := &promoteOptions{env: *e}
	cmd := &cobra.Command{
		Use:   e.t("promote ПРОФИЛЬ [--to ЭТАП] --basis ОСНОВАНИЕ", "promote PROFILE [--to STAGE] --basis TEXT"),
		Short: e.t("перевести профиль на следующий этап, проверив его требования", "move a profile to the next stage after checking its gates"),
		Long: e.t(`Переводит профиль на следующий этап (segment → hypothesis → refined → final) или на этап --to.
Сначала профиль проверяется так, как будто он уже на новом этапе (hypothesis требует клиентский путь
и каналы, refined — запись в history, final — источники и проверенные гипотезы). Если проверка не
проходит, файл не меняется, замечания печатаются, код выхода 1.

Иначе меняется значение stage и в history добавляется запись {date, change, basis, stage}
(ключ history создается в конце файла, если его нет). Файл правится как текст: комментарии,
порядок ключей и оформление сохраняются, в diff видны только измененные строки.

--to может вернуть профиль на прежний этап (например, final → refined, когда новое исследование
открыло вопросы): это явное действие, оно тоже записывается в history. Перевод на тот же этап —
ошибка.

Коды выхода: 0 — переведен, 1 — требования этапа не выполнены, 2 — ошибка использования или записи.`,
			`Moves a profile to the next stage (segment → hypothesis → refined → final) or to the stage --to.
First the profile is checked as if it were already at the new stage (hypothesis needs journey and
channels, refined a history entry, final sources and tested hypotheses). If that fails, the file is
left unchanged, the findings are printed and the exit code is 1.

Otherwise the stage value changes and an entry {date, change, basis, stage} is appended to
history (the history key is created at the end of the file when absent). The file is edited as
text: comments, key order and formatting stay, and a diff shows only the changed lines.

--to may move a profile back (e.g. final → refined when new research reopens questions): it is an
explicit step and is recorded in history too. Moving to the current stage is an error.

Exit codes: 0 promoted, 1 the stage's requirements are not met, 2 usage or write error.`),
		Example: `  profiler promote postuplenie-v-vuz/profiles/student.yaml --basis "Экспертная сессия с приемной комиссией"
  profiler promote profiles/student.yaml --to final --basis "Опрос, n=400" --date 2026-05-01
  profiler promote profiles/student.yaml --basis "Интервью, n=12" --dry-run`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Path = args[0]
			if runF != nil {
				return runF(opts)
			}
			return promoteRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.To, "to", "", e.t("целевой этап: segment, hypothesis, refined, final (по умолчанию — следующий)", "target stage: segment, hypothesis, refined, final (default: the next one)"))
	f.StringVar(&opts.Basis, "basis", "", e.t("основание: исследование или решение, например «Глубинные интервью, n=12»", "basis: the research or decision, e.g. \"In-depth interviews, n=12\""))
	f.StringVar(&opts.Change, "change", "", e.t("текст записи history (по умолчанию — «Профиль переведен на этап …»)", "the history entry's text (default: \"Profile moved to stage …\")"))
	f.StringVar(&opts.Date, "date", "", e.t("дата записи ГГГГ-ММ-ДД или ДД.ММ.ГГГГ, не раньше последней записи history (по умолчанию — сегодня)", "entry date YYYY-MM-DD or DD.MM.YYYY, not before the latest history entry (default: today)"))
	f.BoolVar(&opts.DryRun, "dry-run", false, e.t("показать новый текст файла, ничего не записывая", "print the new file, write nothing"))
	f.BoolVarP(&opts.quiet, "quiet", "q", false, e.t("не сообщать о переводе на этап", "do not report the stage change"))
	return cmd
}

func promoteRun(opts *promoteOptions) error {
	src, err := readEditable(opts.Path)
	if err != nil {
		return err
	}
	// Check the bytes just read (named by their path, so the life situation beside them is
	// found): the file is read and parsed once.
	res := workspace.Check([]string{"-"}, workspace.Options{Stdin: bytes.NewReader(src), StdinName: opts.Path})
	prof, err := opts.theProfile(res)
	if err != nil {
		return err
	}
	from, to, err := opts.stages(prof)
	if err != nil {
		return err
	}
	entry, err := opts.historyEntry(prof, from, to)
	if err != nil {
		return err
	}
	out, err := scaffold.Promote(src, entry)
	if err != nil {
		return editError(opts.Path, err)
	}
	if fs := scaffold.Check(opts.Path, out, lsElsewhere(res, prof, opts.Path)...); hasErrors(fs) {
		opts.printFindings(fs)
		opts.printError(i18n.Msg("профиль не готов к этапу «%s» — файл не изменен; исправьте замечания выше и повторите",
			"the profile is not ready for stage \"%s\" — the file was not changed; fix the findings above and try again",
			to.Name().In(opts.lang)).In(opts.lang))
		return &exitError{code: ExitFindings}
	}
	if opts.DryRun {
		opts.dryRunFile(opts.Path, out)
		return nil
	}
	if err := writeEdited(opts.Path, src, out); err != nil {
		return err
	}
	opts.note(i18n.Msg("%s: этап %s → %s, запись в history от %s", "%s: stage %s → %s, history entry of %s",
		displayPath(opts.Path), from, to, entry.Date).In(opts.lang))
	return nil
}

// readEditable reads a file promote is to edit, refusing a read-only one as editors do
// (they will not save it without an override).
func readEditable(path string) ([]byte, error) {
	src, err := load.ReadFile(path, load.Limits{})
	if err != nil {
		var re *load.ReadError
		if errors.As(err, &re) {
			return nil, &ioError{msg: i18n.Join(": ", i18n.Same(displayPath(path)), re.Message), cause: err}
		}
		return nil, ioErr("не удалось прочитать %s: %v", "cannot read %s: %v", displayPath(path), err)
	}
	if st, err := os.Stat(path); err == nil && st.Mode().Perm()&0o200 == 0 {
		return nil, ioErr("%s: файл только для чтения — он не изменен; если его действительно нужно менять, дайте право на запись (chmod u+w)",
			"%s: the file is read-only — it was left as it is; if it really must change, make it writable (chmod u+w)", displayPath(path))
	}
	return src, nil
}

// theProfile is the profile the checked file holds, or why there is none.
func (opts *promoteOptions) theProfile(res *workspace.Result) (*model.Profile, error) {
	var prof *model.Profile
	for _, d := range res.Docs {
		if !d.Context && d.Profile != nil {
			prof = d.Profile
		}
	}
	if prof != nil {
		return prof, nil
	}
	if hasErrors(res.Findings) {
		opts.printFindings(res.Findings)
		// Not "not a profile": a file that does not read (an encoding error) may well be one.
		return nil, usageErr("%s не читается как профиль — исправьте ошибки выше и повторите promote",
			"%s does not read as a profile — fix the errors above and run promote again", displayPath(opts.Path))
	}
	return nil, usageErr("%s — не профиль (kind: Profile)", "%s is not a profile (kind: Profile)", displayPath(opts.Path))
}

// stages are the profile's stage and the one it moves to: --to, or the next one.
func (opts *promoteOptions) stages(prof *model.Profile) (from, to model.Stage, err error) {
	from = prof.Stage
	if from.Index() < 0 {
		return "", "", usageErr("%s: неизвестный этап %q — исправьте stage (segment, hypothesis, refined, final)",
			"%s: unknown stage %q — fix stage (segment, hypothesis, refined, final)", displayPath(opts.Path), from)
	}
	if opts.To == "" {
		next, ok := from.Next()
		if !ok {
			return "", "", usageErr("профиль уже закреплен (final) — следующего этапа нет; вернуть на уточнение: --to refined",
				"the profile is already final — there is no next stage; to reopen it: --to refined")
		}
		return from, next, nil
	}
	to = model.Stage(opts.To)
	if to.Index() < 0 {
		return "", "", badChoice("--to", opts.To, stageIDs())
	}
	if to == from {
		return "", "", usageErr("профиль уже на этапе «%s» (%s)", "the profile is already at stage %q (%s)", from.Name().In(opts.lang), from)
	}
	return from, to, nil
}

// historyEntry is the history record of the move: --basis (asked for on a terminal),
// --date (default today), --change (default "moved to stage …").
func (opts *promoteOptions) historyEntry(prof *model.Profile, from, to model.Stage) (scaffold.Entry, error) {
	basis, err := opts.require(opts.Basis, "--basis", i18n.Text{RU: "Основание (исследование или решение)", EN: "Basis (research or decision)"})
	if err != nil {
		return scaffold.Entry{}, err
	}
	if err := oneLine("--basis", basis); err != nil {
		return scaffold.Entry{}, err
	}
	if err := oneLine("--change", opts.Change); err != nil {
		return scaffold.Entry{}, err
	}
	date := opts.Date
	if date == "" {
		date = opts.today()
	}
	if date, err = promoteDate(date, prof); err != nil {
		return scaffold.Entry{}, err
	}
	change := strings.TrimSpace(opts.Change)
	if change == "" {
		if to.Index() > from.Index() {
			change = i18n.Msg("Профиль переведен на этап «%s»", "Profile moved to stage \"%s\"", to.Name().In(opts.lang)).In(opts.lang)
		} else {
			change = i18n.Msg("Профиль возвращен на этап «%s»", "Profile moved back to stage \"%s\"", to.Name().In(opts.lang)).In(opts.lang)
		}
	}
	return scaffold.Entry{Date: date, Change: change, Basis: basis, Stage: to}, nil
}

// editError says why scaffold.Promote could not edit the text safely.
func editError(path string, err error) error {
	why := i18n.Same(err.Error())
	var ee *scaffold.EditError
	if errors.As(err, &ee) {
		why = ee.What
	}
	return &ioError{msg: i18n.Text{
		RU: fmt.Sprintf("%s: файл нельзя безопасно изменить: %s — переведите этап вручную", displayPath(path), why.RU),
		EN: fmt.Sprintf("%s: cannot edit the file safely: %s — change the stage by hand", displayPath(path), why.EN)}, cause: err}
}

// writeEdited replaces path's content src with out, unless the file changed since it was
// read: the rename would lose a change made meanwhile (an editor's save, another run).
func writeEdited(path string, src, out []byte) error {
	changed := ioErr("%s: файл изменился, пока profiler его правил (сохранен в редакторе или изменен другим запуском) — он не изменен этой командой; повторите promote",
		"%s: the file changed while profiler was editing it (saved in an editor or changed by another run) — this command left it as it is; run promote again", displayPath(path))
	err := atomicfile.Edit(path, out, func() error {
		if cur, err := load.ReadFile(path, load.Limits{}); err != nil || !bytes.Equal(cur, src) {
			return changed
		}
		return nil
	})
	if errors.Is(err, changed) {
		return err
	}
	if err != nil {
		return ioErr("не удалось записать %s: %v", "cannot write %s: %v", displayPath(path), reason.Cause(err))
	}
	return nil
}

// lsElsewhere finds the profile's life situation when it is not beside the profiles/
// folder (validate finds it anywhere in the workspace): a bounded search of the workspace
// (workspace.FindLS).
func lsElsewhere(res *workspace.Result, prof *model.Profile, path string) []string {
	if prof.LifeSituation == "" {
		return nil
	}
	for _, ls := range res.LifeSituations() {
		if ls.ID == prof.LifeSituation {
			return nil
		}
	}
	if ls := workspace.FindLS(path, prof.LifeSituation); ls != "" {
		return []string{ls}
	}
	return nil
}

// ruDate is the date as Russian paperwork writes it: ДД.ММ.ГГГГ.
var ruDate = regexp.MustCompile(`^([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})$`)

// promoteDate reads --date as ГГГГ-ММ-ДД or ДД.ММ.ГГГГ and keeps history in order: the
// entry may not be older than the profile's latest one, which the error names.
func promoteDate(date string, prof *model.Profile) (string, error) {
	date = strings.TrimSpace(date)
	if m := ruDate.FindStringSubmatch(date); m != nil {
		date = fmt.Sprintf("%s-%02s-%02s", m[3], m[2], m[1])
	}
	if _, err := time.Parse(time.DateOnly, date); err != nil {
		return "", usageErr("--date %q: нужна дата ГГГГ-ММ-ДД или ДД.ММ.ГГГГ, например 2026-03-01 или 01.03.2026",
			"--date %q: use YYYY-MM-DD or DD.MM.YYYY, e.g. 2026-03-01 or 01.03.2026", date)
	}
	latest := ""
	for _, h := range prof.History {
		if _, err := time.Parse(time.DateOnly, h.Date); err == nil && h.Date > latest {
			latest = h.Date
		}
	}
	if latest != "" && date < latest {
		return "", usageErr("--date %s: раньше последней записи history (%s) — записи идут по возрастанию дат; укажите дату не раньше %s",
			"--date %s is before the latest history entry (%s) — entries go in ascending date order; use a date on or after %s", date, latest, latest)
	}
	return date, nil
}
