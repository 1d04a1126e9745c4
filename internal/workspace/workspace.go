// Package workspace finds profiler documents under the given paths, loads and checks them
// in parallel, then runs the cross-file rules, and returns every finding sorted.
package workspace

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/profiler-cx/profiler/internal/cache"
	"github.com/profiler-cx/profiler/internal/displaypath"
	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/rules"
	"github.com/profiler-cx/profiler/internal/schemacheck"
)

// Rule ids for problems with paths themselves.
const (
	RulePathNotFound   = "path-not-found"
	RuleFileRead       = "file-read"
	RuleSymlinkOutside = "symlink-outside"
)

// Options tune a run.
type Options struct {
	Limits    load.Limits
	Workers   int       // 0: GOMAXPROCS
	Stdin     io.Reader // read when a path is "-"
	StdinName string    // display name (and location for context lookup) of stdin; default "-"
	// Lean drops each file's parsed YAML once it is checked: Doc.Load and Doc.Profile
	// are then nil and Doc.LS holds only what the cross-file rules need (ids, statuses,
	// attributes). It keeps memory low on large workspaces; validate uses it.
	Lean bool
	// KeepModels, with Lean, keeps Doc.LS and Doc.Profile whole and drops only the parsed
	// YAML: render needs the models, not the syntax trees that make up most of the memory.
	KeepModels bool
	// Cache, when set, supplies results of unchanged files and receives new ones
	// (validate --cache). It implies Lean for the files it answers.
	Cache *cache.File
	// LSProfiles checks, with every life situation named, the profiles of its profiles/
	// folder too: a pre-commit hook passes only the changed life-situation.yaml, and a
	// removed attribute, value or status must not break those profiles silently.
	LSProfiles bool
	// Overlay holds contents to check instead of what is on disk, keyed by absolute clean
	// path: `import` checks its edits before writing any. A path named in paths that is
	// only in the overlay (a file about to be created) is checked as if it existed.
	Overlay map[string][]byte
	// Memo, when set, reuses the Docs of files unchanged since the last run that used it
	// (profiler serve); see [Memo].
	Memo *Memo
}

// Doc is one loaded profiler document.
type Doc struct {
	Path    string         // display path
	Load    *load.Document // nil in lean mode and for results taken from the cache
	Kind    schemacheck.Kind
	LS      *model.LifeSituation // set when Kind is LifeSituation and the value is a mapping
	Profile *model.Profile       // set when Kind is Profile and the value is a mapping
	Context bool                 // loaded only to resolve references; its findings are not reported
	fs      []finding.Finding
	at      rules.Where
	facts   *rules.ProfileFacts // what the cross-file rules read of Profile
	// Because names the life situation whose check brought this profile in (Options.LSProfiles).
	Because string
}

// Result is the outcome of a run.
type Result struct {
	Docs     []*Doc            // every document, in path order
	Findings []finding.Finding // sorted by file, line, column
	Files    int               // documents checked (context documents excluded)
	IOError  bool              // a path could not be found or read: exit code 2
}

// LifeSituations returns the life situations of the run (context ones included).
func (r *Result) LifeSituations() []*model.LifeSituation {
	var out []*model.LifeSituation
	for _, d := range r.Docs {
		if d.LS != nil {
			out = append(out, d.LS)
		}
	}
	return out
}

// Profiles returns the profiles of the run.
func (r *Result) Profiles() []*model.Profile {
	var out []*model.Profile
	for _, d := range r.Docs {
		if d.Profile != nil {
			out = append(out, d.Profile)
		}
	}
	return out
}

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

// LSNames are the file names a life situation may have, preferred first.
var LSNames = []string{"life-situation.yaml", "life-situation.yml"}

func isLSName(name string) bool { return name == LSNames[0] || name == LSNames[1] }

// LSFile returns the life-situation file (a regular file) in dir, or "".
func LSFile(dir string) string {
	for _, n := range LSNames {
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
			out = append(out, finding.Finding{File: displayPath(p), Severity: finding.Error, Rule: RulePathNotFound,
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
				out = append(out, finding.Finding{File: displayPath(fp), Severity: finding.Error, Rule: RuleFileRead,
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
				if fp != root && isYAML(name) && (isLSName(name) || filepath.Base(filepath.Dir(fp)) == "profiles") {
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
			ours := isLSName(name) || lsBeside(fp) != ""
			// A link inside a folder that leads out of it is not followed: a pull request
			// must not make CI print /etc/passwd or a runner's key as "findings".
			if d.Type()&fs.ModeSymlink != 0 {
				if dest := realPath(fp); dest != "" && realRoot != "" && !within(realRoot, dest) {
					if ours {
						ioErr = true
						out = append(out, finding.Finding{File: disp, Severity: finding.Error, Rule: RuleSymlinkOutside,
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
			if t.context || !t.named || !isLSName(filepath.Base(name)) {
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

// Check finds, loads and checks every document under paths.
func Check(paths []string, opts Options) *Result {
	if opts.Limits == (load.Limits{}) {
		opts.Limits = load.DefaultLimits
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// The files are checked while discovery is still walking the folders: each target
	// found goes to the workers at once. Each worker keeps its results with their target
	// index; they are put in discovery order afterwards, so the result does not depend on
	// scheduling.
	type job struct {
		i int
		t target
	}
	type done struct {
		i   int
		doc *Doc
		err error
	}
	jobs := make(chan job, 256)
	results := make([][]done, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				t := j.t
				var data []byte
				var err error
				var meta cache.Meta
				var memoMeta cache.Meta
				if opts.Memo != nil && t.fsPath != "" {
					var d *Doc
					if d, memoMeta = opts.Memo.lookup(t); d != nil {
						results[w] = append(results[w], done{i: j.i, doc: d})
						continue
					}
				}
				if opts.Cache != nil && t.fsPath != "" && t.data == nil {
					// A file whose metadata proves it unchanged is not even read.
					if st, serr := os.Stat(t.fsPath); serr == nil {
						if e := opts.Cache.Unchanged(t.display, st); e != nil {
							results[w] = append(results[w], done{i: j.i, doc: fromEntry(t, e)})
							continue
						}
						meta = cache.MetaOf(st)
					}
				}
				switch {
				case t.fsPath == "":
					if opts.Stdin != nil {
						data, err = readLimited(opts.Stdin, opts.Limits.MaxBytes)
					}
				case t.data != nil:
					data = t.data
				case t.listed:
					data, err = load.ReadListed(t.fsPath, opts.Limits)
				default:
					data, err = load.ReadFile(t.fsPath, opts.Limits)
				}
				if err != nil {
					results[w] = append(results[w], done{i: j.i, err: err})
					continue
				}
				d := checkCached(t, data, meta, opts)
				if opts.Memo != nil && t.fsPath != "" {
					opts.Memo.store(t, d, memoMeta)
				}
				results[w] = append(results[w], done{i: j.i, doc: d})
			}
		}()
	}
	ts, pathFindings, ioErr := discover(paths, opts, func(i int, t target) { jobs <- job{i, t} })
	close(jobs)
	wg.Wait()
	res := &Result{IOError: ioErr}
	docs := make([]*Doc, len(ts))
	readErrs := make([]error, len(ts))
	for _, rs := range results {
		for _, r := range rs {
			docs[r.i], readErrs[r.i] = r.doc, r.err
		}
	}
	if opts.Cache != nil {
		opts.Cache.StartSave() // while the cross-file rules run
	}
	if opts.Memo != nil {
		opts.Memo.turn()
	}

	out := pathFindings
	beside := map[string]string{} // profile path → the life situation beside it
	finder := lsFinder{}
	for i, t := range ts {
		name := t.fsPath
		if name == "" {
			name = opts.StdinName
		}
		if name != "" {
			if ls := finder.beside(name); ls != "" {
				beside[t.display] = displayPath(ls)
			}
		}
		if e := readErrs[i]; e != nil {
			if t.context {
				continue
			}
			res.IOError = true
			out = append(out, readFinding(t.display, e))
			continue
		}
		d := docs[i]
		if d == nil {
			continue
		}
		d.Because = t.dependent
		res.Docs = append(res.Docs, d)
		if !d.Context {
			res.Files++
			out = append(out, d.fs...)
		}
	}
	out = append(out, caseClashes(ts, func(i int) bool { return docs[i] != nil && !docs[i].Context })...)
	var lss []rules.LSRef
	var ps []rules.ProfileRef
	for _, d := range res.Docs {
		if d.LS != nil {
			lss = append(lss, rules.LSRef{Path: d.Path, At: d.at, LS: d.LS})
		}
		if d.facts != nil {
			ps = append(ps, rules.ProfileRef{Path: d.Path, At: d.at, P: d.facts, Beside: beside[d.Path]})
		}
	}
	context := map[string]bool{}
	because := map[string]string{}
	for _, d := range res.Docs {
		if d.Context {
			context[d.Path] = true
		}
		if d.Because != "" {
			because[d.Path] = d.Because
		}
	}
	for _, f := range rules.CrossFile(lss, ps) {
		if context[f.File] {
			continue
		}
		if ls := because[f.File]; ls != "" && brokenByLS[f.Rule] {
			// The user changed only the life situation: say that this is where it went.
			f.Message = i18n.Join("", i18n.Msg("после изменения %s: ", "after the change to %s: ", ls), f.Message,
				i18n.Msg(" (признак, значение или статус удалены из ЖС или переименованы — поправьте профиль или верните их)",
					" (the attribute, value or status was removed from the life situation or renamed — update the profile or restore it)"))
		}
		out = append(out, f)
	}
	clipFindings(out)
	finding.Sort(out)
	res.Findings = out
	return res
}

// brokenByLS are the cross-file rules a change to a life situation alone can break.
var brokenByLS = map[string]bool{rules.RuleAttrUndeclared: true, rules.RuleAttrValue: true, rules.RuleProfileStatus: true}

func readLimited(r io.Reader, maxBytes int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > maxBytes {
		return nil, &load.ReadError{Rule: "file-too-large", Message: i18n.Msg(
			"стандартный ввод больше %d байт — разделите документ", "standard input is larger than %d bytes — split the document", maxBytes)}
	}
	return data, nil
}

func readFinding(display string, err error) finding.Finding {
	if re, ok := err.(*load.ReadError); ok {
		return finding.Finding{File: display, Severity: finding.Error, Rule: re.Rule, Message: re.Message}
	}
	return finding.Finding{File: display, Severity: finding.Error, Rule: RuleFileRead,
		Message: i18n.Join(": ", i18n.Msg("не удалось прочитать файл", "cannot read the file"), osReason(err))}
}

// checkCached answers from the cache when it holds this file's content, and otherwise
// checks the file (and stores the result in the cache).
func checkCached(t target, data []byte, meta cache.Meta, opts Options) *Doc {
	if opts.Cache == nil || t.fsPath == "" {
		d := checkOne(t, data, opts.Limits)
		if opts.Lean {
			d.at = rules.Record(rules.DocWhere(d.Load), d.facts)
			if !opts.KeepModels {
				d.LS, d.Profile = leanLS(d.LS), nil
			}
			d.Load = nil
		}
		return d
	}
	sum := cache.Sum(data)
	if e := opts.Cache.Get(t.display, sum); e != nil {
		if e.Meta != meta { // same content, new metadata (touched, checked out again)
			e = e.Refreshed(meta, opts.Cache.Start())
			opts.Cache.Put(t.display, e)
		}
		return fromEntry(t, e)
	}
	d := checkOne(t, data, opts.Limits)
	pos := rules.Record(rules.DocWhere(d.Load), d.facts)
	e := &cache.Entry{Meta: meta, Checked: opts.Cache.Start(), Sum: sum, Kind: string(d.Kind), LS: leanLS(d.LS),
		Facts: d.facts, Findings: d.fs, Pos: pos}
	opts.Cache.Put(t.display, e)
	return &Doc{Path: t.display, Kind: d.Kind, LS: e.LS, Context: t.context, fs: d.fs, at: pos, facts: d.facts}
}

func fromEntry(t target, e *cache.Entry) *Doc {
	return &Doc{Path: t.display, Kind: schemacheck.Kind(e.Kind), LS: e.LS, facts: e.Facts,
		Context: t.context, fs: e.Findings, at: e.Where()}
}

// leanLS keeps what the cross-file rules read.
func leanLS(ls *model.LifeSituation) *model.LifeSituation {
	if ls == nil {
		return nil
	}
	out := &model.LifeSituation{Path: ls.Path, ID: ls.ID, Statuses: ls.Statuses, Attributes: make([]model.Attribute, len(ls.Attributes))}
	for i, a := range ls.Attributes {
		out.Attributes[i] = model.Attribute{ID: a.ID, Title: a.Title, Statuses: a.Statuses, Type: a.Type, Values: a.Values, Catalog: a.Catalog, Ptr: a.Ptr}
	}
	return out
}

// checkOne parses, schema-checks, decodes and runs the single-file rules on one document.
func checkOne(t target, data []byte, lim load.Limits) *Doc {
	doc, fs := load.Parse(t.display, data, lim)
	d := &Doc{Path: t.display, Load: doc, Context: t.context, at: rules.DocWhere(doc)}
	if doc.Usable {
		d.Kind = kindOf(doc.Value, t.display)
		fs = append(fs, schemacheck.Check(doc, d.Kind)...)
		if _, ok := doc.Value.(map[string]any); ok {
			switch d.Kind {
			case schemacheck.LifeSituation:
				d.LS = decodeLifeSituation(doc)
				fs = append(fs, rules.LifeSituation(rules.LSDoc{Doc: doc, LS: d.LS})...)
			case schemacheck.Profile:
				d.Profile = decodeProfile(doc)
				d.facts = rules.FactsOf(d.Profile)
				fs = append(fs, rules.Profile(rules.ProfileDoc{Doc: doc, P: d.Profile})...)
			}
		}
	}
	d.fs = fs
	return d
}

// kindOf picks the schema: the document's own kind when it names one we know, otherwise
// what its file name suggests (the schema then reports the wrong or missing kind).
func kindOf(v any, display string) schemacheck.Kind {
	if m, ok := v.(map[string]any); ok {
		switch m["kind"] {
		case "LifeSituation":
			return schemacheck.LifeSituation
		case "Profile":
			return schemacheck.Profile
		}
	}
	if isLSName(path.Base(display)) {
		return schemacheck.LifeSituation
	}
	return schemacheck.Profile
}
