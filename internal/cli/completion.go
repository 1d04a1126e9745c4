package cli

import (
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/profiler-cx/profiler/internal/catalog"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/report"
	"github.com/profiler-cx/profiler/internal/workspace"
	"github.com/spf13/cobra"
)

// Completion of values, not only of commands: statuses, stages, formats, languages,
// life-situation folders, attribute ids for --set and then their allowed values. Each
// candidate carries a description in the user's language (shells show it beside it).

type compFunc = func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective)

// fixed completes from a fixed list of "value\tdescription" candidates.
func fixed(cands ...string) compFunc {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return cands, cobra.ShellCompDirectiveNoFileComp
	}
}

func (e *env) statusCands() []string {
	var out []string
	for _, s := range model.Statuses {
		out = append(out, string(s)+"\t"+s.Name().In(e.lang))
	}
	return out
}

func (e *env) stageCands() []string {
	var out []string
	for _, s := range model.Stages {
		out = append(out, string(s)+"\t"+s.Name().In(e.lang))
	}
	return out
}

// lsDirs lists the life-situation folders under the current folder (two levels deep:
// the workspace root holds them, or a group folder does), for `new profile`'s argument.
func lsDirs(toComplete string) []string {
	var out []string
	root := "."
	if d := filepath.Dir(toComplete); toComplete != "" && d != "." {
		root = d
	}
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		depth := 0
		if rel, _ := filepath.Rel(root, p); rel != "." {
			depth = strings.Count(rel, string(filepath.Separator)) + 1
		}
		if p != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules" || d.Name() == "profiles") || depth > 2 {
			return filepath.SkipDir
		}
		if workspace.LSFile(p) != "" {
			out = append(out, filepath.ToSlash(p))
		}
		return nil
	})
	return out
}

// lsOfArgs reads the life situation named by `new profile`'s folder argument (default
// the current folder), or nil.
func lsOfArgs(args []string) *model.LifeSituation {
	dir := "."
	if len(args) > 0 {
		dir = args[0]
	}
	p := workspace.LSFile(dir)
	if p == "" {
		return nil
	}
	res := workspace.Check([]string{p}, workspace.Options{Keep: workspace.KeepModels})
	if lss := res.LifeSituations(); len(lss) > 0 {
		return lss[0]
	}
	return nil
}

// setCompletion completes --set: first the attribute ids (with "=", no space after),
// then, after "=", the attribute's allowed values.
func (e *env) setCompletion(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	ls := lsOfArgs(args)
	if ls == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	key, _, hasEq := strings.Cut(toComplete, "=")
	if !hasEq {
		var out []string
		for _, a := range ls.Attributes {
			out = append(out, a.ID+"=\t"+a.Title)
		}
		return out, cobra.ShellCompDirectiveNoSpace | cobra.ShellCompDirectiveNoFileComp
	}
	a := ls.Attribute(key)
	if a == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, v := range a.Values {
		out = append(out, key+"="+v)
	}
	if c, ok := catalog.Get(a.Catalog); ok {
		for _, en := range c.Entries {
			out = append(out, key+"="+en.Name)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// registerCompletions attaches the value completions to the commands' flags.
func registerCompletions(e *env, root *cobra.Command) {
	reg := func(c *cobra.Command, flag string, f compFunc) {
		if c != nil && c.Flags().Lookup(flag) != nil {
			_ = c.RegisterFlagCompletionFunc(flag, f)
		}
	}
	_ = root.RegisterFlagCompletionFunc("lang", fixed("ru\t"+e.t("русский", "Russian"), "en\t"+e.t("английский", "English")))
	find := func(path ...string) *cobra.Command {
		c, _, err := root.Find(path)
		if err != nil || c == root {
			return nil
		}
		return c
	}
	reg(find("validate"), "format", fixed(report.Formats()...))
	reg(find("list"), "format", fixed(listFormats...))
	reg(find("catalog"), "format", fixed(catalogFormats...))
	reg(find("render"), "format", fixed("md\tMarkdown", "html\t"+e.t("сайт для чтения и печати", "a site to read and print"), "pdf\t"+e.t("PDF по ЖС (нужен Chromium)", "a PDF per life situation (needs Chromium)")))
	reg(find("segments"), "format", fixed(segmentsFormats...))
	reg(find("diff"), "format", fixed(diffFormats...))
	reg(find("list"), "status", fixed(e.statusCands()...))
	reg(find("list"), "stage", fixed(e.stageCands()...))
	reg(find("list"), "ls", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var out []string
		for _, d := range lsDirs("") {
			if ls := lsOfArgs([]string{d}); ls != nil {
				out = append(out, ls.ID+"\t"+ls.Title)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
	reg(find("init"), "status", fixed(e.statusCands()...))
	if np := find("new", "profile"); np != nil {
		reg(np, "status", func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			ls := lsOfArgs(args)
			if ls == nil {
				return e.statusCands(), cobra.ShellCompDirectiveNoFileComp
			}
			var out []string
			for _, s := range ls.Statuses {
				out = append(out, string(s)+"\t"+s.Name().In(e.lang))
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		})
		reg(np, "stage", fixed(e.stageCands()...))
		reg(np, "set", e.setCompletion)
		if np.ValidArgsFunction == nil {
			np.ValidArgsFunction = func(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
				if len(args) > 0 {
					return nil, cobra.ShellCompDirectiveNoFileComp
				}
				return lsDirs(toComplete), cobra.ShellCompDirectiveNoFileComp
			}
		}
	}
	reg(find("promote"), "to", fixed(e.stageCands()...))
}
