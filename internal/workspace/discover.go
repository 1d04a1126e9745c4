package workspace

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/profiler-cx/profiler/internal/displaypath"
	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/model"
)

type target struct {
	display string // path shown to users
	fsPath  string // path to open; "" for stdin
	context bool
	named   bool // given on the command line as a file (or "-")
	// dependent: the display path of the life situation that made this profile checked
	// (Options.LSProfiles); "" otherwise
	dependent string
	listed    bool   // a folder listing reported a regular file (load.ReadListed)
	data      []byte // the content, when discovery already had to read it
}

var apiVersionLine = regexp.MustCompile(`(?m)^apiVersion:[ \t]*["']?profiler/`)

func isYAML(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

func displayPath(p string) string { return displaypath.FromOS(p) }

// discover expands paths into targets. Files named on the command line are always
// checked; inside folders only profiler documents are (see SPEC §1), which may require
// reading the file: those bytes are kept in the target so nothing is read twice. emit,
// when not nil, receives each target as soon as it is found, with its index in ts, so
// that checking starts while the folders are still being walked.
func discover(paths []string, opts Options, emit func(int, target)) (ts []target, out []finding.Finding, ioErr bool) {
	seen := map[string]bool{}
	lsBeside := lsFinder{}.beside
	cwd, cwdErr := os.Getwd() // once: filepath.Abs would ask (two stats) for every file
	// addKey adds a target under key, an absolute path that identifies the file.
	addKey := func(t target, key string) {
		if seen[key] {
			return
		}
		seen[key] = true
		if data, ok := opts.Overlay[key]; ok && t.fsPath != "" {
			t.data, t.listed = data, false
		}
		ts = append(ts, t)
		if emit != nil {
			emit(len(ts)-1, t)
		}
	}
	absKey := func(p string) string {
		switch {
		case filepath.IsAbs(p):
			return filepath.Clean(p)
		case cwdErr == nil:
			return filepath.Join(cwd, p)
		}
		return p
	}
	add := func(t target) {
		if t.fsPath == "" {
			addKey(t, "\x00stdin")
			return
		}
		addKey(t, absKey(t.fsPath))
	}
	// Inside a walk the root's key is known, and WalkDir's paths are clean: joining
	// strings is enough (cleaning 10,000 paths again showed in profiles).
	walkKey := func(root, rootKey, fp string) string {
		switch {
		case root == ".":
			return rootKey + string(filepath.Separator) + fp
		case strings.HasPrefix(fp, root):
			return rootKey + fp[len(root):]
		}
		return absKey(fp)
	}
	for _, p := range paths {
		if p == "-" {
			name := opts.StdinName
			if name == "" {
				name = "-"
			}
			add(target{display: displayPath(name), named: true})
			continue
		}
		if _, ok := opts.Overlay[absKey(p)]; ok {
			add(target{display: displayPath(p), fsPath: p, named: true})
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			ioErr = true
			out = append(out, finding.Finding{File: displayPath(p), Severity: finding.Error, Rule: load.RulePathNotFound,
				Message: pathMessage(err)})
			continue
		}
		if !st.IsDir() {
			add(target{display: displayPath(p), fsPath: p, named: true})
			continue
		}
		root := p
		if lst, err := os.Lstat(p); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
			// A folder named through a symbolic link: WalkDir would report the link itself
			// and check nothing (and CI would pass). A trailing separator makes it follow.
			root = p + string(filepath.Separator)
		}
		realRoot := realPath(root)
		cleanRoot := filepath.Clean(root)
		rootKey := absKey(cleanRoot)
		_ = filepath.WalkDir(root, func(fp string, d fs.DirEntry, err error) error {
			if err != nil {
				ioErr = true
				out = append(out, finding.Finding{File: displayPath(fp), Severity: finding.Error, Rule: load.RuleFileRead,
					Message: i18n.Join(": ", i18n.Msg("не удалось прочитать", "cannot read"), osReason(err))})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if fp != root && (strings.HasPrefix(name, ".") || name == "node_modules") {
					return fs.SkipDir
				}
				// A folder where a document belongs (life-situation.yaml, profiles/x.yaml) is
				// a mistake worth naming, not a folder to search.
				if fp != root && isYAML(name) && (model.IsLSFileName(name) || filepath.Base(filepath.Dir(fp)) == "profiles") {
					ioErr = true
					out = append(out, finding.Finding{File: displayPath(fp), Severity: finding.Error, Rule: load.RuleFileNotRegular,
						Message: i18n.Msg("это папка, а не файл", "this is a directory, not a file")})
					return fs.SkipDir
				}
				return nil
			}
			if !isYAML(name) {
				return nil
			}
			disp := filepath.ToSlash(fp) // WalkDir joins with filepath.Join: already clean
			ours := model.IsLSFileName(name) || lsBeside(fp) != ""
			// A link inside a folder that leads out of it is not followed: a pull request
			// must not make CI print /etc/passwd or a runner's key as "findings".
			if d.Type()&fs.ModeSymlink != 0 {
				if dest := realPath(fp); dest != "" && realRoot != "" && !within(realRoot, dest) {
					if ours {
						ioErr = true
						out = append(out, finding.Finding{File: disp, Severity: finding.Error, Rule: load.RuleLinkOutside,
							Message: i18n.Msg("символическая ссылка ведёт за пределы проверяемой папки (на %s); profiler по ней не читает — скопируйте файл в папку или укажите его в командной строке",
								"the symbolic link leads outside the checked folder (to %s); profiler does not follow it: copy the file in or name it on the command line", dest)})
					}
					return nil
				}
			}
			if ours {
				addKey(target{display: disp, fsPath: fp, listed: d.Type().IsRegular()}, walkKey(cleanRoot, rootKey, fp))
				return nil
			}
			// Other YAML (CI configs...) is a profiler document only if it says so.
			data, rerr := load.ReadFile(fp, opts.Limits)
			if rerr != nil {
				return nil // not ours to complain about unless it claims to be ours
			}
			if apiVersionLine.Match(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))) {
				add(target{display: disp, fsPath: fp, data: data})
			}
			return nil
		})
	}
	// Context: a profile checked without its life situation (pre-commit passes only the
	// changed files) still needs it to resolve references.
	for _, t := range slices.Clone(ts) {
		if t.fsPath == "" {
			continue
		}
		if ls := lsBeside(t.fsPath); ls != "" {
			add(target{display: displayPath(ls), fsPath: ls, context: true})
		}
	}
	if opts.StdinName != "" {
		if ls := lsBeside(opts.StdinName); ls != "" {
			add(target{display: displayPath(ls), fsPath: ls, context: true})
		}
	}
	if opts.LSProfiles {
		// Only life situations named as files: one found in a folder walk has its
		// profiles/ in the same walk.
		for _, t := range slices.Clone(ts) {
			name := t.fsPath
			if name == "" {
				name = opts.StdinName
			}
			if t.context || !t.named || !model.IsLSFileName(filepath.Base(name)) {
				continue
			}
			for _, p := range profilesOf(filepath.Dir(name)) {
				add(target{display: displayPath(p), fsPath: p, dependent: t.display})
			}
		}
	}
	return ts, out, ioErr
}

// profilesOf lists the YAML files of the profiles/ folder beside a life situation in dir
// (regular files only: a link or a FIFO there is reported when the folder is checked).
func profilesOf(dir string) []string {
	pdir := filepath.Join(dir, "profiles")
	entries, err := os.ReadDir(pdir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if e.Type().IsRegular() && isYAML(e.Name()) && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, filepath.Join(pdir, e.Name()))
		}
	}
	return out
}

// realPath is p absolute with every symbolic link resolved; "" when that fails (a loop, a
// dangling link: reading the file reports it then).
func realPath(p string) string {
	r, err := filepath.EvalSymlinks(p)
	if err != nil {
		return ""
	}
	if r, err = filepath.Abs(r); err != nil {
		return ""
	}
	return r
}

// within reports whether path lies in dir (both absolute and clean).
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// pathMessage explains a path given on the command line that cannot be used.
func pathMessage(err error) i18n.Text {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return i18n.Msg("путь не найден — проверьте имя файла или папки", "path not found — check the file or folder name")
	case errors.Is(err, fs.ErrPermission):
		return i18n.Msg("нет доступа к пути — проверьте права на чтение", "permission denied — check the read permissions")
	}
	return i18n.Join(": ", i18n.Msg("путь недоступен", "path not accessible"), osReason(err))
}

// osReason renders an OS error in the user's language where it is a common one; other
// errors keep the system's own text.
func osReason(err error) i18n.Text {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return i18n.Msg("файл не найден", "file not found")
	case errors.Is(err, fs.ErrPermission):
		return i18n.Msg("нет прав на чтение", "permission denied")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return i18n.Same(pe.Err.Error())
	}
	return i18n.Same(err.Error())
}
