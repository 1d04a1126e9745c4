package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/profiler-cx/profiler/internal/model"
)

// cardView is what card.md.tmpl sees. Strings are escaped Markdown; tables are finished.
type cardView struct {
	L            map[string]string
	Lang         string
	Profile      *model.Profile       // raw, for custom templates (escape with esc)
	LS           *model.LifeSituation // raw
	Title        string
	LSTitle      string
	OverviewLink string // "" when the card stands alone (--out -)
	IndexLink    string
	Status       string
	Stage        string
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

func (r *renderer) card(ls *model.LifeSituation, p *model.Profile, inSite bool) ([]byte, error) {
	v := cardView{
		L: r.L, Lang: string(r.opts.Lang), Profile: p, LS: ls,
		Title:       Inline(p.Title),
		LSTitle:     Inline(ls.Title),
		Status:      Inline(r.t(p.Status.Name())),
		Stage:       Inline(r.t(p.Stage.Name())),
		Description: Paragraphs(p.Description),
		Journey:     r.items(p.Journey),
		Pains:       r.items(p.Pains),
		Informing:   joinInline(p.Channels.Informing),
		Service:     joinInline(p.Channels.Service),
		Notes:       Paragraphs(p.Notes),
	}
	if inSite {
		v.OverviewLink = OverviewFile
		v.IndexLink = "../" + IndexFile
		page := ls.ID + "/" + p.ID + ".md"
		v.SourceFile = r.sourceLink(page, p.Path)
		v.SourceName = Inline(shortPath(p.Path))
	}
	for _, s := range p.Sources {
		if s = Inline(s); s != "" {
			v.Sources = append(v.Sources, s)
		}
	}
	var err error
	if v.Attributes, err = r.attrTable(ls, p); err != nil {
		return nil, err
	}
	if v.Priority, err = r.priorityTable(p.Priority); err != nil {
		return nil, err
	}
	if len(p.Hypotheses) > 0 {
		var rows [][]any
		for _, h := range p.Hypotheses {
			ev := h.Evidence
			if h.Source != "" {
				ev = strings.TrimSpace(ev + " (" + r.L["fromSource"] + ": " + h.Source + ")")
			}
			rows = append(rows, []any{h.Text, r.t(h.Status.Name()), ev})
		}
		if v.Hypotheses, err = Table([]Column{{Head: r.L["hypothesis"]}, {Head: r.L["hStatus"]}, {Head: r.L["evidence"]}}, rows); err != nil {
			return nil, err
		}
	}
	if len(p.History) > 0 {
		withStage := false
		for _, h := range p.History {
			withStage = withStage || h.Stage != ""
		}
		cols := []Column{{Head: r.L["date"]}, {Head: r.L["change"]}, {Head: r.L["basis"]}}
		if withStage {
			cols = append(cols, Column{Head: r.L["stage"]})
		}
		var rows [][]any
		for _, h := range p.History {
			row := []any{h.Date, h.Change, h.Basis}
			if withStage {
				st := ""
				if h.Stage != "" {
					st = r.t(h.Stage.Name())
				}
				row = append(row, st)
			}
			rows = append(rows, row)
		}
		if v.History, err = Table(cols, rows); err != nil {
			return nil, err
		}
	}
	return r.exec("card.md.tmpl", v)
}

// items escapes journey or pain items, each with its source when it has one.
func (r *renderer) items(xs []model.Item) []string {
	var out []string
	for _, it := range xs {
		s := Inline(it.Text)
		if s == "" {
			continue
		}
		if src := Inline(it.Source); src != "" {
			s += " (" + r.L["fromSource"] + ": " + src + ")"
		}
		out = append(out, s)
	}
	return out
}

func joinInline(xs []string) string {
	var out []string
	for _, x := range xs {
		if x = Inline(x); x != "" {
			out = append(out, x)
		}
	}
	return strings.Join(out, ", ")
}

// attrTable lists «признак — значение» with the attribute titles of the life situation
// and the value's unit.
func (r *renderer) attrTable(ls *model.LifeSituation, p *model.Profile) (string, error) {
	if len(p.Attributes) == 0 {
		return "", nil
	}
	var rows [][]any
	for _, av := range p.Attributes {
		title, unit := av.Key, ""
		if a := ls.Attribute(av.Key); a != nil {
			title, unit = a.Title, a.Unit
		}
		var vals []string
		for _, s := range av.Values {
			vals = append(vals, s.Text)
		}
		val := strings.Join(vals, ", ")
		if unit != "" && val != "" {
			val += " " + unit
		}
		rows = append(rows, []any{title, val})
	}
	return Table([]Column{{Head: r.L["attribute"]}, {Head: r.L["value"]}}, rows)
}

func (r *renderer) yesNo(b bool) string {
	if b {
		return r.L["yes"]
	}
	return r.L["no"]
}

func (r *renderer) priorityTable(pr model.Priority) (string, error) {
	var rows [][]any
	if c := pr.Capacity; c.Set {
		rows = append(rows, []any{r.L["capacity"], Number(c.Number, r.opts.Lang), c.Source, c.Note})
	}
	if s := pr.Satisfaction; s.Set {
		val := Number(s.Number, r.opts.Lang) + " " + r.L["of"] + " " + Number(scaleOf(s), r.opts.Lang)
		rows = append(rows, []any{r.L["satisfaction"], val, s.Source, s.Note})
	}
	for _, f := range []struct {
		key string
		p   model.Param
	}{{"uniqueProblems", pr.UniqueProblems}, {"blindZone", pr.BlindZone}, {"customerFocus", pr.CustomerFocus}} {
		if f.p.Set {
			rows = append(rows, []any{r.L[f.key], r.yesNo(f.p.Bool), f.p.Source, f.p.Note})
		}
	}
	if len(rows) == 0 {
		return "", nil
	}
	return Table([]Column{{Head: r.L["parameter"]}, {Head: r.L["value"]}, {Head: r.L["source"]}, {Head: r.L["note"]}}, rows)
}

func scaleOf(p model.Param) float64 {
	if p.Scale > 0 {
		return p.Scale
	}
	return 5
}

// overviewView is what overview.md.tmpl sees.
type overviewView struct {
	L           map[string]string
	Lang        string
	LS          *model.LifeSituation
	Ranked      []Ranked
	Title       string
	Description []string
	Owner       string
	Statuses    string
	IndexLink   string
	SourceFile  string
	SourceName  string
	Services    string
	Catalogue   string
	RankingRule string
	Ranking     string
	Chart       string // the quadrantChart lines, without the fence
	NotOnChart  []string
}

func (r *renderer) overview(ls *model.LifeSituation, ranked []Ranked) ([]byte, error) {
	v := overviewView{
		L: r.L, Lang: string(r.opts.Lang), LS: ls, Ranked: ranked,
		Title:       Inline(ls.Title),
		Description: Paragraphs(ls.Description),
		Owner:       Inline(ls.Owner),
		IndexLink:   "../" + IndexFile,
		RankingRule: Inline(r.L["rankingRule"]),
		SourceFile:  r.sourceLink(ls.ID+"/"+OverviewFile, ls.Path),
		SourceName:  Inline(shortPath(ls.Path)),
	}
	var sts []string
	for _, s := range ls.Statuses {
		sts = append(sts, r.t(s.Name()))
	}
	v.Statuses = Inline(strings.Join(sts, ", "))
	var err error
	if len(ls.Services) > 0 {
		var rows [][]any
		for _, s := range ls.Services {
			title := s.Title
			if s.Description != "" {
				title += " — " + s.Description
			}
			rows = append(rows, []any{title, r.t(s.Type.Name())})
		}
		if v.Services, err = Table([]Column{{Head: r.L["serviceName"]}, {Head: r.L["serviceType"]}}, rows); err != nil {
			return nil, err
		}
	}
	if len(ls.Attributes) > 0 {
		var rows [][]any
		for _, a := range ls.Attributes {
			var st []string
			for _, s := range a.Statuses {
				st = append(st, r.t(s.Name()))
			}
			var srcs []string
			for _, s := range a.Sources {
				if t, ok := sourceKinds[s]; ok {
					srcs = append(srcs, r.t(t))
				} else {
					srcs = append(srcs, s)
				}
			}
			rows = append(rows, []any{a.Title, strings.Join(st, ", "), r.attrType(a), r.attrValues(a), a.Unit, strings.Join(srcs, ", ")})
		}
		cols := []Column{{Head: r.L["attribute"]}, {Head: r.L["statuses"]}, {Head: r.L["attrType"]}, {Head: r.L["values"]}, {Head: r.L["unit"]}, {Head: r.L["sources"]}}
		if v.Catalogue, err = Table(cols, rows); err != nil {
			return nil, err
		}
	}
	if len(ranked) > 0 {
		var rows [][]any
		for i, rp := range ranked {
			p := rp.Profile
			capS, satS, score := "", "", ""
			if c := p.Priority.Capacity; c.Set {
				capS = Number(c.Number, r.opts.Lang)
			}
			if s := p.Priority.Satisfaction; s.Set {
				satS = Number(s.Number, r.opts.Lang) + " " + r.L["of"] + " " + Number(scaleOf(s), r.opts.Lang)
			}
			if rp.Main {
				score = fixed2(rp.Score, r.opts.Lang)
			}
			rows = append(rows, []any{strconv.Itoa(i + 1), link(p.Title, p.ID+".md"), r.t(p.Status.Name()), r.t(p.Stage.Name()),
				capS, satS, r.flagNames(p.Priority), score})
			if !rp.Main {
				v.NotOnChart = append(v.NotOnChart, string(link(p.Title, p.ID+".md")))
			}
		}
		cols := []Column{{Head: r.L["rank"], Right: true}, {Head: r.L["profile"]}, {Head: r.L["hStatus"]}, {Head: r.L["stage"]},
			{Head: r.L["capacity"], Right: true}, {Head: r.L["satisfaction"], Right: true}, {Head: r.L["extraFlags"]}, {Head: r.L["score"], Right: true}}
		if v.Ranking, err = Table(cols, rows); err != nil {
			return nil, err
		}
		v.Chart = r.chart(ranked)
	}
	return r.exec("overview.md.tmpl", v)
}

func (r *renderer) flagNames(pr model.Priority) string {
	var out []string
	for _, f := range []struct {
		key string
		p   model.Param
	}{{"uniqueProblems", pr.UniqueProblems}, {"blindZone", pr.BlindZone}, {"customerFocus", pr.CustomerFocus}} {
		if f.p.Set && f.p.Bool {
			out = append(out, strings.ToLower(r.L[f.key]))
		}
	}
	return strings.Join(out, ", ")
}

func (r *renderer) attrType(a model.Attribute) string {
	switch a.Type {
	case model.AttrEnum:
		return r.L["typeEnum"]
	case model.AttrRange:
		return r.L["typeRange"]
	case model.AttrText:
		return r.L["typeText"]
	}
	return string(a.Type)
}

func (r *renderer) attrValues(a model.Attribute) string {
	switch {
	case a.Catalog != "":
		name := a.Catalog
		if t, ok := catalogNames[a.Catalog]; ok {
			name = r.t(t) + " (" + a.Catalog + ")"
		}
		return r.L["catalogRef"] + ": " + name
	case len(a.Values) > 0:
		return strings.Join(a.Values, ", ")
	case a.Type == model.AttrRange:
		return r.L["anyNumber"]
	case a.Type == model.AttrText:
		return r.L["freeText"]
	}
	return ""
}

// chart builds a Mermaid quadrantChart of capacity (x, as a share of the largest) against
// satisfaction (y, as a share of its scale) for the profiles that have both. Every text is
// quoted; coordinates have two decimals within [0.01, 0.99], which the lexer's
// `0(.\d+)?|1` always accepts. Returns "" when no profile has both parameters.
func (r *renderer) chart(ranked []Ranked) string {
	var pts []string
	for i, rp := range ranked {
		if !rp.Main {
			continue
		}
		name := fmt.Sprintf("%d. %s", i+1, rp.Profile.Title)
		pts = append(pts, `    "`+chartName(name)+`": [`+coord(rp.Share)+", "+coord(rp.Satis)+"]")
	}
	if len(pts) == 0 {
		return ""
	}
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
	return strings.Join(append(lines, pts...), "\n")
}

func coord(f float64) string {
	return strconv.FormatFloat(min(max(f, 0.01), 0.99), 'f', 2, 64)
}

// indexView is what index.md.tmpl sees.
type indexView struct {
	L     map[string]string
	Lang  string
	Intro string
	Table string
	LSs   []*model.LifeSituation
}

func (r *renderer) index(lss []*model.LifeSituation, byLS map[string][]*model.Profile) ([]byte, error) {
	v := indexView{L: r.L, Lang: string(r.opts.Lang), LSs: lss}
	if len(lss) > 0 {
		cols := []Column{{Head: r.L["ls"]}, {Head: r.L["profiles"], Right: true}}
		for _, s := range model.Statuses {
			cols = append(cols, Column{Head: r.t(s.Name()), Right: true})
		}
		for _, s := range model.Stages {
			cols = append(cols, Column{Head: r.t(s.Name()), Right: true})
		}
		total := make([]int, 1+len(model.Statuses)+len(model.Stages))
		var rows [][]any
		for _, ls := range lss {
			counts := make([]int, len(total))
			for _, p := range byLS[ls.ID] {
				counts[0]++
				for i, s := range model.Statuses {
					if p.Status == s {
						counts[1+i]++
					}
				}
				for i, s := range model.Stages {
					if p.Stage == s {
						counts[1+len(model.Statuses)+i]++
					}
				}
			}
			row := []any{link(ls.Title, ls.ID+"/"+OverviewFile)}
			for i, c := range counts {
				total[i] += c
				row = append(row, strconv.Itoa(c))
			}
			rows = append(rows, row)
		}
		row := []any{Markup("**" + Inline(r.L["total"]) + "**")}
		for _, c := range total {
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
