//go:build unix

package workspace_test

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/profiler-cx/profiler/internal/cache"
	"github.com/profiler-cx/profiler/internal/corpus"
	"github.com/profiler-cx/profiler/internal/gctune"
	"github.com/profiler-cx/profiler/internal/render"
	"github.com/profiler-cx/profiler/internal/segments"
	"github.com/profiler-cx/profiler/internal/workspace"
)

// Benchmarks run on generated corpora. PROFILER_BENCH_SIZES lists them as LSxPROFILES
// (default "10x100": 1,010 files); PROFILER_BENCH_DIR keeps them between runs (default: a
// temporary folder removed afterwards). `make bench` sets both.

type benchCorpus struct {
	name  string // "files=10100"
	dir   string
	files []string
	clean string // the same size without mistakes (render refuses input with errors)
}

var (
	corporaOnce sync.Once
	corpora     []benchCorpus
	corporaErr  error
	tempRoot    string
)

func TestMain(m *testing.M) {
	// The collector settings of the binary (GOGC=400, a 1 GiB soft limit; GOGC and
	// GOMEMLIMIT in the environment win), so that in-process figures — the parse-only
	// baseline included — are measured as `profiler validate` runs.
	gctune.Tune()
	// validate --cache signs caches with a key in the user's cache folder: not the real one.
	secretDir, _ := os.MkdirTemp("", "profiler-bench-key-")
	cache.SecretDir = func() (string, error) { return secretDir, nil }
	code := m.Run()
	os.RemoveAll(secretDir)
	if tempRoot != "" {
		os.RemoveAll(tempRoot)
	}
	os.Exit(code)
}

func benchCorpora(b *testing.B) []benchCorpus { return benchCorporaT(b) }

func benchCorporaT(b testing.TB) []benchCorpus {
	b.Helper()
	corporaOnce.Do(func() {
		root := os.Getenv("PROFILER_BENCH_DIR")
		if root == "" {
			root, corporaErr = os.MkdirTemp("", "profiler-bench-")
			if corporaErr != nil {
				return
			}
			tempRoot = root
		}
		sizes := os.Getenv("PROFILER_BENCH_SIZES")
		if sizes == "" {
			sizes = "10x100"
		}
		for _, s := range strings.Split(sizes, ",") {
			ls, per, ok := strings.Cut(strings.TrimSpace(s), "x")
			nl, err1 := strconv.Atoi(ls)
			np, err2 := strconv.Atoi(per)
			if !ok || err1 != nil || err2 != nil {
				corporaErr = fmt.Errorf("PROFILER_BENCH_SIZES: bad size %q, want LSxPROFILES", s)
				return
			}
			dir := filepath.Join(root, fmt.Sprintf("corpus-%dx%d-seed1", nl, np))
			if _, err := os.Stat(filepath.Join(dir, ".complete")); err != nil {
				os.RemoveAll(dir)
				if corporaErr = corpus.Generate(dir, nl, np, 1); corporaErr != nil {
					return
				}
				if corporaErr = os.WriteFile(filepath.Join(dir, ".complete"), nil, 0o644); corporaErr != nil {
					return
				}
			}
			clean := dir + "-clean"
			if _, err := os.Stat(filepath.Join(clean, ".complete")); err != nil {
				os.RemoveAll(clean)
				if corporaErr = corpus.GenerateWith(clean, nl, np, 1, 0); corporaErr != nil {
					return
				}
				if corporaErr = os.WriteFile(filepath.Join(clean, ".complete"), nil, 0o644); corporaErr != nil {
					return
				}
			}
			c := benchCorpus{name: fmt.Sprintf("files=%d", nl*(np+1)), dir: dir, clean: clean}
			_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() && strings.HasSuffix(p, ".yaml") {
					c.files = append(c.files, p)
				}
				return nil
			})
			corpora = append(corpora, c)
		}
	})
	if corporaErr != nil {
		b.Fatal(corporaErr)
	}
	return corpora
}

// parseOnly is the floor of our stack: walk the folder and, on GOMAXPROCS workers that
// start while the walk goes on (as validate's do), read every file and decode it into a
// yaml.Node — what validate does before any checking.
func parseOnly(dir string) (int, error) {
	jobs := make(chan string, 256)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				data, err := os.ReadFile(p)
				var n yaml.Node
				if err == nil {
					err = yaml.NewDecoder(bytes.NewReader(data)).Decode(&n)
				}
				if err != nil && !strings.Contains(err.Error(), "yaml:") { // the corpus has syntax mistakes on purpose
					mu.Lock()
					firstErr = err
					mu.Unlock()
				}
			}
		}()
	}
	files := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".yaml") {
			files++
			jobs <- p
		}
		return err
	})
	close(jobs)
	wg.Wait()
	if err != nil {
		return files, err
	}
	return files, firstErr
}

// cpuTime is the process's user+system CPU time. Reported next to wall time because on
// a shared machine the wall clock also measures the neighbours.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// measure runs f b.N times and reports wall and CPU time per file.
func measure(b *testing.B, files int, f func()) {
	runtime.GC()
	c0 := cpuTime()
	for b.Loop() {
		f()
	}
	cpu := cpuTime() - c0
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(files), "µs/file")
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N)/float64(files), "cpu-µs/file")
}

func BenchmarkParseOnly(b *testing.B) {
	for _, c := range benchCorpora(b) {
		b.Run(c.name, func(b *testing.B) {
			measure(b, len(c.files), func() {
				n, err := parseOnly(c.dir)
				if err != nil || n != len(c.files) {
					b.Fatalf("parsed %d files, err %v", n, err)
				}
			})
		})
	}
}

func BenchmarkValidate(b *testing.B) {
	for _, c := range benchCorpora(b) {
		b.Run(c.name, func(b *testing.B) {
			measure(b, len(c.files), func() {
				res := workspace.Check([]string{c.dir}, workspace.Options{Keep: workspace.KeepFacts})
				if res.Files != len(c.files) {
					b.Fatalf("checked %d files, want %d", res.Files, len(c.files))
				}
			})
		})
	}
}

// BenchmarkValidateCached is a warm `validate --cache` after one file changed: load the
// cache, hash every file, check the changed one, rerun the cross-file rules, save.
func BenchmarkValidateCached(b *testing.B) {
	for _, c := range benchCorpora(b) {
		b.Run(c.name, func(b *testing.B) {
			cacheFile := filepath.Join(b.TempDir(), "cache")
			c0 := cache.Open(cacheFile, "bench")
			workspace.Check([]string{c.dir}, workspace.Options{Keep: workspace.KeepFacts, Cache: c0})
			if err := c0.Save(); err != nil {
				b.Fatal(err)
			}
			victim := c.files[len(c.files)/2]
			orig, err := os.ReadFile(victim)
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { os.WriteFile(victim, orig, 0o644) })
			i := 0
			measure(b, len(c.files), func() {
				i++
				if err := os.WriteFile(victim, append(orig, fmt.Sprintf("# edit %d\n", i)...), 0o644); err != nil {
					b.Fatal(err)
				}
				cf := cache.Open(cacheFile, "bench")
				res := workspace.Check([]string{c.dir}, workspace.Options{Keep: workspace.KeepFacts, Cache: cf})
				if err := cf.Save(); err != nil {
					b.Fatal(err)
				}
				if res.Files != len(c.files) {
					b.Fatalf("checked %d files, want %d", res.Files, len(c.files))
				}
			})
		})
	}
}

// BenchmarkRender is what `profiler render` computes on a clean corpus: a full check keeping
// the models, as render does, then every page in memory (writing the files is left out:
// that is the disk, not us).
func BenchmarkRender(b *testing.B) { benchRender(b, render.Markdown) }

// BenchmarkRenderHTML is BenchmarkRender for `render --format html` (the target: at most
// 1.3 times BenchmarkRender).
func BenchmarkRenderHTML(b *testing.B) { benchRender(b, render.HTML) }

func benchRender(b *testing.B, format render.Format) {
	for _, c := range benchCorpora(b) {
		b.Run(c.name, func(b *testing.B) {
			measure(b, len(c.files), func() {
				res := workspace.Check([]string{c.clean}, workspace.Options{Keep: workspace.KeepModels})
				if len(res.Findings) > 0 {
					b.Fatalf("the clean corpus has %d findings", len(res.Findings))
				}
				files, err := render.Site(res.LifeSituations(), res.Profiles(), render.Options{Format: format})
				if err != nil || len(files) < len(c.files) {
					b.Fatalf("%d pages, err %v", len(files), err)
				}
			})
		})
	}
}

// BenchmarkPages is render's own share: every page of the clean corpus built in memory
// from models checked once (render.Site, without the check and without writing).
func BenchmarkPages(b *testing.B) { benchPages(b, render.Markdown) }

// BenchmarkPagesHTML is BenchmarkPages for the HTML site.
func BenchmarkPagesHTML(b *testing.B) { benchPages(b, render.HTML) }

func benchPages(b *testing.B, format render.Format) {
	for _, c := range benchCorpora(b) {
		b.Run(c.name, func(b *testing.B) {
			res := workspace.Check([]string{c.clean}, workspace.Options{Keep: workspace.KeepModels})
			lss, ps := res.LifeSituations(), res.Profiles()
			measure(b, len(c.files), func() {
				files, err := render.Site(lss, ps, render.Options{Format: format})
				if err != nil || len(files) < len(c.files) {
					b.Fatalf("%d pages, err %v", len(files), err)
				}
			})
		})
	}
}

// BenchmarkSegments is the stage II analysis `profiler segments` adds to the check: boxes,
// every pair per status, duplicates and values not singled out for every life situation,
// on models checked once. Compare with BenchmarkValidate; BenchmarkSegmentsJSON adds the
// JSON, whose size grows with the overlapping pairs.
func BenchmarkSegments(b *testing.B) { benchSegments(b, false) }

// BenchmarkSegmentsJSON is BenchmarkSegments with `--format json` written (to io.Discard).
func BenchmarkSegmentsJSON(b *testing.B) { benchSegments(b, true) }

func benchSegments(b *testing.B, withJSON bool) {
	for _, c := range benchCorpora(b) {
		b.Run(c.name, func(b *testing.B) {
			res := workspace.Check([]string{c.clean}, workspace.Options{Keep: workspace.KeepModels})
			lss, ps := res.LifeSituations(), res.Profiles()
			measure(b, len(c.files), func() {
				an := segments.Analyze(lss, ps)
				if len(an) != len(lss) {
					b.Fatalf("%d life situations analysed, want %d", len(an), len(lss))
				}
				if withJSON {
					if err := segments.WriteJSON(io.Discard, an); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
