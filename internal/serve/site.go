// Package serve is the live preview behind `profiler serve`: it keeps the HTML site (the
// pages `render --format html` writes) in memory, rebuilds only the pages a change
// affects, and tells open pages to reload (server-sent events). While the input has
// errors the last good pages stay and every page carries a banner with the findings.
package serve

import (
	"fmt"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/render"
	"github.com/profiler-cx/profiler/internal/workspace"
)

// Build is the outcome of one (re)build, for the command to report.
type Build struct {
	OK       bool              // the pages were updated (or were already up to date)
	Findings []finding.Finding // every finding of the check (errors and warnings)
	Problem  i18n.Text         // set when no finding explains why the pages were kept
	Pages    int               // pages built
	Total    int               // pages in the site
	Took     time.Duration
}

// Site is the site in memory. Its methods are safe for concurrent use; rebuilds are
// serialised.
type Site struct {
	paths []string
	lang  i18n.Lang
	// OnChange, when set before the first Rebuild, is called whenever what is served
	// changed (the pages, or the banner); serve tells the open pages to reload.
	OnChange func()
	memo     *workspace.Memo

	build sync.Mutex // one rebuild at a time (the memo requires it)
	good  map[string]*workspace.Doc
	// lss and ps, when set, are the documents of the last Update, whose site-wide pages
	// wait for Finish.
	lss []*model.LifeSituation
	ps  []*model.Profile

	mu       sync.RWMutex
	pages    map[string][]byte
	problems []finding.Finding // the errors shown in the banner; nil when the input is good
	problem  i18n.Text         // a reason without a finding (no documents, a render error)
	version  uint64
}

// NewSite returns an empty site for the documents under paths, in lang.
func NewSite(paths []string, lang i18n.Lang) *Site {
	return &Site{paths: paths, lang: lang, memo: workspace.NewMemo(), pages: map[string][]byte{}}
}

// Watched makes the site trust the caller to report every change with Forget (or
// ForgetAll): unchanged files are then not even stat'ed.
func (s *Site) Watched() { s.memo.Trust = true }

// ForgetAll makes the next rebuild read every file again.
func (s *Site) ForgetAll() { s.memo.ForgetAll() }

// Forget makes the next rebuild read the file (or every file below the folder) at the
// display path p again.
func (s *Site) Forget(p string) { s.memo.Forget(p) }

// Version counts the changes of what is served (pages or banner).
func (s *Site) Version() uint64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.version
}

// Rebuild checks the documents and rebuilds every page the changes since the last good
// build affect: [Site.Update], then [Site.Finish].
func (s *Site) Rebuild() Build {
	b := s.Update()
	if b.OK {
		f := s.Finish()
		b.Pages += f.Pages
		b.Took += f.Took
		b.Total = f.Total
		if !f.OK {
			b.OK, b.Problem = false, f.Problem
		}
	}
	return b
}

// Update checks the documents (unchanged files are taken from memory, the cross-file
// rules run on all) and, when there are no errors, rebuilds and publishes the pages of
// what changed since the last good build: a profile's card, its life situation's
// overview and print page, every page of a changed life situation. The site-wide pages
// (the index and its data, which list every profile: most of the work at 10,000
// profiles) are left to [Site.Finish], so that a reader who saved a profile sees its
// card without waiting for them, and a burst of saves rebuilds them once.
func (s *Site) Update() Build {
	s.build.Lock()
	defer s.build.Unlock()
	start := time.Now()
	res := workspace.Check(s.paths, workspace.Options{Keep: workspace.KeepModels, Memo: s.memo})
	b := Build{Findings: res.Findings}
	errs, _ := finding.Count(res.Findings)
	switch {
	case errs > 0 || res.IOError:
		var bad []finding.Finding
		for _, f := range res.Findings {
			if f.Severity == finding.Error {
				bad = append(bad, f)
			}
		}
		s.fail(bad, i18n.Text{})
		b.Took = time.Since(start)
		return b
	case res.Files == 0:
		b.Problem = i18n.Msg("не найдено ни одного документа profiler", "no profiler documents found")
		s.fail(nil, b.Problem)
		b.Took = time.Since(start)
		return b
	}

	cur := make(map[string]*workspace.Doc, len(res.Docs))
	for _, d := range res.Docs {
		cur[d.Path] = d
	}
	all := s.good == nil
	lsAll, lsOverview, cards := map[string]bool{}, map[string]bool{}, map[string]bool{}
	mark := func(d *workspace.Doc) {
		switch {
		case d == nil:
		case d.LS != nil:
			lsAll[d.LS.ID] = true
		case d.Profile != nil:
			lsOverview[d.Profile.LifeSituation] = true
			cards[d.Profile.LifeSituation+"/"+d.Profile.ID+".html"] = true
		}
	}
	if !all {
		for p, d := range cur {
			if old := s.good[p]; old != d { // the memo returns the same Doc for an unchanged file
				mark(old)
				mark(d)
			}
		}
		for p, old := range s.good {
			if cur[p] == nil {
				mark(old)
			}
		}
	}
	lss, ps := res.LifeSituations(), res.Profiles()
	expected := map[string]bool{}
	first := func(p string) bool {
		expected[p] = true
		dir, file := path.Split(p)
		dir = strings.TrimSuffix(dir, "/")
		switch {
		case all:
			return true
		case siteWide(p):
			return false
		case lsAll[dir]:
			return true
		case lsOverview[dir] && (file == "index.html" || file == render.PrintFile):
			return true
		}
		return cards[p]
	}
	n, err := s.pass(lss, ps, first, expected)
	b.Pages += n
	if err != nil {
		b.Problem = i18n.Msg("не удалось собрать страницы: %v", "cannot render the pages: %v", err)
		s.fail(nil, b.Problem)
		b.Took = time.Since(start)
		return b
	}
	s.good = cur
	if !all && (s.lss != nil || len(lsAll)+len(lsOverview) > 0) {
		s.lss, s.ps = lss, ps // for Finish: always the newest documents
	}
	b.OK, b.Took, b.Total = true, time.Since(start), s.Pages()
	s.changed()
	return b
}

// siteWide reports whether the page at p lists every life situation or profile.
func siteWide(p string) bool { return p == "index.html" || strings.HasPrefix(p, "assets/") }

// Pending reports whether the site-wide pages wait for [Site.Finish].
func (s *Site) Pending() bool {
	s.build.Lock()
	defer s.build.Unlock()
	return s.lss != nil
}

// Finish rebuilds the site-wide pages after an [Site.Update] that changed what they list
// (the index and its data; the stylesheet and script depend only on the language and are
// built once, at start). It does nothing when none wait.
func (s *Site) Finish() Build {
	s.build.Lock()
	defer s.build.Unlock()
	start := time.Now()
	b := Build{OK: true}
	if s.lss != nil {
		n, err := s.pass(s.lss, s.ps, func(p string) bool { return p == "index.html" || p == render.AssetIndex }, nil)
		s.lss, s.ps = nil, nil
		b.Pages = n
		if err != nil {
			b.OK = false
			b.Problem = i18n.Msg("не удалось собрать страницы: %v", "cannot render the pages: %v", err)
			s.fail(nil, b.Problem)
		} else {
			s.changed()
		}
	}
	b.Took, b.Total = time.Since(start), s.Pages()
	return b
}

// pass builds the pages only picks and publishes them; with expected (the first pass,
// which sees every page's path), pages no longer in the site are dropped.
func (s *Site) pass(lss []*model.LifeSituation, ps []*model.Profile, only func(string) bool, expected map[string]bool) (int, error) {
	var mu sync.Mutex
	built := map[string][]byte{}
	err := render.SiteFunc(lss, ps, render.Options{Lang: s.lang, Format: render.HTML, Only: only},
		func(f render.File) error {
			mu.Lock()
			built[f.Path] = f.Data
			mu.Unlock()
			return nil
		})
	if err != nil {
		return 0, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if expected != nil {
		for p := range s.pages {
			if !expected[p] {
				delete(s.pages, p)
			}
		}
	}
	for p, data := range built {
		s.pages[p] = data
	}
	s.problems, s.problem = nil, i18n.Text{}
	s.version++
	return len(built), nil
}

// changed tells the open pages (see OnChange).
func (s *Site) changed() {
	if s.OnChange != nil {
		s.OnChange()
	}
}

// fail keeps the pages and shows the problems on them.
func (s *Site) fail(fs []finding.Finding, problem i18n.Text) {
	s.mu.Lock()
	s.problems, s.problem = fs, problem
	s.version++
	s.mu.Unlock()
	s.changed()
}

// page returns a page and the banner state, as one snapshot.
func (s *Site) page(p string) (data []byte, ok bool, problems []finding.Finding, problem i18n.Text, version uint64, empty bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	data, ok = s.pages[p]
	return data, ok, s.problems, s.problem, s.version, len(s.pages) == 0
}

// Pages lists the paths of the pages served, for tests and the start-up message.
func (s *Site) Pages() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.pages)
}

func (b Build) String() string {
	return fmt.Sprintf("%d pages built, %d in all, %s", b.Pages, b.Total, b.Took)
}
