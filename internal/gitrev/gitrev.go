// Package gitrev reads revisions of a git repository through the git executable, as
// revgrep, reviewdog and StrictDoc do: the tree of a commit with `git ls-tree`, the blobs
// of many files through one `git cat-file --batch` process (a process per file would cost
// milliseconds each), the working tree's file list with `git ls-files`.
//
// Every error a user can cause is an [*Error] carrying a bilingual message with the fix.
package gitrev

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"

	"github.com/profiler-cx/profiler/internal/i18n"
)

// Error is a problem with git or the repository that the user must fix.
type Error struct {
	Message i18n.Text
	Hint    i18n.Text // what to do; may be zero
}

func (e *Error) Error() string { return e.Message.EN }

// Repo is a git repository seen from a folder inside its working tree. Paths given to
// and returned by its methods are relative to that folder, with / separators, as git
// prints them.
type Repo struct {
	git string // the executable
	dir string // the folder git runs in
	env []string
}

// Open finds git and checks that dir lies in a repository's working tree.
func Open(dir string) (*Repo, error) {
	exe, err := exec.LookPath("git")
	if err != nil {
		return nil, &Error{
			Message: i18n.Msg("не найдена программа git: profiler diff читает ревизии через неё",
				"the git program was not found: profiler diff reads revisions through it"),
			Hint: i18n.Msg("установите git (Debian/Ubuntu: apt-get install git; Windows: Git for Windows) и проверьте, что он есть в PATH",
				"install git (Debian/Ubuntu: apt-get install git; Windows: Git for Windows) and check that it is on PATH"),
		}
	}
	// Pathspecs are the user's file names, never patterns or magic (":(exclude)", "*").
	r := &Repo{git: exe, dir: dir, env: append(os.Environ(), "GIT_LITERAL_PATHSPECS=1", "GIT_TERMINAL_PROMPT=0", "LC_ALL=C")}
	out, err := r.run(nil, "rev-parse", "--is-inside-work-tree")
	if err != nil || strings.TrimSpace(string(out)) != "true" {
		return nil, &Error{
			Message: i18n.Msg("текущая папка не входит в рабочую копию репозитория git", "the current folder is not inside a git working tree"),
			Hint: i18n.Msg("запустите profiler diff в папке репозитория (после git clone или git init и первого коммита)",
				"run profiler diff inside a repository (after git clone, or git init and a first commit)"),
		}
	}
	return r, nil
}

// Dir is the folder the repository was opened from ("" for the current folder): the
// paths of [Repo.Tree] and [Repo.WorkFiles] are relative to it.
func (r *Repo) Dir() string { return r.dir }

// run runs git with args in the repository folder and returns its standard output.
func (r *Repo) run(stdin io.Reader, args ...string) ([]byte, error) {
	cmd := exec.Command(r.git, args...)
	cmd.Dir, cmd.Env, cmd.Stdin = r.dir, r.env, stdin
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(errb.String())
		if msg == "" {
			msg = err.Error()
		}
		return out.Bytes(), fmt.Errorf("git %s: %s", args[0], msg)
	}
	return out.Bytes(), nil
}

// Resolve turns a revision into a commit id. An unknown revision is an [*Error] whose
// hint says how to get it, shallow CI clones included.
func (r *Repo) Resolve(rev string) (string, error) {
	if rev == "" || strings.HasPrefix(rev, "-") || strings.ContainsAny(rev, "\x00\n") {
		return "", &Error{Message: i18n.Msg("недопустимая ревизия %q", "invalid revision %q", rev)}
	}
	out, err := r.run(nil, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err == nil {
		if id := strings.TrimSpace(string(out)); id != "" {
			return id, nil
		}
	}
	if rev == "HEAD" {
		if _, herr := r.run(nil, "rev-parse", "--verify", "--quiet", "HEAD"); herr != nil {
			return "", &Error{
				Message: i18n.Msg("в репозитории ещё нет коммитов: сравнивать рабочую копию не с чем", "the repository has no commits yet: there is nothing to compare the working tree with"),
				Hint:    i18n.Msg("сделайте первый коммит (git add . && git commit)", "make a first commit (git add . && git commit)"),
			}
		}
	}
	e := &Error{
		Message: i18n.Msg("ревизия %q не найдена в репозитории", "revision %q is not in the repository", rev),
		Hint:    i18n.Msg("проверьте имя ветки, тега или коммита (git log --oneline, git branch -a)", "check the branch, tag or commit name (git log --oneline, git branch -a)"),
	}
	if sh, _ := r.run(nil, "rev-parse", "--is-shallow-repository"); strings.TrimSpace(string(sh)) == "true" {
		e.Hint = i18n.Msg(
			"это неполная (shallow) копия репозитория, как в CI: получите всю историю — GitHub Actions: actions/checkout с fetch-depth: 0; GitLab CI: переменная GIT_DEPTH: 0; или git fetch origin <базовая ветка>",
			"this is a shallow clone, as CI makes: fetch the history — GitHub Actions: actions/checkout with fetch-depth: 0; GitLab CI: variable GIT_DEPTH: 0; or git fetch origin <base branch>")
	}
	return "", e
}

// MergeBase returns the best common ancestor of two commits (for A...B).
func (r *Repo) MergeBase(a, b string) (string, error) {
	out, err := r.run(nil, "merge-base", a, b)
	if err != nil || len(bytes.TrimSpace(out)) == 0 {
		return "", &Error{
			Message: i18n.Msg("у ревизий нет общего предка", "the revisions have no common ancestor"),
			Hint: i18n.Msg("сравните их напрямую: A..B; в неполной копии (CI) получите историю: fetch-depth: 0 / GIT_DEPTH: 0",
				"compare them directly: A..B; in a shallow clone (CI) fetch the history: fetch-depth: 0 / GIT_DEPTH: 0"),
		}
	}
	return strings.TrimSpace(string(out)), nil
}

// Entry is a file of a tree.
type Entry struct {
	Path string // relative to the repository's folder, / separators
	OID  string // the blob's object id
	Link bool   // a symbolic link: its blob is the link's target, not a document
}

// Tree lists the files of a commit under the pathspecs (relative to the folder).
func (r *Repo) Tree(commit string, paths []string) ([]Entry, error) {
	args := append([]string{"ls-tree", "-r", "-z", "--end-of-options", commit, "--"}, paths...)
	out, err := r.run(nil, args...)
	if err != nil {
		return nil, &Error{Message: i18n.Msg("не удалось прочитать дерево ревизии %s: %v", "cannot list the tree of %s: %v", commit, err)}
	}
	var es []Entry
	for _, rec := range bytes.Split(out, []byte{0}) {
		// "<mode> SP <type> SP <oid> TAB <path>"
		meta, p, ok := bytes.Cut(rec, []byte{'\t'})
		if !ok {
			continue
		}
		f := strings.Fields(string(meta))
		if len(f) != 3 || f[1] != "blob" {
			continue // submodules (commit) and anything else that is not a file
		}
		es = append(es, Entry{Path: string(p), OID: f[2], Link: f[0] == "120000"})
	}
	return es, nil
}

// WorkFiles lists the working tree's files under the pathspecs: those git tracks and
// the untracked ones it does not ignore. A tracked file deleted from disk is listed too
// (reading it then tells).
func (r *Repo) WorkFiles(paths []string) ([]string, error) {
	args := append([]string{"ls-files", "-z", "--cached", "--others", "--exclude-standard", "--"}, paths...)
	out, err := r.run(nil, args...)
	if err != nil {
		return nil, &Error{Message: i18n.Msg("не удалось получить список файлов рабочей копии: %v", "cannot list the working tree's files: %v", err)}
	}
	var ps []string
	seen := map[string]bool{}
	for _, p := range strings.Split(string(out), "\x00") {
		if p != "" && !seen[p] { // a file in conflict is listed once per stage
			seen[p] = true
			ps = append(ps, p)
		}
	}
	return ps, nil
}

// ErrTooLarge is the error of a blob over the reader's size limit.
var ErrTooLarge = errors.New("blob too large")

// Blobs reads blobs through one `git cat-file --batch` process, kept open for the
// Reader's life so that several rounds of reads share it. Not safe for concurrent use.
type Blobs struct {
	cmd   *exec.Cmd
	in    io.WriteCloser
	out   *bufio.Reader
	max   int64
	errb  bytes.Buffer
	close sync.Once
}

// Blobs starts the reader; blobs over maxBytes are skipped with [ErrTooLarge].
func (r *Repo) Blobs(maxBytes int64) (*Blobs, error) {
	cmd := exec.Command(r.git, "cat-file", "--batch")
	cmd.Dir, cmd.Env = r.dir, r.env
	b := &Blobs{cmd: cmd, max: maxBytes}
	cmd.Stderr = &b.errb
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, &Error{Message: i18n.Msg("не удалось запустить git cat-file: %v", "cannot start git cat-file: %v", err)}
	}
	b.in, b.out = in, bufio.NewReaderSize(out, 64<<10)
	return b, nil
}

// Read returns the content of each object id (same order); errs[i] is set for an object
// that is missing or too large. The requests are written from another goroutine while
// the answers are read: git answers as it goes and both pipes would otherwise fill up.
func (b *Blobs) Read(oids []string) (data [][]byte, errs []error, err error) {
	werr := make(chan error, 1)
	go func() {
		w := bufio.NewWriter(b.in)
		for _, id := range oids {
			w.WriteString(id)
			w.WriteByte('\n')
		}
		werr <- w.Flush()
	}()
	data, errs = make([][]byte, len(oids)), make([]error, len(oids))
	for i := range oids {
		head, rerr := b.out.ReadString('\n')
		if rerr != nil {
			return nil, nil, b.broken(rerr)
		}
		f := strings.Fields(head)
		if len(f) == 2 && f[1] == "missing" {
			errs[i] = fmt.Errorf("object %s is missing", f[0])
			continue
		}
		if len(f) != 3 {
			return nil, nil, b.broken(fmt.Errorf("unexpected answer %q", head))
		}
		size, perr := strconv.ParseInt(f[2], 10, 64)
		if perr != nil {
			return nil, nil, b.broken(perr)
		}
		if size > b.max {
			if _, derr := b.out.Discard(int(size) + 1); derr != nil {
				return nil, nil, b.broken(derr)
			}
			errs[i] = fmt.Errorf("%w: %d bytes", ErrTooLarge, size)
			continue
		}
		buf := make([]byte, size+1) // the content and git's trailing newline
		if _, rerr := io.ReadFull(b.out, buf); rerr != nil {
			return nil, nil, b.broken(rerr)
		}
		data[i] = buf[:size:size]
	}
	if werr := <-werr; werr != nil {
		return nil, nil, b.broken(werr)
	}
	return data, errs, nil
}

func (b *Blobs) broken(err error) error {
	b.Close()
	msg := strings.TrimSpace(b.errb.String())
	if msg == "" {
		msg = err.Error()
	}
	return &Error{Message: i18n.Msg("git cat-file прервался: %s", "git cat-file failed: %s", msg)}
}

// Close ends the process.
func (b *Blobs) Close() {
	b.close.Do(func() {
		b.in.Close()
		_ = b.cmd.Wait()
	})
}
