package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/profiler-cx/profiler/internal/atomicfile"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/pdf"
	"github.com/profiler-cx/profiler/internal/reason"
	"github.com/profiler-cx/profiler/internal/render"
)

// renderPDF writes one PDF deck per life situation, <out>/<ls-id>.pdf. writeSite builds the
// HTML site into a temporary folder; each life situation's print page (<ls-id>/print.html)
// is then printed by the system Chromium (internal/pdf). The decks are written together
// only when every one has printed: a missing browser, a page that fails or Ctrl-C leaves
// --out as it was.
func renderPDF(e *env, out string, lss []*model.LifeSituation, ps []*model.Profile, writeSite func(dir string) error) error {
	exe, err := pdf.Find(exec.LookPath)
	if err != nil {
		msg, hint := pdf.Missing()
		return &ioError{msg: msg, hint: hint, cause: err}
	}
	// --out, or a folder above it, may be a link committed to lead out of the workspace:
	// found before the browser starts, not after the decks are printed.
	if err := atomicfile.Confined(filepath.Join(out, "x")); err != nil {
		return ioErr("не удалось записать в %s: %v — ничего не записано", "cannot write into %s: %v — nothing was written", out, err)
	}
	tmp, err := os.MkdirTemp("", "profiler-pdf-")
	if err != nil {
		return ioErr("не удалось создать временную папку: %v", "cannot create a temporary folder: %v", err)
	}
	defer os.RemoveAll(tmp)
	if err := writeSite(tmp); err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	p, err := pdf.Start(ctx, exe)
	if err != nil {
		return ioErr("не удалось запустить Chromium (%s): %v — ничего не записано",
			"cannot start Chromium (%s): %v — nothing was written", exe, err)
	}
	defer p.Close()

	lss = slices.Clone(lss)
	slices.SortFunc(lss, func(a, b *model.LifeSituation) int { return strings.Compare(a.ID, b.ID) })
	decks, err := printDecks(ctx, p, tmp, out, lss, ps)
	if err != nil {
		return err
	}
	if err := writeDecks(out, lss, decks); err != nil {
		return err
	}
	e.note(fmt.Sprintf(e.t("profiler: %s: записано PDF: %d (по одному на ЖС)", "profiler: %s: %d PDF decks written (one per life situation)"),
		filepath.ToSlash(out), len(lss)))
	return nil
}

// printDecks prints each life situation's print page in dir (the built site) to PDF,
// dated by its newest history entry.
func printDecks(ctx context.Context, p *pdf.Printer, dir, out string, lss []*model.LifeSituation, ps []*model.Profile) ([][]byte, error) {
	dates := deckDates(ps)
	decks := make([][]byte, len(lss))
	for i, ls := range lss {
		page := filepath.Join(dir, ls.ID, "print.html")
		date, ok := dates[ls.ID]
		if !ok {
			date = time.Unix(0, 0)
		}
		buf, err := p.Print(ctx, page, date)
		switch {
		case errors.Is(err, context.Canceled):
			return nil, ioErr("прервано — ничего не записано, файлы в %s остались прежними",
				"interrupted — nothing was written, the files in %s are as they were", out)
		case err != nil:
			return nil, ioErr("%s: Chromium не напечатал страницу печати: %v — ничего не записано",
				"%s: Chromium could not print the print page: %v — nothing was written", ls.ID, err)
		}
		decks[i] = buf
	}
	return decks, nil
}

// writeDecks writes <out>/<ls-id>.pdf for every deck, all or none.
func writeDecks(out string, lss []*model.LifeSituation, decks [][]byte) error {
	if err := atomicfile.MkdirAll(out, 0o755); err != nil {
		return ioErr("не удалось создать папку %s: %v — ничего не записано", "cannot create the folder %s: %v — nothing was written",
			filepath.ToSlash(out), reason.Cause(err))
	}
	var batch atomicfile.Batch
	defer batch.Abort()
	for i, ls := range lss {
		target := filepath.Join(out, ls.ID+".pdf")
		if err := batch.Put(target, decks[i], 0o644); err != nil {
			return ioErr("не удалось записать %s: %v — ничего не записано", "cannot write %s: %v — nothing was written",
				filepath.ToSlash(target), reason.Cause(err))
		}
	}
	if err := batch.Commit(); err != nil {
		return ioErr("не удалось записать PDF в %s: %v", "cannot write the PDFs to %s: %v", out, err)
	}
	return nil
}

// writePages writes the pages into dir, a fresh folder of its own (no comparing, no
// staging: it is thrown away).
func writePages(dir string, lss []*model.LifeSituation, ps []*model.Profile, ropts render.Options) error {
	err := render.SiteFunc(lss, ps, ropts, func(f render.File) error {
		if !filepath.IsLocal(filepath.FromSlash(f.Path)) {
			return fmt.Errorf("page path outside the folder: %s", f.Path)
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, f.Data, 0o644)
	})
	if err != nil {
		return ioErr("не удалось собрать страницы для PDF: %v — ничего не записано", "cannot build the pages for the PDFs: %v — nothing was written", err)
	}
	return nil
}

// deckDates gives each life situation the date of its newest history entry, the date the
// deck carries (not the clock, so the same input gives the same PDF); a life situation
// without any is missing from the map.
func deckDates(ps []*model.Profile) map[string]time.Time {
	dates := map[string]time.Time{}
	for _, pr := range ps {
		for _, h := range pr.History {
			d, err := time.Parse(time.DateOnly, h.Date)
			if err == nil && d.After(dates[pr.LifeSituation]) {
				dates[pr.LifeSituation] = d
			}
		}
	}
	return dates
}
