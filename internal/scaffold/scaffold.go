// Package scaffold writes the starting files of a life situation and its profiles, and
// edits a profile's stage in place.
//
// # Templates
//
// The scaffolds are text/template files under templates/<lang>/, embedded in the binary
// and reviewable as files:
//
//   - life-situation.yaml.tmpl — the life situation; it calls {{attributes "citizen"}} (and
//     so on) for each chosen status;
//   - attributes-citizen.yaml.tmpl, attributes-business.yaml.tmpl,
//     attributes-internal.yaml.tmpl — the standard stage-I attributes of each status;
//   - profile.yaml.tmpl — a profile pre-filled with its life situation's attributes.
//
// [Options.Templates] names a folder that overrides them file by file: DIR/<lang>/<file>
// first, then DIR/<file> (for both languages); files it lacks come from the embedded set.
// A team keeps its own attribute set this way. The mechanism is internal/templates, shared
// with render's --templates.
//
// # Editing
//
// [Promote] changes `stage` and appends a `history` entry by editing the text at the
// positions yaml.v3 reports, so comments, key order and formatting stay as the user wrote
// them.
package scaffold

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"text/template"

	"github.com/profiler-cx/profiler/internal/catalog"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/templates"
	"gopkg.in/yaml.v3"
)

//go:embed templates
var embedded embed.FS

// Template file names.
const (
	LSTemplate      = "life-situation.yaml.tmpl"
	ProfileTemplate = "profile.yaml.tmpl"
)

// AttributesTemplate is the template file with the standard attributes of a status.
func AttributesTemplate(s model.Status) string { return "attributes-" + string(s) + ".yaml.tmpl" }

// Options choose the language and where templates come from.
type Options struct {
	Lang      i18n.Lang
	Templates string // folder overriding the embedded templates file by file; "" for none
}

func (o Options) lang() string {
	if o.Lang == i18n.EN {
		return "en"
	}
	return "ru"
}

// builtIn is the embedded set, named "<lang>/<file>".
var builtIn, _ = fs.Sub(embedded, "templates")

// TemplateFiles lists the embedded template files as "<lang>/<file>", sorted.
func TemplateFiles() []string { return templates.Dir(builtIn, "").Files() }

// EmbeddedTemplate returns an embedded template file ("ru/profile.yaml.tmpl").
func EmbeddedTemplate(name string) ([]byte, error) { return fs.ReadFile(builtIn, name) }

// source reads a template through the one override mechanism (internal/templates): the
// folder's <lang>/<file>, then its <file>, then the embedded one.
func (o Options) source(name string) (text, origin string, err error) {
	b, origin, err := templates.Dir(builtIn, o.Templates).Read(path.Join(o.lang(), name), name)
	return string(b), origin, err
}

// tmpl is a parsed template and where it came from, for error messages.
type tmpl struct {
	t      *template.Template
	origin string
}

func (t tmpl) execute(data any) ([]byte, error) {
	var b bytes.Buffer
	if err := t.t.Execute(&b, data); err != nil {
		return nil, fmt.Errorf("template %s: %w", t.origin, err)
	}
	return b.Bytes(), nil
}

func (o Options) parse(name string, funcs template.FuncMap) (tmpl, error) {
	text, origin, err := o.source(name)
	if err != nil {
		return tmpl{}, fmt.Errorf("template %s: %w", origin, err)
	}
	t, err := template.New(name).Funcs(baseFuncs).Funcs(funcs).Option("missingkey=error").Parse(text)
	if err != nil {
		return tmpl{}, fmt.Errorf("template %s: %w", origin, err)
	}
	return tmpl{t, origin}, nil
}

var baseFuncs = template.FuncMap{
	"join":   func(xs []string, sep string) string { return strings.Join(xs, sep) },
	"yaml":   Scalar,
	"status": func(s model.Status) string { return s.Name().RU },
	"statusEN": func(s model.Status) string {
		return s.Name().EN
	},
	"attributes": func(model.Status) (string, error) { return "", nil },
	"catalogs":   catalog.Listed, // the built-in catalogue ids, so the comment lists every one
	"id":         func(s string) string { return s },
}

// Scalar renders s as a one-line YAML scalar: plain when YAML reads it back as the same
// string, quoted otherwise ("18-25" stays plain, "007" and "true" are quoted).
//
// Also quoted: what YAML 1.1 readers (PyYAML, older js-yaml) read as something else —
// yes/no/on/off/y/n in any usual case, "=" and "<<" — and every line break, escaped
// (\r, \N, \L, \P), so no character YAML counts as a line break is ever written raw.
func Scalar(s string) string {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.ContainsAny(s, "\n\r\u0085\u2028\u2029") || yaml11Special(s) {
		n.Style = yaml.DoubleQuotedStyle
	}
	b, err := yaml.Marshal(n)
	if err != nil {
		return fmt.Sprintf("%q", s)
	}
	out := strings.TrimSuffix(string(b), "\n")
	if strings.Contains(out, "\n") { // long strings get folded: keep one line
		n.Style = yaml.DoubleQuotedStyle
		b, _ = yaml.Marshal(n)
		out = strings.TrimSuffix(string(b), "\n")
	}
	return out
}

// yaml11Special reports whether a YAML 1.1 reader takes the plain scalar s for a boolean
// or for the "=" value key / "<<" merge key.
func yaml11Special(s string) bool {
	switch s {
	case "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
		"on", "On", "ON", "off", "Off", "OFF", "=", "<<":
		return true
	}
	return false
}

// LSData fills life-situation.yaml.tmpl.
type LSData struct {
	Schema   string // the modeline's $schema: path relative to the file, or a URL
	ID       string
	Title    string
	Owner    string // optional
	Statuses []model.Status
}

// LifeSituation renders the life situation scaffold.
func LifeSituation(d LSData, o Options) ([]byte, error) {
	used := map[string]bool{}
	var attrErr error
	funcs := template.FuncMap{
		"attributes": func(s model.Status) (string, error) {
			t, err := o.parse(AttributesTemplate(s), template.FuncMap{
				// id keeps attribute ids unique when two statuses bring the same one
				// (citizen and internal both have age): the later gets a status suffix.
				"id": func(id string) string {
					if used[id] {
						id = id + "-" + string(s)
					}
					used[id] = true
					return id
				},
			})
			if err == nil {
				var b []byte
				if b, err = t.execute(struct{ Status model.Status }{s}); err == nil {
					return strings.TrimRight(string(b), "\n"), nil
				}
			}
			attrErr = err
			return "", err
		},
	}
	t, err := o.parse(LSTemplate, funcs)
	if err != nil {
		return nil, err
	}
	b, err := t.execute(d)
	if err != nil && attrErr != nil {
		return nil, attrErr
	}
	return b, err
}

// Attr is one attribute of the life situation as the profile template shows it.
type Attr struct {
	ID      string
	Title   string
	Type    string // enum | range | text
	Unit    string
	Values  []string // declared values or buckets
	Catalog string   // built-in catalogue id, if any
	Sample  []string // a few catalogue entries, for the comment
	Value   string   // the YAML value from --set, "" when not set
}

// ProfileData fills profile.yaml.tmpl.
type ProfileData struct {
	Schema        string
	ID            string
	LifeSituation string // the life situation's id
	LSTitle       string
	Title         string
	Status        model.Status
	Stage         model.Stage
	Attributes    []Attr
}

// Profile renders the profile scaffold.
func Profile(d ProfileData, o Options) ([]byte, error) {
	t, err := o.parse(ProfileTemplate, nil)
	if err != nil {
		return nil, err
	}
	return t.execute(d)
}

// CatalogSample returns up to n entries of a built-in catalogue as users write them
// (the abbreviation where there is one), skipping legacy entries.
func CatalogSample(id string, n int) []string {
	c, ok := catalog.Get(id)
	if !ok {
		return nil
	}
	var out []string
	for _, e := range c.Entries {
		if len(out) == n {
			break
		}
		if e.Legacy != nil {
			continue
		}
		if e.Short != "" {
			out = append(out, e.Short)
		} else {
			out = append(out, e.Name)
		}
	}
	return out
}
