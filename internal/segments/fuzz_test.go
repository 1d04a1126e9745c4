package segments_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/segments"
	"github.com/profiler-cx/profiler/internal/workspace"
)

// spec writes attribute values one per line as key=value|value, the fuzz input form.
func spec(attrs []model.AttrValue) string {
	var lines []string
	for _, av := range attrs {
		var vs []string
		for _, v := range av.Values {
			vs = append(vs, v.Text)
		}
		lines = append(lines, av.Key+"="+strings.Join(vs, "|"))
	}
	return strings.Join(lines, "\n")
}

func parseSpec(s string) []model.AttrValue {
	var out []model.AttrValue
	for _, line := range strings.Split(s, "\n") {
		k, vs, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		out = append(out, av(k, strings.Split(vs, "|")...))
	}
	return out
}

// hasEmpty reports whether a dimension of b allows no value (every value it listed is
// unknown): such a box overlaps nothing, not even itself.
func hasEmpty(b segments.Box) bool {
	for _, s := range b.Sets {
		if s != nil && slices.Equal(s, make(segments.Set, len(s))) {
			return true
		}
	}
	return false
}

// FuzzRelation checks the relation's properties on the bundled examples' life situations
// with two fuzzed profiles (seeded with the examples' profiles): overlap and shared values
// are symmetric, a profile overlaps itself, duplicates (equal boxes, equal keys) overlap,
// and the analysis lists a copy of a profile as its duplicate.
func FuzzRelation(f *testing.F) {
	res := workspace.Check([]string{"../../examples"}, workspace.Options{Keep: workspace.KeepModels})
	lss, ps := res.LifeSituations(), res.Profiles()
	if len(lss) == 0 || len(ps) == 0 {
		f.Fatal("no examples")
	}
	for i, p := range ps {
		f.Add(spec(p.Attributes), spec(ps[(i+1)%len(ps)].Attributes))
	}
	f.Add("age=20\nregion=77", "age=19-21\nregion=г. Москва")
	f.Add("age=40+", "age=18-25|51+")
	f.Fuzz(func(t *testing.T, sa, sb string) {
		aa, ba := parseSpec(sa), parseSpec(sb)
		for _, ls := range lss {
			for _, st := range ls.Statuses {
				fr := segments.NewFrame(ls, st)
				a, b := fr.Box(aa), fr.Box(ba)
				if fr.Overlap(a, b) != fr.Overlap(b, a) {
					t.Fatalf("%s/%s: overlap not symmetric", ls.ID, st)
				}
				if !slices.EqualFunc(fr.Shared(a, b), fr.Shared(b, a), func(x, y segments.Values) bool {
					return x.Attribute == y.Attribute && slices.Equal(x.Values, y.Values)
				}) {
					t.Fatalf("%s/%s: shared values not symmetric", ls.ID, st)
				}
				if k1, k2 := fr.Key(a), fr.Key(a); !fr.Equal(a, a) || k1 != k2 {
					t.Fatalf("%s/%s: a box differs from itself", ls.ID, st)
				}
				if fr.Equal(a, b) != (fr.Key(a) == fr.Key(b)) {
					t.Fatalf("%s/%s: Equal and Key disagree", ls.ID, st)
				}
				if !hasEmpty(a) && !fr.Overlap(a, a) {
					t.Fatalf("%s/%s: a profile does not overlap itself", ls.ID, st)
				}
				if fr.Equal(a, b) && !hasEmpty(a) && !fr.Overlap(a, b) {
					t.Fatalf("%s/%s: duplicates do not overlap", ls.ID, st)
				}
				// The analysis: a copy of a is its duplicate, and every duplicate pair overlaps.
				p1 := &model.Profile{ID: "p1", LifeSituation: ls.ID, Status: st, Attributes: aa}
				p2 := &model.Profile{ID: "p2", LifeSituation: ls.ID, Status: st, Attributes: ba}
				p3 := &model.Profile{ID: "p3", LifeSituation: ls.ID, Status: st, Attributes: aa}
				an := segments.AnalyzeLS(ls, []*model.Profile{p3, p2, p1}, true)
				for _, s := range an.Statuses {
					if s.Status != st {
						continue
					}
					if len(fr.Dims) > 0 && !slices.Contains(s.Duplicates, [2]string{"p1", "p3"}) {
						t.Fatalf("%s/%s: a copy is not a duplicate: %v", ls.ID, st, s.Duplicates)
					}
					for _, d := range s.Duplicates {
						if d[0] >= d[1] {
							t.Fatalf("pair %v not ordered", d)
						}
						if !hasEmpty(a) && !hasEmpty(b) && !slices.ContainsFunc(s.Overlaps, func(p segments.Pair) bool { return p.A == d[0] && p.B == d[1] }) {
							t.Fatalf("%s/%s: duplicate %v is not among the overlaps", ls.ID, st, d)
						}
					}
				}
			}
		}
	})
}
