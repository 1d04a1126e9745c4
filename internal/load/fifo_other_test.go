//go:build !unix

package load

import "testing"

func makeFIFO(t *testing.T, dir string) string { return "" }
