package diff

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/render"
)

// pair is one entity at the two sides; either may be nil (added, removed).
type pair struct{ old, new *Doc }

// kindOf is the change kind of a document.
func kindOf(d *Doc) string {
	if d.Kind == model.KindLifeSituation {
		return KindLS
	}
	return KindProfile
}

// idOf is the id a document is matched by, or "" when it has none (unreadable, no id).
func idOf(d *Doc) string {
	switch {
	case d.Problem.Rule != "":
		return ""
	case d.LS != nil:
		return d.LS.ID
	case d.Profile != nil:
		return d.Profile.ID
	}
	return ""
}

// match pairs the documents of two sides. A file that cannot be read at one side is
// paired with whatever is at its path at the other (its id is unknown); every other
// document is matched by kind and id, so a moved file is one entity. Several documents
// with one id (an error validate reports) pair by path first, then in path order.
// Documents without an id pair by path.
func match(from, to []*Doc) []pair {
	used := map[*Doc]bool{}
	var out []pair
	toAt := map[string]*Doc{}
	for _, d := range to {
		toAt[d.Path] = d
	}
	fromAt := map[string]*Doc{}
	for _, d := range from {
		fromAt[d.Path] = d
	}
	for _, d := range from {
		if d.Problem.Rule != "" {
			o := toAt[d.Path]
			if o != nil && used[o] {
				o = nil
			}
			used[d] = true
			if o != nil {
				used[o] = true
			}
			out = append(out, pair{d, o})
		}
	}
	for _, d := range to {
		if d.Problem.Rule != "" && !used[d] {
			o := fromAt[d.Path]
			if o != nil && used[o] {
				o = nil
			}
			used[d] = true
			if o != nil {
				used[o] = true
			}
			out = append(out, pair{o, d})
		}
	}
	key := func(d *Doc) string {
		if id := idOf(d); id != "" {
			return kindOf(d) + "\x00" + id
		}
		return "\x00path\x00" + d.Path
	}
	type group struct{ olds, news []*Doc }
	groups := map[string]*group{}
	var order []string
	add := func(d *Doc, isNew bool) {
		if used[d] {
			return
		}
		k := key(d)
		g := groups[k]
		if g == nil {
			g = &group{}
			groups[k] = g
			order = append(order, k)
		}
		if isNew {
			g.news = append(g.news, d)
		} else {
			g.olds = append(g.olds, d)
		}
	}
	for _, d := range from {
		add(d, false)
	}
	for _, d := range to {
		add(d, true)
	}
	for _, k := range order {
		g := groups[k]
		var olds []*Doc
		for _, o := range g.olds { // same path first
			if i := slices.IndexFunc(g.news, func(n *Doc) bool { return n.Path == o.Path }); i >= 0 {
				out = append(out, pair{o, g.news[i]})
				g.news = slices.Delete(g.news, i, i+1)
				continue
			}
			olds = append(olds, o)
		}
		for i := 0; i < len(olds) || i < len(g.news); i++ {
			var p pair
			if i < len(olds) {
				p.old = olds[i]
			}
			if i < len(g.news) {
				p.new = g.news[i]
			}
			out = append(out, p)
		}
	}
	return out
}

// world is what the comparison knows of one side beyond a single document.
type world struct {
	name      string
	partial   bool // Side.Partial
	ls        map[string]*model.LifeSituation
	quadrants map[*model.Profile]int
}

func newWorld(s *Side) *world {
	w := &world{name: s.Name, partial: s.Partial, ls: map[string]*model.LifeSituation{}, quadrants: map[*model.Profile]int{}}
	groups := map[string][]*model.Profile{}
	var keys []string
	for _, d := range s.Docs {
		if d.LS != nil && d.Problem.Rule == "" {
			if _, dup := w.ls[d.LS.ID]; !dup {
				w.ls[d.LS.ID] = d.LS
			}
		}
		if p := d.Profile; p != nil && d.Problem.Rule == "" {
			// Ranked per life situation and client status: a citizen segment is never
			// compared with a business segment (SPEC §3.1).
			k := p.LifeSituation + "\x00" + string(p.Status)
			if groups[k] == nil {
				keys = append(keys, k)
			}
			groups[k] = append(groups[k], p)
		}
	}
	for _, k := range keys {
		for _, r := range render.Rank(groups[k]) {
			w.quadrants[r.Profile] = r.Quadrant()
		}
	}
	return w
}

// attrTitle is the title of a profile attribute in its life situation, or "".
func (w *world) attrTitle(lsID, key string) string {
	if ls := w.ls[lsID]; ls != nil {
		if a := ls.Attribute(key); a != nil {
			return a.Title
		}
	}
	return ""
}

// Compare builds the result of from → to.
func Compare(from, to *Side) *Result {
	res := &Result{From: from.Name, To: to.Name}
	wf, wt := newWorld(from), newWorld(to)
	byProfile := map[*Doc]*Change{} // to-side profile → its entry, for suspect warnings
	var quiet []pair                // profiles whose own content did not change
	for _, p := range match(from.Docs, to.Docs) {
		c := compareOne(p, wf, wt)
		if c == nil {
			if p.new != nil && p.new.Profile != nil {
				quiet = append(quiet, p)
			}
			continue
		}
		res.Changes = append(res.Changes, c)
		if p.new != nil && p.new.Profile != nil && c.Change == Moved && len(c.Fields) == 0 {
			byProfile[p.new] = c
			quiet = append(quiet, p)
		}
	}
	if !wf.partial && !wt.partial {
		suspects(res, quiet, byProfile, wf, wt)
	}
	slices.SortStableFunc(res.Changes, func(a, b *Change) int {
		return cmp.Or(cmp.Compare(a.LifeSituation, b.LifeSituation), cmp.Compare(kindRank(a.Kind), kindRank(b.Kind)),
			cmp.Compare(a.ID, b.ID), cmp.Compare(a.File, b.File), cmp.Compare(a.OldFile, b.OldFile))
	})
	for _, c := range res.Changes {
		n := &res.Summary.Profiles
		if c.Kind == KindLS {
			n = &res.Summary.LifeSituations
		}
		switch c.Change {
		case Added:
			n.Added++
		case Removed:
			n.Removed++
		case Modified:
			n.Modified++
		case Moved:
			if c.Kind == KindLS {
				n.Modified++ // the summary of life situations has no "moved"
			} else {
				n.Moved++
			}
		}
		for _, e := range c.Events {
			if e.Rule == EventProfileSuspect {
				res.Summary.Suspect++
				break
			}
		}
	}
	return res
}

func kindRank(k string) int {
	if k == KindLS {
		return 0
	}
	return 1
}

// compareOne returns the change of one matched entity, or nil when nothing the method
// records changed (only comments or formatting did).
func compareOne(p pair, wf, wt *world) *Change {
	if p.old != nil && p.new != nil && p.old.OID == p.new.OID && p.old.OID != "" && p.old.Path == p.new.Path {
		return nil // the same content at the same place, readable or not
	}
	ref := p.new
	if ref == nil || (ref.Problem.Rule != "" && p.old != nil) {
		ref = p.old
	}
	c := &Change{Kind: kindOf(ref)}
	switch {
	case p.old == nil:
		c.Change, c.File = Added, p.new.Path
	case p.new == nil:
		c.Change, c.File, c.OldFile = Removed, p.old.Path, p.old.Path
	default:
		c.File, c.OldFile = p.new.Path, p.old.Path
		c.Change = Modified
		if p.old.Path != p.new.Path {
			c.Change = Moved
		}
	}
	for _, d := range []*Doc{p.old, p.new} {
		if d == nil || d.Problem.Rule != "" {
			continue
		}
		if d.LS != nil {
			c.ID, c.LifeSituation, c.Title = d.LS.ID, d.LS.ID, d.LS.Title
		}
		if d.Profile != nil {
			c.ID, c.LifeSituation, c.Title = d.Profile.ID, d.Profile.LifeSituation, d.Profile.Title
		}
	}
	unreadable := false
	for i, d := range []*Doc{p.old, p.new} {
		if d == nil || d.Problem.Rule == "" {
			continue
		}
		unreadable = true
		side := wf.name
		if i == 1 {
			side = wt.name
		}
		f := d.Problem
		at := ""
		if f.Line > 0 {
			at = fmt.Sprintf("%d:%d: ", f.Line, max(f.Column, 1))
		}
		c.Events = append(c.Events, Event{Rule: EventFileUnreadable, Level: Warning, Message: i18n.Text{
			RU: fmt.Sprintf("в %s файл %s не читается: %s%s [%s]; сравнение этого файла неполное — подробно: profiler validate",
				sideName(side).RU, d.Path, at, f.Message.RU, f.Rule),
			EN: fmt.Sprintf("at %s the file %s cannot be read: %s%s [%s]; this file's comparison is incomplete: see profiler validate",
				sideName(side).EN, d.Path, at, f.Message.EN, f.Rule),
		}})
	}
	if unreadable {
		return c
	}
	if p.old != nil && p.new != nil && p.old.OID == p.new.OID && p.old.OID != "" {
		if c.Change == Moved {
			return c
		}
		return nil
	}
	switch {
	case p.old != nil && p.new != nil && p.old.Profile != nil && p.new.Profile != nil:
		c.Fields = profileFields(p.old.Profile, p.new.Profile, wf, wt)
		c.Events = profileEvents(p.old.Profile, p.new.Profile, c.Fields, wf, wt)
	case p.old != nil && p.new != nil && p.old.LS != nil && p.new.LS != nil:
		c.Fields = lsFields(p.old.LS, p.new.LS)
	case c.Change == Added && p.new.Profile != nil:
		pr := p.new.Profile
		c.Events = append(c.Events, Event{Rule: EventProfileAdded, Level: Info, Message: i18n.Text{
			RU: fmt.Sprintf("добавлен профиль «%s»: статус — %s, этап — %s", pr.Title, enumText(pr.Status.Name(), string(pr.Status)).RU, enumText(pr.Stage.Name(), string(pr.Stage)).RU),
			EN: fmt.Sprintf("profile «%s» added: status %s, stage %s", pr.Title, enumText(pr.Status.Name(), string(pr.Status)).EN, enumText(pr.Stage.Name(), string(pr.Stage)).EN),
		}})
	case c.Change == Removed && p.old.Profile != nil:
		pr := p.old.Profile
		c.Events = append(c.Events, Event{Rule: EventProfileRemoved, Level: Info, Message: i18n.Text{
			RU: fmt.Sprintf("удален профиль «%s»; его этап был «%s»", pr.Title, enumText(pr.Stage.Name(), string(pr.Stage)).RU),
			EN: fmt.Sprintf("profile «%s» removed; it was at stage «%s»", pr.Title, enumText(pr.Stage.Name(), string(pr.Stage)).EN),
		}})
	}
	if c.Change == Modified && len(c.Fields) == 0 && len(c.Events) == 0 {
		return nil
	}
	return c
}

// sideName names a side in a sentence: a revision by its name, the working tree in words.
func sideName(name string) i18n.Text {
	if name == WorkTree {
		return i18n.Msg("рабочей копии", "the working tree")
	}
	return i18n.Msg("ревизии %s", "revision %s", name)
}

// fields collects the changed fields of one entity.
type fields struct {
	kind string
	out  []Field
}

// longText is the length from which a changed text is shown word by word.
const longText = 60

func (fs *fields) text(path string, old, new string, names map[int]string) {
	if old == new {
		return
	}
	f := Field{Path: path, Label: label(fs.kind, path, names), Old: strOrNil(old), New: strOrNil(new),
		OldText: textOrUnset(old), NewText: textOrUnset(new)}
	f.Long = old != "" && new != "" && (utf8.RuneCountInString(old) > longText || utf8.RuneCountInString(new) > longText)
	fs.out = append(fs.out, f)
}

// named is a value with its own reading (a stage, a status, a number).
func (fs *fields) named(path string, old, new any, oldT, newT i18n.Text) {
	if old == new {
		return
	}
	fs.out = append(fs.out, Field{Path: path, Label: label(fs.kind, path, nil), Old: old, New: new, OldText: oldT, NewText: newT})
}

func (fs *fields) item(path, item, old, new string) {
	if old == new {
		return
	}
	fs.text(path, old, new, nil)
	fs.out[len(fs.out)-1].Item = item
}

// set compares two string lists as sets: order and repeats do not matter.
func (fs *fields) set(path string, old, new []string, names map[int]string, show func(string) i18n.Text) {
	added, removed := setDiff(old, new)
	if len(added) == 0 && len(removed) == 0 {
		return
	}
	if show == nil {
		show = i18n.Same
	}
	f := Field{Path: path, Label: label(fs.kind, path, names), Set: true, Added: added, Removed: removed}
	for _, s := range added {
		f.AddedText = append(f.AddedText, show(s))
	}
	for _, s := range removed {
		f.RemovedText = append(f.RemovedText, show(s))
	}
	fs.out = append(fs.out, f)
}

// setDiff returns the strings of new not in old and of old not in new, each in its
// list's order, without repeats.
func setDiff(old, new []string) (added, removed []string) {
	in := func(l []string) map[string]bool {
		m := make(map[string]bool, len(l))
		for _, s := range l {
			m[s] = true
		}
		return m
	}
	o, n := in(old), in(new)
	seen := map[string]bool{}
	for _, s := range new {
		if !o[s] && !seen[s] {
			seen[s] = true
			added = append(added, s)
		}
	}
	clear(seen)
	for _, s := range old {
		if !n[s] && !seen[s] {
			seen[s] = true
			removed = append(removed, s)
		}
	}
	return added, removed
}

func strOrNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func textOrUnset(s string) i18n.Text {
	if s == "" {
		return textUnset
	}
	return i18n.Same(s)
}

func texts(items []model.Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Text
	}
	return out
}

// itemSources reports changed sources of the list items both sides have.
func (fs *fields) itemSources(path string, old, new []model.Item) {
	src := map[string]string{}
	for _, it := range old {
		src[it.Text] = it.Source
	}
	for _, it := range new {
		if o, ok := src[it.Text]; ok {
			fs.item(path+".source", it.Text, o, it.Source)
		}
	}
}

func statusText(s string) i18n.Text { return model.Status(s).Name() }

func profileFields(a, b *model.Profile, wf, wt *world) []Field {
	fs := &fields{kind: KindProfile}
	fs.text("title", a.Title, b.Title, nil)
	fs.text("description", a.Description, b.Description, nil)
	fs.text("lifeSituation", a.LifeSituation, b.LifeSituation, nil)
	fs.named("status", strOrNil(string(a.Status)), strOrNil(string(b.Status)), enumText(a.Status.Name(), string(a.Status)), enumText(b.Status.Name(), string(b.Status)))
	fs.named("stage", strOrNil(string(a.Stage)), strOrNil(string(b.Stage)), enumText(a.Stage.Name(), string(a.Stage)), enumText(b.Stage.Name(), string(b.Stage)))
	attrFields(fs, a, b, wf, wt)
	priorityFields(fs, a.Priority, b.Priority)
	fs.set("journey", texts(a.Journey), texts(b.Journey), nil, nil)
	fs.itemSources("journey", a.Journey, b.Journey)
	fs.set("channels.informing", a.Channels.Informing, b.Channels.Informing, nil, nil)
	fs.set("channels.service", a.Channels.Service, b.Channels.Service, nil, nil)
	fs.set("pains", texts(a.Pains), texts(b.Pains), nil, nil)
	fs.itemSources("pains", a.Pains, b.Pains)
	hypothesisFields(fs, a.Hypotheses, b.Hypotheses)
	fs.set("sources", a.Sources, b.Sources, nil, nil)
	fs.set("history", historyTexts(a.History), historyTexts(b.History), nil, nil)
	fs.text("notes", a.Notes, b.Notes, nil)
	return fs.out
}

// enumText reads an enum value by its name, or as written when it is not a known value.
func enumText(name i18n.Text, raw string) i18n.Text {
	switch {
	case raw == "":
		return textUnset
	case name.IsZero():
		return i18n.Same(raw)
	}
	return name
}

func attrFields(fs *fields, a, b *model.Profile, wf, wt *world) {
	values := func(av model.AttrValue) []string {
		out := make([]string, len(av.Values))
		for i, v := range av.Values {
			out[i] = v.Text
		}
		return out
	}
	olds := map[string]model.AttrValue{}
	for _, av := range a.Attributes {
		olds[av.Key] = av
	}
	news := map[string]model.AttrValue{}
	for _, av := range b.Attributes {
		news[av.Key] = av
	}
	keys := make([]string, 0, len(b.Attributes)+len(a.Attributes))
	for _, av := range b.Attributes {
		keys = append(keys, av.Key)
	}
	for _, av := range a.Attributes {
		if _, ok := news[av.Key]; !ok {
			keys = append(keys, av.Key)
		}
	}
	for _, k := range keys {
		o, inOld := olds[k]
		n, inNew := news[k]
		title := cmp.Or(wt.attrTitle(b.LifeSituation, k), wf.attrTitle(a.LifeSituation, k), k)
		names := map[int]string{1: title}
		path := "attributes." + k
		ov, nv := values(o), values(n)
		if inOld && inNew && (o.List || n.List || len(ov) > 1 || len(nv) > 1) {
			fs.set(path, ov, nv, names, nil)
			continue
		}
		ot, nt := strings.Join(ov, ", "), strings.Join(nv, ", ")
		if ot != nt || inOld != inNew {
			f := Field{Path: path, Label: label(KindProfile, path, names), Old: strOrNil(ot), New: strOrNil(nt),
				OldText: textOrUnset(ot), NewText: textOrUnset(nt)}
			if !inOld {
				f.Old, f.OldText = nil, textUnset
			}
			if !inNew {
				f.New, f.NewText = nil, textUnset
			}
			fs.out = append(fs.out, f)
		}
	}
}

func paramValue(p model.Param, flag bool) (any, i18n.Text) {
	switch {
	case !p.Set:
		return nil, textUnset
	case flag:
		return p.Bool, boolText(p.Bool)
	}
	return p.Number, numberText(p.Number)
}

func priorityFields(fs *fields, a, b model.Priority) {
	params := []struct {
		name string
		a, b model.Param
		flag bool
	}{
		{"capacity", a.Capacity, b.Capacity, false},
		{"satisfaction", a.Satisfaction, b.Satisfaction, false},
		{"uniqueProblems", a.UniqueProblems, b.UniqueProblems, true},
		{"blindZone", a.BlindZone, b.BlindZone, true},
		{"customerFocus", a.CustomerFocus, b.CustomerFocus, true},
	}
	for _, p := range params {
		base := "priority." + p.name
		ov, ot := paramValue(p.a, p.flag)
		nv, nt := paramValue(p.b, p.flag)
		fs.named(base+".value", ov, nv, ot, nt)
		if p.name == "satisfaction" && (p.a.Set || p.b.Set) && p.a.Scale != p.b.Scale {
			fs.named(base+".scale", p.a.Scale, p.b.Scale, numberText(p.a.Scale), numberText(p.b.Scale))
		}
		fs.text(base+".source", p.a.Source, p.b.Source, nil)
		fs.text(base+".note", p.a.Note, p.b.Note, nil)
	}
}

// hypothesisFields matches hypotheses by their text: a reworded hypothesis is a new one.
func hypothesisFields(fs *fields, a, b []model.Hypothesis) {
	texts := func(hs []model.Hypothesis) []string {
		out := make([]string, len(hs))
		for i, h := range hs {
			out[i] = h.Text
		}
		return out
	}
	fs.set("hypotheses", texts(a), texts(b), nil, nil)
	old := map[string]model.Hypothesis{}
	for _, h := range a {
		old[h.Text] = h
	}
	for _, h := range b {
		o, ok := old[h.Text]
		if !ok {
			continue
		}
		if o.Status != h.Status {
			fs.named("hypotheses.status", strOrNil(string(o.Status)), strOrNil(string(h.Status)),
				enumText(o.Status.Name(), string(o.Status)), enumText(h.Status.Name(), string(h.Status)))
			fs.out[len(fs.out)-1].Item = h.Text
		}
		fs.item("hypotheses.evidence", h.Text, o.Evidence, h.Evidence)
		fs.item("hypotheses.source", h.Text, o.Source, h.Source)
	}
}

func historyTexts(hs []model.HistoryEntry) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		s := h.Date + " — " + h.Change
		if h.Basis != "" {
			s += " (" + h.Basis + ")"
		}
		out[i] = s
	}
	return out
}

func lsFields(a, b *model.LifeSituation) []Field {
	fs := &fields{kind: KindLS}
	fs.text("title", a.Title, b.Title, nil)
	fs.text("description", a.Description, b.Description, nil)
	fs.text("owner", a.Owner, b.Owner, nil)
	fs.set("statuses", statusStrings(a.Statuses), statusStrings(b.Statuses), nil, statusText)
	// Services and attributes are matched by id: a reordered catalogue is no change.
	svcIDs := func(l []model.Service) []string {
		out := make([]string, len(l))
		for i, s := range l {
			out[i] = s.ID
		}
		return out
	}
	svcTitle := map[string]string{}
	for _, s := range append(slices.Clone(a.Services), b.Services...) {
		svcTitle[s.ID] = s.Title
	}
	fs.set("services", svcIDs(a.Services), svcIDs(b.Services), nil, func(id string) i18n.Text { return i18n.Same(titled(svcTitle[id], id)) })
	oldSvc := map[string]model.Service{}
	for _, s := range a.Services {
		oldSvc[s.ID] = s
	}
	for _, s := range b.Services {
		o, ok := oldSvc[s.ID]
		if !ok {
			continue
		}
		names := map[int]string{1: titled(s.Title, s.ID)}
		fs.text("services."+s.ID+".title", o.Title, s.Title, names)
		if o.Type != s.Type {
			fs.out = append(fs.out, Field{Path: "services." + s.ID + ".type", Label: label(KindLS, "services."+s.ID+".type", names),
				Old: strOrNil(string(o.Type)), New: strOrNil(string(s.Type)),
				OldText: enumText(o.Type.Name(), string(o.Type)), NewText: enumText(s.Type.Name(), string(s.Type))})
		}
		fs.text("services."+s.ID+".description", o.Description, s.Description, names)
	}
	attrIDs := func(l []model.Attribute) []string {
		out := make([]string, len(l))
		for i, x := range l {
			out[i] = x.ID
		}
		return out
	}
	attrTitle := map[string]string{}
	for _, x := range append(slices.Clone(a.Attributes), b.Attributes...) {
		attrTitle[x.ID] = x.Title
	}
	fs.set("attributes", attrIDs(a.Attributes), attrIDs(b.Attributes), nil, func(id string) i18n.Text { return i18n.Same(titled(attrTitle[id], id)) })
	for _, n := range b.Attributes {
		o := a.Attribute(n.ID)
		if o == nil {
			continue
		}
		names := map[int]string{1: titled(n.Title, n.ID)}
		p := "attributes." + n.ID + "."
		fs.text(p+"title", o.Title, n.Title, names)
		fs.text(p+"description", o.Description, n.Description, names)
		fs.set(p+"statuses", statusStrings(o.Statuses), statusStrings(n.Statuses), names, statusText)
		fs.text(p+"type", string(o.Type), string(n.Type), names)
		fs.text(p+"unit", o.Unit, n.Unit, names)
		fs.set(p+"values", o.Values, n.Values, names, nil)
		fs.text(p+"catalog", o.Catalog, n.Catalog, names)
		fs.set(p+"sources", o.Sources, n.Sources, names, nil)
	}
	return fs.out
}

func titled(title, id string) string {
	if title == "" {
		return id
	}
	return title
}

func statusStrings(ss []model.Status) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = string(s)
	}
	return out
}
