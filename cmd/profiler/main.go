// Command profiler validates and renders client-segment profiles of life situations.
package main

import (
	"os"

	"github.com/profiler-cx/profiler/internal/cli"
	"github.com/profiler-cx/profiler/internal/console"
)

func main() {
	restore, ansi := console.Prepare() // Windows: UTF-8 code page and ANSI colours while we run
	code := cli.Main(os.Args[1:], cli.System(ansi))
	restore()
	os.Exit(code)
}
