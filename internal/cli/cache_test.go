package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/profiler-cx/profiler/internal/cache"
	"github.com/profiler-cx/profiler/internal/corpus"
	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
)

func runValidate(t *testing.T, args ...string) (string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Main(append([]string{"--lang", "en", "validate", "--format", "json"}, args...),
		IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut})
	return out.String(), code
}

// TestCacheSameFindings proves that --cache never changes what validate reports: after a
// cold run, a warm run, an edited file, a new tool version or schema, and a corrupt
// cache file, the report equals the report of a run without the cache.
func TestCacheSameFindings(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Generate(dir, 4, 30, 11); err != nil {
		t.Fatal(err)
	}
	cacheFile := filepath.Join(t.TempDir(), "c")
	check := func(step string) {
		t.Helper()
		want, wantCode := runValidate(t, dir)
		got, code := runValidate(t, "--cache", "--cache-location", cacheFile, dir)
		if got != want || code != wantCode {
			t.Fatalf("%s: --cache report differs from a cold run (exit %d vs %d)\n--- cold\n%.2000s\n--- cached\n%.2000s", step, code, wantCode, want, got)
		}
		if _, err := os.Stat(cacheFile); err != nil {
			t.Fatalf("%s: no cache file: %v", step, err)
		}
	}
	check("cold")
	check("warm")

	// Edit files: a profile gets a new mistake, a life situation loses a status (which
	// changes findings in profiles that did not change: the cross-file rules rerun).
	profiles, _ := filepath.Glob(filepath.Join(dir, "*", "profiles", "*.yaml"))
	p := profiles[3]
	b, _ := os.ReadFile(p)
	if err := os.WriteFile(p, bytes.Replace(b, []byte("stage: "), []byte("stage: x"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	lss, _ := filepath.Glob(filepath.Join(dir, "*", "life-situation.yaml"))
	b, _ = os.ReadFile(lss[1])
	if err := os.WriteFile(lss[1], bytes.Replace(b, []byte("statuses: [citizen"), []byte("statuses: [internal"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	check("edited")

	// Another version or schema: the key differs, every entry is stale.
	old := cacheKeyFunc
	t.Cleanup(func() { cacheKeyFunc = old })
	cacheKeyFunc = func() string { return "profiler 99.0.0 schemas=0000" }
	check("new version")
	cacheKeyFunc = func() string { return "profiler 99.0.0 schemas=1111" }
	check("new schema")

	// Entries hold findings: a poisoned entry under the current key must never be
	// trusted for a file whose content changed.
	b, _ = os.ReadFile(profiles[5])
	if err := os.WriteFile(profiles[5], append(b, []byte("unknownField: 1\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	check("changed again")

	for _, junk := range [][]byte{nil, []byte("garbage"), []byte("PROFILERCACHE\n\x00\x01\x02garbage")} {
		if err := os.WriteFile(cacheFile, junk, 0o644); err != nil {
			t.Fatal(err)
		}
		check("corrupt cache " + string(junk))
	}
	// Truncated: half of a real cache file.
	b, _ = os.ReadFile(cacheFile)
	if err := os.WriteFile(cacheFile, b[:len(b)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	check("truncated cache")
}

// TestCacheKey plants a cache entry with a made-up finding for an unchanged file: under
// the key it was written with, the entry is used (the finding shows: the cache is really
// consulted); under another tool version or schema hash it is ignored.
func TestCacheKey(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Generate(dir, 1, 3, 2); err != nil {
		t.Fatal(err)
	}
	lsFile := filepath.ToSlash(filepath.Join(dir, "postuplenie-v-vuz-0001", "life-situation.yaml"))
	data, err := os.ReadFile(lsFile)
	if err != nil {
		t.Fatal(err)
	}
	cacheFile := filepath.Join(t.TempDir(), "c")
	c := cache.Open(cacheFile, "k1")
	c.Put(lsFile, &cache.Entry{Sum: cache.Sum(data), Kind: "LifeSituation", Findings: []finding.Finding{{
		File: lsFile, Line: 1, Column: 1, Severity: finding.Error, Rule: "planted", Message: i18n.Same("planted")}}})
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	old := cacheKeyFunc
	t.Cleanup(func() { cacheKeyFunc = old })

	cacheKeyFunc = func() string { return "k1" }
	got, _ := runValidate(t, "--cache", "--cache-location", cacheFile, dir)
	if !strings.Contains(got, "planted") {
		t.Fatalf("the planted entry was not used:\n%s", got)
	}
	c = cache.Open(cacheFile, "k1") // plant it again: the run above replaced nothing, but be explicit
	c.Put(lsFile, &cache.Entry{Sum: cache.Sum(data), Kind: "LifeSituation", Findings: []finding.Finding{{
		File: lsFile, Line: 1, Column: 1, Severity: finding.Error, Rule: "planted", Message: i18n.Same("planted")}}})
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	cacheKeyFunc = func() string { return "k2" }
	want, _ := runValidate(t, dir)
	got, _ = runValidate(t, "--cache", "--cache-location", cacheFile, dir)
	if strings.Contains(got, "planted") || got != want {
		t.Fatalf("a cache written under another key was trusted:\n%s", got)
	}
}
