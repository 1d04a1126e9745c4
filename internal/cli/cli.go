// Package cli is profiler's command line: one file per command, and nothing else. The
// work itself lives in the feature packages (workspace, report, render, publish, sheet,
// diff, segments, scaffold…); a command parses flags, calls them, and reports.
//
// A new command `profiler x` goes in x.go: an xOptions struct that embeds [env] (the
// run's streams, language and -q) beside its flags; newXCmd(e, runF), which only parses
// flags into a copy of e and calls runF (tests pass one to see the parsed options) or
// xRun; and xRun(opts), a short function of named steps that writes only to opts.ios
// ([IOStreams]; tests use [TestIOStreams]) and talks to the user by the rule in
// manners.go. Add it to newRootCmd, a testscript under testdata/script, and run
// make cli-docs.
package cli

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/reason"
)

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
	msg   i18n.Text
	help  bool  // the message says what is wrong, not how to fix it: point to --help
	cause error // the error quoted in msg, if any: errors.Is and errors.As see through
}

func (e *usageError) Error() string { return e.msg.EN }
func (e *usageError) Unwrap() error { return e.cause }

// usageErr formats a usage error in both languages (i18n.Msg); an error among args is
// worded in each language (reason.Args) and kept as the cause, as %w would.
func usageErr(ru, en string, args ...any) error {
	return &usageError{msg: i18n.Msg(ru, en, reason.Args(args)...), cause: firstError(args)}
}

// ioError is an I/O failure the user must fix (a file that cannot be written...): exit 2.
type ioError struct {
	msg   i18n.Text
	hint  i18n.Text // how to fix it, when msg cannot say it in one line
	cause error
}

func (e *ioError) Error() string { return e.msg.EN }
func (e *ioError) Unwrap() error { return e.cause }

// ioErr is usageErr for I/O failures.
func ioErr(ru, en string, args ...any) error {
	return &ioError{msg: i18n.Msg(ru, en, reason.Args(args)...), cause: firstError(args)}
}

// firstError is the first error among message arguments: the cause a message quotes.
func firstError(args []any) error {
	for _, a := range args {
		if err, ok := a.(error); ok {
			return err
		}
	}
	return nil
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
			say(ios.ErrOut, i18n.RU, kindWarning, fmt.Sprintf("%s=%q — неизвестный язык, вывод на русском; допустимо ru или en "+
				"(warning: unknown language, using Russian; use ru or en)", i18n.EnvVar, v))
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

// printErr reports an error that reached Main: `profiler: error: …`, and for a mistake
// on the command line a hint to --help.
func printErr(ios IOStreams, lang i18n.Lang, err error) {
	helpHint := i18n.Text{RU: "справка — profiler --help", EN: "see profiler --help"}.In(lang)
	var ue *usageError
	var ie *ioError
	switch {
	case errors.As(err, &ue):
		// Our own usage errors name the fix (the allowed values, «может быть, …?»); the
		// help hint would only add noise. Flag-parsing errors keep it.
		say(ios.ErrOut, lang, kindError, ue.msg.In(lang))
		if ue.help {
			say(ios.ErrOut, lang, kindHint, helpHint)
		}
	case errors.As(err, &ie):
		say(ios.ErrOut, lang, kindError, ie.msg.In(lang))
		if !ie.hint.IsZero() {
			say(ios.ErrOut, lang, kindHint, ie.hint.In(lang))
		}
	default:
		say(ios.ErrOut, lang, kindError, translateCobra(err.Error(), lang))
		say(ios.ErrOut, lang, kindHint, helpHint)
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
