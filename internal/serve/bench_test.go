package serve_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/profiler-cx/profiler/internal/cli"
	"github.com/profiler-cx/profiler/internal/corpus"
	"github.com/profiler-cx/profiler/internal/gctune"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/serve"
)

// The benchmark corpus: 100 life situations × 100 profiles = 10,100 files, clean (render
// and serve refuse nothing). Run once:
//
//	go test -run '^$' -bench . -benchtime=1x ./internal/serve
const benchLS, benchPerLS = 100, 100

// benchCorpus makes the corpus, and runs the benchmark with the collector settings of the
// binary (internal/gctune), as the workspace benchmarks do: the figures are those of
// `profiler serve` and `profiler render`, not of the runtime's defaults.
func benchCorpus(b *testing.B) string {
	b.Helper()
	gc, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
	gctune.Tune()
	b.Cleanup(func() { debug.SetGCPercent(gc); debug.SetMemoryLimit(limit) })
	dir := filepath.Join(b.TempDir(), "corpus")
	if err := corpus.GenerateWith(dir, benchLS, benchPerLS, 1, 0); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkServeStartup: from start to serving the whole site (check and render all).
func BenchmarkServeStartup(b *testing.B) {
	dir := benchCorpus(b)
	defer reportCPU(b)()
	b.ResetTimer()
	for range b.N {
		s, err := serve.Start(serve.Options{Paths: []string{dir}, Lang: i18n.RU, Addr: "127.0.0.1:0"})
		if err != nil {
			b.Fatal(err)
		}
		if !s.First.OK {
			b.Fatalf("first build failed: %+v", s.First.Findings[:min(3, len(s.First.Findings))])
		}
		b.StopTimer()
		if err := s.Stop(5 * time.Second); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}

// reportCPU reports the processor time per operation (cpu-ms) from now to the call of
// the function it returns (which stops the timer: the clean-up after is not measured).
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		b.StopTimer()
		if start != 0 {
			b.ReportMetric(float64((cpuTime()-start).Microseconds())/1000/float64(b.N), "cpu-ms")
		}
	}
}

// BenchmarkRenderHTML: `profiler render --format html` of the same corpus into a new
// folder, the start-up's yardstick.
func BenchmarkRenderHTML(b *testing.B) {
	dir := benchCorpus(b)
	out := b.TempDir()
	defer reportCPU(b)()
	b.ResetTimer()
	for i := range b.N {
		var stderr bytes.Buffer
		ios := cli.IOStreams{Out: &bytes.Buffer{}, ErrOut: &stderr, In: strings.NewReader("")}
		if code := cli.Main([]string{"render", "--format", "html", "-q", dir, "--out", filepath.Join(out, fmt.Sprint(i))}, ios); code != 0 {
			b.Fatalf("render: exit %d\n%s", code, stderr.String())
		}
	}
}

// BenchmarkServeEdit: from the write of one changed profile (saved by rename, as editors
// do) to its updated card being served over HTTP. The saves follow each other at once, as
// fast as the card appears: the index, rebuilt only once edits pause, never runs between
// them (BenchmarkRebuild measures it).
func BenchmarkServeEdit(b *testing.B) {
	dir := benchCorpus(b)
	s, err := serve.Start(serve.Options{Paths: []string{dir}, Lang: i18n.RU, Addr: "127.0.0.1:0"})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Stop(5 * time.Second)
	profs, err := filepath.Glob(filepath.Join(dir, "*", "profiles", "*.yaml"))
	if err != nil || len(profs) == 0 {
		b.Fatal("no profiles", err)
	}
	prof := profs[len(profs)/2]
	src := read(b, prof)
	lsDir := filepath.Base(filepath.Dir(filepath.Dir(prof)))
	id := strings.TrimSuffix(filepath.Base(prof), ".yaml")
	// The card's folder is the life situation's id, which the corpus names like its folder.
	url := "/" + lsDir + "/" + id + ".html"
	if c, _ := get(b, s, url); c != 200 {
		b.Fatalf("%s: %d", url, c)
	}
	b.ResetTimer()
	for i := range b.N {
		title := fmt.Sprintf("Измененный профиль %d", i)
		saveByRename(b, prof, []byte(withTitle(src, title)))
		deadline := time.Now().Add(30 * time.Second)
		for {
			if _, body := get(b, s, url); strings.Contains(body, title) {
				break
			}
			if time.Now().After(deadline) {
				b.Fatal("the card never changed")
			}
			time.Sleep(2 * time.Millisecond)
		}
	}
}
