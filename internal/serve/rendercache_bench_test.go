package serve_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/profiler-cx/profiler/internal/cache"
	"github.com/profiler-cx/profiler/internal/cli"
)

// BenchmarkRenderCache: `profiler render --cache` of the benchmark corpus after one
// profile changed (its title), into a site the previous run left: the check with the
// validate cache, the pages of that profile's life situation and the index.
// format=validate is `profiler validate --cache` after the same change, the part of the
// run render --cache shares (measured in the same run: on a busy machine compare ratios).
// Run once:
//
//	go test -run '^$' -bench RenderCache -benchtime=5x ./internal/serve
func BenchmarkRenderCache(b *testing.B) {
	for _, format := range []string{"validate", "md", "html"} {
		b.Run("format="+format, func(b *testing.B) {
			old := cache.SecretDir
			key := b.TempDir()
			cache.SecretDir = func() (string, error) { return key, nil }
			defer func() { cache.SecretDir = old }()
			dir := benchCorpus(b)
			tmp := b.TempDir()
			render := func() string {
				var stderr bytes.Buffer
				ios := cli.IOStreams{Out: &bytes.Buffer{}, ErrOut: &stderr, In: strings.NewReader("")}
				args := []string{"render", "--format", format, dir, "--out", filepath.Join(tmp, "out"), "--cache", "--cache-location", filepath.Join(tmp, "cache")}
				if format == "validate" {
					args = []string{"validate", dir, "--cache", "--cache-location", filepath.Join(tmp, "cache")}
				}
				if code := cli.Main(args, ios); code != 0 {
					b.Fatalf("render: exit %d\n%s", code, stderr.String())
				}
				return stderr.String()
			}
			render() // the full render that leaves the site and the manifest
			render() // trusts the files by their metadata from now on (see cache's racy margin)
			profs, err := filepath.Glob(filepath.Join(dir, "*", "profiles", "*.yaml"))
			if err != nil || len(profs) == 0 {
				b.Fatal("no profiles", err)
			}
			prof := profs[len(profs)/2]
			src := read(b, prof)
			defer reportCPU(b)()
			b.ResetTimer()
			for i := range b.N {
				saveByRename(b, prof, []byte(withTitle(src, fmt.Sprintf("Измененный профиль %d", i))))
				if msg := render(); format != "validate" && !regexp.MustCompile(`пересобрано: \d{3} из \d{5}`).MatchString(msg) {
					b.Fatalf("not a partial render: %s", msg)
				}
			}
		})
	}
}
