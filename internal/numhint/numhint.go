// Package numhint recognises the ways Russian paperwork writes numbers that YAML and the
// schemas do not take — a decimal comma (4,5), spaces as thousand separators (5 000) and
// words around a number (около 5000, ~5000, 5000+) — and words the fix.
package numhint

import (
	"regexp"
	"strings"

	"github.com/profiler-cx/profiler/internal/i18n"
)

// Kind is the habit found.
type Kind int

const (
	None         Kind = iota
	DecimalComma      // 4,5
	Thousands         // 5 000, 5 000 (no-break space), 12 500,5
	Words             // около 5000, ~5000, 5000+, > 100, 20 лет
)

var (
	decimalComma = regexp.MustCompile(`^[-+]?[0-9]+,[0-9]+$`)
	// Groups of three digits after spaces: the ordinary, no-break, narrow no-break and thin
	// spaces all occur in text copied from documents.
	thousands = regexp.MustCompile(`^[-+]?[0-9]{1,3}(?:[ \x{00a0}\x{202f}\x{2009}][0-9]{3})+(?:[.,][0-9]+)?$`)
	// A number somewhere inside other words.
	anyNumber = regexp.MustCompile(`[0-9]{1,3}(?:[ \x{00a0}\x{202f}\x{2009}][0-9]{3})+(?:[.,][0-9]+)?|[0-9]+(?:[.,][0-9]+)?`)
)

// Classify returns the habit s shows and the number it means, written the way YAML
// reads it ("4.5", "5000"). None when s is not a number written in one of these ways.
func Classify(s string) (Kind, string) {
	t := strings.TrimSpace(s)
	switch {
	case t == "":
		return None, ""
	case decimalComma.MatchString(t):
		return DecimalComma, strings.Replace(t, ",", ".", 1)
	case thousands.MatchString(t):
		return Thousands, plain(t)
	}
	if loc := anyNumber.FindStringIndex(t); loc != nil && strings.TrimSpace(t[:loc[0]]+t[loc[1]:]) != "" {
		return Words, plain(t[loc[0]:loc[1]])
	}
	return None, ""
}

// plain drops the separators and turns a decimal comma into a point.
func plain(t string) string {
	r := strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", "\u2009", "", ",", ".")
	return r.Replace(t)
}

// Hint words the fix for s, or ok=false. withNote says the value sits beside a note
// field (priority parameters), where an estimate's wording belongs.
func Hint(s string, withNote bool) (hint i18n.Text, ok bool) {
	kind, num := Classify(s)
	switch kind {
	case DecimalComma:
		return i18n.Msg("десятичная дробь пишется через точку: %s", "a decimal fraction takes a point, not a comma: %s", num), true
	case Thousands:
		return i18n.Msg("уберите пробелы: %s", "remove the spaces: %s", num), true
	case Words:
		if withNote {
			return i18n.Msg("оценку опишите в note, число — в value: %s", "describe the estimate in note and put the number in value: %s", num), true
		}
		return i18n.Msg("оставьте только число: %s", "keep only the number: %s", num), true
	}
	return i18n.Text{}, false
}
