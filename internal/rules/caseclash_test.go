package rules_test

import (
	"strings"
	"testing"

	"github.com/profiler-cx/profiler/internal/rules"
)

func TestCaseClashes(t *testing.T) {
	paths := []string{"vuz/profiles/Student.yaml", "vuz/life-situation.yaml", "vuz/profiles/student.yaml", "vuz/profiles/STUDENT.yaml", "vuz/profiles/other.yaml"}
	never := func(i, j int) bool { return false }
	got := rules.CaseClashes(paths, never)
	want := map[string]string{ // each file of the clash, with the others its message names
		"vuz/profiles/STUDENT.yaml": "vuz/profiles/Student.yaml, vuz/profiles/student.yaml",
		"vuz/profiles/Student.yaml": "vuz/profiles/STUDENT.yaml, vuz/profiles/student.yaml",
		"vuz/profiles/student.yaml": "vuz/profiles/STUDENT.yaml, vuz/profiles/Student.yaml",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d: %v", len(got), len(want), got)
	}
	for _, f := range got {
		others, ok := want[f.File]
		if !ok || f.Rule != rules.RuleFileNameCase || !strings.Contains(f.Message.RU, others) || !strings.Contains(f.Message.EN, others) {
			t.Errorf("unexpected finding %+v", f)
		}
	}
	// one file named twice in different case on a file system that ignores case
	if got := rules.CaseClashes([]string{"a/P.yaml", "a/p.yaml"}, func(i, j int) bool { return true }); len(got) != 0 {
		t.Errorf("one file named twice: %v", got)
	}
}
