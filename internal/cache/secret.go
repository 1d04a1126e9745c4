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
// first time. Two runs creating it at once (render --cache reads its manifest while the
// input is checked; two runs of a pre-commit hook) agree on one key.
func loadSecret() ([]byte, error) {
	dir, err := SecretDir()
	if err != nil {
		return nil, err
	}
	p := filepath.Join(dir, "cache-key")
	if b, err := readKey(p); !errors.Is(err, fs.ErrNotExist) {
		return b, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	// Not atomicfile: the key lives outside any workspace, where its link rules (and a
	// ~/.cache that is itself a link) do not apply. The key is written whole under a
	// temporary name (mode 0600), then linked: the link fails if another run was first,
	// and no run ever reads a half-written key.
	tmp, err := os.CreateTemp(dir, ".cache-key-*")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name())
	key := make([]byte, 32)
	rand.Read(key)
	_, err = tmp.Write(key)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	switch err := os.Link(tmp.Name(), p); {
	case errors.Is(err, fs.ErrExist):
		return readKey(p) // the other run's
	case err != nil:
		return nil, err
	}
	return key, nil
}

func readKey(p string) ([]byte, error) {
	b, err := load.ReadFile(p, load.Limits{MaxBytes: 1024})
	if err == nil && len(b) < 32 {
		return nil, errors.New(p + " is shorter than 32 bytes: remove it")
	}
	return b, err
}
