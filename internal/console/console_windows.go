//go:build windows

package console

import (
	"os"

	"golang.org/x/sys/windows"
)

// utf8CodePage is CP_UTF8.
const utf8CodePage = 65001

// Prepare switches the console profiler writes to (if any) to the UTF-8 code page and
// turns on ANSI sequence processing on its stdout and stderr, and returns a function that
// puts the previous code page and modes back: the console belongs to the user's cmd.exe
// or PowerShell window, which must be left as it was found. ansi is false when a console
// does not process ANSI sequences (Windows before 10 1511): the caller then prints no
// colours rather than raw escape codes. Without a console (output to a file or pipe, in
// CI) it changes nothing.
func Prepare() (restore func(), ansi bool) {
	var undo []func()
	ansi = true
	if cp, err := windows.GetConsoleOutputCP(); err == nil && cp != utf8CodePage {
		if windows.SetConsoleOutputCP(utf8CodePage) == nil {
			undo = append(undo, func() { windows.SetConsoleOutputCP(cp) })
		}
	}
	for _, f := range []*os.File{os.Stdout, os.Stderr} {
		h := windows.Handle(f.Fd())
		var mode uint32
		if windows.GetConsoleMode(h, &mode) != nil {
			continue // not a console: a file or a pipe
		}
		if mode&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0 {
			continue
		}
		if windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING) != nil {
			ansi = false
			continue
		}
		undo = append(undo, func() { windows.SetConsoleMode(h, mode) })
	}
	return func() {
		for i := len(undo) - 1; i >= 0; i-- {
			undo[i]()
		}
	}, ansi
}
