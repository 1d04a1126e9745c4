package cli

import (
	"strings"

	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// env is what one run of a command talks through: the streams, the language, and the
// command's own -q. newRootCmd makes one, read-only, for help texts; each command's
// options embed a copy (opts := &xOptions{env: *e}) that its flags fill in, so the run
// function needs nothing but its options and no run's flags reach another.
type env struct {
	ios   IOStreams
	lang  i18n.Lang
	quiet bool // -q: no success chatter (see note)

	prompter *prompter // asks for what flags left out, on a terminal (see prompt)
}

func (e *env) t(ru, en string) string { return i18n.Text{RU: ru, EN: en}.In(e.lang) }

const usageTemplateRU = `Использование:{{if .Runnable}}
  {{.UseLine | ruUse}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [команда]{{end}}{{if gt (len .Aliases) 0}}

Синонимы:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

Примеры:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

Команды:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Флаги:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces | ruFlags}}{{end}}{{if .HasAvailableInheritedFlags}}

Общие флаги:
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces | ruFlags}}{{end}}{{if .HasAvailableSubCommands}}

Справка по команде: "{{.CommandPath}} [команда] --help".{{end}}
`

func init() {
	// Used only by the Russian usage template: pflag and Cobra write these words themselves.
	cobra.AddTemplateFunc("ruUse", func(s string) string { return strings.Replace(s, " [flags]", " [флаги]", 1) })
	cobra.AddTemplateFunc("ruFlags", func(s string) string { return strings.ReplaceAll(s, "(default ", "(по умолчанию ") })
}

func newRootCmd(ios IOStreams, lang i18n.Lang) *cobra.Command {
	e := &env{ios: ios, lang: lang}
	var langFlag string
	root := &cobra.Command{
		Use:   "profiler",
		Short: e.t("профили клиентских сегментов жизненных ситуаций в git", "client-segment profiles of life situations, kept in git"),
		Long: e.t(`profiler хранит профили клиентских сегментов жизненных ситуаций (ЖС) в YAML рядом с исследованием:
проверяет их по JSON-схемам и правилам методики (признаки → сегментация → гипотеза → уточнение)
и превращает в карточки Markdown.`,
			`profiler keeps client-segment profiles of life situations as YAML next to the research:
it checks them against JSON Schemas and the method's rules (attributes → segmentation →
hypothesis → refinement) and renders them as Markdown cards.`),
		Example: `  profiler validate examples
  profiler validate --format json . > report.json
  profiler --lang en validate examples`,
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(ios.In)
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)
	root.PersistentFlags().StringVar(&langFlag, "lang", string(lang),
		e.t("язык сообщений и карточек: ru или en (также PROFILER_LANG)", "language of messages and cards: ru or en (also PROFILER_LANG)"))
	root.SetVersionTemplate(e.versionText())
	root.InitDefaultVersionFlag()
	root.Flags().Lookup("version").Usage = e.t("показать версию", "print the version")
	root.InitDefaultHelpFlag()
	root.Flags().Lookup("help").Usage = e.t("показать справку", "show help")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &usageError{msg: i18n.Text{RU: translateCobra(err.Error(), i18n.RU), EN: err.Error()}, help: true}
	})
	if lang == i18n.RU {
		root.SetUsageTemplate(usageTemplateRU)
	}
	root.AddCommand(newValidateCmd(e, nil))
	root.AddCommand(newInitCmd(e, nil), newNewCmd(e, nil), newPromoteCmd(e, nil))
	root.AddCommand(newRenderCmd(e, nil))
	root.AddCommand(newServeCmd(e, nil))
	root.AddCommand(newSchemaCmd(e, nil))
	root.AddCommand(newListCmd(e, nil))
	root.AddCommand(newCatalogCmd(e, nil))
	root.AddCommand(newExportCmd(e, nil), newImportCmd(e, nil))
	root.AddCommand(newSegmentsCmd(e, nil))
	root.AddCommand(newDiffCmd(e, nil))
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		localizeBuiltin(e, c)
	}
	registerCompletions(e, root)
	help := &cobra.Command{
		Use:   e.t("help [команда]", "help [command]"),
		Short: e.t("справка по команде", "help about a command"),
		Run: func(c *cobra.Command, args []string) {
			cmd, _, err := root.Find(args)
			if cmd == nil || err != nil {
				cmd = root
			}
			_ = cmd.Help()
		},
	}
	localizeBuiltin(e, help) // its own --help line too: `profiler help help`
	root.SetHelpCommand(help)
	return root
}

// localizeBuiltin translates the Short texts of Cobra's own commands and sets help flag
// texts on every command.
func localizeBuiltin(e *env, c *cobra.Command) {
	if c.Name() == "completion" {
		c.Short = e.t("скрипт автодополнения для оболочки (bash, zsh, fish, powershell)", "generate the autocompletion script for a shell")
		c.Long = e.t("Печатает скрипт автодополнения profiler для указанной оболочки.\nКак подключить его — в справке подкоманды (profiler completion bash --help) и в README.",
			"Prints profiler's autocompletion script for the given shell.\nHow to load it: the subcommand's help (profiler completion bash --help) and the README.")
	}
	if c.HasParent() && c.Parent().Name() == "completion" {
		c.Short = e.t("скрипт автодополнения для ", "generate the autocompletion script for ") + c.Name()
		if e.lang == i18n.RU {
			c.Long = completionLongRU[c.Name()]
		}
		if f := c.Flags().Lookup("no-descriptions"); f != nil {
			f.Usage = e.t("без описаний вариантов", "disable completion descriptions")
		}
	}
	c.InitDefaultHelpFlag()
	if f := c.Flags().Lookup("help"); f != nil {
		f.Usage = e.t("показать справку", "show help")
	}
	for _, sub := range c.Commands() {
		localizeBuiltin(e, sub)
	}
}

// completionLongRU is the Russian help of `completion <shell>`: Cobra writes it in English.
var completionLongRU = map[string]string{
	"bash": `Печатает скрипт автодополнения profiler для bash (нужен пакет bash-completion).
Дополняются команды, флаги и их значения: статусы, этапы, форматы, языки, папки ЖС,
признаки для --set и их допустимые значения.

В текущем сеансе:
  source <(profiler completion bash)

Для всех сеансов:
  Linux:  profiler completion bash > /etc/bash_completion.d/profiler
  macOS:  profiler completion bash > $(brew --prefix)/etc/bash_completion.d/profiler

Подействует в новом сеансе оболочки.`,
	"zsh": `Печатает скрипт автодополнения profiler для zsh.
Дополняются команды, флаги и их значения: статусы, этапы, форматы, языки, папки ЖС,
признаки для --set и их допустимые значения.

Если автодополнение в zsh еще не включено, включите его один раз:
  echo "autoload -U compinit; compinit" >> ~/.zshrc

В текущем сеансе:
  source <(profiler completion zsh)

Для всех сеансов:
  Linux:  profiler completion zsh > "${fpath[1]}/_profiler"
  macOS:  profiler completion zsh > $(brew --prefix)/share/zsh/site-functions/_profiler

Подействует в новом сеансе оболочки.`,
	"fish": `Печатает скрипт автодополнения profiler для fish.
Дополняются команды, флаги и их значения: статусы, этапы, форматы, языки, папки ЖС,
признаки для --set и их допустимые значения.

В текущем сеансе:
  profiler completion fish | source

Для всех сеансов:
  profiler completion fish > ~/.config/fish/completions/profiler.fish

Подействует в новом сеансе оболочки.`,
	"powershell": `Печатает скрипт автодополнения profiler для PowerShell.
Дополняются команды, флаги и их значения: статусы, этапы, форматы, языки, папки ЖС,
признаки для --set и их допустимые значения.

В текущем сеансе:
  profiler completion powershell | Out-String | Invoke-Expression

Для всех сеансов добавьте вывод этой команды в профиль PowerShell ($PROFILE).`,
}

// multiValue lets a string-slice flag take `--status a --status b` and `--status a,b`.
func addSliceFlag(fs *pflag.FlagSet, p *[]string, name, usage string) {
	fs.StringSliceVar(p, name, nil, usage)
}
