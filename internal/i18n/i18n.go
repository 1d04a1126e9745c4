// Package i18n carries user-facing text in both languages profiler speaks.
//
// Every message a user can read is built as a [Text] holding its Russian and English
// wording side by side, so a reviewer sees both at once and neither can be forgotten.
// The language is chosen only when the text is printed.
package i18n

import (
	"fmt"
	"strings"
)

// Lang is an output language.
type Lang string

// Supported languages. Russian is the default: users write Russian.
const (
	RU Lang = "ru"
	EN Lang = "en"
)

// EnvVar names the environment variable that selects the language when --lang is not given.
const EnvVar = "PROFILER_LANG"

// Parse turns a user-supplied language name into a Lang. It accepts "ru", "en" and
// locale-like spellings such as "ru_RU.UTF-8" or "EN".
func Parse(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "ru" || strings.HasPrefix(s, "ru_") || strings.HasPrefix(s, "ru-"):
		return RU, true
	case s == "en" || strings.HasPrefix(s, "en_") || strings.HasPrefix(s, "en-"):
		return EN, true
	}
	return "", false
}

// Text is one message in both languages.
type Text struct {
	RU string
	EN string
}

// In returns the wording for lang (Russian for anything but EN).
func (t Text) In(lang Lang) string {
	if lang == EN {
		return t.EN
	}
	return t.RU
}

// IsZero reports whether the text is empty in both languages.
func (t Text) IsZero() bool { return t.RU == "" && t.EN == "" }

// Msg formats both wordings with the same arguments. Use indexed verbs (%[2]s) when the
// two languages need the arguments in a different order.
//
// An argument that is a Text or a [Localizer] (an error that knows its wording in each
// language) is printed in the message's own language, so a Russian message never quotes
// an English fragment.
func Msg(ru, en string, args ...any) Text {
	if len(args) == 0 {
		return Text{RU: ru, EN: en}
	}
	ruArgs, enArgs := args, args
	for i, a := range args {
		var t Text
		switch a := a.(type) {
		case Text:
			t = a
		case Localizer:
			t = a.Localize()
		default:
			continue
		}
		if &ruArgs[0] == &args[0] {
			ruArgs, enArgs = append([]any(nil), args...), append([]any(nil), args...)
		}
		ruArgs[i], enArgs[i] = t.RU, t.EN
	}
	return Text{RU: fmt.Sprintf(ru, ruArgs...), EN: fmt.Sprintf(en, enArgs...)}
}

// Localizer is a message argument with a wording in each language.
type Localizer interface{ Localize() Text }

// Same is a text that reads the same in both languages (a number, a code, a file name).
func Same(s string) Text { return Text{RU: s, EN: s} }

// Join concatenates texts with sep in each language.
func Join(sep string, parts ...Text) Text {
	var ru, en []string
	for _, p := range parts {
		if p.IsZero() {
			continue
		}
		ru = append(ru, p.RU)
		en = append(en, p.EN)
	}
	return Text{RU: strings.Join(ru, sep), EN: strings.Join(en, sep)}
}
