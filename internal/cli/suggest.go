package cli

import (
	"strings"

	"github.com/profiler-cx/profiler/internal/catalog"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/model"
)

// closestWord returns the candidate the user probably meant: the id a Russian word names
// («гипотеза» → hypothesis), else the nearest by edit distance when near enough.
func closestWord(s string, candidates []string) string {
	if id := model.IDByName(s, candidates); id != "" {
		return id
	}
	var within []string // «regions» for ru-regions
	for _, c := range candidates {
		if len(s) >= 3 && strings.Contains(strings.ToLower(c), strings.ToLower(s)) {
			within = append(within, c)
		}
	}
	if len(within) == 1 {
		return within[0]
	}
	best, bestD := "", 1<<30
	for _, c := range candidates {
		// The id itself, and the Russian words for it: «бизнесс» is near «бизнес».
		for _, w := range append([]string{c}, model.NamesOf(c)...) {
			if d := catalog.Distance(strings.ToLower(s), strings.ToLower(w)); d < bestD && d <= max(2, len([]rune(w))/3) {
				best, bestD = c, d
			}
		}
	}
	if best != "" && bestD > 0 && bestD <= max(2, len([]rune(s))/3) {
		return best
	}
	return ""
}

// didYouMean is « (может быть, X?)» for the candidate s probably meant, or nothing.
func didYouMean(s string, candidates []string) i18n.Text {
	if best := closestWord(s, candidates); best != "" {
		return i18n.Msg(" (может быть, %s?)", " (did you mean %s?)", best)
	}
	return i18n.Text{}
}

// badChoice is the usage error for a flag value outside its list, with a suggestion.
func badChoice(flag, got string, allowed []string) error {
	return &usageError{msg: i18n.Join("", i18n.Msg("%s %q", "%s %q", flag, got), didYouMean(got, allowed),
		i18n.Msg(": допустимо %s", ": use one of %s", strings.Join(allowed, ", ")))}
}

func stageIDs() []string {
	out := make([]string, len(model.Stages))
	for i, s := range model.Stages {
		out[i] = string(s)
	}
	return out
}
