package diff

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/schemacheck"
)

// fieldEN names the fields in English. The Russian names come from the schemas' titles
// (the one source users and editors read); the schemas carry no English, so this table
// gives it, keyed by the field's own name.
var fieldEN = map[string]string{
	"title": "title", "description": "description", "lifeSituation": "life situation", "status": "client status",
	"stage": "stage", "attributes": "attributes", "capacity": "segment capacity", "satisfaction": "satisfaction",
	"scale": "scale", "source": "source", "note": "note", "uniqueProblems": "unique problems", "blindZone": "blind zone",
	"customerFocus": "customer's focus", "journey": "client journey features", "channels": "preferred interaction channels",
	"informing": "informing", "service": "receiving services", "pains": "pains", "hypotheses": "hypotheses",
	"evidence": "evidence", "sources": "sources", "history": "history", "notes": "additional notes",
	"owner": "commissioning body", "statuses": "client statuses", "services": "services, functions, support measures",
	"type": "type", "unit": "unit", "values": "values", "catalog": "catalogue",
	"hypotheses.status": "status",
}

// listFields are the lists whose items have fields of their own (hypotheses.status).
var listFields = map[string]bool{"hypotheses": true, "journey": true, "pains": true, "history": true}

// fieldRU names what the schemas leave without a title of their own.
var fieldRU = map[string]string{"source": "источник", "stage": "этап"}

// label names a dotted field path for people: the schema titles of its segments joined
// by ": ", a trailing "value" dropped (priority.capacity.value is the capacity) and the
// "priority" wrapper skipped; names[i], when set, replaces the title of segment i (the
// title of an attribute or service whose id the path holds).
func label(kind, dotted string, names map[int]string) i18n.Text {
	k := model.KindProfile
	if kind == KindLS {
		k = model.KindLifeSituation
	}
	segs := strings.Split(dotted, ".")
	if len(segs) > 1 && segs[len(segs)-1] == "value" {
		segs = segs[:len(segs)-1]
	}
	var ru, en []string
	ptr := ""
	for i, s := range segs {
		seg := s
		if names[i] != "" {
			seg = "0" // an id in the path: the schema describes the list's items
			if kind == KindProfile {
				seg = s // profile attributes are a mapping
			}
		}
		ptr += "/" + seg
		if i > 0 && listFields[segs[i-1]] && i == 1 {
			ptr = "/" + segs[0] + "/0/" + seg // a field of a list item: the schema describes the items
		}
		if s == "priority" && i < len(segs)-1 {
			continue
		}
		if n := names[i]; n != "" {
			ru, en = append(ru, "«"+n+"»"), append(en, "«"+n+"»")
			continue
		}
		t := schemacheck.Title(k, ptr)
		if t == "" {
			t = fieldRU[s]
		}
		e := fieldEN[s]
		if i > 0 && fieldEN[segs[i-1]+"."+s] != "" {
			e = fieldEN[segs[i-1]+"."+s]
		}
		if e == "" {
			e = s
		}
		if t == "" {
			t = e
		}
		ru, en = append(ru, t), append(en, e)
	}
	return i18n.Text{RU: joinLabel(ru), EN: joinLabel(en)}
}

// joinLabel joins the parts with ": ", the first capitalised, the others in lower case
// unless they begin with an abbreviation («НПА», «ЖС») or a quoted name.
func joinLabel(parts []string) string {
	for i, p := range parts {
		r, n := utf8.DecodeRuneInString(p)
		if i == 0 {
			parts[i] = string(unicode.ToUpper(r)) + p[n:]
			continue
		}
		r2, _ := utf8.DecodeRuneInString(p[n:])
		if unicode.IsUpper(r) && !unicode.IsUpper(r2) {
			parts[i] = string(unicode.ToLower(r)) + p[n:]
		}
	}
	return strings.Join(parts, ": ")
}

// numberText prints a number as people write it: no exponent, a decimal comma in Russian.
func numberText(f float64) i18n.Text {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	return i18n.Text{RU: strings.Replace(s, ".", ",", 1), EN: s}
}

var (
	textYes   = i18n.Msg("да", "yes")
	textNo    = i18n.Msg("нет", "no")
	textUnset = i18n.Msg("не задано", "not set")
)

func boolText(b bool) i18n.Text {
	if b {
		return textYes
	}
	return textNo
}
