package diff_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/profiler-cx/profiler/internal/corpus"
	"github.com/profiler-cx/profiler/internal/diff"
	"github.com/profiler-cx/profiler/internal/gitrev"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/load"
)

// The benchmark's repository: the generated corpus (PROFILER_DIFF_BENCH_SIZE, LSxPROFILES,
// default 100x100: 10,100 files) committed, then 100 profiles changed (title, capacity,
// stage) and committed again, objects packed as in a clone. SPEC's target: the diff of
// that range within 1.5 s; `git diff --stat` of the range is the sanity figure beside it.
var (
	benchOnce sync.Once
	benchDir  string
	benchErr  error
	tempBench string // removed after the run
)

func gitIn(dir string, args ...string) error {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=Bench", "GIT_AUTHOR_EMAIL=bench@example.org",
		"GIT_COMMITTER_NAME=Bench", "GIT_COMMITTER_EMAIL=bench@example.org", "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("git %v: %v: %s", args, err, out)
	}
	return nil
}

var (
	titleLine    = regexp.MustCompile(`(?m)^title: (.*)$`)
	capacityLine = regexp.MustCompile(`(?m)^(  capacity:\n    value: )(\d+)$`)
	segmentLine  = regexp.MustCompile(`(?m)^stage: segment$`)
)

func benchRepo(b *testing.B) string {
	benchOnce.Do(func() {
		if _, err := exec.LookPath("git"); err != nil {
			benchErr = err
			return
		}
		lss, per := 100, 100
		if s := os.Getenv("PROFILER_DIFF_BENCH_SIZE"); s != "" {
			if _, err := fmt.Sscanf(s, "%dx%d", &lss, &per); err != nil {
				benchErr = fmt.Errorf("PROFILER_DIFF_BENCH_SIZE=%q: want LSxPROFILES", s)
				return
			}
		}
		// PROFILER_DIFF_BENCH_DIR keeps the repository between runs (it is built once).
		dir := os.Getenv("PROFILER_DIFF_BENCH_DIR")
		if dir != "" {
			if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
				benchDir = dir
				return
			}
		} else {
			d, err := os.MkdirTemp("", "profiler-diff-bench-")
			if err != nil {
				benchErr = err
				return
			}
			dir, benchDir = d, d
			defer func() { tempBench = d }()
		}
		benchDir = dir
		if benchErr = corpus.Generate(dir, lss, per, 1); benchErr != nil {
			return
		}
		for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}, {"commit", "-q", "-m", "corpus"}} {
			if benchErr = gitIn(dir, args...); benchErr != nil {
				return
			}
		}
		files, _ := filepath.Glob(filepath.Join(dir, "*", "profiles", "*.yaml"))
		slices.Sort(files)
		step := max(len(files)/100, 1)
		changed := 0
		for i := 0; i < len(files) && changed < 100; i += step {
			data, err := os.ReadFile(files[i])
			if err != nil {
				benchErr = err
				return
			}
			data = titleLine.ReplaceAll(data, []byte("title: $1 (уточнено)"))
			data = capacityLine.ReplaceAllFunc(data, func(m []byte) []byte {
				sub := capacityLine.FindSubmatch(m)
				n, _ := strconv.Atoi(string(sub[2]))
				return append(append([]byte{}, sub[1]...), strconv.Itoa(n/2+1)...)
			})
			data = segmentLine.ReplaceAll(data, []byte("stage: hypothesis"))
			if benchErr = os.WriteFile(files[i], data, 0o644); benchErr != nil {
				return
			}
			changed++
		}
		// Packed, as a clone (CI's checkout) has it.
		for _, args := range [][]string{{"add", "-A"}, {"commit", "-q", "-m", "100 profiles"}, {"repack", "-adq"}} {
			if benchErr = gitIn(dir, args...); benchErr != nil {
				return
			}
		}
	})
	if benchErr != nil {
		b.Skip(benchErr)
	}
	return benchDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if tempBench != "" {
		os.RemoveAll(tempBench)
	}
	os.Exit(code)
}

// BenchmarkDiffCommits diffs HEAD~1..HEAD of the benchmark repository (read both trees,
// decode, compare, encode JSON) and reports the time of `git diff --stat` of the same
// range, measured in the same run, and the ratio.
func BenchmarkDiffCommits(b *testing.B) {
	dir := benchRepo(b)
	repo, err := gitrev.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	from, _ := repo.Resolve("HEAD~1")
	to, _ := repo.Resolve("HEAD")
	r := diff.Range{FromName: "HEAD~1", ToName: "HEAD", From: from, To: to}
	var res *diff.Result
	b.ResetTimer()
	for b.Loop() {
		f, t, err := diff.Load(repo, r, []string{"."}, load.Limits{})
		if err != nil {
			b.Fatal(err)
		}
		res = diff.Compare(f, t)
		if _, err := diff.JSON(res, i18n.RU); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if got := res.Summary.Profiles.Modified; got != 100 {
		b.Fatalf("modified profiles: %d, want 100", got)
	}
	perOp := b.Elapsed().Seconds() / float64(b.N)
	start := time.Now()
	cmd := exec.Command("git", "diff", "--stat", "HEAD~1..HEAD")
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		b.Fatal(err)
	}
	stat := time.Since(start).Seconds()
	b.ReportMetric(stat, "git-diff-stat-s")
	b.ReportMetric(perOp/stat, "ratio")
}
