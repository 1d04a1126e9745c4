package diff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/render"
)

// both builds a text by running the same wording function in each language.
func both(f func(l i18n.Lang) string) i18n.Text {
	return i18n.Text{RU: f(i18n.RU), EN: f(i18n.EN)}
}

func tr(l i18n.Lang, ru, en string) string { return i18n.Text{RU: ru, EN: en}.In(l) }

// quoteList prints values as «a», «b».
func quoteList(vs []string) string {
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = "«" + v + "»"
	}
	return strings.Join(q, ", ")
}

// profileEvents names what the method cares about in a modified profile.
func profileEvents(a, b *model.Profile, fs []Field, wf, wt *world) []Event {
	var out []Event
	if a.Stage != b.Stage {
		back := b.Stage.Index() >= 0 && a.Stage.Index() > b.Stage.Index()
		out = append(out, Event{Rule: EventStageChanged, Level: Info, Message: both(func(l i18n.Lang) string {
			s := fmt.Sprintf("%s: %s → %s", tr(l, "этап", "stage"), enumText(a.Stage.Name(), string(a.Stage)).In(l), enumText(b.Stage.Name(), string(b.Stage)).In(l))
			if back {
				s += tr(l, " (возврат на более ранний этап)", " (back to an earlier stage)")
			}
			return s
		})})
	}
	var prio []Field
	for _, f := range fs {
		switch {
		case f.Path == "hypotheses.status":
			out = append(out, Event{Rule: EventHypothesisChanged, Level: Info, Message: both(func(l i18n.Lang) string {
				return fmt.Sprintf("%s «%s»: %s → %s", tr(l, "гипотеза", "hypothesis"), f.Item, f.OldText.In(l), f.NewText.In(l))
			})})
		case strings.HasPrefix(f.Path, "priority.") && (strings.HasSuffix(f.Path, ".value") || strings.HasSuffix(f.Path, ".scale")):
			prio = append(prio, f)
		}
	}
	if len(prio) > 0 {
		qa, qb := wf.quadrants[a], wt.quadrants[b]
		out = append(out, Event{Rule: EventPriorityChanged, Level: Info, Message: both(func(l i18n.Lang) string {
			parts := make([]string, len(prio))
			for i, f := range prio {
				parts[i] = fmt.Sprintf("%s %s → %s", lowerFirst(f.Label.In(l)), f.OldText.In(l), f.NewText.In(l))
			}
			s := tr(l, "параметры приоритизации: ", "prioritisation: ") + strings.Join(parts, "; ")
			if wf.partial || wt.partial {
				return s // one file: the chart of its life situation is unknown
			}
			return s + "; " + quadrantMove(l, qa, qb)
		})})
	}
	return out
}

// quadrantMove says where the segment sits on the quadrant chart of its life situation
// and client status, before and after.
func quadrantMove(l i18n.Lang, qa, qb int) string {
	name := func(q int) string { return "«" + render.QuadrantName(q).In(l) + "»" }
	switch {
	case qa == qb && qa == 0:
		return tr(l, "на диаграмме квадрантов сегмента нет (не заданы емкость или удовлетворенность)",
			"the segment is not on the quadrant chart (capacity or satisfaction not set)")
	case qa == qb:
		return tr(l, "квадрант прежний: ", "quadrant unchanged: ") + name(qb)
	case qa == 0:
		return tr(l, "сегмент появляется на диаграмме в квадранте ", "the segment appears on the chart in quadrant ") + name(qb)
	case qb == 0:
		return tr(l, "сегмент уходит с диаграммы (не заданы емкость или удовлетворенность); был в квадранте ",
			"the segment leaves the chart (capacity or satisfaction not set); it was in quadrant ") + name(qa)
	}
	return tr(l, "сегмент переходит в другой квадрант: ", "the segment moves to another quadrant: ") + name(qa) + " → " + name(qb)
}

func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) > 1 && !isUpper(r[1]) {
		r[0] = []rune(strings.ToLower(string(r[0])))[0]
	}
	return string(r)
}

func isUpper(r rune) bool {
	return strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r)
}

// suspects adds the warning profile-suspect to every profile whose own content did not
// change while its life situation changed under it: an attribute it uses removed (or no
// longer describing its status) or its values changed, its status removed, the life
// situation itself removed. A profile that changed in the range is taken as reviewed.
func suspects(res *Result, quiet []pair, byProfile map[*Doc]*Change, wf, wt *world) {
	for _, p := range quiet {
		pr := p.new.Profile
		old, now := wf.ls[pr.LifeSituation], wt.ls[pr.LifeSituation]
		if old == nil || old == now {
			continue // unresolved before (validate reports it), or the same file
		}
		reasons := suspectReasons(pr, old, now)
		if len(reasons) == 0 {
			continue
		}
		lsTitle := titled(old.Title, old.ID)
		ev := Event{Rule: EventProfileSuspect, Level: Warning, Message: both(func(l i18n.Lang) string {
			rs := make([]string, len(reasons))
			for i, r := range reasons {
				rs[i] = r.In(l)
			}
			return fmt.Sprintf(tr(l, "жизненная ситуация «%s» изменилась, а профиль нет: %s; проверьте профиль",
				"life situation «%s» changed under this profile: %s; review the profile"), lsTitle, strings.Join(rs, "; "))
		})}
		c := byProfile[p.new]
		if c == nil {
			c = &Change{Kind: KindProfile, ID: pr.ID, LifeSituation: pr.LifeSituation, Title: pr.Title, Change: Unchanged,
				File: p.new.Path, OldFile: p.old.Path}
			res.Changes = append(res.Changes, c)
		}
		c.Events = append(c.Events, ev)
	}
}

func suspectReasons(pr *model.Profile, old, now *model.LifeSituation) []i18n.Text {
	if now == nil {
		return []i18n.Text{i18n.Msg("жизненная ситуация удалена", "the life situation was removed")}
	}
	var out []i18n.Text
	st := pr.Status
	if old.HasStatus(st) && !now.HasStatus(st) {
		out = append(out, both(func(l i18n.Lang) string {
			return fmt.Sprintf(tr(l, "статус «%s» удален из ЖС", "status «%s» was removed from the life situation"), enumText(st.Name(), string(st)).In(l))
		}))
	}
	for _, av := range pr.Attributes {
		oa, na := old.Attribute(av.Key), now.Attribute(av.Key)
		if oa == nil {
			continue // undeclared already: validate reports it
		}
		t := titled(oa.Title, oa.ID)
		switch {
		case na == nil:
			out = append(out, both(func(l i18n.Lang) string {
				return fmt.Sprintf(tr(l, "признак «%s» (%s) удален", "attribute «%s» (%s) was removed"), t, av.Key)
			}))
		case oa.HasStatus(st) && !na.HasStatus(st):
			out = append(out, both(func(l i18n.Lang) string {
				return fmt.Sprintf(tr(l, "признак «%s» больше не описывает статус «%s»", "attribute «%s» no longer describes status «%s»"),
					t, enumText(st.Name(), string(st)).In(l))
			}))
		default:
			added, removed := setDiff(oa.Values, na.Values)
			if len(added) == 0 && len(removed) == 0 && oa.Type == na.Type && oa.Catalog == na.Catalog {
				continue
			}
			var own []string // the profile's own values among the removed ones
			for _, v := range av.Values {
				if slices.Contains(removed, v.Text) {
					own = append(own, v.Text)
				}
			}
			out = append(out, both(func(l i18n.Lang) string {
				s := fmt.Sprintf(tr(l, "значения признака «%s» изменились", "the values of attribute «%s» changed"), t)
				var d []string
				if len(removed) > 0 {
					d = append(d, tr(l, "удалены ", "removed ")+quoteList(removed))
				}
				if len(added) > 0 {
					d = append(d, tr(l, "добавлены ", "added ")+quoteList(added))
				}
				if oa.Type != na.Type {
					d = append(d, fmt.Sprintf(tr(l, "тип %s → %s", "type %s → %s"), oa.Type, na.Type))
				}
				if oa.Catalog != na.Catalog {
					d = append(d, fmt.Sprintf(tr(l, "справочник %q → %q", "catalogue %q → %q"), oa.Catalog, na.Catalog))
				}
				if len(d) > 0 {
					s += " (" + strings.Join(d, ", ") + ")"
				}
				if len(own) > 0 {
					s += tr(l, ", среди удаленных — значение профиля ", ", among the removed: the profile's value ") + quoteList(own)
				}
				return s
			}))
		}
	}
	return out
}
