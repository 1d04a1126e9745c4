package render

import (
	"fmt"
	"strconv"
	"strings"
)

// Column is a table column: its heading and whether it holds numbers (right-aligned).
type Column struct {
	Head  string
	Right bool
}

// Table renders a GFM table in the compact style markdownlint's MD060 accepts whatever
// the cell widths (`| a | b |`, `| --- | ---: |`). Cells are plain text and are escaped
// here, except those already escaped by the caller — links built by [link] — which are
// passed as [Markup].
//
// The rows are written directly rather than through tablewriter: its Markdown renderer
// pads cells by display width (which markdownlint measures differently for Cyrillic), so
// its output had to be parsed back into cells and rewritten anyway, and that round trip
// was about 80% of render's CPU time on a 10,000-profile workspace. The shape guarantees
// come from escaping every cell ([Cell]) and are proven by the goldmark GFM tests.
func Table(cols []Column, rows [][]any) (string, error) {
	var b strings.Builder
	b.Grow(64 * (len(rows) + 2) * len(cols))
	writeRow := func(cells []string) {
		b.WriteByte('|')
		for _, c := range cells { // escaped cells are already trimmed (Cell folds white space)
			b.WriteByte(' ')
			b.WriteString(c)
			b.WriteString(" |")
		}
		b.WriteByte('\n')
	}
	heads := make([]string, len(cols))
	seps := make([]string, len(cols))
	for i, c := range cols {
		heads[i] = Cell(c.Head)
		seps[i] = "---"
		if c.Right {
			seps[i] = "---:"
		}
	}
	writeRow(heads)
	writeRow(seps)
	cells := make([]string, len(cols))
	for i, r := range rows {
		if len(r) != len(cols) {
			return "", fmt.Errorf("table row %d has %d cells, want %d", i+1, len(r), len(cols))
		}
		for j, c := range r {
			switch v := c.(type) {
			case Markup:
				cells[j] = strings.TrimSpace(string(v))
				if cells[j] == "" {
					cells[j] = "—"
				}
			case string:
				cells[j] = Cell(v)
			case int:
				cells[j] = strconv.Itoa(v)
			default:
				cells[j] = Cell(fmt.Sprint(v))
			}
		}
		writeRow(cells)
	}
	return b.String(), nil
}

// Markup is Markdown that is already escaped (a link whose text went through [Inline]).
type Markup string
