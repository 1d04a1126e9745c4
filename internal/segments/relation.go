package segments

import "encoding/binary"

// eff is the effective set of dimension k: what the box lists, or every value.
func (f *Frame) eff(b Box, k int) Set {
	if s := b.Sets[k]; s != nil {
		return s
	}
	return f.Dims[k].all
}

// Overlap reports whether one person can belong to both boxes: their sets meet on every
// dimension.
func (f *Frame) Overlap(a, b Box) bool {
	for k := range f.Dims {
		sa, sb := a.Sets[k], b.Sets[k]
		switch {
		case sa == nil && sb == nil:
		case sa == nil:
			if sb.empty() {
				return false
			}
		case sb == nil:
			if sa.empty() {
				return false
			}
		case !sa.meets(sb):
			return false
		}
	}
	return true
}

// Equal reports whether the boxes allow the same values on every dimension (a profile
// that lists every value of an attribute equals one that leaves it unset).
func (f *Frame) Equal(a, b Box) bool {
	for k := range f.Dims {
		if a.Sets[k] == nil && b.Sets[k] == nil {
			continue
		}
		if !f.eff(a, k).equal(f.eff(b, k)) {
			return false
		}
	}
	return true
}

// Key is a string equal for two boxes exactly when [Frame.Equal] holds: duplicates are
// found by grouping on it, in linear time.
func (f *Frame) Key(b Box) string {
	var buf []byte
	for k := range f.Dims {
		for _, w := range f.eff(b, k) {
			buf = binary.LittleEndian.AppendUint64(buf, w)
		}
	}
	return string(buf)
}

// Values are some values of one attribute.
type Values struct {
	Attribute string   // attribute id
	Title     string   // attribute title
	Values    []string // declared spellings, in declared order
}

// Shared returns, for each dimension that a or b sets, the values both allow, in the
// frame's order.
func (f *Frame) Shared(a, b Box) []Values {
	out := []Values{}
	for k, d := range f.Dims {
		if a.Sets[k] == nil && b.Sets[k] == nil {
			continue
		}
		s := newSet(len(d.Values))
		copy(s, f.eff(a, k))
		sb := f.eff(b, k)
		for i := range s {
			s[i] &= sb[i]
		}
		out = append(out, Values{Attribute: d.Attr.ID, Title: d.Attr.Title, Values: d.Names(s)})
	}
	return out
}
