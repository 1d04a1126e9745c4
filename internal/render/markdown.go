package render

import (
	"strconv"
	"strings"

	"github.com/profiler-cx/profiler/internal/model"
)

// The Markdown encoder: each page model becomes the view its text/template sees, with
// every text escaped ([Inline], [Paragraphs]) and every table finished ([Table]). The
// typed page is there too (.Page) for custom templates, which must then escape with esc.

// cardView is what card.md.tmpl sees.
type cardView struct {
	*CardPage
	Page         *CardPage
	L            map[string]string
	Title        string
	LSTitle      string
	OverviewLink string // "" when the card stands alone (--out -)
	IndexLink    string
	Status       string
	Stage        string
	StageMeaning string
	Updated      string
	Description  []string
	Attributes   string
	Journey      []string
	Pains        []string
	Informing    string
	Service      string
	Priority     string
	Hypotheses   string
	Notes        []string
	Sources      []string
	History      string
	SourceFile   string // relative link to the YAML, or ""
	SourceName   string
}

func escAll(xs []string) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		out = append(out, Inline(x))
	}
	return out
}

func (r *renderer) mdItems(xs []ItemText) []string {
	var out []string
	for _, it := range xs {
		s := Inline(it.Text)
		if it.Source != "" {
			s += " (" + r.L["fromSource"] + ": " + Inline(it.Source) + ")"
		}
		out = append(out, s)
	}
	return out
}

func (r *renderer) mdCard(c *CardPage) ([]byte, error) {
	v := cardView{
		CardPage: c, Page: c, L: r.L,
		Title:        Inline(c.Title),
		LSTitle:      Inline(c.LSTitle),
		OverviewLink: c.Overview.Href,
		IndexLink:    c.Index.Href,
		Status:       Inline(c.Status),
		Stage:        Inline(c.Stage),
		StageMeaning: Inline(c.StageMeaning),
		Updated:      Inline(c.Updated),
		Description:  escAll(c.Description),
		Journey:      r.mdItems(c.Journey),
		Pains:        r.mdItems(c.Pains),
		Informing:    strings.Join(escAll(c.Informing), ", "),
		Service:      strings.Join(escAll(c.Service), ", "),
		Notes:        escAll(c.Notes),
		Sources:      escAll(c.Sources),
		SourceFile:   c.Source.Href,
		SourceName:   Inline(c.Source.Text),
	}
	var err error
	if len(c.Attributes) > 0 {
		rows := make([][]any, len(c.Attributes))
		for i, a := range c.Attributes {
			rows[i] = []any{a.Label, a.Value}
		}
		if v.Attributes, err = Table([]Column{{Head: r.L["attribute"]}, {Head: r.L["value"]}}, rows); err != nil {
			return nil, err
		}
	}
	if len(c.Priority) > 0 {
		rows := make([][]any, len(c.Priority))
		for i, p := range c.Priority {
			rows[i] = []any{p.Name, p.Value, p.Source}
		}
		if v.Priority, err = Table([]Column{{Head: r.L["parameter"]}, {Head: r.L["value"]}, {Head: r.L["source"]}}, rows); err != nil {
			return nil, err
		}
	}
	if len(c.Hypotheses) > 0 {
		rows := make([][]any, len(c.Hypotheses))
		for i, h := range c.Hypotheses {
			rows[i] = []any{h.Text, h.Status, h.Evidence}
		}
		if v.Hypotheses, err = Table([]Column{{Head: r.L["hypothesis"]}, {Head: r.L["hStatus"]}, {Head: r.L["evidence"]}}, rows); err != nil {
			return nil, err
		}
	}
	if len(c.History) > 0 {
		cols := []Column{{Head: r.L["date"]}, {Head: r.L["change"]}, {Head: r.L["basis"]}}
		if c.HistoryStage {
			cols = append(cols, Column{Head: r.L["stage"]})
		}
		rows := make([][]any, len(c.History))
		for i, h := range c.History {
			rows[i] = []any{h.Date, h.Change, h.Basis}
			if c.HistoryStage {
				rows[i] = append(rows[i], h.Stage)
			}
		}
		if v.History, err = Table(cols, rows); err != nil {
			return nil, err
		}
	}
	return r.exec("card.md.tmpl", v)
}

// overviewView is what overview.md.tmpl sees.
type overviewView struct {
	*OverviewPage
	Page        *OverviewPage
	L           map[string]string
	Title       string
	Description []string
	Owner       string
	Statuses    string
	IndexLink   string
	SourceFile  string
	SourceName  string
	Findings    []string // the key findings, one escaped list item each
	RankingRule string
	Groups      []groupView
	Services    string
	Catalogue   string
	// Segmentation is .Segments encoded (segments.go): a few template lines show it.
	Segmentation []segmentsView
}

// groupView is one client status's research order.
type groupView struct {
	Title   string
	Ranking string // table
	Chart   string // the quadrantChart lines, without the fence
	Legend  string
	NoData  string // table
}

func mdLink(l Link) string {
	if l.Href == "" {
		return Inline(l.Text)
	}
	return string(link(l.Text, l.Href))
}

func (r *renderer) mdOverview(o *OverviewPage) ([]byte, error) {
	v := overviewView{
		OverviewPage: o, Page: o, L: r.L,
		Title:       Inline(o.Title),
		Description: escAll(o.Description),
		Owner:       Inline(o.Owner),
		Statuses:    Inline(o.Statuses),
		IndexLink:   o.Index.Href,
		SourceFile:  o.Source.Href,
		SourceName:  Inline(o.Source.Text),
		RankingRule: Inline(r.L["rankingRule"]),
	}
	v.Findings = r.mdFindings(o)
	var err error
	for _, g := range o.Groups {
		gv := groupView{Title: Inline(g.Title), Legend: Inline(g.Legend)}
		if len(g.Ranked) > 0 {
			rows := make([][]any, len(g.Ranked))
			for i, rr := range g.Ranked {
				rows[i] = []any{strconv.Itoa(rr.Rank), link(rr.Profile.Text, rr.Profile.Href), rr.Stage, rr.Capacity, rr.Satisfaction, rr.Flags, rr.Score}
			}
			cols := []Column{{Head: r.L["rank"], Right: true}, {Head: r.L["profile"]}, {Head: r.L["stage"]},
				{Head: r.L["capacity"], Right: true}, {Head: r.L["satisfaction"], Right: true}, {Head: r.L["extraFlags"]}, {Head: r.L["score"], Right: true}}
			if gv.Ranking, err = Table(cols, rows); err != nil {
				return nil, err
			}
			gv.Chart = r.chart(g)
		}
		if len(g.NoData) > 0 {
			rows := make([][]any, len(g.NoData))
			for i, n := range g.NoData {
				rows[i] = []any{link(n.Profile.Text, n.Profile.Href), n.Stage, orNoData(n.Capacity, r.L), orNoData(n.Satisfaction, r.L), n.Flags}
			}
			cols := []Column{{Head: r.L["profile"]}, {Head: r.L["stage"]}, {Head: r.L["capacity"]}, {Head: r.L["satisfaction"]}, {Head: r.L["extraFlags"]}}
			if gv.NoData, err = Table(cols, rows); err != nil {
				return nil, err
			}
		}
		v.Groups = append(v.Groups, gv)
	}
	if len(o.Services) > 0 {
		rows := make([][]any, len(o.Services))
		for i, s := range o.Services {
			rows[i] = []any{s.Title, s.Type}
		}
		if v.Services, err = Table([]Column{{Head: r.L["serviceName"]}, {Head: r.L["serviceType"]}}, rows); err != nil {
			return nil, err
		}
	}
	if len(o.Catalogue) > 0 {
		rows := make([][]any, len(o.Catalogue))
		for i, a := range o.Catalogue {
			rows[i] = []any{a.Title, a.Statuses, a.Type, a.Values, a.Unit, a.Sources}
		}
		cols := []Column{{Head: r.L["attribute"]}, {Head: r.L["statuses"]}, {Head: r.L["attrType"]}, {Head: r.L["values"]}, {Head: r.L["unit"]}, {Head: r.L["sources"]}}
		if v.Catalogue, err = Table(cols, rows); err != nil {
			return nil, err
		}
	}
	if v.Segmentation, err = r.mdSegments(o.Segments, ""); err != nil {
		return nil, err
	}
	return r.exec("overview.md.tmpl", v)
}

// orNoData marks a missing main parameter in the «нет данных» table.
func orNoData(s string, L map[string]string) string {
	if s == "" {
		return L["notSet"]
	}
	return s
}

// findingLines words the key findings; each encoder writes them its way from these parts.
type findingLine struct {
	Label string
	Text  string // plain
	Links []Link // ranked picks, after Text
	Ranks []int
}

func (r *renderer) findings(o *OverviewPage) []findingLine {
	var out []findingLine
	parts := make([]string, 0, len(o.ByStage))
	for _, c := range o.ByStage {
		parts = append(parts, c.Name+": "+strconv.Itoa(c.N))
	}
	t := strconv.Itoa(o.Profiles)
	if len(parts) > 0 {
		t += " (" + strings.Join(parts, ", ") + ")"
	}
	out = append(out, findingLine{Label: r.L["kfProfiles"], Text: t})
	if len(o.Hypotheses) > 0 {
		parts = parts[:0]
		for _, c := range o.Hypotheses {
			parts = append(parts, c.Name+": "+strconv.Itoa(c.N))
		}
		out = append(out, findingLine{Label: r.L["hypotheses"], Text: strings.Join(parts, ", ")})
	}
	for i := 0; i < len(o.First); {
		j := i
		fl := findingLine{Label: r.L["kfFirst"] + " — " + strings.ToLower(o.First[i].Status)}
		for ; j < len(o.First) && o.First[j].Status == o.First[i].Status; j++ {
			fl.Links = append(fl.Links, o.First[j].Profile)
			fl.Ranks = append(fl.Ranks, o.First[j].Rank)
		}
		out = append(out, fl)
		i = j
	}
	if o.NoData > 0 {
		out = append(out, findingLine{Label: r.L["noData"], Text: strconv.Itoa(o.NoData)})
	}
	return out
}

func (r *renderer) mdFindings(o *OverviewPage) []string {
	var out []string
	for _, f := range r.findings(o) {
		s := "**" + Inline(f.Label) + ":** " + Inline(f.Text)
		for i, l := range f.Links {
			if i > 0 {
				s += "; "
			}
			s += strconv.Itoa(f.Ranks[i]) + ". " + mdLink(l)
		}
		out = append(out, s)
	}
	return out
}

// chart builds a Mermaid quadrantChart of one status group: capacity (x, as a share of the
// largest in the group) against satisfaction (y, its place on its scale). Points are
// labelled by their rank (the table beside names them) and kept off the edges; every
// text is quoted; coordinates have two decimals within [0.05, 0.95], which the lexer's
// `0(.\d+)?|1` always accepts.
func (r *renderer) chart(g StatusGroup) string {
	q := func(key string) string { return `"` + chartName(r.L[key]) + `"` }
	lines := []string{
		"quadrantChart",
		"    x-axis " + q("chartX") + " --> " + q("chartX2"),
		"    y-axis " + q("chartY") + " --> " + q("chartY2"),
		"    quadrant-1 " + q("quadrant1"),
		"    quadrant-2 " + q("quadrant2"),
		"    quadrant-3 " + q("quadrant3"),
		"    quadrant-4 " + q("quadrant4"),
	}
	for _, rr := range g.Ranked {
		lines = append(lines, `    "`+strconv.Itoa(rr.Rank)+`": [`+coord(rr.X)+", "+coord(rr.Y)+"]")
	}
	return strings.Join(lines, "\n")
}

func coord(f float64) string {
	return strconv.FormatFloat(min(max(f, 0.05), 0.95), 'f', 2, 64)
}

// indexView is what index.md.tmpl sees.
type indexView struct {
	*IndexPage
	Page  *IndexPage
	L     map[string]string
	Table string
	LSs   []*model.LifeSituation // sorted by title, for custom templates
}

func (r *renderer) mdIndex(x *IndexPage) ([]byte, error) {
	v := indexView{IndexPage: x, Page: x, L: r.L, LSs: x.LSList}
	if len(x.Rows) > 0 {
		cols := []Column{{Head: r.L["ls"]}}
		for _, h := range x.Heads {
			cols = append(cols, Column{Head: h, Right: true})
		}
		rows := make([][]any, 0, len(x.Rows)+1)
		for _, ls := range x.Rows {
			row := []any{link(ls.Overview.Text, ls.Overview.Href)}
			for _, c := range ls.Counts {
				row = append(row, strconv.Itoa(c))
			}
			rows = append(rows, row)
		}
		row := []any{Markup("**" + Inline(r.L["total"]) + "**")}
		for _, c := range x.Total {
			row = append(row, strconv.Itoa(c))
		}
		rows = append(rows, row)
		var err error
		if v.Table, err = Table(cols, rows); err != nil {
			return nil, err
		}
	}
	return r.exec("index.md.tmpl", v)
}
