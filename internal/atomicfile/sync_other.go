//go:build !linux

package atomicfile

import "os"

// syncPending fsyncs each pending temporary file.
func syncPending(ps []pending) error {
	for _, p := range ps {
		f, err := os.OpenFile(p.tmp, os.O_RDWR, 0)
		if err != nil {
			return naming(err, p.path)
		}
		err = f.Sync()
		f.Close()
		if err != nil {
			return naming(err, p.path)
		}
	}
	return nil
}
