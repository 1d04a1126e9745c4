package workspace

import (
	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/rules"
)

// crossMemo keeps the inputs and findings of the last cross-file run of a [Memo], so that
// the next run checks again only the profiles a change can affect. What a profile's
// cross-file findings depend on (rules.CrossFile):
//   - every life situation (ids, statuses, attributes; duplicate ids): when any life
//     situation changed, everything runs again;
//   - the profiles with the same id (duplicate ids: which one is the original);
//   - the profiles of the same life situation (segment duplicates: the first of a box);
//   - the profiles in the same folder (how many still use a renamed life-situation id).
//
// So after a change only the profiles sharing an id, a life situation or a folder with a
// changed profile (before or after the change) are checked again, in their order, along
// with the profiles those depend on; the findings of the others are reused. The result is the same as a full run (crossmemo_test.go).
type crossMemo struct {
	lss    []rules.LSRef
	ps     map[string]rules.ProfileRef
	lsOut  []finding.Finding            // findings on life situations (duplicate ids)
	byFile map[string][]finding.Finding // a profile's findings, by its path
}

// crossFile runs the cross-file rules, incrementally when m remembers the last run.
func crossFile(m *Memo, lss []rules.LSRef, ps []rules.ProfileRef) []finding.Finding {
	if m == nil {
		return rules.CrossFile(lss, ps)
	}
	c := m.cross
	if c == nil || !sameLS(c.lss, lss) {
		c = &crossMemo{lss: lss}
		c.record(ps, ps, rules.CrossFile(lss, ps), nil)
		m.cross = c
		return c.assemble(ps)
	}
	ids, lsIDs, folders := map[string]bool{}, map[string]bool{}, map[string]bool{}
	touch := func(d rules.ProfileRef) {
		ids[d.P.ID], lsIDs[d.P.LifeSituation], folders[d.Beside] = true, true, true
	}
	cur := make(map[string]bool, len(ps))
	for _, d := range ps {
		cur[d.Path] = true
		old, ok := c.ps[d.Path]
		if ok && old.P == d.P && old.Beside == d.Beside {
			continue // the same Doc: the memo returned it unchanged
		}
		touch(d)
		if ok {
			touch(old)
		}
	}
	var gone []string
	for p, old := range c.ps {
		if !cur[p] {
			touch(old)
			gone = append(gone, p)
		}
	}
	// again: the profiles whose findings change; run with every profile they depend on
	// (which may depend on others again: their findings are not taken).
	var again, run []rules.ProfileRef
	if len(ids) > 0 {
		rids, rls, rfolders := map[string]bool{}, map[string]bool{}, map[string]bool{}
		for _, d := range ps {
			if ids[d.P.ID] || lsIDs[d.P.LifeSituation] || folders[d.Beside] {
				again = append(again, d)
				rids[d.P.ID], rls[d.P.LifeSituation], rfolders[d.Beside] = true, true, true
			}
		}
		for _, d := range ps {
			if rids[d.P.ID] || rls[d.P.LifeSituation] || rfolders[d.Beside] {
				run = append(run, d)
			}
		}
	}
	var out []finding.Finding
	if len(run) > 0 {
		out = rules.CrossFile(lss, run)
	}
	c.record(ps, again, out, gone)
	return c.assemble(ps)
}

// record stores the findings of a run over again (a subset of ps, or ps itself), and
// ps as the inputs of the next comparison.
func (c *crossMemo) record(ps, again []rules.ProfileRef, out []finding.Finding, gone []string) {
	if c.byFile == nil {
		c.byFile = map[string][]finding.Finding{}
	}
	for _, p := range gone {
		delete(c.byFile, p)
	}
	isProfile := make(map[string]bool, len(again))
	for _, d := range again {
		isProfile[d.Path] = true
		delete(c.byFile, d.Path)
	}
	full := len(again) == len(ps)
	if full {
		c.lsOut = nil
	}
	for _, f := range out {
		switch {
		case isProfile[f.File]:
			c.byFile[f.File] = append(c.byFile[f.File], f)
		case full:
			c.lsOut = append(c.lsOut, f) // the same in a partial run: the life situations did not change
		}
	}
	c.ps = make(map[string]rules.ProfileRef, len(ps))
	for _, d := range ps {
		c.ps[d.Path] = d
	}
}

// assemble lists the findings in the order of a full run: the life situations', then each
// profile's in ps order.
func (c *crossMemo) assemble(ps []rules.ProfileRef) []finding.Finding {
	out := append([]finding.Finding(nil), c.lsOut...)
	for _, d := range ps {
		out = append(out, c.byFile[d.Path]...)
	}
	return out
}

// sameLS reports whether the life situations are those of the last run, in order: the
// memo returns the same model for an unchanged file.
func sameLS(a, b []rules.LSRef) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Path != b[i].Path || a[i].LS != b[i].LS {
			return false
		}
	}
	return true
}
