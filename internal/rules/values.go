package rules

import (
	"slices"
	"strings"

	"github.com/profiler-cx/profiler/internal/catalog"
	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/numhint"
	"github.com/profiler-cx/profiler/internal/segments"
)

// checkValue checks one profile value against its attribute; lsPath names the file that
// declares the attribute, for messages that suggest changing the declaration.
func checkValue(s *sink, a *model.Attribute, v model.Scalar, lsPath string) {
	if v.Number && v.Canonical != "" && v.Text != v.Canonical && a.Type != model.AttrRange {
		s.at(v.Ptr, finding.Warning, RuleUnquoted, i18n.Msg(
			"YAML читает %[1]s без кавычек как число %[2]s — возьмите значение в кавычки: \"%[1]s\"",
			"YAML reads an unquoted %[1]s as the number %[2]s — put it in quotes: \"%[1]s\"", v.Text, v.Canonical))
	}
	switch a.Type {
	case model.AttrEnum:
		if a.Catalog != "" {
			checkCatalog(s, a, v)
			return
		}
		checkEnum(s, a, v, lsPath)
	case model.AttrRange:
		checkRange(s, a, v, lsPath)
	}
}

func checkEnum(s *sink, a *model.Attribute, v model.Scalar, lsPath string) {
	if len(a.Values) == 0 {
		return
	}
	// The first value equal to v.Text, exactly or after normalising, decides. An exact
	// match is found without normalising, so only the values before it need normalising
	// (none, usually): this is the hot path of a large workspace.
	exact := slices.Index(a.Values, v.Text)
	limit := len(a.Values)
	if exact >= 0 {
		limit = exact
	}
	if limit > 0 {
		nv := catalog.Normalize(v.Text)
		for _, allowed := range a.Values[:limit] {
			if catalog.Normalize(allowed) == nv {
				s.at(v.Ptr, finding.Warning, RuleAttrSpelling, i18n.Msg(
					"%q отличается от объявленного значения %q только регистром или буквой «ё» — пишите %q, чтобы профили совпадали при подсчете",
					"%q differs from the declared value %q only in case or «ё» — write %q so that profiles group together", v.Text, allowed, allowed))
				return
			}
		}
	}
	if exact >= 0 {
		return
	}
	msg := i18n.Msg("значение %q не входит в допустимые значения признака %s («%s»): %s", "%q is not an allowed value of attribute %s (%s): %s",
		v.Text, a.ID, a.Title, listValues(a.Values))
	for _, cyr := range catalog.Cyrillic(v.Text) {
		if slices.Contains(a.Values, cyr) {
			s.at(v.Ptr, finding.Error, RuleAttrValue, i18n.Join(" — ", msg, latinHint(cyr)))
			return
		}
	}
	if best := closest(v.Text, a.Values); best != "" {
		msg = i18n.Join("", msg, i18n.Msg(" (может быть, %q?)", " (did you mean %q?)", best))
	}
	msg = i18n.Join("", msg, i18n.Msg(" — исправьте значение или добавьте его в values признака в %s", " — fix the value or add it to the attribute's values in %s", lsPath))
	s.at(v.Ptr, finding.Error, RuleAttrValue, msg)
}

func listValues(vs []string) string {
	if len(vs) > 12 {
		return strings.Join(vs[:12], ", ") + ", …"
	}
	return strings.Join(vs, ", ")
}

func checkCatalog(s *sink, a *model.Attribute, v model.Scalar) {
	c, ok := catalog.Get(a.Catalog)
	if !ok {
		return // unknown catalogue ids are schema errors in the life situation
	}
	e, ok := c.Match(v.Text)
	if ok {
		if e.Legacy != nil {
			s.at(v.Ptr, finding.Warning, RuleCatalogLegacy, i18n.Join("", *e.Legacy,
				i18n.Msg(" — укажите текущую форму", " — write the current form")))
		}
		return
	}
	msg := i18n.Msg("значение %q не найдено в справочнике %s («%s»)", "%q is not in catalogue %s (%s)", v.Text, c.ID, c.Title.RU)
	msg.EN = strings.Replace(msg.EN, c.Title.RU, c.Title.EN, 1)
	for _, cyr := range catalog.Cyrillic(v.Text) {
		if _, found := c.Match(cyr); found {
			s.at(v.Ptr, finding.Error, RuleAttrValue, i18n.Join(" — ", msg, latinHint(cyr)))
			return
		}
	}
	if sug := c.Suggest(v.Text, 3); len(sug) > 0 {
		var names []string
		for _, e := range sug {
			names = append(names, e.Name)
		}
		msg = i18n.Join("", msg, i18n.Msg(" (может быть, %s?) — укажите полное название или сокращение из справочника",
			" (did you mean %s?) — use a full name or an abbreviation from the catalogue", strings.Join(names, " / ")))
	} else {
		msg = i18n.Join("", msg, i18n.Msg(" — укажите полное название или сокращение из справочника (его значения: profiler catalog %s)",
			" — use a full name or an abbreviation from the catalogue (its entries: profiler catalog %s)", c.ID))
	}
	s.at(v.Ptr, finding.Error, RuleAttrValue, msg)
}

func checkRange(s *sink, a *model.Attribute, v model.Scalar, lsPath string) {
	var lo, hi float64
	if n, ok := segments.ParseNumber(v.Text); ok {
		lo, hi = n, n
	} else if b, ok := segments.ParseBucket(v.Text); ok && !strings.HasSuffix(strings.TrimSpace(v.Text), "+") {
		if b.Lo > b.Hi {
			s.at(v.Ptr, finding.Error, RuleAttrValue, i18n.Msg(
				"диапазон %q: начало больше конца — пишите меньшее число первым", "range %q: the start is above the end — write the smaller number first", v.Text))
			return
		}
		lo, hi = b.Lo, b.Hi
	} else if b, ok := segments.ParseBucket(v.Text); ok {
		lo, hi = b.Lo, b.Hi
	} else {
		msg := i18n.Msg("%q — не число и не диапазон: признак %s («%s») числовой; пишите число (20) или диапазон (\"22-25\")",
			"%q is neither a number nor a range: attribute %s (%s) is numeric; write a number (20) or a range (\"22-25\")", v.Text, a.ID, a.Title)
		if k, _ := numhint.Classify(v.Text); k != numhint.None && (k != numhint.Words || a.Unit == "") {
			h, _ := numhint.Hint(v.Text, false)
			msg = i18n.Join(" — ", i18n.Msg("%q — не число: признак %s («%s») числовой", "%q is not a number: attribute %s (%s) is numeric", v.Text, a.ID, a.Title), h)
		} else if a.Unit != "" {
			msg = i18n.Join("", msg, i18n.Msg(" без единицы измерения — она уже указана в ЖС (%s)", " without the unit — the life situation already gives it (%s)", a.Unit))
		}
		s.at(v.Ptr, finding.Error, RuleAttrValue, msg)
		return
	}
	var buckets []segments.Bucket
	for _, bv := range a.Values {
		if b, ok := segments.ParseBucket(bv); ok {
			buckets = append(buckets, b)
		}
	}
	if len(buckets) == 0 {
		return // any number is fine when no buckets are declared
	}
	for _, b := range buckets {
		if b.Contains(lo, hi) {
			return
		}
	}
	if lo == hi {
		s.at(v.Ptr, finding.Error, RuleAttrValue, i18n.Msg(
			"значение %s не попадает ни в один интервал признака %s («%s»): %s — укажите значение из этих интервалов или добавьте интервал в values признака в %s",
			"%s lies in no bucket of attribute %s (%s): %s — use a value inside one of them or add a bucket to the attribute's values in %s",
			v.Text, a.ID, a.Title, strings.Join(a.Values, ", "), lsPath))
		return
	}
	s.at(v.Ptr, finding.Error, RuleAttrValue, i18n.Msg(
		"диапазон %s должен целиком лежать внутри одного интервала признака %s («%s»): %s — сузьте диапазон или поправьте интервалы в %s",
		"range %s must lie inside one bucket of attribute %s (%s): %s — narrow the range or adjust the buckets in %s",
		v.Text, a.ID, a.Title, strings.Join(a.Values, ", "), lsPath))
}

// latinHint words the fix for Latin letters typed in the wrong keyboard layout.
func latinHint(cyr string) i18n.Text {
	return i18n.Msg("латинские буквы — замените на кириллицу: %s", "Latin letters — type them in Cyrillic: %s", cyr)
}
