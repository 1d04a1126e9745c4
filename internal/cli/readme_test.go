package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/profiler-cx/profiler/internal/testws"
)

// TestReadmeWalkthrough runs the console blocks of the README's walk-through in an empty
// folder with bash and compares the transcript with the README, so every command shown
// there works and prints what is shown. In the README a line "…" stands for any number
// of lines, a line "…/x" or "… x" for any line ending in what follows the ellipsis, and a
// date for any date. Commands that open a browser are shown but not run.
func TestReadmeWalkthrough(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("needs bash")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs git")
	}
	self, err := exec.LookPath("profiler") // testscript.Main put it on PATH
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(testws.Root(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "\n## Walk-through")
	if !ok {
		t.Fatal(`README.md has no "## Walk-through" section`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	blocks := regexp.MustCompile("(?s)```console\n(.*?)```").FindAllStringSubmatch(section, -1)
	if len(blocks) == 0 {
		t.Fatal("no console blocks in the README's walk-through")
	}
	var want []string
	var script strings.Builder
	for _, b := range blocks {
		lines := strings.Split(strings.TrimSuffix(b[1], "\n"), "\n")
		for i := 0; i < len(lines); i++ {
			want = append(want, lines[i])
			cmd, isCmd := strings.CutPrefix(lines[i], "$ ")
			if !isCmd {
				continue
			}
			shown := []string{lines[i]}
			// A command goes on after a trailing backslash, and a here-document to its end marker.
			for strings.HasSuffix(cmd, "\\") && i+1 < len(lines) {
				i++
				want, shown, cmd = append(want, lines[i]), append(shown, lines[i]), cmd+"\n"+lines[i]
			}
			if m := regexp.MustCompile(`<<'(\w+)'`).FindStringSubmatch(cmd); m != nil {
				for i+1 < len(lines) {
					i++
					want, shown, cmd = append(want, lines[i]), append(shown, lines[i]), cmd+"\n"+lines[i]
					if lines[i] == m[1] {
						break
					}
				}
			}
			script.WriteString("cat <<'SHOWN_COMMAND'\n" + strings.Join(shown, "\n") + "\nSHOWN_COMMAND\n")
			if !strings.HasPrefix(cmd, "xdg-open ") {
				script.WriteString("{\n" + cmd + "\n} 2>&1\n")
			}
		}
	}

	work := t.TempDir()
	c := exec.Command(bash, "--noprofile", "--norc", "-c", script.String())
	c.Dir = work
	c.Env = append(os.Environ(), "PATH="+filepath.Dir(self)+string(os.PathListSeparator)+os.Getenv("PATH"),
		"HOME="+work, "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+filepath.Join(work, "gitconfig"),
		"GIT_CEILING_DIRECTORIES="+work, "GIT_AUTHOR_NAME=Analyst", "GIT_AUTHOR_EMAIL=analyst@example.org",
		"GIT_COMMITTER_NAME=Analyst", "GIT_COMMITTER_EMAIL=analyst@example.org", "PROFILER_LANG=", "NO_COLOR=1")
	out, err := c.CombinedOutput()
	if err != nil {
		t.Fatalf("bash: %v\n%s", err, out)
	}
	got := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if !transcriptMatches(want, got) {
		t.Errorf("the README's walk-through does not match what the commands print.\nREADME:\n%s\n\nran:\n%s",
			strings.Join(want, "\n"), out)
	}
}

var anyDate = regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)

// transcriptMatches reports whether got matches want line by line, where a want line "…"
// matches any number of lines and a want line starting with "…" matches any line that
// ends with the rest.
func transcriptMatches(want, got []string) bool {
	if len(want) == 0 {
		return len(got) == 0
	}
	if want[0] == "…" {
		for skip := 0; skip <= len(got); skip++ {
			if transcriptMatches(want[1:], got[skip:]) {
				return true
			}
		}
		return false
	}
	if len(got) == 0 {
		return false
	}
	w, g := anyDate.ReplaceAllString(want[0], "DATE"), anyDate.ReplaceAllString(got[0], "DATE")
	if rest, ok := strings.CutPrefix(w, "…"); ok {
		if !strings.HasSuffix(g, rest) {
			return false
		}
	} else if w != g {
		return false
	}
	return transcriptMatches(want[1:], got[1:])
}
