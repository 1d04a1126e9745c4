package pdf

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/profiler-cx/profiler/internal/i18n"
)

var shared struct {
	once sync.Once
	p    *Printer
	err  error
}

// TestMain closes the browser the tests share (starting one takes seconds).
func TestMain(m *testing.M) {
	code := m.Run()
	if shared.p != nil {
		shared.p.Close()
	}
	os.Exit(code)
}

// printer returns one browser for all tests. Without Chromium on PATH the test is skipped
// on a developer's machine and fails in CI (CI set), where `make test` installs it first.
func printer(t *testing.T) *Printer {
	t.Helper()
	if testing.Short() {
		t.Skip("starts Chromium: runs without -short")
	}
	exe, err := Find(exec.LookPath)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI has no Chromium: %v (make test installs it with apt-get)", err)
		}
		t.Skip("no Chromium on PATH")
	}
	shared.once.Do(func() { shared.p, shared.err = Start(context.Background(), exe) })
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.p
}

func TestFindOrder(t *testing.T) {
	have := map[string]bool{"google-chrome": true, "chromium-browser": true}
	look := func(name string) (string, error) {
		if have[name] {
			return "/opt/" + name, nil
		}
		return "", exec.ErrNotFound
	}
	if got, err := Find(look); err != nil || got != "/opt/chromium-browser" {
		t.Errorf("Find = %q, %v; want /opt/chromium-browser", got, err)
	}
	_, err := Find(func(string) (string, error) { return "", exec.ErrNotFound })
	var me *MissingError
	if !errors.As(err, &me) {
		t.Fatalf("Find with nothing on PATH = %v, want *MissingError", err)
	}
	// Both languages name every browser looked for, how to install one, and the way out
	// without it (print from the browser).
	for _, lang := range []i18n.Lang{i18n.RU, i18n.EN} {
		m, h := Missing()
		msg := m.In(lang) + "\n" + h.In(lang)
		for _, want := range append([]string{"apt-get install chromium fonts-dejavu-core", "print.html", "«Печать → Сохранить как PDF»", "--format html"}, browsers...) {
			if !strings.Contains(msg, want) {
				t.Errorf("%s message lacks %q:\n%s", lang, want, msg)
			}
		}
	}
}

var date = time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)

var mediaBox = regexp.MustCompile(`/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]`)

// pageSizes reads the page sizes (points) from the media boxes, which Chromium writes
// uncompressed.
func pageSizes(t *testing.T, buf []byte) [][2]float64 {
	t.Helper()
	if !bytes.HasPrefix(buf, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %.20q", buf)
	}
	var sizes [][2]float64
	for _, m := range mediaBox.FindAllSubmatch(buf, -1) {
		var v [4]float64
		for i := range v {
			v[i], _ = strconv.ParseFloat(string(m[i+1]), 64)
		}
		sizes = append(sizes, [2]float64{v[2] - v[0], v[3] - v[1]})
	}
	return sizes
}

// TestPrint prints a page shaped like the site's print page (a Cyrillic title, three
// sections each starting a new page, a coloured background, an image that would have to
// come from outside) and checks the deck: three A4 pages, the text there in Cyrillic, and
// the outside request never answered.
func TestPrint(t *testing.T) {
	p := printer(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "папка с пробелом", "print.html")
	if err := os.MkdirAll(filepath.Dir(page), 0o755); err != nil {
		t.Fatal(err)
	}
	html := `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Поступление в вуз</title>
<style>@page { size: A4; margin: 15mm } body { font-family: sans-serif } section { break-after: page }
.card { background: #eef3fb }</style></head><body>
<section><h1>Обзор: Поступление в вуз</h1></section>
<section class="card"><h2>Студент, проживающий в соседнем регионе</h2><img alt="" src="http://192.0.2.1/x.png"></section>
<section class="card"><h2 id="a">Абитуриент с инвалидностью</h2>
<p><a href="index.html">Обзор</a> <a href="../x/card.html">Карточка</a> <a href="#a">Сюда</a> <a href="https://example.org/npa">НПА</a></p></section>
</body></html>`
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	buf, err := p.Print(context.Background(), page, date)
	if err != nil {
		t.Fatal(err)
	}
	// Links to files on disk are gone (they would name the folder printed from); a link to
	// the web stays.
	if bytes.Contains(buf, []byte("file:")) || bytes.Contains(buf, []byte(dir)) {
		t.Errorf("the PDF names a local file or the folder it was printed from")
	}
	if !bytes.Contains(buf, []byte("(https://example.org/npa)")) {
		t.Errorf("the PDF lost the link to the web")
	}
	sizes := pageSizes(t, buf)
	if len(sizes) != 3 {
		t.Fatalf("%d pages, want 3", len(sizes))
	}
	for i, s := range sizes {
		if abs(s[0]-595.3) > 1.5 || abs(s[1]-841.9) > 1.5 {
			t.Errorf("page %d is %.1f×%.1f pt, want A4 (595×842)", i+1, s[0], s[1])
		}
	}
	// poppler-utils, when there, reads the title, date and pages, and the Cyrillic text back.
	if _, err := exec.LookPath("pdftotext"); err == nil {
		f := filepath.Join(dir, "deck.pdf")
		if err := os.WriteFile(f, buf, 0o644); err != nil {
			t.Fatal(err)
		}
		info, err := exec.Command("pdfinfo", f).Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Title:           Поступление в вуз", "CreationDate:    Sun Feb  1 00:00:00 2026 UTC", "Pages:           3", "(A4)"} {
			if !strings.Contains(string(info), want) {
				t.Errorf("pdfinfo lacks %q:\n%s", want, info)
			}
		}
		out, err := exec.Command("pdftotext", "-layout", f, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Обзор: Поступление в вуз", "Студент, проживающий в соседнем регионе", "Абитуриент с инвалидностью"} {
			if !strings.Contains(string(out), want) {
				t.Errorf("pdftotext lacks %q:\n%s", want, out)
			}
		}
	}
	// A second print in the same browser: the printer is reusable, and the deck is the same.
	again, err := p.Print(context.Background(), page, date)
	if err != nil {
		t.Fatalf("second print: %v", err)
	}
	if !bytes.Equal(again, buf) {
		t.Errorf("the same page printed twice gave different bytes")
	}
}

func TestPrintMissingPage(t *testing.T) {
	p := printer(t)
	if _, err := p.Print(context.Background(), filepath.Join(t.TempDir(), "nope.html"), date); err == nil {
		t.Fatal("printing a missing file succeeded")
	}
}

func TestPrintCancelled(t *testing.T) {
	p := printer(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.Print(ctx, filepath.Join(t.TempDir(), "x.html"), date); !errors.Is(err, context.Canceled) {
		t.Fatalf("Print with a cancelled context = %v, want context.Canceled", err)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestStampDate(t *testing.T) {
	in := []byte("<</Title (x)\n/CreationDate (D:20261129003852+03'00')\n/ModDate (D:20261129003852-05'30')>>\n/CreationDate (D:2026Z)")
	want := "<</Title (x)\n/CreationDate (D:20260201000000+00'00')\n/ModDate (D:20260201000000+00'00')>>\n/CreationDate (D:2026Z)"
	if got := string(stampDate(in, date)); got != want {
		t.Errorf("stampDate =\n%s\nwant\n%s", got, want)
	}
}

func TestRenumberNodes(t *testing.T) {
	in := []byte("/ID (node00000048)>> /Names [(node00000048) 1 0 R (node00000107) 2 0 R] /ID (node00000107) /ID (node00000050) (nodeX)")
	want := "/ID (node00000000)>> /Names [(node00000000) 1 0 R (node00000002) 2 0 R] /ID (node00000002) /ID (node00000001) (nodeX)"
	if got := string(renumberNodes(in)); got != want {
		t.Errorf("renumberNodes =\n%s\nwant\n%s", got, want)
	}
}
