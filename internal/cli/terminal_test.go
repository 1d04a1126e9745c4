package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSystemNoColor(t *testing.T) {
	tests := []struct {
		noColor, term string
		want          bool
	}{
		{"", "xterm-256color", false},
		{"1", "xterm-256color", true},
		{"0", "xterm", true}, // any non-empty value counts (no-color.org)
		{"", "dumb", true},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Setenv("NO_COLOR", tt.noColor)
		t.Setenv("TERM", tt.term)
		if got := System(true).NoColor; got != tt.want {
			t.Errorf("NO_COLOR=%q TERM=%q: NoColor = %v, want %v", tt.noColor, tt.term, got, tt.want)
		}
	}
}

// brokenProfile writes a profile with an error and returns its folder.
func brokenProfile(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, "p.yaml")
	doc := "apiVersion: profiler/v1\nkind: Profile\nid: p\nlifeSituation: x\ntitle: П\nstatus: citizen\nstage: nope\n"
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestColourOnlyOnATerminal(t *testing.T) {
	p := brokenProfile(t)
	tests := []struct {
		name             string
		tty, noColor     bool
		args             []string
		wantANSI, wantEx bool
	}{
		{"terminal", true, false, nil, true, true},
		{"terminal NO_COLOR", true, true, nil, false, true},
		{"pipe", false, false, nil, false, false},
		{"terminal json", true, false, []string{"--format", "json"}, false, false},
		{"terminal github", true, false, []string{"--format", "github"}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			ios := IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, OutTTY: tt.tty, ErrTTY: tt.tty, NoColor: tt.noColor}
			code := Main(append(append([]string{"validate"}, tt.args...), p), ios)
			if code != ExitFindings {
				t.Fatalf("exit %d, stderr %s", code, errOut.String())
			}
			if got := strings.Contains(out.String(), "\x1b["); got != tt.wantANSI {
				t.Errorf("ANSI in stdout = %v, want %v:\n%q", got, tt.wantANSI, out.String())
			}
			if got := strings.Contains(out.String(), "^"); got != tt.wantEx {
				t.Errorf("excerpt in stdout = %v, want %v:\n%s", got, tt.wantEx, out.String())
			}
			if strings.Contains(errOut.String(), "\x1b[") {
				t.Errorf("ANSI in stderr: %q", errOut.String())
			}
			if !strings.Contains(errOut.String(), "Проверено файлов: 1;") {
				t.Errorf("summary missing from stderr: %q", errOut.String())
			}
		})
	}
}

// TestOutputFileIsPlain: a report written with --output never carries colour or
// excerpts, even when stdout is a terminal.
func TestOutputFileIsPlain(t *testing.T) {
	p := brokenProfile(t)
	report := filepath.Join(t.TempDir(), "r.txt")
	var out, errOut bytes.Buffer
	ios := IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, OutTTY: true}
	if code := Main([]string{"validate", "--output", report, p}, ios); code != ExitFindings {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	if out.Len() != 0 || bytes.Contains(data, []byte("\x1b[")) || bytes.Contains(data, []byte("^")) || !bytes.Contains(data, []byte("[schema-enum]")) {
		t.Errorf("stdout %q, report %q", out.String(), data)
	}
}
