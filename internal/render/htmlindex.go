package render

import (
	"bytes"
	htmltemplate "html/template"
	"strconv"
	"strings"
	"sync"
)

// indexCountRows and indexProfileRows write the index's table rows (template "index.html.tmpl": one row per life
// situation with its counts, one row per profile): the profile table has a row for every
// profile of the workspace, and writing it through html/template's reflection cost more
// than the rest of a partial render. Texts go through esc and links through escHref, so
// the bytes are those html/template wrote. A custom index.html.tmpl can still lay the rows
// out its own way from .Index.Rows and .Index.Profiles.
func indexCountRows(x *IndexPage) htmltemplate.HTML {
	var b strings.Builder
	for _, r := range x.Rows {
		b.WriteString(`<tr><th scope="row"><a href="`)
		b.WriteString(escHref(r.Overview.Href))
		b.WriteString(`">`)
		b.WriteString(esc(r.Overview.Text))
		b.WriteString("</a></th>")
		for _, n := range r.Counts {
			b.WriteString(`<td class="num">`)
			b.WriteString(strconv.Itoa(n))
			b.WriteString("</td>")
		}
		b.WriteString("</tr>\n")
	}
	return htmltemplate.HTML(b.String())
}

func indexProfileRows(x *IndexPage) htmltemplate.HTML {
	var b strings.Builder
	b.Grow(len(x.Profiles) * 256)
	w := func(ss ...string) {
		for _, s := range ss {
			b.WriteString(s)
		}
	}
	for _, p := range x.Profiles {
		w(`<tr data-k="`, esc(p.LSID), "/", esc(p.ID), `"><th scope="row"><a href="`, escHref(p.Card.Href), `">`, esc(p.Card.Text),
			`</a></th><td><a href="`, escHref(p.LS.Href), `">`, esc(p.LS.Text), "</a></td><td>", esc(p.Status), "</td><td>", esc(p.Stage), "</td></tr>\n")
	}
	return htmltemplate.HTML(b.String())
}

// escHref writes a link's target as html/template writes a whole href value: site links
// are ids and file names, which it leaves as they are; anything else (a colon that could
// read as a scheme, a space, non-ASCII, a percent sign) goes through html/template itself,
// so its URL filtering and normalisation stay exactly its own.
func escHref(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '/' || c == '~') {
			return hrefByTemplate(s)
		}
	}
	return s
}

var hrefTemplate = sync.OnceValue(func() *htmltemplate.Template {
	return htmltemplate.Must(htmltemplate.New("href").Parse(`<a href="{{.}}">`))
})

func hrefByTemplate(s string) string {
	var buf bytes.Buffer
	if err := hrefTemplate().Execute(&buf, s); err != nil {
		return "#ZgotmplZ" // cannot happen: a string always executes
	}
	out := buf.String()
	return out[len(`<a href="`) : len(out)-len(`">`)]
}
