// Command profiler validates and renders client-segment profiles of life situations.
package main

import (
	"os"

	"github.com/profiler-cx/profiler/internal/cli"
)

func main() { os.Exit(cli.Main(os.Args[1:], cli.System())) }
