package serve_test

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/serve"
)

// BenchmarkRebuild: one rebuild after one profile changed, without the watcher and HTTP.
// cpu-ms is the processor time of the whole rebuild, card-cpu-ms of the part before the
// card is served (on a shared machine wall time mostly measures the others' load).
func BenchmarkRebuild(b *testing.B) {
	dir := benchCorpus(b)
	site := serve.NewSite([]string{dir}, i18n.RU)
	site.Watched() // as serve does: the watcher reports the change (Forget below)
	var firstCPU time.Duration
	site.OnChange = func() {
		if firstCPU == 0 {
			firstCPU = cpuTime()
		}
	}
	if bd := site.Rebuild(); !bd.OK {
		b.Fatal("first build failed")
	}
	profs, _ := filepath.Glob(filepath.Join(dir, "*", "profiles", "*.yaml"))
	prof := profs[len(profs)/2]
	src := read(b, prof)
	cpu := cpuTime()
	var card time.Duration
	b.ResetTimer()
	for i := range b.N {
		firstCPU = 0
		before := cpuTime()
		saveByRename(b, prof, []byte(withTitle(src, fmt.Sprintf("Измененный профиль %d", i))))
		site.Forget(filepath.ToSlash(prof))
		bd := site.Rebuild()
		card += firstCPU - before
		if !bd.OK || bd.Pages != 5 {
			b.Fatalf("rebuild: ok %v, %d pages", bd.OK, bd.Pages)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms")
	// Processor time from the save to the card being served (the first pass published).
	b.ReportMetric(float64(card.Microseconds())/1000/float64(b.N), "card-cpu-ms")
}
