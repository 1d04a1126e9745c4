// Package translit turns titles into ids: Cyrillic is transliterated by ГОСТ 7.79-2000,
// system B (the one Russian government documents and URLs use), then reduced to a slug that
// matches the format's id pattern ^[a-z0-9]+(-[a-z0-9]+)*$.
//
// # The table
//
// System B with the changes a slug needs: the apostrophes that system B writes for ъ, ь,
// ы (y') and э (e') are dropped, so ъ and ь vanish, ы → y, э → e. ц is c before и, е, ы, й
// and cz elsewhere, as the standard says. Latin letters are lowercased and kept, ASCII
// digits are kept, anything else (spaces, punctuation, other scripts) separates words and
// becomes a single hyphen. Ukrainian and Belarusian letters of the standard's table are
// included (і, ї, є, ґ, ў), and so are the standard's letters of other languages (Kazakh
// қ → k, ә → a, ң → n, ө → o, ү and ұ → u, һ → h; Macedonian, Serbian, Tajik, the pre-1918
// ѣ, ѳ, ѵ, ѫ), the apostrophe system B writes after some of them dropped like the others.
// Latin letters with diacritics are folded to their base letter (é → e, ç → c) and the
// ligatures spelled out (ß → ss, æ → ae, œ → oe), so «Café crème» gives cafe-creme and
// «Straße» strasse rather than losing the letters.
//
// Examples: «Поступление в вуз» → postuplenie-v-vuz; «Включение в реестр туроператоров» →
// vklyuchenie-v-reestr-turoperatorov; «Щука» → shhuka; «Цирк» → cirk; «Цапля» → czaplya.
package translit

import (
	"errors"
	"strings"
	"unicode"

	"github.com/profiler-cx/profiler/internal/model"
)

// MaxLen is the longest id the format allows.
const MaxLen = 100

// errEmpty is returned when the title has no letter or digit to build an id from.
var errEmpty = errors.New("translit: the title has no letters or digits to build an id from")

// pattern is the format's id pattern (defs.schema.json#/$defs/slug).
var pattern = model.IDPattern

// table is ГОСТ 7.79-2000 system B for lowercase letters, apostrophes dropped.
var table = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo", 'ж': "zh",
	'з': "z", 'и': "i", 'й': "j", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
	'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "x", 'ц': "cz",
	'ч': "ch", 'ш': "sh", 'щ': "shh", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu",
	'я': "ya",
	// Ukrainian and Belarusian letters of the same table.
	'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g", 'ў': "u",
	// Letters of other languages in the standard's table, apostrophes dropped.
	'ѓ': "g", 'ѕ': "z", 'ј': "j", 'ќ': "k", 'љ': "l", 'њ': "n", 'џ': "dh", 'ђ': "dj", 'ћ': "c",
	'ә': "a", 'ғ': "g", 'қ': "k", 'ң': "n", 'ө': "o", 'ұ': "u", 'ү': "u", 'һ': "h",
	'ҳ': "x", 'ҷ': "ch", 'ӣ': "i", 'ӯ': "u", 'ҙ': "z", 'ҫ': "s", 'ӑ': "a", 'ӗ': "e", 'ӳ': "u",
	'ӧ': "o", 'ӱ': "u", 'ӓ': "a", 'ӹ': "y", 'ҥ': "n", 'ӈ': "n", 'ҕ': "g", 'ӄ': "k",
	'ѣ': "ye", 'ѳ': "fh", 'ѵ': "yh", 'ѫ': "o", 'ѧ': "ya",
}

// latin folds Latin letters with diacritics to their base letters and spells out the
// ligatures: the Latin-1 Supplement and Latin Extended-A blocks, lowercase.
var latin = func() map[rune]string {
	m := map[rune]string{'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ð': "d", 'þ': "th", 'ĳ': "ij",
		'ı': "i", 'ł': "l", 'đ': "d", 'ħ': "h", 'ŧ': "t", 'ŋ': "n", 'ĸ': "k", 'ſ': "s", 'ŉ': "n"}
	for base, letters := range map[string]string{
		"a": "àáâãäåāăą", "c": "çćĉċč", "d": "ď", "e": "èéêëēĕėęě", "g": "ĝğġģ",
		"h": "ĥ", "i": "ìíîïĩīĭį", "j": "ĵ", "k": "ķ", "l": "ĺļľŀ", "n": "ñńņň",
		"o": "òóôõöōŏő", "r": "ŕŗř", "s": "śŝşš", "t": "ţť", "u": "ùúûüũūŭůűų",
		"w": "ŵ", "y": "ýÿŷ", "z": "źżž",
	} {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()

// softC are the letters before which ц is written c rather than cz.
func softC(r rune) bool { return r == 'и' || r == 'е' || r == 'ы' || r == 'й' }

// Slug transliterates s and reduces it to an id of at most [MaxLen] characters, cut at a
// hyphen where possible. It returns [errEmpty] when nothing is left.
func Slug(s string) (string, error) {
	rs := []rune(strings.ToLower(s))
	var b strings.Builder
	sep := false // a separator is pending
	emit := func(t string) {
		if t == "" {
			return
		}
		if sep && b.Len() > 0 {
			b.WriteByte('-')
		}
		sep = false
		b.WriteString(t)
	}
	for i, r := range rs {
		switch {
		case r == 'ц':
			if i+1 < len(rs) && softC(rs[i+1]) {
				emit("c")
			} else {
				emit("cz")
			}
		case r == 'ъ' || r == 'ь':
			// Dropped without separating: «подъезд» → podezd.
		case table[r] != "":
			emit(table[r])
		case latin[r] != "":
			emit(latin[r])
		case r < unicode.MaxASCII && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
			emit(string(r))
		case unicode.Is(unicode.Mn, r):
			// A combining accent (a decomposed é, the dot of a lowercased İ) belongs to
			// the letter before it: dropped without separating.
		case r == '\'' || r == '’' || r == 0x2bc:
			// Apostrophes inside a word (д'Артаньян, O'Neil) do not split it.
		default:
			sep = true
		}
	}
	out := b.String()
	if out == "" {
		return "", errEmpty
	}
	return cut(out), nil
}

// cut shortens an over-long slug at the last hyphen within MaxLen (or at MaxLen when the
// first word alone is longer).
func cut(s string) string {
	if len(s) <= MaxLen {
		return s
	}
	if i := strings.LastIndexByte(s[:MaxLen+1], '-'); i > 0 {
		return s[:i]
	}
	return s[:MaxLen]
}

// Valid reports whether id matches the format's id pattern and length.
func Valid(id string) bool { return len(id) <= MaxLen && pattern.MatchString(id) }
