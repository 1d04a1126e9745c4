package render

import "github.com/profiler-cx/profiler/internal/i18n"

// Quadrant is where a ranked profile sits on the overview's quadrant chart (Mermaid's
// numbering: 1 top right, 2 top left, 3 bottom left, 4 bottom right), or 0 when it is
// not on the chart (capacity or satisfaction not set). The chart's axes are Share and
// Satis; a point on a middle line counts as the larger side.
func (r Ranked) Quadrant() int {
	if !r.Main {
		return 0
	}
	right, top := r.Share >= 0.5, r.Satis >= 0.5
	switch {
	case right && top:
		return 1
	case top:
		return 2
	case !right:
		return 3
	}
	return 4
}

// QuadrantName is the chart's label of quadrant q (1–4), as the overview prints it.
func QuadrantName(q int) i18n.Text {
	switch q {
	case 1, 2, 3, 4:
		return labels["quadrant"+string(rune('0'+q))]
	}
	return i18n.Msg("нет на диаграмме", "not on the chart")
}
