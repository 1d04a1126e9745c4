package segments

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/profiler-cx/profiler/internal/i18n"
)

// The JSON shape of `profiler segments --format json` (SPEC §3.4). Users' scripts depend
// on it: add fields, never rename or remove them.
type (
	jsonReport struct {
		LifeSituations []jsonLS `json:"lifeSituations"`
	}
	jsonLS struct {
		ID       string       `json:"id"`
		Title    string       `json:"title"`
		Statuses []jsonStatus `json:"statuses"`
	}
	jsonStatus struct {
		Status        string      `json:"status"`
		Profiles      int         `json:"profiles"`
		Overlaps      []jsonPair  `json:"overlaps"`
		Duplicates    [][2]string `json:"duplicates"`
		NotSingledOut []jsonGap   `json:"notSingledOut"`
	}
	jsonPair struct {
		A      string              `json:"a"`
		B      string              `json:"b"`
		Shared map[string][]string `json:"shared"` // encoding/json writes the keys sorted
	}
	jsonGap struct {
		Attribute string   `json:"attribute"`
		Values    []string `json:"values"`
	}
)

// WriteJSON writes the analysis as one indented JSON object.
func WriteJSON(w io.Writer, res []LifeSituation) error {
	rep := jsonReport{LifeSituations: []jsonLS{}}
	for _, l := range res {
		jl := jsonLS{ID: l.LS.ID, Title: l.LS.Title, Statuses: []jsonStatus{}}
		for _, s := range l.Statuses {
			js := jsonStatus{Status: string(s.Status), Profiles: len(s.Profiles), Overlaps: []jsonPair{},
				Duplicates: s.Duplicates, NotSingledOut: []jsonGap{}}
			for _, p := range s.Overlaps {
				jp := jsonPair{A: p.A, B: p.B, Shared: map[string][]string{}}
				for _, v := range s.Shared(p) {
					jp.Shared[v.Attribute] = v.Values
				}
				js.Overlaps = append(js.Overlaps, jp)
			}
			for _, g := range s.NotSingledOut {
				js.NotSingledOut = append(js.NotSingledOut, jsonGap{Attribute: g.Attribute, Values: g.Values.Values})
			}
			jl.Statuses = append(jl.Statuses, js)
		}
		rep.LifeSituations = append(rep.LifeSituations, jl)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// TextMax is how many values the text output and the overview show of a long list
// (a catalogue such as ru-regions has 89); the JSON gives all.
const TextMax = 8

// TextMaxPairs is how many overlapping or duplicate pairs of a status the text output
// lists (a status of 100 much alike profiles has thousands); the JSON gives all.
const TextMaxPairs = 20

// Brief shows a list of values, cut after TextMax with the count of the rest.
func Brief(vs []string, lang i18n.Lang) string {
	vs = slices.Clone(vs)
	for i, v := range vs {
		vs[i] = oneLine(v)
	}
	if len(vs) <= TextMax {
		return strings.Join(vs, ", ")
	}
	return strings.Join(vs[:TextMax-2], ", ") + i18n.Msg(" … и еще %d", " … and %d more", len(vs)-(TextMax-2)).In(lang)
}

// GapText shows the values no profile singles out. When they are most of a long list
// (a catalogue), it names the few that profiles do list instead: «88 из 89 — все, кроме:
// Московская область».
func GapText(g Gap, lang i18n.Lang) string {
	if len(g.Values.Values) > TextMax && len(g.Listed) < len(g.Values.Values) {
		return i18n.Msg("%d из %d — все, кроме: %s", "%d of %d — all but: %s",
			len(g.Values.Values), g.Total, Brief(g.Listed, lang)).In(lang)
	}
	return Brief(g.Values.Values, lang)
}

// Sentence is the plain sentence said instead of an overlap table, or "" when there is a
// table to show: no profiles, one profile, or no attribute to compare them by.
func (s *Status) Sentence() i18n.Text {
	switch {
	case len(s.Profiles) == 0:
		return i18n.Msg("Профилей нет.", "No profiles.")
	case len(s.Frame.Dims) == 0:
		return i18n.Msg("Сравнить профили не по чему: для этого статуса не объявлено ни одного признака с перечнем значений, справочником или интервалами (текстовые признаки и числа без интервалов не сравниваются).",
			"There is nothing to compare the profiles by: no attribute with a list of values, a catalogue or buckets is declared for this status (text attributes and numbers without buckets are not compared).")
	case len(s.Profiles) == 1:
		return i18n.Msg("Один профиль — сравнивать его не с чем.", "One profile — nothing to compare it with.")
	}
	return i18n.Text{}
}

// WriteText writes the analysis for a terminal: per life situation and status, the
// overlapping pairs with their shared values, the duplicates and the values not singled out.
func WriteText(w io.Writer, res []LifeSituation, lang i18n.Lang) error {
	var b strings.Builder
	t := func(ru, en string, args ...any) string { return i18n.Msg(ru, en, args...).In(lang) }
	if len(res) == 0 {
		b.WriteString(t("Жизненных ситуаций не найдено.\n", "No life situations found.\n"))
	}
	for i, l := range res {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%s (%s)\n", oneLine(l.LS.Title), l.LS.ID)
		for _, s := range l.Statuses {
			fmt.Fprintf(&b, "  %s: %s\n", s.Status.Name().In(lang),
				t("профилей: %d, признаков для сравнения: %d", "profiles: %d, attributes compared: %d", len(s.Profiles), len(s.Frame.Dims)))
			if sent := s.Sentence(); !sent.IsZero() {
				fmt.Fprintf(&b, "    %s\n", sent.In(lang))
			} else {
				writePairs(&b, &s, lang)
			}
			if len(s.NotSingledOut) > 0 && len(s.Frame.Dims) > 0 {
				b.WriteString("    " + t("Не выделены ни одним профилем:", "Not singled out by any profile:") + "\n")
				for _, g := range s.NotSingledOut {
					fmt.Fprintf(&b, "      %s: %s\n", oneLine(g.Title), GapText(g, lang))
				}
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writePairs(b *strings.Builder, s *Status, lang i18n.Lang) {
	t := func(ru, en string, args ...any) string { return i18n.Msg(ru, en, args...).In(lang) }
	if len(s.Overlaps) == 0 {
		b.WriteString("    " + t("Пересечений нет: ни один человек не попадает в два профиля сразу.", "No overlaps: nobody belongs to two profiles at once.") + "\n")
	} else {
		fmt.Fprintf(b, "    %s\n", t("Пересекаются (пар: %d):", "Overlapping (%d pairs):", len(s.Overlaps)))
		for i, p := range s.Overlaps {
			if i == TextMaxPairs {
				fmt.Fprintf(b, "      %s\n", t("… и еще пар: %d (все — в --format json)", "… and %d more pairs (all of them in --format json)", len(s.Overlaps)-i))
				break
			}
			fmt.Fprintf(b, "      %s × %s\n", p.A, p.B)
			for _, v := range s.Shared(p) {
				fmt.Fprintf(b, "        %s: %s\n", oneLine(v.Title), Brief(v.Values, lang))
			}
		}
	}
	if len(s.Duplicates) == 0 {
		b.WriteString("    " + t("Дублей нет.", "No duplicates.") + "\n")
	} else {
		fmt.Fprintf(b, "    %s\n", t("Дубли — одинаковые значения всех признаков (пар: %d):", "Duplicates — equal values of every attribute (%d pairs):", len(s.Duplicates)))
		for i, d := range s.Duplicates {
			if i == TextMaxPairs {
				fmt.Fprintf(b, "      %s\n", t("… и еще пар: %d (все — в --format json)", "… and %d more pairs (all of them in --format json)", len(s.Duplicates)-i))
				break
			}
			fmt.Fprintf(b, "      %s = %s\n", d[0], d[1])
		}
	}
}

// oneLine folds line breaks and control characters (a terminal escape in a title) into
// spaces, so that user text cannot break the layout of the text output or the terminal.
func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
