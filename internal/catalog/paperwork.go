package catalog

import (
	"slices"
	"strings"
)

// Spellings from government paperwork: abbreviated kinds of region («Тверская обл»,
// «респ. Татарстан», «Краснодарский кр.», «Ненецкий АО», «г. Москва») in any word order.
// A catalogue with abbreviations gets a second index keyed by the sorted words of each
// spelling with the abbreviations written out; [Catalog.Match] falls back to it, and an
// abbreviation that reads two ways («АО»: автономный округ or автономная область) tries
// both and accepts only a single answer.

// regionAbbrev maps an abbreviated word (normalised, without its period) to the words it
// stands for.
var regionAbbrev = map[string][]string{
	"обл":   {"область"},
	"респ":  {"республика"},
	"рес":   {"республика"},
	"кр":    {"край"},
	"ао":    {"автономный округ", "автономная область"},
	"авт":   {"автономный", "автономная"},
	"г":     {"город"},
	"гор":   {"город"},
	"нар":   {"народная"},
	"окр":   {"округ"},
	"об-ть": {"область"},
}

// wordsKeys returns the order-free keys of a normalised spelling: its words (split on
// spaces, dashes and periods) with abbreviations written out, sorted and joined. An
// ambiguous abbreviation yields one key per reading.
func wordsKeys(norm string, abbrev map[string][]string) []string {
	words := strings.FieldsFunc(norm, func(r rune) bool { return r == ' ' || r == '-' || r == '.' || r == '(' || r == ')' || r == ',' })
	keys := [][]string{nil}
	for _, w := range words {
		readings := []string{w}
		if exp, ok := abbrev[w]; ok {
			readings = exp
		}
		var next [][]string
		for _, k := range keys {
			for _, r := range readings {
				next = append(next, append(slices.Clone(k), strings.Fields(r)...))
			}
		}
		keys = next
	}
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		slices.Sort(k)
		out = append(out, strings.Join(k, " "))
	}
	return out
}

// buildWords indexes the order-free keys of every spelling; a key two entries share is
// dropped (nil), so it never picks one of them.
func (c *Catalog) buildWords() {
	if c.abbrev == nil {
		return
	}
	c.words = map[string]*Entry{}
	for k, e := range c.index {
		for _, wk := range wordsKeys(k, nil) {
			if prev, ok := c.words[wk]; ok && prev != e {
				c.words[wk] = nil
				continue
			}
			c.words[wk] = e
		}
	}
}

// matchWords is Match's fallback for paperwork spellings.
func (c *Catalog) matchWords(norm string) (*Entry, bool) {
	if c.words == nil {
		return nil, false
	}
	var found *Entry
	for _, k := range wordsKeys(norm, c.abbrev) {
		e := c.words[k]
		if e == nil {
			continue
		}
		if found != nil && found != e {
			return nil, false // two readings, two entries: ambiguous
		}
		found = e
	}
	return found, found != nil
}

// latinLookalikes are the Latin letters that look like Cyrillic ones, as typed with the
// wrong keyboard layout or copied from a form: «OOO», «OАО».
var latinLookalikes = strings.NewReplacer(
	"A", "А", "B", "В", "C", "С", "E", "Е", "H", "Н", "K", "К", "M", "М", "O", "О", "P", "Р", "T", "Т", "X", "Х", "Y", "У",
	"a", "а", "c", "с", "e", "е", "o", "о", "p", "р", "x", "х", "y", "у",
)

// qwertyToJcuken maps the keys of the Latin layout to the Cyrillic letters on them: a
// value typed with the wrong layout switched on («BG» for «ИП»).
var qwertyToJcuken = func() map[rune]rune {
	lat := "qwertyuiop[]asdfghjkl;'zxcvbnm,.`QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>~"
	cyr := "йцукенгшщзхъфывапролджэячсмитьбюёЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮЁ"
	m := map[rune]rune{}
	cr := []rune(cyr)
	for i, r := range []rune(lat) {
		m[r] = cr[i]
	}
	return m
}()

// Cyrillic returns the readings of value with its Latin letters written in Cyrillic: the
// look-alikes replaced («OOO», «OАО» → «ООО», «ОАО»), and, for a value typed wholly in
// Latin letters, the same keys on the Cyrillic layout («BG» → «ИП»). None when value has
// no Latin letters.
func Cyrillic(value string) []string {
	hasLatin := false
	for _, r := range value {
		if ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') {
			hasLatin = true
			break
		}
	}
	if !hasLatin {
		return nil
	}
	var out []string
	if look := latinLookalikes.Replace(value); !strings.ContainsFunc(look, func(r rune) bool {
		return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')
	}) {
		out = append(out, look)
	}
	layout := []rune(value)
	for i, r := range layout {
		if c, ok := qwertyToJcuken[r]; ok {
			layout[i] = c
		} else if r > 0x7f {
			return out // Cyrillic mixed in: not a wrong layout
		}
	}
	return append(out, string(layout))
}
