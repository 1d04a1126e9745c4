// Package pdf prints pages of the HTML site to PDF through the Chromium installed on the
// system, driven with chromedp. It never downloads a browser: [Find] looks for one on PATH
// and, when there is none, returns a [MissingError] that tells the user how to install it or
// how to print from their own browser.
//
// The site's print page (<ls-id>/print.html) lays out the overview and every card, each on
// its own A4 page, with CSS; this package only opens it from disk and asks Chromium to print
// it as the page says (A4, backgrounds, the fonts installed on the system).
package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/profiler-cx/profiler/internal/i18n"
)

// browsers are the names Chromium goes by on PATH, in the order they are tried: Debian's
// package, Ubuntu's and older distributions', then Google's build.
var browsers = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// pageTimeout bounds one page: opening it, waiting for its fonts, printing it. A
// 100-profile deck prints in a few seconds; a minute means the browser is stuck.
const pageTimeout = 60 * time.Second

// MissingError says that no Chromium was found on PATH.
type MissingError struct{}

func (*MissingError) Error() string { msg, _ := Missing(); return msg.EN }

// Missing is the message for a missing Chromium (what is wrong) and its hint (the two
// ways out).
func Missing() (msg, hint i18n.Text) {
	msg = i18n.Msg("для PDF нужен Chromium, а в PATH его нет (искали: %[1]s)",
		"PDF needs Chromium, and there is none on PATH (looked for: %[1]s)", strings.Join(browsers, ", "))
	hint = i18n.Text{
		RU: "установите его (Debian/Ubuntu: sudo apt-get install chromium fonts-dejavu-core) — " +
			"или соберите сайт (profiler render --format html) и напечатайте <id ЖС>/print.html из браузера: «Печать → Сохранить как PDF»",
		EN: "install it (Debian/Ubuntu: sudo apt-get install chromium fonts-dejavu-core) — " +
			"or build the site (profiler render --format html) and print <ls-id>/print.html from a browser: Print → Save as PDF " +
			"(«Печать → Сохранить как PDF»)",
	}
	return msg, hint
}

// Find returns the path of the first of [browsers] that lookPath (exec.LookPath, or a
// stand-in in tests) finds, or a *MissingError.
func Find(lookPath func(string) (string, error)) (string, error) {
	for _, name := range browsers {
		if p, err := lookPath(name); err == nil {
			return p, nil
		}
	}
	return "", &MissingError{}
}

// Printer is one headless Chromium that prints pages one after another, each in a tab of
// its own. It must be closed.
type Printer struct {
	browser     context.Context // the chromedp context that owns the browser
	cancel      context.CancelFunc
	allocCancel context.CancelFunc
}

// Start launches the browser at exe (from [Find]). Chromium runs headless, without its
// sandbox (it refuses to start as root with it, as in containers and CI) and without a GPU.
// Its network is pointed at a closed port on the loopback address: a page that names
// something outside the site cannot fetch it, so printing stays offline whatever a custom
// template says.
func Start(ctx context.Context, exe string) (*Printer, error) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.ExecPath(exe),
		chromedp.Flag("proxy-server", "http://127.0.0.1:9"),
		chromedp.Flag("proxy-bypass-list", "<-loopback>"),
		chromedp.CombinedOutput(io.Discard), // its D-Bus and GPU chatter is noise for the user
	)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	bctx, bcancel := chromedp.NewContext(actx)
	// The first Run starts the browser, which then lives as long as bctx: no timeout here.
	if err := chromedp.Do(bctx); err != nil {
		bcancel()
		acancel()
		return nil, fmt.Errorf("starting %s: %w", exe, err)
	}
	return &Printer{browser: bctx, cancel: bcancel, allocCancel: acancel}, nil
}

// Print opens the HTML file at path (any path; it is made absolute and opened as file://),
// waits until it and its fonts have loaded, and returns it printed as PDF: A4 unless the
// page's CSS @page says otherwise, with backgrounds, with a document outline and tags for
// screen readers. The PDF's creation and modification dates are set to date (UTC) and the
// structure ids are renumbered, so the same page printed by the same Chromium gives the
// same bytes; the caller passes a date that belongs to the content (the newest history
// entry), not the clock.
func (p *Printer) Print(ctx context.Context, path string, date time.Time) ([]byte, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	tab, closeTab := chromedp.NewContext(p.browser)
	defer closeTab()
	// Stop the tab when the caller's context ends, and after pageTimeout in any case.
	tctx, cancel := context.WithTimeout(tab, pageTimeout)
	defer cancel()
	stop := context.AfterFunc(ctx, cancel)
	defer stop()

	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	if !strings.HasPrefix(u.Path, "/") { // Windows: C:/x → /C:/x
		u.Path = "/" + u.Path
	}
	if err := chromedp.Do(tctx, chromedp.Navigate(u.String())); err != nil {
		return nil, pageErr(ctx, tctx, err)
	}
	if _, err := chromedp.Run(tctx, chromedp.Evaluate[bool](`document.fonts.ready.then(() => true)`, chromedp.EvalAwaitPromise)); err != nil {
		return nil, pageErr(ctx, tctx, err)
	}
	if _, err := chromedp.Run(tctx, chromedp.Evaluate[bool](localLinks)); err != nil {
		return nil, pageErr(ctx, tctx, err)
	}
	buf, err := chromedp.Run(tctx, chromedp.PrintToPDF(
		chromedp.PDFPaper(chromedp.PaperA4),
		chromedp.PDFPreferCSSPageSize(),
		chromedp.PDFPrintBackground(),
		chromedp.PDFOutlineAndTagged(),
		chromedp.PDFStream(), // a deck of a hundred cards is megabytes: not one protocol message
	))
	if err != nil {
		return nil, pageErr(ctx, tctx, err)
	}
	return renumberNodes(stampDate(buf, date)), nil
}

// nodeID matches the ids Chromium gives the elements of a tagged PDF's structure tree: the
// browser's own DOM node numbers, which shift from run to run.
var nodeID = regexp.MustCompile(`\(node(\d{8})\)`)

// renumberNodes replaces each structure element id by its rank among the ids in buf. The
// ranks keep the ids' order (the structure tree's ID name tree must stay sorted) and their
// length (the cross-reference offsets stay right), and do not depend on how the browser
// happened to number its nodes, so the same page gives the same bytes.
func renumberNodes(buf []byte) []byte {
	var nums []int
	for _, m := range nodeID.FindAllSubmatch(buf, -1) {
		n, _ := strconv.Atoi(string(m[1]))
		nums = append(nums, n)
	}
	if len(nums) == 0 {
		return buf
	}
	slices.Sort(nums)
	nums = slices.Compact(nums)
	return nodeID.ReplaceAllFunc(buf, func(m []byte) []byte {
		n, _ := strconv.Atoi(string(m[5:13]))
		rank, _ := slices.BinarySearch(nums, n)
		return fmt.Appendf(nil, "(node%08d)", rank)
	})
}

// pdfDate matches the dates Chromium (Skia) writes into the document information
// dictionary: D:YYYYMMDDHHmmSS followed by the zone as +HH'mm'.
var pdfDate = regexp.MustCompile(`/(CreationDate|ModDate) \(D:\d{14}[+-]\d\d'\d\d'\)`)

// stampDate replaces the print time in buf with date. The replacement has the same
// length, so the cross-reference table's byte offsets stay right; a date written in
// any other shape is left alone.
func stampDate(buf []byte, date time.Time) []byte {
	stamp := date.UTC().Format("20060102150405") + "+00'00'"
	return pdfDate.ReplaceAllFunc(buf, func(m []byte) []byte {
		key := m[1:bytes.IndexByte(m, ' ')]
		out := fmt.Appendf(nil, "/%s (D:%s)", key, stamp)
		if len(out) != len(m) {
			return m
		}
		return out
	})
}

// localLinks unlinks the page's links to files on disk before printing: in a PDF that is
// handed over they would point into the folder the page was printed from (a temporary one,
// whose path would leak into the file). They stay as text; a link to a place in the same
// page stays a link within the PDF, and links to the web stay links.
const localLinks = `(() => {
  for (const a of document.querySelectorAll('a[href]')) {
    if (a.protocol !== 'file:') continue;
    if (a.pathname === location.pathname && a.hash) a.setAttribute('href', a.hash);
    else a.removeAttribute('href');
  }
  return true;
})()`

// pageErr tells a page that took too long from one the caller cancelled.
func pageErr(ctx, tctx context.Context, err error) error {
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case errors.Is(tctx.Err(), context.DeadlineExceeded):
		return fmt.Errorf("the browser did not finish the page in %s", pageTimeout)
	}
	return err
}

// Close stops the browser and removes its temporary profile.
func (p *Printer) Close() {
	p.cancel()
	p.allocCancel()
}
