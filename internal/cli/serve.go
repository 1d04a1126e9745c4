package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/serve"
	"github.com/spf13/cobra"
)

// serveOptions are the parsed flags of `profiler serve`.
type serveOptions struct {
	env
	Paths []string
	Addr  string
	Open  bool
}

// DefaultServeAddr is where serve listens unless --addr says otherwise: loopback only.
const DefaultServeAddr = "127.0.0.1:8080"

// serveStop, when set (by tests), stops a running serve as Ctrl-C does.
var serveStop <-chan struct{}

// serveStarted, when set (by tests), receives the URL once the server listens.
var serveStarted func(url string)

func newServeCmd(e *env, runF func(*serveOptions) error) *cobra.Command {
	opts := &serveOptions{env: *e}
	cmd := &cobra.Command{
		Use:   e.t("serve [ПУТЬ...]", "serve [PATH...]"),
		Short: e.t("предпросмотр сайта (как render --format html), который следит за файлами", "preview the site (as render --format html) that follows the files"),
		Long: e.t(`Собирает сайт, как render --format html, но в памяти, и показывает его по адресу --addr.
Следит за рабочей папкой: после сохранения файла заново проверяются только измененные файлы
(межфайловые правила — по сводкам, как validate --cache), пересобираются только затронутые страницы
(карточка, обзор и страница печати ее ЖС, указатель), и открытые страницы перезагружаются сами.
Пока во входных файлах есть ошибки, остаются последние исправные страницы, а на каждой — плашка
с ошибками (файл:строка:столбец, сообщение). Сервер не останавливается из-за ошибок во входных файлах.
Файлы сайта на диск не пишутся; без путей — вся рабочая папка (от корня, папки с .git).

Безопасность: по умолчанию слушает только 127.0.0.1; другой --addr открывает предпросмотр сети
(с предупреждением). Отвечает только на запросы с заголовком Host — адресом сервера или localhost
(защита от DNS rebinding), отдает только страницы сайта. Ctrl-C — остановить.`,
			`Builds the site as render --format html does, but in memory, and serves it at --addr.
Watches the workspace: after a file is saved only the changed files are checked again (the
cross-file rules run on summaries, as validate --cache does), only the affected pages are rebuilt
(the card, its life situation's overview and print page, the index), and open pages reload themselves.
While the input has errors the last good pages stay and every page shows a banner with the
findings (file:line:column, message). Errors in the input never stop the server.
Nothing is written to disk; without paths the whole workspace (from its root, the folder with .git).

Safety: listens on 127.0.0.1 only by default; another --addr opens the preview to the network
(with a warning). Answers only requests whose Host header is the server's address or localhost
(against DNS rebinding), and serves only the site's pages. Ctrl-C stops it.`),
		Example: `  profiler serve
  profiler serve examples --open
  profiler serve --addr 127.0.0.1:9000
  profiler --lang en serve .`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if _, _, err := net.SplitHostPort(opts.Addr); err != nil {
				return usageErr("--addr %q: нужен адрес вида 127.0.0.1:8080", "--addr %q: give an address like 127.0.0.1:8080", opts.Addr)
			}
			if runF != nil {
				return runF(opts)
			}
			return serveRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Addr, "addr", DefaultServeAddr, e.t("адрес и порт (порт 0 — любой свободный); не loopback — с предупреждением",
		"address and port (port 0: any free one); not loopback: with a warning"))
	f.BoolVar(&opts.Open, "open", false, e.t("открыть сайт в браузере", "open the site in the browser"))
	return cmd
}

func serveRun(opts *serveOptions) error {
	e := &opts.env
	ro := &renderOptions{Paths: opts.Paths, outGiven: true} // only the default paths matter here
	if err := workspaceDefaults(ro); err != nil {
		return err
	}
	host, _, _ := net.SplitHostPort(opts.Addr)
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		e.printWarning(fmt.Sprintf(e.t("--addr %s — предпросмотр доступен не только с этого компьютера; для себя одного: --addr 127.0.0.1:8080",
			"--addr %s — the preview is reachable from other computers; for yourself only: --addr 127.0.0.1:8080"), opts.Addr))
	}
	srv, err := serve.Start(serve.Options{Paths: ro.Paths, Lang: e.lang, Addr: opts.Addr, Built: func(b serve.Build) { e.reportBuild(b) }})
	if err != nil {
		var op *net.OpError
		if errors.As(err, &op) && op.Op == "listen" {
			return ioErr("не удалось слушать %s: %v — выберите другой --addr (порт 0 — любой свободный)",
				"cannot listen on %s: %v — choose another --addr (port 0: any free one)", opts.Addr, err)
		}
		return ioErr("не удалось начать следить за файлами: %v", "cannot watch the files: %v", err)
	}
	fmt.Fprintf(e.ios.ErrOut, e.t("profiler: предпросмотр: %s (страниц: %d, Ctrl-C — остановить)\n",
		"profiler: preview at %s (%d pages, Ctrl-C stops it)\n"), srv.URL, srv.Site.Pages())
	if serveStarted != nil {
		serveStarted(srv.URL)
	}
	if opts.Open && !openBrowser(srv.URL) {
		fmt.Fprintf(e.ios.ErrOut, e.t("profiler: не удалось открыть браузер — откройте %s\n", "profiler: cannot open a browser — open %s\n"), srv.URL)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	select {
	case <-ctx.Done():
	case <-serveStop:
	}
	if err := srv.Stop(3 * time.Second); err != nil {
		return ioErr("остановка: %v", "stopping: %v", err)
	}
	fmt.Fprintln(e.ios.ErrOut, e.t("profiler: предпросмотр остановлен", "profiler: preview stopped"))
	return nil
}

// reportBuild says on stderr what a (re)build did; with errors, it prints them as validate does.
func (e *env) reportBuild(b serve.Build) {
	if !b.OK {
		if b.Problem.EN != "" {
			e.printError(b.Problem.In(e.lang))
		}
		var errs []finding.Finding
		for _, f := range b.Findings {
			if f.Severity == finding.Error {
				errs = append(errs, f)
			}
		}
		e.printFindings(errs)
		fmt.Fprintf(e.ios.ErrOut, e.t("profiler: во входных файлах ошибок: %d — показаны последние исправные страницы, сервер ждет исправлений\n",
			"profiler: %d errors in the input — the last good pages are shown, waiting for a fix\n"), len(errs))
		return
	}
	fmt.Fprintf(e.ios.ErrOut, e.t("profiler: собрано страниц: %d, всего в сайте: %d (%s)\n",
		"profiler: %d pages built, %d in the site (%s)\n"), b.Pages, b.Total, b.Took.Round(time.Millisecond))
}

// openBrowser asks the desktop to open url; false when there is no way to.
func openBrowser(url string) bool {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		if _, err := exec.LookPath("xdg-open"); err != nil {
			return false
		}
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return false
	}
	go func() { _ = cmd.Wait() }() // reap it; its exit status does not matter
	return true
}
