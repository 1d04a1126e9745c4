package rules

import (
	"strconv"
	"strings"

	"github.com/profiler-cx/profiler/internal/catalog"
	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/model"
)

// bucket is a declared range value: "18-25" or the open-ended "51+".
type bucket struct {
	lo, hi float64
	text   string
}

func parseNum(s string) (float64, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", ".")
	if s == "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// parseBucket reads "A-B" or "A+". It also serves profile values, where "22-25" is a
// sub-range that must lie inside one declared bucket.
func parseBucket(s string) (bucket, bool) {
	t := strings.TrimSpace(s)
	if strings.HasSuffix(t, "+") {
		lo, ok := parseNum(strings.TrimSuffix(t, "+"))
		return bucket{lo: lo, hi: 1e308, text: s}, ok
	}
	a, b, found := strings.Cut(t, "-")
	if !found || a == "" {
		return bucket{}, false
	}
	lo, ok1 := parseNum(a)
	hi, ok2 := parseNum(b)
	return bucket{lo: lo, hi: hi, text: s}, ok1 && ok2
}

func (b bucket) contains(lo, hi float64) bool { return b.lo <= lo && hi <= b.hi }

func checkValue(s *sink, a *model.Attribute, v model.Scalar) {
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
		checkEnum(s, a, v)
	case model.AttrRange:
		checkRange(s, a, v)
	}
}

func checkEnum(s *sink, a *model.Attribute, v model.Scalar) {
	if len(a.Values) == 0 {
		return
	}
	nv := catalog.Normalize(v.Text)
	for _, allowed := range a.Values {
		if allowed == v.Text {
			return
		}
		if catalog.Normalize(allowed) == nv {
			s.at(v.Ptr, finding.Warning, RuleAttrSpelling, i18n.Msg(
				"%q записано не так, как в каталоге признаков: пишите %q, чтобы значения совпадали при подсчете",
				"%q is spelled differently from the attribute catalogue: write %q so values group together", v.Text, allowed))
			return
		}
	}
	msg := i18n.Msg("значение %q не входит в допустимые значения признака %q («%s»)", "%q is not an allowed value of attribute %q (%s)", v.Text, a.ID, a.Title)
	if best := closest(v.Text, a.Values); best != "" {
		msg = i18n.Join("", msg, i18n.Msg(" (может быть, %q?)", " (did you mean %q?)", best))
	}
	msg = i18n.Join("", msg, i18n.Msg(": %s — или добавьте значение в values признака", ": %s — or add it to the attribute's values", listValues(a.Values)))
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
	msg := i18n.Msg("%q не найдено в справочнике %s («%s»)", "%q is not in catalogue %s (%s)", v.Text, c.ID, c.Title.RU)
	msg.EN = strings.Replace(msg.EN, c.Title.RU, c.Title.EN, 1)
	if sug := c.Suggest(v.Text, 3); len(sug) > 0 {
		var names []string
		for _, e := range sug {
			names = append(names, e.Name)
		}
		msg = i18n.Join("", msg, i18n.Msg(" — может быть, %s?", " — did you mean %s?", strings.Join(names, " / ")))
	} else {
		msg = i18n.Join("", msg, i18n.Msg(" — укажите полное название или сокращение из справочника (список: profiler schema и README)",
			" — use a full name or an abbreviation from the catalogue (see the README)"))
	}
	s.at(v.Ptr, finding.Error, RuleAttrValue, msg)
}

func checkRange(s *sink, a *model.Attribute, v model.Scalar) {
	var lo, hi float64
	if n, ok := parseNum(v.Text); ok {
		lo, hi = n, n
	} else if b, ok := parseBucket(v.Text); ok && !strings.HasSuffix(strings.TrimSpace(v.Text), "+") {
		if b.lo > b.hi {
			s.at(v.Ptr, finding.Error, RuleAttrValue, i18n.Msg(
				"диапазон %q: начало больше конца", "range %q: the start is above the end", v.Text))
			return
		}
		lo, hi = b.lo, b.hi
	} else if b, ok := parseBucket(v.Text); ok {
		lo, hi = b.lo, b.hi
	} else {
		msg := i18n.Msg("%q — не число и не диапазон: признак %q («%s») числовой; пишите число (20) или диапазон (\"22-25\")",
			"%q is neither a number nor a range: attribute %q (%s) is numeric; write a number (20) or a range (\"22-25\")", v.Text, a.ID, a.Title)
		if a.Unit != "" {
			msg = i18n.Join("", msg, i18n.Msg(" без единицы измерения — она уже указана в ЖС (%s)", " without the unit — the life situation already gives it (%s)", a.Unit))
		}
		s.at(v.Ptr, finding.Error, RuleAttrValue, msg)
		return
	}
	var buckets []bucket
	for _, bv := range a.Values {
		if b, ok := parseBucket(bv); ok {
			buckets = append(buckets, b)
		}
	}
	if len(buckets) == 0 {
		return // any number is fine when no buckets are declared
	}
	for _, b := range buckets {
		if b.contains(lo, hi) {
			return
		}
	}
	s.at(v.Ptr, finding.Error, RuleAttrValue, i18n.Msg(
		"%s не попадает целиком ни в один интервал признака %q («%s»): %s — выберите значение внутри одного интервала или поправьте интервалы",
		"%s does not lie inside one bucket of attribute %q (%s): %s — pick a value inside one bucket or adjust the buckets",
		v.Text, a.ID, a.Title, strings.Join(a.Values, ", ")))
}
