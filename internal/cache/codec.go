package cache

import (
	"github.com/profiler-cx/profiler/internal/bincodec"
	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/rules"
)

// The entries' layout is bincodec's. Each entry is self-contained, so Save copies the
// bytes of unchanged entries as they were read.

type (
	writer = bincodec.Writer
	reader = bincodec.Reader
)

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
	w.Int(e.Meta.Size)
	w.Int(e.Meta.Mtime)
	w.Int(e.Meta.Ctime)
	w.Uint(e.Meta.Ino)
	w.Uint(e.Meta.Dev)
	w.Int(e.Checked)
	w.B = append(w.B, e.Sum[:]...)
	w.Str(e.Kind)
	w.Bool(e.LS != nil)
	if ls := e.LS; ls != nil {
		w.Str(ls.Path)
		w.Str(ls.ID)
		w.Strs(statuses(ls.Statuses))
		w.Uint(uint64(len(ls.Attributes)))
		for _, a := range ls.Attributes {
			w.Str(a.ID)
			w.Str(a.Title)
			w.Strs(statuses(a.Statuses))
			w.Str(string(a.Type))
			w.Strs(a.Values)
			w.Str(a.Catalog)
			w.Str(a.Ptr)
		}
	}
	w.Bool(e.Facts != nil)
	if p := e.Facts; p != nil {
		w.Str(p.ID)
		w.Str(p.LifeSituation)
		w.Str(string(p.Status))
		w.Uint(uint64(len(p.Attributes)))
		for _, av := range p.Attributes {
			w.Str(av.Key)
			w.Bool(av.List)
			w.Str(av.Ptr)
			w.Uint(uint64(len(av.Values)))
			for _, v := range av.Values {
				w.Str(v.Text)
				w.Bool(v.Number)
				w.Str(v.Canonical)
				w.Str(v.Ptr)
			}
		}
	}
	w.Uint(uint64(len(e.Findings)))
	for _, f := range e.Findings {
		w.Str(f.File)
		w.Int(int64(f.Line))
		w.Int(int64(f.Column))
		w.Int(int64(f.Severity))
		w.Str(f.Rule)
		w.Str(f.Message.RU)
		w.Str(f.Message.EN)
	}
	if e.posRaw != nil {
		w.B = append(w.B, e.posRaw...)
		return
	}
	w.Uint(uint64(len(e.Pos)))
	for _, p := range e.Pos {
		w.Str(p.Ptr)
		w.Int(int64(p.Line))
		w.Int(int64(p.Col))
		w.Bool(p.Key)
		w.Bool(p.Reported)
	}
}

// lazyPos answers positions from the encoded table (pointer, line, column, key) by
// scanning it.
type lazyPos []byte

// find returns the entry of ptr (of its key when key is set); anyKey ignores key.
func (l lazyPos) find(ptr string, key, anyKey bool) (line, col int, reported, ok bool) {
	r := &reader{B: l}
	n := r.Count(1)
	for range n {
		k := r.Str()
		a, b := int(r.Int()), int(r.Int())
		isKey, rep := r.Bool(), r.Bool()
		if r.Err != nil {
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
	start := r.B
	n := r.Count(1)
	for range n {
		_ = r.Str()
		_, _ = r.Int(), r.Int()
		_, _ = r.Bool(), r.Bool()
	}
	if r.Err != nil {
		return nil
	}
	return start[:len(start)-len(r.B)]
}

func decodeEntry(r *reader) *Entry {
	e := &Entry{}
	e.Meta = Meta{Size: r.Int(), Mtime: r.Int(), Ctime: r.Int(), Ino: r.Uint(), Dev: r.Uint()}
	e.Checked = r.Int()
	copy(e.Sum[:], r.Bytes(len(e.Sum)))
	e.Kind = r.Str()
	if r.Bool() {
		ls := &model.LifeSituation{Path: r.Str(), ID: r.Str(), Statuses: toStatuses(r.Strs())}
		n := r.Count(1)
		if n > 0 {
			ls.Attributes = make([]model.Attribute, n)
		}
		for i := range n {
			ls.Attributes[i] = model.Attribute{ID: r.Str(), Title: r.Str(), Statuses: toStatuses(r.Strs()),
				Type: model.AttrType(r.Str()), Values: r.Strs(), Catalog: r.Str(), Ptr: r.Str()}
		}
		e.LS = ls
	}
	if r.Bool() {
		p := &rules.ProfileFacts{ID: r.Str(), LifeSituation: r.Str(), Status: model.Status(r.Str())}
		n := r.Count(1)
		if n > 0 {
			p.Attributes = make([]model.AttrValue, n)
		}
		for i := range n {
			av := model.AttrValue{Key: r.Str(), List: r.Bool(), Ptr: r.Str()}
			m := r.Count(1)
			if m > 0 {
				av.Values = make([]model.Scalar, m)
			}
			for j := range m {
				av.Values[j] = model.Scalar{Text: r.Str(), Number: r.Bool(), Canonical: r.Str(), Ptr: r.Str()}
			}
			p.Attributes[i] = av
		}
		e.Facts = p
	}
	n := r.Count(1)
	if n > 0 {
		e.Findings = make([]finding.Finding, n)
	}
	for i := range n {
		e.Findings[i] = finding.Finding{File: r.Str(), Line: int(r.Int()), Column: int(r.Int()), Severity: finding.Severity(r.Int()),
			Rule: r.Str(), Message: i18n.Text{RU: r.Str(), EN: r.Str()}}
	}
	e.posRaw = skipPos(r)
	if r.Err != nil {
		return nil
	}
	return e
}
