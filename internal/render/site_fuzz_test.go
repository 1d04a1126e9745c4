package render

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/model"
	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// siteInput is one life situation with three profiles whose every text field holds s (or
// s with a suffix, so that values stay distinct); ids and numbers are fixed.
func siteInput(s string) ([]*model.LifeSituation, []*model.Profile) {
	v := func(i int) string { return fmt.Sprintf("%s %d", s, i) }
	ls := &model.LifeSituation{
		Path: "ws/ls/life-situation.yaml", ID: "ls", Title: s, Description: s + "\n\n" + v(1), Owner: s,
		Statuses: []model.Status{model.Citizen, model.Business},
		Services: []model.Service{{ID: "svc", Title: s, Type: "service", Description: s}},
	}
	for i := range 2 {
		ls.Attributes = append(ls.Attributes, model.Attribute{
			ID: fmt.Sprintf("a%d", i), Title: v(i), Description: s, Statuses: []model.Status{model.Citizen},
			Type: model.AttrEnum, Unit: s, Values: []string{v(1), v(2)}, Sources: []string{s},
		})
	}
	var ps []*model.Profile
	for i := range 3 {
		ps = append(ps, &model.Profile{
			Path: "ws/ls/profiles/p.yaml", ID: fmt.Sprintf("p%d", i), LifeSituation: "ls", Title: v(i), Description: s,
			Status: model.Citizen, Stage: model.StageRefined,
			Attributes: []model.AttrValue{
				{Key: "a0", Values: []model.Scalar{{Text: v(1)}}},
				{Key: "a1", Values: []model.Scalar{{Text: v(1)}, {Text: v(2)}}, List: true},
			},
			Priority: model.Priority{
				Capacity:     model.Param{Set: true, Number: float64(100 * (i + 1)), Source: s, Note: s},
				Satisfaction: model.Param{Set: true, Number: float64(i + 1), Scale: 5, Source: s},
				BlindZone:    model.Param{Set: true, Bool: i%2 == 0, Note: s},
			},
			Journey:    []model.Item{{Text: s}, {Text: v(1), Source: s}},
			Pains:      []model.Item{{Text: s, Source: s}},
			Channels:   model.Channels{Informing: []string{s}, Service: []string{v(1)}},
			Hypotheses: []model.Hypothesis{{Text: s, Status: model.HypothesisConfirmed, Evidence: s, Source: s}, {Text: v(1), Status: model.HypothesisOpen}},
			Sources:    []string{s},
			History:    []model.HistoryEntry{{Date: "2026-01-01", Change: s, Basis: s}, {Date: "2026-02-01", Change: s, Basis: s, Stage: model.StageRefined}},
			Notes:      s,
		})
	}
	return []*model.LifeSituation{ls}, ps
}

// mermaidLines is what a quadrantChart line may look like (REFERENCE.md: quoted names without
// '"', coordinates matching 0(.\d+)?|1); %% would start a Mermaid comment or directive.
var mermaidLines = []*regexp.Regexp{
	regexp.MustCompile(`^quadrantChart$`),
	regexp.MustCompile(`^\s+title "[^"%]*"$`),
	regexp.MustCompile(`^\s+[xy]-axis "[^"%]*" --> "[^"%]*"$`),
	regexp.MustCompile(`^\s+quadrant-[1-4] "[^"%]*"$`),
	regexp.MustCompile(`^\s+"[^"%]*": \[(0(\.\d+)?|1), (0(\.\d+)?|1)\]$`),
}

// pageShape is what must not depend on the text: tables (columns × body rows), headings,
// list items, mermaid blocks and their lines, raw HTML blocks.
type pageShape struct {
	tables    [][2]int
	headings  []int
	items     int
	mermaid   int
	chartRows int
	rawHTML   int
}

func shapeOf(t *testing.T, name string, src []byte) pageShape {
	t.Helper()
	var sh pageShape
	doc := md.Parser().Parse(text.NewReader(src))
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *east.Table:
			var cols, rows int
			for row := n.FirstChild(); row != nil; row = row.NextSibling() {
				if _, head := row.(*east.TableHeader); head {
					cols = row.ChildCount()
					continue
				}
				if row.ChildCount() != cols {
					t.Errorf("%s: a table row has %d cells, the header %d", name, row.ChildCount(), cols)
				}
				rows++
			}
			sh.tables = append(sh.tables, [2]int{cols, rows})
			return gast.WalkSkipChildren, nil
		case *gast.Heading:
			sh.headings = append(sh.headings, n.Level)
		case *gast.ListItem:
			sh.items++
		case *gast.HTMLBlock:
			sh.rawHTML++
		case *gast.FencedCodeBlock:
			if string(n.Language(src)) != "mermaid" {
				t.Errorf("%s: a code block of language %q", name, n.Language(src))
				break
			}
			sh.mermaid++
			lines := n.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				line := strings.TrimRight(string(seg.Value(src)), "\n")
				sh.chartRows++
				if !slices.ContainsFunc(mermaidLines, func(re *regexp.Regexp) bool { return re.MatchString(line) }) {
					t.Errorf("%s: chart line breaks the quadrantChart lexer: %q", name, line)
				}
			}
		}
		return gast.WalkContinue, nil
	})
	// goldmark pads short rows: the source's own rows must agree too.
	var block []int
	flush := func() {
		for _, c := range block {
			if c != block[0] {
				t.Errorf("%s: a table has rows of %v cells in the source", name, block)
				break
			}
		}
		block = nil
	}
	for _, line := range strings.Split(string(src), "\n") {
		if !strings.HasPrefix(line, "|") {
			flush()
			continue
		}
		cells, err := splitRow(line)
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
		block = append(block, len(cells))
	}
	flush()
	return sh
}

// FuzzSite puts the same text in every text field of a life situation and its profiles and
// renders the whole site: every page must have the shape of the page rendered from plain
// text (same tables with the same columns and rows, headings, list items, chart lines, no
// raw HTML but the marker), and every chart line must pass Mermaid's lexer rules.
func FuzzSite(f *testing.F) {
	for _, s := range hostiles {
		f.Add(s)
	}
	for _, s := range []string{
		"", " ", "\n", "x\n\n# h", "a\r\nb", "|", "\\|", "<!-- c -->", "<div>", "---", "===", "***", "+ x", "1) x",
		"    code", "\t", "[a]: http://x", "![i](x.png)", "<https://x>", "&#124;", "&nbsp;", "\u00a0", "\u2028", "«»",
		"Студент «очно» (18–25): 50% {x}", "%%{init: {\"theme\":\"dark\"}}%%", "quadrant-1 x", "\"a\": [0.5, 0.5]",
		"click p1 href \"javascript:alert(1)\"", "```mermaid\nquadrantChart\n```", "~~~", "<br>", "$$x$$", "[^1]", "- [ ] task",
	} {
		f.Add(s)
	}
	base := map[string]pageShape{}
	for _, lang := range []i18n.Lang{i18n.RU, i18n.EN} {
		lss, ps := siteInput("x")
		files, err := Site(lss, ps, Options{Lang: lang})
		if err != nil {
			f.Fatal(err)
		}
		for _, fl := range files {
			base[string(lang)+"/"+fl.Path] = shapeOf(&testing.T{}, fl.Path, fl.Data)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) || len(s) > 1000 {
			return // the loader rejects invalid UTF-8 and NUL; length adds nothing but time
		}
		if strings.TrimFunc(s, unicode.IsSpace) == "" {
			return // empty fields are left out of the page: another shape, rightly
		}
		lss, ps := siteInput(s)
		for _, lang := range []i18n.Lang{i18n.RU, i18n.EN} {
			files, err := Site(lss, ps, Options{Lang: lang})
			if err != nil {
				t.Fatal(err)
			}
			if len(files) != len(base)/2 {
				t.Fatalf("%d pages, want %d", len(files), len(base)/2)
			}
			for _, fl := range files {
				name := string(lang) + "/" + fl.Path
				want, ok := base[name]
				if !ok {
					t.Fatalf("unexpected page %s", name)
				}
				if !bytes.HasPrefix(fl.Data, []byte(MarkerLine(lang)+"\n")) {
					t.Errorf("%s: does not start with the marker", name)
				}
				got := shapeOf(t, name, fl.Data)
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("%s: shape %+v, want %+v\n%s", name, got, want, fl.Data)
				}
			}
		}
	})
}
