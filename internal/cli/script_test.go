package cli

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	// validate --cache keeps its key in the user's cache folder: not the real one in tests.
	if os.Getenv("XDG_CACHE_HOME") == "" || os.Getenv("PROFILER_TEST_CACHE") == "" {
		if d, err := os.MkdirTemp("", "profiler-test-cache-"); err == nil {
			os.Setenv("XDG_CACHE_HOME", d)
			os.Setenv("PROFILER_TEST_CACHE", d)
		}
	}
	testscript.Main(m, map[string]func(){
		"profiler": func() { os.Exit(Main(os.Args[1:], System(true))) },
		// profiler-tty is profiler as on a terminal: prompts are asked and answered from
		// the script's stdin (interactive `new profile`).
		"profiler-tty": func() {
			ios := System(true)
			ios.InTTY, ios.OutTTY = true, true
			os.Exit(Main(os.Args[1:], ios))
		},
	})
}

// TestScripts runs the end-to-end scenarios in testdata/script. Besides the standard
// commands there are `copyexamples` (copy the repository's examples/ to $WORK/examples)
// and `exits CODE COMMAND [ARGS...]` (run COMMAND like exec and require that exact exit
// code). $BINDIR is the folder that holds the profiler command alone, for scripts that set
// their own PATH (render --format pdf without a browser on it).
func TestScripts(t *testing.T) {
	examples, err := filepath.Abs(filepath.Join("..", "..", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	self, err := exec.LookPath("profiler") // testscript.Main put it on PATH
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("BINDIR", filepath.Dir(self))
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"copyexamples": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 0 {
					ts.Fatalf("usage: copyexamples")
				}
				ts.Check(os.CopyFS(ts.MkAbs("examples"), os.DirFS(examples)))
			},
			"exits": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 2 {
					ts.Fatalf("usage: exits CODE COMMAND [ARGS...]")
				}
				want, err := strconv.Atoi(args[0])
				if err != nil {
					ts.Fatalf("exits: bad code %q", args[0])
				}
				got := 0
				if err := ts.Exec(args[1], args[2:]...); err != nil {
					var ee *exec.ExitError
					if !errors.As(err, &ee) {
						ts.Fatalf("exits: %v", err)
					}
					got = ee.ExitCode()
				}
				if got != want {
					ts.Fatalf("exit code %d, want %d", got, want)
				}
			},
		},
	})
}
