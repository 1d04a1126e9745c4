package segments

import (
	"cmp"
	"slices"

	"github.com/profiler-cx/profiler/internal/model"
)

// Profile is one profile of an analysed status.
type Profile struct {
	ID, Title, Path string
	Box             Box
}

// Pair is two overlapping profiles (A < B by id); [Status.Shared] gives what they share.
type Pair struct {
	A, B string
	i, j int // indices in Status.Profiles
}

// Gap is an attribute with the declared values no profile of the status lists.
type Gap struct {
	Values
	Total  int      // how many current values the attribute declares
	Listed []string // the values some profile lists, in declared order
}

// Status is the analysis of one client status of a life situation.
type Status struct {
	Status   model.Status
	Frame    *Frame
	Profiles []Profile // sorted by id
	// Overlaps and Duplicates list the pairs (sorted by A, then B) when the analysis was
	// asked for pairs; the counts are always there.
	Overlaps       []Pair
	Duplicates     [][2]string
	OverlapCount   int
	DuplicateCount int
	NotSingledOut  []Gap // in declared attribute order
}

// Shared returns, for each attribute that either profile of p sets, the values both allow.
func (s *Status) Shared(p Pair) []Values {
	return s.Frame.Shared(s.Profiles[p.i].Box, s.Profiles[p.j].Box)
}

// Relation between two profiles of a status, by their index in Profiles.
type Relation int

// Relations, from none to the strongest.
const (
	Disjoint Relation = iota
	Overlapping
	Duplicate
)

// Relation returns how profiles i and j relate; a profile duplicates itself.
func (s *Status) Relation(i, j int) Relation {
	a, b := s.Profiles[i].Box, s.Profiles[j].Box
	if len(s.Frame.Dims) == 0 {
		return Disjoint // nothing to compare by
	}
	switch {
	case i == j || s.Frame.Equal(a, b):
		return Duplicate
	case s.Frame.Overlap(a, b):
		return Overlapping
	}
	return Disjoint
}

// LifeSituation is the analysis of one life situation.
type LifeSituation struct {
	LS       *model.LifeSituation
	Statuses []Status // in the method's order: citizen, business, internal
}

// Analyze analyses every life situation (sorted by id) with its profiles. Profiles whose
// life situation is not among lss, or whose status it does not list, are left out.
func Analyze(lss []*model.LifeSituation, ps []*model.Profile) []LifeSituation {
	byLS := map[string][]*model.Profile{}
	for _, p := range ps {
		byLS[p.LifeSituation] = append(byLS[p.LifeSituation], p)
	}
	sorted := slices.Clone(lss)
	slices.SortStableFunc(sorted, func(a, b *model.LifeSituation) int { return cmp.Compare(a.ID, b.ID) })
	out := make([]LifeSituation, 0, len(sorted))
	seen := map[string]bool{}
	for _, ls := range sorted {
		if seen[ls.ID] {
			continue // duplicate-id is an error; the first counts
		}
		seen[ls.ID] = true
		out = append(out, AnalyzeLS(ls, byLS[ls.ID], true))
	}
	return out
}

// AnalyzeLS analyses one life situation; ps are its profiles (others are skipped). With
// pairs false only the counts of overlapping and duplicate pairs are made, not the lists
// (which grow with the square of the profiles: the overview of a large status needs only
// the counts).
func AnalyzeLS(ls *model.LifeSituation, ps []*model.Profile, pairs bool) LifeSituation {
	r := LifeSituation{LS: ls}
	for _, st := range model.Statuses {
		if !ls.HasStatus(st) {
			continue
		}
		var mine []*model.Profile
		for _, p := range ps {
			if p.Status == st && p.LifeSituation == ls.ID {
				mine = append(mine, p)
			}
		}
		r.Statuses = append(r.Statuses, analyzeStatus(NewFrame(ls, st), mine, pairs))
	}
	return r
}

// analyzeStatus compares every pair of profiles: n(n-1)/2 comparisons of a few words per
// attribute, well under a millisecond at the hundred profiles a status holds in practice.
// Duplicates are grouped by key, in linear time.
func analyzeStatus(f *Frame, ps []*model.Profile, pairs bool) Status {
	s := Status{Status: f.Status, Frame: f, Overlaps: []Pair{}, Duplicates: [][2]string{}, NotSingledOut: []Gap{}}
	for _, p := range ps {
		s.Profiles = append(s.Profiles, Profile{ID: p.ID, Title: p.Title, Path: p.Path, Box: f.Box(p.Attributes)})
	}
	slices.SortStableFunc(s.Profiles, func(a, b Profile) int { return cmp.Compare(a.ID, b.ID) })
	if len(f.Dims) == 0 {
		return s // nothing to compare by: every profile would equal every other
	}
	byKey := map[string][]int{}
	for i, p := range s.Profiles {
		k := f.Key(p.Box)
		s.DuplicateCount += len(byKey[k])
		if pairs {
			for _, j := range byKey[k] {
				s.Duplicates = append(s.Duplicates, [2]string{s.Profiles[j].ID, p.ID})
			}
		}
		byKey[k] = append(byKey[k], i)
	}
	slices.SortFunc(s.Duplicates, func(a, b [2]string) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	for i := range s.Profiles {
		for j := i + 1; j < len(s.Profiles); j++ {
			if f.Overlap(s.Profiles[i].Box, s.Profiles[j].Box) {
				s.OverlapCount++
				if pairs {
					s.Overlaps = append(s.Overlaps, Pair{A: s.Profiles[i].ID, B: s.Profiles[j].ID, i: i, j: j})
				}
			}
		}
	}
	for k, d := range f.Dims {
		listed := newSet(len(d.Values))
		set := false
		for _, p := range s.Profiles {
			if ps := p.Box.Sets[k]; ps != nil {
				listed.union(ps)
				set = true
			}
		}
		if !set {
			continue
		}
		g := Gap{Values: Values{Attribute: d.Attr.ID, Title: d.Attr.Title, Values: []string{}}, Listed: []string{}}
		for i, v := range d.Values {
			if d.Legacy[i] {
				continue
			}
			g.Total++
			if listed.has(i) {
				g.Listed = append(g.Listed, v)
			} else {
				g.Values.Values = append(g.Values.Values, v)
			}
		}
		if len(g.Values.Values) > 0 {
			s.NotSingledOut = append(s.NotSingledOut, g)
		}
	}
	return s
}
