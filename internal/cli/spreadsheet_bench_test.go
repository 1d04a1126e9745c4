//go:build unix

package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/profiler-cx/profiler/internal/corpus"
)

// BenchmarkSpreadsheet compares export and import (of the unedited workbook: every row
// read and compared with its profile) with validate on the same clean corpus, each as the
// whole command. The target (SPEC §3.6): export and import each within 2× validate.
// PROFILER_BENCH_SIZES=100x100 is the 10,100-file corpus; the default is small so that the
// benchmark keeps working in quick runs.
func BenchmarkSpreadsheet(b *testing.B) {
	size := os.Getenv("PROFILER_BENCH_SIZES")
	if size == "" || strings.Contains(size, ",") {
		size = "10x20"
	}
	var nl, np int
	if _, err := fmt.Sscanf(size, "%dx%d", &nl, &np); err != nil {
		b.Fatalf("PROFILER_BENCH_SIZES: %v", err)
	}
	dir := filepath.Join(b.TempDir(), "corpus")
	if err := corpus.GenerateWith(dir, nl, np, 1, 0); err != nil {
		b.Fatal(err)
	}
	book := filepath.Join(b.TempDir(), "p.xlsx")
	run := func(b *testing.B, args ...string) {
		var out, errOut bytes.Buffer
		if code := Main(args, IOStreams{Out: &out, ErrOut: &errOut, Getenv: func(string) string { return "" }}); code != 0 {
			b.Fatalf("profiler %s: exit %d\n%s", strings.Join(args, " "), code, errOut.String())
		}
	}
	files := float64(nl * (np + 1))
	for _, c := range []struct {
		name string
		args []string
	}{
		{"validate", []string{"validate", dir}},
		{"export", []string{"export", dir, "--output", book}},
		{"import", []string{"import", book, "--dir", dir}},
	} {
		b.Run(fmt.Sprintf("%s/files=%d", c.name, nl*(np+1)), func(b *testing.B) {
			if c.name == "import" {
				run(b, "export", dir, "--output", book)
			}
			c0 := cpuSeconds()
			for b.Loop() {
				run(b, c.args...)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/files, "µs/file")
			// CPU time too: on a shared machine the wall clock measures the neighbours.
			b.ReportMetric((cpuSeconds()-c0)*1e6/float64(b.N)/files, "cpu-µs/file")
		})
	}
}

// cpuSeconds is the CPU time (user and system) the process has used.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
