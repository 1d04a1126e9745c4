// Package cli is profiler's command line: one file per command. Commands parse flags into
// an options struct and hand it to a plain run function, so behaviour is testable without
// Cobra and output goes only to the streams in [IOStreams].
package cli

import (
	"errors"
	"fmt"
	"github.com/profiler-cx/profiler/internal/gctune"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/reason"
)

// IOStreams are the streams a command may use, and what they are connected to.
type IOStreams struct {
	In      io.Reader
	Out     io.Writer
	ErrOut  io.Writer
	InTTY   bool
	OutTTY  bool
	ErrTTY  bool
	NoColor bool // NO_COLOR set or TERM=dumb
	Getenv  func(string) string
	Now     func() string // today's date, YYYY-MM-DD (injectable for tests)
}

// System returns the process's real streams and tunes the garbage collector for a
// short-lived process (see gctune.Tune).
func System() IOStreams {
	gctune.Tune() // the real process only: tests keep the runtime defaults
	noColor := os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb"
	return IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		InTTY:   isatty.IsTerminal(os.Stdin.Fd()),
		OutTTY:  isatty.IsTerminal(os.Stdout.Fd()),
		ErrTTY:  isatty.IsTerminal(os.Stderr.Fd()),
		NoColor: noColor,
		Getenv:  os.Getenv,
	}
}

// Exit codes.
const (
	ExitOK       = 0 // clean
	ExitFindings = 1 // findings that fail the run
	ExitUsage    = 2 // usage or I/O error
)

// exitError carries an exit code for an error that has already been reported.
type exitError struct{ code int }

func (e *exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// usageError is a mistake on the command line: reported with a hint to --help, exit 2.
type usageError struct {
	msg  i18n.Text
	help bool // the message says what is wrong, not how to fix it: point to --help
}

func (e *usageError) Error() string { return e.msg.EN }

func usageErr(ru, en string, args ...any) error {
	return &usageError{msg: i18n.Msg(ru, en, reason.Args(args)...)}
}

// ioError is an I/O failure the user must fix (a file that cannot be written...): exit 2.
type ioError struct{ msg i18n.Text }

func (e *ioError) Error() string { return e.msg.EN }

func ioErr(ru, en string, args ...any) error {
	return &ioError{msg: i18n.Msg(ru, en, reason.Args(args)...)}
}

// langFromArgs finds --lang before Cobra parses anything, so that help texts and flag
// errors are already in the user's language.
func langFromArgs(args []string, env func(string) string) (i18n.Lang, error) {
	for i, a := range args {
		if a == "--" {
			break
		}
		var v string
		switch {
		case strings.HasPrefix(a, "--lang="):
			v = strings.TrimPrefix(a, "--lang=")
		case a == "--lang" && i+1 < len(args):
			v = args[i+1]
		default:
			continue
		}
		l, ok := i18n.Parse(v)
		if !ok {
			return i18n.RU, &usageError{msg: i18n.Msg("--lang: неизвестный язык %q; допустимо ru или en", "--lang: unknown language %q; use ru or en", v)}
		}
		return l, nil
	}
	if env != nil {
		if l, ok := i18n.Parse(env(i18n.EnvVar)); ok {
			return l, nil
		}
	}
	return i18n.RU, nil
}

// Main runs profiler with args (without the program name) and returns the exit code.
func Main(args []string, ios IOStreams) int {
	if ios.Getenv == nil {
		ios.Getenv = func(string) string { return "" }
	}
	lang, err := langFromArgs(args, ios.Getenv)
	if err != nil && len(args) > 0 && strings.HasPrefix(args[0], "__complete") {
		err = nil // `--lang <TAB>`: the value being completed is not a language yet
	}
	if err != nil {
		printErr(ios, lang, err)
		return ExitUsage
	}
	if v := ios.Getenv(i18n.EnvVar); v != "" && !slices.ContainsFunc(args, func(a string) bool { return a == "--lang" || strings.HasPrefix(a, "--lang=") }) {
		if _, ok := i18n.Parse(v); !ok {
			// Not silently Russian: whoever set it expected another language, maybe English.
			fmt.Fprintf(ios.ErrOut, "profiler: предупреждение: %s=%q — неизвестный язык, вывод на русском; допустимо ru или en "+
				"(warning: unknown language, using Russian; use ru or en)\n", i18n.EnvVar, v)
		}
	}
	root := newRootCmd(ios, lang)
	root.SetArgs(args)
	err = root.Execute()
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	printErr(ios, lang, err) // usage and I/O errors alike
	return ExitUsage
}

// printErr writes `profiler: error: …` (and a hint for usage errors) to stderr.
func printErr(ios IOStreams, lang i18n.Lang, err error) {
	var ue *usageError
	var ie *ioError
	prefix := i18n.Text{RU: "profiler: ошибка: ", EN: "profiler: error: "}.In(lang)
	switch {
	case errors.As(err, &ue):
		// Our own usage errors name the fix (the allowed values, «может быть, …?»); the
		// help hint would only add noise. Flag-parsing errors keep it.
		fmt.Fprintln(ios.ErrOut, prefix+ue.msg.In(lang))
		if ue.help {
			fmt.Fprintln(ios.ErrOut, i18n.Text{RU: "profiler: подсказка: справка — profiler --help", EN: "profiler: hint: see profiler --help"}.In(lang))
		}
	case errors.As(err, &ie):
		fmt.Fprintln(ios.ErrOut, prefix+ie.msg.In(lang))
	default:
		fmt.Fprintln(ios.ErrOut, prefix+translateCobra(err.Error(), lang))
		fmt.Fprintln(ios.ErrOut, i18n.Text{RU: "profiler: подсказка: справка — profiler --help", EN: "profiler: hint: see profiler --help"}.In(lang))
	}
}

// translateCobra renders Cobra's and pflag's own English errors in Russian.
func translateCobra(msg string, lang i18n.Lang) string {
	if lang == i18n.EN {
		return msg
	}
	repl := []struct{ from, to string }{
		{"unknown command", "неизвестная команда"},
		{"unknown flag", "неизвестный флаг"},
		{"unknown shorthand flag", "неизвестный короткий флаг"},
		{"flag needs an argument", "флагу нужно значение"},
		{"invalid argument", "недопустимое значение"},
		{"for \"profiler\"", "для profiler"},
		{"accepts at most", "принимает не больше"},
		{"accepts", "принимает"},
		{"arg(s), received", "аргумент(ов), получено"},
		{"required flag(s)", "обязательные флаги"},
		{"not set", "не заданы"},
	}
	for _, r := range repl {
		msg = strings.ReplaceAll(msg, r.from, r.to)
	}
	return msg
}
