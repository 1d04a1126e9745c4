package parallel

import (
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
)

func TestForVisitsEveryIndexOnce(t *testing.T) {
	for _, tc := range []struct{ n, workers, chunk int }{
		{0, 4, 1}, {1, 4, 1}, {10, 1, 3}, {1000, 4, 1}, {1000, 3, 64}, {999, 8, 256}, {5, 0, 0},
	} {
		seen := make([]atomic.Int32, tc.n)
		maxW := atomic.Int64{}
		err := For(tc.n, tc.workers, tc.chunk, func(w, i int) error {
			seen[i].Add(1)
			for {
				m := maxW.Load()
				if int64(w) <= m || maxW.CompareAndSwap(m, int64(w)) {
					break
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for i := range seen {
			if seen[i].Load() != 1 {
				t.Fatalf("%+v: index %d visited %d times", tc, i, seen[i].Load())
			}
		}
		if w := int(maxW.Load()); tc.n > 0 && w >= max(1, tc.workers) {
			t.Errorf("%+v: goroutine index %d out of range", tc, w)
		}
	}
}

// The error returned is the one at the lowest failing index, whatever the scheduling, and
// every index below it has run.
func TestForLowestErrorWins(t *testing.T) {
	for range 50 {
		var ran [2000]atomic.Bool
		err := For(len(ran), 4, 7, func(_, i int) error {
			ran[i].Store(true)
			if i == 1234 || i == 1500 || i == 1999 {
				return fmt.Errorf("fail %d", i)
			}
			return nil
		})
		if err == nil || err.Error() != "fail 1234" {
			t.Fatalf("got %v, want fail 1234", err)
		}
		for i := range 1234 {
			if !ran[i].Load() {
				t.Fatalf("index %d below the failure did not run", i)
			}
		}
	}
	sentinel := errors.New("x")
	if err := For(3, 1, 1, func(_, i int) error { return sentinel }); err != sentinel {
		t.Fatalf("inline: %v", err)
	}
}

func TestStream(t *testing.T) {
	const n = 5000
	var seen [n]atomic.Int32
	var badW atomic.Bool
	send, wait := Stream(3, func(w, i int) {
		if w < 0 || w >= 3 {
			badW.Store(true)
		}
		seen[i].Add(1)
	})
	for i := range n {
		send(i)
	}
	wait()
	for i := range seen {
		if seen[i].Load() != 1 {
			t.Fatalf("item %d handled %d times", i, seen[i].Load())
		}
	}
	if badW.Load() {
		t.Error("goroutine index out of range")
	}
}
