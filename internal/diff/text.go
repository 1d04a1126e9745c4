package diff

import (
	"fmt"
	"io"
	"strings"

	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/report"
)

// verdict is the one-line summary of a result.
func verdict(r *Result, l i18n.Lang) string {
	if !r.Changed() {
		return tr(l, "Изменений в исследовании нет.", "No changes to the research.")
	}
	count := func(name string, n Counts, moved bool) string {
		var ps []string
		add := func(ru, en string, v int) {
			if v > 0 {
				ps = append(ps, fmt.Sprintf("%s: %d", tr(l, ru, en), v))
			}
		}
		add("добавлено", "added", n.Added)
		add("удалено", "removed", n.Removed)
		add("изменено", "modified", n.Modified)
		if moved {
			add("перемещено", "moved", n.Moved)
		}
		if len(ps) == 0 {
			return ""
		}
		return name + " — " + strings.Join(ps, ", ")
	}
	var parts []string
	if s := count(tr(l, "Профили", "Profiles"), r.Summary.Profiles, true); s != "" {
		parts = append(parts, s)
	}
	if s := count(tr(l, "ЖС", "life situations"), r.Summary.LifeSituations, false); s != "" {
		parts = append(parts, s)
	}
	if r.Summary.Suspect > 0 {
		parts = append(parts, fmt.Sprintf("%s: %d", tr(l, "профилей требуют проверки", "profiles need review"), r.Summary.Suspect))
	}
	if len(parts) == 0 {
		return tr(l, "Изменений в исследовании нет.", "No changes to the research.")
	}
	r0 := []rune(strings.Join(parts, "; ") + ".")
	r0[0] = []rune(strings.ToUpper(string(r0[0])))[0]
	return string(r0)
}

// changeWord says what happened to an entry, agreeing with its kind in Russian (ЖС is
// feminine, профиль masculine).
func changeWord(kind, change string, l i18n.Lang) string {
	fem := kind == KindLS
	switch change {
	case Added:
		return tr(l, pick(fem, "добавлена", "добавлен"), "added")
	case Removed:
		return tr(l, pick(fem, "удалена", "удален"), "removed")
	case Moved:
		return tr(l, pick(fem, "перемещена", "перемещен"), "moved")
	case Unchanged:
		return tr(l, pick(fem, "не изменена", "не изменен"), "unchanged")
	}
	return tr(l, pick(fem, "изменена", "изменен"), "modified")
}

func pick(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}

// heading names an entry: «Профиль «Title» (id)».
func heading(c *Change, l i18n.Lang) string {
	kind := tr(l, "Профиль", "Profile")
	if c.Kind == KindLS {
		kind = tr(l, "ЖС", "Life situation")
	}
	switch {
	case c.Title != "" && c.ID != "":
		return fmt.Sprintf("%s «%s» (%s)", kind, c.Title, c.ID)
	case c.ID != "":
		return kind + " " + c.ID
	}
	return kind
}

// fileLine says where the entry's file is, and where it was when it moved.
func fileLine(c *Change, l i18n.Lang) string {
	if c.OldFile != "" && c.OldFile != c.File {
		return fmt.Sprintf("%s %s → %s", tr(l, "файл:", "file:"), c.OldFile, c.File)
	}
	return tr(l, "файл: ", "file: ") + c.File
}

// TextOptions tune the text format.
type TextOptions struct {
	Lang  i18n.Lang
	Color bool // ANSI colour: the CLI decides (a terminal, NO_COLOR, TERM=dumb)
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiDim    = "\x1b[2m"
)

// Text writes the result for a terminal or a log: a verdict line, then one block per
// entry with its changed fields and events. Every user text goes through
// report.Printable: a title must not drive the terminal.
func Text(w io.Writer, r *Result, o TextOptions) error {
	l := o.Lang
	paint := func(code, s string) string {
		if !o.Color {
			return s
		}
		return code + s + ansiReset
	}
	p := report.Printable
	var b strings.Builder
	to := r.To
	if to == WorkTree {
		to = tr(l, "рабочая копия", "working tree")
	}
	fmt.Fprintf(&b, "%s %s → %s\n", paint(ansiBold, "profiler diff"), p(r.From), p(to))
	b.WriteString(p(verdict(r, l)) + "\n")
	for _, c := range r.Changes {
		b.WriteString("\n")
		fmt.Fprintf(&b, "%s — %s\n", paint(ansiBold, p(heading(c, l))), changeWord(c.Kind, c.Change, l))
		b.WriteString("  " + paint(ansiDim, p(fileLine(c, l))) + "\n")
		for _, e := range c.Events {
			lvl := paint(ansiDim, e.Level)
			if e.Level == Warning {
				lvl = paint(ansiYellow+ansiBold, e.Level)
			}
			fmt.Fprintf(&b, "  %s %s %s\n", lvl, p(e.Message.In(l)), paint(ansiDim, "["+e.Rule+"]"))
		}
		for _, f := range c.Fields {
			b.WriteString("  " + p(fieldLabel(f, l)) + ":")
			if !f.Long {
				b.WriteString(" ")
			}
			switch {
			case f.Set:
				var parts []string
				for _, t := range f.AddedText {
					parts = append(parts, paint(ansiGreen, "+ «"+p(t.In(l))+"»"))
				}
				for _, t := range f.RemovedText {
					parts = append(parts, paint(ansiRed, "− «"+p(t.In(l))+"»"))
				}
				b.WriteString(strings.Join(parts, "; "))
			case f.Long:
				ops := wordDiff(f.OldText.In(l), f.NewText.In(l))
				if ops == nil {
					fmt.Fprintf(&b, " %s → %s", paint(ansiRed, p(f.OldText.In(l))), paint(ansiGreen, p(f.NewText.In(l))))
					break
				}
				b.WriteString("\n    ")
				for i, op := range ops {
					if i > 0 {
						b.WriteString(" ")
					}
					switch op.Kind {
					case '-':
						b.WriteString(paint(ansiRed, "[-"+p(op.Text)+"-]"))
					case '+':
						b.WriteString(paint(ansiGreen, "{+"+p(op.Text)+"+}"))
					default:
						b.WriteString(p(op.Text))
					}
				}
			default:
				fmt.Fprintf(&b, "%s → %s", paint(ansiRed, p(f.OldText.In(l))), paint(ansiGreen, p(f.NewText.In(l))))
			}
			b.WriteString("\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// fieldLabel is a field's label, with the list item it belongs to.
func fieldLabel(f Field, l i18n.Lang) string {
	if f.Item != "" {
		return f.Label.In(l) + " «" + f.Item + "»"
	}
	return f.Label.In(l)
}
