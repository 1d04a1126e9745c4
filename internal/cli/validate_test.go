package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestValidateTerminal: on a terminal each finding is followed by its source line and a
// caret, in colour unless NO_COLOR/TERM=dumb; in a pipe neither.
func TestValidateTerminal(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ws")
	writeFiles(t, dir, map[string]string{
		"p.yaml": "apiVersion: profiler/v1\nkind: Profile\nid: p\nlifeSituation: vuz\ntitle: Студент\nstatus: citizen\nstage: segment\nattributes: {пол: мужской, age: 20}\nprioriti: {}\n",
	})
	for _, tc := range []struct {
		name              string
		tty, noColor      bool
		excerpt, colorOut bool
	}{
		{"pipe", false, false, false, false},
		{"terminal", true, false, true, true},
		{"terminal NO_COLOR", true, true, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := Main([]string{"validate", dir}, IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, OutTTY: tc.tty, NoColor: tc.noColor})
			if code != ExitFindings {
				t.Errorf("exit %d", code)
			}
			s := out.String()
			if got := strings.Contains(s, "    9 | prioriti: {}\n      | ^"); got != tc.excerpt && !tc.colorOut {
				t.Errorf("excerpt shown = %v, want %v:\n%s", got, tc.excerpt, s)
			}
			if got := strings.Contains(s, "\x1b["); got != tc.colorOut {
				t.Errorf("colour = %v, want %v:\n%q", got, tc.colorOut, s)
			}
			if tc.colorOut && !strings.Contains(s, "prioriti: {}\n") {
				t.Errorf("no excerpt in colour output:\n%q", s)
			}
		})
	}
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := mkdirWrite(p, text); err != nil {
			t.Fatal(err)
		}
	}
}

func mkdirWrite(p, text string) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(text), 0o644)
}
