package workspace

import (
	"bytes"
	"path"

	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/model"
)

// Decoded is one document read into the model without the schema check and the rules:
// what a comparison of two revisions needs (validate reports the rest).
type Decoded struct {
	Kind    model.Kind
	LS      *model.LifeSituation // set when Kind is LifeSituation and the value is a mapping
	Profile *model.Profile       // set when Kind is Profile and the value is a mapping
	// Problem is the first error that kept the file from being read as a document (a
	// YAML syntax error, a size limit...); the zero Finding when it was read.
	Problem finding.Finding
}

// Decode parses data (the content of the file shown as display) with the loader's limits
// and decodes it tolerantly, as Check does, so a file with schema errors still yields
// its model.
func Decode(display string, data []byte, lim load.Limits) Decoded {
	doc, fs := load.Parse(display, data, lim)
	var d Decoded
	if !doc.Usable {
		for _, f := range fs {
			if f.Severity == finding.Error {
				d.Problem = f
				break
			}
		}
		if d.Problem.Rule == "" {
			d.Problem = finding.Finding{File: display, Severity: finding.Error, Rule: load.RuleInternal}
		}
		d.Kind = model.KindOf(nil, display)
		return d
	}
	d.Kind = model.KindOf(doc.Value, display)
	if _, ok := doc.Value.(map[string]any); !ok {
		return d
	}
	switch d.Kind {
	case model.KindLifeSituation:
		d.LS = decodeLifeSituation(doc)
	case model.KindProfile:
		d.Profile = decodeProfile(doc)
	}
	return d
}

// IsDocument applies SPEC §1 to a file of a listing that is not on disk (a git
// revision): a life-situation file name, a YAML file in a profiles/ folder beside one
// (lsBeside tells whether dir holds one), or any YAML whose top-level apiVersion says
// profiler/. data may be nil when the name alone decides.
func IsDocument(p string, data []byte, lsBeside func(dir string) bool) (ours, needData bool) {
	name := path.Base(p)
	if !isYAML(name) {
		return false, false
	}
	if model.IsLSFileName(name) {
		return true, false
	}
	if dir := path.Dir(p); path.Base(dir) == "profiles" && lsBeside(path.Dir(dir)) {
		return true, false
	}
	if data == nil {
		return false, true
	}
	return apiVersionLine.Match(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))), false
}
