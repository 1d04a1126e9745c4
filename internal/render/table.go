package render

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twcache"
	twrenderer "github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// Column is a table column: its heading and whether it holds numbers (right-aligned).
type Column struct {
	Head  string
	Right bool
}

// Table renders a GFM table with tablewriter's Markdown renderer. Cells are plain text and
// are escaped here, except those already escaped by the caller — links built by [link] —
// which are passed as [Markup]. The output is normalised to the compact style
// markdownlint's MD060 accepts whatever the cell widths (`| a | b |`, `| --- | ---: |`):
// tablewriter pads by display width, which markdownlint does not measure the same way
// for every script.
func Table(cols []Column, rows [][]any) (string, error) {
	heads := make([]string, len(cols))
	align := make(tw.Alignment, len(cols))
	for i, c := range cols {
		heads[i] = Cell(c.Head)
		align[i] = tw.AlignLeft
		if c.Right {
			align[i] = tw.AlignRight
		}
	}
	tb := tables.Get().(*reusedTable)
	defer tables.Put(tb)
	tb.buf.Reset()
	tb.md.Reset()
	t := tb.t
	t.Reset()
	t.Options(tablewriter.WithAlignment(align))
	t.Header(heads)
	for i, r := range rows {
		if len(r) != len(cols) {
			return "", fmt.Errorf("table row %d has %d cells, want %d", i+1, len(r), len(cols))
		}
		cells := make([]string, len(r))
		for j, c := range r {
			switch v := c.(type) {
			case Markup:
				cells[j] = string(v)
				if cells[j] == "" {
					cells[j] = "—"
				}
			case string:
				cells[j] = Cell(v)
			default:
				cells[j] = Cell(fmt.Sprint(v))
			}
		}
		if err := t.Append(cells); err != nil {
			return "", err
		}
	}
	if err := t.Render(); err != nil {
		return "", err
	}
	return compact(tb.buf.String(), cols)
}

// reusedTable is a tablewriter table kept for reuse: NewTable allocates a 10,000-entry
// cache each time, which made rendering a thousand cards take seconds. A reused table
// with a one-entry cache is reset between tables instead.
type reusedTable struct {
	buf *bytes.Buffer
	md  *twrenderer.Markdown
	t   *tablewriter.Table
}

var tables = sync.Pool{New: func() any {
	tb := &reusedTable{buf: &bytes.Buffer{}, md: twrenderer.NewMarkdown()}
	tb.t = tablewriter.NewTable(tb.buf,
		tablewriter.WithRenderer(tb.md),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithStringerCacheCustom(twcache.NewLRU[reflect.Type, reflect.Value](1)),
	)
	return tb
}}

// Markup is Markdown that is already escaped (a link whose text went through [Inline]).
type Markup string

// compact rewrites tablewriter's padded table in the compact style, checking that every
// row still has exactly len(cols) cells.
func compact(s string, cols []Column) (string, error) {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	var b strings.Builder
	for i, line := range lines {
		cells, err := splitRow(line)
		if err != nil {
			return "", err
		}
		if len(cells) != len(cols) {
			return "", fmt.Errorf("table line %d has %d cells, want %d: %q", i+1, len(cells), len(cols), line)
		}
		b.WriteString("|")
		for j, c := range cells {
			if i == 1 {
				c = "---"
				if cols[j].Right {
					c = "---:"
				}
			}
			b.WriteString(" " + c + " |")
		}
		b.WriteString("\n")
	}
	return b.String(), nil
}

// splitRow splits `| a | b \| c |` into trimmed cells, honouring backslash escapes.
func splitRow(line string) ([]string, error) {
	line = strings.TrimSpace(line)
	if !strings.HasPrefix(line, "|") || !strings.HasSuffix(line, "|") || len(line) < 2 {
		return nil, fmt.Errorf("not a table row: %q", line)
	}
	body := line[1 : len(line)-1]
	var cells []string
	var cur strings.Builder
	for i := 0; i < len(body); i++ {
		switch c := body[i]; {
		case c == '\\' && i+1 < len(body):
			cur.WriteByte(c)
			cur.WriteByte(body[i+1])
			i++
		case c == '|':
			cells = append(cells, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(c)
		}
	}
	return append(cells, strings.TrimSpace(cur.String())), nil
}
