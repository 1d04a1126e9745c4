// Command profiler-docs writes profiler's command reference — Markdown and man pages, in
// Russian and English — into a folder: `go run ./cmd/profiler-docs .docs/cli` (`make cli-docs`).
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/profiler-cx/profiler/internal/cli"
	"github.com/profiler-cx/profiler/internal/i18n"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: profiler-docs DIR")
		os.Exit(2)
	}
	for _, lang := range []i18n.Lang{i18n.RU, i18n.EN} {
		if err := cli.GenDocs(filepath.Join(os.Args[1], string(lang)), lang); err != nil {
			fmt.Fprintln(os.Stderr, "profiler-docs:", err)
			os.Exit(1)
		}
	}
}
