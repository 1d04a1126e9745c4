// Package bincodec is the byte layout of profiler's cache files (the validate cache and
// the render manifest): uvarint counts and lengths, varint numbers, strings as a length
// and their bytes, booleans as one byte. Hand-written rather than gob: a warm run reads
// and writes every record, and gob spent more time reflecting than such a run spends on
// everything else.
package bincodec

import (
	"encoding/binary"
	"errors"
	"unsafe"
)

// ErrCorrupt is what a Reader reports once any read ran past its bytes or met a bad
// number.
var ErrCorrupt = errors.New("corrupt cache record")

// Writer appends records to B.
type Writer struct{ B []byte }

func (w *Writer) Uint(n uint64) { w.B = binary.AppendUvarint(w.B, n) }
func (w *Writer) Int(n int64)   { w.B = binary.AppendVarint(w.B, n) }
func (w *Writer) Str(s string)  { w.Uint(uint64(len(s))); w.B = append(w.B, s...) }

func (w *Writer) Bool(v bool) {
	if v {
		w.B = append(w.B, 1)
	} else {
		w.B = append(w.B, 0)
	}
}

func (w *Writer) Strs(s []string) {
	w.Uint(uint64(len(s)))
	for _, x := range s {
		w.Str(x)
	}
}

// Reader reads records from B. After the first failure Err is ErrCorrupt, B is empty
// and every read returns a zero value, so a decoder checks Err once at its end.
type Reader struct {
	B   []byte
	Err error
}

func (r *Reader) Uint() uint64 {
	n, k := binary.Uvarint(r.B)
	if k <= 0 {
		r.Fail()
		return 0
	}
	r.B = r.B[k:]
	return n
}

func (r *Reader) Int() int64 {
	n, k := binary.Varint(r.B)
	if k <= 0 {
		r.Fail()
		return 0
	}
	r.B = r.B[k:]
	return n
}

// Count reads a number of items, each at least min bytes long, and rejects one that
// cannot fit in what is left, so a corrupt file cannot make a decoder allocate without
// bound.
func (r *Reader) Count(min int) int {
	n := r.Uint()
	if n > uint64(len(r.B)/min) {
		r.Fail()
		return 0
	}
	return int(n)
}

// Bytes returns the next n bytes (sharing B).
func (r *Reader) Bytes(n int) []byte {
	if n < 0 || len(r.B) < n {
		r.Fail()
		return nil
	}
	out := r.B[:n:n]
	r.B = r.B[n:]
	return out
}

// Str returns a string that shares B's bytes rather than copying them: a warm run
// decodes every record, and copying their strings was most of what it allocated, each
// fresh page a fault in a new process. The caller must never write the bytes it read
// (the cache files' buffers are written by no one after the read).
func (r *Reader) Str() string {
	b := r.Bytes(r.Count(1))
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

func (r *Reader) Bool() bool {
	b := r.Bytes(1)
	return len(b) == 1 && b[0] == 1
}

func (r *Reader) Strs() []string {
	n := r.Count(1)
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.Str()
	}
	return out
}

// Fail marks the record corrupt.
func (r *Reader) Fail() {
	if r.Err == nil {
		r.Err = ErrCorrupt
	}
	r.B = nil
}
