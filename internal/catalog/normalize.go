package catalog

import (
	"strings"
	"unicode"
)

// Normalize is the normalisation [Catalog.Match] applies to both the catalogue's spellings
// and the user's value before comparing them. It
//
//   - lower-cases and folds «ё» into «е»;
//   - drops quotes of every kind: «» „“ ”" ‘’ ' and the like;
//   - trims the value and collapses runs of white space (including no-break space) to one space;
//   - writes every dash (hyphen, en dash, em dash…) as "-" without spaces around it, so that
//     «Кемеровская область — Кузбасс» and «Кемеровская область-Кузбасс» are equal;
//   - drops trailing periods.
//
// It keeps inner periods, so «г. Москва» and «г.Москва» stay different strings; the catalogue
// indexes both spellings where they matter.
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	pendingSpace := false // a run of white space seen since the last written rune
	afterDash := false    // the last written rune is a dash: spaces after it are dropped
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || (r > unicode.MaxASCII && unicode.IsSpace(r)):
			pendingSpace = true
			continue
		case isQuote(r):
			continue
		case isDash(r):
			b.WriteByte('-')
			pendingSpace, afterDash = false, true
			continue
		}
		if pendingSpace && !afterDash && b.Len() > 0 {
			b.WriteByte(' ')
		}
		pendingSpace, afterDash = false, false
		switch {
		case 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		case 'А' <= r && r <= 'Я': // the common case: Cyrillic capitals, without a table lookup
			r += 'а' - 'А'
		case r == 'ё' || r == 'Ё':
			r = 'е'
		case r > unicode.MaxASCII && !('а' <= r && r <= 'я'):
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return strings.TrimRight(b.String(), ". ")
}

func isQuote(r rune) bool {
	switch r {
	case '"', '\'', '`', '«', '»', '„', '“', '”', '‟', '‘', '’', '‚', '‛', '‹', '›', '″', '′':
		return true
	}
	return false
}

func isDash(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '―', '−':
		return true
	}
	return false
}
