package workspace_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"testing"

	"github.com/profiler-cx/profiler/internal/corpus"
	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/workspace"
)

// TestMemoCrossFileSameAsFull: after random edits (ids duplicated or renamed, profiles
// moved to another life situation, statuses and attributes copied so that segments
// repeat, files added, removed, life situations changed), a check with a memo, which runs
// the cross-file rules only on the profiles a change can affect, finds exactly what a
// check from scratch finds.
func TestMemoCrossFileSameAsFull(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ws")
	if err := corpus.Generate(dir, 4, 12, 7); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(16, 1))
	memo := workspace.NewMemo()
	memo.Trust = true // as serve does: every change is reported with Forget
	check := func(m *workspace.Memo) []finding.Finding {
		return workspace.Check([]string{dir}, workspace.Options{Keep: workspace.KeepModels, Memo: m}).Findings
	}
	check(memo)
	idLine := regexp.MustCompile(`(?m)^id: .*$`)
	lsLine := regexp.MustCompile(`(?m)^lifeSituation: .*$`)
	statusLine := regexp.MustCompile(`(?m)^status: .*$`)
	attrs := regexp.MustCompile(`(?ms)^attributes:\n(?:  .*\n)+`)
	crossRules := 0
	for step := range 100 {
		profs, _ := filepath.Glob(filepath.Join(dir, "*", "profiles", "*.yaml"))
		lsFiles, _ := filepath.Glob(filepath.Join(dir, "*", "life-situation.yaml"))
		slices.Sort(profs)
		p := profs[rng.IntN(len(profs))]
		other := profs[rng.IntN(len(profs))]
		src, oth := readStr(t, p), readStr(t, other)
		var what string
		write := p
		switch k := rng.IntN(9); k {
		case 0:
			what, src = "duplicate id", idLine.ReplaceAllString(src, idLine.FindString(oth))
		case 1:
			what, src = "renamed id", idLine.ReplaceAllString(src, fmt.Sprintf("id: renamed-%d", step))
		case 2:
			what, src = "other life situation", lsLine.ReplaceAllString(src, lsLine.FindString(oth))
		case 3:
			what, src = "unknown life situation", lsLine.ReplaceAllString(src, "lifeSituation: nowhere-"+fmt.Sprint(step%3))
		case 4:
			what, src = "same segment", statusLine.ReplaceAllString(attrs.ReplaceAllString(src, attrs.FindString(oth)), statusLine.FindString(oth))
		case 5:
			what = "removed"
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			src = ""
		case 6:
			what, write = "copied", filepath.Join(filepath.Dir(other), fmt.Sprintf("copy-%d.yaml", step))
		case 7:
			what = "life situation changed"
			write = lsFiles[rng.IntN(len(lsFiles))]
			src = readStr(t, write) + fmt.Sprintf("\n# edit %d\n", step)
		default:
			what, src = "restored", oth
		}
		if src != "" {
			if err := os.WriteFile(write, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		memo.Forget(filepath.ToSlash(write))
		got, want := check(memo), check(nil)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("step %d (%s, %s): the memo's findings differ from a full check:\nmemo: %v\nfull: %v", step, what, write, got, want)
		}
		for _, f := range want {
			if f.Rule == "duplicate-id" || f.Rule == "segment-duplicate" || f.Rule == "unresolved-reference" {
				crossRules++
			}
		}
	}
	if crossRules == 0 {
		t.Fatal("the edits never made a cross-file finding: the test compares nothing")
	}
}

func readStr(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
