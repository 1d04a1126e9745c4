package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	htmltemplate "html/template"
	"io/fs"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The HTML encoder: the same page model as Markdown, written by html/template (which
// escapes every text by its context), plus a print page per life situation and the
// site's assets. Every link is relative, nothing is loaded from outside the site's
// folder, and the pages read without JavaScript (the index filter is the only script).

// HTMLTemplateNames lists the HTML templates a --templates folder may override.
var HTMLTemplateNames = []string{"base.html.tmpl", "index.html.tmpl", "overview.html.tmpl", "card.html.tmpl", "print.html.tmpl"}

// Asset files of the HTML site, relative to its root.
const (
	AssetCSS   = "assets/site.css"
	AssetJS    = "assets/site.js"
	AssetIndex = "assets/index-data.js"
)

var assetFiles = []string{AssetCSS, AssetJS, AssetIndex}

func parseHTMLTemplates(r *renderer, over fs.FS) (*htmltemplate.Template, error) {
	rows := indexProfileRowsMark // the embedded index writes the mark in element content
	if over != nil {
		// A custom template may call it anywhere (an attribute, a script, another page):
		// it gets the rows themselves, escaped there as html/template escapes them.
		rows = indexProfileRows
	}
	root := htmltemplate.New("").Funcs(htmltemplate.FuncMap{
		"cardBody":         r.cardBody,
		"indexCountRows":   indexCountRows,
		"indexProfileRows": rows,
		"fmtChart":         func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) },
		"join":             strings.Join,
		"add2":             func(a, b float64) float64 { return a + b },
		"sub2":             func(a, b float64) float64 { return a - b },
		"half":             func(a float64) float64 { return a / 2 },
		"lower":            strings.ToLower,
		"inc":              func(i int) int { return i + 1 }, // 1-based numbers of the overlap matrix
		"cardView":         func(v htmlView, c *CardPage) htmlView { v.Page, v.Print = c, true; return v },
	})
	for _, name := range HTMLTemplateNames {
		src, err := templateSource(over, name)
		if err != nil {
			return nil, err
		}
		if _, err := root.New(name).Parse(string(src)); err != nil {
			return nil, err
		}
	}
	return root, nil
}

// htmlView is what every HTML template sees.
type htmlView struct {
	L      map[string]string
	Lang   string
	Root   string // the way back to the site's root: "" or "../"
	Title  string // the page's <title>
	Page   any
	Charts []svgChart        // overview and print: one per status group with ranked profiles
	Cards  []*CardPage       // print
	Index  *IndexPage        // index
	Groups []htmlStatusGroup // overview and print
	Print  bool              // a card inside the print page: its headings one level down
}

type htmlStatusGroup struct {
	StatusGroup
	Chart *svgChart
}

func (r *renderer) execHTML(name string, v htmlView) ([]byte, error) {
	v.L, v.Lang = r.L, string(r.opts.Lang)
	v.Title = shortTitle(v.Title)
	buf := execBufs.Get().(*bytes.Buffer)
	defer execBufs.Put(buf)
	buf.Reset()
	buf.WriteString(MarkerLine(r.opts.Lang))
	buf.WriteByte('\n')
	if err := r.htmpl.ExecuteTemplate(buf, name, v); err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	return bytes.Clone(buf.Bytes()), nil
}

func (r *renderer) htmlIndex(x *IndexPage) ([]byte, error) {
	page, err := r.execHTML("index.html.tmpl", htmlView{Title: r.L["indexTitle"], Page: x, Index: x})
	if err != nil {
		return nil, err
	}
	return spliceProfileRows(page, x), nil
}

func (r *renderer) groups(o *OverviewPage) []htmlStatusGroup {
	out := make([]htmlStatusGroup, len(o.Groups))
	for i, g := range o.Groups {
		out[i] = htmlStatusGroup{StatusGroup: g}
		if len(g.Ranked) > 0 {
			c := r.svg(g, i)
			out[i].Chart = &c
		}
	}
	return out
}

func (r *renderer) htmlOverview(o *OverviewPage) ([]byte, error) {
	return r.execHTML("overview.html.tmpl", htmlView{Root: "../", Title: o.Title, Page: o, Groups: r.groups(o)})
}

func (r *renderer) htmlCard(c *CardPage) ([]byte, error) {
	root := "../"
	if c.Overview.Href == "" {
		root = ""
	}
	return r.execHTML("card.html.tmpl", htmlView{Root: root, Title: c.Title, Page: c})
}

func (r *renderer) print(o *OverviewPage, cards []*CardPage) ([]byte, error) {
	return r.execHTML("print.html.tmpl", htmlView{Root: "../", Title: o.Title, Page: o, Groups: r.groups(o), Cards: cards})
}

// shortTitle keeps a page's <title> (a tab, a bookmark) within 70 characters as written
// in the page (html-validate counts escapes such as &lt; in full), cut at a word; the
// page's heading carries the whole title.
func shortTitle(s string) string {
	s = oneLine(s)
	if titleLen(s) <= 70 {
		return s
	}
	rs := []rune(s)
	for len(rs) > 0 && titleLen(string(rs))+1 > 70 {
		rs = rs[:len(rs)-1]
	}
	cut := string(rs)
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:—-") + "…"
}

// titleLen is the length of s as html/template writes it in text.
func titleLen(s string) int {
	n := 0
	for _, r := range s {
		switch r {
		case '<', '>':
			n += 4
		case '&', '+':
			n += 5
		case '"', '\'':
			n += 5
		default:
			n++
		}
	}
	return n
}

// asset returns a stylesheet or script of the site; the index data feeds the filter.
func (r *renderer) asset(name string, index func() *IndexPage) ([]byte, error) {
	var body []byte
	switch name {
	case AssetCSS, AssetJS:
		b, err := fs.ReadFile(defaultTemplates, "templates/"+strings.TrimPrefix(name, "assets/"))
		if err != nil {
			return nil, err
		}
		body = b
	case AssetIndex:
		x := index()
		// The filter's data: per profile its key (ls/id), what the text filter searches,
		// and the ids the selects compare. Shipped as a script, not fetched: file:// forbids
		// fetching. Written as json.Marshal wrote it (jsonString), so no text can end the
		// script or break out of the string.
		// Lower-casing is rune by rune, so the words of a life situation, a status and a
		// stage (repeated in every row) are lowered once.
		lowered := map[string]string{}
		lower := func(s string) string {
			l, ok := lowered[s]
			if !ok {
				l = strings.ToLower(s)
				lowered[s] = l
			}
			return l
		}
		size := 128
		for _, p := range x.Profiles { // the buffer's size, so that megabytes are not copied as it grows
			size += 2*len(p.LSID) + len(p.ID) + len(p.Card.Text) + len(p.LS.Text) + len(p.Status) + len(p.Stage) + len(p.StatusID) + len(p.StageID) + 48
		}
		var b bytes.Buffer
		b.Grow(size)
		b.WriteString(AssetMarker + "; do not edit */\n")
		b.WriteString("window.profilerIndex = [")
		for i, p := range x.Profiles {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`{"k":`)
			jsonString(&b, p.LSID+"/"+p.ID)
			b.WriteString(`,"t":`)
			jsonString(&b, strings.ToLower(p.Card.Text)+" "+lower(p.LS.Text)+" "+lower(p.Status)+" "+lower(p.Stage))
			b.WriteString(`,"l":`)
			jsonString(&b, p.LSID)
			b.WriteString(`,"s":`)
			jsonString(&b, p.StatusID)
			b.WriteString(`,"g":`)
			jsonString(&b, p.StageID)
			b.WriteByte('}')
		}
		b.WriteString("];\n")
		return b.Bytes(), nil
	}
	out := make([]byte, 0, len(body)+64)
	out = append(out, AssetMarker+"; do not edit */\n"...)
	return append(out, body...), nil
}

// jsonString writes s as json.Marshal writes a string: as it is when nothing in it needs
// escaping (the usual case, and the cheap one for thousands of rows), else through
// json.Marshal itself (it escapes quotes, backslashes, control characters, <, >, &,
// U+2028/9 and invalid UTF-8).
func jsonString(b *bytes.Buffer, s string) {
	plain := utf8.ValidString(s)
	for i := 0; plain && i < len(s); i++ {
		c := s[i]
		plain = c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' &&
			!(c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9))
	}
	if plain {
		b.WriteByte('"')
		b.WriteString(s)
		b.WriteByte('"')
		return
	}
	js, err := json.Marshal(s)
	if err != nil {
		panic(err) // cannot happen: a string always marshals
	}
	b.Write(js)
}

// svgChart is a quadrant chart drawn as inline SVG: capacity across, satisfaction up,
// each point labelled by its rank (the table beside gives the names).
type svgChart struct {
	ID     string // unique on the page, for aria-labelledby
	Title  string
	Desc   string
	W, H   float64
	Left   float64 // plot area
	Top    float64
	PW, PH float64
	Points []svgPoint
	Q      [4]string // quadrant labels 1 (top right), 2 (top left), 3, 4
	X1, Y1 string    // axis names
}

type svgPoint struct {
	X, Y  float64 // pixels
	Label string  // the rank
	Title string  // the profile and its numbers, for screen readers and tooltips
	LX    float64 // the label's x (left or right of the point)
	Right bool    // the label sits left of the point (near the right edge)
}

func (r *renderer) svg(g StatusGroup, i int) svgChart {
	c := svgChart{ID: "chart-" + strconv.Itoa(i+1), W: 640, H: 440, Left: 56, Top: 16, PW: 568, PH: 368,
		Title: r.L["chartTitle"] + " — " + strings.ToLower(g.Title), Desc: g.Legend,
		Q:  [4]string{r.L["quadrant1"], r.L["quadrant2"], r.L["quadrant3"], r.L["quadrant4"]},
		X1: r.L["axisX"], Y1: strings.ReplaceAll(r.L["axisY"], "{scale}", g.Scale)}
	for _, rr := range g.Ranked {
		p := svgPoint{X: c.Left + rr.X*c.PW, Y: c.Top + (1-rr.Y)*c.PH, Label: strconv.Itoa(rr.Rank),
			Title: strconv.Itoa(rr.Rank) + ". " + rr.Profile.Text + " — " + r.L["capacity"] + ": " + rr.Capacity + "; " + r.L["satisfaction"] + ": " + rr.Satisfaction}
		p.LX = p.X + 9
		if rr.X > 0.85 {
			p.LX, p.Right = p.X-9, true
		}
		c.Points = append(c.Points, p)
	}
	return c
}
