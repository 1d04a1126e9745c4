package render

import (
	"cmp"
	"slices"

	"github.com/profiler-cx/profiler/internal/model"
)

// Ranked is a profile with its place in the research order of its life situation.
type Ranked struct {
	Profile *model.Profile
	Main    bool    // both capacity and satisfaction are set
	Share   float64 // capacity / the largest capacity in the life situation (0 when unknown)
	Satis   float64 // satisfaction's place on its scale, 0 at its start, 1 at its end (0 when unknown)
	Score   float64 // Share × (1 − Satis); 0 unless Main
	Flags   int     // additional parameters set to true
}

// Rank orders the profiles of one life situation for research (the rule is also printed
// on every overview, label "rankingRule"): profiles with both main parameters first, by
// descending score = capacity share × (1 − satisfaction's place on its scale); then by the number of
// additional flags set true (uniqueProblems, blindZone, customerFocus), descending; then
// by title and id. Profiles without both main parameters follow, ordered by flags, title, id.
func Rank(ps []*model.Profile) []Ranked {
	maxCap := 0.0
	for _, p := range ps {
		if c := p.Priority.Capacity; c.Set && c.Number > maxCap {
			maxCap = c.Number
		}
	}
	out := make([]Ranked, 0, len(ps))
	for _, p := range ps {
		pr := p.Priority
		r := Ranked{Profile: p, Main: pr.Capacity.Set && pr.Satisfaction.Set}
		if pr.Capacity.Set && maxCap > 0 {
			r.Share = pr.Capacity.Number / maxCap
		}
		if pr.Satisfaction.Set {
			from, to := scaleRange(pr.Satisfaction)
			r.Satis = min(max((pr.Satisfaction.Number-from)/(to-from), 0), 1)
		}
		if r.Main {
			r.Score = r.Share * (1 - r.Satis)
		}
		for _, f := range []model.Param{pr.UniqueProblems, pr.BlindZone, pr.CustomerFocus} {
			if f.Set && f.Bool {
				r.Flags++
			}
		}
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(a, b Ranked) int {
		if a.Main != b.Main {
			if a.Main {
				return -1
			}
			return 1
		}
		return cmp.Or(
			cmp.Compare(round4(b.Score), round4(a.Score)),
			cmp.Compare(b.Flags, a.Flags),
			cmp.Compare(a.Profile.Title, b.Profile.Title),
			cmp.Compare(a.Profile.ID, b.Profile.ID),
		)
	})
	return out
}

// round4 compares scores as printed-ish, so that float noise does not decide ties.
func round4(f float64) float64 {
	return float64(int64(f*10000+0.5)) / 10000
}
