package render

import (
	"bytes"
	htmltemplate "html/template"
	"strconv"
	"strings"
	"sync"
)

// indexCountRows and appendIndexProfileRows write the index's table rows (template
// "index.html.tmpl": one row per life situation with its counts, one row per profile):
// the profile table has a row for every profile of the workspace, and writing it through
// html/template's reflection cost more than the rest of a partial render. Texts go
// through esc and links through escHref, so the bytes are those html/template wrote. A
// custom index.html.tmpl can still lay the rows out its own way from .Index.Rows and
// .Index.Profiles.
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

// profileRowsMark is what the template function indexProfileRows writes in the embedded
// index template (custom templates get indexProfileRows itself): htmlIndex then
// puts the rows in its place, straight into the page. Returned to html/template, megabytes
// of rows were copied through fmt's buffer and the template's output again. Only the
// function can write the mark: html/template writes a NUL of any text as U+FFFD.
const profileRowsMark = "\x00profiler:index-profile-rows\x00"

func indexProfileRowsMark(*IndexPage) htmltemplate.HTML { return profileRowsMark }

// indexProfileRows is the function custom templates get: the rows themselves.
func indexProfileRows(x *IndexPage) htmltemplate.HTML {
	return htmltemplate.HTML(appendIndexProfileRows(nil, x))
}

// spliceProfileRows puts the index's profile rows where the template left the mark.
func spliceProfileRows(page []byte, x *IndexPage) []byte {
	mark := []byte(profileRowsMark)
	n := bytes.Count(page, mark)
	if n == 0 {
		return page
	}
	size := len(page)
	for _, p := range x.Profiles {
		size += n * (100 + len(p.LSID) + len(p.ID) + len(p.Card.Href) + len(p.Card.Text) + len(p.LS.Href) + len(p.LS.Text) + len(p.Status) + len(p.Stage)) // the row's tags and texts unescaped
	}
	out := make([]byte, 0, size)
	for {
		i := bytes.Index(page, mark)
		if i < 0 {
			return append(out, page...)
		}
		out = appendIndexProfileRows(append(out, page[:i]...), x)
		page = page[i+len(mark):]
	}
}

func appendIndexProfileRows(b []byte, x *IndexPage) []byte {
	for _, p := range x.Profiles {
		b = append(b, `<tr data-k="`...)
		b = append(b, esc(p.LSID)...)
		b = append(b, '/')
		b = append(b, esc(p.ID)...)
		b = append(b, `"><th scope="row"><a href="`...)
		b = append(b, escHref(p.Card.Href)...)
		b = append(b, `">`...)
		b = append(b, esc(p.Card.Text)...)
		b = append(b, `</a></th><td><a href="`...)
		b = append(b, escHref(p.LS.Href)...)
		b = append(b, `">`...)
		b = append(b, esc(p.LS.Text)...)
		b = append(b, "</a></td><td>"...)
		b = append(b, esc(p.Status)...)
		b = append(b, "</td><td>"...)
		b = append(b, esc(p.Stage)...)
		b = append(b, "</td></tr>\n"...)
	}
	return b
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
