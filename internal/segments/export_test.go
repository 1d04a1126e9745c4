package segments

import (
	"encoding/json"
	"io"
)

// WriteJSONReference is exported to the tests.
var WriteJSONReference = writeJSONReference

// The JSON shape of `profiler segments --format json` (SPEC §3.4). Users' scripts depend
// on it: add fields, never rename or remove them.
type (
	jsonReport struct {
		LifeSituations []jsonLS `json:"lifeSituations"`
	}
	jsonLS struct {
		ID       string       `json:"id"`
		Title    string       `json:"title"`
		Statuses []jsonStatus `json:"statuses"`
	}
	jsonStatus struct {
		Status        string      `json:"status"`
		Profiles      int         `json:"profiles"`
		Overlaps      []jsonPair  `json:"overlaps"`
		Duplicates    [][2]string `json:"duplicates"`
		NotSingledOut []jsonGap   `json:"notSingledOut"`
	}
	jsonPair struct {
		A      string              `json:"a"`
		B      string              `json:"b"`
		Shared map[string][]string `json:"shared"` // encoding/json writes the keys sorted
	}
	jsonGap struct {
		Attribute string   `json:"attribute"`
		Values    []string `json:"values"`
	}
)

// writeJSONReference is WriteJSON through encoding/json: the reference it must match.
func writeJSONReference(w io.Writer, res []LifeSituation) error {
	rep := jsonReport{LifeSituations: []jsonLS{}}
	for _, l := range res {
		jl := jsonLS{ID: l.LS.ID, Title: l.LS.Title, Statuses: []jsonStatus{}}
		for _, s := range l.Statuses {
			js := jsonStatus{Status: string(s.Status), Profiles: len(s.Profiles), Overlaps: []jsonPair{},
				Duplicates: s.Duplicates, NotSingledOut: []jsonGap{}}
			for _, p := range s.Overlaps {
				jp := jsonPair{A: p.A, B: p.B, Shared: map[string][]string{}}
				for _, v := range s.Shared(p) {
					jp.Shared[v.Attribute] = v.Values
				}
				js.Overlaps = append(js.Overlaps, jp)
			}
			for _, g := range s.NotSingledOut {
				js.NotSingledOut = append(js.NotSingledOut, jsonGap{Attribute: g.Attribute, Values: g.Values.Values})
			}
			jl.Statuses = append(jl.Statuses, js)
		}
		rep.LifeSituations = append(rep.LifeSituations, jl)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}
