package workspace

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/model"
)

// Bounds of the search for a profile's life situation outside its own folder: deep
// enough for <root>/<group>/<ls>/life-situation.yaml, small enough that a profile under
// / or a home folder answers at once instead of walking the whole disk.
const (
	lsSearchDepth = 4
	lsSearchDirs  = 5000
)

// FindLS returns the life-situation file with the given id for the profile at
// profilePath: the one beside its profiles/ folder, else one found in a bounded search of
// the workspace. The workspace is the folder with .git above the profile; without one
// it is the folder that holds the profile's life-situation folder (the parent of
// <ls>/profiles/), never the current folder: from / that would walk the whole disk and
// could pick an unrelated copy. "" when none is found.
func FindLS(profilePath, id string) string {
	if ls := LSBeside(profilePath); ls != "" && (id == "" || lsID(ls) == id) {
		return ls
	}
	if id == "" {
		return ""
	}
	abs, err := filepath.Abs(filepath.Dir(profilePath))
	if err != nil {
		return ""
	}
	root := gitRoot(abs)
	if root == "" {
		root = filepath.Dir(abs) // the life-situation folder…
		if filepath.Base(abs) == "profiles" {
			root = filepath.Dir(root) // …and the folder that holds it
		}
	}
	for _, ls := range lsFilesUnder(root) {
		if lsID(ls) == id {
			return ls
		}
	}
	return ""
}

// gitRoot is the nearest folder at or above dir (absolute) holding .git, or "".
func gitRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		up := filepath.Dir(d)
		if up == d {
			return ""
		}
		d = up
	}
}

// lsFilesUnder lists life-situation files under root within the search bounds.
func lsFilesUnder(root string) []string {
	var out []string
	dirs := 0
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			dirs++
			rel, _ := filepath.Rel(root, p)
			depth := 0
			if rel != "." {
				depth = strings.Count(rel, string(filepath.Separator)) + 1
			}
			name := d.Name()
			if dirs > lsSearchDirs {
				return fs.SkipAll
			}
			if p != root && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "profiles") || depth >= lsSearchDepth {
				return fs.SkipDir
			}
			return nil
		}
		if model.IsLSFileName(d.Name()) && d.Type().IsRegular() {
			out = append(out, p)
		}
		return nil
	})
	return out
}

// lsID reads the id of a life-situation file without checking it: the top-level `id:`
// line, which is all the search needs (the file is checked in full once chosen).
func lsID(path string) string {
	data, err := load.ReadFile(path, load.DefaultLimits)
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "id:"); ok {
			v = strings.TrimSpace(v)
			if i := strings.Index(v, " #"); i >= 0 {
				v = strings.TrimSpace(v[:i])
			}
			return strings.Trim(v, `"'`)
		}
	}
	return ""
}

// LSFile returns the life-situation file (a regular file) in dir, or "".
func LSFile(dir string) string {
	for _, n := range model.LSFileNames {
		p := filepath.Join(dir, n)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p
		}
	}
	return ""
}

// lsFinder returns the life-situation file of the folder above a profiles/ folder, or "".
// It remembers the answer per folder: a folder of 100 profiles costs one stat, not 100.
type lsFinder map[string]string

func (m lsFinder) beside(fsPath string) string {
	dir := filepath.Dir(fsPath)
	if p, ok := m[dir]; ok {
		return p
	}
	found := ""
	if InProfiles(dir) {
		// filepath.Join keeps a relative path relative: "." gives "..", so a profile
		// named alone inside profiles/ shows its life situation as ../life-situation.yaml.
		found = LSFile(filepath.Join(dir, ".."))
	}
	m[dir] = found
	return found
}

// InProfiles reports whether dir is a folder named profiles, however it is written: "."
// inside profiles/, "./", "../profiles" or an absolute path all count.
func InProfiles(dir string) bool {
	switch filepath.Base(dir) {
	case "profiles":
		return true
	case ".", "..": // only these name another folder than their last element
	default:
		return false
	}
	abs, err := filepath.Abs(dir)
	return err == nil && filepath.Base(abs) == "profiles"
}

// LSBeside returns the life-situation file of a profile at path (in a profiles/ folder
// whose parent holds life-situation.yaml or .yml), or "". The path may be relative to
// the current folder in any spelling.
func LSBeside(path string) string { return lsFinder{}.beside(path) }
