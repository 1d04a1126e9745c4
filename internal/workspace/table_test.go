//go:build unix

package workspace_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/profiler-cx/profiler/internal/workspace"
)

// TestBenchTable prints the performance table of .docs/performance.md (`make bench`). It is skipped
// unless PROFILER_BENCH_BIN names a built profiler binary. Every measurement is the
// median of PROFILER_BENCH_RUNS runs (default 5); the parse-only baseline and validate
// alternate, so a busy neighbour slows both alike and the ratio stays meaningful.
func TestBenchTable(t *testing.T) {
	bin := os.Getenv("PROFILER_BENCH_BIN")
	if bin == "" {
		t.Skip("set PROFILER_BENCH_BIN (make bench does)")
	}
	runs := 5
	fmt.Sscan(os.Getenv("PROFILER_BENCH_RUNS"), &runs)
	cs := benchCorporaT(t)
	renderOK := exec.Command(bin, "render", "--help").Run() == nil

	var rows []string
	rows = append(rows,
		"| files | parse-only | validate | ratio | validate, binary (CPU) | µs/file | peak RSS | --cache, 1 file changed (CPU) |"+map[bool]string{true: " clean corpus: render ÷ validate (binaries) | render --cache html, 1 title changed (CPU) |", false: ""}[renderOK],
		"| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"+map[bool]string{true: " ---: | ---: |", false: ""}[renderOK])
	for _, c := range cs {
		var parse, check, binWall, binCPU, warm, warmCPU, render []time.Duration
		var rss int64
		for range runs {
			parse = append(parse, timeIt(func() {
				if _, err := parseOnly(c.dir); err != nil {
					t.Fatal(err)
				}
			}))
			check = append(check, timeIt(func() { workspace.Check([]string{c.dir}, workspace.Options{Keep: workspace.KeepFacts}) }))
			d, cpu, r := runBin(t, bin, "validate", "-q", c.dir)
			binWall, binCPU = append(binWall, d), append(binCPU, cpu)
			rss = max(rss, r)
		}
		// Warm cache: one cold run, wait out the racy-clean margin, then edit one file
		// before each measured run.
		cacheFile := filepath.Join(t.TempDir(), "cache")
		_, _, _ = runBin(t, bin, "validate", "-q", "--cache", "--cache-location", cacheFile, c.dir)
		time.Sleep(2100 * time.Millisecond)
		victim := c.files[len(c.files)/2]
		orig, _ := os.ReadFile(victim)
		for i := range runs {
			if err := os.WriteFile(victim, append(append([]byte{}, orig...), fmt.Sprintf("# edit %d\n", i)...), 0o644); err != nil {
				t.Fatal(err)
			}
			d, cpu, _ := runBin(t, bin, "validate", "-q", "--cache", "--cache-location", cacheFile, c.dir)
			warm, warmCPU = append(warm, d), append(warmCPU, cpu)
		}
		os.WriteFile(victim, orig, 0o644)
		var cleanValidate, renderCached, renderCachedCPU []time.Duration
		if renderOK {
			renderCached, renderCachedCPU = renderCacheRuns(t, bin, c.clean, runs)
			for i := range runs {
				// Each render writes into an empty folder (PROFILER_BENCH_OUT chooses where:
				// the default is the system's temporary folder).
				out := t.TempDir()
				if root := os.Getenv("PROFILER_BENCH_OUT"); root != "" {
					out = filepath.Join(root, fmt.Sprintf("render-%d-%d-%d", os.Getpid(), len(c.files), i))
					t.Cleanup(func() { os.RemoveAll(out) })
				}
				d, _, _ := runBin(t, bin, "validate", "-q", c.clean)
				cleanValidate = append(cleanValidate, d)
				d, _, _ = runBin(t, bin, "render", "--out", out, c.clean)
				render = append(render, d)
			}
		}
		p, v, bw := median(parse), median(check), median(binWall)
		row := fmt.Sprintf("| %d | %s | %s | %.2f× | %s (%s) | %.0f | %d MB | %s (%s) |", len(c.files), sec(p), sec(v),
			float64(v)/float64(p), sec(bw), sec(median(binCPU)), float64(bw.Microseconds())/float64(len(c.files)), rss>>10,
			sec(median(warm)), sec(median(warmCPU)))
		if renderOK {
			row += fmt.Sprintf(" %s ÷ %s = %.2f× | %s (%s) |", sec(median(render)), sec(median(cleanValidate)), float64(median(render))/float64(median(cleanValidate)),
				sec(median(renderCached)), sec(median(renderCachedCPU)))
		}
		rows = append(rows, row)
	}
	table := strings.Join(rows, "\n")
	fmt.Printf("\nGOMAXPROCS=%d, %s/%s, %d runs each, medians\n%s\n", runtime.GOMAXPROCS(0), runtime.GOOS, runtime.GOARCH, runs, table)
	if out := os.Getenv("PROFILER_BENCH_TABLE"); out != "" {
		if err := os.WriteFile(out, []byte(table+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// renderCacheRuns times `profiler render --cache --format html` of the clean corpus after
// one profile's title changed (the worst case: the index and its filter's data are
// rebuilt with the profile's life situation), into a site a previous run left. The
// profile is restored after.
func renderCacheRuns(t *testing.T, bin, clean string, runs int) (wall, cpu []time.Duration) {
	profs, _ := filepath.Glob(filepath.Join(clean, "*", "profiles", "*.yaml"))
	if len(profs) == 0 {
		t.Fatalf("no profiles in %s", clean)
	}
	victim := profs[len(profs)/2]
	orig, err := os.ReadFile(victim)
	if err != nil {
		t.Fatal(err)
	}
	restore := func() { os.WriteFile(victim, orig, 0o644) }
	t.Cleanup(restore)
	defer restore() // before the other measurements of the clean corpus
	out, cacheFile := t.TempDir(), filepath.Join(t.TempDir(), "cache")
	render := func() (time.Duration, time.Duration) {
		d, c, _ := runBin(t, bin, "render", "-q", "--format", "html", "--cache", "--cache-location", cacheFile, "--out", out, clean)
		return d, c
	}
	render()                            // the full render that leaves the site and the manifest
	time.Sleep(2100 * time.Millisecond) // past the cache's racy margin, as for validate above
	for i := range runs {
		retitled := strings.Replace(string(orig), "\ntitle: ", fmt.Sprintf("\ntitle: Правка %d — ", i), 1)
		if err := os.WriteFile(victim, []byte(retitled), 0o644); err != nil {
			t.Fatal(err)
		}
		d, c := render()
		wall, cpu = append(wall, d), append(cpu, c)
	}
	return wall, cpu
}

func sec(d time.Duration) string { return fmt.Sprintf("%.3f s", d.Seconds()) }

func timeIt(f func()) time.Duration {
	runtime.GC()
	start := time.Now()
	f()
	return time.Since(start)
}

func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

// runBin runs the binary and returns its wall time, CPU time (user+system) and peak RSS
// in KiB. Exit code 1 (findings) is expected: the corpus has mistakes on purpose.
func runBin(t *testing.T, bin string, args ...string) (wall, cpu time.Duration, rss int64) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() != 1) {
		t.Fatalf("%s %v: %v", bin, args, err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = int64(ru.Maxrss)
	}
	return d, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), rss
}
