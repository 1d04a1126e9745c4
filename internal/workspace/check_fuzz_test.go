package workspace

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/rules"
)

// FuzzCheck feeds arbitrary bytes through everything after the loader — schema check,
// decoding, single-file and cross-file rules — as a profile and as a life situation, next
// to a real life situation from examples/. Nothing may panic, and every finding must have
// a rule, a message in both languages and a position inside the file.
func FuzzCheck(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*", "*.yaml"))
	more, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*", "profiles", "*.yaml"))
	for _, p := range append(seeds, more...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	lsData, err := os.ReadFile(filepath.Join("..", "..", "examples", "postuplenie-v-vuz", "life-situation.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	ctx := checkOne(target{display: "postuplenie-v-vuz/life-situation.yaml"}, lsData, load.DefaultLimits)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"postuplenie-v-vuz/profiles/p.yaml", "other/life-situation.yaml"} {
			d := checkOne(target{display: name}, data, load.DefaultLimits)
			fs := d.fs
			lss := []rules.LSRef{{Path: ctx.Load.Path, At: rules.DocWhere(ctx.Load), LS: ctx.LS}}
			var ps []rules.ProfileRef
			if d.LS != nil {
				lss = append(lss, rules.LSRef{Path: d.Load.Path, At: rules.DocWhere(d.Load), LS: d.LS})
			}
			if d.Profile != nil {
				ps = append(ps, rules.ProfileRef{Path: d.Load.Path, At: rules.DocWhere(d.Load), P: rules.FactsOf(d.Profile)})
			}
			for _, x := range rules.CrossFile(lss, ps) {
				if x.File == name {
					fs = append(fs, x)
				}
			}
			lines := 1
			for _, c := range data {
				if c == '\n' || c == '\r' {
					lines++
				}
			}
			for _, x := range fs {
				if x.Rule == "" || x.Message.RU == "" || x.Message.EN == "" {
					t.Errorf("finding without rule or message: %+v", x)
				}
				if x.Rule == load.RuleCheckInternal {
					t.Errorf("internal error: %s", x.Message.EN)
				}
				if x.Line < 0 || x.Line > lines || x.Column < 0 {
					t.Errorf("position %d:%d outside a %d-line file: %+v", x.Line, x.Column, lines, x)
				}
			}
		}
	})
}
