package load

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/profiler-cx/profiler/internal/i18n"
)

// RuleLinkOutside: a file read from a folder (templates) is a link that leads out of it.
const RuleLinkOutside = "symlink-outside"

// ReadFileIn is [ReadFile] for the file name inside dir, refusing it when its links lead
// outside dir: a template folder in a pull request may hold `card.md.tmpl ->
// /proc/self/environ`, and the rendered pages would publish CI's secrets.
func ReadFileIn(dir, name string, lim Limits) ([]byte, error) {
	p := filepath.Join(dir, filepath.FromSlash(name))
	if !filepath.IsLocal(filepath.FromSlash(name)) {
		return nil, &ReadError{Path: p, Rule: RuleLinkOutside, Err: fs.ErrInvalid,
			Message: i18n.Msg("имя ведет за пределы папки %s", "the name leads outside the folder %s", dir)}
	}
	realDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, readErr(dir, err)
	}
	dest, err := filepath.EvalSymlinks(p)
	if err != nil {
		return nil, readErr(p, err)
	}
	if realDir, err = filepath.Abs(realDir); err == nil {
		dest, err = filepath.Abs(dest)
	}
	if err != nil {
		return nil, readErr(p, err)
	}
	if rel, err := filepath.Rel(realDir, dest); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil, &ReadError{Path: p, Rule: RuleLinkOutside, Err: fs.ErrPermission,
			Message: i18n.Msg("символическая ссылка ведет за пределы папки %s (на %s); profiler по ней не читает — скопируйте файл в папку",
				"the symbolic link leads outside the folder %s (to %s); profiler does not follow it: copy the file in", dir, dest)}
	}
	return ReadFile(p, lim)
}

// DirFS is a file system of the files in dir read with [ReadFileIn]: bounded, regular
// files only, links kept inside dir. Only ReadFile is supported (Open says so).
type DirFS string

// ReadFile implements fs.ReadFileFS.
func (d DirFS) ReadFile(name string) ([]byte, error) { return ReadFileIn(string(d), name, Limits{}) }

// Open implements fs.FS; use ReadFile.
func (d DirFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: errors.ErrUnsupported}
}

// Localize gives the error in both languages (see i18n.Msg).
func (e *ReadError) Localize() i18n.Text {
	return i18n.Text{RU: e.Path + ": " + e.Message.RU, EN: e.Error()}
}
