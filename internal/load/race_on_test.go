//go:build race

package load

// The race detector slows parsing ~10x: timing checks allow for it.
const slowdown = 10
