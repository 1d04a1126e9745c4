package numhint

import "testing"

func TestClassify(t *testing.T) {
	for _, c := range []struct {
		in   string
		kind Kind
		num  string
	}{
		{"4,5", DecimalComma, "4.5"},
		{" -0,25 ", DecimalComma, "-0.25"},
		{"5 000", Thousands, "5000"},
		{"5\u00a0000", Thousands, "5000"},
		{"1 250 000,5", Thousands, "1250000.5"},
		{"около 5000", Words, "5000"},
		{"~5000", Words, "5000"},
		{"5000+", Words, "5000"},
		{"около 5 000", Words, "5000"},
		{"примерно 4,5", Words, "4.5"},
		{"5000", None, ""},
		{"4.5", None, ""},
		{"много", None, ""},
		{"50 00", Words, "50"},
	} {
		k, n := Classify(c.in)
		if k != c.kind || n != c.num {
			t.Errorf("Classify(%q) = %v %q, want %v %q", c.in, k, n, c.kind, c.num)
		}
	}
}

func FuzzClassify(f *testing.F) {
	for _, s := range []string{"4,5", "5 000", "около 5000", "5000+", "~1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k, n := Classify(s)
		if (k == None) != (n == "") {
			t.Fatalf("Classify(%q) = %v %q", s, k, n)
		}
	})
}
