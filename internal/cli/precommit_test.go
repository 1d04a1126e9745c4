package cli

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestPreCommitHooks checks the repository's .pre-commit-hooks.yaml: its entries are real
// profiler commands and its `files` pattern passes profiler's files and nothing else
// (pre-commit uses Python's re.search; this pattern reads the same in Go).
func TestPreCommitHooks(t *testing.T) {
	data, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID, Entry, Language, Files string
		PassFilenames              *bool `yaml:"pass_filenames"`
	}
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	root := newRootCmd(IOStreams{}, "en")
	for _, h := range hooks {
		ids[h.ID] = true
		if h.Language != "golang" || !strings.HasPrefix(h.Entry, "profiler ") {
			t.Errorf("%s: language %q, entry %q", h.ID, h.Language, h.Entry)
		}
		name := strings.Fields(h.Entry)[1]
		if c, _, err := root.Find([]string{name}); err != nil || c == root {
			t.Errorf("%s: entry %q is not a profiler command", h.ID, h.Entry)
		}
		re, err := regexp.Compile(h.Files)
		if err != nil {
			t.Fatalf("%s: files: %v", h.ID, err)
		}
		for _, p := range []string{"life-situation.yaml", "ls/life-situation.yml", "a/b/profiles/x.yaml", "profiles/студент.yml"} {
			if !re.MatchString(p) {
				t.Errorf("%s: files does not match %s", h.ID, p)
			}
		}
		for _, p := range []string{".gitlab-ci.yml", ".github/workflows/ci.yaml", "a/profiles/sub/x.yaml", "a/profiles/x.yaml.bak", "my-life-situation.yaml"} {
			if re.MatchString(p) {
				t.Errorf("%s: files matches %s", h.ID, p)
			}
		}
	}
	if !ids["profiler-validate"] || !ids["profiler-render-check"] {
		t.Errorf("hook ids: %v", ids)
	}
}
