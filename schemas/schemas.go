// Package schemas embeds the JSON Schemas of file format v1. The *.schema.json files next
// to this one are the single source of truth for the shape of profiler documents: the
// validator compiles them, editors load them, and `profiler schema` exports them.
package schemas

import (
	"embed"
	"io/fs"
	"slices"
	"strings"
)

//go:embed *.schema.json
var files embed.FS

// Well-known schema file names.
const (
	LifeSituation = "life-situation.schema.json"
	Profile       = "profile.schema.json"
	Defs          = "defs.schema.json"
)

// BaseURL is the made-up absolute base the embedded schemas are registered under, so that
// relative $refs resolve without touching the file system or the network.
const BaseURL = "https://profiler.invalid/schemas/v1/"

// Names lists the embedded schema files, sorted.
func Names() []string {
	entries, _ := fs.ReadDir(files, ".")
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".schema.json") {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	return names
}

// Bytes returns the content of the named schema file. name may omit the
// ".schema.json" suffix ("profile" and "profile.schema.json" are the same).
func Bytes(name string) ([]byte, bool) {
	if !strings.HasSuffix(name, ".schema.json") {
		name += ".schema.json"
	}
	b, err := files.ReadFile(name)
	return b, err == nil
}
