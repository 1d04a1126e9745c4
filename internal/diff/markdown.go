package diff

import (
	"fmt"
	"html"
	"strings"
	"unicode/utf8"

	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/render"
)

// marker opens every Markdown report: a CI job finds its earlier comment by it and
// updates that comment in place (a sticky comment) instead of adding a new one per push.
const marker = "<!-- profiler-diff -->"

// markdownLimit is the most characters the Markdown report has: a GitHub pull-request
// comment is refused above 65,536, and the margin leaves room for a job's own header.
const markdownLimit = 60000

// maxShown bounds one long value in Markdown, so that one profile's notes cannot crowd
// out every other section.
const maxShown = 2000

// Markdown renders the result as a pull-request comment: the marker, one verdict line,
// then a collapsible section per life situation and profile. Sections that do not fit
// in limit characters (0: markdownLimit) are left out with a note saying how many.
func Markdown(r *Result, l i18n.Lang, limit int) string {
	if limit <= 0 {
		limit = markdownLimit
	}
	to := r.To
	if to == WorkTree {
		to = tr(l, "рабочая копия", "working tree")
	}
	var head strings.Builder
	head.WriteString(marker + "\n")
	fmt.Fprintf(&head, "**profiler diff** %s → %s: %s\n", render.Inline(r.From), render.Inline(to), render.Inline(verdict(r, l)))
	out := head.String()
	used := utf8.RuneCountInString(out)
	const reserve = 400 // the note about left-out sections
	left := 0
	for i, c := range r.Changes {
		sec := section(c, l)
		n := utf8.RuneCountInString(sec)
		if used+n > limit-reserve {
			left = len(r.Changes) - i
			break
		}
		out += sec
		used += n
	}
	if left > 0 {
		out += "\n> " + render.Inline(fmt.Sprintf(tr(l,
			"Отчет сокращен до %d символов (предел комментария): не показано разделов — %d. Полный отчет: profiler diff --format text или --format json.",
			"The report was cut to %d characters (the comment limit): %d sections are not shown. The full report: profiler diff --format text or --format json."),
			limit, left)) + "\n"
	}
	return out
}

// section is one entry as a <details> block; its summary line says what happened.
func section(c *Change, l i18n.Lang) string {
	var b strings.Builder
	warn := ""
	for _, e := range c.Events {
		if e.Level == Warning {
			warn = "⚠ "
			break
		}
	}
	fmt.Fprintf(&b, "\n<details>\n<summary>%s%s — %s</summary>\n\n", warn, html.EscapeString(heading(c, l)), changeWord(c.Kind, c.Change, l))
	b.WriteString("- " + render.Inline(fileLine(c, l)) + "\n")
	for _, e := range c.Events {
		mark := ""
		if e.Level == Warning {
			mark = "⚠ "
		}
		fmt.Fprintf(&b, "- %s%s `%s`\n", mark, render.Inline(e.Message.In(l)), e.Rule)
	}
	for _, f := range c.Fields {
		fmt.Fprintf(&b, "- **%s**: ", render.Inline(fieldLabel(f, l)))
		switch {
		case f.Set:
			var parts []string
			if len(f.AddedText) > 0 {
				parts = append(parts, tr(l, "добавлено ", "added ")+quoted(f.AddedText, l))
			}
			if len(f.RemovedText) > 0 {
				parts = append(parts, tr(l, "удалено ", "removed ")+quoted(f.RemovedText, l))
			}
			b.WriteString(strings.Join(parts, "; "))
		case f.Long:
			ops := wordDiff(clip(f.OldText.In(l)), clip(f.NewText.In(l)))
			if ops == nil {
				fmt.Fprintf(&b, "~~%s~~ → %s", render.Inline(clip(f.OldText.In(l))), render.Inline(clip(f.NewText.In(l))))
				break
			}
			for i, op := range ops {
				if i > 0 {
					b.WriteString(" ")
				}
				switch op.Kind {
				case '-':
					b.WriteString("~~" + render.Inline(op.Text) + "~~")
				case '+':
					b.WriteString("**" + render.Inline(op.Text) + "**")
				default:
					b.WriteString(render.Inline(op.Text))
				}
			}
		default:
			fmt.Fprintf(&b, "%s → %s", render.Inline(clip(f.OldText.In(l))), render.Inline(clip(f.NewText.In(l))))
		}
		b.WriteString("\n")
	}
	b.WriteString("\n</details>\n")
	return b.String()
}

func quoted(ts []i18n.Text, l i18n.Lang) string {
	q := make([]string, len(ts))
	for i, t := range ts {
		q[i] = "«" + render.Inline(clip(t.In(l))) + "»"
	}
	return strings.Join(q, ", ")
}

func clip(s string) string {
	if utf8.RuneCountInString(s) <= maxShown {
		return s
	}
	return string([]rune(s)[:maxShown]) + "…"
}
