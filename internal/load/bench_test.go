package load

import (
	"os"
	"testing"

	"gopkg.in/yaml.v3"
)

func benchInput(b *testing.B) []byte {
	data, err := os.ReadFile("testdata/profile.yaml")
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkParse is the loader on a realistic profile (testdata/profile.yaml, ~1.4 KB).
func BenchmarkParse(b *testing.B) {
	data := benchInput(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		d, fs := Parse("profile.yaml", data, Limits{})
		if !d.Usable || len(fs) != 0 {
			b.Fatal(fs)
		}
	}
}

// BenchmarkYAMLNode is the floor: plain yaml.Unmarshal into a yaml.Node.
func BenchmarkYAMLNode(b *testing.B) {
	data := benchInput(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var n yaml.Node
		if err := yaml.Unmarshal(data, &n); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkYAMLAny is what the loader replaces: yaml.Unmarshal into `any` (which would
// give time.Time and map[any]any and lose positions).
func BenchmarkYAMLAny(b *testing.B) {
	data := benchInput(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var v any
		if err := yaml.Unmarshal(data, &v); err != nil {
			b.Fatal(err)
		}
	}
}
