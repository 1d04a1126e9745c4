package scaffold

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/profiler-cx/profiler/internal/catalog"
	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/schemacheck"
)

// Set is one attribute of a new profile filled in by the user (--set attr=value, or an
// answer on a terminal); several values make a list.
type Set struct {
	Key    string
	Values []string
}

// ProfileAttrs lists the life situation's attributes for status, filled in from sets;
// attributes set but not declared are appended so that the check names them.
func ProfileAttrs(ls *model.LifeSituation, status model.Status, sets []Set) []Attr {
	byKey := map[string]Set{}
	for _, s := range sets {
		byKey[s.Key] = s
	}
	var out []Attr
	declared := map[string]bool{}
	for _, a := range ls.Attributes {
		if !a.HasStatus(status) {
			continue
		}
		declared[a.ID] = true
		at := Attr{ID: a.ID, Title: a.Title, Type: string(a.Type), Unit: a.Unit, Values: a.Values, Catalog: a.Catalog}
		if a.Catalog != "" {
			at.Sample = CatalogSample(a.Catalog, 3)
		}
		if s, ok := byKey[a.ID]; ok {
			at.Value = yamlValue(a.Type, declaredSpelling(a, s.Values))
		}
		out = append(out, at)
	}
	for _, s := range sets {
		if !declared[s.Key] {
			out = append(out, Attr{ID: s.Key, Title: s.Key, Value: yamlValue("", s.Values)})
		}
	}
	return out
}

// declaredSpelling writes each value the way the life situation declares it when they
// differ only in case or «ё» (--set sex=Женский writes «женский»), so profiles group
// together and validate has nothing to warn about.
func declaredSpelling(a model.Attribute, vs []string) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v
		nv := catalog.Normalize(v)
		for _, d := range a.Values {
			if catalog.Normalize(d) == nv {
				out[i] = d
				break
			}
		}
	}
	return out
}

var plainNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)([.,][0-9]+)?$`)

// yamlValue writes set values: a number stays a number for range attributes, anything
// else is a string (quoted when YAML would read it otherwise); several values make a list.
func yamlValue(t model.AttrType, vs []string) string {
	one := func(v string) string {
		if t == model.AttrRange {
			if plainNumber.MatchString(v) && !strings.Contains(v, ",") {
				return v
			}
		}
		s := Scalar(v)
		if len(vs) > 1 && strings.ContainsAny(s, ",[]{}") && !strings.HasPrefix(s, `"`) {
			s = strconv.Quote(v)
		}
		return s
	}
	if len(vs) == 1 {
		return one(vs[0])
	}
	var parts []string
	for _, v := range vs {
		parts = append(parts, one(v))
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// SetFindings returns the errors among fs (the findings of the generated profile data,
// named path) that sit on a line written from sets: the user's mistakes, not the template's.
func SetFindings(path string, data []byte, sets []Set, fs []finding.Finding) []finding.Finding {
	if len(sets) == 0 {
		return nil
	}
	doc, _ := load.Parse(path, data, load.Limits{})
	lines := map[int]bool{}
	for _, s := range sets {
		if l, _ := doc.KeyPos(load.Pointer("attributes", s.Key)); l > 0 {
			lines[l] = true
		}
	}
	var out []finding.Finding
	for _, f := range fs {
		if f.Severity == finding.Error && lines[f.Line] {
			out = append(out, f)
		}
	}
	return out
}

// FailsStageGate reports whether a stage gate fails: content a later stage needs that a
// new profile cannot have yet.
func FailsStageGate(fs []finding.Finding) bool {
	for _, f := range fs {
		if f.Rule == schemacheck.RuleStageGate {
			return true
		}
	}
	return false
}
