package bincodec

import (
	"slices"
	"testing"
)

// A record reads back as written; every shorter prefix of it reads as corrupt, without
// a panic or an allocation sized by a bad count.
func TestRoundTripAndTruncation(t *testing.T) {
	w := &Writer{}
	w.Str("профиль")
	w.Int(-1 << 40)
	w.Uint(7)
	w.Bool(true)
	w.Strs([]string{"a", "", "ё"})
	w.Str("")
	read := func(b []byte) (*Reader, []any) {
		r := &Reader{B: b}
		return r, []any{r.Str(), r.Int(), r.Uint(), r.Bool(), r.Strs(), r.Str()}
	}
	r, got := read(w.B)
	want := []any{"профиль", int64(-1 << 40), uint64(7), true, []string{"a", "", "ё"}, ""}
	if r.Err != nil || len(r.B) != 0 || !slices.EqualFunc(got, want, func(a, b any) bool {
		if as, ok := a.([]string); ok {
			return slices.Equal(as, b.([]string))
		}
		return a == b
	}) {
		t.Fatalf("read %v (err %v, %d left), want %v", got, r.Err, len(r.B), want)
	}
	for n := range len(w.B) - 1 { // the last Str("") is one byte: without it the rest is whole
		if r, _ := read(w.B[:n]); r.Err == nil {
			t.Errorf("a record cut to %d of %d bytes read without an error", n, len(w.B))
		}
	}
	if r := (&Reader{B: []byte{0xff, 0xff, 0xff, 0x7f}}); r.Count(1) != 0 || r.Err == nil {
		t.Error("a count larger than the bytes left was taken")
	}
}
