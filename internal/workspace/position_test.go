package workspace_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/profiler-cx/profiler/internal/testws"
)

const posLS = `apiVersion: profiler/v1
kind: LifeSituation
id: vuz
title: Поступление в вуз
statuses: [citizen]
attributes:
  - {id: sex, title: Пол, statuses: [citizen], type: enum, values: [мужской, женский]}
  - {id: age, title: Возраст, statuses: [citizen], type: range, values: ["18-25", "26-35"]}
`

// profile builds a profile: a fixed head (lines 1-6), `stage: <stage>` on line 7, then the
// given lines from line 8, then a complete priority.
func profile(stage string, lines ...string) string {
	head := "apiVersion: profiler/v1\nkind: Profile\nid: p\nlifeSituation: vuz\ntitle: Студент\nstatus: citizen\nstage: " + stage + "\n"
	return head + strings.Join(lines, "\n") + "\npriority: {capacity: {value: 1}, satisfaction: {value: 1}}\n"
}

// TestPositions asserts the exact file:line:column of every kind of finding. Cyrillic text
// before the error on the same line proves that columns count characters, not bytes.
func TestPositions(t *testing.T) {
	const pf = "vuz/profiles/p.yaml"
	cases := []struct {
		name    string
		profile string
		want    []string // file:line:col rule
	}{
		{"bad value at the value", profile("segment", "attributes: {sex: мужской}", "journey: [Пытается минимизировать, 42]"),
			[]string{pf + ":9:36 schema-type"}},
		{"unknown key at the key", profile("segment", "attributes: {sex: мужской}", "pains: [{text: Долго, источник: Опрос}]"),
			[]string{pf + ":9:23 schema-unknown-key"}},
		{"missing key at its parent object", profile("segment", "attributes: {sex: мужской}", "pains: [Очередь, {source: Опрос}]"),
			[]string{pf + ":9:18 schema-required"}},
		{"duplicate key at the second key", profile("segment", "attributes: {sex: мужской, sex: женский}"),
			[]string{pf + ":8:28 yaml-duplicate-key"}},
		{"unresolved life situation at the value", strings.Replace(profile("segment", "attributes: {sex: мужской}"), "lifeSituation: vuz", "lifeSituation: vus", 1),
			[]string{pf + ":4:16 ls-unresolved"}},
		{"undeclared attribute at the key", profile("segment", "attributes: {sex: мужской, возраст: 20}"),
			[]string{pf + ":8:28 attribute-undeclared"}},
		{"bad attribute value at the value", profile("segment", "attributes: {sex: мужской, age: 17}"),
			[]string{pf + ":8:33 attribute-value"}},
		{"bad value inside a list", profile("segment", "attributes: {sex: [мужской, мужчина]}"),
			[]string{pf + ":8:29 attribute-value"}},
		{"bad value in a block list", profile("segment", "attributes:", "  sex:", "    - мужской", "    - мужчина"),
			[]string{pf + ":11:7 attribute-value"}},
		{"stage gate at stage", profile("hypothesis", "attributes: {sex: мужской}", "channels: {service: [ЕПГУ]}"),
			[]string{pf + ":7:8 stage-gate"}},
		{"two findings on one line, in column order", profile("segment", "attributes: {sex: мужчина, age: 99}"),
			[]string{pf + ":8:19 attribute-value", pf + ":8:33 attribute-value"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := testws.Write(t, map[string]string{"vuz/life-situation.yaml": posLS, pf: tc.profile})
			res := testws.Check(t, dir)
			var got []string
			for _, f := range res.Findings {
				got = append(got, f.File+":"+strconv.Itoa(f.Line)+":"+strconv.Itoa(f.Column)+" "+f.Rule)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got  %q\nwant %q\n%s", got, tc.want, testws.Format(res.Findings))
			}
		})
	}
}
