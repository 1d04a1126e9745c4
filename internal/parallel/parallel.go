// Package parallel is profiler's one bounded worker pool: the loops that check, decode,
// render, rename and read thousands of files run their iterations on a few goroutines
// through [For], and keep their results in slices indexed like the input, so the output
// does not depend on scheduling.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Workers is how many goroutines suit n iterations when each goroutine should have at
// least per of them to pay for itself: between 1 and GOMAXPROCS.
func Workers(n, per int) int {
	return max(1, min(runtime.GOMAXPROCS(0), n/max(1, per)))
}

// For calls f(w, i) for every i in [0, n) on up to workers goroutines (one runs inline,
// without a goroutine), handing out chunk consecutive indexes at a time: a cheap f wants
// a larger chunk, so that taking an index costs less than the work. w in [0, workers)
// names the goroutine, for per-goroutine state.
//
// When f fails, no index above the failed one is started, while those below it still run:
// For returns the error of the lowest index that failed, which therefore does not depend
// on scheduling. Each f sees only its own i; f must be safe to call concurrently.
func For(n, workers, chunk int, f func(w, i int) error) error {
	workers = max(1, min(workers, n))
	chunk = max(1, chunk)
	if workers == 1 {
		for i := range n {
			if err := f(0, i); err != nil {
				return err
			}
		}
		return nil
	}
	var (
		next      atomic.Int64
		firstFail atomic.Int64 // the lowest index that failed, n when none has
		mu        sync.Mutex
		failed    error // the error at firstFail
		wg        sync.WaitGroup
	)
	firstFail.Store(int64(n))
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				start := int(next.Add(int64(chunk))) - chunk
				if start >= n {
					return
				}
				for i := start; i < min(start+chunk, n); i++ {
					if int64(i) > firstFail.Load() {
						return
					}
					if err := f(w, i); err != nil {
						mu.Lock()
						if int64(i) < firstFail.Load() {
							firstFail.Store(int64(i))
							failed = err
						}
						mu.Unlock()
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	return failed
}

// Stream is [For] for work whose items are not all known at the start (the files a walk
// is still finding): it starts workers goroutines that call f(w, x) for each x passed to
// send, in no set order, so f stores its result by the item's own index. wait, called once
// after the last send, returns when every call has returned.
func Stream[T any](workers int, f func(w int, x T)) (send func(T), wait func()) {
	items := make(chan T, 256) // lets the walk run ahead of a slow file
	var wg sync.WaitGroup
	for w := range max(1, workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for x := range items {
				f(w, x)
			}
		}()
	}
	return func(x T) { items <- x }, func() { close(items); wg.Wait() }
}
