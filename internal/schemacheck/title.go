package schemacheck

import "github.com/profiler-cx/profiler/internal/model"

// Title returns the title the schema of kind gives the field at the instance pointer ptr
// (e.g. "/priority/capacity"), following $ref, or "" where the schema has none. The
// schemas are the one source of the field names users read.
func Title(kind model.Kind, ptr string) string {
	st := compile()
	if st.err != nil {
		return ""
	}
	title, _ := translator{st: st, kind: kind}.describe(ptr)
	return title
}
