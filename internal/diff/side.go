package diff

import (
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/gitrev"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/parallel"
	"github.com/profiler-cx/profiler/internal/workspace"
)

// Doc is one profiler document at one side of the comparison.
type Doc struct {
	Path string // relative to the current folder, / separators
	OID  string // git's object id of the content (computed for working-tree files)
	workspace.Decoded
	light bool // only what quickProfile reads: the file is the same at both sides
}

// Side is the documents of one revision, or of the working tree.
type Side struct {
	Name string // what the user wrote ("HEAD", "main"), or the working tree's name
	Docs []*Doc
	// Partial: the side holds some files only (git's external diff hands one file), so
	// the quadrant chart and profile-suspect, which need the whole life situation, are
	// left out.
	Partial bool
}

// Range is what to compare: two commits, or a commit and the working tree (To == "").
type Range struct {
	FromName, ToName string // as the user wrote them (ToName "" for the working tree)
	From, To         string // commit ids
}

// WorkTree is the name the working tree goes by in reports and JSON.
const WorkTree = "worktree"

// file is a candidate file of one side before it is decoded.
type file struct {
	path string
	oid  string
	data []byte
	prob finding.Finding // why it could not be read
}

// Load reads both sides of r under the pathspecs: the commits' blobs through one
// `git cat-file --batch` process, the working tree from disk with the loader's bounded
// reader. Files that cannot be read or parsed become documents with a Problem.
func Load(repo *gitrev.Repo, r Range, paths []string, lim load.Limits) (from, to *Side, err error) {
	if lim == (load.Limits{}) {
		lim = load.DefaultLimits
	}
	fromEntries, err := repo.Tree(r.From, paths)
	if err != nil {
		return nil, nil, err
	}
	var toEntries []gitrev.Entry
	var work []file
	if r.To != "" {
		if toEntries, err = repo.Tree(r.To, paths); err != nil {
			return nil, nil, err
		}
	} else {
		names, err := repo.WorkFiles(paths)
		if err != nil {
			return nil, nil, err
		}
		work = readWork(repo.Dir(), candidates(names), lim, oidHasher(fromEntries))
	}
	blobs, err := repo.Blobs(lim.MaxBytes)
	if err != nil {
		return nil, nil, err
	}
	defer blobs.Close()
	fromFiles, toFiles := treeFiles(fromEntries), treeFiles(toEntries)
	all := append(fromFiles, toFiles...) // one round of reads for both sides
	if err := fill(blobs, all); err != nil {
		return nil, nil, err
	}
	fromFiles, toFiles = all[:len(fromFiles)], all[len(fromFiles):]
	if r.To == "" {
		toFiles = work
	}
	fromFiles, toFiles = toDocs(fromFiles), toDocs(toFiles)
	// A file at the same path with the same content at both sides is no change: of those
	// only the id, life situation, status and main parameters are read (quickProfile),
	// unless their life situation changed (then profile-suspect needs the whole profile).
	same := map[string]string{}
	for _, f := range fromFiles {
		same[f.path] = f.oid
	}
	unchanged := map[string]bool{}
	for _, f := range toFiles {
		if f.oid != "" && same[f.path] == f.oid {
			unchanged[f.path] = true
		}
	}
	cache := &decodeCache{m: map[string]*workspace.Decoded{}, lim: lim}
	light := func(f file) bool { return unchanged[f.path] && !model.IsLSFileName(path.Base(f.path)) }
	fromD, toD := cache.docs(fromFiles, light), cache.docs(toFiles, light)
	changedLS := map[string]bool{}
	for _, ds := range [][]*Doc{fromD, toD} {
		for _, d := range ds {
			if d.LS != nil && !unchanged[d.Path] {
				changedLS[d.LS.ID] = true
			}
		}
	}
	full := func(f file) bool { return false }
	for _, pair := range []struct {
		fs   []file
		docs []*Doc
	}{{fromFiles, fromD}, {toFiles, toD}} {
		var again []file
		var at []int
		for i, d := range pair.docs {
			if d.light && changedLS[d.Profile.LifeSituation] {
				again, at = append(again, pair.fs[i]), append(at, i)
			}
		}
		for j, d := range cache.docs(again, full) {
			pair.docs[at[j]] = d
		}
	}
	from = &Side{Name: r.FromName, Docs: fromD}
	toName := r.ToName
	if r.To == "" {
		toName = WorkTree
	}
	to = &Side{Name: toName, Docs: toD}
	return from, to, nil
}

// candidates keeps the YAML files that discovery would look at: not inside hidden
// folders (.git, .github...) or node_modules, as validate's folder walk skips them.
func candidates(paths []string) []string {
	var out []string
	for _, p := range paths {
		if isCandidate(p) {
			out = append(out, p)
		}
	}
	return out
}

func isCandidate(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	if ext != ".yaml" && ext != ".yml" {
		return false
	}
	segs := strings.Split(p, "/")
	for _, s := range segs[:len(segs)-1] {
		if s == "node_modules" || (strings.HasPrefix(s, ".") && s != "." && s != "..") {
			return false
		}
	}
	return true
}

func treeFiles(es []gitrev.Entry) []file {
	var out []file
	for _, e := range es {
		if e.Link || !isCandidate(e.Path) {
			continue // a link's blob is its target's name, not a document
		}
		out = append(out, file{path: e.Path, oid: e.OID})
	}
	return out
}

// fill reads the blobs of fs (each distinct object once) in one round.
func fill(b *gitrev.Blobs, fs []file) error {
	idx := map[string]int{}
	var oids []string
	for _, f := range fs {
		if _, ok := idx[f.oid]; !ok {
			idx[f.oid] = len(oids)
			oids = append(oids, f.oid)
		}
	}
	data, errs, err := b.Read(oids)
	if err != nil {
		return err
	}
	for i := range fs {
		j := idx[fs[i].oid]
		if errs[j] != nil {
			fs[i].prob = blobProblem(fs[i].path, errs[j], b)
			continue
		}
		fs[i].data = data[j]
	}
	return nil
}

func blobProblem(p string, err error, _ *gitrev.Blobs) finding.Finding {
	if errors.Is(err, gitrev.ErrTooLarge) {
		return finding.Finding{File: p, Severity: finding.Error, Rule: load.RuleFileTooLarge,
			Message: i18n.Msg("файл слишком большой (%v); разделите его на несколько файлов", "the file is too large (%v); split it into several files", err)}
	}
	return finding.Finding{File: p, Severity: finding.Error, Rule: load.RuleFileRead,
		Message: i18n.Msg("git не выдал содержимое файла: %v", "git did not give the file's content: %v", err)}
}

// oidHasher returns git's object id function for the repository's hash (SHA-1, or
// SHA-256 in repositories created with --object-format=sha256), told by the length of
// the ids git printed.
func oidHasher(es []gitrev.Entry) func([]byte) string {
	long := len(es) > 0 && len(es[0].OID) == 64
	return func(data []byte) string {
		head := "blob " + strconv.Itoa(len(data)) + "\x00"
		if long {
			h := sha256.New()
			h.Write([]byte(head))
			h.Write(data)
			return hex.EncodeToString(h.Sum(nil))
		}
		h := sha1.New()
		h.Write([]byte(head))
		h.Write(data)
		return hex.EncodeToString(h.Sum(nil))
	}
}

// readWork reads the working tree's files in parallel. A listed file that is gone was
// deleted (it is simply absent); a symbolic link is skipped as the git side skips links.
func readWork(dir string, paths []string, lim load.Limits, oid func([]byte) string) []file {
	out := make([]file, len(paths))
	keep := make([]bool, len(paths))
	_ = parallel.For(len(paths), runtime.GOMAXPROCS(0), 1, func(_, i int) error {
		p := paths[i]
		fp := filepath.Join(dir, filepath.FromSlash(p))
		st, err := os.Lstat(fp)
		if errors.Is(err, fs.ErrNotExist) || (err == nil && st.Mode()&fs.ModeSymlink != 0) {
			return nil
		}
		keep[i] = true
		data, err := load.ReadFile(fp, lim)
		if err != nil {
			out[i] = file{path: p, prob: readProblem(p, err)}
			return nil
		}
		out[i] = file{path: p, data: data, oid: oid(data)}
		return nil
	})
	var kept []file
	for i, f := range out {
		if keep[i] {
			kept = append(kept, f)
		}
	}
	return kept
}

func readProblem(p string, err error) finding.Finding {
	var re *load.ReadError
	if errors.As(err, &re) {
		return finding.Finding{File: p, Severity: finding.Error, Rule: re.Rule, Message: re.Message}
	}
	return finding.Finding{File: p, Severity: finding.Error, Rule: load.RuleFileRead, Message: i18n.Same(err.Error())}
}

// toDocs keeps the files that are profiler documents (SPEC §1, as validate decides).
func toDocs(fs []file) []file {
	lsDirs := map[string]bool{}
	for _, f := range fs {
		if model.IsLSFileName(path.Base(f.path)) && f.prob.Rule == "" {
			lsDirs[path.Dir(f.path)] = true
		}
	}
	beside := func(dir string) bool { return lsDirs[dir] }
	var out []file
	for _, f := range fs {
		ours, need := workspace.IsDocument(f.path, nil, beside)
		if need && f.data != nil {
			ours, _ = workspace.IsDocument(f.path, f.data, beside)
		}
		if ours {
			out = append(out, f)
		}
	}
	return out
}

// decodeCache decodes each distinct content once: most files are the same at both sides.
type decodeCache struct {
	mu  sync.Mutex
	m   map[string]*workspace.Decoded // by object id and path (the kind can depend on the name)
	lim load.Limits
}

func (c *decodeCache) docs(fs []file, light func(file) bool) []*Doc {
	docs := make([]*Doc, len(fs))
	_ = parallel.For(len(fs), runtime.GOMAXPROCS(0), 1, func(_, i int) error {
		f := fs[i]
		d := &Doc{Path: f.path, OID: f.oid}
		if f.prob.Rule != "" {
			d.Decoded = workspace.Decode(f.path, nil, c.lim)
			d.Problem = f.prob
			docs[i] = d
			return nil
		}
		if light(f) {
			lkey := "light\x00" + f.oid
			c.mu.Lock()
			dec, ok := c.m[lkey]
			c.mu.Unlock()
			if !ok {
				if p, quick := quickProfile(f.data); quick {
					dec = &workspace.Decoded{Kind: model.KindProfile, Profile: p}
				}
				c.mu.Lock()
				c.m[lkey] = dec // nil: the scanner declined, parse the file
				c.mu.Unlock()
			}
			if dec != nil {
				d.Decoded, d.light = *dec, true
				docs[i] = d
				return nil
			}
		}
		key := f.oid + "\x00" + path.Base(f.path)
		c.mu.Lock()
		dec, ok := c.m[key]
		c.mu.Unlock()
		if !ok {
			v := workspace.Decode(f.path, f.data, c.lim)
			dec = &v
			c.mu.Lock()
			c.m[key] = dec
			c.mu.Unlock()
		}
		d.Decoded = *dec
		if d.Problem.Rule != "" {
			d.Problem.File = f.path
		}
		docs[i] = d
		return nil
	})
	return docs
}

// Files reads the two versions of one file that `git diff` hands an external diff
// program (GIT_EXTERNAL_DIFF: a temporary file or /dev/null for each side) as two sides
// shown under the repository path p.
func Files(p, oldFile, newFile string, lim load.Limits) (from, to *Side) {
	cache := &decodeCache{m: map[string]*workspace.Decoded{}, lim: lim}
	side := func(name string) *Side {
		s := &Side{Partial: true}
		if name == "" || name == os.DevNull {
			return s
		}
		data, err := load.ReadFile(name, lim)
		f := file{path: p, data: data, oid: oidHasher(nil)(data)}
		if err != nil {
			f = file{path: p, prob: readProblem(p, err)}
		}
		s.Docs = cache.docs([]file{f}, func(file) bool { return false })
		return s
	}
	return side(oldFile), side(newFile)
}
