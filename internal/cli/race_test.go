//go:build race

package cli

// raceDetector is true under -race, which makes parsing megabytes 10-20 times slower: the
// size cases of the hostile corpus then run in `make hostile` (without -race) instead.
const raceDetector = true
