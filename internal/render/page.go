package render

import (
	"strconv"
	"strings"

	"github.com/profiler-cx/profiler/internal/catalog"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/model"
)

// The page model: what a card, an overview and the index contain, as plain (unescaped)
// text, numbers already worded in the page's language, and links. It is built once per
// page and encoded as Markdown (markdown.go) or HTML (html.go); neither encoder decides
// what a page says, only how it is written.

// Link is a link to a page of the site (a relative path) or, for Markdown, to a source
// file. Href is "" when there is nothing to link to (a card printed alone).
type Link struct {
	Text string
	Href string
}

// Row is one «признак — значение» line of a card. The unit is in the label
// («Возраст, лет»), never after the number.
type Row struct {
	Label string
	Value string
}

// ItemText is a journey or pain item with its source.
type ItemText struct {
	Text   string
	Source string
}

// ParamRow is one prioritisation parameter of a card. Value carries the note where one
// is given («5 000 (около 5000)»): an estimate is never shown as an exact number alone.
type ParamRow struct {
	Key    string // capacity, satisfaction, uniqueProblems, blindZone, customerFocus
	Name   string
	Value  string
	Source string
}

// HypothesisRow is one hypothesis of a card.
type HypothesisRow struct {
	Text     string
	Status   string
	StatusID string // open, confirmed, refuted
	Evidence string
}

// HistoryRow is one history entry of a card.
type HistoryRow struct {
	Date, Change, Basis, Stage string
}

// CardPage is a profile card, in the order of the method's card template.
type CardPage struct {
	Lang         string
	LS           *model.LifeSituation // raw, for custom templates
	Profile      *model.Profile       // raw
	Title        string
	LSTitle      string
	Overview     Link // "" Href when the card stands alone
	Index        Link
	Source       Link // the YAML file (Href only for Markdown inside a site)
	Status       string
	StatusID     string
	Stage        string
	StageID      string
	StageMeaning string // how far to trust the card, in words
	Updated      string // the date of the last history entry, or ""
	Description  []string
	Attributes   []Row
	Journey      []ItemText
	Pains        []ItemText
	Informing    []string
	Service      []string
	Notes        []string
	Priority     []ParamRow
	Hypotheses   []HypothesisRow
	Sources      []string
	History      []HistoryRow
	HistoryStage bool // some history entry names a stage
}

// RankRow is a ranked profile of one client status on an overview.
type RankRow struct {
	Rank         int
	Profile      Link
	ID           string
	Stage        string
	Capacity     string
	Satisfaction string
	Flags        string
	Score        string
	X, Y         float64 // the chart position, each in [0.05, 0.95]
	p            *model.Profile
}

// NoDataRow is a profile that lacks capacity or satisfaction: it is not ranked.
type NoDataRow struct {
	Profile      Link
	Stage        string
	Capacity     string // "" when missing
	Satisfaction string
	Flags        string
	p            *model.Profile
}

// StatusGroup is the research order of the profiles of one client status: segments of
// different statuses are never compared with each other.
type StatusGroup struct {
	Status model.Status
	Title  string // «Граждане»
	Ranked []RankRow
	NoData []NoDataRow
	Scale  string // the satisfaction scales on the chart, «1–5»
	Legend string // what the chart's axes and points mean
}

// Count is a number of profiles or hypotheses under a name.
type Count struct {
	Name string
	N    int
}

// FirstPick is a profile to research first within its client status.
type FirstPick struct {
	Status  string
	Profile Link
	Rank    int
}

// ServiceRow is a service of a life situation.
type ServiceRow struct {
	Title string
	Type  string
}

// CatalogueRow is an attribute of the life situation's catalogue.
type CatalogueRow struct {
	Title, Statuses, Type, Values, Unit, Sources string
}

// OverviewPage is a life situation's overview: key findings first, the research order per
// client status, then the reference material (services, attribute catalogue).
type OverviewPage struct {
	Lang        string
	LS          *model.LifeSituation
	Title       string
	Description []string
	Owner       string
	Statuses    string
	Index       Link
	Source      Link
	Profiles    int
	ByStage     []Count // stages with at least one profile
	Hypotheses  []Count // confirmed, refuted, open (all three, when any hypothesis exists)
	First       []FirstPick
	NoData      int
	Groups      []StatusGroup
	Services    []ServiceRow
	Catalogue   []CatalogueRow
	Segments    []SegmentGroup   // stage II analysis per status (segments.go); nil without profiles
	Cards       []Link           // every card, in research order (for print pages)
	Order       []*model.Profile // the profiles of Cards
}

// IndexLS is a life situation's row of the index.
type IndexLS struct {
	Overview Link
	Counts   []int // profiles; per status; per stage
}

// IndexProfile is a profile's row in the HTML index's filterable table.
type IndexProfile struct {
	LS       Link
	LSID     string
	ID       string
	Card     Link
	Status   string
	StatusID string
	Stage    string
	StageID  string
}

// Choice is a filter choice: an id and its words.
type Choice struct{ ID, Name string }

// IndexPage lists every life situation (and, for HTML, every profile).
type IndexPage struct {
	Lang     string
	Heads    []string // the count columns' headings
	Rows     []IndexLS
	Total    []int
	Profiles []IndexProfile
	Statuses []Choice // the filter's choices
	Stages   []Choice
	LSList   []*model.LifeSituation
}

// names are the file names an encoder gives the pages: links in the model point to them.
type names struct {
	ext      string // a card's extension
	overview string
	index    string
}

var (
	mdNames   = names{ext: ".md", overview: OverviewFile, index: IndexFile}
	htmlNames = names{ext: ".html", overview: "index.html", index: "index.html"}
)

// builder builds the page model in one language.
type builder struct {
	lang i18n.Lang
	L    map[string]string
	n    names
	opts Options
}

func (b *builder) t(t i18n.Text) string { return t.In(b.lang) }

// plainParagraphs splits s at blank lines into one-line paragraphs.
func plainParagraphs(s string) []string {
	var out []string
	for _, p := range splitBlankLines(strings.ReplaceAll(s, "\r\n", "\n")) {
		if p = oneLine(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func nonEmpty(xs []string) []string {
	var out []string
	for _, x := range xs {
		if x = oneLine(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

func (b *builder) items(xs []model.Item) []ItemText {
	var out []ItemText
	for _, it := range xs {
		if t := oneLine(it.Text); t != "" {
			out = append(out, ItemText{Text: t, Source: oneLine(it.Source)})
		}
	}
	return out
}

// card builds a card; inSite adds the links to the overview, the index and the source.
func (b *builder) card(ls *model.LifeSituation, p *model.Profile, inSite bool) *CardPage {
	c := &CardPage{
		Lang: string(b.lang), LS: ls, Profile: p,
		Title: p.Title, LSTitle: ls.Title,
		Status: b.t(p.Status.Name()), StatusID: string(p.Status),
		Stage: b.t(p.Stage.Name()), StageID: string(p.Stage),
		StageMeaning: b.t(stageMeaning(p.Stage)),
		Description:  plainParagraphs(p.Description),
		Journey:      b.items(p.Journey),
		Pains:        b.items(p.Pains),
		Informing:    nonEmpty(p.Channels.Informing),
		Service:      nonEmpty(p.Channels.Service),
		Notes:        plainParagraphs(p.Notes),
		Sources:      nonEmpty(p.Sources),
	}
	if n := len(p.History); n > 0 {
		c.Updated = p.History[n-1].Date
	}
	c.Overview.Text, c.Index.Text = ls.Title, b.L["indexLink"]
	if inSite {
		c.Overview.Href = b.n.overview
		c.Index.Href = "../" + b.n.index
		c.Source = Link{Text: shortPath(p.Path)}
		if b.n.ext == ".md" {
			c.Source.Href = b.sourceLink(ls.ID+"/"+p.ID+".md", p.Path)
		}
	}
	for _, av := range p.Attributes {
		c.Attributes = append(c.Attributes, b.attrRow(ls, av))
	}
	c.Priority = b.params(p.Priority)
	for _, h := range p.Hypotheses {
		ev := h.Evidence
		if h.Source != "" {
			ev = strings.TrimSpace(ev + " (" + b.L["fromSource"] + ": " + h.Source + ")")
		}
		c.Hypotheses = append(c.Hypotheses, HypothesisRow{Text: h.Text, Status: b.t(h.Status.Name()), StatusID: string(h.Status), Evidence: ev})
	}
	for _, h := range p.History {
		st := ""
		if h.Stage != "" {
			st = b.t(h.Stage.Name())
			c.HistoryStage = true
		}
		c.History = append(c.History, HistoryRow{Date: h.Date, Change: h.Change, Basis: h.Basis, Stage: st})
	}
	return c
}

// stageMeaning says in a few words how far a card of that stage can be trusted.
func stageMeaning(s model.Stage) i18n.Text {
	switch s {
	case model.StageSegment:
		return i18n.Text{RU: "выделен по признакам, не исследован", EN: "identified by attributes, not researched yet"}
	case model.StageHypothesis:
		return i18n.Text{RU: "гипотеза, требует проверки", EN: "a hypothesis, to be verified"}
	case model.StageRefined:
		return i18n.Text{RU: "уточнен исследованиями", EN: "refined by research"}
	case model.StageFinal:
		return i18n.Text{RU: "закреплен", EN: "fixed"}
	}
	return i18n.Text{}
}

// attrRow words one attribute value: the unit goes into the label, catalogue values
// appear under the catalogue's own name, ranges with an en dash.
func (b *builder) attrRow(ls *model.LifeSituation, av model.AttrValue) Row {
	title := av.Key
	var a *model.Attribute
	if a = ls.Attribute(av.Key); a != nil {
		title = a.Title
		if u := oneLine(a.Unit); u != "" {
			title += ", " + u
		}
	}
	vals := make([]string, 0, len(av.Values))
	for _, s := range av.Values {
		vals = append(vals, b.attrValue(a, s))
	}
	return Row{Label: title, Value: strings.Join(vals, ", ")}
}

func (b *builder) attrValue(a *model.Attribute, s model.Scalar) string {
	if a == nil {
		return s.Text
	}
	if a.Catalog != "" {
		if c, ok := catalog.Get(a.Catalog); ok {
			if e, ok := c.Match(s.Text); ok {
				return e.Name
			}
		}
		return s.Text
	}
	if s.Number {
		if f, err := strconv.ParseFloat(s.Canonical, 64); err == nil && s.Canonical != "" {
			return Number(f, b.lang)
		}
	}
	if a.Type == model.AttrRange {
		return rangeDash(s.Text)
	}
	return s.Text
}

// rangeDash writes a range such as "18-25" with an en dash, «18–25»; "-5" stays as it is.
func rangeDash(s string) string {
	i := strings.IndexByte(s, '-')
	if i <= 0 || i == len(s)-1 || !isDigit(s[i-1]) || !isDigit(s[i+1]) {
		return s
	}
	return s[:i] + "–" + s[i+1:]
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func (b *builder) yesNo(v bool) string {
	if v {
		return b.L["yes"]
	}
	return b.L["no"]
}

// withNote appends a parameter's note to its value, so an estimate is read as one.
func withNote(v, note string) string {
	if note = oneLine(note); note != "" {
		return v + " (" + note + ")"
	}
	return v
}

func (b *builder) capacity(c model.Param) string {
	if !c.Set {
		return ""
	}
	return withNote(Number(c.Number, b.lang), c.Note)
}

func (b *builder) satisfaction(s model.Param) string {
	if !s.Set {
		return ""
	}
	v := Number(s.Number, b.lang) + " " + b.L["onScale"] + " " + b.scaleText(s)
	return withNote(v, s.Note)
}

// scaleText is a satisfaction scale as a range, «1–5».
func (b *builder) scaleText(s model.Param) string {
	from, to := scaleRange(s)
	return Number(from, b.lang) + "–" + Number(to, b.lang)
}

// scaleRange is where a satisfaction scale starts and ends (1–5 unless the file says).
func scaleRange(s model.Param) (from, to float64) {
	from, to = s.ScaleFrom, s.Scale
	if to <= 0 {
		to = 5
	}
	if from >= to {
		from = 0
	}
	return from, to
}

func (b *builder) params(pr model.Priority) []ParamRow {
	var rows []ParamRow
	if c := pr.Capacity; c.Set {
		rows = append(rows, ParamRow{Key: "capacity", Name: b.L["capacity"], Value: b.capacity(c), Source: c.Source})
	}
	if s := pr.Satisfaction; s.Set {
		rows = append(rows, ParamRow{Key: "satisfaction", Name: b.L["satisfaction"], Value: b.satisfaction(s), Source: s.Source})
	}
	for _, f := range flagParams(pr) {
		if f.p.Set {
			rows = append(rows, ParamRow{Key: f.key, Name: b.L[f.key], Value: withNote(b.yesNo(f.p.Bool), f.p.Note), Source: f.p.Source})
		}
	}
	return rows
}

type flagParam struct {
	key string
	p   model.Param
}

func flagParams(pr model.Priority) []flagParam {
	return []flagParam{{"uniqueProblems", pr.UniqueProblems}, {"blindZone", pr.BlindZone}, {"customerFocus", pr.CustomerFocus}}
}

func (b *builder) flagNames(pr model.Priority) string {
	var out []string
	for _, f := range flagParams(pr) {
		if f.p.Set && f.p.Bool {
			out = append(out, strings.ToLower(b.L[f.key]))
		}
	}
	return strings.Join(out, ", ")
}

// statusGroupTitle names the clients of a status in the plural, as a heading.
func statusGroupTitle(s model.Status) i18n.Text {
	switch s {
	case model.Citizen:
		return i18n.Text{RU: "Граждане", EN: "Citizens"}
	case model.Business:
		return i18n.Text{RU: "Представители бизнеса", EN: "Business representatives"}
	case model.Internal:
		return i18n.Text{RU: "Внутренние клиенты", EN: "Internal clients"}
	}
	return i18n.Same(string(s))
}

// statusOrder is the order of the status groups: the life situation's statuses, then
// any other a profile has (checked input has none).
func statusOrder(ls *model.LifeSituation, ps []*model.Profile) ([]model.Status, map[model.Status][]*model.Profile) {
	byStatus := map[model.Status][]*model.Profile{}
	var order []model.Status
	for _, st := range ls.Statuses {
		if _, ok := byStatus[st]; !ok {
			byStatus[st] = nil
			order = append(order, st)
		}
	}
	for _, p := range ps {
		if _, ok := byStatus[p.Status]; !ok {
			order = append(order, p.Status)
		}
		byStatus[p.Status] = append(byStatus[p.Status], p)
	}
	return order, byStatus
}

// researchOrder is the order of the cards: per status group, ranked, then those without
// data.
func researchOrder(ls *model.LifeSituation, ps []*model.Profile) []*model.Profile {
	order, byStatus := statusOrder(ls, ps)
	out := make([]*model.Profile, 0, len(ps))
	for _, st := range order {
		for _, r := range Rank(byStatus[st]) {
			out = append(out, r.Profile)
		}
	}
	return out
}

// cards builds every card of a life situation in research order.
func (b *builder) cards(ls *model.LifeSituation, order []*model.Profile) []*CardPage {
	out := make([]*CardPage, len(order))
	for i, p := range order {
		out[i] = b.card(ls, p, true)
	}
	return out
}

// overview builds a life situation's overview from its profiles.
func (b *builder) overview(ls *model.LifeSituation, ps []*model.Profile) *OverviewPage {
	o := &OverviewPage{
		Lang: string(b.lang), LS: ls,
		Title:       ls.Title,
		Description: plainParagraphs(ls.Description),
		Owner:       oneLine(ls.Owner),
		Index:       Link{Text: b.L["indexLink"], Href: "../" + b.n.index},
		Source:      Link{Text: shortPath(ls.Path)},
		Profiles:    len(ps),
	}
	if b.n.ext == ".md" {
		o.Source.Href = b.sourceLink(ls.ID+"/"+OverviewFile, ls.Path)
	}
	var sts []string
	for _, s := range ls.Statuses {
		sts = append(sts, b.t(s.Name()))
	}
	o.Statuses = strings.Join(sts, ", ")
	// Key findings: profiles by stage, hypotheses by state.
	stageN := make([]int, len(model.Stages))
	var hyp [3]int
	anyHyp := false
	for _, p := range ps {
		if i := p.Stage.Index(); i >= 0 {
			stageN[i]++
		}
		for _, h := range p.Hypotheses {
			anyHyp = true
			switch h.Status {
			case model.HypothesisConfirmed:
				hyp[0]++
			case model.HypothesisRefuted:
				hyp[1]++
			default:
				hyp[2]++
			}
		}
	}
	for i, s := range model.Stages {
		if stageN[i] > 0 {
			o.ByStage = append(o.ByStage, Count{Name: b.t(s.Name()), N: stageN[i]})
		}
	}
	if anyHyp {
		o.Hypotheses = []Count{{b.L["hConfirmed"], hyp[0]}, {b.L["hRefuted"], hyp[1]}, {b.L["hOpen"], hyp[2]}}
	}
	// The research order, per client status.
	order, byStatus := statusOrder(ls, ps)
	for _, st := range order {
		group := byStatus[st]
		if len(group) == 0 {
			continue
		}
		g := b.statusGroup(st, group)
		if len(g.Ranked) > 0 {
			for _, r := range g.Ranked[:min(3, len(g.Ranked))] {
				o.First = append(o.First, FirstPick{Status: g.Title, Profile: r.Profile, Rank: r.Rank})
			}
		}
		o.NoData += len(g.NoData)
		for _, r := range g.Ranked {
			o.Cards = append(o.Cards, r.Profile)
			o.Order = append(o.Order, r.p)
		}
		for _, r := range g.NoData {
			o.Cards = append(o.Cards, r.Profile)
			o.Order = append(o.Order, r.p)
		}
		o.Groups = append(o.Groups, g)
	}
	o.Segments = b.segmentGroups(ls, ps)
	for _, s := range ls.Services {
		title := s.Title
		if s.Description != "" {
			title += " — " + s.Description
		}
		o.Services = append(o.Services, ServiceRow{Title: title, Type: b.t(s.Type.Name())})
	}
	for _, a := range ls.Attributes {
		var st []string
		for _, s := range a.Statuses {
			st = append(st, b.t(s.Name()))
		}
		var srcs []string
		for _, s := range a.Sources {
			if t, ok := sourceKinds[s]; ok {
				srcs = append(srcs, b.t(t))
			} else {
				srcs = append(srcs, s)
			}
		}
		o.Catalogue = append(o.Catalogue, CatalogueRow{Title: a.Title, Statuses: strings.Join(st, ", "), Type: b.attrType(a),
			Values: b.attrValues(a), Unit: a.Unit, Sources: strings.Join(srcs, ", ")})
	}
	return o
}

func (b *builder) statusGroup(st model.Status, ps []*model.Profile) StatusGroup {
	g := StatusGroup{Status: st, Title: b.t(statusGroupTitle(st))}
	scales := map[string]bool{}
	var scaleList []string
	for i, rp := range Rank(ps) {
		p := rp.Profile
		link := Link{Text: p.Title, Href: p.ID + b.n.ext}
		if !rp.Main {
			g.NoData = append(g.NoData, NoDataRow{Profile: link, Stage: b.t(p.Stage.Name()),
				Capacity: b.capacity(p.Priority.Capacity), Satisfaction: b.satisfaction(p.Priority.Satisfaction), Flags: b.flagNames(p.Priority), p: p})
			continue
		}
		if s := b.scaleText(p.Priority.Satisfaction); !scales[s] {
			scales[s] = true
			scaleList = append(scaleList, s)
		}
		g.Ranked = append(g.Ranked, RankRow{
			Rank: i + 1, Profile: link, ID: p.ID, Stage: b.t(p.Stage.Name()),
			Capacity: b.capacity(p.Priority.Capacity), Satisfaction: b.satisfaction(p.Priority.Satisfaction),
			Flags: b.flagNames(p.Priority), Score: fixed2(rp.Score, b.lang),
			X: offEdge(rp.Share), Y: offEdge(rp.Satis), p: p,
		})
	}
	g.Scale = strings.Join(scaleList, ", ")
	if len(g.Ranked) > 0 {
		g.Legend = strings.NewReplacer("{status}", strings.ToLower(g.Title), "{scale}", g.Scale).Replace(b.L["chartLegend"])
	}
	return g
}

// offEdge maps a share in [0, 1] into [0.05, 0.95], so that no point sits on the chart's
// edge where its label is cut.
func offEdge(f float64) float64 {
	return 0.05 + 0.9*min(max(f, 0), 1)
}

func (b *builder) attrType(a model.Attribute) string {
	switch a.Type {
	case model.AttrEnum:
		return b.L["typeEnum"]
	case model.AttrRange:
		return b.L["typeRange"]
	case model.AttrText:
		return b.L["typeText"]
	}
	return string(a.Type)
}

func (b *builder) attrValues(a model.Attribute) string {
	switch {
	case a.Catalog != "":
		name := a.Catalog
		if c, ok := catalog.Get(a.Catalog); ok {
			name = b.t(c.Name) + " (" + a.Catalog + ")"
		}
		return b.L["catalogRef"] + ": " + name
	case len(a.Values) > 0:
		vals := a.Values
		if a.Type == model.AttrRange {
			vals = make([]string, len(a.Values))
			for i, v := range a.Values {
				vals[i] = rangeDash(v)
			}
		}
		return strings.Join(vals, ", ")
	case a.Type == model.AttrRange:
		return b.L["anyNumber"]
	case a.Type == model.AttrText:
		return b.L["freeText"]
	}
	return ""
}

// index builds the index of all life situations (sorted) and their profiles.
func (b *builder) index(lss []*model.LifeSituation, byLS map[string][]*model.Profile) *IndexPage {
	x := &IndexPage{Lang: string(b.lang), LSList: lss}
	x.Heads = append(x.Heads, b.L["profiles"])
	for _, s := range model.Statuses {
		x.Heads = append(x.Heads, b.t(s.Name()))
		x.Statuses = append(x.Statuses, Choice{ID: string(s), Name: b.t(s.Name())})
	}
	for _, s := range model.Stages {
		x.Heads = append(x.Heads, b.t(s.Name()))
		x.Stages = append(x.Stages, Choice{ID: string(s), Name: b.t(s.Name())})
	}
	x.Total = make([]int, len(x.Heads))
	if b.n.ext == ".html" {
		n := 0
		for _, ls := range lss {
			n += len(byLS[ls.ID])
		}
		x.Profiles = make([]IndexProfile, 0, n) // a row per profile: tens of thousands of appends otherwise
	}
	for _, ls := range lss {
		counts := make([]int, len(x.Total))
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
		for i, c := range counts {
			x.Total[i] += c
		}
		ov := Link{Text: ls.Title, Href: ls.ID + "/" + b.n.overview}
		x.Rows = append(x.Rows, IndexLS{Overview: ov, Counts: counts})
		if b.n.ext != ".html" {
			continue // the Markdown index lists life situations only
		}
		for _, p := range byLS[ls.ID] {
			x.Profiles = append(x.Profiles, IndexProfile{LS: ov, LSID: ls.ID, ID: p.ID, Card: Link{Text: p.Title, Href: ls.ID + "/" + p.ID + b.n.ext},
				Status: b.t(p.Status.Name()), StatusID: string(p.Status), Stage: b.t(p.Stage.Name()), StageID: string(p.Stage)})
		}
	}
	return x
}
