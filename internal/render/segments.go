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
// overview gives the counts (a 100-column table helps nobody) and `profiler segments` the
// pairs.
const MatrixMax = 30

// SegmentGroup is the stage II analysis of one client status on an overview («Сегментация
// (II этап)», package segments): the overlap matrix of its profiles and the values no
// profile singles out. Plain text, like the rest of the page model.
type SegmentGroup struct {
	Status   model.Status
	Title    string         // «Гражданин»
	Sentence string         // said instead of the matrix: no profiles, one, nothing to compare
	Summary  string         // the counts, when the status has more than MatrixMax profiles
	Profiles []Link         // the matrix's rows and columns, numbered from 1
	Matrix   [][]MatrixCell // Matrix[i][j]: how profiles i and j relate
	Gaps     []GapRow
}

// MatrixCell is one cell of the overlap matrix.
type MatrixCell struct {
	Kind string // self, overlap, duplicate, disjoint
	Text string // «—», «да», «дубль», «нет»
}

// GapRow is an attribute with the values no profile of the status lists.
type GapRow struct {
	Attribute string
	Values    string // long lists in brief: «88 из 89 — все, кроме: Московская область»
}

// segmentGroups analyses the profiles of ls for the overview; nil without profiles.
func (b *builder) segmentGroups(ls *model.LifeSituation, ps []*model.Profile) []SegmentGroup {
	if len(ps) == 0 {
		return nil
	}
	return b.segmentGroupsOf(segments.AnalyzeLS(ls, ps, false))
}

func (b *builder) segmentGroupsOf(an segments.LifeSituation) []SegmentGroup {
	var out []SegmentGroup
	for i := range an.Statuses {
		s := &an.Statuses[i]
		g := SegmentGroup{Status: s.Status, Title: upperFirst(b.t(s.Status.Name()))}
		switch sent := s.Sentence(); {
		case !sent.IsZero():
			g.Sentence = b.t(sent)
		case len(s.Profiles) > MatrixMax:
			g.Summary = i18n.Msg(
				"Профилей: %d — матрица для такого числа не строится. Пересекающихся пар: %d, из них дублей: %d; пары и общие значения — в выводе profiler segments.",
				"Profiles: %d — too many for a matrix. Overlapping pairs: %d, of them duplicates: %d; the pairs and their shared values are in the output of profiler segments.",
				len(s.Profiles), s.OverlapCount, s.DuplicateCount).In(b.lang)
		default:
			words := map[segments.Relation]MatrixCell{
				segments.Duplicate:   {"duplicate", b.t(i18n.Msg("дубль", "duplicate"))},
				segments.Overlapping: {"overlap", b.t(i18n.Msg("да", "yes"))},
				segments.Disjoint:    {"disjoint", b.t(i18n.Msg("нет", "no"))},
			}
			for i, p := range s.Profiles {
				l := Link{Text: p.Title}
				if strings.TrimSpace(l.Text) == "" {
					l.Text = p.ID
				}
				if b.n.ext != "" {
					l.Href = p.ID + b.n.ext
				}
				g.Profiles = append(g.Profiles, l)
				row := make([]MatrixCell, len(s.Profiles))
				for j := range s.Profiles {
					if i == j {
						row[j] = MatrixCell{"self", "—"}
					} else {
						row[j] = words[s.Relation(i, j)]
					}
				}
				g.Matrix = append(g.Matrix, row)
			}
		}
		if len(s.Frame.Dims) > 0 {
			for _, gap := range s.NotSingledOut {
				g.Gaps = append(g.Gaps, GapRow{Attribute: gap.Title, Values: segments.GapText(gap, b.lang)})
			}
		}
		out = append(out, g)
	}
	return out
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// segmentsView is one SegmentGroup as overview.md.tmpl shows it: escaped, the matrix a
// finished table.
type segmentsView struct {
	Title, Sentence, Summary, Matrix string
	Gaps                             []string
}

// mdSegments encodes the section for Markdown; headSuffix keeps the headings unique when
// several life situations share a document (`profiler segments --format md`).
func (r *renderer) mdSegments(gs []SegmentGroup, headSuffix string) ([]segmentsView, error) {
	var out []segmentsView
	for _, g := range gs {
		v := segmentsView{Title: Inline(g.Title + headSuffix), Sentence: Inline(g.Sentence), Summary: Inline(g.Summary)}
		if len(g.Matrix) > 0 {
			cols := []Column{{Head: r.L["profilesList"]}}
			for i := range g.Profiles {
				cols = append(cols, Column{Head: strconv.Itoa(i + 1)})
			}
			rows := make([][]any, len(g.Matrix))
			for i, cells := range g.Matrix {
				row := []any{Markup(strconv.Itoa(i+1) + ". " + mdLink(g.Profiles[i]))}
				for _, c := range cells {
					row = append(row, c.Text)
				}
				rows[i] = row
			}
			var err error
			if v.Matrix, err = Table(cols, rows); err != nil {
				return nil, err
			}
		}
		for _, gap := range g.Gaps {
			v.Gaps = append(v.Gaps, Inline(gap.Attribute+": "+gap.Values))
		}
		out = append(out, v)
	}
	return out, nil
}

// WriteSegments writes `profiler segments --format md`: one Markdown document with, per
// life situation, the section its overview shows (without links: the cards may not exist).
func WriteSegments(w io.Writer, res []segments.LifeSituation, lang i18n.Lang) error {
	L := resolveLabels(lang)
	bld := &builder{lang: lang, L: L}
	r := &renderer{opts: Options{Lang: lang}, L: L}
	var b bytes.Buffer
	b.WriteString("# " + Inline(L["segments"]) + "\n\n" + Inline(L["segmentsIntro"]) + "\n")
	if len(res) == 0 {
		b.WriteString("\n" + Inline(L["noLS"]) + "\n")
	}
	for _, an := range res {
		b.WriteString("\n## " + Inline(an.LS.Title) + " (" + Inline(an.LS.ID) + ")\n")
		vs, err := r.mdSegments(bld.segmentGroupsOf(an), " ("+an.LS.ID+")")
		if err != nil {
			return err
		}
		for _, v := range vs {
			b.WriteString("\n### " + v.Title + "\n\n")
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
	_, err := w.Write(tidy(b.Bytes(), "")[2:]) // a report, not a page: no marker
	return err
}
