package cli

import (
	"runtime/debug"
	"strings"
	"testing"

	"github.com/profiler-cx/profiler/internal/i18n"
)

func TestBuildOf(t *testing.T) {
	vcs := func(rev, tm, mod string) *debug.BuildInfo {
		bi := &debug.BuildInfo{Main: debug.Module{Path: "github.com/profiler-cx/profiler", Version: "(devel)"}}
		bi.Settings = []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.time", Value: tm}, {Key: "vcs.modified", Value: mod}}
		return bi
	}
	for _, tc := range []struct {
		name                  string
		version, commit, date string
		bi                    *debug.BuildInfo
		want                  build
	}{
		{"release stamps all three and wins over the build info", "2.0.0", "abc123", "2026-11-29T00:00:00Z",
			vcs("fff", "2026-01-01T00:00:00Z", "true"), build{"2.0.0", "abc123", "2026-11-29T00:00:00Z", false}},
		{"go install module@version: the module version", "", "", "",
			&debug.BuildInfo{Main: debug.Module{Version: "v2.1.0"}}, build{"v2.1.0", "", "", false}},
		{"a checkout build: revision, its time, dirty", "", "", "",
			vcs("0123456789abcdef", "2026-11-28T10:00:00Z", "true"), build{"dev", "0123456789abcdef", "2026-11-28T10:00:00Z", true}},
		{"a clean checkout with a pseudo-version", "", "", "",
			func() *debug.BuildInfo {
				bi := vcs("0123", "2026-11-28T10:00:00Z", "false")
				bi.Main.Version = "v0.0.0-20261128100000-0123456789ab"
				return bi
			}(), build{"v0.0.0-20261128100000-0123456789ab", "0123", "2026-11-28T10:00:00Z", false}},
		{"no build info at all", "", "", "", nil, build{"dev", "", "", false}},
		{"stamped version only: commit from the build info", "2.0.0", "", "",
			vcs("0123", "2026-11-28T10:00:00Z", "false"), build{"2.0.0", "0123", "2026-11-28T10:00:00Z", false}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := buildOf(tc.version, tc.commit, tc.date, tc.bi); got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestVersionText(t *testing.T) {
	defer func(v, c, d string) { Version, Commit, Date = v, c, d }(Version, Commit, Date)
	Version, Commit, Date = "2.0.0", "abc{{123", "2026-11-29T00:00:00Z"
	for lang, want := range map[i18n.Lang][]string{
		i18n.RU: {"profiler 2.0.0\nкоммит: abc{{123\nдата: 2026-11-29T00:00:00Z\nсборка: go"},
		i18n.EN: {"profiler 2.0.0\ncommit: abc{{123\ndate: 2026-11-29T00:00:00Z\nbuilt with: go"},
	} {
		var out strings.Builder
		root := newRootCmd(IOStreams{Out: &out, ErrOut: &out, Getenv: func(string) string { return "" }}, lang)
		root.SetArgs([]string{"--version"})
		if err := root.Execute(); err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.HasPrefix(out.String(), w) {
				t.Errorf("%s: --version printed\n%s\nwant it to start with\n%s", lang, out.String(), w)
			}
		}
	}
}
