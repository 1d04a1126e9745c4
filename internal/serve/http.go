package serve

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
)

// EventsPath is where open pages listen for reloads; it cannot be a page of the site
// (page folders are slugs, which do not start with "_").
const EventsPath = "/_profiler/events"

// MaxSubscribers bounds the open event streams (tabs): each holds a goroutine and a
// connection. A tab over the limit gets 503 and its browser retries later.
const MaxSubscribers = 64

// writeTimeout drops a tab that does not take an event in time (a stalled connection).
const writeTimeout = 5 * time.Second

// maxBanner is how many findings the banner lists; the rest are counted.
const maxBanner = 30

// Handler serves the site: the pages in memory (with the banner and the reload script
// added to HTML pages) and the event stream. It answers only requests whose Host is the
// listen address or localhost on the listen port (a page on another site that resolves
// its own name to 127.0.0.1, DNS rebinding, gets 403).
type Handler struct {
	site *Site
	lang i18n.Lang
	hub  *hub
	ip   net.IP // the listen IP; unspecified (0.0.0.0, ::) allows any IP literal
	port string
}

// NewHandler serves site for a server listening on addr (host:port as bound, the real port).
func NewHandler(site *Site, lang i18n.Lang, addr net.Addr) *Handler {
	host, port, _ := net.SplitHostPort(addr.String())
	return &Handler{site: site, lang: lang, hub: newHub(), ip: net.ParseIP(host), port: port}
}

// Notify tells every open page that the site changed.
func (h *Handler) Notify() { h.hub.publish() }

// Close ends the event streams (before http.Server.Shutdown, which waits for handlers).
func (h *Handler) Close() { h.hub.close() }

// Subscribers is the number of open event streams.
func (h *Handler) Subscribers() int { return h.hub.count() }

func (h *Handler) hostAllowed(hostport string) bool {
	host, port, err := net.SplitHostPort(hostport)
	if err != nil { // no port: the default one, which is not ours unless we listen on 80
		host, port = hostport, "80"
	}
	if port != h.port {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return false // a name: only localhost is ours
	}
	if h.ip == nil || h.ip.IsUnspecified() {
		return true
	}
	return ip.Equal(h.ip) || (ip.IsLoopback() && h.ip.IsLoopback())
}

func (h *Handler) t(ru, en string) string { return i18n.Text{RU: ru, EN: en}.In(h.lang) }

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "no-referrer")
	w.Header().Set("Cache-Control", "no-store")
	if !h.hostAllowed(r.Host) {
		http.Error(w, h.t("403: неизвестный адрес в заголовке Host; откройте адрес, который напечатал profiler serve",
			"403: unknown address in the Host header; open the address profiler serve printed"), http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, h.t("405: только GET и HEAD", "405: only GET and HEAD"), http.StatusMethodNotAllowed)
		return
	}
	if r.URL.Path == EventsPath {
		h.events(w, r)
		return
	}
	rel, ok := pagePath(r.URL.Path)
	if !ok {
		h.notFound(w)
		return
	}
	data, found, problems, problem, version, empty := h.site.page(rel)
	isHTML := strings.HasSuffix(rel, ".html")
	switch {
	case !found && empty && isHTML:
		// Nothing good was ever built: a page that says why and reloads when fixed.
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		title := h.t("Предпросмотр profiler", "profiler preview")
		page := fmt.Appendf(nil, "<!DOCTYPE html>\n<html lang=%q><head><meta charset=\"utf-8\"><title>%s</title></head><body>\n<p>%s</p>\n</body></html>\n",
			h.lang, title, h.t("Страницы еще не собраны.", "No pages have been built yet."))
		_, _ = w.Write(h.inject(page, problems, problem, version))
		return
	case !found:
		h.notFound(w)
		return
	}
	w.Header().Set("Content-Type", contentType(rel))
	if isHTML {
		data = h.inject(data, problems, problem, version)
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	if r.Method == http.MethodHead {
		return
	}
	_, _ = w.Write(data)
}

func (h *Handler) notFound(w http.ResponseWriter) {
	http.Error(w, h.t("404: такой страницы в сайте нет", "404: no such page in the site"), http.StatusNotFound)
}

// pagePath maps a URL path to a page of the site: "/" and "/x/" to their index.html. A
// path that is not already clean (.., //, backslashes) names nothing: the site is a map
// of pages, never a folder on disk.
func pagePath(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	dirLike := strings.HasSuffix(p, "/")
	clean := path.Clean(p)
	if clean != strings.TrimSuffix(p, "/") && !(p == "/" && clean == "/") {
		return "", false
	}
	rel := strings.TrimPrefix(clean, "/")
	if dirLike {
		if rel != "" {
			rel += "/"
		}
		rel += "index.html"
	}
	return rel, rel != ""
}

func contentType(p string) string {
	switch path.Ext(p) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	}
	return "application/octet-stream"
}

// inject adds the banner (when the input has errors) at the start of the body and the
// reload script before </body>. The pages in memory, like the static site, stay without
// them.
func (h *Handler) inject(page []byte, problems []finding.Finding, problem i18n.Text, version uint64) []byte {
	banner, script := h.banner(problems, problem), h.script(version)
	end := bytes.LastIndex(page, []byte("</body>"))
	if end < 0 {
		end = len(page)
	}
	// After the <body> tag: the banner is in the flow and pushes the page down, instead
	// of covering its header.
	start := 0
	if i := bytes.Index(page[:end], []byte("<body")); i >= 0 {
		if j := bytes.IndexByte(page[i:end], '>'); j >= 0 {
			start = i + j + 1
		}
	}
	out := make([]byte, 0, len(page)+len(banner)+len(script))
	out = append(out, page[:start]...)
	out = append(out, banner...)
	out = append(out, page[start:end]...)
	out = append(out, script...)
	return append(out, page[end:]...)
}

// banner lists the problems, nothing when there are none. It is sticky: it takes its
// place above the page's header and stays in view while the page scrolls.
func (h *Handler) banner(problems []finding.Finding, problem i18n.Text) []byte {
	var b bytes.Buffer
	if len(problems) == 0 && problem == (i18n.Text{}) {
		return nil
	}
	b.WriteString(`<div id="profiler-serve-banner" role="alert" style="position:sticky;top:0;z-index:1000;max-height:50vh;overflow:auto;margin:0;padding:.75em 1em;background:#fff3f3;color:#5a0000;border-bottom:3px solid #b00020;font:15px/1.4 system-ui,sans-serif">`)
	b.WriteString("<strong>")
	b.WriteString(html.EscapeString(h.t("Во входных файлах есть ошибки — показаны последние исправные страницы.",
		"The input has errors — the last good pages are shown.")))
	b.WriteString("</strong>\n<ul style=\"margin:.5em 0 0;padding-left:1.5em\">\n")
	if problem != (i18n.Text{}) {
		fmt.Fprintf(&b, "<li>%s</li>\n", html.EscapeString(problem.In(h.lang)))
	}
	for i, f := range problems {
		if i == maxBanner {
			fmt.Fprintf(&b, "<li>%s</li>\n", html.EscapeString(fmt.Sprintf(h.t("и еще ошибок: %d (profiler validate)", "and %d more errors (profiler validate)"), len(problems)-maxBanner)))
			break
		}
		fmt.Fprintf(&b, "<li><code>%s</code>: %s <small>[%s]</small></li>\n", html.EscapeString(where(f)), html.EscapeString(f.Message.In(h.lang)), html.EscapeString(f.Rule))
	}
	b.WriteString("</ul></div>\n")
	return b.Bytes()
}

// script reloads the page on a change. The page knows the version it was served at: a
// stream that reports another one (a change while the page loaded) reloads it at once.
func (h *Handler) script(version uint64) []byte {
	return fmt.Appendf(nil, `<script>(function(){var v=%q;var s=new EventSource(%q);s.addEventListener("reload",function(e){if(e.data!==v){s.close();location.reload();}});})();</script>`+"\n",
		strconv.FormatUint(version, 10), EventsPath)
}

func where(f finding.Finding) string {
	s := f.File
	if f.Line > 0 {
		s += ":" + strconv.Itoa(f.Line)
		if f.Column > 0 {
			s += ":" + strconv.Itoa(f.Column)
		}
	}
	return s
}

// events streams "reload" events carrying the site's version: one at once, then one per
// change. A change while an event is still pending is folded into it, so a slow tab
// costs one buffered signal, never a queue.
func (h *Handler) events(w http.ResponseWriter, r *http.Request) {
	ch, ok := h.hub.subscribe()
	if !ok {
		w.Header().Set("Retry-After", "5")
		http.Error(w, h.t("503: открыто слишком много вкладок предпросмотра", "503: too many preview tabs are open"), http.StatusServiceUnavailable)
		return
	}
	defer h.hub.unsubscribe(ch)
	w.Header().Set("Content-Type", "text/event-stream")
	rc := http.NewResponseController(w)
	send := func(s string) bool {
		_ = rc.SetWriteDeadline(time.Now().Add(writeTimeout))
		if _, err := io.WriteString(w, s); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	if !send("retry: 1000\n\n") {
		return
	}
	for {
		if !send(fmt.Sprintf("event: reload\ndata: %d\n\n", h.site.Version())) {
			return
		}
		select {
		case <-ch:
		case <-r.Context().Done():
			return
		case <-h.hub.done:
			return
		}
	}
}

// hub holds the open event streams, each a channel with room for one pending signal.
type hub struct {
	mu     sync.Mutex
	subs   map[chan struct{}]bool
	done   chan struct{}
	closed bool
}

func newHub() *hub { return &hub{subs: map[chan struct{}]bool{}, done: make(chan struct{})} }

func (h *hub) subscribe() (chan struct{}, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed || len(h.subs) >= MaxSubscribers {
		return nil, false
	}
	ch := make(chan struct{}, 1)
	h.subs[ch] = true
	return ch, true
}

func (h *hub) unsubscribe(ch chan struct{}) {
	h.mu.Lock()
	delete(h.subs, ch)
	h.mu.Unlock()
}

func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

func (h *hub) publish() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs {
		select {
		case ch <- struct{}{}:
		default: // a signal is already pending: this change is folded into it
		}
	}
}

func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.closed {
		h.closed = true
		close(h.done)
	}
}
