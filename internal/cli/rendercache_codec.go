package cli

import (
	"encoding/binary"
	"errors"
	"unsafe"

	"github.com/profiler-cx/profiler/internal/model"
)

// The manifest's encoding: length-prefixed strings and varints, read and written in one
// pass (a warm render --cache reads and writes the whole manifest; gob took several times
// as long at 10,000 files).

func (m *renderManifest) encode() []byte {
	size := 64 + len(m.Key) // exact but for the varints' bytes: a manifest is megabytes
	for _, f := range m.Files {
		size += len(f.Path) + len(f.Sum) + len(f.Kind) + len(f.LS) + len(f.ID) + len(f.Title) + len(f.Status) + len(f.Stage) + 7*binary.MaxVarintLen16
	}
	for _, p := range m.Pages {
		size += len(p.Path) + binary.MaxVarintLen16 + 2*binary.MaxVarintLen64
	}
	b := make([]byte, 0, size)
	str := func(s string) { b = binary.AppendUvarint(b, uint64(len(s))); b = append(b, s...) }
	b = binary.AppendUvarint(b, uint64(len(m.Key)))
	b = append(b, m.Key...)
	b = binary.AppendUvarint(b, uint64(len(m.Files)))
	for _, f := range m.Files {
		str(f.Path)
		b = append(b, f.Sum[:]...)
		str(string(f.Kind))
		str(f.LS)
		str(f.ID)
		str(f.Title)
		str(string(f.Status))
		str(string(f.Stage))
	}
	b = binary.AppendUvarint(b, uint64(len(m.Pages)))
	for _, p := range m.Pages {
		str(p.Path)
		b = binary.AppendVarint(b, p.Size)
		b = binary.AppendVarint(b, p.Mtime)
	}
	return b
}

var errManifest = errors.New("corrupt render manifest")

type manifestReader struct {
	b   []byte
	err error
}

func (r *manifestReader) uint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err, r.b = errManifest, nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *manifestReader) int() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.err, r.b = errManifest, nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *manifestReader) bytes(n uint64) []byte {
	if uint64(len(r.b)) < n {
		r.err, r.b = errManifest, nil
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

// str shares the manifest's bytes, as the validate cache's reader does (they are never
// written after the read): a warm run decodes every file's and page's record.
func (r *manifestReader) str() string {
	b := r.bytes(r.uint())
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// count reads a number of records, each at least min bytes long.
func (r *manifestReader) count(min int) int {
	n := r.uint()
	if n > uint64(len(r.b)/min) {
		r.err, r.b = errManifest, nil
		return 0
	}
	return int(n)
}

// decodeManifest returns the manifest in blob when it is whole and for key, else nil.
func decodeManifest(blob []byte, key string) *renderManifest {
	if blob == nil {
		return nil
	}
	r := &manifestReader{b: blob}
	if r.str() != key || r.err != nil {
		return nil
	}
	m := &renderManifest{Key: key}
	m.Files = make([]srcFile, r.count(39))
	for i := range m.Files {
		f := &m.Files[i]
		f.Path = r.str()
		copy(f.Sum[:], r.bytes(32))
		f.Kind = model.Kind(r.str())
		f.LS, f.ID, f.Title = r.str(), r.str(), r.str()
		f.Status, f.Stage = model.Status(r.str()), model.Stage(r.str())
	}
	m.Pages = make([]pageStamp, r.count(3))
	for i := range m.Pages {
		m.Pages[i] = pageStamp{Path: r.str(), Size: r.int(), Mtime: r.int()}
	}
	if r.err != nil || len(r.b) != 0 {
		return nil
	}
	return m
}
