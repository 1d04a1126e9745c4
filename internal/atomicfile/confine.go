package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrOutside is returned for a write whose path passes through a folder that is a
// symbolic link leading outside the workspace: a repository may commit `docs -> /etc`
// or `profiles -> ~/.ssh`, and a write must not land there under an in-repo name.
var ErrOutside = errors.New("the folder is a symbolic link that leads outside the workspace; profiler does not write through it: replace the link with a real folder")

// ErrOutsideRU is ErrOutside in Russian, for messages.
const ErrOutsideRU = "папка — символическая ссылка за пределы рабочей папки; profiler не пишет через нее: замените ссылку обычной папкой"

// Confined checks that the folders on the way to path do not leave the workspace through
// a symbolic link. The workspace is the nearest folder at or above the current one that
// holds .git, else the current folder. Only the part of path inside the workspace is
// checked: a path named outside it (--out /tmp/site) is the user's own choice. Links that
// stay inside the workspace are fine. The error is a *fs.PathError naming the link, with
// ErrOutside.
func Confined(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil // the write itself will fail and say why
	}
	root := workspaceRoot()
	if root == "" || !within(root, abs) {
		return nil
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil
	}
	rel, _ := filepath.Rel(root, filepath.Dir(abs))
	if rel == "." {
		return nil
	}
	cur := root
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		cur = filepath.Join(cur, part)
		st, err := os.Lstat(cur)
		if err != nil {
			return nil // missing: the rest is created as real folders
		}
		if st.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		dest, err := filepath.EvalSymlinks(cur)
		if err != nil || !within(realRoot, dest) {
			shown := cur
			if !filepath.IsAbs(path) {
				if wd, err := os.Getwd(); err == nil {
					if r, err := filepath.Rel(wd, cur); err == nil {
						shown = r
					}
				}
			}
			return &fs.PathError{Op: "write", Path: shown, Err: ErrOutside}
		}
	}
	return nil
}

// MkdirAll is os.MkdirAll after [Confined]: creating the folders of a file to write must
// not create them through a link that leads outside the workspace either.
func MkdirAll(dir string, perm fs.FileMode) error {
	if err := Confined(filepath.Join(dir, "x")); err != nil {
		return err
	}
	return os.MkdirAll(dir, perm)
}

func workspaceRoot() string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for d := wd; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		up := filepath.Dir(d)
		if up == d {
			return wd
		}
		d = up
	}
}

// within reports whether path lies in dir (both absolute and clean).
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
