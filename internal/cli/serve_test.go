package cli

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is stderr shared between the serving goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// profiler serve as the user runs it: it prints the address, serves the examples' site,
// reports a broken file with its place in the chosen language, and stops cleanly.
func TestServeCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ws")
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "examples"))); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	started := make(chan string, 1)
	serveStop, serveStarted = stop, func(url string) { started <- url }
	defer func() { serveStop, serveStarted = nil, nil }()
	var stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- Main([]string{"--lang", "en", "serve", dir, "--addr", "127.0.0.1:0"}, IOStreams{In: strings.NewReader(""), Out: io.Discard, ErrOut: &stderr})
	}()
	var url string
	select {
	case url = <-started:
	case code := <-done:
		t.Fatalf("exited %d:\n%s", code, stderr.String())
	case <-time.After(60 * time.Second):
		t.Fatal("did not start")
	}
	if !strings.Contains(stderr.String(), "profiler: preview at "+url) {
		t.Errorf("no address in:\n%s", stderr.String())
	}
	resp, err := http.Get(url)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET %s: %v %v", url, resp, err)
	}
	resp.Body.Close()
	prof := filepath.Join(dir, "postuplenie-v-vuz", "profiles", "student-sosednij-region.yaml")
	if err := os.WriteFile(prof, []byte("apiVersion: profiler/v1\nkind: Profile\nid: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(15 * time.Second)
	for !strings.Contains(stderr.String(), "errors in the input — the last good pages are shown") {
		if time.Now().After(deadline) {
			t.Fatalf("no report of the broken file:\n%s", stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(stderr.String(), "postuplenie-v-vuz/profiles/student-sosednij-region.yaml:4:1: error: YAML syntax error") {
		t.Errorf("the broken file's place is not named:\n%s", stderr.String())
	}
	close(stop)
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d", code)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("did not stop")
	}
	if !strings.HasSuffix(stderr.String(), "profiler: preview stopped\n") {
		t.Errorf("no stop message:\n%s", stderr.String())
	}
}
