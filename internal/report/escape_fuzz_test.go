package report

import (
	"net/url"
	"strings"
	"testing"
)

// FuzzEscapes: a GitHub workflow command stays one line and decodes back to the input;
// a SARIF URI path has only URI-safe bytes and decodes back to the path.
func FuzzEscapes(f *testing.F) {
	for _, s := range []string{"", "поступление в вуз/profiles/студент.yaml", "50%\r\n:,", "%0A", "a:b/c?d#e f"} {
		f.Add(s)
	}
	unescape := strings.NewReplacer("%25", "%", "%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",")
	f.Fuzz(func(t *testing.T, s string) {
		for name, esc := range map[string]string{"data": ghData(s), "property": ghProperty(s)} {
			if strings.ContainsAny(esc, "\r\n") {
				t.Fatalf("%s escape of %q has a line break: %q", name, s, esc)
			}
			if got := unescape.Replace(esc); got != s {
				t.Fatalf("%s escape of %q decodes to %q", name, s, got)
			}
		}
		if p := ghProperty(s); strings.ContainsAny(p, ":,") {
			t.Fatalf("property escape of %q keeps a separator: %q", s, p)
		}
		u := encodeURIPath(s)
		for i := 0; i < len(u); i++ {
			c := u[i]
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~/%", c) >= 0) {
				t.Fatalf("URI %q of %q has byte %q", u, s, c)
			}
		}
		if got, err := url.PathUnescape(u); err != nil || got != s {
			t.Fatalf("URI %q of %q decodes to %q, %v", u, s, got, err)
		}
	})
}
