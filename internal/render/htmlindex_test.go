package render

import (
	"bytes"
	"encoding/json"
	htmltemplate "html/template"
	"strings"
	"testing"
)

// The rows the index template ranged over before they were written in Go: the oracle
// that indexCountRows and appendIndexProfileRows must match byte for byte.
var indexRowsOracle = htmltemplate.Must(htmltemplate.New("").Parse(`<tbody>
{{range .Rows}}<tr><th scope="row"><a href="{{.Overview.Href}}">{{.Overview.Text}}</a></th>{{range .Counts}}<td class="num">{{.}}</td>{{end}}</tr>
{{end}}</tbody>
<tbody>
{{range .Profiles}}<tr data-k="{{.LSID}}/{{.ID}}"><th scope="row"><a href="{{.Card.Href}}">{{.Card.Text}}</a></th><td><a href="{{.LS.Href}}">{{.LS.Text}}</a></td><td>{{.Status}}</td><td>{{.Stage}}</td></tr>
{{end}}</tbody>`))

func checkIndexRows(t *testing.T, x *IndexPage) {
	t.Helper()
	var want bytes.Buffer
	if err := indexRowsOracle.Execute(&want, x); err != nil {
		t.Fatal(err)
	}
	got := "<tbody>\n" + string(indexCountRows(x)) + "</tbody>\n<tbody>\n" + string(appendIndexProfileRows(nil, x)) + "</tbody>"
	if got != want.String() {
		t.Errorf("index rows differ from html/template's:\n got: %q\nwant: %q", got, want.String())
	}
}

func indexOf(text, href string) *IndexPage {
	l := Link{Text: text, Href: href}
	return &IndexPage{
		Rows:     []IndexLS{{Overview: l, Counts: []int{0, 7, 12345}}},
		Profiles: []IndexProfile{{LS: l, LSID: text, ID: href, Card: l, Status: text, StatusID: text, Stage: text, StageID: text}},
	}
}

var indexSeeds = []struct{ text, href string }{
	{"Получение лицензии", "poluchenie-licenzii/index.html"},
	{`<script>alert("x")</script> & 'q' + 1`, "javascript:alert(1)"},
	{"a\x00b", "a b/ü?x=1&y=<2>#f"},
	{"\u2028\u2029 \x7f \xff", "%41%zz/../x.html"},
	{"", ""},
	{"http://x", "mailto:a@b"},
}

func TestIndexRowsMatchTemplate(t *testing.T) {
	for _, s := range indexSeeds {
		checkIndexRows(t, indexOf(s.text, s.href))
	}
	checkIndexRows(t, &IndexPage{})
}

func FuzzIndexRows(f *testing.F) {
	for _, s := range indexSeeds {
		f.Add(s.text, s.href)
	}
	f.Fuzz(func(t *testing.T, text, href string) {
		checkIndexRows(t, indexOf(text, href))
		var b bytes.Buffer
		jsonString(&b, text)
		want, err := json.Marshal(text)
		if err != nil || b.String() != string(want) {
			t.Errorf("jsonString(%q) = %s, json.Marshal: %s", text, b.String(), want)
		}
		// index-data.js lowers the words of a row part by part.
		if whole, parts := strings.ToLower(text+" "+href), strings.ToLower(text)+" "+strings.ToLower(href); whole != parts {
			t.Errorf("ToLower(%q + %q) = %q, part by part %q", text, href, whole, parts)
		}
	})
}
