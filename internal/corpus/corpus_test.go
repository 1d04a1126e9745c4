package corpus_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/profiler-cx/profiler/internal/corpus"
	"github.com/profiler-cx/profiler/internal/workspace"
)

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestGenerateDeterministic(t *testing.T) {
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	for _, d := range []string{a, b} {
		if err := corpus.Generate(d, 3, 10, 7); err != nil {
			t.Fatal(err)
		}
	}
	if err := corpus.Generate(c, 3, 10, 8); err != nil {
		t.Fatal(err)
	}
	ta, tb, tc := readTree(t, a), readTree(t, b), readTree(t, c)
	if len(ta) != 3+3*10 {
		t.Fatalf("got %d files, want 33", len(ta))
	}
	same := true
	for k, v := range ta {
		if tb[k] != v {
			t.Errorf("%s differs between two runs with the same seed", k)
		}
		if tc[k] != v {
			same = false
		}
	}
	if same && len(ta) == len(tc) {
		t.Error("a different seed gave the same corpus")
	}
}

func TestGenerateRefusesNonEmpty(t *testing.T) {
	d := t.TempDir()
	if err := os.WriteFile(filepath.Join(d, "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := corpus.Generate(d, 1, 1, 1); !errors.Is(err, corpus.ErrNotEmpty) {
		t.Fatalf("err = %v, want ErrNotEmpty", err)
	}
}

// TestGenerateMostlyValid checks the corpus is what benchmarks need: every file is a
// profiler document, most are clean, and a few percent carry findings.
func TestGenerateMostlyValid(t *testing.T) {
	d := t.TempDir()
	const lss, per = 6, 50
	if err := corpus.Generate(d, lss, per, 1); err != nil {
		t.Fatal(err)
	}
	res := workspace.Check([]string{d}, workspace.Options{})
	if res.Files != lss*(per+1) {
		t.Fatalf("checked %d files, want %d", res.Files, lss*(per+1))
	}
	bad := map[string]bool{}
	for _, f := range res.Findings {
		bad[f.File] = true
	}
	share := float64(len(bad)) / float64(res.Files)
	if share < 0.02 || share > 0.10 {
		t.Errorf("%d of %d files have findings (%.1f%%), want about 5%%", len(bad), res.Files, 100*share)
	}
	for f := range bad {
		if filepath.Base(f) == "life-situation.yaml" {
			t.Errorf("life situation %s has findings; only profiles carry mistakes", f)
		}
	}
}

// TestGenerateClean: with no mistakes the corpus is clean, as render needs.
func TestGenerateClean(t *testing.T) {
	d := t.TempDir()
	lss := 100 // 2,100 files
	if testing.Short() {
		lss = 10
	}
	if err := corpus.GenerateWith(d, lss, 20, 1, 0); err != nil {
		t.Fatal(err)
	}
	res := workspace.Check([]string{d}, workspace.Options{})
	for _, f := range res.Findings {
		t.Errorf("%s:%d: %s: %s", f.File, f.Line, f.Rule, f.Message.EN)
	}
}
