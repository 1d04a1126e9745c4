package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// TestDocLinks follows every relative link of the README, CONTRIBUTING and the documents
// in .docs: the file or folder must exist and a #fragment must name a heading of the
// Markdown file it points into (as GitHub makes anchors of headings). Code blocks and code
// spans are skipped: what they hold is an example, not a link.
func TestDocLinks(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	docs := []string{"README.md", filepath.Join(".github", "CONTRIBUTING.md")}
	err = filepath.WalkDir(filepath.Join(root, ".docs"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			rel, _ := filepath.Rel(root, p)
			docs = append(docs, rel)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	anchors := map[string]map[string]bool{} // Markdown file → its heading anchors
	anchorsOf := func(p string) (map[string]bool, error) {
		if a, ok := anchors[p]; ok {
			return a, nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		anchors[p] = headingAnchors(string(b))
		return anchors[p], nil
	}
	links := 0
	for _, doc := range docs {
		b, err := os.ReadFile(filepath.Join(root, doc))
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range relativeLinks(string(b)) {
			links++
			target, frag, _ := strings.Cut(l.target, "#")
			p := filepath.Join(root, doc)
			if target != "" {
				p = filepath.Join(filepath.Dir(p), filepath.FromSlash(target))
			}
			if _, err := os.Stat(p); err != nil {
				t.Errorf("%s:%d: link to %s: no such file or folder", doc, l.line, l.target)
				continue
			}
			if frag == "" {
				continue
			}
			if !strings.HasSuffix(p, ".md") {
				t.Errorf("%s:%d: link to %s: a fragment on a file that is not Markdown", doc, l.line, l.target)
				continue
			}
			a, err := anchorsOf(p)
			if err != nil {
				t.Fatal(err)
			}
			if !a[frag] {
				t.Errorf("%s:%d: link to %s: no heading with the anchor #%s", doc, l.line, l.target, frag)
			}
		}
	}
	if links < 50 {
		t.Fatalf("found only %d relative links in %d documents; is the link pattern broken?", links, len(docs))
	}
}

type docLink struct {
	line   int
	target string
}

var (
	inlineLink = regexp.MustCompile(`\]\(([^)\s]+)\)`)
	codeSpan   = regexp.MustCompile("`[^`]*`")
	headingRe  = regexp.MustCompile(`^#{1,6} +(.*?) *#*$`)
)

// relativeLinks returns the targets of the inline links outside code that are neither
// absolute URLs nor mail addresses.
func relativeLinks(md string) []docLink {
	var out []docLink
	fence := ""
	for i, line := range strings.Split(md, "\n") {
		trimmed := strings.TrimLeft(line, " ")
		if f := fenceOf(trimmed); f != "" {
			switch {
			case fence == "":
				fence = f
			case strings.HasPrefix(trimmed, fence) && strings.TrimSpace(strings.TrimLeft(trimmed, fence[:1])) == "":
				fence = ""
			}
			continue
		}
		if fence != "" {
			continue
		}
		for _, m := range inlineLink.FindAllStringSubmatch(codeSpan.ReplaceAllString(line, ""), -1) {
			if t := m[1]; !regexp.MustCompile(`^[a-z]+:`).MatchString(t) {
				out = append(out, docLink{i + 1, t})
			}
		}
	}
	return out
}

func fenceOf(line string) string {
	for _, f := range []string{"```", "~~~"} {
		if strings.HasPrefix(line, f) {
			return line[:len(line)-len(strings.TrimLeft(line, f[:1]))]
		}
	}
	return ""
}

// headingAnchors returns the anchors GitHub gives the headings of a Markdown file:
// lower case, punctuation dropped, spaces turned into hyphens, "-1", "-2"… for repeats.
func headingAnchors(md string) map[string]bool {
	out := map[string]bool{}
	seen := map[string]int{}
	fence := ""
	for _, line := range strings.Split(md, "\n") {
		if f := fenceOf(strings.TrimLeft(line, " ")); f != "" {
			if fence == "" {
				fence = f
			} else if strings.HasPrefix(strings.TrimLeft(line, " "), fence) {
				fence = ""
			}
			continue
		}
		m := headingRe.FindStringSubmatch(line)
		if fence != "" || m == nil {
			continue
		}
		text := regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`).ReplaceAllString(m[1], "$1")
		var b strings.Builder
		for _, r := range strings.ToLower(text) {
			switch {
			case r == ' ':
				b.WriteRune('-')
			case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
				b.WriteRune(r)
			}
		}
		a := b.String()
		if n := seen[a]; n > 0 {
			out[fmt.Sprintf("%s-%d", a, n)] = true
		} else {
			out[a] = true
		}
		seen[a]++
	}
	return out
}
