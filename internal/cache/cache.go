// Package cache keeps the per-file results of validate between runs (validate --cache),
// like ESLint's cache: a file whose content, tool version and schemas are unchanged is not
// parsed or checked again. What is stored per file is what the run needs later: the file's
// own findings and a summary for the cross-file rules (ids, statuses, attributes and the
// positions those rules may report; see rules.CrossFilePointers). The cross-file rules
// always run again, on the summaries, so a cached run reports exactly what a cold run does.
//
// The cache file is written atomically; an unreadable or corrupt cache file is ignored
// and rebuilt, never an error.
//
// A cache is trusted only if this user wrote it on this machine: it ends with an
// HMAC-SHA256 of its content under a random key kept in the user's cache folder
// (~/.cache/profiler/cache-key), so an entry planted in a committed or shared cache (a
// matching content hash with no findings) cannot hide errors. A cache that is a symbolic
// link, not a regular file, writable by other users or owned by another user is neither
// read nor written, and neither is a file that is not a cache (a mistyped
// --cache-location must not replace a document): [File.Warnings] says so.
package cache

import (
	"crypto/hmac"
	"crypto/sha256"
	"io/fs"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/profiler-cx/profiler/internal/atomicfile"
	"github.com/profiler-cx/profiler/internal/bincodec"
	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/parallel"
	"github.com/profiler-cx/profiler/internal/rules"
	"github.com/profiler-cx/profiler/schemas"
)

// DefaultLocation is the cache file used when none is given, in the current folder.
const DefaultLocation = ".profiler-cache"

// format changes whenever Entry or File change shape.
const format = "profiler-cache/4"

// magic starts every cache file so that a foreign file is recognised before decoding.
var magic = []byte("PROFILERCACHE\n")

// Meta identifies a version of a file without reading it.
type Meta struct {
	Size, Mtime, Ctime int64
	Ino, Dev           uint64
}

// racyMargin: a file changed this close before the run that stored its entry may have
// changed again within the timestamp granularity without its metadata showing it (git's
// "racily clean" problem), so such an entry is trusted only after hashing the content.
var racyMargin = 2 * time.Second

// Entry is the stored result of one file.
type Entry struct {
	Meta     Meta     // the file's metadata when it was read; zero: unknown
	Checked  int64    // when the run that read it started (Unix ns)
	Sum      [32]byte // SHA-256 of the file's bytes
	Kind     string
	LS       *model.LifeSituation
	Facts    *rules.ProfileFacts
	Findings []finding.Finding
	Pos      rules.Positions // for entries made in this run; use Where
	posRaw   []byte          // positions as read from the file, decoded on demand
	raw      []byte          // the encoded entry as read from the file, reused by Save
}

// Where returns the entry's positions for the cross-file rules. Entries read from the
// file decode them only when asked, which is rare: only for a finding.
func (e *Entry) Where() rules.Where {
	if e.posRaw != nil {
		return lazyPos(e.posRaw)
	}
	return e.Pos
}

// Refreshed returns a copy of e with new metadata (same content, touched file).
func (e *Entry) Refreshed(m Meta, checked int64) *Entry {
	c := *e
	c.Meta, c.Checked, c.raw = m, checked, nil
	return &c
}

// File is a loaded cache. It is safe for concurrent Get and Put.
type File struct {
	path    string
	key     string
	loaded  chan struct{} // closed when old and changed are set
	mu      sync.Mutex
	old     map[string]*Entry // as loaded
	next    map[string]*Entry // what this run used: only these are saved
	changed bool
	start   int64

	secret   []byte      // the HMAC key; nil: the cache is off (see warnings)
	readOnly bool        // the file at path is not ours to replace
	warnings []i18n.Text // set with old

	saveOnce sync.Once
	saved    chan struct{} // closed when saveErr is set
	saveErr  error
}

// maxBytes bounds what is read of a cache file (a link to /dev/zero is refused anyway).
const maxBytes = 1 << 30

// Sum is the content hash used as the key of a file's entry.
func Sum(data []byte) [32]byte { return sha256.Sum256(data) }

// SchemaHash is a hash of the embedded JSON Schemas: results depend on them.
func SchemaHash() [32]byte {
	h := sha256.New()
	for _, n := range schemas.Names() {
		b, _ := schemas.Bytes(n)
		h.Write([]byte(n))
		h.Write([]byte{0})
		h.Write(b)
		h.Write([]byte{0})
	}
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}

// Open loads the cache at path for a run whose results depend on key (the tool version
// and the schema hash). A missing, unreadable or corrupt file, or one written for another
// key, gives an empty cache. The file is read and decoded in the background (while the
// caller looks for the files to check); the first Get, Unchanged or Save waits for it.
func Open(path, key string) *File {
	f := &File{path: path, key: key, next: map[string]*Entry{}, start: time.Now().UnixNano(),
		loaded: make(chan struct{}), saved: make(chan struct{})}
	go func() {
		f.old, f.changed = f.load(path, key)
		close(f.loaded)
	}()
	return f
}

// Warnings says why the cache was ignored or will not be written, if it was.
func (f *File) Warnings() []i18n.Text {
	<-f.loaded
	return f.warnings
}

// load reads the cache file: its entries, and whether it must be rewritten even if no
// entry changes (it was unreadable, corrupt or for another key).
func (f *File) load(path, key string) (map[string]*Entry, bool) {
	empty := map[string]*Entry{}
	data, secret, w := readTrusted(path, magic)
	f.secret = secret
	if w != nil {
		f.readOnly = true
		f.warnings = append(f.warnings, *w)
		return empty, false
	}
	if len(data) == 0 {
		return empty, true
	}
	if r := (&reader{B: data[len(magic):]}); r.Str() != format || r.Err != nil || len(data) < len(magic)+sha256.Size {
		return empty, true // another version's cache: rebuilt silently
	}
	body, mac := data[:len(data)-sha256.Size], data[len(data)-sha256.Size:]
	if !hmac.Equal(mac, sign(secret, body)) {
		f.warnings = append(f.warnings, forgedText(path))
		return empty, true
	}
	r := &reader{B: body[len(magic):]}
	if r.Str() != format || r.Str() != key || r.Err != nil {
		return empty, true
	}
	// First the frame (names and the bytes of each entry), then the entries decoded on
	// all cores: decoding is most of the time a warm run spends on the cache.
	n := r.Count(1)
	names := make([]string, 0, n)
	raws := make([][]byte, 0, n)
	for range n {
		name := r.Str()
		raw := r.Bytes(r.Count(1))
		if r.Err != nil {
			break
		}
		names = append(names, name)
		raws = append(raws, raw)
	}
	if r.Err != nil || len(r.B) != 0 {
		return empty, true
	}
	entries := make([]*Entry, len(raws))
	err := parallel.For(len(raws), parallel.Workers(len(raws), 256), 64, func(_, i int) error {
		e := decodeEntry(&reader{B: raws[i]})
		if e == nil {
			return bincodec.ErrCorrupt
		}
		e.raw = raws[i]
		entries[i] = e
		return nil
	})
	if err != nil {
		return empty, true
	}
	old := make(map[string]*Entry, len(names))
	for i, name := range names {
		old[name] = entries[i]
	}
	return old, false
}

// Get returns the stored result of the file shown as display when its content hash is sum.
func (f *File) Get(display string, sum [32]byte) *Entry {
	<-f.loaded
	f.mu.Lock()
	defer f.mu.Unlock()
	e := f.old[display]
	if e == nil || e.Sum != sum {
		return nil
	}
	f.next[display] = e
	return e
}

// Start is the time this run started; entries stored by it carry it.
func (f *File) Start() int64 { return f.start }

// Unchanged returns the stored result of the file shown as display when its metadata
// (st, from os.Stat) proves it unchanged since it was hashed: same size, mtime, ctime,
// inode and device, and last changed well before the run that hashed it. Otherwise the
// caller reads the file and asks Get with its hash.
func (f *File) Unchanged(display string, st fs.FileInfo) *Entry {
	m, ok := metaOf(st)
	if !ok {
		return nil
	}
	<-f.loaded
	f.mu.Lock()
	defer f.mu.Unlock()
	e := f.old[display]
	if e == nil || e.Meta != m || e.Meta == (Meta{}) {
		return nil
	}
	if time.Duration(e.Checked-max(m.Mtime, m.Ctime)) < racyMargin {
		return nil
	}
	f.next[display] = e
	return e
}

// MetaOf returns the metadata to store with an entry, from an os.Stat made before the
// file was read (so a change during the read shows up as stale metadata next time).
func MetaOf(st fs.FileInfo) Meta {
	m, _ := metaOf(st)
	return m
}

// Put stores the result of the file shown as display.
func (f *File) Put(display string, e *Entry) {
	<-f.loaded
	f.mu.Lock()
	defer f.mu.Unlock()
	f.next[display] = e
	f.changed = true
}

// Save writes the cache. Entries of files this run did not check are kept while the
// file still exists (pre-commit checks a few files at a time), so the cache only loses
// entries of deleted or renamed files. Nothing is written when nothing changed. After
// [File.StartSave], Save waits for that save and returns its result.
func (f *File) Save() error {
	f.StartSave()
	<-f.saved
	return f.saveErr
}

// StartSave begins saving in the background, once every file has been looked up (the
// cross-file rules, which need no cache, run meanwhile). No Get, Unchanged or Put may
// follow it.
func (f *File) StartSave() {
	f.saveOnce.Do(func() {
		go func() {
			f.saveErr = f.save()
			close(f.saved)
		}()
	})
}

func (f *File) save() error {
	<-f.loaded
	if f.readOnly {
		return nil // Warnings says why
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for k, e := range f.old {
		if _, used := f.next[k]; used {
			continue
		}
		if _, err := os.Stat(k); err == nil {
			f.next[k] = e
		} else {
			f.changed = true
		}
	}
	if !f.changed {
		return nil
	}
	names := make([]string, 0, len(f.next))
	size := 0
	for k, e := range f.next {
		names = append(names, k)
		size += len(k) + len(e.raw) + 8
	}
	slices.Sort(names) // the same cache gives the same bytes
	w := &writer{B: make([]byte, 0, size+1024)}
	w.B = append(w.B, magic...)
	w.Str(format)
	w.Str(f.key)
	w.Uint(uint64(len(names)))
	var tmp writer
	for _, k := range names {
		e := f.next[k]
		raw := e.raw
		if raw == nil {
			tmp.B = tmp.B[:0]
			encodeEntry(&tmp, e)
			raw = tmp.B
		}
		w.Str(k)
		w.Uint(uint64(len(raw)))
		w.B = append(w.B, raw...)
	}
	w.B = append(w.B, sign(f.secret, w.B)...)
	// A cache is rebuilt when it is lost or unreadable: it is replaced atomically, but
	// not synced to the disk, which would cost more than the rest of a warm run.
	return atomicfile.WriteUnsynced(f.path, w.B, 0o600)
}

func sign(secret, body []byte) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return m.Sum(nil)
}

// Used returns the entry this run used for the file shown as display (after the run's
// lookups), or nil: render --cache learns from it which files changed.
func (f *File) Used(display string) *Entry {
	<-f.loaded
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.next[display]
}
