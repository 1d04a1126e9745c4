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
// profile changed, into a site the previous run left: the check with the validate cache,
// the pages of that profile's life situation, and the index when it shows the change.
// change=title is the worst case (the index and its filter's data are rewritten);
// change=content edits a number in the profile (its life situation's pages only).
// format=validate is `profiler validate --cache` after the same change, the part of the
// run render --cache shares (measured in the same run: on a busy machine compare ratios).
// Run once:
//
//	go test -run '^$' -bench RenderCache -benchtime=10x ./internal/serve
func BenchmarkRenderCache(b *testing.B) {
	for _, c := range []struct{ format, change string }{
		{"validate", "title"}, {"md", "title"}, {"html", "title"}, {"html", "content"},
	} {
		b.Run("format="+c.format+"/change="+c.change, func(b *testing.B) {
			old := cache.SecretDir
			key := b.TempDir()
			cache.SecretDir = func() (string, error) { return key, nil }
			defer func() { cache.SecretDir = old }()
			dir := benchCorpus(b)
			tmp := b.TempDir()
			render := func() string {
				var stderr bytes.Buffer
				ios := cli.IOStreams{Out: &bytes.Buffer{}, ErrOut: &stderr, In: strings.NewReader("")}
				args := []string{"render", "--format", c.format, dir, "--out", filepath.Join(tmp, "out"), "--cache", "--cache-location", filepath.Join(tmp, "cache")}
				if c.format == "validate" {
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
			edit := func(i int) string { return withTitle(src, fmt.Sprintf("Измененный профиль %d", i)) }
			pages := `пересобрано: 1\d\d из 1\d{4}` // the life situation's and the index's
			if c.change == "content" {
				edit = func(i int) string { return withLine(src, "    value: ", fmt.Sprint(1000+i)) }
				pages = `пересобрано: 10\d из 1\d{4}` // the life situation's only
			}
			partial := regexp.MustCompile(pages)
			defer reportCPU(b)()
			b.ResetTimer()
			for i := range b.N {
				saveByRename(b, prof, []byte(edit(i)))
				if msg := render(); c.format != "validate" && !partial.MatchString(msg) {
					b.Fatalf("not the partial render expected (%s): %s", pages, msg)
				}
			}
		})
	}
}
