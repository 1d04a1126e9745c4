package cli

import (
	"bytes"
	"errors"
	"testing"

	"github.com/profiler-cx/profiler/internal/i18n"
)

// TestRenderFlags checks flag parsing alone: the run function only records the options.
func TestRenderFlags(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		want    renderOptions
		wantErr bool
	}{
		{args: nil, want: renderOptions{Out: DefaultRenderOut}},
		{args: []string{"a", "b", "--out", "x", "--check"}, want: renderOptions{Paths: []string{"a", "b"}, Out: "x", Check: true}},
		{args: []string{"-o", "-", "p.yaml"}, want: renderOptions{Paths: []string{"p.yaml"}, Out: "-"}},
		{args: []string{"--templates", "t"}, want: renderOptions{Out: DefaultRenderOut, Templates: "t"}},
		{args: []string{"--out", "-", "--check"}, wantErr: true},
		{args: []string{"--out", ""}, wantErr: true},
	} {
		var got *renderOptions
		e := &env{ios: IOStreams{Out: &bytes.Buffer{}, ErrOut: &bytes.Buffer{}}, lang: i18n.EN}
		cmd := newRenderCmd(e, func(o *renderOptions) error { got = o; return nil })
		cmd.SetArgs(tc.args)
		cmd.SetOut(&bytes.Buffer{})
		cmd.SetErr(&bytes.Buffer{})
		err := cmd.Execute()
		var ue *usageError
		if tc.wantErr {
			if !errors.As(err, &ue) {
				t.Errorf("%v: err = %v, want a usage error", tc.args, err)
			}
			continue
		}
		if err != nil || got == nil {
			t.Fatalf("%v: err = %v", tc.args, err)
		}
		if got.Out != tc.want.Out || got.Check != tc.want.Check || got.Templates != tc.want.Templates || len(got.Paths) != len(tc.want.Paths) {
			t.Errorf("%v: options = %+v, want %+v", tc.args, *got, tc.want)
		}
	}
}
