//go:build !windows

package console

// Prepare does nothing outside Windows: terminals there take UTF-8 and ANSI sequences.
// ansi is true: whether colours are used is decided by the caller (a terminal, NO_COLOR).
func Prepare() (restore func(), ansi bool) { return func() {}, true }
