package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/profiler-cx/profiler/internal/i18n"
)

func fakeIO(in string, tty bool) (IOStreams, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return IOStreams{In: strings.NewReader(in), Out: &out, ErrOut: &errOut, InTTY: tty, OutTTY: tty,
		Getenv: func(string) string { return "" }}, &out, &errOut
}

func TestInitAsksOnTerminal(t *testing.T) {
	t.Chdir(t.TempDir())
	ios, out, errOut := fakeIO("Поступление в вуз\n\ncitizen, business\n", true)
	if code := Main([]string{"init"}, ios); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	if !strings.Contains(out.String(), "Название ЖС: ") || !strings.Contains(out.String(), "Статусы клиентов") {
		t.Errorf("no prompts in output:\n%s", out)
	}
	data, err := os.ReadFile(filepath.Join("postuplenie-v-vuz", "life-situation.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("statuses: [citizen, business]\n")) {
		t.Errorf("answers not used:\n%s", data)
	}
}

func TestInitDoesNotAskInPipe(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, tty := range []struct{ in, out bool }{{false, false}, {true, false}, {false, true}} {
		ios, out, errOut := fakeIO("Поступление в вуз\ncitizen\n", false)
		ios.InTTY, ios.OutTTY = tty.in, tty.out
		if code := Main([]string{"init"}, ios); code != ExitUsage {
			t.Errorf("%+v: exit %d, want %d", tty, code, ExitUsage)
		}
		if out.Len() != 0 || !strings.Contains(errOut.String(), "--title") {
			t.Errorf("%+v: stdout %q stderr %q", tty, out, errOut)
		}
	}
	if _, err := os.Stat("postuplenie-v-vuz"); err == nil {
		t.Error("something was written")
	}
}

func TestInitEmptyAnswerIsUsageError(t *testing.T) {
	t.Chdir(t.TempDir())
	ios, _, errOut := fakeIO("", true)
	if code := Main([]string{"init", "--status", "citizen"}, ios); code != ExitUsage || !strings.Contains(errOut.String(), "--title") {
		t.Errorf("exit %d, stderr %s", code, errOut)
	}
}

func TestPromoteDateFromNow(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	ios, _, errOut := fakeIO("", false)
	if code := Main([]string{"init", "--title", "ЖС", "--id", "ls", "--status", "citizen"}, ios); code != 0 {
		t.Fatal(errOut)
	}
	if code := Main([]string{"new", "profile", "ls", "--title", "П", "--id", "p", "--set", "sex=женский", "--stage", "segment"}, ios); code != 0 {
		t.Fatal(errOut)
	}
	ios.Now = func() string { return "2031-02-03" }
	if code := Main([]string{"promote", "ls/profiles/p.yaml", "--to", "segment", "--basis", "x"}, ios); code != ExitUsage {
		t.Fatalf("same stage: exit %d", code)
	}
	// Fill in what hypothesis needs, then promote without --date.
	p := filepath.Join("ls", "profiles", "p.yaml")
	data, _ := os.ReadFile(p)
	data = append(data, []byte("journey: [Шаг]\nchannels: {service: [ЕПГУ]}\n")...)
	os.WriteFile(p, data, 0o644)
	if code := Main([]string{"promote", p, "--basis", "Сессия"}, ios); code != 0 {
		t.Fatalf("promote: %s", errOut)
	}
	got, _ := os.ReadFile(p)
	if !bytes.Contains(got, []byte(`date: "2031-02-03"`)) {
		t.Errorf("IOStreams.Now not used:\n%s", got)
	}
}

func TestScaffoldFlagParsing(t *testing.T) {
	e := &env{lang: i18n.RU}
	var gotInit *initOptions
	cmd := newInitCmd(e, func(o *initOptions) error { gotInit = o; return nil })
	cmd.SetArgs([]string{"dir", "--title", "T", "--status", "citizen", "--status", "business,internal", "--force", "--dry-run"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	want := &initOptions{env: *e, Dir: "dir", Title: "T", Statuses: []string{"citizen", "business", "internal"}, Force: true, DryRun: true}
	if !reflect.DeepEqual(gotInit, want) {
		t.Errorf("init options = %+v, want %+v", gotInit, want)
	}

	var gotNew *newProfileOptions
	cmd = newNewCmd(e, func(o *newProfileOptions) error { gotNew = o; return nil })
	cmd.SetArgs([]string{"profile", "--title", "T", "--set", "region=Москва, Тула", "--set", "sex=ж"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if gotNew.LSDir != "." || gotNew.Stage != "segment" || !reflect.DeepEqual(gotNew.Set, []string{"region=Москва, Тула", "sex=ж"}) {
		t.Errorf("new profile options = %+v", gotNew)
	}

	var gotPromote *promoteOptions
	cmd = newPromoteCmd(e, func(o *promoteOptions) error { gotPromote = o; return nil })
	cmd.SetArgs([]string{"p.yaml", "--to", "final", "--basis", "B", "--date", "2026-01-02", "-q"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	wantPromote := &promoteOptions{Path: "p.yaml", To: "final", Basis: "B", Date: "2026-01-02", env: env{lang: i18n.RU, quiet: true}}
	if !reflect.DeepEqual(gotPromote, wantPromote) {
		t.Errorf("promote options = %+v", gotPromote)
	}
	if e.quiet {
		t.Error("-q of one run reached the shared env")
	}
}

func TestNewProfileAsksOnTerminal(t *testing.T) {
	t.Chdir(t.TempDir())
	ios, _, errOut := fakeIO("", false)
	if code := Main([]string{"init", "--title", "ЖС", "--id", "ls", "--status", "citizen,business"}, ios); code != 0 {
		t.Fatal(errOut)
	}
	// title, status, then sex, age, region (skipped).
	ios, out, errOut := fakeIO("Студент\ncitizen\nженский\n20\n\n", true)
	if code := Main([]string{"new", "profile", "ls"}, ios); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, q := range []string{"Название профиля: ", "Статус клиента (citizen, business): ", "Пол (sex; мужской | женский): ",
		"Возраст (age; число или интервал: 18-25 | 26-35 | 36-50 | 51+): ", "Регион проживания (region; справочник ru-regions): "} {
		if !strings.Contains(out.String(), q) {
			t.Errorf("missing prompt %q in:\n%s", q, out)
		}
	}
	data, _ := os.ReadFile(filepath.Join("ls", "profiles", "student.yaml"))
	for _, want := range []string{"\n  sex: женский  #", "\n  age: 20  #", "\n  # region:  #"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("missing %q in:\n%s", want, data)
		}
	}
	// A wrong answer is explained with the validator's message and asked again (issue 12
	// item 11); an empty answer then skips the attribute, and the wrong value is not written.
	ios, _, errOut = fakeIO("Студентка\ncitizen\nсредний\n\n\n\n", true)
	if code := Main([]string{"new", "profile", "ls"}, ios); code != ExitOK || !strings.Contains(errOut.String(), "средний") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	if data, _ := os.ReadFile(filepath.Join("ls", "profiles", "studentka.yaml")); strings.Contains(string(data), "средний") {
		t.Errorf("a wrong answer was written:\n%s", data)
	}
}
