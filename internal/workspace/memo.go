package workspace

import (
	"os"
	"strings"
	"sync"

	"github.com/profiler-cx/profiler/internal/cache"
)

// Memo keeps the checked documents of one run in memory for the next (profiler serve):
// a file whose metadata (size, times, inode) is unchanged is not read or checked again,
// and its Doc, models included, is reused as it is. The cross-file rules run again only on
// the profiles a change can affect (see crossMemo). A Memo is for one caller at a time: runs
// that share it must not overlap.
type Memo struct {
	// Trust, when set, reuses a remembered Doc without even a stat: the caller watches
	// the files and calls Forget for every one that changed (or ForgetAll when it may have
	// missed some). At 10,000 files the stats are a third of a rebuild.
	Trust bool

	mu    sync.Mutex
	old   map[string]memoEntry // what the last run used
	next  map[string]memoEntry // what this run uses: only these are kept
	cross *crossMemo           // the last cross-file run (runs do not overlap)
}

type memoEntry struct {
	meta cache.Meta
	doc  *Doc
}

// NewMemo returns an empty memo.
func NewMemo() *Memo { return &Memo{old: map[string]memoEntry{}, next: map[string]memoEntry{}} }

// Forget drops the entry of the file with the display path p and of every file below it
// (p a folder), so that they are read again whatever their metadata says: the watcher
// knows they changed even when a coarse clock would not show it.
func (m *Memo) Forget(p string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.old, p)
	prefix := strings.TrimSuffix(p, "/") + "/"
	for k := range m.old {
		if strings.HasPrefix(k, prefix) {
			delete(m.old, k)
		}
	}
}

// ForgetAll drops every entry: the next run reads every file again.
func (m *Memo) ForgetAll() {
	m.mu.Lock()
	m.old = map[string]memoEntry{}
	m.mu.Unlock()
}

// lookup returns the remembered Doc of t when the file's metadata is unchanged, and the
// metadata it read (zero when the file cannot be stat'ed).
func (m *Memo) lookup(t target) (*Doc, cache.Meta) {
	if m.Trust {
		m.mu.Lock()
		defer m.mu.Unlock()
		if e, ok := m.old[t.display]; ok && e.doc.Context == t.context {
			m.next[t.display] = e
			return e.doc, e.meta
		}
		return nil, cache.Meta{}
	}
	st, err := os.Stat(t.fsPath)
	if err != nil {
		return nil, cache.Meta{}
	}
	meta := cache.MetaOf(st)
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.old[t.display]
	if !ok || e.meta != meta || e.doc.Context != t.context {
		return nil, meta
	}
	m.next[t.display] = e
	return e.doc, meta
}

func (m *Memo) store(t target, d *Doc, meta cache.Meta) {
	if (meta == (cache.Meta{}) && !m.Trust) || d == nil {
		return
	}
	m.mu.Lock()
	m.next[t.display] = memoEntry{meta: meta, doc: d}
	m.mu.Unlock()
}

// turn ends a run: files the run did not see (removed) are forgotten.
func (m *Memo) turn() {
	m.mu.Lock()
	m.old, m.next = m.next, map[string]memoEntry{}
	m.mu.Unlock()
}
