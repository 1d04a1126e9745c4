package cli

import (
	"encoding/binary"

	"github.com/profiler-cx/profiler/internal/bincodec"
	"github.com/profiler-cx/profiler/internal/model"
)

// The manifest's encoding (bincodec's layout), read and written in one pass: a warm
// render --cache reads and writes the whole manifest.

func (m *renderManifest) encode() []byte {
	size := 64 + len(m.Key) // exact but for the varints' bytes: a manifest is megabytes
	for _, f := range m.Files {
		size += len(f.Path) + len(f.Sum) + len(f.Kind) + len(f.LS) + len(f.ID) + len(f.Title) + len(f.Status) + len(f.Stage) + 7*binary.MaxVarintLen16
	}
	for _, p := range m.Pages {
		size += len(p.Path) + binary.MaxVarintLen16 + 2*binary.MaxVarintLen64
	}
	w := &bincodec.Writer{B: make([]byte, 0, size)}
	w.Str(m.Key)
	w.Uint(uint64(len(m.Files)))
	for _, f := range m.Files {
		w.Str(f.Path)
		w.B = append(w.B, f.Sum[:]...)
		w.Str(string(f.Kind))
		w.Str(f.LS)
		w.Str(f.ID)
		w.Str(f.Title)
		w.Str(string(f.Status))
		w.Str(string(f.Stage))
	}
	w.Uint(uint64(len(m.Pages)))
	for _, p := range m.Pages {
		w.Str(p.Path)
		w.Int(p.Size)
		w.Int(p.Mtime)
	}
	return w.B
}

// decodeManifest returns the manifest in blob when it is whole and for key, else nil.
func decodeManifest(blob []byte, key string) *renderManifest {
	if blob == nil {
		return nil
	}
	r := &bincodec.Reader{B: blob}
	if r.Str() != key || r.Err != nil {
		return nil
	}
	m := &renderManifest{Key: key}
	m.Files = make([]srcFile, r.Count(39))
	for i := range m.Files {
		f := &m.Files[i]
		f.Path = r.Str()
		copy(f.Sum[:], r.Bytes(len(f.Sum)))
		f.Kind = model.Kind(r.Str())
		f.LS, f.ID, f.Title = r.Str(), r.Str(), r.Str()
		f.Status, f.Stage = model.Status(r.Str()), model.Stage(r.Str())
	}
	m.Pages = make([]pageStamp, r.Count(3))
	for i := range m.Pages {
		m.Pages[i] = pageStamp{Path: r.Str(), Size: r.Int(), Mtime: r.Int()}
	}
	if r.Err != nil || len(r.B) != 0 {
		return nil
	}
	return m
}
