package render

import (
	htmltemplate "html/template"
	"strings"
)

// cardBody writes a card (template "card-body": its header, facts and sections) as HTML:
// the part of every card page and of every print page that is repeated per profile, so it
// is written directly rather than through html/template (whose escaping by reflection
// made the site several times slower to build than the Markdown). Every text goes through
// esc; the structure is fixed here. A custom card.html.tmpl can still lay a card out its
// own way from .Page.
func (r *renderer) cardBody(v htmlView) htmltemplate.HTML {
	c, ok := v.Page.(*CardPage)
	if !ok {
		return ""
	}
	h, h1 := "h2", "h1"
	if v.Print {
		h, h1 = "h3", "h2"
	}
	L := r.L
	var b strings.Builder
	b.Grow(8192)
	w := func(ss ...string) {
		for _, s := range ss {
			b.WriteString(s)
		}
	}
	w("<header class=\"card-head\">\n<p class=\"eyebrow\">")
	if c.Overview.Href != "" {
		w(`<a href="`, esc(c.Overview.Href), `">`, esc(c.LSTitle), "</a>")
	} else {
		w(esc(c.LSTitle))
	}
	w("</p>\n<", h1, ` class="card-title">`, esc(c.Title), "</", h1, ">\n")
	w(`<p class="badges"><span class="badge status-`, esc(c.StatusID), `">`, esc(c.Status), `</span> <span class="badge stage-`, esc(c.StageID), `">`, esc(c.Stage), "</span></p>\n</header>\n")
	head := func(key string) { w("<", h, ">", esc(L[key]), "</", h, ">\n") }
	fact := func(class, dt, dd string) {
		w("<div", class, "><dt>", esc(dt), "</dt><dd>", dd, "</dd></div>\n")
	}
	w("<dl class=\"facts\">\n")
	fact(` class="dup"`, L["lsTitle"], esc(c.LSTitle))
	fact(` class="dup"`, L["profileTitle"], esc(c.Title))
	fact(` class="dup"`, L["status"], esc(c.Status))
	fact("", L["stage"], esc(c.Stage)+" — "+esc(c.StageMeaning))
	if c.Updated != "" {
		fact("", L["updated"], esc(c.Updated))
	}
	w("</dl>\n")
	for _, p := range c.Description {
		w("<p>", esc(p), "</p>\n")
	}
	items := func(xs []ItemText) {
		w("<ul>\n")
		for _, it := range xs {
			w("<li>", esc(it.Text))
			if it.Source != "" {
				w(` <span class="src">(`, esc(L["fromSource"]), ": ", esc(it.Source), ")</span>")
			}
			w("</li>\n")
		}
		w("</ul>\n")
	}
	w("<div class=\"card-grid\">\n")
	if len(c.Attributes) > 0 {
		w(`<section class="box">`, "\n")
		head("attributes")
		w(`<dl class="attrs">`, "\n")
		for _, a := range c.Attributes {
			w("<div><dt>", esc(a.Label), "</dt><dd>", esc(a.Value), "</dd></div>\n")
		}
		w("</dl>\n</section>\n")
	}
	if len(c.Journey) > 0 {
		w(`<section class="box">`, "\n")
		head("journey")
		items(c.Journey)
		w("</section>\n")
	}
	if len(c.Pains) > 0 {
		w(`<section class="box">`, "\n")
		head("pains")
		items(c.Pains)
		w("</section>\n")
	}
	if len(c.Informing)+len(c.Service) > 0 {
		w(`<section class="box">`, "\n")
		head("channels")
		w(`<dl class="attrs">`, "\n")
		if len(c.Informing) > 0 {
			w("<div><dt>", esc(L["informing"]), "</dt><dd>", esc(strings.Join(c.Informing, ", ")), "</dd></div>\n")
		}
		if len(c.Service) > 0 {
			w("<div><dt>", esc(L["service"]), "</dt><dd>", esc(strings.Join(c.Service, ", ")), "</dd></div>\n")
		}
		w("</dl>\n</section>\n")
	}
	if len(c.Notes) > 0 {
		w(`<section class="box wide">`, "\n")
		head("notes")
		for _, p := range c.Notes {
			w("<p>", esc(p), "</p>\n")
		}
		w("</section>\n")
	}
	w("</div>\n")
	table := func(key string, heads []string, rows [][]string, firstIsHead bool) {
		w("<section>\n")
		head(key)
		w(`<div class="table-wrap"><table>`, "\n<thead><tr>")
		for _, hd := range heads {
			w(`<th scope="col">`, esc(L[hd]), "</th>")
		}
		w("</tr></thead>\n<tbody>\n")
		for _, row := range rows {
			w("<tr>")
			for i, cell := range row {
				switch {
				case i == 0 && firstIsHead:
					w(`<th scope="row">`, cell, "</th>")
				case i == 0 && key == "history":
					w(`<td class="nowrap">`, cell, "</td>")
				default:
					w("<td>", cell, "</td>")
				}
			}
			w("</tr>\n")
		}
		w("</tbody>\n</table></div>\n</section>\n")
	}
	orDash := func(s string) string {
		if s == "" {
			return "—"
		}
		return esc(s)
	}
	if len(c.Priority) > 0 {
		rows := make([][]string, len(c.Priority))
		for i, p := range c.Priority {
			rows[i] = []string{esc(p.Name), esc(p.Value), orDash(p.Source)}
		}
		table("priority", []string{"parameter", "value", "source"}, rows, true)
	}
	if len(c.Hypotheses) > 0 {
		rows := make([][]string, len(c.Hypotheses))
		for i, hy := range c.Hypotheses {
			rows[i] = []string{esc(hy.Text), `<span class="badge h-` + esc(hy.StatusID) + `">` + esc(hy.Status) + "</span>", orDash(hy.Evidence)}
		}
		table("hypotheses", []string{"hypothesis", "hStatus", "evidence"}, rows, false)
	}
	if len(c.Sources) > 0 {
		w("<section>\n")
		head("sources")
		w("<ul>\n")
		for _, s := range c.Sources {
			w("<li>", esc(s), "</li>\n")
		}
		w("</ul>\n</section>\n")
	}
	if len(c.History) > 0 {
		heads := []string{"date", "change", "basis"}
		if c.HistoryStage {
			heads = append(heads, "stage")
		}
		rows := make([][]string, len(c.History))
		for i, hi := range c.History {
			rows[i] = []string{esc(hi.Date), esc(hi.Change), orDash(hi.Basis)}
			if c.HistoryStage {
				rows[i] = append(rows[i], orDash(hi.Stage))
			}
		}
		table("history", heads, rows, false)
	}
	return htmltemplate.HTML(b.String())
}

// htmlEscaper escapes text for HTML text and quoted attribute values, as html/template
// does for text (NUL too, though the loader rejects it: the index rows are checked
// against html/template by a fuzz test).
var htmlEscaper = strings.NewReplacer(`&`, "&amp;", `<`, "&lt;", `>`, "&gt;", `"`, "&#34;", `'`, "&#39;", "+", "&#43;", "\x00", "\uFFFD")

func esc(s string) string {
	if strings.ContainsAny(s, "&<>\"'+\x00") {
		return htmlEscaper.Replace(s)
	}
	return s
}
