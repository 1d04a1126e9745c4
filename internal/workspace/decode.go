package workspace

import (
	"encoding/json"
	"slices"
	"strconv"

	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/model"
	"gopkg.in/yaml.v3"
)

// The decoders are tolerant: they take what has the expected type and skip the rest, so
// that rules still run on a document with schema errors (the schema check has already
// reported those) instead of cascading into misleading findings.

func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

func num(v any) (float64, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, false
	}
	f, err := n.Float64()
	return f, err == nil
}

func list(m map[string]any, key string) []any {
	l, _ := m[key].([]any)
	return l
}

func obj(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func strings_(l []any) []string {
	var out []string
	for _, x := range l {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func decodeLifeSituation(doc *load.Document) *model.LifeSituation {
	m := obj(doc.Value)
	ls := &model.LifeSituation{
		Path:        doc.Path,
		ID:          str(m, "id"),
		Title:       str(m, "title"),
		Description: str(m, "description"),
		Owner:       str(m, "owner"),
	}
	for _, s := range strings_(list(m, "statuses")) {
		ls.Statuses = append(ls.Statuses, model.Status(s))
	}
	for i, x := range list(m, "services") {
		sm := obj(x)
		if sm == nil {
			continue
		}
		ls.Services = append(ls.Services, model.Service{
			ID: str(sm, "id"), Title: str(sm, "title"), Type: model.ServiceType(str(sm, "type")),
			Description: str(sm, "description"), Ptr: load.Pointer("services", strconv.Itoa(i)),
		})
	}
	for i, x := range list(m, "attributes") {
		am := obj(x)
		if am == nil {
			continue
		}
		a := model.Attribute{
			ID: str(am, "id"), Title: str(am, "title"), Description: str(am, "description"),
			Type: model.AttrType(str(am, "type")), Unit: str(am, "unit"), Catalog: str(am, "catalog"),
			Values: strings_(list(am, "values")), Sources: strings_(list(am, "sources")),
			Ptr: load.Pointer("attributes", strconv.Itoa(i)),
		}
		for _, s := range strings_(list(am, "statuses")) {
			a.Statuses = append(a.Statuses, model.Status(s))
		}
		ls.Attributes = append(ls.Attributes, a)
	}
	return ls
}

func items(m map[string]any, key string) []model.Item {
	var out []model.Item
	for i, x := range list(m, key) {
		ptr := load.Pointer(key, strconv.Itoa(i))
		switch v := x.(type) {
		case string:
			out = append(out, model.Item{Text: v, Ptr: ptr})
		case map[string]any:
			if t := str(v, "text"); t != "" {
				out = append(out, model.Item{Text: t, Source: str(v, "source"), Ptr: ptr})
			}
		}
	}
	return out
}

func param(m map[string]any, key string) model.Param {
	pm := obj(m[key])
	if pm == nil {
		return model.Param{}
	}
	p := model.Param{Ptr: load.Pointer("priority", key), Source: str(pm, "source"), Note: str(pm, "note"), Scale: 5}
	switch v := pm["value"].(type) {
	case bool:
		p.Set, p.Bool = true, v
	case json.Number:
		p.Number, p.Set = num(v)
	}
	if raw, given := pm["scale"]; given {
		// A scale that is given but not a positive number is reported by the schema; 0
		// tells the rules not to compare against it (nor against the default).
		p.Scale = 0
		if s, ok := num(raw); ok && s > 0 {
			p.Scale = s
		}
	}
	if key == "satisfaction" {
		p.ScaleFrom = 1
		if s, ok := num(pm["scaleFrom"]); ok && s >= 0 {
			p.ScaleFrom = s
		}
	}
	return p
}

// scalarOf returns the value as written. For plain scalars the YAML literal is kept so
// that `007` is compared as "007", not 7.
func scalarOf(doc *load.Document, ptr string, v any) (model.Scalar, bool) {
	sc := model.Scalar{Ptr: ptr}
	switch x := v.(type) {
	case string:
		sc.Text = x
	case json.Number:
		sc.Text, sc.Number, sc.Canonical = string(x), true, string(x)
		if n := doc.Node(ptr); n != nil && n.Kind == yaml.ScalarNode {
			sc.Text = n.Value
		}
	default:
		return sc, false
	}
	return sc, true
}

func decodeProfile(doc *load.Document) *model.Profile {
	m := obj(doc.Value)
	p := &model.Profile{
		Path: doc.Path, ID: str(m, "id"), LifeSituation: str(m, "lifeSituation"), Title: str(m, "title"),
		Description: str(m, "description"), Status: model.Status(str(m, "status")), Stage: model.Stage(str(m, "stage")),
		Notes: str(m, "notes"), Sources: strings_(list(m, "sources")),
	}
	attrs := obj(m["attributes"])
	for _, key := range keyOrder(doc, "/attributes", attrs) {
		ptr := load.Pointer("attributes", key)
		av := model.AttrValue{Key: key, Ptr: ptr}
		switch v := attrs[key].(type) {
		case []any:
			av.List = true
			for i, x := range v {
				if sc, ok := scalarOf(doc, ptr+"/"+strconv.Itoa(i), x); ok {
					av.Values = append(av.Values, sc)
				}
			}
		default:
			if sc, ok := scalarOf(doc, ptr, v); ok {
				av.Values = append(av.Values, sc)
			}
		}
		p.Attributes = append(p.Attributes, av)
	}
	if pr := obj(m["priority"]); pr != nil {
		p.Priority = model.Priority{
			Capacity: param(pr, "capacity"), Satisfaction: param(pr, "satisfaction"),
			UniqueProblems: param(pr, "uniqueProblems"), BlindZone: param(pr, "blindZone"), CustomerFocus: param(pr, "customerFocus"),
		}
	}
	p.Journey = items(m, "journey")
	p.Pains = items(m, "pains")
	if ch := obj(m["channels"]); ch != nil {
		p.Channels = model.Channels{Informing: strings_(list(ch, "informing")), Service: strings_(list(ch, "service"))}
	}
	for i, x := range list(m, "hypotheses") {
		hm := obj(x)
		if hm == nil {
			continue
		}
		p.Hypotheses = append(p.Hypotheses, model.Hypothesis{
			Text: str(hm, "text"), Status: model.HypothesisStatus(str(hm, "status")), Evidence: str(hm, "evidence"),
			Source: str(hm, "source"), Ptr: load.Pointer("hypotheses", strconv.Itoa(i)),
		})
	}
	for i, x := range list(m, "history") {
		hm := obj(x)
		if hm == nil {
			continue
		}
		p.History = append(p.History, model.HistoryEntry{
			Date: str(hm, "date"), Change: str(hm, "change"), Basis: str(hm, "basis"),
			Stage: model.Stage(str(hm, "stage")), Ptr: load.Pointer("history", strconv.Itoa(i)),
		})
	}
	return p
}

// keyOrder returns the keys of the mapping at ptr in file order (maps lose it).
func keyOrder(doc *load.Document, ptr string, m map[string]any) []string {
	var out []string
	seen := map[string]bool{}
	if n := doc.Node(ptr); n != nil && n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			if _, ok := m[k]; ok && !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	for k := range m { // keys the walk did not see (merge keys): append sorted for stability
		if !seen[k] {
			out = append(out, k)
		}
	}
	if len(out) > len(seen) {
		tail := out[len(seen):]
		slices.Sort(tail)
	}
	return out
}
