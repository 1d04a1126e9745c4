package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

// Version, Commit and Date are stamped at build time by the release (.goreleaser.yaml):
//
//	-X github.com/profiler-cx/profiler/internal/cli.Version=2.0.0
//	-X github.com/profiler-cx/profiler/internal/cli.Commit=<full hash>
//	-X github.com/profiler-cx/profiler/internal/cli.Date=<RFC 3339>
//
// A binary built otherwise (`go install …@v2.0.0`, `go build` in a checkout) takes what the
// Go toolchain recorded in its build info instead: the module version and the VCS revision.
var Version, Commit, Date = "", "", ""

// build is what `--version` reports.
type build struct {
	version  string // "2.0.0", "v2.0.0" (go install) or "dev"
	commit   string // full revision, "" when unknown
	date     string // commit or build time, RFC 3339, "" when unknown
	modified bool   // built from a checkout with uncommitted changes
}

// buildOf prefers the stamped values and fills the gaps from the build info: the release
// stamps all three, `go install module@version` records only the module version, and a
// build in a git checkout records the revision, its time and whether the tree was dirty
// (unless -buildvcs=false).
func buildOf(version, commit, date string, bi *debug.BuildInfo) build {
	b := build{version: version, commit: commit, date: date}
	if bi != nil {
		if b.version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			b.version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				if b.commit == "" {
					b.commit = s.Value
				}
			case "vcs.time":
				if b.date == "" {
					b.date = s.Value
				}
			case "vcs.modified":
				// Only meaningful for the revision the build info itself names.
				b.modified = s.Value == "true" && commit == ""
			}
		}
	}
	if b.version == "" {
		b.version = "dev"
	}
	return b
}

func currentBuild() build {
	bi, _ := debug.ReadBuildInfo()
	return buildOf(Version, Commit, Date, bi)
}

// version is the version alone: SARIF's tool version and the cache key use it.
func version() string { return currentBuild().version }

// versionText is what `profiler --version` prints: the version on the first line (scripts
// read that), then the commit and date when known, and the Go toolchain and platform, which
// a bug report needs.
func (e *env) versionText() string {
	b := currentBuild()
	var s strings.Builder
	fmt.Fprintf(&s, "profiler %s\n", b.version)
	if b.commit != "" {
		dirty := ""
		if b.modified {
			dirty = e.t(" (с незакоммиченными изменениями)", " (with uncommitted changes)")
		}
		fmt.Fprintf(&s, e.t("коммит: %s%s\n", "commit: %s%s\n"), b.commit, dirty)
	}
	if b.date != "" {
		fmt.Fprintf(&s, e.t("дата: %s\n", "date: %s\n"), b.date)
	}
	fmt.Fprintf(&s, e.t("сборка: %s, %s/%s\n", "built with: %s, %s/%s\n"), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	// Cobra reads the text as a template: keep any braces literal.
	return strings.NewReplacer("{{", `{{"{{"}}`).Replace(s.String())
}
