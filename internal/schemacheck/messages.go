package schemacheck

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/profiler-cx/profiler/internal/catalog"
	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/santhosh-tekuri/jsonschema/v5"
)

// Rule ids emitted by this package. They are stable: users filter and suppress by them.
const (
	RuleType       = "schema-type"
	RuleEnum       = "schema-enum"
	RuleRequired   = "schema-required"
	RuleUnknownKey = "schema-unknown-key"
	RuleFormat     = "schema-format"
	RuleRange      = "schema-range"
	RuleEmpty      = "schema-empty"
	RuleDuplicate  = "schema-duplicate"
	RuleConflict   = "schema-conflict"
	RuleStageGate  = "stage-gate"
)

type translator struct {
	st  *compiled
	doc *load.Document
}

// gate describes the if/then condition an error sits under, if any.
type gate struct {
	prop   string // the property the `if` tests, e.g. "stage"
	value  string // the instance's value of that property
	objPtr string // the object the if/then applies to
}

func (g *gate) isStage() bool { return g != nil && g.prop == "stage" }

func (g *gate) condition() i18n.Text {
	if g == nil {
		return i18n.Text{}
	}
	return i18n.Msg(" (при %s: %s)", " (when %s is %s)", g.prop, g.value)
}

func (t translator) f(ptr string, key bool, rule string, msg i18n.Text) finding.Finding {
	var line, col int
	if key {
		line, col = t.doc.KeyPos(ptr)
	} else {
		line, col = t.doc.Pos(ptr)
	}
	return finding.Finding{File: t.doc.Path, Line: line, Column: col, Severity: finding.Error, Rule: rule, Message: msg}
}

func (t translator) translate(e *jsonschema.ValidationError) []finding.Finding {
	ptr := instancePointer(e.InstanceLocation)
	if t.doc.Poisoned[ptr] {
		return nil
	}
	kw := lastSegment(e.KeywordLocation)
	file, spath := splitAbs(e.AbsoluteKeywordLocation)
	parentPath := parentPtr(spath)
	node, _ := t.schemaNode(file, parentPath).(map[string]any)
	g := t.gateOf(file, spath, ptr)
	val := valueAt(t.doc.Value, ptr)
	field := fieldName(ptr)

	switch kw {
	case "type":
		return []finding.Finding{t.f(ptr, false, RuleType, t.typeMessage(node, ptr, val))}
	case "enum", "const":
		var allowed []string
		if kw == "const" {
			allowed = []string{fmt.Sprint(node["const"])}
		} else if list, ok := node["enum"].([]any); ok {
			for _, a := range list {
				allowed = append(allowed, fmt.Sprint(a))
			}
		}
		got := scalarText(val)
		if g.isStage() {
			return []finding.Finding{t.f(ptr, false, RuleStageGate, stageMsg(g, i18n.Msg(
				"%s: значение %s недопустимо; нужно одно из: %s", "%s: %s is not allowed; use one of: %s",
				field, got, strings.Join(allowed, ", "))))}
		}
		msg := i18n.Msg("%s: недопустимое значение %s; допустимые: %s", "%s: %s is not allowed; use one of: %s",
			field, got, strings.Join(allowed, ", "))
		raw, _ := val.(string)
		if s := suggest(raw, allowed); raw != "" && s != "" {
			msg = i18n.Join("", msg, i18n.Msg(" (может быть, %s?)", " (did you mean %s?)", s))
		}
		return []finding.Finding{t.f(ptr, false, RuleEnum, i18n.Join("", msg, g.condition()))}
	case "required":
		missing := missingProps(node, val)
		var out []finding.Finding
		for _, name := range missing {
			title := t.propTitle(file, parentPath, name)
			what := i18n.Same(name)
			if title != "" {
				what.RU = fmt.Sprintf("%s («%s»)", name, title)
			}
			if g.isStage() {
				out = append(out, t.f(g.objPtr+"/stage", false, RuleStageGate, stageMsg(g, i18n.Text{
					RU: "нужно поле " + what.RU, EN: "field " + what.EN + " is required"})))
				continue
			}
			out = append(out, t.f(ptr, false, RuleRequired, i18n.Join("",
				i18n.Text{RU: "нет обязательного поля " + what.RU, EN: "missing required field " + what.EN},
				g.condition(), i18n.Msg(": добавьте его", ": add it"))))
		}
		return out
	case "additionalProperties":
		allowed := t.allowedProps(file, parentPath)
		var out []finding.Finding
		obj, _ := val.(map[string]any)
		for _, k := range sortedKeys(obj) {
			if slices.Contains(allowed, k) {
				continue
			}
			msg := i18n.Msg("неизвестное поле %q; допустимые поля: %s", "unknown field %q; allowed fields: %s", k, strings.Join(allowed, ", "))
			if s := suggest(k, allowed); s != "" {
				msg = i18n.Join("", msg, i18n.Msg(" (может быть, %s?)", " (did you mean %s?)", s))
			}
			out = append(out, t.f(load.Pointer(append(load.Split(ptr), k)...), true, RuleUnknownKey, msg))
		}
		return out
	case "pattern", "minLength", "maxLength", "format":
		return []finding.Finding{t.f(ptr, false, RuleFormat, t.formatMessage(kw, file, parentPath, node, field, val))}
	case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum":
		bound := fmt.Sprint(node[kw])
		var msg i18n.Text
		switch kw {
		case "minimum":
			msg = i18n.Msg("%s: %s меньше допустимого минимума %s", "%s: %s is below the minimum %s", field, scalarText(val), bound)
		case "maximum":
			msg = i18n.Msg("%s: %s больше допустимого максимума %s", "%s: %s is above the maximum %s", field, scalarText(val), bound)
		case "exclusiveMinimum":
			msg = i18n.Msg("%s: значение должно быть больше %s", "%s: the value must be greater than %s", field, bound)
		default:
			msg = i18n.Msg("%s: значение должно быть меньше %s", "%s: the value must be less than %s", field, bound)
		}
		return []finding.Finding{t.f(ptr, false, RuleRange, msg)}
	case "minItems", "minProperties":
		n := fmt.Sprint(node[kw])
		title := t.propTitle(file, parentPtr(parentPtr(parentPath)), field)
		what := i18n.Same(field)
		if title != "" {
			what.RU = fmt.Sprintf("%s («%s»)", field, title)
		}
		if g.isStage() {
			return []finding.Finding{t.f(ptr, false, RuleStageGate, stageMsg(g, i18n.Text{
				RU: fmt.Sprintf("в %s нужен хотя бы один пункт", what.RU), EN: fmt.Sprintf("%s needs at least one item", what.EN)}))}
		}
		msg := i18n.Msg("%s: список пуст — добавьте хотя бы %s пункт или удалите ключ", "%s: the list is empty — add at least %s item or remove the key", what.RU, n)
		msg.EN = fmt.Sprintf("%s: the list is empty — add at least %s item or remove the key", what.EN, n)
		if kw == "minProperties" {
			msg = i18n.Text{RU: fmt.Sprintf("%s: нужно хотя бы %s значение", what.RU, n), EN: fmt.Sprintf("%s: at least %s entry is needed", what.EN, n)}
		}
		return []finding.Finding{t.f(ptr, false, RuleEmpty, i18n.Join("", msg, g.condition()))}
	case "uniqueItems":
		var i, j int
		if _, err := fmt.Sscanf(e.Message, "items at index %d and %d are equal", &i, &j); err != nil {
			j = 0
		}
		itemPtr := ptr + "/" + strconv.Itoa(j)
		return []finding.Finding{t.f(itemPtr, false, RuleDuplicate, i18n.Msg(
			"%s: значение %s повторяется (уже есть в пункте %d) — удалите повтор",
			"%s: %s is repeated (already item %d) — remove the duplicate", field, scalarText(valueAt(t.doc.Value, itemPtr)), i+1))}
	case "anyOf", "oneOf":
		names := requiredNames(node[kw])
		if len(names) > 0 {
			list := strings.Join(names, ", ")
			if g.isStage() {
				return []finding.Finding{t.f(ptr, false, RuleStageGate, stageMsg(g, i18n.Msg(
					"в %s нужно заполнить хотя бы одно из полей: %s", "%s needs at least one of: %s", field, list)))}
			}
			return []finding.Finding{t.f(ptr, false, RuleRequired, i18n.Join("", i18n.Msg(
				"нужно хотя бы одно из полей: %s", "at least one of these fields is required: %s", list), g.condition()))}
		}
	case "not":
		names := requiredNames([]any{node["not"]})
		if len(names) > 0 {
			return []finding.Finding{t.f(ptr, false, RuleConflict, i18n.Join("", i18n.Msg(
				"поля %s здесь не допускаются вместе или по отдельности%s — удалите лишнее", "fields %s are not allowed here%s — remove them",
				strings.Join(names, ", "), ""), g.condition()))}
		}
	}
	return []finding.Finding{t.f(ptr, false, "schema", i18n.Msg(
		"значение не соответствует схеме: %s", "the value does not match the schema: %s", e.Message))}
}

func stageMsg(g *gate, what i18n.Text) i18n.Text {
	st := model.Stage(g.value).Name()
	return i18n.Text{
		RU: fmt.Sprintf("на этапе «%s» (stage: %s) %s; заполните или оставьте прежний этап", st.RU, g.value, what.RU),
		EN: fmt.Sprintf("at stage %q (stage: %s) %s; fill it in or keep the earlier stage", st.EN, g.value, what.EN),
	}
}

var typeNames = map[string]i18n.Text{
	"string":  {RU: "строка", EN: "a string"},
	"number":  {RU: "число", EN: "a number"},
	"integer": {RU: "целое число", EN: "an integer"},
	"boolean": {RU: "true или false", EN: "true or false"},
	"array":   {RU: "список", EN: "a list"},
	"object":  {RU: "объект (ключ: значение)", EN: "a mapping (key: value)"},
	"null":    {RU: "пустое значение", EN: "an empty value"},
}

func jsonTypeOf(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case json.Number:
		if strings.ContainsAny(string(v), ".eE") {
			return "number"
		}
		return "integer"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "unknown"
}

func (t translator) typeMessage(node map[string]any, ptr string, val any) i18n.Text {
	var expected []string
	switch ty := node["type"].(type) {
	case string:
		expected = []string{ty}
	case []any:
		for _, x := range ty {
			expected = append(expected, fmt.Sprint(x))
		}
	}
	var ru, en []string
	for _, x := range expected {
		ru = append(ru, typeNames[x].RU)
		en = append(en, typeNames[x].EN)
	}
	actual := jsonTypeOf(val)
	field := fieldName(ptr)
	msg := i18n.Text{
		RU: fmt.Sprintf("%s: ожидается %s, а указано %s", field, strings.Join(ru, " или "), typeNames[actual].RU),
		EN: fmt.Sprintf("%s: expected %s, found %s", field, strings.Join(en, " or "), typeNames[actual].EN),
	}
	switch {
	case slices.Contains(expected, "string") && actual != "null":
		if lit, ok := load.QuoteHint(t.doc.Node(ptr)); ok {
			msg = i18n.Join("", msg, i18n.Text{
				RU: fmt.Sprintf("; YAML читает %[1]s без кавычек как %[2]s — возьмите значение в кавычки: \"%[1]s\"", lit, typeNames[actual].RU),
				EN: fmt.Sprintf("; YAML reads an unquoted %[1]s as %[2]s — put it in quotes: \"%[1]s\"", lit, typeNames[actual].EN),
			})
		}
	case actual == "null":
		msg = i18n.Join("", msg, i18n.Msg(" — заполните значение или удалите ключ", " — fill in a value or remove the key"))
	case slices.Contains(expected, "object") && hasValueProp(node) && (actual == "integer" || actual == "number" || actual == "boolean"):
		msg = i18n.Join("", msg, i18n.Msg(" — запишите как {value: %s}", " — write it as {value: %s}", scalarText(val)))
	}
	return msg
}

func hasValueProp(node map[string]any) bool {
	props, _ := node["properties"].(map[string]any)
	_, ok := props["value"]
	return ok
}

var datePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

func (t translator) formatMessage(kw, file, parentPath string, node map[string]any, field string, val any) i18n.Text {
	s, _ := val.(string)
	pattern, _ := node["pattern"].(string)
	switch {
	case kw == "format" || pattern == datePattern && kw == "pattern":
		return i18n.Msg("%s: %q — не дата; пишите ГГГГ-ММ-ДД, например 2026-03-01", "%s: %q is not a date; write YYYY-MM-DD, e.g. 2026-03-01", field, s)
	case kw == "maxLength":
		return i18n.Msg("%s: слишком длинное значение (%d символов), допустимо не больше %v", "%s: the value is too long (%d characters), at most %v allowed",
			field, len([]rune(s)), node["maxLength"])
	case strings.HasSuffix(file+parentPath, "defs.schema.json/$defs/slug"):
		msg := i18n.Msg("%s: %q — не идентификатор: нужны строчные латинские буквы, цифры и одиночные дефисы",
			"%s: %q is not an id: use lowercase latin letters, digits and single hyphens", field, s)
		if sug := slugHint(s); sug != "" && sug != s {
			msg = i18n.Join("", msg, i18n.Msg(", например %s", ", e.g. %s", sug))
		}
		return msg
	case kw == "minLength" || pattern == `\S`:
		return i18n.Msg("%s: пустое значение — заполните его или удалите ключ", "%s: the value is empty — fill it in or remove the key", field)
	case strings.Contains(pattern, `(-[0-9]+`):
		return i18n.Msg("%s: %q — не интервал: пишите \"A-B\" (например \"18-25\") или \"A+\" (например \"51+\")",
			"%s: %q is not a bucket: write \"A-B\" (e.g. \"18-25\") or \"A+\" (e.g. \"51+\")", field, s)
	}
	return i18n.Msg("%s: %q не соответствует шаблону %s", "%s: %q does not match the pattern %s", field, s, pattern)
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// slugHint proposes an id for a near-miss written in latin letters ("Postuplenie_v_vuz").
func slugHint(s string) string {
	return strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(s), "-"), "-")
}

// suggest returns the closest allowed value for «did you mean», or "".
func suggest(got string, allowed []string) string {
	best, bestD := "", 1<<30
	g := strings.ToLower(got)
	for _, a := range allowed {
		d := catalog.Distance(g, strings.ToLower(a))
		if d < bestD {
			best, bestD = a, d
		}
	}
	limit := max(2, len([]rune(got))/3)
	if best != "" && bestD <= limit && bestD > 0 {
		return best
	}
	return ""
}

func missingProps(node map[string]any, val any) []string {
	obj, _ := val.(map[string]any)
	req, _ := node["required"].([]any)
	var out []string
	for _, r := range req {
		name := fmt.Sprint(r)
		if _, ok := obj[name]; !ok {
			out = append(out, name)
		}
	}
	return out
}

// requiredNames collects the property names that the branches of anyOf/oneOf (or a not)
// require; nil when a branch requires nothing (then a generic message is used).
func requiredNames(branches any) []string {
	list, _ := branches.([]any)
	var names []string
	for _, b := range list {
		m, _ := b.(map[string]any)
		if inner, ok := m["anyOf"]; ok {
			names = append(names, requiredNames(inner)...)
			continue
		}
		req, _ := m["required"].([]any)
		if len(req) == 0 {
			return nil
		}
		for _, r := range req {
			if s := fmt.Sprint(r); !slices.Contains(names, s) {
				names = append(names, s)
			}
		}
	}
	return names
}
