// Package model holds the domain vocabulary of the method — client statuses, profile stages,
// attribute types — and the typed view of life situations and profiles that rules and
// renderers work on. It imports nothing of profiler but i18n.
package model

import (
	"regexp"

	"github.com/profiler-cx/profiler/internal/i18n"
)

// Status is a client status (статус клиента).
type Status string

// The three client statuses of the method.
const (
	Citizen  Status = "citizen"  // гражданин
	Business Status = "business" // представитель бизнеса
	Internal Status = "internal" // внутренний клиент
)

// Statuses lists every status in the method's order.
var Statuses = []Status{Citizen, Business, Internal}

// Name returns the status in words.
func (s Status) Name() i18n.Text {
	switch s {
	case Citizen:
		return i18n.Text{RU: "гражданин", EN: "citizen"}
	case Business:
		return i18n.Text{RU: "представитель бизнеса", EN: "business representative"}
	case Internal:
		return i18n.Text{RU: "внутренний клиент", EN: "internal client"}
	}
	return i18n.Same(string(s))
}

// Valid reports whether s is one of the three statuses.
func (s Status) Valid() bool { return s == Citizen || s == Business || s == Internal }

// Stage is a profile's stage (этап формирования профиля).
type Stage string

// Profile stages in order: II, III, IV and fixed.
const (
	StageSegment    Stage = "segment"    // II этап — сегментация
	StageHypothesis Stage = "hypothesis" // III этап — формирование профиля (гипотезы)
	StageRefined    Stage = "refined"    // IV этап — уточнение профиля
	StageFinal      Stage = "final"      // профиль закреплен
)

// Stages lists the stages in order.
var Stages = []Stage{StageSegment, StageHypothesis, StageRefined, StageFinal}

// Index returns the stage's position in Stages, or -1.
func (s Stage) Index() int {
	for i, x := range Stages {
		if x == s {
			return i
		}
	}
	return -1
}

// Next returns the stage after s, and false for final or an unknown stage.
func (s Stage) Next() (Stage, bool) {
	i := s.Index()
	if i < 0 || i+1 >= len(Stages) {
		return "", false
	}
	return Stages[i+1], true
}

// Name returns the stage in words, with the method's stage number.
func (s Stage) Name() i18n.Text {
	switch s {
	case StageSegment:
		return i18n.Text{RU: "сегмент (II этап)", EN: "segment (stage II)"}
	case StageHypothesis:
		return i18n.Text{RU: "гипотеза (III этап)", EN: "hypothesis (stage III)"}
	case StageRefined:
		return i18n.Text{RU: "уточнен (IV этап)", EN: "refined (stage IV)"}
	case StageFinal:
		return i18n.Text{RU: "закреплен", EN: "final"}
	}
	return i18n.Same(string(s))
}

// AttrType is an attribute's value type.
type AttrType string

// Attribute types.
const (
	AttrEnum  AttrType = "enum"
	AttrRange AttrType = "range"
	AttrText  AttrType = "text"
)

// HypothesisStatus is the state of a hypothesis under test.
type HypothesisStatus string

// Hypothesis states.
const (
	HypothesisOpen      HypothesisStatus = "open"
	HypothesisConfirmed HypothesisStatus = "confirmed"
	HypothesisRefuted   HypothesisStatus = "refuted"
)

// Name returns the hypothesis state in words.
func (h HypothesisStatus) Name() i18n.Text {
	switch h {
	case HypothesisOpen:
		return i18n.Text{RU: "требует проверки", EN: "open"}
	case HypothesisConfirmed:
		return i18n.Text{RU: "подтверждена", EN: "confirmed"}
	case HypothesisRefuted:
		return i18n.Text{RU: "опровергнута", EN: "refuted"}
	}
	return i18n.Same(string(h))
}

// ServiceType is the kind of what the state provides in a life situation.
type ServiceType string

// Name returns the service type in words.
func (t ServiceType) Name() i18n.Text {
	switch t {
	case "service":
		return i18n.Text{RU: "услуга (сервис)", EN: "service"}
	case "function":
		return i18n.Text{RU: "функция", EN: "state function"}
	case "support-measure":
		return i18n.Text{RU: "мера поддержки", EN: "support measure"}
	}
	return i18n.Same(string(t))
}

// IDPattern is the format of every id (life situation, profile, attribute, service): the
// `slug` definition of schemas/defs.schema.json, which a test keeps in step with this.
var IDPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// IsID reports whether s matches IDPattern, without the regexp engine (ids are checked
// for every profile on every run; TestIsID holds the two together): lowercase ASCII
// letters and digits in groups joined by single hyphens.
func IsID(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-':
			if s[i-1] == '-' {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// ReservedID reports whether a profile id is the name of a page render generates beside
// the cards (README.md, index.md): on a filesystem that ignores case they would collide.
func ReservedID(id string) bool { return id == "readme" || id == "index" }
