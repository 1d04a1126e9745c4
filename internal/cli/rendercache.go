package cli

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/profiler-cx/profiler/internal/cache"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/parallel"
	"github.com/profiler-cx/profiler/internal/render"
	"github.com/profiler-cx/profiler/internal/workspace"
)

// render --cache: the input is checked with the validate cache (unchanged files are not
// read), and a render manifest, kept beside that cache and signed the same way, records
// what the last render of this --out was made from (each source file's content hash and
// life situation, and what the index shows of each profile) and the size and time of
// every page it left. When the manifest is for the same options and every page on disk is
// as it was left, only the life situations whose files changed (added, removed, edited,
// moved to another life situation) are read and rebuilt; the other life situations'
// profiles reach the index as the manifest's summaries. A card shows its place in the
// research order of its life situation, so one changed profile rebuilds every page of its
// life situation, never more. The index (and the HTML assets with its filter's data) is
// rebuilt only when what it shows changed: a file added or removed, a life situation's
// title, a profile's id, title, status or stage. Anything else (no or another manifest,
// a page changed or removed by hand, most life situations changed) renders everything,
// as render without --cache does, and writes a fresh manifest. The manifest is read and
// the pages' stamps are checked while the input is checked.

// manifestMagic names the manifest's format; another version's manifest is not read.
const manifestMagic = "PROFILERRENDER profiler-render/1"

// renderManifest is what one render --cache left.
type renderManifest struct {
	Key   string
	Files []srcFile
	Pages []pageStamp
}

// srcFile is one source document: its hash, and what the index shows of it.
type srcFile struct {
	Path   string
	Sum    [32]byte
	Kind   model.Kind
	LS     string // the life situation's id (its own, or the profile's)
	ID     string // a profile's
	Title  string // a profile's or a life situation's
	Status model.Status
	Stage  model.Stage
}

// shown is what the embedded index shows of a file: of a life situation its id and
// title; of a profile its life situation, status and stage (the counts), and in HTML its
// id and title (the table of every profile).
func (f *srcFile) shown(html bool) srcFile {
	s := srcFile{Path: f.Path, Kind: f.Kind, LS: f.LS, ID: f.ID, Title: f.Title, Status: f.Status, Stage: f.Stage}
	if f.Kind == model.KindProfile && !html {
		s.ID, s.Title = "", "" // the Markdown index counts profiles, it does not name them
	}
	return s
}

// pageStamp is a page (slash path below --out) as the render left it.
type pageStamp struct {
	Path        string
	Size, Mtime int64
}

// manifestPath is where the manifest of a format is kept: beside the validate cache, one
// per format, so that md and html renders of one workspace do not undo each other.
func manifestPath(opts *renderOptions) string {
	return opts.CacheFile + ".render-" + opts.Format
}

// renderCached is render --cache for an md or html site.
func renderCached(opts *renderOptions) error {
	key, keyErr := manifestKey(opts)
	var prior <-chan priorRender
	if keyErr == nil {
		prior = readPrior(opts, key)
	}
	res, c := opts.checkCached(opts.Paths, workspace.Options{Keep: workspace.KeepFacts}, opts.CacheFile)
	if err := opts.checkedInput(res, renderInputFailed, renderInputNone); err != nil {
		return err
	}
	ropts, err := opts.renderOptions()
	if err != nil {
		return err
	}
	ropts.OutDir = opts.Out
	if err := checkPageLang(&opts.env, opts, ropts); err != nil {
		return err
	}
	if keyErr != nil {
		return keyErr
	}
	cur := make([]srcFile, 0, len(res.Docs))
	for _, d := range res.Docs {
		f := srcFile{Path: d.Path, Kind: d.Kind}
		if e := c.Used(d.Path); e != nil {
			f.Sum = e.Sum
			if e.Facts != nil {
				f.LS, f.ID = e.Facts.LifeSituation, e.Facts.ID
			}
		}
		if d.LS != nil {
			f.LS = d.LS.ID
		}
		cur = append(cur, f)
	}

	pr := <-prior
	for _, w := range pr.warns {
		opts.printWarning(w.In(opts.lang))
	}
	old := pr.manifest
	var rebuild map[string]bool // nil: everything
	if pr.intact {
		rebuild = affected(old, cur)
	}
	lss, ps, err := loadModels(cur, rebuild)
	if err != nil {
		return err
	}
	var within []string // nil: every folder
	if rebuild != nil {
		// A custom index template may show anything of a file: then any change rebuilds it.
		index := !sameIndex(old.Files, cur, ropts.Format == render.HTML) || (opts.Templates != "" && len(rebuild) > 0)
		within, ropts.Only = scope(rebuild, index, ropts.Format)
	}
	built, err := publishSite(opts, lss, ps, ropts, within)
	if err != nil {
		return err
	}

	next := &renderManifest{Key: key, Files: cur}
	if rebuild != nil {
		for _, pg := range old.Pages {
			if !ropts.Only(pg.Path) { // not rebuilt: as it was
				next.Pages = append(next.Pages, pg)
			}
		}
	}
	for _, p := range built {
		st, err := os.Stat(filepath.Join(opts.Out, filepath.FromSlash(p)))
		if err != nil {
			next.Pages = nil // a manifest without pages: the next run renders everything
			break
		}
		next.Pages = append(next.Pages, pageStamp{Path: p, Size: st.Size(), Mtime: st.ModTime().UnixNano()})
	}
	if err := pr.store.Save(next.encode()); err != nil {
		opts.printWarning(i18n.Msg("не удалось записать кэш %s: %v", "cannot write the cache %s: %v", manifestPath(opts), err).In(opts.lang))
	}
	opts.note(fmt.Sprintf(opts.t("profiler: %s: страниц пересобрано: %d из %d", "profiler: %s: %d of %d pages rebuilt"),
		filepath.Clean(opts.Out), len(built), len(next.Pages)))
	return nil
}

// priorRender is what the last render --cache of this --out left, read while the input
// is checked: its manifest (nil when there is none, or it is for other options), and
// whether every page it left is still as it was.
type priorRender struct {
	store    *cache.Signed
	manifest *renderManifest
	intact   bool
	warns    []i18n.Text
}

func readPrior(opts *renderOptions, key string) <-chan priorRender {
	ch := make(chan priorRender, 1)
	go func() {
		store, blob, warns := cache.OpenSigned(manifestPath(opts), manifestMagic)
		m := decodeManifest(blob, key)
		ch <- priorRender{store: store, manifest: m, warns: warns, intact: m != nil && pagesIntact(m.Pages, opts.Out)}
	}()
	return ch
}

// manifestKey names what every page depends on besides the source files: the tool (as
// the validate cache's key), the format, language and templates, and where the pages and
// the sources are (pages link to the sources relatively).
func manifestKey(opts *renderOptions) (string, error) {
	h := sha256.New()
	wd, _ := os.Getwd()
	out, _ := filepath.Abs(opts.Out)
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s\x00", cacheKeyFunc(), opts.Format, opts.lang, wd, out)
	if opts.Templates != "" {
		err := filepath.WalkDir(opts.Templates, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := load.ReadFile(p, load.DefaultLimits)
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "%s\x00%d\x00", filepath.ToSlash(p), len(b))
			h.Write(b)
			return nil
		})
		if err != nil {
			return "", ioErr("--templates: не удалось прочитать %s: %v", "--templates: cannot read %s: %v", opts.Templates, err)
		}
	}
	return fmt.Sprintf("%x", h.Sum(nil)), nil
}

// affected returns the ids of the life situations to rebuild, or nil to rebuild all
// (most life situations changed), by the manifest of a render whose pages are intact.
func affected(old *renderManifest, cur []srcFile) map[string]bool {
	was := make(map[string]srcFile, len(old.Files))
	for _, f := range old.Files {
		was[f.Path] = f
	}
	lsCount := 0
	ids := map[string]bool{}
	for i, f := range cur {
		if f.Kind == model.KindLifeSituation {
			lsCount++
		}
		o, ok := was[f.Path]
		delete(was, f.Path)
		if ok && o.Sum == f.Sum && o.Kind == f.Kind && o.LS == f.LS && f.Sum != ([32]byte{}) {
			cur[i].ID, cur[i].Title, cur[i].Status, cur[i].Stage = o.ID, o.Title, o.Status, o.Stage
			continue
		}
		ids[f.LS] = true
		if ok {
			ids[o.LS] = true
		}
	}
	for _, o := range was { // removed
		ids[o.LS] = true
	}
	if 2*len(ids) > lsCount {
		return nil // a full render costs no more
	}
	return ids
}

// scope returns the folders a partial render publishes into and the pages it builds:
// those of the life situations to rebuild, and the index with the assets when it changed.
func scope(rebuild map[string]bool, index bool, format render.Format) (within []string, only func(string) bool) {
	within = []string{} // never nil: nil would let the publisher remove every page not built
	for id := range rebuild {
		within = append(within, id)
	}
	slices.Sort(within)
	if index {
		within = append(within, ".")
		if format == render.HTML {
			within = append(within, "assets")
		}
	}
	return within, func(p string) bool {
		dir, _, sub := strings.Cut(p, "/")
		if !sub || (format == render.HTML && dir == "assets") {
			return index
		}
		return rebuild[dir]
	}
}

// sameIndex reports whether the index shows the same of the files now as it did (in the
// same order: both lists are in path order).
func sameIndex(old, cur []srcFile, html bool) bool {
	return slices.EqualFunc(old, cur, func(a, b srcFile) bool { return a.shown(html) == b.shown(html) })
}

// pagesIntact reports whether every page is as the last render left it (a stat each).
func pagesIntact(pages []pageStamp, out string) bool {
	err := parallel.For(len(pages), parallel.Workers(len(pages), 512), 256, func(_, i int) error {
		pg := pages[i]
		st, err := os.Lstat(filepath.Join(out, filepath.FromSlash(pg.Path)))
		if err != nil || !st.Mode().IsRegular() || st.Size() != pg.Size || st.ModTime().UnixNano() != pg.Mtime {
			return fs.ErrNotExist
		}
		return nil
	})
	return err == nil && len(pages) > 0
}

// loadModels reads the models render needs: every life situation, and the profiles of
// the life situations in rebuild (all when nil); the other profiles are the manifest's
// summaries, filled into cur. A file whose content is no longer what was checked fails
// the run: its pages would show unchecked input.
func loadModels(cur []srcFile, rebuild map[string]bool) ([]*model.LifeSituation, []*model.Profile, error) {
	lss := make([]*model.LifeSituation, len(cur))
	ps := make([]*model.Profile, len(cur))
	err := parallel.For(len(cur), parallel.Workers(len(cur), 64), 16, func(_, i int) error {
		f := &cur[i]
		if f.Kind == model.KindProfile && rebuild != nil && !rebuild[f.LS] {
			return nil
		}
		data, err := load.ReadFile(filepath.FromSlash(f.Path), load.DefaultLimits)
		if err == nil && f.Sum != ([32]byte{}) && cache.Sum(data) != f.Sum {
			err = fmt.Errorf("changed during the run")
		}
		if err != nil {
			return ioErr("%s: не удалось прочитать (%v) — запустите render еще раз", "%s: cannot read (%v) — run render again", f.Path, err)
		}
		d := workspace.Decode(f.Path, data, load.DefaultLimits)
		lss[i], ps[i] = d.LS, d.Profile
		switch {
		case d.Profile != nil:
			f.ID, f.Title, f.Status, f.Stage = d.Profile.ID, d.Profile.Title, d.Profile.Status, d.Profile.Stage
		case d.LS != nil:
			f.Title = d.LS.Title
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	var outLS []*model.LifeSituation
	var outP []*model.Profile
	for i, f := range cur {
		switch {
		case lss[i] != nil:
			outLS = append(outLS, lss[i])
		case ps[i] != nil:
			outP = append(outP, ps[i])
		case f.Kind == model.KindProfile:
			outP = append(outP, &model.Profile{Path: f.Path, ID: f.ID, LifeSituation: f.LS, Title: f.Title, Status: f.Status, Stage: f.Stage})
		}
	}
	return outLS, outP, nil
}
