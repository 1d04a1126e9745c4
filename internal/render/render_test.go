package render

import (
	"bytes"
	"flag"
	"html"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/workspace"
	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

var (
	update     = flag.Bool("update", false, "rewrite the golden files in testdata/golden")
	hostileOut = flag.String("hostile-out", "", "also write the pages of TestHostile there (make test lints them with markdownlint-cli2)")
)

// loadExamples checks the bundled examples the way the CLI does and fails on any error.
func loadExamples(t testing.TB) ([]*model.LifeSituation, []*model.Profile) {
	t.Helper()
	res := workspace.Check([]string{"../../examples"}, workspace.Options{})
	if errs, _ := finding.Count(res.Findings); errs > 0 || res.IOError {
		t.Fatalf("examples do not validate: %v", res.Findings)
	}
	return res.LifeSituations(), res.Profiles()
}

// TestGolden renders the examples in both languages and compares every page (index,
// overviews, cards) with testdata/golden/<lang>/. Run with -update to rewrite them.
func TestGolden(t *testing.T) {
	lss, ps := loadExamples(t)
	for _, lang := range []i18n.Lang{i18n.RU, i18n.EN} {
		t.Run(string(lang), func(t *testing.T) {
			dir := filepath.Join("testdata", "golden", string(lang))
			files, err := Site(lss, ps, Options{Lang: lang, OutDir: dir})
			if err != nil {
				t.Fatal(err)
			}
			if *update {
				os.RemoveAll(dir)
			}
			var kinds = map[string]int{}
			for _, f := range files {
				switch {
				case f.Path == IndexFile:
					kinds["index"]++
				case strings.HasSuffix(f.Path, "/"+OverviewFile):
					kinds["overview"]++
				default:
					kinds["card"]++
				}
				p := filepath.Join(dir, filepath.FromSlash(f.Path))
				if *update {
					if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(p, f.Data, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(p)
				if err != nil {
					t.Fatalf("%v (run go test ./internal/render -update)", err)
				}
				if !bytes.Equal(f.Data, want) {
					t.Errorf("%s differs from the golden file (run with -update and review the diff)\n--- got:\n%s", p, f.Data)
				}
			}
			if kinds["index"] != 1 || kinds["overview"] != len(lss) || kinds["card"] != len(ps) {
				t.Errorf("pages: %v, want 1 index, %d overviews, %d cards", kinds, len(lss), len(ps))
			}
		})
	}
}

// TestCardStandalone: the card printed by --out - has no links into the site.
func TestCardStandalone(t *testing.T) {
	lss, ps := loadExamples(t)
	var ls *model.LifeSituation
	for _, x := range lss {
		if x.ID == ps[0].LifeSituation {
			ls = x
		}
	}
	b, err := Card(ls, ps[0], Options{Lang: i18n.RU})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte(MarkerLine(i18n.RU)+"\n\n# ")) {
		t.Errorf("card does not start with the marker and an H1:\n%s", b)
	}
	if bytes.Contains(b, []byte("README.md")) || bytes.Contains(b, []byte("index.md")) {
		t.Errorf("standalone card links into the site:\n%s", b)
	}
}

// TestDeterministic: rendering twice, and with the input in another order, gives the same bytes.
func TestDeterministic(t *testing.T) {
	lss, ps := loadExamples(t)
	a, err := Site(lss, ps, Options{Lang: i18n.RU, OutDir: "out"})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 5 {
		l2, p2 := slices.Clone(lss), slices.Clone(ps)
		rng.Shuffle(len(l2), func(i, j int) { l2[i], l2[j] = l2[j], l2[i] })
		rng.Shuffle(len(p2), func(i, j int) { p2[i], p2[j] = p2[j], p2[i] })
		b, err := Site(l2, p2, Options{Lang: i18n.RU, OutDir: "out"})
		if err != nil {
			t.Fatal(err)
		}
		if len(a) != len(b) {
			t.Fatalf("run %d: %d files, want %d", i, len(b), len(a))
		}
		for j := range a {
			if a[j].Path != b[j].Path || !bytes.Equal(a[j].Data, b[j].Data) {
				t.Fatalf("run %d: %s differs", i, a[j].Path)
			}
		}
	}
}

func TestNumber(t *testing.T) {
	for _, tc := range []struct {
		n      float64
		ru, en string
	}{
		{0, "0", "0"}, {20, "20", "20"}, {1150, "1150", "1,150"}, {12000, "12 000", "12,000"},
		{240000, "240 000", "240,000"}, {1234567, "1 234 567", "1,234,567"}, {3.1, "3,1", "3.1"}, {-5, "-5", "-5"},
	} {
		if got := Number(tc.n, i18n.RU); got != tc.ru {
			t.Errorf("Number(%v, ru) = %q, want %q", tc.n, got, tc.ru)
		}
		if got := Number(tc.n, i18n.EN); got != tc.en {
			t.Errorf("Number(%v, en) = %q, want %q", tc.n, got, tc.en)
		}
	}
}

func TestRank(t *testing.T) {
	param := func(v float64) model.Param { return model.Param{Set: true, Number: v, Scale: 5} }
	flag := func(b bool) model.Param { return model.Param{Set: true, Bool: b} }
	mk := func(id string, pr model.Priority) *model.Profile {
		return &model.Profile{ID: id, Title: strings.ToUpper(id), Priority: pr}
	}
	ps := []*model.Profile{
		mk("no-params-two-flags", model.Priority{UniqueProblems: flag(true), BlindZone: flag(true)}),
		mk("only-capacity", model.Priority{Capacity: param(100000)}),
		mk("big-happy", model.Priority{Capacity: param(1000), Satisfaction: param(5)}),    // score 0
		mk("big-unhappy", model.Priority{Capacity: param(1000), Satisfaction: param(1)}),  // 0.8
		mk("small-unhappy", model.Priority{Capacity: param(500), Satisfaction: param(1)}), // 0.4
		mk("tie-b", model.Priority{Capacity: param(1000), Satisfaction: param(3)}),        // 0.4, no flags
		mk("tie-a", model.Priority{Capacity: param(1000), Satisfaction: param(3)}),        // 0.4, no flags: title order
		mk("tie-flag", model.Priority{Capacity: param(1000), Satisfaction: param(3), CustomerFocus: flag(true), BlindZone: flag(false)}),
	}
	var got []string
	for _, r := range Rank(ps) {
		got = append(got, r.Profile.ID)
	}
	want := []string{"big-unhappy", "tie-flag", "small-unhappy", "tie-a", "tie-b", "big-happy", "no-params-two-flags", "only-capacity"}
	if !slices.Equal(got, want) {
		t.Errorf("Rank order:\n got %v\nwant %v", got, want)
	}
}

func TestInline(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Пол", "Пол"},
		{"a | b", `a \| b`},
		{"# заголовок", `\# заголовок`},
		{"- пункт", `\- пункт`},
		{"1. один", `1\. один`},
		{"2) два", `2\) два`},
		{"2.8", "2.8"},
		{"-5", "-5"},
		{"#хэштег", "#хэштег"},
		{"###### h6", `\###### h6`},
		{"---", `\---`},
		{"==", `\==`},
		{"+ плюс", `\+ плюс`},
		{"> цитата", `&gt; цитата`},
		{"<script>x</script>", `&lt;script&gt;x&lt;/script&gt;`},
		{"[x](javascript:alert(1))", `\[x\](javascript:alert(1))`},
		{"`code` *em* _u_ ~~s~~ $m$", "\\`code\\` \\*em\\* \\_u\\_ \\~\\~s\\~\\~ \\$m\\$"},
		{"a\nb\r\n\tc  d", "a b c d"},
		{`back\slash`, `back\\slash`},
		{"&amp;", "&amp;amp;"},
		{"", ""},
	} {
		if got := Inline(tc.in); got != tc.want {
			t.Errorf("Inline(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// --- hostile input -------------------------------------------------------------------

// hostile is text that breaks naive Markdown and Mermaid output.
const hostile = "# A | B\n<script>alert(1)</script> `tick` \"q\" k:v (p) [x](javascript:alert(1)) *em* _u_ ~~s~~ $m$ \\ &amp; %%c"

var hostiles = []string{
	hostile,
	"- list | item",
	"1. ordered",
	"> quote",
	"| --- |",
	"```",
	"\"quoted\" name: (a) \"b\"",
	"`starts with backtick`",
	"%%{init: {}}%%",
}

func hostileInput(n int) ([]*model.LifeSituation, []*model.Profile) {
	h := func(i int) string { return hostiles[i%len(hostiles)] }
	ls := &model.LifeSituation{
		Path: "ws/ls/life-situation.yaml", ID: "ls", Title: h(0), Description: h(1) + "\n\n" + h(2), Owner: h(3),
		Statuses: []model.Status{model.Citizen, model.Business},
		Services: []model.Service{{ID: "s", Title: h(4), Type: "service", Description: h(5)}},
	}
	for i := range 3 {
		ls.Attributes = append(ls.Attributes, model.Attribute{
			ID: "a" + string(rune('a'+i)), Title: h(i), Statuses: []model.Status{model.Citizen}, Type: model.AttrEnum,
			Unit: h(i + 1), Values: []string{h(i + 2), h(i + 3)}, Sources: []string{"npa", h(i)},
		})
	}
	var ps []*model.Profile
	for i := range n {
		pr := model.Priority{
			Capacity:     model.Param{Set: i%3 != 2, Number: float64(1000 * (i + 1)), Source: h(i), Note: h(i + 1)},
			Satisfaction: model.Param{Set: true, Number: float64(i % 6), Scale: 5, Source: h(i + 2)},
			BlindZone:    model.Param{Set: true, Bool: i%2 == 0, Note: h(i + 3)},
		}
		ps = append(ps, &model.Profile{
			Path: "ws/ls/profiles/p.yaml", ID: "p" + string(rune('a'+i)), LifeSituation: "ls", Title: h(i), Description: h(i + 1),
			Status: model.Citizen, Stage: model.StageRefined,
			Attributes: []model.AttrValue{
				{Key: "aa", Values: []model.Scalar{{Text: h(i)}}},
				{Key: "ab", Values: []model.Scalar{{Text: h(i + 1)}, {Text: h(i + 2)}}, List: true},
				{Key: "undeclared", Values: []model.Scalar{{Text: h(i + 3)}}},
			},
			Priority:   pr,
			Journey:    []model.Item{{Text: h(i)}, {Text: h(i + 1), Source: h(i + 2)}},
			Pains:      []model.Item{{Text: h(i + 3), Source: h(i + 4)}},
			Channels:   model.Channels{Informing: []string{h(i), h(i + 1)}, Service: []string{h(i + 2)}},
			Hypotheses: []model.Hypothesis{{Text: h(i), Status: model.HypothesisConfirmed, Evidence: h(i + 1), Source: h(i + 2)}, {Text: h(i + 3), Status: model.HypothesisOpen}},
			Sources:    []string{h(i), h(i + 1)},
			History:    []model.HistoryEntry{{Date: "2026-01-01", Change: h(i), Basis: h(i + 1)}, {Date: "2026-02-01", Change: h(i + 2), Basis: h(i + 3), Stage: model.StageRefined}},
			Notes:      h(i+4) + "\n\n" + h(i+5),
		})
	}
	return []*model.LifeSituation{ls}, ps
}

var md = goldmark.New(goldmark.WithExtensions(extension.GFM))

type tableShape struct {
	head string // first header cell, plain text
	cols int
	rows int // body rows
}

// shapes parses src as GFM and returns every table's shape; it fails the test if any row
// of a table has a different number of cells in the source than the header has.
func shapes(t *testing.T, name string, src []byte) []tableShape {
	t.Helper()
	doc := md.Parser().Parse(text.NewReader(src))
	var out []tableShape
	err := gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		tb, ok := n.(*east.Table)
		if !entering || !ok {
			return gast.WalkContinue, nil
		}
		var s tableShape
		for row := tb.FirstChild(); row != nil; row = row.NextSibling() {
			cells := row.ChildCount()
			if _, isHead := row.(*east.TableHeader); isHead {
				s.cols = cells
				//lint:ignore SA1019 plain text is enough here
				s.head = string(row.FirstChild().(*east.TableCell).Text(src))
				continue
			}
			if cells != s.cols {
				t.Errorf("%s: table %q row %d has %d cells, want %d", name, s.head, s.rows+1, cells, s.cols)
			}
			s.rows++
		}
		out = append(out, s)
		return gast.WalkSkipChildren, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// goldmark pads short rows and drops extra cells; count the source's own cells too.
	var block []int
	check := func() {
		for _, c := range block {
			if c != block[0] {
				t.Errorf("%s: a table has rows with %v cells in the source", name, block)
				break
			}
		}
		block = nil
	}
	for _, line := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(line, "|") {
			cells, err := splitRow(line)
			if err != nil {
				t.Fatal(err)
			}
			block = append(block, len(cells))
			continue
		}
		check()
	}
	check()
	return out
}

var (
	reTag     = regexp.MustCompile(`<[^>]*>`)
	chartLine = []*regexp.Regexp{
		regexp.MustCompile(`^quadrantChart$`),
		regexp.MustCompile(`^    [xy]-axis "[^"%` + "`" + `][^"%]*" --> "[^"%]*"$`),
		regexp.MustCompile(`^    quadrant-[1-4] "[^"%]*"$`),
		regexp.MustCompile(`^    "[^"%` + "`" + `][^"%]*": \[(0(\.\d+)?|1), (0(\.\d+)?|1)\]$`),
	}
	coordRe = regexp.MustCompile(`\[(0\.\d\d), (0\.\d\d)\]$`)
)

// TestHostile renders hostile text everywhere and proves that tables keep their shape,
// nothing becomes markup or HTML, and the quadrant chart stays lexically valid.
func TestHostile(t *testing.T) {
	lss, ps := hostileInput(7)
	for _, lang := range []i18n.Lang{i18n.RU, i18n.EN} {
		files, err := Site(lss, ps, Options{Lang: lang})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			name := string(lang) + "/" + f.Path
			if *hostileOut != "" {
				p := filepath.Join(*hostileOut, string(lang), filepath.FromSlash(f.Path))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			tables := shapes(t, name, f.Data)
			var buf bytes.Buffer
			if err := md.Convert(f.Data, &buf); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			for _, bad := range []string{"<script", "javascript:alert(1)\"", "<em>", "<strong>x", "<del>", "<code>", "<blockquote>", "<ol", "<h1>A |", "<h2>A |", "<hr>\n<hr>"} {
				if strings.Contains(out, bad) {
					t.Errorf("%s: HTML contains %q:\n%s", name, bad, out)
				}
			}
			if c := strings.Count(out, "<h1>"); c != 1 {
				t.Errorf("%s: %d H1 headings, want 1", name, c)
			}
			if c := strings.Count(out, "raw HTML omitted"); c != 1 { // the marker only
				t.Errorf("%s: %d raw HTML blocks, want only the marker", name, c)
			}
			plain := html.UnescapeString(reTag.ReplaceAllString(out, ""))
			if !strings.Contains(plain, oneLine(hostile)) {
				t.Errorf("%s: the hostile title is not shown literally; text:\n%s", name, plain)
			}
			byHead := map[string]tableShape{}
			for _, s := range tables {
				byHead[s.head] = s
			}
			L := resolveLabels(lang)
			switch {
			case f.Path == IndexFile:
				expectRows(t, name, byHead, L["ls"], 2, 9)
			case strings.HasSuffix(f.Path, OverviewFile):
				main := 0
				for _, p := range ps {
					if p.Priority.Capacity.Set && p.Priority.Satisfaction.Set {
						main++
					}
				}
				expectRows(t, name, byHead, L["rank"], main, 7)
				expectRows(t, name, byHead, L["profile"], len(ps)-main, 5) // нет данных для оценки
				expectRows(t, name, byHead, L["serviceName"], 1, 2)
				expectRows(t, name, byHead, L["attribute"], 3, 6)
				expectRows(t, name, byHead, L["profilesList"], len(ps), len(ps)+1) // the overlap matrix
				checkChart(t, name, string(f.Data), ps)
			default:
				expectRows(t, name, byHead, L["attribute"], 3, 2)
				params := 2 // satisfaction and blind zone are always set
				if p := ps[slices.IndexFunc(ps, func(p *model.Profile) bool { return strings.HasSuffix(f.Path, "/"+p.ID+".md") })]; p.Priority.Capacity.Set {
					params++
				}
				expectRows(t, name, byHead, L["parameter"], params, 3)
				expectRows(t, name, byHead, L["hypothesis"], 2, 3)
				expectRows(t, name, byHead, L["date"], 2, 4)
				if got := strings.Count(out, "<li>"); got != 2+1+2+2+5 {
					t.Errorf("%s: %d list items, want 12 (journey 2, pains 1, channels 2, sources 2, facts 5)", name, got)
				}
			}
		}
	}
}

func expectRows(t *testing.T, name string, byHead map[string]tableShape, head string, rows, cols int) {
	t.Helper()
	s, ok := byHead[Inline(head)] // the source text of the header cell
	if !ok {
		t.Errorf("%s: no table headed %q (have %v)", name, head, byHead)
		return
	}
	if s.rows != rows || s.cols != cols {
		t.Errorf("%s: table %q is %d×%d, want %d×%d", name, head, s.rows, s.cols, rows, cols)
	}
}

func checkChart(t *testing.T, name, page string, ps []*model.Profile) {
	t.Helper()
	start := strings.Index(page, "```mermaid\n")
	if start < 0 {
		t.Errorf("%s: no mermaid block", name)
		return
	}
	body := page[start+len("```mermaid\n"):]
	body = body[:strings.Index(body, "\n```")]
	points := 0
	for _, line := range strings.Split(body, "\n") {
		ok := false
		for _, re := range chartLine {
			ok = ok || re.MatchString(line)
		}
		if !ok {
			t.Errorf("%s: chart line breaks the quadrantChart lexer: %q", name, line)
		}
		if m := coordRe.FindStringSubmatch(line); m != nil {
			points++
			for _, c := range m[1:] {
				if c < "0.05" || c > "0.95" {
					t.Errorf("%s: coordinate %s outside [0.05, 0.95]", name, c)
				}
			}
		}
	}
	want := 0
	for _, p := range ps {
		if p.Priority.Capacity.Set && p.Priority.Satisfaction.Set {
			want++
		}
	}
	if points != want {
		t.Errorf("%s: %d points on the chart, want %d", name, points, want)
	}
}

// TestTableRejectsRagged: a row with the wrong number of cells is an error, not a broken table.
func TestTableRejectsRagged(t *testing.T) {
	if _, err := Table([]Column{{Head: "a"}, {Head: "b"}}, [][]any{{"x"}}); err == nil {
		t.Error("Table accepted a row with 1 cell for 2 columns")
	}
	got, err := Table([]Column{{Head: "a|b"}, {Head: "n", Right: true}}, [][]any{{"x | y\nz", "1"}, {"", "22"}})
	if err != nil {
		t.Fatal(err)
	}
	want := "| a\\|b | n |\n| --- | ---: |\n| x \\| y z | 1 |\n| — | 22 |\n"
	if got != want {
		t.Errorf("Table =\n%s\nwant\n%s", got, want)
	}
}

// TestTemplatesOverride: a custom template replaces the default of the same name only.
func TestTemplatesOverride(t *testing.T) {
	lss, ps := loadExamples(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.md.tmpl"), []byte("# {{esc \"Свой <указатель>\"}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	files, err := Site(lss, ps, Options{Lang: i18n.RU, Templates: os.DirFS(dir)})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(files[slices.IndexFunc(files, func(f File) bool { return f.Path == IndexFile })].Data), MarkerLine(i18n.RU)+"\n\n# Свой &lt;указатель&gt;\n"; got != want {
		t.Errorf("index = %q, want %q", got, want)
	}
	if err := os.WriteFile(filepath.Join(dir, "card.md.tmpl"), []byte("{{.Nope}}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Site(lss, ps, Options{Lang: i18n.RU, Templates: os.DirFS(dir)}); err == nil {
		t.Error("a template that fails did not fail the render")
	}
}

// A custom HTML index gets the profile rows from indexProfileRows wherever it calls it,
// escaped as html/template escapes them there (the embedded index's mark never shows).
func TestTemplatesIndexProfileRows(t *testing.T) {
	lss, ps := loadExamples(t)
	dir := t.TempDir()
	tmpl := `<!DOCTYPE html><html lang="{{.Lang}}"><head><title>{{.Title}}</title></head><body>` +
		`<table>{{indexProfileRows .Index}}</table><table>{{indexProfileRows .Index}}</table><p title="{{indexProfileRows .Index}}">{{"\x00"}}</p></body></html>`
	if err := os.WriteFile(filepath.Join(dir, "index.html.tmpl"), []byte(tmpl), 0o644); err != nil {
		t.Fatal(err)
	}
	files, err := Site(lss, ps, Options{Lang: i18n.RU, Format: HTML, Templates: os.DirFS(dir)})
	if err != nil {
		t.Fatal(err)
	}
	page := string(files[slices.IndexFunc(files, func(f File) bool { return f.Path == "index.html" })].Data)
	rows := `<tr data-k="` + ps[0].LifeSituation + "/" + ps[0].ID + `">`
	if strings.Count(page, rows) != 2 || strings.Contains(page, "\x00") || strings.Contains(page, "index-profile-rows") {
		t.Errorf("index: %d rows of %s/%s (want 2), NUL left: %v\n%s", strings.Count(page, rows), ps[0].LifeSituation, ps[0].ID, strings.Contains(page, "\x00"), page)
	}
}

func TestSiteRejectsBadIDs(t *testing.T) {
	for _, id := range []string{"../x", "a/b", "A", ""} {
		lss, ps := hostileInput(1)
		ps[0].ID = id
		if _, err := Site(lss, ps, Options{}); err == nil {
			t.Errorf("profile id %q accepted", id)
		}
	}
}

// BenchmarkSite renders the bundled examples (4 life situations, 6 profiles) in Russian.
func BenchmarkSite(b *testing.B) {
	res := workspace.Check([]string{"../../examples"}, workspace.Options{})
	lss, ps := res.LifeSituations(), res.Profiles()
	for b.Loop() {
		if _, err := Site(lss, ps, Options{Lang: i18n.RU}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestEmpty: a life situation without profiles, and no life situations at all, still give
// valid pages that say so instead of empty sections.
func TestEmpty(t *testing.T) {
	lss, _ := hostileInput(0)
	files, err := Site(lss, nil, Options{Lang: i18n.EN})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 {
		t.Fatalf("%d files, want index and one overview", len(files))
	}
	ov := string(files[slices.IndexFunc(files, func(f File) bool { return f.Path == "ls/README.md" })].Data)
	if !strings.Contains(ov, "## Research priorities\n\nNo profiles yet.\n") || strings.Contains(ov, "mermaid") {
		t.Errorf("overview without profiles:\n%s", ov)
	}
	files, err = Site(nil, nil, Options{Lang: i18n.RU})
	if err != nil {
		t.Fatal(err)
	}
	if want := MarkerLine(i18n.RU) + "\n\n# Профили клиентских сегментов\n\nЖизненных ситуаций пока нет.\n"; len(files) != 1 || string(files[0].Data) != want {
		t.Errorf("empty site = %q, want only the index %q", files, want)
	}
}
