package cli

import (
	"errors"
	"io/fs"
	"strings"
	"testing"

	"github.com/profiler-cx/profiler/internal/i18n"
)

func TestColourDecision(t *testing.T) {
	env := func(noColor, term string) func(string) string {
		return func(k string) string { return map[string]string{"NO_COLOR": noColor, "TERM": term}[k] }
	}
	tests := []struct {
		name         string
		getenv       func(string) string
		ansi, outTTY bool
		want         bool
	}{
		{"terminal", env("", "xterm"), true, true, true},
		{"pipe", env("", "xterm"), true, false, false},
		{"NO_COLOR", env("1", "xterm"), true, true, false},
		{"TERM=dumb", env("", "dumb"), true, true, false},
		{"console without ANSI", env("", "xterm"), false, true, false},
	}
	for _, tt := range tests {
		ios := IOStreams{OutTTY: tt.outTTY, ErrTTY: tt.outTTY, NoColor: noColor(tt.getenv, tt.ansi)}
		if ios.ColorOut() != tt.want || ios.ColorErr() != tt.want {
			t.Errorf("%s: ColorOut %v, ColorErr %v, want %v", tt.name, ios.ColorOut(), ios.ColorErr(), tt.want)
		}
	}
}

func TestTestIOStreams(t *testing.T) {
	ios, in, out, errOut := TestIOStreams()
	in.WriteString("yes\n")
	if ios.CanPrompt() {
		t.Error("test streams are no terminal")
	}
	code := Main([]string{"--lang", "en", "validate", "--format", "nope"}, ios)
	if code != ExitUsage || out.Len() != 0 {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	if got := errOut.String(); !strings.HasPrefix(got, "profiler: error: --format: unknown format") {
		t.Errorf("stderr %q", got)
	}
}

// TestErrorsKeepTheirCause: a message that quotes an error still answers errors.Is.
func TestErrorsKeepTheirCause(t *testing.T) {
	cause := &fs.PathError{Op: "open", Path: "x.yaml", Err: fs.ErrNotExist}
	for _, err := range []error{
		ioErr("не удалось прочитать: %v", "cannot read: %v", cause),
		usageErr("плохо: %v", "bad: %v", cause),
	} {
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%v: errors.Is(fs.ErrNotExist) = false", err)
		}
		var pe *fs.PathError
		if !errors.As(err, &pe) || pe.Path != "x.yaml" {
			t.Errorf("%v: errors.As(*fs.PathError) lost the path", err)
		}
	}
	if errors.Unwrap(ioErr("нет", "no")) != nil {
		t.Error("a message without an error argument has no cause")
	}
}

func TestSay(t *testing.T) {
	var b strings.Builder
	say(&b, i18n.RU, kindError, "файл не найден")
	say(&b, i18n.EN, kindHint, "run profiler init")
	say(&b, i18n.EN, kindWarning, "odd")
	want := "profiler: ошибка: файл не найден\nprofiler: hint: run profiler init\nprofiler: warning: odd\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

// TestRunWithTestStreams calls a run function as gh's tests do: options with the test
// streams, no Cobra, output read back from the buffers.
func TestRunWithTestStreams(t *testing.T) {
	ios, _, out, errOut := TestIOStreams()
	opts := &catalogOptions{env: env{ios: ios, lang: i18n.EN}, Format: "json"}
	if err := catalogRun(opts); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "[\n  {\n") || errOut.Len() != 0 {
		t.Errorf("stdout %.40q…, stderr %q", out, errOut)
	}
	out.Reset()
	opts.Name = "nope"
	var ue *usageError
	if err := catalogRun(opts); !errors.As(err, &ue) || out.Len() != 0 {
		t.Errorf("unknown catalogue: err %v, stdout %q", err, out)
	}
}
