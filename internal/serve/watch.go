package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Debounce is how long the watcher waits after the last event of a burst before it
// rebuilds: an editor's save (temporary file, rename, chmod) and `git checkout` are
// bursts, and one rebuild serves them all. The events of one save come within a
// millisecond or two; every millisecond here is one the reader waits for the card.
const Debounce = 15 * time.Millisecond

// Watcher follows the folders of the workspace: fsnotify watches folders, not trees, so
// every folder is added, and new ones as they appear.
type Watcher struct {
	w     *fsnotify.Watcher
	site  *Site
	roots []string
}

// NewWatcher watches every folder under paths (for a file, its folder), skipping the
// folders the check skips (hidden ones, node_modules).
func NewWatcher(site *Site, paths []string) (*Watcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	x := &Watcher{w: w, site: site}
	site.Watched()
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			continue // reported by the check; a folder made later under a watched one is found
		}
		if !st.IsDir() {
			// A profile named alone is checked with the life situation above its
			// profiles/ folder: that folder is watched too (not its subfolders).
			p = filepath.Dir(p)
			if filepath.Base(p) == "profiles" {
				_ = w.Add(filepath.Dir(p))
			}
		}
		x.roots = append(x.roots, p)
		if err := x.addTree(p); err != nil {
			w.Close()
			return nil, err
		}
	}
	return x, nil
}

func skipDir(name string) bool { return strings.HasPrefix(name, ".") || name == "node_modules" }

func (x *Watcher) addTree(root string) error {
	if st, err := os.Lstat(root); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		root += string(filepath.Separator) // a folder named through a link: walk what it leads to, as the check does
	}
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			return nil // gone or unreadable meanwhile: the check reports it
		}
		if !d.IsDir() {
			return nil
		}
		if p != root && skipDir(d.Name()) {
			return fs.SkipDir
		}
		if err := x.w.Add(p); err != nil && p == root {
			return err
		}
		return nil
	})
}

// Run waits for changes and, after each burst, tells the site what changed, rebuilds the
// pages of the change ([Site.Update]) and, once no new change came for a Debounce, the
// site-wide pages ([Site.Finish]); it calls done with the result of each rebuild, until
// ctx ends. After a watcher error (the event queue overflowed) every file is read again.
func (x *Watcher) Run(ctx context.Context, done func(Build)) {
	defer x.w.Close()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	finish := time.NewTimer(time.Hour)
	finish.Stop()
	var report *Build // an update whose site-wide pages wait: reported with them
	flush := func(b Build) {
		if report != nil {
			b.Pages += report.Pages
			b.Took += report.Took
			report = nil
		}
		done(b)
	}
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-x.w.Events:
			if !ok {
				return
			}
			if x.event(ev) {
				timer.Reset(Debounce)
				finish.Stop() // the next update takes the site-wide pages along
			}
		case _, ok := <-x.w.Errors:
			if !ok {
				return
			}
			// The kernel's queue overflowed: events were lost, so nothing is trusted.
			x.site.ForgetAll()
			timer.Reset(Debounce)
			finish.Stop()
		case <-timer.C:
			b := x.site.Update()
			if !b.OK || !x.site.Pending() {
				flush(b)
				continue
			}
			if report != nil {
				b.Pages += report.Pages
				b.Took += report.Took
			}
			report = &b
			finish.Reset(Debounce)
		case <-finish.C:
			if report == nil {
				continue
			}
			f := x.site.Finish()
			b := *report
			report = nil
			b.Pages += f.Pages
			b.Took += f.Took
			b.Total = f.Total
			if !f.OK {
				b.OK, b.Problem = false, f.Problem
			}
			done(b)
		}
	}
}

// event handles one event and reports whether it may change the site. Editors save by
// writing a temporary file and renaming it over the document (Create or Rename of the
// document's name), others write in place (Write); folders come (Create: watch them) and
// go (Remove, Rename: their files are forgotten).
func (x *Watcher) event(ev fsnotify.Event) bool {
	name := filepath.Clean(ev.Name)
	base := filepath.Base(name)
	if ev.Has(fsnotify.Create) {
		if st, err := os.Lstat(name); err == nil && st.IsDir() {
			if skipDir(base) {
				return false
			}
			_ = x.addTree(name)
			return true
		}
	}
	if isYAML(base) {
		x.site.Forget(filepath.ToSlash(name))
		return !ev.Has(fsnotify.Chmod) || ev.Op != fsnotify.Chmod
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		if skipDir(base) {
			return false
		}
		x.site.Forget(filepath.ToSlash(name)) // perhaps a folder of documents
		return true
	}
	return false
}

func isYAML(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}
