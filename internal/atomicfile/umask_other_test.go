//go:build !unix

package atomicfile

import "io/fs"

// umask: no creation mask outside Unix.
func umask() fs.FileMode { return 0 }
