//go:build unix

package load

import (
	"syscall"
	"testing"
)

func makeFIFO(t *testing.T, dir string) string {
	p := dir + "/fifo.yaml"
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Logf("no FIFO: %v", err)
		return ""
	}
	return p
}
