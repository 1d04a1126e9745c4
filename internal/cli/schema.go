package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/profiler-cx/profiler/internal/scaffold"
	"github.com/profiler-cx/profiler/schemas"
	"github.com/spf13/cobra"
)

// schemaOptions are the parsed flags of `profiler schema`.
type schemaOptions struct {
	env
	Name  string
	Out   string
	Force bool
}

func newSchemaCmd(e *env, runF func(*schemaOptions) error) *cobra.Command {
	opts := &schemaOptions{env: *e}
	cmd := &cobra.Command{
		Use:   e.t("schema [ИМЯ]", "schema [NAME]"),
		Short: e.t("показать или выгрузить JSON-схемы формата", "print or export the format's JSON Schemas"),
		Long: e.t(`Без ИМЕНИ печатает список встроенных JSON-схем; с ИМЕНЕМ (profile, life-situation, defs —
с суффиксом .schema.json или без) печатает схему в stdout. --out ПАПКА записывает в папку все схемы
(или названную вместе с defs.schema.json, на которую она ссылается) — например, для редактора
(модстрока "# yaml-language-server: $schema=…"). Файл с другим содержимым не перезаписывается без --force.

Коды выхода: 0 — успех, 2 — неизвестное имя, файл уже есть и отличается, ошибка записи.`,
			`Without NAME prints the list of embedded JSON Schemas; with NAME (profile, life-situation, defs,
with or without the .schema.json suffix) prints that schema to stdout. --out DIR writes every schema
(or the named one together with defs.schema.json, which it references) into DIR — e.g. for an editor
(modeline "# yaml-language-server: $schema=…"). A file with different content is not overwritten
without --force.

Exit codes: 0 success, 2 unknown name, an existing different file, or a write error.`),
		Example: `  profiler schema
  profiler schema profile > profile.schema.json
  profiler schema --out .profiler/schemas`,
		Args: cobra.MaximumNArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			var names []string
			for _, n := range schemas.Names() {
				names = append(names, strings.TrimSuffix(n, ".schema.json"))
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Name = args[0]
			}
			if opts.Force && opts.Out == "" {
				return usageErr("--force имеет смысл только с --out", "--force needs --out")
			}
			if runF != nil {
				return runF(opts)
			}
			return schemaRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Out, "out", "", e.t("записать схемы в эту папку", "write the schemas into this folder"))
	f.BoolVar(&opts.Force, "force", false, e.t("перезаписывать файлы с другим содержимым", "overwrite files with different content"))
	f.BoolVarP(&opts.quiet, "quiet", "q", false, e.t("не сообщать о записанных файлах", "do not list the files written"))
	return cmd
}

func schemaRun(opts *schemaOptions) error {
	names := schemas.Names()
	if opts.Name != "" {
		name := opts.Name
		if !strings.HasSuffix(name, ".schema.json") {
			name += ".schema.json"
		}
		if _, ok := schemas.Bytes(name); !ok {
			return usageErr("неизвестная схема %q; есть: %s", "unknown schema %q; there are: %s", opts.Name, strings.Join(names, ", "))
		}
		names = []string{name}
		if name != schemas.Defs && opts.Out != "" {
			names = append(names, schemas.Defs)
		}
	}
	switch {
	case opts.Out != "":
		return exportSchemaFiles(opts, names)
	case opts.Name != "":
		data, _ := schemas.Bytes(names[0])
		_, err := opts.ios.Out.Write(data)
		return err
	}
	for _, n := range names {
		fmt.Fprintln(opts.ios.Out, n)
	}
	return nil
}

// exportSchemaFiles writes names into opts.Out. Identical files are left alone; a different
// existing file stops the export (nothing written) unless --force.
func exportSchemaFiles(opts *schemaOptions, names []string) error {
	policy := scaffold.FailOnConflict
	if opts.Force {
		policy = scaffold.Overwrite
	}
	files, err := scaffold.ExportSchemas(opts.Out, names, policy, false)
	if err != nil {
		return schemaExportErr(err)
	}
	wrote := false
	for _, f := range files {
		if f.State == scaffold.SchemaCreated || f.State == scaffold.SchemaUpdated {
			wrote = true
			opts.note(opts.t("profiler: записано: ", "profiler: wrote: ") + f.Path)
		}
	}
	if !wrote {
		opts.note(opts.t("profiler: схемы в ", "profiler: schemas in ") + opts.Out + opts.t(" уже актуальны", " are up to date"))
	}
	return nil
}

// schemaExportErr is the message for an error of scaffold.ExportSchemas.
func schemaExportErr(err error) error {
	var ce *scaffold.ConflictError
	var xe *scaffold.ExportError
	switch {
	case errors.As(err, &ce):
		return ioErr("файлы уже есть и отличаются (перезаписать: --force): %s", "files exist and differ (overwrite with --force): %s",
			strings.Join(ce.Paths, ", "))
	case errors.As(err, &xe) && xe.Read:
		return ioErr("не удалось прочитать %s: %v", "cannot read %s: %v", displayPath(xe.Path), xe.Err)
	case errors.As(err, &xe):
		return writeErr(xe.Path, xe.Err)
	}
	return ioErr("%v", "%v", err)
}
