package cache

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

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
	if b, err := waitKey(p); !errors.Is(err, fs.ErrNotExist) {
		return b, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	key := make([]byte, 32)
	rand.Read(key)
	switch err := linkKey(dir, p, key); {
	case err == nil:
		return key, nil
	case errors.Is(err, fs.ErrExist):
		return readKey(p) // the other run's
	}
	return createKey(p, key)
}

// link is os.Link; tests take it away, as some file systems do.
var link = os.Link

// linkKey writes the key whole under a temporary name (mode 0600), then links it into
// place: the link fails if another run was first, and no run ever reads half a key. Not
// atomicfile: the key lives outside any workspace, where its link rules (and a ~/.cache
// that is itself a link) do not apply.
func linkKey(dir, p string, key []byte) error {
	tmp, err := os.CreateTemp(dir, ".cache-key-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(key)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return link(tmp.Name(), p)
}

// createKey is for file systems without hard links (some network and FUSE ones): the key
// is created in place and the first run wins; a run that finds it shorter than a key
// waits for the rest of it (waitKey).
func createKey(p string, key []byte) ([]byte, error) {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return waitKey(p)
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
	return key, nil
}

var errShortKey = errors.New("is shorter than 32 bytes: remove it")

func readKey(p string) ([]byte, error) {
	b, err := load.ReadFile(p, load.Limits{MaxBytes: 1024})
	if err == nil && len(b) < 32 {
		return nil, fmt.Errorf("%s %w", p, errShortKey)
	}
	return b, err
}

// waitKey reads the key, and waits up to half a second while it is shorter than a key:
// where there are no hard links, another run may be writing it (createKey).
func waitKey(p string) ([]byte, error) {
	for range 50 {
		if b, err := readKey(p); !errors.Is(err, errShortKey) {
			return b, err
		}
		time.Sleep(10 * time.Millisecond)
	}
	return readKey(p)
}
