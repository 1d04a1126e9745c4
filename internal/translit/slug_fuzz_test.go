package translit

import (
	"errors"
	"strings"
	"testing"
	"unicode"
)

// FuzzSlugProperties: an id made from any title is short enough, matches the id pattern, is
// its own id (Slug(Slug(s)) == Slug(s), so ids survive a second pass through init or new),
// and for titles in basic Cyrillic and ASCII does not depend on letter case.
func FuzzSlugProperties(f *testing.F) {
	for _, s := range []string{
		"Поступление в вуз", "Увольнение с государственной службы", "ЦИРК Цапля цыпленок", "ЁЖ ёж",
		"подъезд", "O'Neil д'Артаньян", strings.Repeat("Щука ", 40), "  --Пробелы--  ", "ß ẞ İ ı",
		"ǅ ﬁ Ⅻ ①", "日本 العربية", "a\u0301", "\u202eevil", "x\x00y", "\xff\xfe",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := Slug(s)
		if err != nil {
			if !errors.Is(err, errEmpty) || id != "" {
				t.Fatalf("Slug(%q) = %q, %v", s, id, err)
			}
			return
		}
		if len(id) > MaxLen || !pattern.MatchString(id) {
			t.Fatalf("Slug(%q) = %q: %d bytes or not an id", s, id, len(id))
		}
		if again, err := Slug(id); err != nil || again != id {
			t.Fatalf("Slug(Slug(%q)) = %q, %v; want %q", s, again, err, id)
		}
		plain := true
		for _, r := range s {
			// Basic Cyrillic only: historic variants (ᲁ, long-legged de) upper-case to a
			// basic letter (Д) that the table knows while the variant is not in it.
			if r > unicode.MaxASCII && (r < 0x400 || r > 0x4ff) {
				plain = false
				break
			}
		}
		if plain {
			if up, err := Slug(strings.ToUpper(s)); err != nil || up != id {
				t.Fatalf("Slug(upper(%q)) = %q, %v; want %q", s, up, err, id)
			}
		}
	})
}
