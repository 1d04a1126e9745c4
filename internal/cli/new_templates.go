package cli

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/profiler-cx/profiler/internal/scaffold"
	"github.com/spf13/cobra"
)

// newTemplatesOptions are the parsed flags of `profiler new templates`.
type newTemplatesOptions struct {
	env
	Dir   string
	Force bool
}

// newTemplatesCmd writes the built-in templates out, so that a team can change them and
// pass the folder to init and new profile with --templates.
func newNewTemplatesCmd(e *env, runF func(*newTemplatesOptions) error) *cobra.Command {
	opts := &newTemplatesOptions{env: *e}
	cmd := &cobra.Command{
		Use:   e.t("templates [ПАПКА]", "templates [DIR]"),
		Short: e.t("выгрузить встроенные шаблоны, чтобы команда завела свои (--templates)", "write out the built-in templates for a team to adapt (--templates)"),
		Long: e.t(`Записывает встроенные шаблоны init и new profile в ПАПКУ (по умолчанию .profiler/templates):
ru/ и en/ — life-situation.yaml.tmpl, attributes-<статус>.yaml.tmpl (стандартные признаки статуса),
profile.yaml.tmpl. Измените нужные, лишние удалите (их заменят встроенные) и передавайте папку
флагом --templates. Шаблоны — text/template; в attributes-*.yaml.tmpl {{id "age"}} делает id
признака уникальным, если два статуса приносят одинаковый. Существующие файлы не перезаписываются
без --force.`,
			`Writes the built-in templates of init and new profile into DIR (default .profiler/templates):
ru/ and en/ — life-situation.yaml.tmpl, attributes-<status>.yaml.tmpl (a status's standard
attributes), profile.yaml.tmpl. Change what you need, delete the rest (the built-in ones fill in)
and pass the folder with --templates. Templates are text/template; in attributes-*.yaml.tmpl
{{id "age"}} keeps an attribute id unique when two statuses bring the same one. Existing files are
not overwritten without --force.`),
		Example: `  profiler new templates
  profiler init --title "Наем сотрудников" --status business --templates .profiler/templates`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = filepath.Join(".profiler", "templates")
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return newTemplatesRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Force, "force", false, e.t("перезаписать существующие файлы", "overwrite existing files"))
	cmd.Flags().BoolVarP(&opts.quiet, "quiet", "q", false, e.t("не сообщать о записанных файлах и следующих шагах", "do not report the files written and the next steps"))
	return cmd
}

func newTemplatesRun(opts *newTemplatesOptions) error {
	e := &opts.env
	// Every name is checked before the first write: stopping at the ninth file would leave
	// a half-written set and suggest --force, which replaces a team's customised one.
	var existing []string
	for _, name := range scaffold.TemplateFiles() {
		p := filepath.Join(opts.Dir, filepath.FromSlash(name))
		if _, err := os.Lstat(p); err == nil {
			existing = append(existing, displayPath(p))
		}
	}
	if len(existing) > 0 && !opts.Force {
		return ioErr("шаблоны уже есть: %s — ничего не записано; эти файлы могли изменить под себя: выберите другую папку (profiler new templates ПАПКА) или, чтобы заменить их встроенными, добавьте --force",
			"templates already exist: %s — nothing was written; they may have been customised: choose another folder (profiler new templates FOLDER) or, to replace them with the built-in ones, add --force",
			strings.Join(existing, ", "))
	}
	for _, name := range scaffold.TemplateFiles() {
		data, err := scaffold.EmbeddedTemplate(name)
		if err != nil {
			return ioErr("шаблон %s: %v", "template %s: %v", name, err)
		}
		p := filepath.Join(opts.Dir, filepath.FromSlash(name))
		if err := e.writeNew(p, data, opts.Force); err != nil {
			return err
		}
	}
	return nil
}
