package cli

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/profiler-cx/profiler/internal/corpus"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/pdf"
)

var pdfPage = regexp.MustCompile(`/Type\s*/Page\b[^s]`)

// BenchmarkPrintDeck100 is what a reader waits for when printing a 100-profile life
// situation: Chromium opens the site's <ls-id>/print.html from disk and prints it to PDF.
// The site is rendered and the browser started once, outside the timing (target: < 5 s
// per deck). Skipped without Chromium on PATH.
func BenchmarkPrintDeck100(b *testing.B) {
	exe, err := pdf.Find(exec.LookPath)
	if err != nil {
		b.Skip("no Chromium on PATH")
	}
	dir := b.TempDir()
	ws, site := filepath.Join(dir, "ws"), filepath.Join(dir, "site")
	if err := corpus.GenerateWith(ws, 1, 100, 1, 0); err != nil {
		b.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := Main([]string{"render", "-q", ws, "--format", "html", "--out", site},
		IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut}); code != ExitOK {
		b.Fatalf("render --format html: exit %d\n%s", code, errOut.String())
	}
	prints, _ := filepath.Glob(filepath.Join(site, "*", "print.html"))
	if len(prints) != 1 {
		b.Fatalf("%d print pages, want 1", len(prints))
	}
	p, err := pdf.Start(context.Background(), exe)
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	pages := 0
	for b.Loop() {
		buf, err := p.Print(context.Background(), prints[0], time.Unix(0, 0))
		if err != nil {
			b.Fatal(err)
		}
		pages = len(pdfPage.FindAll(buf, -1))
	}
	b.ReportMetric(float64(pages), "pages")
}

func TestDeckDates(t *testing.T) {
	ps := []*model.Profile{
		{LifeSituation: "a", History: []model.HistoryEntry{{Date: "2026-01-05"}, {Date: "2026-03-01"}}},
		{LifeSituation: "a", History: []model.HistoryEntry{{Date: "2026-02-01"}, {Date: "not a date"}}},
		{LifeSituation: "b"},
	}
	got := deckDates(ps)
	if want := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC); !got["a"].Equal(want) {
		t.Errorf("a: %v, want %v", got["a"], want)
	}
	if _, ok := got["b"]; ok {
		t.Errorf("b has no history, got a date %v", got["b"])
	}
}

// TestRenderPDF renders the examples as PDF decks with the real Chromium: one deck per life
// situation, the overview and then a page per card, written all together; a second run gives
// the same bytes. Skipped without Chromium on PATH (fails in CI, which installs it).
func TestRenderPDF(t *testing.T) {
	if raceDetector || testing.Short() {
		// Chromium does the work here, which the race detector does not see; under -race on
		// a busy machine it only adds minutes to the package. make html-check runs it.
		t.Skip("run without -race and -short (make html-check)")
	}
	if _, err := pdf.Find(exec.LookPath); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI has no Chromium: %v (make test installs it with apt-get)", err)
		}
		t.Skip("no Chromium on PATH")
	}
	out := filepath.Join(t.TempDir(), "decks")
	run := func() map[string][]byte {
		var stdout, stderr bytes.Buffer
		code := Main([]string{"render", "../../examples", "--format", "pdf", "--out", out},
			IOStreams{In: strings.NewReader(""), Out: &stdout, ErrOut: &stderr, Getenv: func(string) string { return "" }})
		if code != ExitOK {
			t.Fatalf("exit %d\n%s", code, stderr.String())
		}
		if !strings.Contains(stderr.String(), "записано PDF: 4") {
			t.Errorf("stderr does not report 4 decks:\n%s", stderr.String())
		}
		decks := map[string][]byte{}
		for _, ls := range []string{"postuplenie-v-vuz", "priobretenie-transportnogo-sredstva", "uvolnenie-s-gosudarstvennoj-sluzhby", "vklyuchenie-v-reestr-turoperatorov"} {
			buf, err := os.ReadFile(filepath.Join(out, ls+".pdf"))
			if err != nil {
				t.Fatal(err)
			}
			// The overview takes one to four pages (key findings, rankings, the segments section),
			// then one page per card (make html-check holds
			// the count to the browser's own print of print.html, card by card).
			cards, _ := filepath.Glob(filepath.Join("..", "..", "examples", ls, "profiles", "*.yaml"))
			if n := len(pdfPage.FindAll(buf, -1)); n < 1+len(cards) || n > 4+len(cards) {
				t.Errorf("%s.pdf: %d pages, want the overview (1–4) + %d cards", ls, n, len(cards))
			}
			decks[ls] = buf
		}
		ents, _ := os.ReadDir(out)
		if len(ents) != len(decks) {
			t.Errorf("%s holds %d entries, want only the %d decks", out, len(ents), len(decks))
		}
		return decks
	}
	first, second := run(), run()
	for ls, buf := range first {
		if !bytes.Equal(buf, second[ls]) {
			t.Errorf("%s.pdf: a second run gave different bytes", ls)
		}
	}
}
