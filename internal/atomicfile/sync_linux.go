package atomicfile

import (
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// syncPending flushes the filesystems that hold the pending temporary files: syncfs once
// per distinct filesystem (since Linux 5.8 it also reports earlier writeback errors). A
// file is on its folder's filesystem, so one stat per folder finds them all.
func syncPending(ps []pending) error {
	seenDir := map[string]bool{}
	done := map[uint64]bool{}
	for _, p := range ps {
		dir := filepath.Dir(p.tmp)
		if seenDir[dir] {
			continue
		}
		seenDir[dir] = true
		var st unix.Stat_t
		if err := unix.Stat(dir, &st); err != nil {
			return naming(err, p.path)
		}
		if done[st.Dev] {
			continue
		}
		f, err := os.Open(p.tmp)
		if err != nil {
			return naming(err, p.path)
		}
		err = unix.Syncfs(int(f.Fd()))
		f.Close()
		if err != nil {
			return naming(&os.PathError{Op: "sync", Path: p.path, Err: err}, p.path)
		}
		done[st.Dev] = true
	}
	return nil
}
