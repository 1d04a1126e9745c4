package segments

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/profiler-cx/profiler/internal/i18n"
)

// WriteJSON writes the analysis as one indented JSON object, the shape of SPEC §3.4 that
// users' scripts depend on (add fields, never rename or remove them):
//
//	{"lifeSituations": [{"id", "title", "statuses": [{"status", "profiles": N,
//	  "overlaps": [{"a", "b", "shared": {"<attr-id>": ["value", …]}}],
//	  "duplicates": [["<id>", "<id>"]], "notSingledOut": [{"attribute", "values": […]}]}]}]}
//
// It writes what encoding/json would (two-space indent, no HTML escaping, shared keys
// sorted) byte for byte — a test holds it to that — but by hand: the overlapping pairs of
// a large workspace make megabytes, and reflection, a map per pair and the re-indenting
// pass made the JSON cost ten times the analysis.
func WriteJSON(w io.Writer, res []LifeSituation) error {
	j := &jsonWriter{w: w, b: make([]byte, 0, 1<<16), strs: map[string][]byte{}}
	j.b = append(j.b, "{\n  \"lifeSituations\": "...)
	j.list(1, len(res), func(i int) {
		l := res[i]
		j.b = append(j.b, "{\n"...)
		j.field(3, "id", l.LS.ID, true)
		j.field(3, "title", l.LS.Title, true)
		j.key(3, "statuses")
		j.list(3, len(l.Statuses), func(k int) { j.status(&l.Statuses[k]) })
		j.b = append(j.b, '\n')
		j.indent(2)
		j.b = append(j.b, '}')
	})
	j.b = append(j.b, "\n}\n"...)
	j.flush(0)
	return j.err
}

type jsonWriter struct {
	w    io.Writer
	b    []byte // written out in chunks: one growing buffer of megabytes cost most of the time
	err  error
	strs map[string][]byte // a value's JSON string: most repeat (catalogue names, ids)
}

// flush writes the buffer out once it holds more than limit bytes.
func (j *jsonWriter) flush(limit int) {
	if len(j.b) <= limit {
		return
	}
	if j.err == nil {
		_, j.err = j.w.Write(j.b)
	}
	j.b = j.b[:0]
}

func (j *jsonWriter) indent(level int) {
	for range level {
		j.b = append(j.b, "  "...)
	}
}

// str appends s as encoding/json writes it with SetEscapeHTML(false).
func (j *jsonWriter) str(s string) {
	q, ok := j.strs[s]
	if !ok {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(s) // a string always encodes
		q = bytes.TrimSuffix(buf.Bytes(), []byte{'\n'})
		j.strs[s] = q
	}
	j.b = append(j.b, q...)
}

func (j *jsonWriter) key(level int, k string) {
	j.indent(level)
	j.str(k)
	j.b = append(j.b, ": "...)
}

// field writes "k": "v", with a comma when more fields follow.
func (j *jsonWriter) field(level int, k, v string, more bool) {
	j.key(level, k)
	j.str(v)
	if more {
		j.b = append(j.b, ',')
	}
	j.b = append(j.b, '\n')
}

// list writes an array whose items start at level+1: "[]" when empty.
func (j *jsonWriter) list(level, n int, item func(i int)) {
	if n == 0 {
		j.b = append(j.b, "[]"...)
		return
	}
	j.b = append(j.b, "[\n"...)
	for i := range n {
		if i > 0 {
			j.b = append(j.b, ",\n"...)
		}
		j.indent(level + 1)
		item(i)
	}
	j.b = append(j.b, '\n')
	j.indent(level)
	j.b = append(j.b, ']')
}

func (j *jsonWriter) strings(level int, vs []string) {
	j.list(level, len(vs), func(i int) { j.str(vs[i]) })
}

func (j *jsonWriter) status(s *Status) {
	j.b = append(j.b, "{\n"...)
	j.field(5, "status", string(s.Status), true)
	j.key(5, "profiles")
	j.b = strconv.AppendInt(j.b, int64(len(s.Profiles)), 10)
	j.b = append(j.b, ",\n"...)
	j.key(5, "overlaps")
	// shared: the attributes either profile sets, keys sorted as encoding/json sorts a map.
	order := make([]int, len(s.Frame.Dims))
	for k := range order {
		order[k] = k
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(s.Frame.Dims[a].Attr.ID, s.Frame.Dims[b].Attr.ID) })
	var set []int
	var vs []string
	j.list(5, len(s.Overlaps), func(i int) {
		p := s.Overlaps[i]
		a, b := s.Profiles[p.i].Box, s.Profiles[p.j].Box
		j.b = append(j.b, "{\n"...)
		j.field(7, "a", p.A, true)
		j.field(7, "b", p.B, true)
		j.key(7, "shared")
		set = set[:0]
		for _, k := range order {
			if a.Sets[k] != nil || b.Sets[k] != nil {
				set = append(set, k)
			}
		}
		if len(set) == 0 {
			j.b = append(j.b, "{}"...)
		} else {
			j.b = append(j.b, "{\n"...)
			for n, k := range set {
				if n > 0 {
					j.b = append(j.b, ",\n"...)
				}
				d := s.Frame.Dims[k]
				sa, sb := s.Frame.eff(a, k), s.Frame.eff(b, k)
				j.key(8, d.Attr.ID)
				vs = vs[:0]
				for v := range d.Values {
					if sa.has(v) && sb.has(v) {
						vs = append(vs, d.Values[v])
					}
				}
				j.strings(8, vs)
			}
			j.b = append(j.b, '\n')
			j.indent(7)
			j.b = append(j.b, '}')
		}
		j.b = append(j.b, '\n')
		j.indent(6)
		j.b = append(j.b, '}')
		j.flush(1 << 15)
	})
	j.b = append(j.b, ",\n"...)
	j.key(5, "duplicates")
	j.list(5, len(s.Duplicates), func(i int) { j.strings(6, s.Duplicates[i][:]) })
	j.b = append(j.b, ",\n"...)
	j.key(5, "notSingledOut")
	j.list(5, len(s.NotSingledOut), func(i int) {
		g := s.NotSingledOut[i]
		j.b = append(j.b, "{\n"...)
		j.field(7, "attribute", g.Attribute, true)
		j.key(7, "values")
		j.strings(7, g.Values.Values)
		j.b = append(j.b, '\n')
		j.indent(6)
		j.b = append(j.b, '}')
	})
	j.b = append(j.b, '\n')
	j.indent(4)
	j.b = append(j.b, '}')
}

// textMax is how many values the text output and the overview show of a long list
// (a catalogue such as ru-regions has 89); the JSON gives all.
const textMax = 8

// textMaxPairs is how many overlapping or duplicate pairs of a status the text output
// lists (a status of 100 much alike profiles has thousands); the JSON gives all.
const textMaxPairs = 20

// brief shows a list of values, cut after textMax with the count of the rest.
func brief(vs []string, lang i18n.Lang) string {
	vs = slices.Clone(vs)
	for i, v := range vs {
		vs[i] = oneLine(v)
	}
	if len(vs) <= textMax {
		return strings.Join(vs, ", ")
	}
	return strings.Join(vs[:textMax-2], ", ") + i18n.Msg(" … и еще %d", " … and %d more", len(vs)-(textMax-2)).In(lang)
}

// GapText shows the values no profile singles out. When they are most of a long list
// (a catalogue), it names the few that profiles do list instead: «88 из 89 — все, кроме:
// Московская область».
func GapText(g Gap, lang i18n.Lang) string {
	if len(g.Values.Values) > textMax && len(g.Listed) < len(g.Values.Values) {
		return i18n.Msg("%d из %d — все, кроме: %s", "%d of %d — all but: %s",
			len(g.Values.Values), g.Total, brief(g.Listed, lang)).In(lang)
	}
	return brief(g.Values.Values, lang)
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
			if i == textMaxPairs {
				fmt.Fprintf(b, "      %s\n", t("… и еще пар: %d (все — в --format json)", "… and %d more pairs (all of them in --format json)", len(s.Overlaps)-i))
				break
			}
			fmt.Fprintf(b, "      %s × %s\n", p.A, p.B)
			for _, v := range s.Shared(p) {
				fmt.Fprintf(b, "        %s: %s\n", oneLine(v.Title), brief(v.Values, lang))
			}
		}
	}
	if len(s.Duplicates) == 0 {
		b.WriteString("    " + t("Дублей нет.", "No duplicates.") + "\n")
	} else {
		fmt.Fprintf(b, "    %s\n", t("Дубли — одинаковые значения всех признаков (пар: %d):", "Duplicates — equal values of every attribute (%d pairs):", len(s.Duplicates)))
		for i, d := range s.Duplicates {
			if i == textMaxPairs {
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
