// Command profiler-corpus writes a synthetic workspace for benchmarks and comparisons:
//
//	profiler-corpus -ls 100 -per 100 -seed 1 [-mistakes 0.05] DIR
//
// DIR must be missing or empty. The same flags always give the same files.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/profiler-cx/profiler/internal/corpus"
)

func main() {
	lss := flag.Int("ls", 100, "life situations (folders)")
	per := flag.Int("per", 100, "profiles per life situation")
	seed := flag.Int64("seed", 1, "random seed")
	mistakes := flag.Float64("mistakes", corpus.MistakeShare, "share of profiles with a deliberate mistake (0: a clean corpus)")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: profiler-corpus [-ls N] [-per M] [-seed S] [-mistakes SHARE] DIR")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := corpus.GenerateWith(flag.Arg(0), *lss, *per, *seed, *mistakes); err != nil {
		fmt.Fprintln(os.Stderr, "profiler-corpus: error:", err)
		os.Exit(1)
	}
}
