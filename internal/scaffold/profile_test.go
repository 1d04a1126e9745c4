package scaffold

import (
	"testing"

	"github.com/profiler-cx/profiler/internal/model"
)

func TestYAMLValue(t *testing.T) {
	for _, tc := range []struct {
		typ  string
		in   []string
		want string
	}{
		{"range", []string{"20"}, "20"},
		{"range", []string{"22-25"}, "22-25"},
		{"range", []string{"007"}, `"007"`},
		{"enum", []string{"20"}, `"20"`},
		{"enum", []string{"мужской"}, "мужской"},
		{"enum", []string{"Москва", "Тула, обл."}, `[Москва, "Тула, обл."]`},
		{"text", []string{"yes: no"}, `'yes: no'`},
	} {
		if got := yamlValue(model.AttrType(tc.typ), tc.in); got != tc.want {
			t.Errorf("yamlValue(%s, %q) = %s, want %s", tc.typ, tc.in, got, tc.want)
		}
	}
}
