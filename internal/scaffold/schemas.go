package scaffold

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/profiler-cx/profiler/internal/atomicfile"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/schemas"
)

// SchemaDir is where init exports the JSON Schemas, relative to the workspace root, so
// that the yaml-language-server modelines of scaffolded files resolve offline. It is a
// hidden folder: profiler's discovery skips it, and it is meant to be committed.
const SchemaDir = ".profiler/schemas"

// Root returns the workspace root for a life-situation folder: the nearest folder at or
// above lsDir that holds .git; otherwise the current folder when lsDir lies inside it
// (`profiler init .` in a plain folder keeps everything there); otherwise the folder above
// lsDir. lsDir need not exist yet.
func Root(lsDir string) (string, error) {
	abs, err := filepath.Abs(lsDir)
	if err != nil {
		return "", err
	}
	for d := abs; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d, nil
		}
		up := filepath.Dir(d)
		if up == d {
			break
		}
		d = up
	}
	if wd, err := os.Getwd(); err == nil {
		if r, err := filepath.Rel(wd, abs); err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return wd, nil
		}
	}
	return filepath.Dir(abs), nil
}

// Rel returns the path of target relative to the folder from, with / separators, as a
// modeline wants it.
func Rel(from, target string) (string, error) {
	af, err := filepath.Abs(from)
	if err != nil {
		return "", err
	}
	at, err := filepath.Abs(target)
	if err != nil {
		return "", err
	}
	r, err := filepath.Rel(af, at)
	if err != nil {
		return "", err
	}
	return filepath.ToSlash(r), nil
}

// SchemaFile is one schema file of an export and what happened to it.
type SchemaFile struct {
	Path  string
	State SchemaState
}

// SchemaState tells what [ExportSchemas] did with a file.
type SchemaState int

// Export outcomes.
const (
	SchemaCreated SchemaState = iota // written, it did not exist
	SchemaSame                       // already there with the same content
	SchemaDiffers                    // there with other content (another profiler version) and kept
	SchemaUpdated                    // there with other content and replaced (force)
	SchemaPlanned                    // would be written (dry run)
)

// ExportSchemas writes the embedded schemas into dir, leaving identical files alone. A file
// with other content is kept unless force. With dryRun nothing is written.
func ExportSchemas(dir string, force, dryRun bool) ([]SchemaFile, error) {
	var out []SchemaFile
	for _, name := range schemas.Names() {
		data, _ := schemas.Bytes(name)
		p := filepath.Join(dir, name)
		old, err := load.ReadFile(p, load.Limits{}) // bounded, regular files only (a link to /dev/zero)
		switch {
		case err == nil && bytes.Equal(old, data):
			out = append(out, SchemaFile{p, SchemaSame})
			continue
		case err == nil && !force:
			out = append(out, SchemaFile{p, SchemaDiffers})
			continue
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			return out, err
		}
		if dryRun {
			out = append(out, SchemaFile{p, SchemaPlanned})
			continue
		}
		if err := atomicfile.MkdirAll(dir, 0o755); err != nil {
			return out, err
		}
		if err := atomicfile.Write(p, data, 0o644, force); err != nil {
			return out, err
		}
		st := SchemaCreated
		if old != nil {
			st = SchemaUpdated
		}
		out = append(out, SchemaFile{p, st})
	}
	return out, nil
}

// Modeline returns the $schema of a file's yaml-language-server modeline, or "".
func Modeline(data []byte) string {
	for _, line := range strings.SplitN(string(data), "\n", 20) {
		line = strings.TrimSpace(strings.TrimPrefix(line, "\ufeff"))
		if !strings.HasPrefix(line, "#") {
			if line == "" {
				continue
			}
			break
		}
		rest := strings.TrimSpace(strings.TrimPrefix(line, "#"))
		if v, ok := strings.CutPrefix(rest, "yaml-language-server:"); ok {
			v = strings.TrimSpace(v)
			if s, ok := strings.CutPrefix(v, "$schema="); ok {
				return strings.TrimSpace(s)
			}
		}
	}
	return ""
}
