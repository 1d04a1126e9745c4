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
	"github.com/profiler-cx/profiler/internal/numhint"
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
	// RuleOther is a violation this package has no wording for yet; it is not in [Rules]
	// (a user should never see it, and SARIF lists only the worded rules).
	RuleOther = "schema"
)

// Rules lists the rule ids of the schema check, in the order SARIF lists them.
var Rules = []finding.Rule{
	{ID: RuleType, Severity: finding.Error, Short: i18n.Text{RU: "неверный тип значения", EN: "wrong type"}},
	{ID: RuleEnum, Severity: finding.Error, Short: i18n.Text{RU: "значение вне списка допустимых", EN: "a value outside the allowed list"}},
	{ID: RuleRequired, Severity: finding.Error, Short: i18n.Text{RU: "нет обязательного поля", EN: "a required field is missing"}},
	{ID: RuleUnknownKey, Severity: finding.Error, Short: i18n.Text{RU: "ключ, которого нет в формате", EN: "a key the format does not know"}},
	{ID: RuleFormat, Severity: finding.Error, Short: i18n.Text{RU: "значение не в нужном формате (id, дата, интервал)", EN: "a value not in the required format (id, date, bucket)"}},
	{ID: RuleRange, Severity: finding.Error, Short: i18n.Text{RU: "число меньше допустимого минимума", EN: "a number below its minimum"}},
	{ID: RuleEmpty, Severity: finding.Error, Short: i18n.Text{RU: "пустой список там, где нужен хотя бы один элемент", EN: "an empty list where at least one item is required"}},
	{ID: RuleDuplicate, Severity: finding.Error, Short: i18n.Text{RU: "одно значение дважды в списке уникальных", EN: "the same value twice in a list that must be unique"}},
	{ID: RuleConflict, Severity: finding.Error, Short: i18n.Text{RU: "поля, которые исключают друг друга", EN: "fields that exclude each other"}},
	{ID: RuleStageGate, Severity: finding.Error, Short: i18n.Text{RU: "для этапа профиля не хватает содержания", EN: "the profile's stage needs content it does not have yet"}},
}

type translator struct {
	st    *compiled
	doc   *load.Document
	kind  model.Kind
	track *causes // nil: no tracking
}

// causes links a misspelled key to the findings it causes: `jorney:` is an unknown key,
// and the stage gate then misses journey. The gate's finding is only a consequence; the
// user must see the typo, with the gate's need said in its message (see [causes.apply]).
type causes struct {
	pendingTypo []pending     // unknown keys with a suggestion: ptr is the field they probably meant
	pendingNeed []pendingNeed // required fields found missing
}

type pending struct {
	ptr string
	f   finding.Finding
}

type pendingNeed struct {
	ptr   string
	f     finding.Finding
	stage string // the stage that needs the field; "" for a field required always
}

// apply drops each missing-field finding whose field an unknown key probably meant, and
// says in the unknown key's message what the field is needed for.
func (c *causes) apply(out []finding.Finding) []finding.Finding {
	drop := map[finding.Finding]bool{}
	extra := map[finding.Finding][]i18n.Text{}
	for _, n := range c.pendingNeed {
		for _, ty := range c.pendingTypo {
			if ty.ptr != n.ptr {
				continue
			}
			drop[n.f] = true
			name := lastSegment(n.ptr)
			if n.stage != "" {
				extra[ty.f] = append(extra[ty.f], i18n.Msg("; поле %s нужно на этапе %s, поэтому без исправления профиль этап не проходит",
					"; field %s is needed at stage %s, so without the fix the profile fails the stage", name, n.stage))
			} else {
				extra[ty.f] = append(extra[ty.f], i18n.Msg("; поле %s обязательно", "; field %s is required", name))
			}
			break
		}
	}
	if len(drop) == 0 {
		return out
	}
	kept := out[:0]
	for _, f := range out {
		if drop[f] {
			continue
		}
		if ex := extra[f]; len(ex) > 0 {
			// The fix clause stays last: put the consequence before « — исправьте…».
			f.Message = insertBeforeFix(f.Message, i18n.Join("", ex...))
		}
		kept = append(kept, f)
	}
	return kept
}

// insertBeforeFix puts add before the first « — » of msg (where an unknown key's fix
// begins), or at its end.
func insertBeforeFix(msg, add i18n.Text) i18n.Text {
	ins := func(m, a string) string {
		if i := strings.Index(m, " — "); i >= 0 {
			return m[:i] + a + m[i:]
		}
		return m + a
	}
	return i18n.Text{RU: ins(msg.RU, add.RU), EN: ins(msg.EN, add.EN)}
}

// gate describes the if/then condition an error sits under, if any.
type gate struct {
	prop    string   // the property the `if` tests, e.g. "stage"
	value   string   // the instance's value of that property
	objPtr  string   // the object the if/then applies to
	matches []string // the values of prop the condition holds for
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
			return []finding.Finding{t.stageGate(g, t.stageEnum(ptr, got, allowed))}
		}
		if kw == "const" {
			msg := i18n.Msg("%s: указано %s, а должно быть %s — исправьте значение", "%s: found %s, must be %s — fix the value", field, got, allowed[0])
			if ptr == "/apiVersion" {
				msg = i18n.Msg("%s: указано %s, а эта версия profiler читает только формат %s — исправьте значение",
					"%s: found %s, but this version of profiler reads only format %s — fix the value", field, got, allowed[0])
			}
			return []finding.Finding{t.f(ptr, false, RuleEnum, i18n.Join("", msg, g.condition()))}
		}
		msg := i18n.Msg("%s: недопустимое значение %s", "%s: %s is not allowed", field, got)
		raw, _ := val.(string)
		if s := suggest(raw, allowed); raw != "" && s != "" {
			msg = i18n.Join("", msg, i18n.Msg(" (может быть, %s?)", " (did you mean %s?)", s))
		}
		msg = i18n.Join("", msg, g.condition(), i18n.Msg("; допустимые значения: %s", "; use one of: %s", strings.Join(allowed, ", ")))
		return []finding.Finding{t.f(ptr, false, RuleEnum, msg)}
	case "required":
		missing := missingProps(node, val)
		var out []finding.Finding
		for _, name := range missing {
			childPtr := load.Pointer(append(load.Split(ptr), name)...)
			what, _ := t.named(childPtr)
			var f finding.Finding
			stage := ""
			if g.isStage() {
				f, stage = t.stageGate(g, t.stageRequired(node, name, what)), g.value
			} else {
				f = t.f(ptr, false, RuleRequired, i18n.Join("",
					i18n.Text{RU: "нет обязательного поля " + what.RU, EN: "missing required field " + what.EN},
					g.condition(), i18n.Msg(": добавьте его", ": add it")))
			}
			if t.track != nil {
				t.track.pendingNeed = append(t.track.pendingNeed, pendingNeed{ptr: childPtr, f: f, stage: stage})
			}
			out = append(out, f)
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
			msg := i18n.Msg("неизвестное поле %q", "unknown field %q", k)
			s := suggest(k, allowed)
			if s != "" {
				msg = i18n.Join("", msg, i18n.Msg(" (может быть, %s?)", " (did you mean %s?)", s))
			}
			msg = i18n.Join("", msg, i18n.Msg(" — исправьте имя или удалите поле; допустимые поля: %s", " — fix the name or remove the field; allowed fields: %s",
				strings.Join(allowed, ", ")))
			f := t.f(load.Pointer(append(load.Split(ptr), k)...), true, RuleUnknownKey, msg)
			if s != "" && t.track != nil {
				t.track.pendingTypo = append(t.track.pendingTypo, pending{ptr: load.Pointer(append(load.Split(ptr), s)...), f: f})
			}
			out = append(out, f)
		}
		return out
	case "pattern", "minLength", "maxLength", "format":
		msg, ok := t.formatMessage(kw, file, parentPath, node, ptr, val)
		if !ok {
			return nil
		}
		return []finding.Finding{t.f(ptr, false, RuleFormat, msg)}
	case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum":
		bound := fmt.Sprint(node[kw])
		var msg i18n.Text
		switch kw {
		case "minimum":
			msg = i18n.Msg("%s: %s меньше допустимого — укажите число не меньше %s", "%s: %s is too small — use a number of at least %s", field, scalarText(val), bound)
		case "maximum":
			msg = i18n.Msg("%s: %s больше допустимого — укажите число не больше %s", "%s: %s is too large — use a number of at most %s", field, scalarText(val), bound)
		case "exclusiveMinimum":
			msg = i18n.Msg("%s: %s — укажите число больше %s", "%s: %s — use a number greater than %s", field, scalarText(val), bound)
		default:
			msg = i18n.Msg("%s: %s — укажите число меньше %s", "%s: %s — use a number less than %s", field, scalarText(val), bound)
		}
		return []finding.Finding{t.f(ptr, false, RuleRange, msg)}
	case "minItems", "minProperties":
		what, required := t.named(ptr)
		if g.isStage() {
			return []finding.Finding{t.stageGate(g, stageFix{
				need: i18n.Text{RU: "список " + what.RU + " пуст", EN: what.EN + " is empty"},
				fix:  i18n.Msg("добавьте хотя бы один пункт", "add at least one item"),
			})}
		}
		var msg i18n.Text
		if kw == "minProperties" {
			msg = i18n.Text{RU: what.RU + ": нет ни одного значения — добавьте хотя бы одну пару «ключ: значение»",
				EN: what.EN + ": no entries — add at least one «key: value» pair"}
		} else {
			msg = i18n.Text{RU: what.RU + ": список пуст — добавьте хотя бы один пункт", EN: what.EN + ": the list is empty — add at least one item"}
			if !required && g == nil {
				msg = i18n.Join("", msg, i18n.Msg(" или удалите ключ", " or remove the key"))
			}
		}
		return []finding.Finding{t.f(ptr, false, RuleEmpty, i18n.Join("", msg, g.condition()))}
	case "uniqueItems":
		var i, j int
		if _, err := fmt.Sscanf(e.Message, "items at index %d and %d are equal", &i, &j); err != nil {
			j = 0
		}
		itemPtr := ptr + "/" + strconv.Itoa(j)
		return []finding.Finding{t.f(itemPtr, false, RuleDuplicate, i18n.Msg(
			"%s: значение %s повторяется (оно уже есть в пункте %d) — удалите повтор",
			"%s: %s is repeated (already item %d) — remove the duplicate", field, scalarText(valueAt(t.doc.Value, itemPtr)), i+1))}
	case "anyOf", "oneOf":
		names := requiredNames(node[kw])
		if len(names) > 0 {
			if g.isStage() {
				what, _ := t.named(ptr)
				alts := strings.Join(qualify(field, names), " / ")
				return []finding.Finding{t.stageGate(g, stageFix{
					need: i18n.Text{RU: "в " + what.RU + " ничего не указано", EN: what.EN + " is empty"},
					fix:  i18n.Msg("добавьте хотя бы один пункт в %s", "add at least one item to %s", alts),
				})}
			}
			need := i18n.Text{
				RU: fmt.Sprintf(": нужно хотя бы одно из полей %s — добавьте одно из них", joinOr(names, "или")),
				EN: fmt.Sprintf(": at least one of the fields %s is required — add one of them", joinOr(names, "or")),
			}
			return []finding.Finding{t.f(ptr, false, RuleRequired, i18n.Join("", i18n.Same(field), g.condition(), need))}
		}
	case "not":
		names := requiredNames([]any{node["not"]})
		if len(names) > 0 {
			present := presentKeys(val, names)
			return []finding.Finding{t.f(ptr, false, RuleConflict, i18n.Join("", i18n.Msg(
				"%s: поле %s здесь не допускается", "%s: field %s is not allowed here", field, strings.Join(present, ", ")), g.condition(),
				conflictFix(g)))}
		}
	}
	// No wording for this keyword yet: say where and quote the validator, so that the
	// analyst can still act and the gap gets reported.
	return []finding.Finding{t.f(ptr, false, RuleOther, i18n.Msg(
		"%s: значение не соответствует схеме (%s) — сверьтесь с описанием поля в схеме и сообщите разработчикам, что сообщение непонятно",
		"%s: the value does not match the schema (%s) — see the field's description in the schema, and please report the unclear message", field, e.Message))}
}

// presentKeys returns those of names that the object has, or all of names when it has none.
func presentKeys(val any, names []string) []string {
	obj, _ := val.(map[string]any)
	var out []string
	for _, n := range names {
		if _, ok := obj[n]; ok {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		return names
	}
	return out
}

// conflictFix says how to resolve a `not` conflict; in format v1 every conflict is between
// an attribute's type and its values/catalog.
func conflictFix(g *gate) i18n.Text {
	if g != nil && g.prop == "type" {
		switch g.value {
		case "enum":
			return i18n.Msg(" — у признака-перечня укажите либо values, либо catalog, но не оба", " — an enum attribute takes either values or catalog, not both")
		case "range":
			return i18n.Msg(" — у числового признака нет справочника: удалите catalog или смените type на enum", " — a range attribute has no catalogue: remove catalog or change type to enum")
		case "text":
			return i18n.Msg(" — у текстового признака нет списка значений: удалите поле или смените type на enum", " — a text attribute has no list of values: remove the field or change type to enum")
		}
	}
	return i18n.Msg(" — удалите лишнее", " — remove it")
}

// stageFix is what a stage gate finds missing and how to supply it.
type stageFix struct{ need, fix i18n.Text }

// stageGate reports a stage gate at the profile's `stage`, where the decision is made:
// either supply what the stage needs or keep the earlier stage.
func (t translator) stageGate(g *gate, sf stageFix) finding.Finding {
	name := model.Stage(g.value).Name()
	msg := i18n.Text{
		RU: fmt.Sprintf("на этапе «%s» (stage: %s) %s: %s", name.RU, g.value, sf.need.RU, sf.fix.RU),
		EN: fmt.Sprintf("stage %q (stage: %s): %s; %s", name.EN, g.value, sf.need.EN, sf.fix.EN),
	}
	if prev := previousStage(g.matches); prev != "" {
		pn := prev.Name()
		msg = i18n.Join("", msg, i18n.Text{
			RU: fmt.Sprintf(" — или оставьте профиль на этапе «%s» (stage: %s)", pn.RU, prev),
			EN: fmt.Sprintf(" — or keep the profile at stage %q (stage: %s)", pn.EN, prev),
		})
	}
	return t.f(g.objPtr+"/stage", false, RuleStageGate, msg)
}

// previousStage is the stage before the earliest one a gate applies to: the latest stage
// that does not need what the gate asks for.
func previousStage(matches []string) model.Stage {
	first := -1
	for _, m := range matches {
		if i := model.Stage(m).Index(); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	if first <= 0 {
		return ""
	}
	return model.Stages[first-1]
}

// stageRequired words a field a stage needs: a list needs an item; channels need one
// channel in one of their lists.
func (t translator) stageRequired(then map[string]any, name string, what i18n.Text) stageFix {
	need := i18n.Text{RU: "нужно поле " + what.RU, EN: "field " + what.EN + " is required"}
	props, _ := then["properties"].(map[string]any)
	ps, _ := props[name].(map[string]any)
	if alts := requiredNames(ps["anyOf"]); len(alts) > 0 {
		return stageFix{need: need, fix: i18n.Msg("добавьте хотя бы один пункт в %s", "add at least one item to %s",
			strings.Join(qualify(name, alts), " / "))}
	}
	if ps["type"] == "array" {
		return stageFix{need: need, fix: i18n.Msg("добавьте хотя бы один пункт", "add at least one item")}
	}
	return stageFix{need: need, fix: i18n.Msg("заполните его", "fill it in")}
}

func qualify(parent string, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = parent + "." + n
	}
	return out
}

var hypothesisStatus = regexp.MustCompile(`^/hypotheses/([0-9]+)/status$`)

// stageEnum words a value a stage does not allow; the only one in format v1 is an open
// hypothesis in a final profile.
func (t translator) stageEnum(ptr, got string, allowed []string) stageFix {
	if m := hypothesisStatus.FindStringSubmatch(ptr); m != nil {
		n, _ := strconv.Atoi(m[1])
		text, _ := valueAt(t.doc.Value, "/hypotheses/"+m[1]+"/text").(string)
		line, _ := t.doc.Pos(ptr)
		return stageFix{
			need: i18n.Join("", i18n.Msg("гипотеза №%d (строка %d) еще не проверена", "hypothesis #%d (line %d) is not yet tested", n+1, line), quoteShort(text)),
			fix: i18n.Msg("укажите status: confirmed или refuted и в evidence, чем она подтверждена или опровергнута",
				"set status: confirmed or refuted and say in evidence what confirms or refutes it"),
		}
	}
	return stageFix{
		need: i18n.Msg("%s: значение %s недопустимо", "%s: %s is not allowed", fieldName(ptr), got),
		fix:  i18n.Msg("укажите одно из: %s", "use one of: %s", strings.Join(allowed, ", ")),
	}
}

func quoteShort(s string) i18n.Text {
	if s == "" {
		return i18n.Text{}
	}
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60]) + "…"
	}
	return i18n.Msg(" («%s»)", " («%s»)", s)
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
	found := typeNames[actual]
	if actual == "number" {
		found = i18n.Text{RU: "дробное число", EN: "a fractional number"}
	}
	field := i18n.Same(fieldName(ptr))
	if ptr == "" {
		field = i18n.Text{RU: "документ", EN: "the document"}
	}
	msg := i18n.Text{
		RU: fmt.Sprintf("%s: ожидается %s, а здесь %s", field.RU, joinOr(ru, "или"), found.RU),
		EN: fmt.Sprintf("%s: expected %s, found %s", field.EN, joinOr(en, "or"), found.EN),
	}
	if s, ok := val.(string); ok && (slices.Contains(expected, "integer") || slices.Contains(expected, "number")) {
		if _, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil {
			return i18n.Join("", msg, i18n.Msg(" — уберите кавычки: %s", " — remove the quotes: %s", strings.TrimSpace(s)))
		}
		// Russian number habits (4,5; 5 000; около 5000): the exact fix, and where an
		// estimate's wording goes when the value has a note beside it.
		if h, ok := numhint.Hint(s, strings.HasSuffix(ptr, "/value")); ok {
			return i18n.Join(" — ", msg, h)
		}
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
		msg = i18n.Join("", msg, t.emptyFix(ptr))
	case slices.Contains(expected, "object") && hasValueProp(node) && (actual == "integer" || actual == "number" || actual == "boolean"):
		msg = i18n.Join("", msg, i18n.Msg(" — запишите как {value: %s}", " — write it as {value: %s}", scalarText(val)))
	}
	return msg
}

// emptyFix says how to deal with an empty value: a required field is filled in, an
// optional one filled in or removed, a list item filled in or removed.
func (t translator) emptyFix(ptr string) i18n.Text {
	segs := load.Split(ptr)
	if len(segs) > 0 {
		if _, err := strconv.Atoi(segs[len(segs)-1]); err == nil {
			return i18n.Msg(" — заполните пункт или удалите его", " — fill in the item or remove it")
		}
	}
	if _, required := t.describe(ptr); required {
		return i18n.Msg(" — заполните его", " — fill it in")
	}
	return i18n.Msg(" — заполните его или удалите ключ", " — fill it in or remove the key")
}

// joinOr lists alternatives: "a", "a или b", "a, b или c".
func joinOr(xs []string, or string) string {
	if len(xs) <= 1 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " " + or + " " + xs[len(xs)-1]
}

func hasValueProp(node map[string]any) bool {
	props, _ := node["properties"].(map[string]any)
	_, ok := props["value"]
	return ok
}

var (
	datePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
	isoDate     = regexp.MustCompile(datePattern)
	ruDate      = regexp.MustCompile(`^([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})$`)
)

// formatMessage words a string that has the wrong form. ok is false when another keyword
// on the same value already says it (a date that fails both pattern and format).
func (t translator) formatMessage(kw, file, parentPath string, node map[string]any, ptr string, val any) (msg i18n.Text, ok bool) {
	field := fieldName(ptr)
	s, _ := val.(string)
	pattern, _ := node["pattern"].(string)
	switch {
	case kw == "format":
		if !isoDate.MatchString(s) {
			return i18n.Text{}, false // the pattern reports it
		}
		return i18n.Msg("%s: %q — такой даты нет в календаре: проверьте месяц и день (ГГГГ-ММ-ДД)",
			"%s: %q is not a calendar date: check the month and the day (YYYY-MM-DD)", field, s), true
	case pattern == datePattern && kw == "pattern":
		msg := i18n.Msg("%s: %q — не дата в формате ГГГГ-ММ-ДД", "%s: %q is not a date in the form YYYY-MM-DD", field, s)
		if m := ruDate.FindStringSubmatch(s); m != nil {
			iso := fmt.Sprintf("%s-%02s-%02s", m[3], m[2], m[1])
			iso = strings.ReplaceAll(iso, " ", "0")
			return i18n.Join("", msg, i18n.Msg(": пишите %s", ": write %s", iso)), true
		}
		return i18n.Join("", msg, i18n.Msg(": пишите, например, 2026-03-01", ", e.g. 2026-03-01")), true
	case kw == "maxLength":
		return i18n.Msg("%s: слишком длинное значение (%d символов) — сократите до %v", "%s: the value is too long (%d characters) — shorten it to %v",
			field, len([]rune(s)), node["maxLength"]), true
	case strings.HasSuffix(file+parentPath, "defs.schema.json/$defs/slug"):
		if s == "" {
			return i18n.Msg("%s: пустой идентификатор — нужны строчные латинские буквы, цифры и одиночные дефисы, например postuplenie-v-vuz",
				"%s: the id is empty — use lowercase latin letters, digits and single hyphens, e.g. postuplenie-v-vuz", field), true
		}
		msg := i18n.Msg("%s: %q — не идентификатор: нужны строчные латинские буквы, цифры и одиночные дефисы",
			"%s: %q is not an id: use lowercase latin letters, digits and single hyphens", field, s)
		if sug := slugHint(s); sug != "" && sug != s {
			msg = i18n.Join("", msg, i18n.Msg(", например %s", ", e.g. %s", sug))
		} else if sug == "" {
			msg = i18n.Join("", msg, i18n.Msg(" (русское название запишите латиницей, например postuplenie-v-vuz)",
				" (transliterate a Russian name, e.g. postuplenie-v-vuz)"))
		}
		return msg, true
	case kw == "minLength" || pattern == `\S`:
		return i18n.Join("", i18n.Msg("%s: пустое значение", "%s: the value is empty", field), t.emptyFix(ptr)), true
	case strings.Contains(pattern, `(-[0-9]+`):
		return i18n.Msg("%s: %q — не интервал: пишите \"A-B\" (например \"18-25\") или \"A+\" (например \"51+\")",
			"%s: %q is not a bucket: write \"A-B\" (e.g. \"18-25\") or \"A+\" (e.g. \"51+\")", field, s), true
	}
	return i18n.Msg("%s: %q не соответствует шаблону %s", "%s: %q does not match the pattern %s", field, s, pattern), true
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// slugHint proposes an id for a near-miss written in latin letters ("Postuplenie_v_vuz").
func slugHint(s string) string {
	return strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(s), "-"), "-")
}

// suggest returns the closest allowed value for «did you mean», or "".
func suggest(got string, allowed []string) string {
	if id := model.IDByName(got, allowed); id != "" {
		return id // «гипотеза» where the format wants hypothesis
	}
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
