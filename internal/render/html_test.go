package render

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/profiler-cx/profiler/internal/i18n"
)

// TestGoldenHTML renders the examples as the HTML site in both languages and compares
// every file with testdata/golden/html/<lang>/. Run with -update to rewrite them.
func TestGoldenHTML(t *testing.T) {
	lss, ps := loadExamples(t)
	for _, lang := range []i18n.Lang{i18n.RU, i18n.EN} {
		t.Run(string(lang), func(t *testing.T) {
			dir := filepath.Join("testdata", "golden", "html", string(lang))
			files, err := Site(lss, ps, Options{Lang: lang, Format: HTML, OutDir: dir})
			if err != nil {
				t.Fatal(err)
			}
			if *update {
				os.RemoveAll(dir)
			}
			if want := 1 + 2*len(lss) + len(ps) + len(assetFiles); len(files) != want {
				t.Errorf("%d files, want %d", len(files), want)
			}
			for _, f := range files {
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
					t.Errorf("%s differs from the golden file (run with -update and review the diff)", p)
				}
				checkHTML(t, string(lang)+"/"+f.Path, f.Data, "")
			}
		})
	}
}

// allowedTags are the only elements the HTML pages may contain: user text can add none.
var allowedTags = map[string]bool{
	"!DOCTYPE": true, "html": true, "head": true, "meta": true, "title": true, "link": true, "script": true, "body": true,
	"a": true, "header": true, "nav": true, "main": true, "footer": true, "h1": true, "h2": true, "h3": true, "p": true,
	"dl": true, "dt": true, "dd": true, "div": true, "section": true, "ul": true, "li": true, "strong": true, "table": true,
	"caption": true, "thead": true, "tbody": true, "tfoot": true, "tr": true, "th": true, "td": true, "figure": true,
	"figcaption": true, "svg": true, "desc": true, "rect": true, "line": true, "text": true, "g": true, "circle": true,
	"article": true, "button": true, "span": true, "code": true, "form": true, "label": true, "input": true, "select": true, "option": true,
}

var (
	tagRe  = regexp.MustCompile(`<(/?)([A-Za-z!][A-Za-z0-9-]*)`)
	hrefRe = regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	// Every < left in a page opens one of our tags: user text has none.
	openTagRe = regexp.MustCompile(`<[A-Za-z][^>]*>`)
	handlerRe = regexp.MustCompile(`\son[a-z]+\s*=`)
)

// checkHTML holds a page to what every page must be: only our elements (so no user text
// became markup), script tags only on the index and only ours, relative links that stay
// inside the site, and, when hostile is given, that text shown escaped.
func checkHTML(t *testing.T, name string, data []byte, hostile string) {
	t.Helper()
	s := string(data)
	if !utf8.ValidString(s) {
		t.Errorf("%s: invalid UTF-8", name)
	}
	if strings.HasSuffix(name, ".js") || strings.HasSuffix(name, ".css") {
		if !strings.HasPrefix(s, AssetMarker) {
			t.Errorf("%s: no marker", name)
		}
		if strings.Contains(s, "</script") || strings.Contains(s, "<!--") {
			t.Errorf("%s: an asset holds markup", name)
		}
		return
	}
	if !strings.HasPrefix(s, Marker) || !strings.Contains(s, "<!DOCTYPE html>\n<html lang=\"") {
		t.Errorf("%s: does not start with the marker and the doctype", name)
	}
	for _, m := range tagRe.FindAllStringSubmatch(s[strings.Index(s, "\n"):], -1) {
		if !allowedTags[m[2]] {
			t.Errorf("%s: unexpected element <%s%s>", name, m[1], m[2])
		}
	}
	scripts := strings.Count(s, "<script")
	if strings.HasSuffix(name, "/index.html") && strings.Count(name, "/") == 1 { // ru/index.html: the site's index
		if scripts != 2 || !strings.Contains(s, `<script src="assets/index-data.js" defer></script>`) || !strings.Contains(s, `<script src="assets/site.js" defer></script>`) {
			t.Errorf("%s: %d scripts, want index-data.js and site.js", name, scripts)
		}
	} else if scripts != 0 {
		t.Errorf("%s: %d script elements, want none", name, scripts)
	}
	for _, m := range hrefRe.FindAllStringSubmatch(s, -1) {
		h := m[1]
		if strings.Contains(h, ":") || strings.HasPrefix(h, "/") || strings.HasPrefix(h, "//") {
			t.Errorf("%s: link %q is not relative", name, h)
		}
		if strings.Count(h, "../") > 1 {
			t.Errorf("%s: link %q leaves the site", name, h)
		}
	}
	for _, tag := range openTagRe.FindAllString(s, -1) {
		if handlerRe.MatchString(tag) {
			t.Errorf("%s: an event handler attribute in %s", name, tag)
		}
	}
	if hostile != "" && !strings.Contains(s, hostile) {
		t.Errorf("%s: the hostile text is not shown escaped (%q)", name, hostile)
	}
}

// TestHostileHTML renders hostile text everywhere as HTML: only our elements, no script
// or handler from the text, and the text visible, escaped.
func TestHostileHTML(t *testing.T) {
	lss, ps := hostileInput(7)
	for _, lang := range []i18n.Lang{i18n.RU, i18n.EN} {
		files, err := Site(lss, ps, Options{Lang: lang, Format: HTML})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			checkHTML(t, string(lang)+"/"+f.Path, f.Data, "")
			if *hostileOut != "" { // make test checks these with html-validate
				p := filepath.Join(*hostileOut, "html", string(lang), filepath.FromSlash(f.Path))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, f := range files {
			if f.Path == AssetIndex && (bytes.Contains(f.Data, []byte("<")) || !bytes.Contains(f.Data, []byte(`\u003c`))) {
				t.Errorf("index data: the hostile < is not escaped:\n%s", f.Data)
			}
		}
	}
}

// FuzzHTML puts the same text in every text field and renders the HTML site: every page
// holds only our elements and relative links, whatever the text.
func FuzzHTML(f *testing.F) {
	for _, s := range hostiles {
		f.Add(s)
	}
	lss, _ := loadExamples(f)
	for _, ls := range lss {
		f.Add(ls.Title)
		f.Add(ls.Description)
	}
	for _, s := range []string{"<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>", "javascript:alert(1)", "\"'><svg onload=alert(1)>", "{{.}}", "\u2028", "]]>", "<!--", "</title>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) || len(s) > 1000 {
			return
		}
		lss, ps := siteInput(s)
		files, err := Site(lss, ps, Options{Lang: i18n.RU, Format: HTML})
		if err != nil {
			t.Fatal(err)
		}
		for _, fl := range files {
			checkHTML(t, "ru/"+fl.Path, fl.Data, "")
		}
	})
}

func TestShortTitle(t *testing.T) {
	for _, s := range []string{strings.Repeat("<", 200), strings.Repeat("Профиль ", 30), "Коротко", strings.Repeat("a&b ", 40)} {
		got := shortTitle(s)
		if titleLen(got) > 70 || !strings.HasPrefix(s, strings.TrimSuffix(got, "…")) {
			t.Errorf("shortTitle(%q) = %q (%d)", s, got, titleLen(got))
		}
	}
	if shortTitle("Коротко") != "Коротко" {
		t.Error("a short title changed")
	}
}
