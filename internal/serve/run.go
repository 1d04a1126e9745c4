package serve

import (
	"context"
	"errors"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"github.com/profiler-cx/profiler/internal/i18n"
)

// Options configure [Start].
type Options struct {
	Paths []string
	Lang  i18n.Lang
	Addr  string // host:port; port 0 picks a free one
	// Built, when set, is called after every rebuild (the first one included).
	Built func(Build)
}

// Server is a running preview.
type Server struct {
	URL     string // http://host:port/
	Addr    net.Addr
	Site    *Site
	Handler *Handler
	First   Build // the start-up build
	srv     *http.Server
	served  chan error
	cancel  context.CancelFunc
	watched chan struct{}
}

// Start builds the site, starts watching and listens. The returned server runs until
// Stop. A broken workspace still starts (its pages say what is wrong); only a listen or
// watch error is returned.
func Start(opts Options) (*Server, error) {
	paths := make([]string, len(opts.Paths))
	for i, p := range opts.Paths {
		paths[i] = filepath.Clean(p)
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return nil, err
	}
	site := NewSite(paths, opts.Lang)
	// Watch before the first build: a save during it is then not missed.
	w, err := NewWatcher(site, paths)
	if err != nil {
		ln.Close()
		return nil, err
	}
	first := site.Rebuild()
	if opts.Built != nil {
		opts.Built(first)
	}
	h := NewHandler(site, opts.Lang, ln.Addr())
	site.OnChange = h.Notify // set before the watcher's goroutine starts
	s := &Server{URL: "http://" + ln.Addr().String() + "/", Addr: ln.Addr(), Site: site, Handler: h, First: first,
		served: make(chan error, 1), watched: make(chan struct{})}
	s.srv = &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, MaxHeaderBytes: 64 << 10}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	go func() {
		defer close(s.watched)
		w.Run(ctx, func(b Build) {
			if opts.Built != nil {
				opts.Built(b)
			}
		})
	}()
	go func() { s.served <- s.srv.Serve(ln) }()
	return s, nil
}

// Stop ends the event streams, lets the requests in flight finish (for up to timeout) and
// stops watching.
func (s *Server) Stop(timeout time.Duration) error {
	s.Handler.Close()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	err := s.srv.Shutdown(ctx)
	if errors.Is(err, context.DeadlineExceeded) {
		// A connection still busy, or opened and never used (Shutdown waits for those):
		// after the grace period they are closed, as Ctrl-C asked.
		err = s.srv.Close()
	}
	s.cancel()
	<-s.watched
	if serr := <-s.served; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}
