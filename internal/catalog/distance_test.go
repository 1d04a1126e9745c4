package catalog

import "testing"

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"kitten", "sitting", 3},
		{"flaw", "lawn", 2},
		{"ООО", "ООО", 0},
		{"ООО", "ОАО", 1},
		{"ОАО", "ПАО", 1},
		{"регион", "регоин", 2},
		{"ёж", "еж", 1},         // runes, not bytes: one substitution
		{"Москва", "Масква", 1}, // 2-byte runes count once
		{"abc", "abcd", 1},
		{"стаж", "ставка", 3},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := Distance(tt.b, tt.a); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (symmetry)", tt.b, tt.a, got, tt.want)
		}
	}
}

func BenchmarkDistance(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Distance("московская область", "масковская облость")
	}
}
