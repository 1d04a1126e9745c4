package cli

import (
	"fmt"
	"io"

	"github.com/profiler-cx/profiler/internal/i18n"
)

// How profiler talks to its user; one rule for every command.
//
// Stdout carries only data (reports, tables, schemas, the files of a --dry-run), so
// `profiler … > file` never captures anything else. Everything for the person goes to
// stderr, one line each:
//
//	profiler: error: what is wrong, where (file:line:column, sheet!cell) — what to do
//	profiler: warning: something is odd but the run goes on
//	profiler: hint: how to fix the error above, when the error itself cannot say it
//	profiler: wrote 3 files (success chatter, silenced by -q)
//
// In Russian the words are «ошибка», «предупреждение», «подсказка». Messages start
// lower-case, end without a period, and name the file, flag or value they are about.
// An error is printed once, where it is decided; the exit code then says it was
// reported ([exitError]). Use [say] (or the env methods beside it) rather than spelling
// the prefix out.
var (
	kindError   = i18n.Text{RU: "ошибка", EN: "error"}
	kindWarning = i18n.Text{RU: "предупреждение", EN: "warning"}
	kindHint    = i18n.Text{RU: "подсказка", EN: "hint"}
)

// say writes one diagnostic line: "profiler: <kind>: msg" in lang.
func say(w io.Writer, lang i18n.Lang, kind i18n.Text, msg string) {
	fmt.Fprintln(w, "profiler: "+kind.In(lang)+": "+msg)
}

// printError writes "profiler: error: msg" to stderr; msg is already in e's language.
func (e *env) printError(msg string) { say(e.ios.ErrOut, e.lang, kindError, msg) }

// printWarning writes "profiler: warning: msg" to stderr.
func (e *env) printWarning(msg string) { say(e.ios.ErrOut, e.lang, kindWarning, msg) }

// printHint writes "profiler: hint: msg" to stderr.
func (e *env) printHint(msg string) { say(e.ios.ErrOut, e.lang, kindHint, msg) }

// note writes a line of success chatter ("created x", "Next: …") to stderr, unless the
// running command was given -q.
func (e *env) note(s string) {
	if !e.quiet {
		fmt.Fprintln(e.ios.ErrOut, s)
	}
}
