package cache

import (
	"crypto/rand"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/profiler-cx/profiler/internal/load"
)

// SecretDir is the folder that keeps the key caches are signed with: the user's cache
// folder (XDG_CACHE_HOME, ~/.cache, %LocalAppData%), never the workspace, so that a
// repository cannot bring a cache that profiler trusts. Tests point it elsewhere.
var SecretDir = func() (string, error) {
	d, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "profiler"), nil
}

// loadSecret returns this user's cache key, creating it (32 random bytes, mode 0600) the
// first time. Two runs creating it at once agree: the key is created with a hard link
// that fails if the other run was first, and then read.
func loadSecret() ([]byte, error) {
	dir, err := SecretDir()
	if err != nil {
		return nil, err
	}
	p := filepath.Join(dir, "cache-key")
	for range 2 {
		b, err := load.ReadFile(p, load.Limits{MaxBytes: 1024})
		if err == nil && len(b) >= 32 {
			return b, nil
		}
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		key := make([]byte, 32)
		rand.Read(key)
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, err
		}
		// Not atomicfile: the key lives outside any workspace, where its link rules
		// (and a ~/.cache that is itself a link) do not apply. O_EXCL: the first run wins.
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		_, err = f.Write(key)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(p)
			return nil, err
		}
	}
	return nil, errors.New(p + " is shorter than 32 bytes: remove it")
}
