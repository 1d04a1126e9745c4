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

// Conflict is what an export does with a schema file that is already there with other
// content (another profiler version's schema, or one edited by hand).
type Conflict int

// Conflict policies.
const (
	KeepOther      Conflict = iota // keep the file and report it as SchemaDiffers (init, new profile)
	Overwrite                      // replace it: SchemaUpdated (--force)
	FailOnConflict                 // write nothing and return a *ConflictError (schema --out)
)

// ConflictError is returned under FailOnConflict: the files that differ, none written.
type ConflictError struct{ Paths []string }

func (e *ConflictError) Error() string {
	return "files exist and differ: " + strings.Join(e.Paths, ", ")
}

// ExportError names the schema file an export failed on, and whether reading it (to
// compare) or writing it failed; Err is the cause (an atomicfile.Create error when writing).
type ExportError struct {
	Path string
	Read bool
	Err  error
}

func (e *ExportError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *ExportError) Unwrap() error { return e.Err }

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

// ExportSchemas is the one way schemas are written out (init, new profile, schema --out):
// it writes the named embedded schemas (every one when names is nil) into dir, leaving
// identical files alone and treating a file with other content as policy says. Every file
// is compared before the first write, so FailOnConflict writes nothing at all. With dryRun
// nothing is written and the files to write are SchemaPlanned. Errors are *ExportError or
// *ConflictError.
func ExportSchemas(dir string, names []string, policy Conflict, dryRun bool) ([]SchemaFile, error) {
	if names == nil {
		names = schemas.Names()
	}
	out := make([]SchemaFile, 0, len(names))
	var conflicts []string
	for _, name := range names {
		data, _ := schemas.Bytes(name)
		p := filepath.Join(dir, name)
		old, err := load.ReadFile(p, load.Limits{}) // bounded, regular files only (a link to /dev/zero)
		st := SchemaCreated
		switch {
		case err == nil && bytes.Equal(old, data):
			st = SchemaSame
		case err == nil && policy == Overwrite:
			st = SchemaUpdated
		case err == nil:
			st = SchemaDiffers
			conflicts = append(conflicts, p)
		case !errors.Is(err, fs.ErrNotExist):
			return nil, &ExportError{Path: p, Read: true, Err: err}
		}
		out = append(out, SchemaFile{p, st})
	}
	if policy == FailOnConflict && len(conflicts) > 0 {
		return nil, &ConflictError{Paths: conflicts}
	}
	for i, f := range out {
		if f.State != SchemaCreated && f.State != SchemaUpdated {
			continue
		}
		if dryRun {
			out[i].State = SchemaPlanned
			continue
		}
		data, _ := schemas.Bytes(filepath.Base(f.Path))
		if err := atomicfile.Create(f.Path, data, 0o644, f.State == SchemaUpdated); err != nil {
			return out[:i], &ExportError{Path: f.Path, Err: err}
		}
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
