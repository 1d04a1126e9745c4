// Package templates is the one way a set of built-in templates is overridden, for the
// scaffolds (init, new profile) and the rendered pages (render) alike: the built-in files
// are embedded in the binary, and a folder the user names with --templates replaces them
// file by file — a file the folder lacks comes from the built-in set. The folder is read
// with the loader's bounded reader: regular files only, links kept inside the folder (a
// template linked to /proc/self/environ would otherwise copy secrets into the output).
//
// A new template file goes into the embedded folder of its package (scaffold/templates/<lang>/
// or render/templates/) and is read through [Set.Read]; `profiler new templates` writes
// out the scaffold set with [Set.Files] for a team to adapt.
package templates

import (
	"errors"
	"io/fs"
	"path/filepath"
	"slices"

	"github.com/profiler-cx/profiler/internal/load"
)

// Set is a set of built-in templates and the folder that overrides it.
type Set struct {
	Embedded fs.FS  // the built-in files, named as [Set.Read] asks for them
	Override fs.FS  // the user's folder, nil for none; see [Dir]
	Dir      string // the override folder as the user named it, for messages ("" when unknown)
}

// Dir is a Set overriding embedded with the folder dir (none when dir is "").
func Dir(embedded fs.FS, dir string) Set {
	s := Set{Embedded: embedded, Dir: dir}
	if dir != "" {
		s.Override = load.DirFS(dir)
	}
	return s
}

// Read returns the template name: the override's file under name or, failing that, under
// one of alts (the scaffold looks in <lang>/ first, then beside it); else the embedded
// file name. origin says where it came from, for error messages: the file's path, or
// "embedded <name>".
func (s Set) Read(name string, alts ...string) (data []byte, origin string, err error) {
	if s.Override != nil {
		for _, n := range append([]string{name}, alts...) {
			origin := filepath.Join(s.Dir, filepath.FromSlash(n))
			b, err := fs.ReadFile(s.Override, n)
			if err == nil {
				return b, origin, nil
			}
			if !errors.Is(err, fs.ErrNotExist) {
				return nil, origin, err
			}
		}
	}
	b, err := fs.ReadFile(s.Embedded, name)
	return b, "embedded " + name, err
}

// Files lists the embedded files as slash-separated names, sorted: what an override may
// replace.
func (s Set) Files() []string {
	var out []string
	_ = fs.WalkDir(s.Embedded, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	slices.Sort(out)
	return out
}
