package schemacheck

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/profiler-cx/profiler/internal/corpus"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/model"
)

// mutate returns a copy of v with one random change of the kinds users make: a key
// removed or added, a value of another type, a string changed, a list emptied or
// duplicated, a number out of range.
func mutate(r *rand.Rand, v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x)+1)
		keys := make([]string, 0, len(x))
		for k, e := range x {
			out[k] = e
			keys = append(keys, k)
		}
		if len(keys) == 0 || r.IntN(8) == 0 {
			out["unknownKey"] = "x"
			return out
		}
		k := keys[r.IntN(len(keys))]
		switch r.IntN(4) {
		case 0:
			delete(out, k)
		default:
			out[k] = mutate(r, x[k])
		}
		return out
	case []any:
		out := append([]any(nil), x...)
		switch {
		case len(x) == 0 || r.IntN(6) == 0:
			return []any{}
		case r.IntN(5) == 0:
			return append(out, x[0])
		}
		i := r.IntN(len(x))
		out[i] = mutate(r, x[i])
		return out
	case string:
		return []any{x, "2025-13-45", "", " ", "hypotesis", "ЗАО", "Bad-ID", "18-25", "citizen", "final", "confirmed"}[r.IntN(11)]
	case json.Number:
		return []any{json.Number("-1"), json.Number("0"), json.Number("2.5"), json.Number("1e3"), "12", true}[r.IntN(6)]
	case bool:
		return []any{"true", json.Number("1"), nil, !x}[r.IntN(4)]
	}
	return "x"
}

// TestQuickAgrees compares the fast path with the library on real and mutated
// documents: whenever quick is sure, the library must agree.
func TestQuickAgrees(t *testing.T) {
	st := compile()
	if st.err != nil {
		t.Fatal(st.err)
	}
	var files []string
	for _, g := range []string{"../../examples/*/life-situation.yaml", "../../examples/*/profiles/*.yaml"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	dir := t.TempDir()
	if err := corpus.Generate(dir, 6, 40, 3); err != nil {
		t.Fatal(err)
	}
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".yaml") {
			files = append(files, p)
		}
		return nil
	})
	r := rand.New(rand.NewPCG(1, 2))
	sure, checked := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, _ := load.Parse(f, data, load.Limits{})
		if !doc.Usable {
			continue
		}
		kind := model.KindProfile
		if strings.HasSuffix(f, "life-situation.yaml") {
			kind = model.KindLifeSituation
		}
		values := []any{doc.Value}
		for range 30 {
			values = append(values, mutate(r, doc.Value))
		}
		for i, v := range values {
			q := quick(st.byKind[kind], v, 0)
			checked++
			if q == unsure {
				continue
			}
			sure++
			libValid := st.byKind[kind].Validate(v) == nil
			if (q == valid) != libValid {
				b, _ := json.Marshal(v)
				t.Errorf("%s (variant %d): quick says valid=%v, the library %v\n%s", f, i, q == valid, libValid, b)
			}
		}
	}
	if sure < checked*9/10 {
		t.Errorf("quick was sure on %d of %d documents; the fast path is not doing its job", sure, checked)
	}
}
