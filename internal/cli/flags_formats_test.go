package cli

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/profiler-cx/profiler/internal/i18n"
)

func testEnv() *env {
	return &env{ios: IOStreams{In: strings.NewReader(""), Out: io.Discard, ErrOut: io.Discard}, lang: i18n.EN}
}

func TestListFlags(t *testing.T) {
	tests := []struct {
		args    []string
		want    listOptions
		wantErr bool
	}{
		{args: nil, want: listOptions{Format: "table"}},
		{args: []string{"a", "b"}, want: listOptions{Paths: []string{"a", "b"}, Format: "table"}},
		{args: []string{"-f", "json"}, want: listOptions{Format: "json"}},
		{args: []string{"--excel"}, want: listOptions{Format: "csv", Excel: true}},
		{args: []string{"--excel", "--format", "csv"}, want: listOptions{Format: "csv", Excel: true}},
		{args: []string{"--excel", "--format", "table"}, wantErr: true},
		{args: []string{"--format", "xlsx"}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var got *listOptions
			cmd := newListCmd(testEnv(), func(o *listOptions) error { got = o; return nil })
			cmd.SetArgs(tt.args)
			cmd.SetOut(io.Discard)
			cmd.SetErr(io.Discard)
			err := cmd.Execute()
			var ue *usageError
			if tt.wantErr {
				if !errors.As(err, &ue) {
					t.Fatalf("err = %v, want a usage error", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(got.Paths, ",") != strings.Join(tt.want.Paths, ",") || got.Format != tt.want.Format || got.Excel != tt.want.Excel {
				t.Errorf("got %+v, want %+v", *got, tt.want)
			}
		})
	}
}

func TestSchemaFlags(t *testing.T) {
	tests := []struct {
		args    []string
		want    schemaOptions
		wantErr bool
	}{
		{args: nil, want: schemaOptions{}},
		{args: []string{"profile"}, want: schemaOptions{Name: "profile"}},
		{args: []string{"--out", "d", "--force", "-q"}, want: schemaOptions{Out: "d", Force: true, env: env{quiet: true}}},
		{args: []string{"--force"}, wantErr: true},
		{args: []string{"a", "b"}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var got *schemaOptions
			cmd := newSchemaCmd(testEnv(), func(o *schemaOptions) error { got = o; return nil })
			cmd.SetArgs(tt.args)
			cmd.SetOut(io.Discard)
			cmd.SetErr(io.Discard)
			err := cmd.Execute()
			if tt.wantErr {
				if err == nil {
					t.Fatal("no error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Name != tt.want.Name || got.Out != tt.want.Out || got.Force != tt.want.Force || got.quiet != tt.want.quiet {
				t.Errorf("got %+v, want %+v", *got, tt.want)
			}
		})
	}
}

func TestValidateOutputFlag(t *testing.T) {
	for _, args := range [][]string{{"--output", "r.sarif", "-f", "sarif"}, {"-o", "r.sarif", "--format=sarif"}} {
		var got *validateOptions
		cmd := newValidateCmd(testEnv(), func(o *validateOptions) error { got = o; return nil })
		cmd.SetArgs(args)
		if err := cmd.Execute(); err != nil {
			t.Fatal(err)
		}
		if got.Output != "r.sarif" || got.Format != "sarif" {
			t.Errorf("%v: got %+v", args, *got)
		}
	}
}

// TestSchemaPrintIsExact: `schema NAME` prints the embedded bytes unchanged (editors and
// diff tools compare them), and the list names every schema.
func TestSchemaPrintIsExact(t *testing.T) {
	var out bytes.Buffer
	e := testEnv()
	e.ios.Out = &out
	if err := schemaRun(&schemaOptions{env: *e, Name: "profile"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out.Bytes(), []byte("{")) || !bytes.HasSuffix(out.Bytes(), []byte("}\n")) {
		t.Errorf("not the schema file: %.80q…", out.String())
	}
}
