// Package schemacheck validates documents against the embedded JSON Schemas and turns the
// validator's errors into findings with positions and messages written by us.
//
// jsonschema v5 reports a tree of errors with English messages and instance locations
// (JSON Pointers). Each leaf becomes one [finding.Finding]: a bad value at the value, an
// unknown key at the key itself, a missing property at its parent object. The message is
// rebuilt in Russian and English from the failing keyword and the schema node it sits in
// (allowed values, expected type, property titles), never copied from the library.
package schemacheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"
	"sync"

	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/schemas"
	"github.com/santhosh-tekuri/jsonschema/v5"
)

// schemaFile returns the schema file name for a kind.
func schemaFile(k model.Kind) string {
	if k == model.KindLifeSituation {
		return schemas.LifeSituation
	}
	return schemas.Profile
}

type compiled struct {
	byKind map[model.Kind]*jsonschema.Schema
	raw    map[string]any // schema file name -> parsed JSON, for messages
	err    error
}

var (
	once  sync.Once
	state compiled
)

// compile builds the validators once per process. A compiled *Schema is safe for
// concurrent use; the Compiler is not, so it never escapes this function.
func compile() *compiled {
	once.Do(func() {
		state.raw = map[string]any{}
		c := jsonschema.NewCompiler()
		c.Draft = jsonschema.Draft2020
		c.AssertFormat = true
		c.LoadURL = func(s string) (io.ReadCloser, error) {
			return nil, fmt.Errorf("schemacheck: refusing to load %s: only embedded schemas are used", s)
		}
		for _, name := range schemas.Names() {
			b, _ := schemas.Bytes(name)
			var v any
			if err := json.Unmarshal(b, &v); err != nil {
				state.err = fmt.Errorf("schemacheck: embedded %s: %w", name, err)
				return
			}
			state.raw[name] = v
			if err := c.AddResource(schemas.BaseURL+name, bytes.NewReader(b)); err != nil {
				state.err = fmt.Errorf("schemacheck: embedded %s: %w", name, err)
				return
			}
		}
		state.byKind = map[model.Kind]*jsonschema.Schema{}
		for _, k := range []model.Kind{model.KindLifeSituation, model.KindProfile} {
			s, err := c.Compile(schemas.BaseURL + schemaFile(k))
			if err != nil {
				state.err = fmt.Errorf("schemacheck: compiling %s: %w", schemaFile(k), err)
				return
			}
			state.byKind[k] = s
		}
	})
	return &state
}

// Check validates doc.Value against the schema of kind and returns the findings.
// doc must be Usable. Findings at pointers the loader already reported are dropped.
func Check(doc *load.Document, kind model.Kind) (out []finding.Finding) {
	st := compile()
	if st.err != nil {
		return []finding.Finding{{File: doc.Path, Line: 1, Column: 1, Severity: finding.Error, Rule: load.RuleCheckInternal,
			Message: i18n.Msg("внутренняя ошибка схемы: %v", "internal schema error: %v", st.err)}}
	}
	defer func() {
		// The validator must never take the whole run down; report instead.
		if r := recover(); r != nil {
			out = append(out, finding.Finding{File: doc.Path, Line: 1, Column: 1, Severity: finding.Error, Rule: load.RuleCheckInternal,
				Message: i18n.Msg("внутренняя ошибка при проверке схемы: %v; сообщите разработчикам", "internal error while checking the schema: %v; please report it", r)})
		}
	}()
	if quick(st.byKind[kind], doc.Value, 0) == valid {
		return nil
	}
	err := st.byKind[kind].Validate(doc.Value)
	if err == nil {
		return nil
	}
	ve, ok := err.(*jsonschema.ValidationError)
	if !ok {
		return []finding.Finding{{File: doc.Path, Line: 1, Column: 1, Severity: finding.Error, Rule: load.RuleCheckInternal,
			Message: i18n.Msg("внутренняя ошибка при проверке схемы: %v", "internal error while checking the schema: %v", err)}}
	}
	var leaves []*jsonschema.ValidationError
	collectLeaves(ve, &leaves)
	t := translator{st: st, doc: doc, kind: kind, track: &causes{}}
	seen := map[string]bool{}
	for _, l := range leaves {
		for _, f := range t.translate(l) {
			key := fmt.Sprintf("%d:%d:%s:%s", f.Line, f.Column, f.Rule, f.Message.EN)
			if seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, f)
		}
	}
	return t.track.apply(out)
}

// collectLeaves gathers the errors to report: leaves, except that an anyOf/oneOf failure is
// reported once as a whole rather than once per branch.
func collectLeaves(e *jsonschema.ValidationError, out *[]*jsonschema.ValidationError) {
	kw := lastSegment(e.KeywordLocation)
	if len(e.Causes) == 0 || kw == "anyOf" || kw == "oneOf" {
		*out = append(*out, e)
		return
	}
	for _, c := range e.Causes {
		collectLeaves(c, out)
	}
}

func lastSegment(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[i+1:]
	}
	return p
}

// instancePointer converts the validator's instance location (segments percent-encoded
// on top of JSON Pointer escaping) to a plain JSON Pointer as used by package load.
func instancePointer(loc string) string {
	if loc == "" || !strings.Contains(loc, "%") {
		return loc
	}
	segs := strings.Split(loc, "/")
	for i, s := range segs {
		if u, err := url.PathUnescape(s); err == nil {
			segs[i] = u
		}
	}
	return strings.Join(segs, "/")
}
