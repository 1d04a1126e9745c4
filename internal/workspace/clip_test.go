package workspace

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClipMessage(t *testing.T) {
	long := strings.Repeat("ж", 5000)
	cases := []struct{ name, in, want string }{
		{"short stays", `value "abc" is bad`, `value "abc" is bad`},
		{"long Go quote", `value "` + long + `" is bad; use one of: a, b`,
			`value "` + strings.Repeat("ж", keepQuote) + `…" is bad; use one of: a, b`},
		{"long guillemets", "title «" + long + "» twice", "title «" + strings.Repeat("ж", keepQuote) + "…» twice"},
		{"escaped quote inside", `v "` + strings.Repeat(`a\"`, 100) + `" end`,
			`v "` + strings.Repeat(`a\"`, 33) + `a…" end`},
		{"two quotes, one long", `key "k" value "` + long + `"`, `key "k" value "` + strings.Repeat("ж", keepQuote) + `…"`},
		{"quote of exactly the limit", `"` + strings.Repeat("x", maxQuote) + `"`, `"` + strings.Repeat("x", maxQuote) + `"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := clipMessage(c.in); got != c.want {
				t.Errorf("clipMessage =\n%q\nwant\n%q", got, c.want)
			}
		})
	}
	// An unclosed quote or plain long text is cut in the middle, head and tail kept.
	got := clipMessage(`unclosed "` + long + " fix: do this")
	if n := utf8.RuneCountInString(got); n > maxMessage+3 || !strings.HasPrefix(got, `unclosed "`) || !strings.HasSuffix(got, "fix: do this") {
		t.Errorf("unclosed quote: %d runes, %q…", n, got[:40])
	}
}
