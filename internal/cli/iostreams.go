package cli

import (
	"bytes"
	"io"
	"os"

	"github.com/mattn/go-isatty"
	"github.com/profiler-cx/profiler/internal/gctune"
)

// IOStreams are the streams a command may use, and what they are connected to. Commands
// write only here, never to os.Stdout or os.Stderr, so tests see all output and a terminal
// can be pretended ([TestIOStreams] and the TTY fields).
type IOStreams struct {
	In      io.Reader
	Out     io.Writer
	ErrOut  io.Writer
	InTTY   bool
	OutTTY  bool
	ErrTTY  bool
	NoColor bool // colour is off whatever the terminal: see [noColor]
	Getenv  func(string) string
	Now     func() string // today's date, YYYY-MM-DD (injectable for tests)
}

// System returns the process's real streams and tunes the garbage collector for a
// short-lived process (see gctune.Tune). ansi says whether the console shows ANSI
// sequences at all (console.Prepare: false on an old Windows console).
func System(ansi bool) IOStreams {
	gctune.Tune() // the real process only: tests keep the runtime defaults
	return IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		InTTY:   isatty.IsTerminal(os.Stdin.Fd()),
		OutTTY:  isatty.IsTerminal(os.Stdout.Fd()),
		ErrTTY:  isatty.IsTerminal(os.Stderr.Fd()),
		NoColor: noColor(os.Getenv, ansi),
		Getenv:  os.Getenv,
	}
}

// TestIOStreams returns streams for a test: empty stdin, stdout and stderr captured in the
// returned buffers, no terminal, no environment. Set the TTY fields to act as a terminal;
// write to in before the command reads it.
func TestIOStreams() (ios IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return IOStreams{In: in, Out: out, ErrOut: errOut, Getenv: func(string) string { return "" }}, in, out, errOut
}

// noColor is the one place that turns colour off for the whole process: NO_COLOR set to
// anything non-empty (no-color.org), TERM=dumb, or a console that shows no ANSI sequences.
// Per stream, colour also needs a terminal: [IOStreams.ColorOut], [IOStreams.ColorErr].
func noColor(getenv func(string) string, ansi bool) bool {
	return getenv("NO_COLOR") != "" || getenv("TERM") == "dumb" || !ansi
}

// ColorOut reports whether stdout gets ANSI colour: a terminal, and colour not turned off.
func (s IOStreams) ColorOut() bool { return s.OutTTY && !s.NoColor }

// ColorErr reports whether stderr gets ANSI colour: a terminal, and colour not turned off.
func (s IOStreams) ColorErr() bool { return s.ErrTTY && !s.NoColor }

// CanPrompt reports whether missing values may be asked for: both ends are a terminal.
func (s IOStreams) CanPrompt() bool { return s.InTTY && s.OutTTY }
