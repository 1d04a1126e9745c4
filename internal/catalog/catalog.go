// Package catalog holds the built-in catalogues (встроенные справочники) that attribute
// values can be checked against: the subjects of the Russian Federation, legal forms
// (ОКОПФ), business size, entity type and kinds of state and municipal service.
//
// # Data
//
// Every catalogue is Go data compiled into the binary, with its legal source both in a
// comment next to the data and in [Catalog.Source], which the documentation shows users.
// The catalogues are read-only: [Get] and [All] return shared values that callers must not
// modify.
//
// # Matching
//
// [Catalog.Match] accepts an entry's full name, its abbreviation, any alias or its code,
// compared after [Normalize] (case, «ё/е», spaces, quotes, dashes, a trailing period).
// An entry with a non-nil [Entry.Legacy] is accepted, but the caller should warn with that
// text: it names a form that no longer exists and the form that replaced it.
// [Catalog.Suggest] and [Distance] serve «did you mean» messages.
package catalog

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/profiler-cx/profiler/internal/i18n"
)

// Entry is one value of a catalogue.
type Entry struct {
	Name        string     // display name (Russian), e.g. "Общество с ограниченной ответственностью"
	Short       string     // common abbreviation or short name shown in lists, e.g. "ООО" ("" if none)
	Code        string     // official code where one exists (region code, OKOPF code)
	Aliases     []string   // other accepted spellings
	Legacy      *i18n.Text // non-nil: accepted with a warning carrying this text
	Description i18n.Text  // optional

	// federalCity marks Москва, Санкт-Петербург and Севастополь, whose names are also
	// accepted after «г.» / «город».
	federalCity bool
}

// Label is the entry as shown in lists: "Name (Short)", or just Name.
func (e *Entry) Label() string {
	if e.Short == "" || e.Short == e.Name {
		return e.Name
	}
	return e.Name + " (" + e.Short + ")"
}

// Catalog is one built-in catalogue.
type Catalog struct {
	ID      string    // "ru-regions", ...
	Title   i18n.Text // what the catalogue lists
	Name    i18n.Text // the catalogue in a few words, as a card names it: "субъекты РФ"
	Source  i18n.Text // legal source, shown in docs
	Entries []Entry

	index map[string]*Entry // normalised spelling → entry, built once at init
	forms []form            // every normalised spelling, for Suggest

	abbrev map[string][]string // paperwork abbreviations this catalogue accepts (see paperwork.go)
	words  map[string]*Entry   // order-free spelling → entry (nil: ambiguous)
}

// form is one normalised spelling of an entry.
type form struct {
	text  string
	entry int // index into Entries
}

// cityPrefixes are the ways to write «город» before a federal city's name; Normalize keeps
// the inner period, so "г." and "г. " are different prefixes.
var cityPrefixes = []string{"г. ", "г.", "г ", "город "}

// build indexes every spelling of every entry. It fails when one spelling names two
// entries: the data would then be ambiguous.
func (c *Catalog) build() error {
	c.index = make(map[string]*Entry)
	c.forms = nil
	add := func(i int, s string, suggest bool) error {
		k := Normalize(s)
		if k == "" {
			return nil
		}
		e := &c.Entries[i]
		if prev, ok := c.index[k]; ok {
			if prev != e {
				return fmt.Errorf("catalog %s: %q names both %q and %q", c.ID, s, prev.Name, e.Name)
			}
			return nil
		}
		c.index[k] = e
		if suggest {
			c.forms = append(c.forms, form{text: k, entry: i})
		}
		return nil
	}
	for i := range c.Entries {
		e := &c.Entries[i]
		if e.Name == "" {
			return fmt.Errorf("catalog %s: entry %d has no name", c.ID, i)
		}
		words := append([]string{e.Name, e.Short}, e.Aliases...)
		for _, w := range words {
			if w == "" {
				continue
			}
			if err := add(i, w, true); err != nil {
				return err
			}
			if e.federalCity {
				for _, p := range cityPrefixes {
					if err := add(i, p+w, false); err != nil {
						return err
					}
				}
			}
		}
		if e.Code != "" {
			if err := add(i, e.Code, true); err != nil {
				return err
			}
			// OKOPF codes are often printed grouped: "1 23 00".
			if len(e.Code) == 5 && isDigits(e.Code) {
				if err := add(i, e.Code[:1]+" "+e.Code[1:3]+" "+e.Code[3:], false); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// Match finds the entry for a user value: full name, short name, alias or code, ignoring case,
// «ё/е», surrounding spaces, repeated inner spaces, quotes («» " ') and a trailing period.
// Federal cities are also found after «г.» or «город».
func (c *Catalog) Match(value string) (*Entry, bool) {
	n := Normalize(value)
	if e, ok := c.index[n]; ok {
		return e, true
	}
	return c.matchWords(n)
}

// Suggest returns up to n entries closest to value, best first, for «did you mean» messages.
// An entry one of whose spellings starts with the value ranks first, then one that contains
// it (or is contained in it), then one sharing a word's beginning, then the rest by edit
// distance ([Distance]) on normalised forms; entries too far from the value are left out.
func (c *Catalog) Suggest(value string, n int) []*Entry {
	v := Normalize(value)
	if v == "" || n <= 0 {
		return nil
	}
	vlen := len([]rune(v))
	maxDist := max(2, vlen/3)
	type cand struct{ tier, dist, entry int }
	best := make(map[int]cand)
	for _, f := range c.forms {
		d := Distance(v, f.text)
		tier := 4
		switch {
		case strings.HasPrefix(f.text, v):
			tier = 0
		case strings.Contains(f.text, v) || (len([]rune(f.text)) >= 4 && strings.Contains(v, f.text)):
			tier = 1
		case sharesWordPrefix(v, f.text):
			tier = 2
		case d <= maxDist:
			tier = 3
		}
		if tier == 4 {
			continue
		}
		c := cand{tier, d, f.entry}
		if old, ok := best[f.entry]; !ok || c.tier < old.tier || (c.tier == old.tier && c.dist < old.dist) {
			best[f.entry] = c
		}
	}
	cands := make([]cand, 0, len(best))
	for _, c := range best {
		cands = append(cands, c)
	}
	slices.SortFunc(cands, func(a, b cand) int {
		return cmp.Or(cmp.Compare(a.tier, b.tier), cmp.Compare(a.dist, b.dist), cmp.Compare(a.entry, b.entry))
	})
	out := make([]*Entry, 0, min(n, len(cands)))
	for _, cd := range cands[:min(n, len(cands))] {
		out = append(out, &c.Entries[cd.entry])
	}
	return out
}

// sharesWordPrefix reports whether some word of v of at least 4 letters begins some word of
// f, or the other way round: «Краснодар» and «краснодарский край».
func sharesWordPrefix(v, f string) bool {
	fw := strings.FieldsFunc(f, isWordSep)
	for _, a := range strings.FieldsFunc(v, isWordSep) {
		if len([]rune(a)) < 4 {
			continue
		}
		for _, b := range fw {
			if len([]rune(b)) >= 4 && (strings.HasPrefix(b, a) || strings.HasPrefix(a, b)) {
				return true
			}
		}
	}
	return false
}

func isWordSep(r rune) bool {
	return r == ' ' || r == '-' || r == '(' || r == ')' || r == '.' || r == ','
}

var (
	registry = map[string]*Catalog{}
	listed   []string // ids in the order of register: the order documentation and scaffolds list them
)

func register(cs ...*Catalog) {
	for _, c := range cs {
		if err := c.build(); err != nil {
			panic(err) // the data is static: the package tests catch this first
		}
		if _, dup := registry[c.ID]; dup {
			panic("catalog: duplicate id " + c.ID)
		}
		c.buildWords()
		registry[c.ID] = c
		listed = append(listed, c.ID)
	}
}

func init() {
	register(regions(), okopf(), businessSize(), entityType(), serviceKind())
}

// Get returns the catalogue with the given id.
func Get(id string) (*Catalog, bool) {
	c, ok := registry[id]
	return c, ok
}

// IDs returns the ids of all built-in catalogues, sorted.
func IDs() []string {
	ids := make([]string, 0, len(registry))
	for id := range registry {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// Listed returns the ids of all built-in catalogues in the order they are introduced
// (regions first), the order a scaffold's comment names them in.
func Listed() []string { return slices.Clone(listed) }

// All returns every built-in catalogue in the order of [IDs].
func All() []*Catalog {
	ids := IDs()
	out := make([]*Catalog, len(ids))
	for i, id := range ids {
		out[i] = registry[id]
	}
	return out
}
