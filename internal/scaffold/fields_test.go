package scaffold

import (
	"errors"
	"strings"
	"testing"
)

func TestSetValues(t *testing.T) {
	v := func(items ...string) *Value { return &Value{Items: items} }
	cases := []struct {
		name, src string
		edits     []Edit
		want      string
	}{
		{"scalar keeps comment", "title: A  # note\nstage: segment\n",
			[]Edit{{Path: []string{"title"}, Value: v("B: c")}}, "title: 'B: c'  # note\nstage: segment\n"},
		{"crlf and bom", "\ufefftitle: A\r\nstage: segment\r\n",
			[]Edit{{Path: []string{"stage"}, Value: v("final")}}, "\ufefftitle: A\r\nstage: final\r\n"},
		{"quoted", "age: \"18-25\"\n",
			[]Edit{{Path: []string{"age"}, Value: &Value{Items: []string{"20"}, Number: true}}}, "age: 20\n"},
		{"in flow mapping", "priority:\n  capacity: {value: 100, source: x}\n",
			[]Edit{{Path: []string{"priority", "capacity", "value"}, Value: &Value{Items: []string{"250"}, Number: true}}},
			"priority:\n  capacity: {value: 250, source: x}\n"},
		{"flow list", "channels:\n  service: [ЕПГУ, Почта]  # c\n",
			[]Edit{{Path: []string{"channels", "service"}, Value: &Value{Items: []string{"ЕПГУ", "a, b"}, List: true, Flow: true}}},
			"channels:\n  service: [ЕПГУ, \"a, b\"]  # c\n"},
		{"block list item by item", "pains:\n  - a  # x\n  - text: b\n    source: s\nnotes: n\n",
			[]Edit{{Path: []string{"pains"}, Value: &Value{Items: []string{"a", "c"}, List: true}}},
			"pains:\n  - a  # x\n  - text: c\n    source: s\nnotes: n\n"},
		{"block list regrown keeps sources", "journey:\n- a\n- text: b\n  source: s\n# tail\nnotes: n\n",
			[]Edit{{Path: []string{"journey"}, Value: &Value{Items: []string{"b", "z", "a"}, List: true, Sources: map[string]string{"b": "s"}}}},
			"journey:\n- text: b\n  source: s\n- z\n- a\n# tail\nnotes: n\n"},
		{"block scalar replaced", "notes: |\n  one\n  two\nid: x\n",
			[]Edit{{Path: []string{"notes"}, Value: v("three")}}, "notes: three\nid: x\n"},
		{"multi-line plain replaced", "title: one\n  two\nid: x\n",
			[]Edit{{Path: []string{"title"}, Value: v("three")}}, "title: three\nid: x\n"},
		{"insert nested at end without newline", "id: x\nattributes:\n  age: 20",
			[]Edit{{Path: []string{"priority", "capacity", "value"}, Value: &Value{Items: []string{"5"}, Number: true}}},
			"id: x\nattributes:\n  age: 20\npriority:\n  capacity:\n    value: 5\n"},
		{"insert into null key", "attributes:  # comment\n  # age: 20\nid: x\n",
			[]Edit{{Path: []string{"attributes", "sex"}, Value: v("мужской")}}, "attributes:  # comment\n  sex: мужской\n  # age: 20\nid: x\n"},
		{"insert after siblings", "attributes:\n  age: 20\n\n# next\nid: x\n",
			[]Edit{{Path: []string{"attributes", "sex"}, Value: v("м")}}, "attributes:\n  age: 20\n  sex: м\n\n# next\nid: x\n"},
		{"delete", "attributes:\n  age: 20\n  sex: м\nid: x\n",
			[]Edit{{Path: []string{"attributes", "age"}}}, "attributes:\n  sex: м\nid: x\n"},
		{"delete absent", "id: x\n", []Edit{{Path: []string{"priority", "capacity"}}}, "id: x\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, _, err := SetValues([]byte(c.src), c.edits)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != c.want {
				t.Fatalf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

func TestSetValuesRefuses(t *testing.T) {
	for name, src := range map[string]string{
		"flow document": "{id: x, title: y}\n",
		"not a mapping": "attributes: [a]\n",
	} {
		_, _, err := SetValues([]byte(src), []Edit{{Path: []string{"attributes", "age"}, Value: &Value{Items: []string{"1"}}}})
		if !errors.Is(err, ErrCannotEdit) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestSetValuesSpans(t *testing.T) {
	src := "title: a\nattributes:\n  age: 20\npains:\n  - x\n"
	_, spans, err := SetValues([]byte(src), []Edit{
		{Path: []string{"pains"}, Value: &Value{Items: []string{"x", "y", "z"}, List: true}},
		{Path: []string{"title"}, Value: &Value{Items: []string{"b"}}},
		{Path: []string{"attributes", "sex"}, Value: &Value{Items: []string{"м"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	// pains moved down one line when sex was inserted above it.
	want := []Span{{5, 8}, {1, 1}, {4, 4}}
	for i := range want {
		if spans[i] != want[i] {
			t.Fatalf("spans %v, want %v", spans, want)
		}
	}
}

func TestAppendItems(t *testing.T) {
	src := "attributes:\n  - id: a\n    title: A\n  # end of the list\nservices: []\n"
	got, spans, rep, err := AppendItems([]byte(src), "attributes", []ListItem{{"id: b", "title: B"}}, map[int]ListItem{0: {"id: a", "title: A2"}})
	if err != nil {
		t.Fatal(err)
	}
	want := "attributes:\n  - id: a\n    title: A2\n  - id: b\n    title: B\n  # end of the list\nservices: []\n"
	if string(got) != want || spans[0] != (Span{4, 5}) || rep[0] != (Span{2, 3}) {
		t.Fatalf("got\n%s\n%v %v", got, spans, rep)
	}
	if _, _, _, err := AppendItems([]byte("attributes: [a]\n"), "attributes", []ListItem{{"id: b"}}, nil); err == nil || !strings.Contains(err.Error(), "block list") {
		t.Fatal(err)
	}
}
