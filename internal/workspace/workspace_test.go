package workspace_test

import (
	"reflect"
	"testing"

	"github.com/profiler-cx/profiler/internal/corpus"
	"github.com/profiler-cx/profiler/internal/workspace"
)

// TestOrderStable: findings come out in the same order whatever the scheduling, and the
// KeepFacts and KeepModels report exactly what KeepAll does.
func TestOrderStable(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Generate(dir, 8, 40, 5); err != nil {
		t.Fatal(err)
	}
	base := workspace.Check([]string{dir}, workspace.Options{Workers: 1})
	if len(base.Findings) < 10 {
		t.Fatalf("only %d findings: the corpus should carry mistakes", len(base.Findings))
	}
	for _, o := range []workspace.Options{{Workers: 8}, {Workers: 3, Keep: workspace.KeepFacts}, {Workers: 8, Keep: workspace.KeepFacts}, {Workers: 2, Keep: workspace.KeepModels}} {
		for range 3 {
			got := workspace.Check([]string{dir}, o)
			if !reflect.DeepEqual(got.Findings, base.Findings) {
				t.Fatalf("Workers=%d Keep=%d: findings differ from Workers=1", o.Workers, o.Keep)
			}
			if got.Files != base.Files {
				t.Fatalf("Workers=%d: %d files, want %d", o.Workers, got.Files, base.Files)
			}
		}
	}
}

// TestSameFileOnce: a file named twice, or reached through different spellings of its
// folder, is checked once.
func TestSameFileOnce(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Generate(dir, 2, 3, 1); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	want := workspace.Check([]string{"."}, workspace.Options{}).Files
	if want != 8 {
		t.Fatalf("checked %d files, want 8", want)
	}
	for _, paths := range [][]string{
		{".", "."},
		{".", "./"},
		{".", dir},
		{dir + "/", "postuplenie-v-vuz-0001"},
		{"postuplenie-v-vuz-0001/profiles/../", "."},
		{"postuplenie-v-vuz-0001/life-situation.yaml", "."},
	} {
		if got := workspace.Check(paths, workspace.Options{}).Files; got != want {
			t.Errorf("%q: checked %d files, want %d", paths, got, want)
		}
	}
}

// TestKeepModels: with KeepModels (what render uses) the models are the same as
// in a full run and only the parsed YAML is dropped.
func TestKeepModels(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.GenerateWith(dir, 3, 20, 7, 0); err != nil {
		t.Fatal(err)
	}
	full := workspace.Check([]string{dir}, workspace.Options{})
	kept := workspace.Check([]string{dir}, workspace.Options{Keep: workspace.KeepModels})
	if !reflect.DeepEqual(kept.Findings, full.Findings) {
		t.Fatal("findings differ from the full run")
	}
	if len(full.Profiles()) != 60 || !reflect.DeepEqual(kept.Profiles(), full.Profiles()) {
		t.Fatalf("profiles differ: %d kept, %d full", len(kept.Profiles()), len(full.Profiles()))
	}
	if !reflect.DeepEqual(kept.LifeSituations(), full.LifeSituations()) {
		t.Fatal("life situations differ from the full run")
	}
	for _, d := range kept.Docs {
		if d.Load != nil {
			t.Fatalf("%s: parsed YAML kept", d.Path)
		}
	}
}
