package render

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/segments"
)

// MatrixMax is the most profiles of one status the overlap matrix shows; above it the
// section gives the counts (a 100-column table helps nobody) and `profiler segments`
// the pairs.
const MatrixMax = 30

// SegmentsView is the stage II section of the overview («Сегментация»), one entry per
// client status of the life situation: the overlap matrix of its profiles and the values
// no profile singles out. Strings are escaped Markdown; the matrix is a finished table.
// It is built from package segments alone, so another encoder (HTML) can take the same
// analysis.
type SegmentsView struct {
	Heading  string
	Sentence string   // said instead of the matrix (no profiles, one, nothing to compare)
	Matrix   string   // the table, or ""
	Summary  string   // the counts, when there are too many profiles for a matrix
	Gaps     []string // «Пол: женский» — values not singled out, one item per attribute
}

// segmentsSection builds the section's data from the analysis of one life situation.
// link gives a profile's card link target ("" for no links); headSuffix is added to each
// status heading (keeps headings unique when several life situations share a page).
func segmentsSection(an segments.LifeSituation, lang i18n.Lang, cardLink func(id string) string, headSuffix string) ([]SegmentsView, error) {
	t := func(x i18n.Text) string { return x.In(lang) }
	var out []SegmentsView
	for i := range an.Statuses {
		s := &an.Statuses[i]
		v := SegmentsView{Heading: Inline(upperFirst(t(s.Status.Name())) + headSuffix)}
		if sent := s.Sentence(); !sent.IsZero() {
			v.Sentence = Inline(t(sent))
		} else if len(s.Profiles) > MatrixMax {
			v.Summary = Inline(i18n.Msg(
				"Профилей: %d — матрица для такого числа не строится. Пересекающихся пар: %d, из них дублей: %d; пары и общие значения — в выводе profiler segments.",
				"Profiles: %d — too many for a matrix. Overlapping pairs: %d, of them duplicates: %d; the pairs and their shared values are in the output of profiler segments.",
				len(s.Profiles), s.OverlapCount, s.DuplicateCount).In(lang))
		} else {
			m, err := matrix(s, lang, cardLink)
			if err != nil {
				return nil, err
			}
			v.Matrix = m
		}
		if len(s.Frame.Dims) > 0 {
			for _, g := range s.NotSingledOut {
				v.Gaps = append(v.Gaps, Inline(g.Title+": "+segments.GapText(g, lang)))
			}
		}
		out = append(out, v)
	}
	return out, nil
}

// matrix is the overlap matrix: profiles numbered in rows, the numbers as columns.
func matrix(s *segments.Status, lang i18n.Lang, cardLink func(id string) string) (string, error) {
	word := func(rel segments.Relation) string {
		switch rel {
		case segments.Duplicate:
			return i18n.Msg("дубль", "duplicate").In(lang)
		case segments.Overlapping:
			return i18n.Msg("да", "yes").In(lang)
		}
		return i18n.Msg("нет", "no").In(lang)
	}
	cols := []Column{{Head: i18n.Msg("Профиль", "Profile").In(lang)}}
	for i := range s.Profiles {
		cols = append(cols, Column{Head: strconv.Itoa(i + 1)})
	}
	rows := make([][]any, 0, len(s.Profiles))
	for i, p := range s.Profiles {
		title := p.Title
		if strings.TrimSpace(title) == "" {
			title = p.ID
		}
		var name Markup
		if target := cardLink(p.ID); target != "" {
			name = Markup(strconv.Itoa(i+1) + ". " + string(link(title, target)))
		} else {
			name = Markup(strconv.Itoa(i+1) + ". " + Inline(title))
		}
		row := []any{name}
		for j := range s.Profiles {
			if i == j {
				row = append(row, Markup("—"))
				continue
			}
			row = append(row, word(s.Relation(i, j)))
		}
		rows = append(rows, row)
	}
	return Table(cols, rows)
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// WriteSegments writes the analysis of `profiler segments --format md`: one Markdown
// document with, per life situation, the section the overview shows.
func WriteSegments(w io.Writer, res []segments.LifeSituation, lang i18n.Lang) error {
	L := resolveLabels(lang)
	var b bytes.Buffer
	b.WriteString("# " + Inline(L["segments"]) + "\n\n" + Inline(L["segmentsIntro"]) + "\n")
	if len(res) == 0 {
		b.WriteString("\n" + Inline(L["noLS"]) + "\n")
	}
	noLink := func(string) string { return "" }
	for _, an := range res {
		b.WriteString("\n## " + Inline(an.LS.Title) + " (" + Inline(an.LS.ID) + ")\n")
		vs, err := segmentsSection(an, lang, noLink, " ("+an.LS.ID+")")
		if err != nil {
			return err
		}
		writeSegmentsViews(&b, vs, L)
	}
	_, err := w.Write(tidy(b.Bytes())[len(Marker)+2:]) // a report, not a page: no marker
	return err
}

// writeSegmentsViews writes the status parts of the section as overview.md.tmpl does.
func writeSegmentsViews(b *bytes.Buffer, vs []SegmentsView, L map[string]string) {
	for _, v := range vs {
		b.WriteString("\n### " + v.Heading + "\n\n")
		switch {
		case v.Sentence != "":
			b.WriteString(v.Sentence + "\n")
		case v.Summary != "":
			b.WriteString(v.Summary + "\n")
		default:
			b.WriteString(v.Matrix)
		}
		if len(v.Gaps) > 0 {
			b.WriteString("\n" + L["notSingledOut"] + ":\n\n")
			for _, g := range v.Gaps {
				b.WriteString("- " + g + "\n")
			}
		}
	}
}

// overviewSegments is the overview's section for ls and its profiles.
func (r *renderer) overviewSegments(ls *model.LifeSituation, ranked []Ranked) ([]SegmentsView, error) {
	if len(ranked) == 0 {
		return nil, nil
	}
	ps := make([]*model.Profile, len(ranked))
	for i, rp := range ranked {
		ps[i] = rp.Profile
	}
	return segmentsSection(segments.AnalyzeLS(ls, ps, false), r.opts.Lang, func(id string) string { return id + ".md" }, "")
}
