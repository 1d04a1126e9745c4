package model

import "path"

// Kind is the kind of a profiler document (its top-level kind:); it selects the schema.
type Kind string

// Document kinds of format v1.
const (
	KindLifeSituation Kind = "LifeSituation"
	KindProfile       Kind = "Profile"
)

// LSFileNames are the file names a life situation may have, preferred first.
var LSFileNames = []string{"life-situation.yaml", "life-situation.yml"}

// IsLSFileName reports whether name (a base name) is a life-situation file name.
func IsLSFileName(name string) bool { return name == LSFileNames[0] || name == LSFileNames[1] }

// KindOf picks the kind of a document with value v (as loaded) at path p: the document's
// own kind when it names one we know, otherwise what its file name suggests (the schema
// then reports the wrong or missing kind).
func KindOf(v any, p string) Kind {
	if m, ok := v.(map[string]any); ok {
		switch m["kind"] {
		case "LifeSituation":
			return KindLifeSituation
		case "Profile":
			return KindProfile
		}
	}
	if IsLSFileName(path.Base(p)) {
		return KindLifeSituation
	}
	return KindProfile
}
