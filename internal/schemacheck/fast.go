package schemacheck

import (
	"encoding/json"
	"math/big"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/profiler-cx/profiler/internal/model"
)

// The fast path. jsonschema v5 builds error values, location strings and a map of the
// properties of every object it visits even when the document is valid, which made schema
// validation cost as much as parsing the YAML. Almost every document in a workspace is
// valid, so Check first asks quick, an allocation-free walk over the same compiled schema
// that answers only "valid", "invalid" or "not sure". Only a sure "valid" skips the
// library; anything else (invalid, or a keyword quick does not implement) goes through
// the library, which produces the findings. quick therefore never decides what is
// reported, only whether the library needs to run; TestQuickAgrees checks its verdicts
// against the library's on every fixture and generated corpus.

type verdict int8

const (
	unsure verdict = iota
	valid
	invalid
)

// maxQuickDepth bounds the walk; deeper documents go to the library.
const maxQuickDepth = 64

// quick reports whether v is valid against s. It implements the keywords our schemas use
// (draft 2020-12): type, const, enum, format, required, properties, additionalProperties,
// minProperties, items, minItems, maxItems, uniqueItems, minLength, maxLength, pattern,
// minimum, exclusiveMinimum, $ref, allOf, anyOf, not, if/then/else. A schema using
// anything else gives unsure.
func quick(s *jsonschema.Schema, v any, depth int) verdict {
	if depth > maxQuickDepth || s == nil {
		return unsure
	}
	if unsupported(s) {
		return unsure
	}
	if s.Always != nil {
		if *s.Always {
			return valid
		}
		return invalid
	}
	result := valid
	// and folds a sub-verdict into the result: invalid wins, then unsure.
	and := func(r verdict) bool {
		switch r {
		case invalid:
			result = invalid
			return false
		case unsure:
			result = unsure
		}
		return true
	}
	if len(s.Types) > 0 {
		r := typeOK(s.Types, v)
		if !and(r) {
			return invalid
		}
	}
	if len(s.Constant) > 0 {
		if !and(equal(v, s.Constant[0])) {
			return invalid
		}
	}
	if len(s.Enum) > 0 {
		r := invalid
		for _, item := range s.Enum {
			e := equal(v, item)
			if e == valid {
				r = valid
				break
			}
			if e == unsure {
				r = unsure
			}
		}
		if !and(r) {
			return invalid
		}
	}
	if s.Format != "" {
		if f := jsonschema.Formats[s.Format]; f != nil && !f(v) {
			return invalid
		}
	}
	switch x := v.(type) {
	case map[string]any:
		if s.MinProperties != -1 && len(x) < s.MinProperties {
			return invalid
		}
		for _, k := range s.Required {
			if _, ok := x[k]; !ok {
				return invalid
			}
		}
		// One pass over the document's keys (fewer than the schema's properties).
		switch s.AdditionalProperties.(type) {
		case nil, bool, *jsonschema.Schema:
		default:
			return unsure
		}
		for k, pv := range x {
			sub, ok := s.Properties[k]
			if !ok {
				switch ap := s.AdditionalProperties.(type) {
				case bool:
					if !ap {
						return invalid
					}
					continue
				case *jsonschema.Schema:
					sub = ap
				default:
					continue
				}
			}
			if !and(quick(sub, pv, depth+1)) {
				return invalid
			}
		}
	case []any:
		if s.MinItems != -1 && len(x) < s.MinItems {
			return invalid
		}
		if s.MaxItems != -1 && len(x) > s.MaxItems {
			return invalid
		}
		if s.UniqueItems {
			for i := 1; i < len(x); i++ {
				for j := 0; j < i; j++ {
					e := equal(x[i], x[j])
					if e == valid {
						return invalid
					}
					if e == unsure {
						and(unsure)
					}
				}
			}
		}
		if s.Items2020 != nil {
			for _, item := range x {
				if !and(quick(s.Items2020, item, depth+1)) {
					return invalid
				}
			}
		}
	case string:
		// A string of n bytes has between n/4 (rounded up) and n characters (an invalid
		// byte counts as one): most lengths are decided without counting.
		if s.MinLength != -1 && (len(x)+3)/4 < s.MinLength || s.MaxLength != -1 && len(x) > s.MaxLength {
			n := utf8.RuneCountInString(x)
			if s.MinLength != -1 && n < s.MinLength || s.MaxLength != -1 && n > s.MaxLength {
				return invalid
			}
		}
		if s.Pattern != nil && !matchPattern(s.Pattern, x) {
			return invalid
		}
	case json.Number:
		if s.Minimum != nil || s.ExclusiveMinimum != nil {
			for _, m := range [...]struct {
				min    *big.Rat
				strict bool
			}{{s.Minimum, false}, {s.ExclusiveMinimum, true}} {
				if m.min != nil && !and(atLeast(x, m.min, m.strict)) {
					return invalid
				}
			}
		}
	}
	if s.Ref != nil && !and(quick(s.Ref, v, depth+1)) {
		return invalid
	}
	if s.Not != nil {
		switch quick(s.Not, v, depth+1) {
		case valid:
			return invalid
		case unsure:
			result = unsure
		}
	}
	for _, sub := range s.AllOf {
		if !and(quick(sub, v, depth+1)) {
			return invalid
		}
	}
	if len(s.AnyOf) > 0 {
		r := invalid
		for _, sub := range s.AnyOf {
			q := quick(sub, v, depth+1)
			if q == valid {
				r = valid
				break
			}
			if q == unsure {
				r = unsure
			}
		}
		if !and(r) {
			return invalid
		}
	}
	if s.If != nil {
		switch quick(s.If, v, depth+1) {
		case valid:
			if s.Then != nil && !and(quick(s.Then, v, depth+1)) {
				return invalid
			}
		case invalid:
			if s.Else != nil && !and(quick(s.Else, v, depth+1)) {
				return invalid
			}
		default:
			return unsure
		}
	}
	return result
}

// unsupported reports a schema using a keyword quick does not implement.
func unsupported(s *jsonschema.Schema) bool {
	return s.RecursiveRef != nil || s.DynamicRef != nil || len(s.OneOf) > 0 ||
		s.MaxProperties != -1 || s.PropertyNames != nil || s.RegexProperties || len(s.PatternProperties) > 0 ||
		len(s.Dependencies) > 0 || len(s.DependentRequired) > 0 || len(s.DependentSchemas) > 0 ||
		s.UnevaluatedProperties != nil || s.UnevaluatedItems != nil || s.Items != nil || s.AdditionalItems != nil ||
		len(s.PrefixItems) > 0 || s.Contains != nil || s.ContentEncoding != "" || s.ContentMediaType != "" ||
		s.ContentSchema != nil || s.Maximum != nil || s.ExclusiveMaximum != nil || s.MultipleOf != nil ||
		len(s.Extensions) > 0
}

func typeOK(types []string, v any) verdict {
	var t string
	switch v.(type) {
	case nil:
		t = "null"
	case bool:
		t = "boolean"
	case json.Number:
		t = "number"
	case string:
		t = "string"
	case []any:
		t = "array"
	case map[string]any:
		t = "object"
	default:
		return unsure
	}
	for _, want := range types {
		if want == t {
			return valid
		}
		if want == "integer" && t == "number" {
			if isInt(v.(json.Number)) {
				return valid
			}
		}
	}
	return invalid
}

// equal compares scalars exactly as the library does; containers and numbers (which it
// compares as rationals) are left to the library unless plainly different kinds.
func equal(a, b any) verdict {
	switch x := a.(type) {
	case string:
		switch y := b.(type) {
		case string:
			if x == y {
				return valid
			}
			return invalid
		case bool, nil, json.Number, float64, []any, map[string]any:
			return invalid
		}
	case bool:
		switch y := b.(type) {
		case bool:
			if x == y {
				return valid
			}
			return invalid
		case string, nil, json.Number, float64, []any, map[string]any:
			return invalid
		}
	case nil:
		switch b.(type) {
		case nil:
			return valid
		case string, bool, json.Number, float64, []any, map[string]any:
			return invalid
		}
	}
	return unsure
}

// smallInt parses a number written as an optional minus and up to 18 digits — how
// almost every number in a profile is written — without allocating.
func smallInt(x json.Number) (int64, bool) {
	s := string(x)
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	if len(s) == 0 || len(s) > 18 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int64(s[i]-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// smallDecimal parses a number written as an optional minus, up to 18 digits and
// optionally a dot and more digits (4, -2, 4.25): its sign, integer part and whether the
// fraction is not zero. Anything else (exponents, long numbers) is left to math/big.
func smallDecimal(x json.Number) (neg bool, n int64, frac, ok bool) {
	s := string(x)
	intPart, fracPart, dot := strings.Cut(s, ".")
	if dot && fracPart == "" {
		return false, 0, false, false
	}
	for i := 0; i < len(fracPart); i++ {
		switch c := fracPart[i]; {
		case c < '0' || c > '9':
			return false, 0, false, false
		case c != '0':
			frac = true
		}
	}
	if strings.HasPrefix(intPart, "-") {
		neg, intPart = true, intPart[1:]
	}
	n, ok = smallInt(json.Number(intPart))
	return neg, n, frac, ok && (intPart == "" || intPart[0] != '-')
}

// rat parses x as the library does (big.Rat); ok is false when it cannot.
func rat(x json.Number) (*big.Rat, bool) { return new(big.Rat).SetString(string(x)) }

// isInt reports whether x is an integer, as the library decides "integer".
func isInt(x json.Number) bool {
	if _, ok := smallInt(x); ok {
		return true
	}
	n, ok := rat(x)
	return ok && n.IsInt()
}

// atLeast says whether x >= min (x > min when strict); a number the library could not
// parse is left to it (unsure).
func atLeast(x json.Number, min *big.Rat, strict bool) verdict {
	ok := false
	if neg, n, frac, small := smallDecimal(x); small && min.IsInt() && min.Num().IsInt64() {
		// x = ±(n + f) with 0 <= f < 1, f > 0 when frac; m an integer.
		m := min.Num().Int64()
		switch {
		case !neg && !frac, neg && !frac:
			if neg {
				n = -n
			}
			ok = n > m || (!strict && n == m)
		case !neg: // n < x < n+1
			ok = n >= m
		default: // -n-1 < x < -n
			ok = -n > m
		}
	} else {
		n, parsed := rat(x)
		if !parsed {
			return unsure
		}
		c := n.Cmp(min)
		ok = c > 0 || (!strict && c == 0)
	}
	if ok {
		return valid
	}
	return invalid
}

// matchPattern is s.MatchString(x), with the patterns our schemas use on almost every
// field answered by hand-written matchers (TestFastPatterns holds them to the regexp).
func matchPattern(re *regexp.Regexp, x string) bool {
	switch re.String() {
	case `\S`:
		return hasNonSpace(x)
	case `^[a-z0-9]+(-[a-z0-9]+)*$`:
		return model.IsID(x)
	}
	return re.MatchString(x)
}

// hasNonSpace is the regexp \S (unanchored): some character other than ASCII space, tab,
// newline, form feed or carriage return. Any byte of a multi-byte character qualifies.
func hasNonSpace(x string) bool {
	for i := 0; i < len(x); i++ {
		switch x[i] {
		case ' ', '\t', '\n', '\f', '\r':
		default:
			return true
		}
	}
	return false
}
