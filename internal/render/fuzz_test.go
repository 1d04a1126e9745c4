package render

import (
	"bytes"
	"html"
	"strings"
	"testing"
	"unicode/utf8"

	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// FuzzCell: whatever the text, a table built from it keeps one header and one body row of
// two cells, and the cell shows the text literally (whitespace folded; URLs may be links).
func FuzzCell(f *testing.F) {
	for _, s := range hostiles {
		f.Add(s)
	}
	f.Add("a\\|b")
	f.Add("&lt;")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
			return // YAML input is valid UTF-8 without NUL (the loader rejects the rest)
		}
		tbl, err := Table([]Column{{Head: s}, {Head: "n", Right: true}}, [][]any{{s, "1"}})
		if err != nil {
			t.Fatal(err)
		}
		src := []byte("# t\n\n" + tbl)
		doc := md.Parser().Parse(text.NewReader(src))
		var rows, cells []int
		_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
			if r, ok := n.(*east.TableRow); ok && entering {
				rows = append(rows, r.ChildCount())
			}
			if h, ok := n.(*east.TableHeader); ok && entering {
				cells = append(cells, h.ChildCount())
			}
			return gast.WalkContinue, nil
		})
		if len(rows) != 1 || rows[0] != 2 || len(cells) != 1 || cells[0] != 2 {
			t.Fatalf("table of %q: body rows %v, header cells %v\n%s", s, rows, cells, tbl)
		}
		var out bytes.Buffer
		if err := md.Convert(src, &out); err != nil {
			t.Fatal(err)
		}
		want := oneLine(s)
		if want == "" {
			want = "—"
		}
		td := out.String()
		td = td[strings.Index(td, "<td>")+4:]
		// GFM autolinks URLs and e-mail addresses: harmless, so tags are dropped first.
		td = html.UnescapeString(reTag.ReplaceAllString(td[:strings.Index(td, "</td>")], ""))
		if td != want {
			t.Fatalf("cell of %q shows %q, want %q", s, td, want)
		}
	})
}
