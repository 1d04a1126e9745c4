package diff

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/profiler-cx/profiler/internal/corpus"
	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/workspace"
	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

func profileDoc(path, id, ls string) *Doc {
	return &Doc{Path: path, OID: path + id, Decoded: workspace.Decoded{Kind: model.KindProfile,
		Profile: &model.Profile{ID: id, LifeSituation: ls, Title: id, Status: model.Citizen, Stage: model.StageSegment}}}
}

func TestMatch(t *testing.T) {
	broken := &Doc{Path: "ls/profiles/b.yaml", Decoded: workspace.Decoded{Kind: model.KindProfile,
		Problem: finding.Finding{Rule: load.RuleSyntax}}}
	noID := profileDoc("x.yaml", "", "ls")
	from := []*Doc{
		profileDoc("ls/profiles/a.yaml", "a", "ls"),
		profileDoc("ls/profiles/b.yaml", "b", "ls"),
		profileDoc("ls/profiles/gone.yaml", "gone", "ls"),
		profileDoc("ls/profiles/d1.yaml", "dup", "ls"),
		profileDoc("ls/profiles/d2.yaml", "dup", "ls"),
		noID,
	}
	to := []*Doc{
		profileDoc("elsewhere/a.yaml", "a", "ls"), // moved: one entity, not removed + added
		broken, // unreadable: paired with what was at its path
		profileDoc("ls/profiles/new.yaml", "new", "ls"),
		profileDoc("ls/profiles/d2.yaml", "dup", "ls"), // duplicates pair by path first
		profileDoc("ls/profiles/d3.yaml", "dup", "ls"),
		profileDoc("x.yaml", "", "ls"),
	}
	got := map[string]string{}
	for _, p := range match(from, to) {
		o, n := "-", "-"
		if p.old != nil {
			o = p.old.Path
		}
		if p.new != nil {
			n = p.new.Path
		}
		if _, dup := got[o+" "+n]; dup {
			t.Fatalf("pair %s %s twice", o, n)
		}
		got[o+" "+n] = ""
	}
	want := []string{
		"ls/profiles/a.yaml elsewhere/a.yaml",
		"ls/profiles/b.yaml ls/profiles/b.yaml",
		"ls/profiles/gone.yaml -",
		"- ls/profiles/new.yaml",
		"ls/profiles/d2.yaml ls/profiles/d2.yaml",
		"ls/profiles/d1.yaml ls/profiles/d3.yaml",
		"x.yaml x.yaml",
	}
	if len(got) != len(want) {
		t.Errorf("got %d pairs %v, want %d", len(got), got, len(want))
	}
	for _, w := range want {
		if _, ok := got[w]; !ok {
			t.Errorf("missing pair %q; got %v", w, got)
		}
	}
}

func TestSetDiff(t *testing.T) {
	for _, c := range []struct {
		old, new       []string
		added, removed []string
	}{
		{[]string{"a", "b"}, []string{"b", "a"}, nil, nil}, // order does not matter
		{[]string{"a", "a", "b"}, []string{"b", "a"}, nil, nil},
		{[]string{"a"}, []string{"a", "c", "c", "b"}, []string{"c", "b"}, nil},
		{[]string{"x", "y", "x"}, nil, nil, []string{"x", "y"}},
		{nil, nil, nil, nil},
	} {
		a, r := setDiff(c.old, c.new)
		if !slices.Equal(a, c.added) || !slices.Equal(r, c.removed) {
			t.Errorf("setDiff(%q, %q) = %q, %q; want %q, %q", c.old, c.new, a, r, c.added, c.removed)
		}
	}
}

func TestListFieldsAsSets(t *testing.T) {
	a := &model.Profile{ID: "p", Journey: []model.Item{{Text: "один"}, {Text: "два", Source: "опрос"}},
		Channels: model.Channels{Service: []string{"ЕПГУ", "МФЦ"}}, Sources: []string{"s1", "s2"}}
	b := &model.Profile{ID: "p", Journey: []model.Item{{Text: "два", Source: "интервью"}, {Text: "один"}},
		Channels: model.Channels{Service: []string{"МФЦ", "ЕПГУ", "Почта"}}, Sources: []string{"s2", "s1"}}
	w := &world{ls: map[string]*model.LifeSituation{}, quadrants: map[*model.Profile]int{}}
	fs := profileFields(a, b, w, w)
	var paths []string
	for _, f := range fs {
		paths = append(paths, f.Path)
	}
	if !slices.Equal(paths, []string{"journey.source", "channels.service"}) {
		t.Fatalf("fields %q", paths)
	}
	if f := fs[1]; !f.Set || !slices.Equal(f.Added, []string{"Почта"}) || len(f.Removed) != 0 {
		t.Errorf("channels.service: %+v", f)
	}
	if f := fs[0]; f.Item != "два" || f.Old != "опрос" || f.New != "интервью" {
		t.Errorf("journey.source: %+v", f)
	}
}

func TestWordDiff(t *testing.T) {
	ops := wordDiff("Сегмент выделен по данным ведомства", "Сегмент выделен  по данным опроса\nи ведомства")
	var b strings.Builder
	for _, op := range ops {
		b.WriteString(string(op.Kind) + op.Text + "|")
	}
	if got, want := b.String(), "=Сегмент выделен по данным|+опроса и|=ведомства|"; got != want {
		t.Errorf("wordDiff = %q, want %q", got, want)
	}
	long := strings.Repeat("слово ", 2000)
	if wordDiff(long, long+"ещё") != nil {
		t.Error("texts over the table bound should be compared as a whole")
	}
}

// TestQuickMatchesDecode holds the line scanner to the YAML parser: wherever it answers,
// it reads the same id, life situation, status and main parameters; on the generated
// corpus it answers for nearly every file (else the speed-up is gone).
func TestQuickMatchesDecode(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Generate(dir, 6, 40, 7); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*", "profiles", "*.yaml"))
	examples, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*", "profiles", "*.yaml"))
	files = append(files, examples...)
	answered := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		q, ok := quickProfile(data)
		if !ok {
			continue
		}
		answered++
		d := workspace.Decode("x/profiles/x.yaml", data, load.Limits{})
		p := d.Profile
		if d.Problem.Rule != "" {
			// A syntax error further down (the corpus has some): the file is the same at
			// both sides, so it is no change either way; only its capacity still counts.
			continue
		}
		if p == nil {
			t.Errorf("%s: the scanner answered, the parser found no profile", f)
			continue
		}
		same := q.ID == p.ID && q.LifeSituation == p.LifeSituation && q.Status == p.Status &&
			q.Priority.Capacity.Set == p.Priority.Capacity.Set && q.Priority.Capacity.Number == p.Priority.Capacity.Number &&
			q.Priority.Satisfaction.Set == p.Priority.Satisfaction.Set && q.Priority.Satisfaction.Number == p.Priority.Satisfaction.Number &&
			(!p.Priority.Satisfaction.Set || q.Priority.Satisfaction.Scale == p.Priority.Satisfaction.Scale)
		if !same {
			t.Errorf("%s: scanner %+v %+v, parser %+v %+v", f, *q, q.Priority, p.ID, p.Priority)
		}
	}
	if answered < len(files)*9/10 {
		t.Errorf("the scanner answered for %d of %d files", answered, len(files))
	}
	head := "apiVersion: profiler/v1\nkind: Profile\nid: p\nlifeSituation: ls\nstatus: citizen\n"
	for _, decline := range []string{
		head + "priority: {capacity: {value: 1}}\n",
		head + "priority:\n  capacity:\n    value: 1_000\n",
		head + "priority:\n  capacity:\n    value: \"12\"\n",
		head + "priority:\n  capacity: &c {value: 1}\n",
		head + "priority:\n\tcapacity:\n",
		head + "status: business\n",
		"---\n" + head,
		strings.Replace(head, "id: p", "id: !!str p", 1),
		strings.Replace(head, "kind: Profile", "kind: LifeSituation", 1),
	} {
		if _, ok := quickProfile([]byte(decline)); ok {
			t.Errorf("the scanner should leave this to the parser:\n%s", decline)
		}
	}
	p, ok := quickProfile([]byte(head + "priority:\n  capacity: {value: 12000, source: опрос}\n  satisfaction:\n    value: 3.5 # по опросу\n    source: >-\n      value: 1\n    scale: 10\n"))
	if !ok || p.Priority.Capacity.Number != 12000 || p.Priority.Satisfaction.Number != 3.5 || p.Priority.Satisfaction.Scale != 10 {
		t.Errorf("flow and block parameters: %v %+v", ok, p)
	}
}

// sample is a result with every kind of field and event.
func sample() *Result {
	ls := &model.LifeSituation{ID: "vuz", Title: "Поступление в вуз", Statuses: []model.Status{model.Citizen},
		Attributes: []model.Attribute{{ID: "form", Title: "Форма обучения", Statuses: []model.Status{model.Citizen}, Values: []string{"очная", "заочная", "очно-заочная"}}}}
	ls2 := &model.LifeSituation{ID: "vuz", Title: "Поступление в вуз", Statuses: []model.Status{model.Citizen},
		Attributes: []model.Attribute{{ID: "form", Title: "Форма обучения", Statuses: []model.Status{model.Citizen}, Values: []string{"очная", "заочная"}}}}
	old := &model.Profile{ID: "p", LifeSituation: "vuz", Title: "Студент <b>*x*</b>", Status: model.Citizen, Stage: model.StageHypothesis,
		Priority:   model.Priority{Capacity: model.Param{Set: true, Number: 100}, Satisfaction: model.Param{Set: true, Number: 4, Scale: 5}},
		Hypotheses: []model.Hypothesis{{Text: "ЕПГУ чаще", Status: model.HypothesisOpen}},
		Notes:      "Сегмент выделен по данным приемной комиссии о месте проживания поступающих; следующий шаг — интервью."}
	nw := *old
	nw.Stage = model.StageRefined
	nw.Priority.Capacity.Number = 10
	nw.Hypotheses = []model.Hypothesis{{Text: "ЕПГУ чаще", Status: model.HypothesisConfirmed, Evidence: "опрос"}}
	nw.Notes = "Сегмент выделен по данным приемной комиссии о месте проживания поступающих; следующий шаг — опрос."
	other := &model.Profile{ID: "q", LifeSituation: "vuz", Title: "Заочник", Status: model.Citizen, Stage: model.StageSegment,
		Attributes: []model.AttrValue{{Key: "form", Values: []model.Scalar{{Text: "очно-заочная"}}}},
		Priority:   model.Priority{Capacity: model.Param{Set: true, Number: 50}, Satisfaction: model.Param{Set: true, Number: 1, Scale: 5}}}
	lsDoc := func(l *model.LifeSituation, oid string) *Doc {
		return &Doc{Path: "vuz/life-situation.yaml", OID: oid, Decoded: workspace.Decoded{Kind: model.KindLifeSituation, LS: l}}
	}
	pDoc := func(p *model.Profile, path, oid string) *Doc {
		return &Doc{Path: path, OID: oid, Decoded: workspace.Decoded{Kind: model.KindProfile, Profile: p}}
	}
	from := &Side{Name: "main", Docs: []*Doc{lsDoc(ls, "1"), pDoc(old, "vuz/profiles/p.yaml", "2"), pDoc(other, "vuz/profiles/q.yaml", "3")}}
	to := &Side{Name: WorkTree, Docs: []*Doc{lsDoc(ls2, "4"), pDoc(&nw, "vuz/profiles/p.yaml", "5"), pDoc(other, "vuz/profiles/q.yaml", "3")}}
	return Compare(from, to)
}

func TestCompareEvents(t *testing.T) {
	r := sample()
	rules := map[string][]string{}
	for _, c := range r.Changes {
		for _, e := range c.Events {
			rules[c.ID] = append(rules[c.ID], e.Rule)
		}
	}
	if want := []string{EventStageChanged, EventHypothesisChanged, EventPriorityChanged}; !slices.Equal(rules["p"], want) {
		t.Errorf("events of p: %q, want %q", rules["p"], want)
	}
	if want := []string{EventProfileSuspect}; !slices.Equal(rules["q"], want) {
		t.Errorf("events of q: %q, want %q", rules["q"], want)
	}
	var prio string
	for _, c := range r.Changes {
		for _, e := range c.Events {
			if e.Rule == EventPriorityChanged {
				prio = e.Message.RU
			}
		}
	}
	// 100 of max 100 (right) → 10 of max 50 (left); satisfaction 4/5 (top) both times.
	if !strings.Contains(prio, "«Крупные, довольны» → «Небольшие, довольны»") {
		t.Errorf("priority-changed should name the quadrant move: %s", prio)
	}
	if r.Summary.Suspect != 1 || r.Summary.Profiles.Modified != 1 || r.Summary.LifeSituations.Modified != 1 {
		t.Errorf("summary %+v", r.Summary)
	}
}

func TestJSONShape(t *testing.T) {
	b, err := JSON(sample(), i18n.EN)
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		From, To string
		Summary  map[string]map[string]int
		Changes  []map[string]any
	}
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	if v.From != "main" || v.To != "worktree" || len(v.Summary["profiles"]) != 4 || len(v.Summary["lifeSituations"]) != 3 {
		t.Errorf("head: %+v", v)
	}
	for _, c := range v.Changes {
		for _, k := range []string{"kind", "id", "lifeSituation", "title", "change", "file", "oldFile", "fields", "events"} {
			if _, ok := c[k]; !ok {
				t.Errorf("change %v lacks %q", c["id"], k)
			}
		}
		for _, f := range c["fields"].([]any) {
			m := f.(map[string]any)
			_, old := m["old"]
			_, added := m["added"]
			if old == added {
				t.Errorf("field %v must have old/new or added/removed", m)
			}
		}
	}
	if !strings.Contains(string(b), `"path": "priority.capacity.value",`+"\n"+`          "old": 100,`) {
		t.Errorf("numbers stay numbers:\n%s", b)
	}
}

func TestTextColour(t *testing.T) {
	r := sample()
	r.Changes[0].Title = "ЖС\x1b]0;title\x07"
	var plain, colour strings.Builder
	if err := Text(&plain, r, TextOptions{Lang: i18n.RU}); err != nil {
		t.Fatal(err)
	}
	if err := Text(&colour, r, TextOptions{Lang: i18n.RU, Color: true}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), "\x1b") {
		t.Error("no colour asked, escape sequences written")
	}
	if !strings.Contains(colour.String(), "\x1b[32m") || strings.Count(colour.String(), "\x1b]") > 0 {
		t.Error("colour asked: green for additions, and a title's own escape sequence made harmless")
	}
	if !strings.Contains(plain.String(), "[-интервью.-] {+опрос.+}") {
		t.Errorf("long texts word by word:\n%s", plain.String())
	}
}

// mdParse parses GFM and counts the <details> blocks GitHub would render.
func mdParse(t *testing.T, md string) int {
	t.Helper()
	src := []byte(md)
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(src))
	n := 0
	_ = gast.Walk(doc, func(node gast.Node, entering bool) (gast.WalkStatus, error) {
		if hb, ok := node.(*gast.HTMLBlock); entering && ok {
			line := hb.Lines().At(0)
			if strings.HasPrefix(string(line.Value(src)), "<details>") {
				n++
			}
		}
		return gast.WalkContinue, nil
	})
	return n
}

func TestMarkdown(t *testing.T) {
	r := sample()
	md := Markdown(r, i18n.RU, 0)
	if !strings.HasPrefix(md, marker+"\n**profiler diff** main → рабочая копия: Профили — изменено: 1; ЖС — изменено: 1; профилей требуют проверки: 1.\n") {
		t.Errorf("verdict line:\n%s", md)
	}
	if got := mdParse(t, md); got != len(r.Changes) {
		t.Errorf("%d <details> blocks, want %d:\n%s", got, len(r.Changes), md)
	}
	if !strings.Contains(md, "Студент &lt;b&gt;*x*&lt;/b&gt;") {
		t.Errorf("titles are escaped in <summary>:\n%s", md)
	}
	// Many large sections: cut under the limit, whole sections only, with a note.
	big := &Result{From: "a", To: "b"}
	for i := range 300 {
		big.Changes = append(big.Changes, &Change{Kind: KindProfile, ID: "p", Title: strings.Repeat("Ж", 100), Change: Modified,
			File: "f.yaml", OldFile: "f.yaml", Fields: []Field{{Path: "notes", Label: i18n.Same("N"), Old: "a", New: "b",
				OldText: i18n.Same(strings.Repeat("старый ", 40)), NewText: i18n.Same(strings.Repeat("новый ", 40+i%3))}}})
	}
	big.Summary.Profiles.Modified = 300
	md = Markdown(big, i18n.EN, 0)
	if n := utf8.RuneCountInString(md); n > markdownLimit {
		t.Errorf("%d characters, over %d", n, markdownLimit)
	}
	shown := mdParse(t, md)
	if shown == 0 || shown == 300 || !strings.Contains(md, "sections are not shown") || strings.Count(md, "</details>") != shown {
		t.Errorf("cut at whole sections with a note: %d shown", shown)
	}
}
