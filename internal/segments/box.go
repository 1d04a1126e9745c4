// Package segments is the stage II analysis of the method (сегментация): for each life
// situation and client status it compares the profiles' boxes and finds the pairs that
// overlap (one person can belong to both), the duplicates (the same segment described
// twice) and the declared values that no profile singles out (candidates for a blind zone,
// «слепая зона»).
//
// # Boxes
//
// A profile's box has one dimension per enum or range attribute declared for its status
// (a [Frame]): the set of declared values, catalogue entries or buckets the profile allows.
// A listed value counts under its declared spelling (a catalogue entry under its canonical
// name, so «ООО» and «Общество с ограниченной ответственностью» are one value); a number or
// a sub-range counts as every bucket it meets; an attribute the profile does not set allows
// every value. Text attributes, and range attributes without buckets, have no declared
// values to compare and are left out.
//
// Sets are bitsets over the dimension's values, so comparing two boxes costs a few word
// operations per attribute.
package segments

import (
	"math/bits"
	"strconv"
	"strings"
	"sync"

	"github.com/profiler-cx/profiler/internal/catalog"
	"github.com/profiler-cx/profiler/internal/model"
)

// Dim is one dimension of a frame: an enum or range attribute and its values.
type Dim struct {
	Attr   *model.Attribute
	Values []string // declared spellings, in declared (or catalogue) order
	// Legacy marks catalogue entries that no longer exist (ОАО, ЗАО): a profile may still
	// name them, but they are not reported as values no profile singles out.
	Legacy  []bool
	cat     *catSpace // a catalogue attribute's shared entries
	buckets []Bucket
	memo    map[string]Set // value text → its set; not safe for concurrent use
	all     Set            // every value
}

// Frame is the value space of one life situation's status: its comparable attributes in
// declared order.
type Frame struct {
	LS     *model.LifeSituation
	Status model.Status
	Dims   []*Dim
	byID   map[string]int
	words  int // the words of every dimension's set together: one allocation per box
}

// NewFrame returns the frame of status st in ls. A frame is not safe for concurrent use
// (it remembers the sets of the values it has mapped).
func NewFrame(ls *model.LifeSituation, st model.Status) *Frame {
	f := &Frame{LS: ls, Status: st, byID: map[string]int{}}
	for i := range ls.Attributes {
		a := &ls.Attributes[i]
		if !a.HasStatus(st) || a.ID == "" {
			continue
		}
		if _, dup := f.byID[a.ID]; dup {
			continue // duplicate-id is reported; the first declaration counts, as in validate
		}
		d := newDim(a)
		if d == nil {
			continue
		}
		f.byID[a.ID] = len(f.Dims)
		f.Dims = append(f.Dims, d)
		f.words += len(d.all)
	}
	return f
}

func newDim(a *model.Attribute) *Dim {
	d := &Dim{Attr: a, memo: map[string]Set{}}
	switch a.Type {
	case model.AttrEnum:
		if a.Catalog != "" {
			cs, ok := catalogSpace(a.Catalog)
			if !ok {
				return nil
			}
			d.cat, d.Values, d.Legacy = cs, cs.values, cs.legacy
		} else {
			d.Values = a.Values
			d.Legacy = make([]bool, len(a.Values))
		}
	case model.AttrRange:
		for _, v := range a.Values {
			b, ok := ParseBucket(v)
			if !ok || b.Lo > b.Hi {
				continue // reported by the schema or range-bucket
			}
			d.buckets = append(d.buckets, b)
			d.Values = append(d.Values, v)
		}
		d.Legacy = make([]bool, len(d.Values))
	}
	if len(d.Values) == 0 {
		return nil
	}
	d.all = newSet(len(d.Values))
	for i := range d.Values {
		d.all.add(i)
	}
	return d
}

// catSpace is what every dimension over one catalogue shares; built once per catalogue,
// since every life situation's frames would otherwise index the same 89 regions again.
type catSpace struct {
	cat    *catalog.Catalog
	entry  map[*catalog.Entry]int
	values []string
	legacy []bool
	match  sync.Map // value text → entry index, or -1: shared by every frame, goroutine-safe
}

// index returns the entry a value names, or -1.
func (cs *catSpace) index(text string) int {
	if i, ok := cs.match.Load(text); ok {
		return i.(int)
	}
	i := -1
	if e, ok := cs.cat.Match(text); ok {
		i = cs.entry[e]
	}
	cs.match.Store(text, i)
	return i
}

var (
	catMu     sync.Mutex
	catSpaces = map[string]*catSpace{}
)

func catalogSpace(id string) (*catSpace, bool) {
	catMu.Lock()
	defer catMu.Unlock()
	if cs, ok := catSpaces[id]; ok {
		return cs, true
	}
	c, ok := catalog.Get(id)
	if !ok {
		return nil, false
	}
	cs := &catSpace{cat: c, entry: map[*catalog.Entry]int{}}
	for i := range c.Entries {
		e := &c.Entries[i]
		cs.entry[e] = i
		cs.values = append(cs.values, e.Name)
		cs.legacy = append(cs.legacy, e.Legacy != nil)
	}
	catSpaces[id] = cs
	return cs, true
}

// Set is a set of a dimension's values (a bitset over Dim.Values).
type Set []uint64

func newSet(n int) Set { return make(Set, (n+63)/64) }

func (s Set) add(i int)      { s[i/64] |= 1 << (i % 64) }
func (s Set) has(i int) bool { return s[i/64]&(1<<(i%64)) != 0 }
func (s Set) union(o Set) {
	for i := range s {
		s[i] |= o[i]
	}
}
func (s Set) empty() bool { return s.count() == 0 }
func (s Set) meets(o Set) bool {
	for i := range s {
		if s[i]&o[i] != 0 {
			return true
		}
	}
	return false
}
func (s Set) equal(o Set) bool {
	for i := range s {
		if s[i] != o[i] {
			return false
		}
	}
	return true
}
func (s Set) count() int {
	n := 0
	for _, w := range s {
		n += bits.OnesCount64(w)
	}
	return n
}

// Names returns the values of s in declared order.
func (d *Dim) Names(s Set) []string {
	out := []string{}
	for i, v := range d.Values {
		if s.has(i) {
			out = append(out, v)
		}
	}
	return out
}

// Box is a profile's box in a frame.
type Box struct {
	// Sets has one entry per dimension of the frame: the values the profile lists,
	// or nil when it does not set the attribute (every value).
	Sets []Set
	// Unmapped is true when some value of the profile matches no declared value,
	// entry or bucket (validate reports it as an error): the box is then not exact.
	Unmapped bool
}

// Box maps a profile's attribute values into the frame. Attributes the frame does not
// have (text, undeclared, for another status) are ignored.
func (f *Frame) Box(attrs []model.AttrValue) Box {
	b := Box{Sets: make([]Set, len(f.Dims))}
	var words []uint64 // the sets' words, allocated at the first comparable attribute
	for _, av := range attrs {
		k, ok := f.byID[av.Key]
		if !ok || b.Sets[k] != nil {
			continue // not comparable, or a duplicate key (an error; the first counts)
		}
		d := f.Dims[k]
		if words == nil {
			words = make([]uint64, f.words)
		}
		n := len(d.all)
		s := Set(words[:n:n])
		words = words[n:]
		for _, v := range av.Values {
			m, ok := d.match(v.Text)
			if !ok {
				b.Unmapped = true
				continue
			}
			s.union(m)
		}
		b.Sets[k] = s
	}
	return b
}

// match returns the values one written value stands for.
func (d *Dim) match(text string) (Set, bool) {
	if s, ok := d.memo[text]; ok {
		return s, s != nil
	}
	s := d.lookup(text)
	d.memo[text] = s
	return s, s != nil
}

func (d *Dim) lookup(text string) Set {
	switch {
	case d.cat != nil:
		i := d.cat.index(text)
		if i < 0 {
			return nil
		}
		s := newSet(len(d.Values))
		s.add(i)
		return s
	case d.buckets != nil:
		lo, hi, ok := parseValue(text)
		if !ok {
			return nil
		}
		s := newSet(len(d.Values))
		for i, b := range d.buckets {
			if b.Lo <= hi && lo <= b.Hi {
				s.add(i)
			}
		}
		if s.empty() {
			return nil
		}
		return s
	default:
		// As validate: the exact spelling, else one equal after normalising (a warning).
		i := indexOf(d.Values, text)
		if i < 0 {
			n := catalog.Normalize(text)
			for j, v := range d.Values {
				if catalog.Normalize(v) == n {
					i = j
					break
				}
			}
		}
		if i < 0 {
			return nil
		}
		s := newSet(len(d.Values))
		s.add(i)
		return s
	}
}

func indexOf(xs []string, x string) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

// Bucket is a declared range value: "18-25", or the open-ended "51+".
type Bucket struct {
	Lo, Hi float64
	Text   string
}

// Contains reports whether the range lo..hi lies inside the bucket.
func (b Bucket) Contains(lo, hi float64) bool { return b.Lo <= lo && hi <= b.Hi }

// ParseNumber reads a number as profiles write it: 20, 20.5 or 20,5.
func ParseNumber(s string) (float64, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", ".")
	if s == "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// ParseBucket reads "A-B" or "A+". It also serves profile values, where "22-25" is a
// sub-range.
func ParseBucket(s string) (Bucket, bool) {
	t := strings.TrimSpace(s)
	if strings.HasSuffix(t, "+") {
		lo, ok := ParseNumber(strings.TrimSuffix(t, "+"))
		return Bucket{Lo: lo, Hi: 1e308, Text: s}, ok
	}
	a, b, found := strings.Cut(t, "-")
	if !found || a == "" {
		return Bucket{}, false
	}
	lo, ok1 := ParseNumber(a)
	hi, ok2 := ParseNumber(b)
	return Bucket{Lo: lo, Hi: hi, Text: s}, ok1 && ok2
}

// parseValue reads a profile's range value: a number, a sub-range or an open range.
func parseValue(s string) (lo, hi float64, ok bool) {
	if n, ok := ParseNumber(s); ok {
		return n, n, true
	}
	b, ok := ParseBucket(s)
	if !ok || b.Lo > b.Hi {
		return 0, 0, false
	}
	return b.Lo, b.Hi, true
}
