package schemacheck

import (
	"encoding/json"
	"math/big"
	"regexp"
	"testing"
)

// The hand-written matchers and number comparisons of the fast path, held to the
// definitions they replace: the regexp package and math/big, as the library uses them.

var fastPatternCases = []string{
	"", " ", "\t\n\f\r ", "\v", "a", " a ", "\u00a0", "\u2003", "\xff", "абв",
	"a", "a-b", "a--b", "-a", "a-", "-", "abc-123-x9", "A", "a_b", "a b", "é", "0", "0-0",
}

var fastPatternExprs = []string{`\S`, `^[a-z0-9]+(-[a-z0-9]+)*$`}

func checkFastPatterns(t *testing.T, x string) {
	t.Helper()
	for _, expr := range fastPatternExprs {
		re := regexp.MustCompile(expr)
		if got, want := matchPattern(re, x), re.MatchString(x); got != want {
			t.Errorf("matchPattern(%s, %q) = %v, the regexp says %v", expr, x, got, want)
		}
	}
}

var numberCases = []string{
	"0", "-0", "1", "-1", "5", "007", "123456789012345678", "1234567890123456789",
	"-123456789012345678", "1.5", "-0.5", "1e3", "1E-3", "0.0", "", "-", "+5", "0x10", "1_000",
	"4.25", "-3.0", "-3.5", "-2.5", "5.", ".5", "-.5", "1.2.3", "00.10", "--5", "-0.0", "2.0000000000000000000001",
}

func checkNumber(t *testing.T, x string) {
	t.Helper()
	n := json.Number(x)
	r, ok := new(big.Rat).SetString(x)
	if got, want := isInt(n), ok && r.IsInt(); got != want {
		t.Errorf("isInt(%q) = %v, math/big says %v", x, got, want)
	}
	for _, m := range []string{"0", "-3", "-2", "4", "5", "1/2", "99999999999999999999"} {
		min, _ := new(big.Rat).SetString(m)
		for _, strict := range []bool{false, true} {
			want := unsure
			if ok {
				c := r.Cmp(min)
				want = invalid
				if c > 0 || (!strict && c == 0) {
					want = valid
				}
			}
			if got := atLeast(n, min, strict); got != want {
				t.Errorf("atLeast(%q, %s, strict=%v) = %v, math/big says %v", x, m, strict, got, want)
			}
		}
	}
}

func TestFastPatterns(t *testing.T) {
	for _, x := range fastPatternCases {
		checkFastPatterns(t, x)
	}
}

func TestFastNumbers(t *testing.T) {
	for _, x := range numberCases {
		checkNumber(t, x)
	}
}

func FuzzFastPaths(f *testing.F) {
	for _, x := range fastPatternCases {
		f.Add(x)
	}
	for _, x := range numberCases {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, x string) {
		checkFastPatterns(t, x)
		checkNumber(t, x)
	})
}
