package cli

import "fmt"

// note writes a line of success chatter ("created x", "Next: …") to stderr, unless the
// running command was given -q. Stdout carries only data (reports, tables, schemas, the
// files of a --dry-run), so `profiler … > file` never captures chatter.
func (e *env) note(s string) {
	if !e.quiet {
		fmt.Fprintln(e.ios.ErrOut, s)
	}
}
