// Package diff compares the research at two revisions in the method's terms (SPEC §3.5):
// life situations and profiles matched by id (a moved file is a move), field-level old
// → new with the schema's titles, string lists as sets, and the events a reviewer looks
// for (stage changed, hypothesis settled, priority and quadrant changed, profiles added,
// removed, or left out of date by a change to their life situation).
//
// [Load] reads two sides through git; [Compare] builds the [Result]; [Text],
// [Markdown] and [JSON] print it.
package diff

import (
	"bytes"
	"encoding/json"

	"github.com/profiler-cx/profiler/internal/i18n"
)

// Kinds of change entries.
const (
	KindLS      = "LifeSituation"
	KindProfile = "Profile"
)

// Changes an entry can have. Unchanged entries carry only a profile-suspect warning.
const (
	Added     = "added"
	Removed   = "removed"
	Modified  = "modified"
	Moved     = "moved"
	Unchanged = "unchanged"
)

// Event rule ids. They name diff events, not validate findings: named Event*, so the
// registry of validate rules (report.Rules) does not take them for its own.
const (
	EventStageChanged      = "stage-changed"
	EventHypothesisChanged = "hypothesis-status-changed"
	EventPriorityChanged   = "priority-changed"
	EventProfileAdded      = "profile-added"
	EventProfileRemoved    = "profile-removed"
	EventProfileSuspect    = "profile-suspect"
	EventFileUnreadable    = "file-unreadable"
)

// Event levels.
const (
	Info    = "info"
	Warning = "warning"
)

// Result is a whole comparison.
type Result struct {
	From, To string
	Summary  Summary
	Changes  []*Change
}

// Counts are the numbers of entries per change.
type Counts struct {
	Added    int `json:"added"`
	Removed  int `json:"removed"`
	Modified int `json:"modified"`
	Moved    int `json:"moved,omitempty"`
}

// Summary counts the entries; Suspect counts the profiles with a profile-suspect warning.
type Summary struct {
	LifeSituations Counts
	Profiles       Counts
	Suspect        int
}

// Change is one life situation or profile that changed.
type Change struct {
	Kind          string
	ID            string
	LifeSituation string
	Title         string
	Change        string
	File, OldFile string
	Fields        []Field
	Events        []Event
}

// Field is one changed field: a value (Old → New) or a set (Added, Removed).
type Field struct {
	Path  string
	Item  string // the list item the field belongs to (a hypothesis, a pain), if any
	Label i18n.Text
	Set   bool
	// Old and New are JSON values: string, float64, bool, or nil for "not set".
	Old, New         any
	OldText, NewText i18n.Text // how Old and New read to a person
	Added, Removed   []string
	AddedText        []i18n.Text
	RemovedText      []i18n.Text
	Long             bool // a long text: shown word by word in text and Markdown
}

// Event is what the method cares about in a change.
type Event struct {
	Rule    string
	Level   string
	Message i18n.Text
}

// Changed reports whether anything changed (--exit-code).
func (r *Result) Changed() bool { return len(r.Changes) > 0 }

// The JSON shapes (SPEC §3.5). Texts are in the chosen language.
type (
	jsonResult struct {
		From    string       `json:"from"`
		To      string       `json:"to"`
		Summary jsonSummary  `json:"summary"`
		Changes []jsonChange `json:"changes"`
	}
	jsonSummary struct {
		LifeSituations jsonLSCounts `json:"lifeSituations"`
		Profiles       jsonPCounts  `json:"profiles"`
	}
	jsonLSCounts struct {
		Added    int `json:"added"`
		Removed  int `json:"removed"`
		Modified int `json:"modified"`
	}
	jsonPCounts struct {
		Added    int `json:"added"`
		Removed  int `json:"removed"`
		Modified int `json:"modified"`
		Moved    int `json:"moved"`
	}
	jsonChange struct {
		Kind          string      `json:"kind"`
		ID            string      `json:"id"`
		LifeSituation string      `json:"lifeSituation"`
		Title         string      `json:"title"`
		Change        string      `json:"change"`
		File          string      `json:"file"`
		OldFile       string      `json:"oldFile"`
		Fields        []jsonField `json:"fields"`
		Events        []jsonEvent `json:"events"`
	}
	jsonValueField struct {
		Path string `json:"path"`
		Item string `json:"item,omitempty"`
		Old  any    `json:"old"`
		New  any    `json:"new"`
	}
	jsonSetField struct {
		Path    string   `json:"path"`
		Item    string   `json:"item,omitempty"`
		Added   []string `json:"added"`
		Removed []string `json:"removed"`
	}
	jsonField any
	jsonEvent struct {
		Rule    string `json:"rule"`
		Level   string `json:"level"`
		Message string `json:"message"`
	}
)

// JSON renders the result as SPEC §3.5's object, with messages in lang.
func JSON(r *Result, lang i18n.Lang) ([]byte, error) {
	out := jsonResult{From: r.From, To: r.To, Changes: []jsonChange{},
		Summary: jsonSummary{
			LifeSituations: jsonLSCounts{Added: r.Summary.LifeSituations.Added, Removed: r.Summary.LifeSituations.Removed, Modified: r.Summary.LifeSituations.Modified},
			Profiles:       jsonPCounts(r.Summary.Profiles),
		}}
	for _, c := range r.Changes {
		jc := jsonChange{Kind: c.Kind, ID: c.ID, LifeSituation: c.LifeSituation, Title: c.Title, Change: c.Change,
			File: c.File, OldFile: c.OldFile, Fields: []jsonField{}, Events: []jsonEvent{}}
		for _, f := range c.Fields {
			if f.Set {
				jc.Fields = append(jc.Fields, jsonSetField{Path: f.Path, Item: f.Item, Added: nonNil(f.Added), Removed: nonNil(f.Removed)})
			} else {
				jc.Fields = append(jc.Fields, jsonValueField{Path: f.Path, Item: f.Item, Old: f.Old, New: f.New})
			}
		}
		for _, e := range c.Events {
			jc.Events = append(jc.Events, jsonEvent{Rule: e.Rule, Level: e.Level, Message: e.Message.In(lang)})
		}
		out.Changes = append(out.Changes, jc)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // titles hold «<», «&» as people wrote them
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
