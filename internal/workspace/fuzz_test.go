package workspace

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/load"
)

// fuzzFile is one file of the fuzzed workspace: its path relative to the workspace root
// ('/' separators) and its bytes.
type fuzzFile struct {
	rel  string
	data []byte
}

// exampleFiles reads every YAML file under examples/ in a stable order. The fuzz target
// depends on them: without examples there is no workspace to mutate.
func exampleFiles(tb testing.TB) []fuzzFile {
	tb.Helper()
	root := filepath.Join("..", "..", "examples")
	var out []fuzzFile
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !isYAML(d.Name()) {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		out = append(out, fuzzFile{filepath.ToSlash(rel), data})
		return nil
	})
	if err != nil || len(out) == 0 {
		tb.Fatalf("reading examples: %v (%d files)", err, len(out))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].rel < out[j].rel })
	return out
}

// workspaceSeeds are hand-written replacements for one file that reach the cross-file rules
// and the loader's edges: a duplicate id, a dangling reference, merge keys, an alias cycle,
// a second document, non-string keys, a BOM with CRLF.
var workspaceSeeds = []string{
	"apiVersion: profiler/v1\nkind: Profile\nid: student-sosednij-region\nlifeSituation: postuplenie-v-vuz\ntitle: Дубль\nstatus: citizen\nstage: segment\nattributes: {age: 20}\n",
	"apiVersion: profiler/v1\nkind: Profile\nid: x\nlifeSituation: net-takoj\ntitle: X\nstatus: business\nstage: final\nattributes: {agee: 20, 1: 2}\n",
	"apiVersion: profiler/v1\nkind: LifeSituation\nid: postuplenie-v-vuz\ntitle: T\nstatuses: [citizen]\nd: &d {id: age, title: A, statuses: [citizen], type: range, values: [\"1-2\"]}\nattributes: [*d, {<<: *d, id: sex}]\n",
	"a: &a [x, *a]\n---\nb: 1\n",
	"\ufeffapiVersion: profiler/v1\r\nkind: Profile\r\nid: 007\r\npriority: {capacity: {value: .nan}, satisfaction: {value: 9, scale: 5}}\r\n",
	"apiVersion: profiler/v1\nkind: Profile\nid: p\nhistory: [{date: 2026-02-30, change: x}, {date: '2026-01-01', from: final, to: segment}]\nhypotheses: [{text: h, status: open}]\n",
}

// FuzzWorkspace replaces one file of an example life situation (its folder: the LS and its
// profiles) with fuzzed bytes and checks that workspace: no panic, findings sorted and deterministic, every finding names one of
// the files at a line inside it, with a message in both languages, and every file counted.
func FuzzWorkspace(f *testing.F) {
	files := exampleFiles(f)
	for i, ff := range files {
		f.Add(uint8(i), ff.data)
	}
	for i, s := range workspaceSeeds {
		f.Add(uint8(i*3), []byte(s))
	}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		dir := t.TempDir()
		k := int(which) % len(files)
		// Only the mutated file's life situation is written: cross-file rules stay within
		// one folder, and fewer files make more executions per second.
		folder := topFolder(files[k].rel)
		lines := map[string]int{}
		n := 0
		for i, ff := range files {
			if topFolder(ff.rel) != folder {
				continue
			}
			n++
			b := ff.data
			if i == k {
				b = data
			}
			p := filepath.Join(dir, filepath.FromSlash(ff.rel))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
			lines[displayPath(p)] = yamlLines(b)
		}
		res := Check([]string{dir}, Options{Workers: 2})
		if res.IOError {
			t.Fatalf("I/O error on plain files: %v", res.Findings)
		}
		if res.Files != n {
			t.Fatalf("Files = %d, want %d", res.Files, n)
		}
		sorted := slices.Clone(res.Findings)
		finding.Sort(sorted)
		if !slices.Equal(sorted, res.Findings) {
			t.Fatal("findings are not sorted")
		}
		for _, fd := range res.Findings {
			n, ok := lines[fd.File]
			if !ok {
				t.Fatalf("finding names a file outside the input: %+v", fd)
			}
			if fd.Line < 0 || fd.Column < 0 || fd.Line > n {
				t.Fatalf("finding at %d:%d outside the file (%d lines): %+v", fd.Line, fd.Column, n, fd)
			}
			if fd.Message.RU == "" || fd.Message.EN == "" {
				t.Fatalf("finding without a message in both languages: %+v", fd)
			}
			if fd.Rule == "" || fd.Rule == load.RuleInternal {
				t.Fatalf("bad rule: %+v", fd)
			}
		}
		// One worker or several, the report is the same.
		again := Check([]string{dir}, Options{Workers: 1})
		if !slices.Equal(again.Findings, res.Findings) {
			t.Fatalf("findings differ between runs:\n%v\n%v", res.Findings, again.Findings)
		}
	})
}

func topFolder(rel string) string {
	folder, _, _ := strings.Cut(rel, "/")
	return folder
}

// yamlLines counts lines the way YAML does: "\r\n", a lone "\r" and "\n" all break a line,
// and so do NEL, LS and PS (YAML 1.1, which yaml.v3 follows).
func yamlLines(b []byte) int {
	s := strings.ReplaceAll(string(b), "\r\n", "\n")
	return 1 + strings.Count(s, "\n") + strings.Count(s, "\r") +
		strings.Count(s, "\u0085") + strings.Count(s, "\u2028") + strings.Count(s, "\u2029")
}
