package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/profiler-cx/profiler/internal/atomicfile"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// manDate is the date in the man pages' header. It is fixed, not today's, so that
// generating the pages twice gives the same bytes and `make cli-docs-check` can compare them.
var manDate = time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)

// GenDocs writes the command reference in lang: Markdown into dir/md (one file per
// command, profiler.md first) and man pages into dir/man1. Output is reproducible.
func GenDocs(dir string, lang i18n.Lang) error {
	root := newRootCmd(IOStreams{In: strings.NewReader(""), Out: io.Discard, ErrOut: io.Discard, Getenv: func(string) string { return "" }}, lang)
	root.DisableAutoGenTag = true
	for _, sub := range []string{"md", "man1"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return err
		}
	}
	header := &doc.GenManHeader{Title: "PROFILER", Section: "1", Date: &manDate, Source: "profiler",
		Manual: i18n.Text{RU: "Справка profiler", EN: "profiler manual"}.In(lang)}
	var walk func(c *cobra.Command) error
	walk = func(c *cobra.Command) error {
		for _, sub := range c.Commands() {
			if !sub.IsAvailableCommand() || sub.IsAdditionalHelpTopicCommand() {
				continue
			}
			if err := walk(sub); err != nil {
				return err
			}
		}
		c.DisableAutoGenTag = true
		base := strings.ReplaceAll(c.CommandPath(), " ", "_")
		var md, man bytes.Buffer
		if err := doc.GenMarkdownCustom(c, &md, func(s string) string { return s }); err != nil {
			return err
		}
		h := *header
		if err := doc.GenMan(c, &h, &man); err != nil {
			return err
		}
		if err := atomicfile.Write(filepath.Join(dir, "md", base+".md"), md.Bytes(), 0o644, true); err != nil {
			return err
		}
		return atomicfile.Write(filepath.Join(dir, "man1", strings.ReplaceAll(base, "_", "-")+".1"), man.Bytes(), 0o644, true)
	}
	return walk(root)
}
