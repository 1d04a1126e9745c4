package model

import "testing"

var idCases = []string{"", "a", "a-b", "a--b", "-a", "a-", "-", "abc-123-x9", "A", "a_b", "a b", "é", "0", "0-0", "a-b-c", "ab\n", "студент"}

func TestIsID(t *testing.T) {
	for _, s := range idCases {
		if got, want := IsID(s), IDPattern.MatchString(s); got != want {
			t.Errorf("IsID(%q) = %v, IDPattern says %v", s, got, want)
		}
	}
}

func FuzzIsID(f *testing.F) {
	for _, s := range idCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := IsID(s), IDPattern.MatchString(s); got != want {
			t.Fatalf("IsID(%q) = %v, IDPattern says %v", s, got, want)
		}
	})
}
