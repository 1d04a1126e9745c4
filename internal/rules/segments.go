package rules

import (
	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/segments"
)

// RuleSegmentDuplicate: two profiles of one life situation and status describe the same
// segment (package segments: their boxes are equal).
const RuleSegmentDuplicate = "segment-duplicate"

// segmentDuplicates warns on every profile whose box equals that of an earlier profile
// (path order) of the same life situation and status, naming the earliest. Boxes are
// grouped by key: one pass, linear in the number of profiles. Profiles with a value that
// maps to nothing (an error already) are left out: their box is not what the analyst meant.
func segmentDuplicates(byID map[string]LSRef, ps []ProfileRef, per [][]finding.Finding) {
	type group struct {
		ls string
		st model.Status
	}
	type seen struct {
		frame *segments.Frame
		first map[string]int // box key → index in ps of the first profile with it
	}
	groups := map[group]*seen{}
	for i, d := range ps {
		p := d.P
		lsd, ok := byID[p.LifeSituation]
		if !ok || !p.Status.Valid() || !lsd.LS.HasStatus(p.Status) {
			continue
		}
		g := groups[group{p.LifeSituation, p.Status}]
		if g == nil {
			g = &seen{frame: segments.NewFrame(lsd.LS, p.Status), first: map[string]int{}}
			groups[group{p.LifeSituation, p.Status}] = g
		}
		if len(g.frame.Dims) == 0 {
			continue // nothing to compare by: every profile would be a duplicate
		}
		box := g.frame.Box(p.Attributes)
		if box.Unmapped {
			continue
		}
		k := g.frame.Key(box)
		j, dup := g.first[k]
		if !dup {
			g.first[k] = i
			continue
		}
		prev := ps[j]
		line, _ := prev.At.Pos("/id")
		s := newSink(d.Path, d.At)
		s.out = per[i]
		s.at("/id", finding.Warning, RuleSegmentDuplicate, i18n.Msg(
			"профиль описывает тот же сегмент, что и %[1]s (%[2]s:%[3]d): значения всех признаков, по которым сравниваются сегменты, совпадают — объедините профили или задайте признак, который их различает (подробно: profiler segments)",
			"the profile describes the same segment as %[1]s (%[2]s:%[3]d): every attribute segments are compared by has equal values — merge the profiles or set an attribute that tells them apart (details: profiler segments)",
			prev.P.ID, prev.Path, line))
		per[i] = s.out
	}
}
