package cache

import (
	"encoding/binary"
	"errors"
	"unsafe"

	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/rules"
)

// A hand-written binary codec: gob spent more time reflecting than a warm run spends on
// everything else. Layout: uvarint lengths and counts, strings as length + bytes. Each
// entry is self-contained, so Save copies the bytes of unchanged entries as they were read.

var errCorrupt = errors.New("cache: corrupt entry")

type writer struct{ b []byte }

func (w *writer) uint(n uint64) { w.b = binary.AppendUvarint(w.b, n) }
func (w *writer) int(n int)     { w.b = binary.AppendVarint(w.b, int64(n)) }
func (w *writer) str(s string)  { w.uint(uint64(len(s))); w.b = append(w.b, s...) }
func (w *writer) bool(v bool) {
	if v {
		w.b = append(w.b, 1)
	} else {
		w.b = append(w.b, 0)
	}
}
func (w *writer) strs(s []string) {
	w.uint(uint64(len(s)))
	for _, x := range s {
		w.str(x)
	}
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) uint() uint64 {
	n, k := binary.Uvarint(r.b)
	if k <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[k:]
	return n
}

func (r *reader) int() int {
	n, k := binary.Varint(r.b)
	if k <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[k:]
	return int(n)
}

// count reads a length and rejects one that cannot fit in what is left (each element
// takes at least one byte), so a corrupt file cannot make us allocate without bound.
func (r *reader) count() int {
	n := r.uint()
	if n > uint64(len(r.b)) {
		r.fail()
		return 0
	}
	return int(n)
}

// str returns the string that shares the cache file's bytes rather than copying them:
// a warm run decodes every entry, and copying their strings was most of what it
// allocated, each fresh page a fault in a new process. The file's bytes are never
// written after the read (Save copies unchanged entries from them as they are).
func (r *reader) str() string {
	n := r.count()
	if r.err != nil || n == 0 {
		return ""
	}
	s := unsafe.String(&r.b[0], n)
	r.b = r.b[n:]
	return s
}

func (r *reader) bool() bool {
	if len(r.b) == 0 {
		r.fail()
		return false
	}
	v := r.b[0] == 1
	r.b = r.b[1:]
	return v
}

func (r *reader) strs() []string {
	n := r.count()
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.str()
	}
	return out
}

func (r *reader) fail() {
	if r.err == nil {
		r.err = errCorrupt
	}
	r.b = nil
}

func statuses(s []model.Status) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = string(x)
	}
	return out
}

func toStatuses(s []string) []model.Status {
	if s == nil {
		return nil
	}
	out := make([]model.Status, len(s))
	for i, x := range s {
		out[i] = model.Status(x)
	}
	return out
}

func encodeEntry(w *writer, e *Entry) {
	w.int(int(e.Meta.Size))
	w.int(int(e.Meta.Mtime))
	w.int(int(e.Meta.Ctime))
	w.uint(e.Meta.Ino)
	w.uint(e.Meta.Dev)
	w.int(int(e.Checked))
	w.b = append(w.b, e.Sum[:]...)
	w.str(e.Kind)
	w.bool(e.LS != nil)
	if ls := e.LS; ls != nil {
		w.str(ls.Path)
		w.str(ls.ID)
		w.strs(statuses(ls.Statuses))
		w.uint(uint64(len(ls.Attributes)))
		for _, a := range ls.Attributes {
			w.str(a.ID)
			w.str(a.Title)
			w.strs(statuses(a.Statuses))
			w.str(string(a.Type))
			w.strs(a.Values)
			w.str(a.Catalog)
			w.str(a.Ptr)
		}
	}
	w.bool(e.Facts != nil)
	if p := e.Facts; p != nil {
		w.str(p.ID)
		w.str(p.LifeSituation)
		w.str(string(p.Status))
		w.uint(uint64(len(p.Attributes)))
		for _, av := range p.Attributes {
			w.str(av.Key)
			w.bool(av.List)
			w.str(av.Ptr)
			w.uint(uint64(len(av.Values)))
			for _, v := range av.Values {
				w.str(v.Text)
				w.bool(v.Number)
				w.str(v.Canonical)
				w.str(v.Ptr)
			}
		}
	}
	w.uint(uint64(len(e.Findings)))
	for _, f := range e.Findings {
		w.str(f.File)
		w.int(f.Line)
		w.int(f.Column)
		w.int(int(f.Severity))
		w.str(f.Rule)
		w.str(f.Message.RU)
		w.str(f.Message.EN)
	}
	if e.posRaw != nil {
		w.b = append(w.b, e.posRaw...)
		return
	}
	w.uint(uint64(len(e.Pos)))
	for _, p := range e.Pos {
		w.str(p.Ptr)
		w.int(int(p.Line))
		w.int(int(p.Col))
		w.bool(p.Key)
		w.bool(p.Reported)
	}
}

// lazyPos answers positions from the encoded table (pointer, line, column, key) by
// scanning it.
type lazyPos []byte

// find returns the entry of ptr (of its key when key is set); anyKey ignores key.
func (l lazyPos) find(ptr string, key, anyKey bool) (line, col int, reported, ok bool) {
	r := &reader{b: l}
	n := r.count()
	for range n {
		k := r.str()
		a, b := r.int(), r.int()
		isKey, rep := r.bool(), r.bool()
		if r.err != nil {
			return 0, 0, false, false
		}
		if (anyKey || isKey == key) && k == ptr {
			return a, b, rep, true
		}
	}
	return 0, 0, false, false
}

func (l lazyPos) Pos(ptr string) (line, col int) {
	line, col, _, _ = l.find(ptr, false, false)
	return line, col
}

func (l lazyPos) KeyPos(ptr string) (line, col int) {
	line, col, _, _ = l.find(ptr, true, false)
	return line, col
}

func (l lazyPos) Reported(ptr string) bool {
	_, _, rep, _ := l.find(ptr, false, true)
	return rep
}

// skipPos checks the table and returns its bytes.
func skipPos(r *reader) []byte {
	start := r.b
	n := r.count()
	for range n {
		_ = r.str()
		_, _ = r.int(), r.int()
		_, _ = r.bool(), r.bool()
	}
	if r.err != nil {
		return nil
	}
	return start[:len(start)-len(r.b)]
}

func decodeEntry(r *reader) *Entry {
	e := &Entry{}
	e.Meta = Meta{Size: int64(r.int()), Mtime: int64(r.int()), Ctime: int64(r.int()), Ino: r.uint(), Dev: r.uint()}
	e.Checked = int64(r.int())
	if len(r.b) < len(e.Sum) {
		r.fail()
		return nil
	}
	copy(e.Sum[:], r.b)
	r.b = r.b[len(e.Sum):]
	e.Kind = r.str()
	if r.bool() {
		ls := &model.LifeSituation{Path: r.str(), ID: r.str(), Statuses: toStatuses(r.strs())}
		n := r.count()
		if n > 0 {
			ls.Attributes = make([]model.Attribute, n)
		}
		for i := range n {
			ls.Attributes[i] = model.Attribute{ID: r.str(), Title: r.str(), Statuses: toStatuses(r.strs()),
				Type: model.AttrType(r.str()), Values: r.strs(), Catalog: r.str(), Ptr: r.str()}
		}
		e.LS = ls
	}
	if r.bool() {
		p := &rules.ProfileFacts{ID: r.str(), LifeSituation: r.str(), Status: model.Status(r.str())}
		n := r.count()
		if n > 0 {
			p.Attributes = make([]model.AttrValue, n)
		}
		for i := range n {
			av := model.AttrValue{Key: r.str(), List: r.bool(), Ptr: r.str()}
			m := r.count()
			if m > 0 {
				av.Values = make([]model.Scalar, m)
			}
			for j := range m {
				av.Values[j] = model.Scalar{Text: r.str(), Number: r.bool(), Canonical: r.str(), Ptr: r.str()}
			}
			p.Attributes[i] = av
		}
		e.Facts = p
	}
	n := r.count()
	if n > 0 {
		e.Findings = make([]finding.Finding, n)
	}
	for i := range n {
		e.Findings[i] = finding.Finding{File: r.str(), Line: r.int(), Column: r.int(), Severity: finding.Severity(r.int()),
			Rule: r.str(), Message: i18n.Text{RU: r.str(), EN: r.str()}}
	}
	e.posRaw = skipPos(r)
	if r.err != nil {
		return nil
	}
	return e
}
