package model

// Pointers: every element below records the JSON Pointer of its place in the file, so a
// rule can ask the document for a line and column without re-walking the YAML.

// Item is an entry of journey, pains or similar lists: a text and, optionally, its source.
type Item struct {
	Text   string
	Source string
	Ptr    string
}

// Service is a service, function or support measure of a life situation.
type Service struct {
	ID          string
	Title       string
	Type        ServiceType
	Description string
	Ptr         string
}

// Attribute is an entry of a life situation's attribute catalogue (признак для сегментации).
type Attribute struct {
	ID          string
	Title       string
	Description string
	Statuses    []Status
	Type        AttrType
	Unit        string
	Values      []string
	Catalog     string
	Sources     []string
	Ptr         string
}

// HasStatus reports whether the attribute describes clients of status s.
func (a *Attribute) HasStatus(s Status) bool {
	for _, x := range a.Statuses {
		if x == s {
			return true
		}
	}
	return false
}

// LifeSituation is a life situation (жизненная ситуация, ЖС): stage I of the method.
type LifeSituation struct {
	Path        string // display path of its file
	ID          string
	Title       string
	Description string
	Owner       string
	Statuses    []Status
	Services    []Service
	Attributes  []Attribute
}

// Attribute returns the catalogue entry with the given id, or nil.
func (ls *LifeSituation) Attribute(id string) *Attribute {
	for i := range ls.Attributes {
		if ls.Attributes[i].ID == id {
			return &ls.Attributes[i]
		}
	}
	return nil
}

// HasStatus reports whether the life situation lists status s.
func (ls *LifeSituation) HasStatus(s Status) bool {
	for _, x := range ls.Statuses {
		if x == s {
			return true
		}
	}
	return false
}

// Scalar is one attribute value as written: Text is the YAML literal (so `007` stays
// "007"), Number tells whether YAML read it as a number.
type Scalar struct {
	Text      string
	Number    bool
	Canonical string // the number YAML read, when Number; differs from Text for `007`, `1_000`
	Ptr       string
}

// AttrValue is one «признак — значение» pair of a profile, in file order.
type AttrValue struct {
	Key    string
	Values []Scalar // one entry, or several when the file gives a list
	List   bool
	Ptr    string
}

// Param is a stage-II prioritisation parameter ({value, source?, note?}).
type Param struct {
	Set    bool
	Number float64 // capacity, satisfaction
	Bool   bool    // the additional flags
	Scale  float64 // satisfaction only; 5 when not given, 0 when given but not a positive number
	// ScaleFrom is where satisfaction's scale starts: 1 when not given (surveys run 1–5).
	ScaleFrom float64
	Source    string
	Note      string
	Ptr       string
}

// Priority holds the stage-II parameters (параметры приоритизации).
type Priority struct {
	Capacity       Param // емкость сегмента
	Satisfaction   Param // уровень удовлетворенности
	UniqueProblems Param // уникальность проблем
	BlindZone      Param // слепая зона
	CustomerFocus  Param // позиция заказчика
}

// Channels are the preferred interaction channels (предпочтительные каналы взаимодействия).
type Channels struct {
	Informing []string // информирование
	Service   []string // получение услуг
}

// Hypothesis is a claim under test.
type Hypothesis struct {
	Text     string
	Status   HypothesisStatus
	Evidence string
	Source   string
	Ptr      string
}

// HistoryEntry is one refinement (stage IV).
type HistoryEntry struct {
	Date   string
	Change string
	Basis  string
	Stage  Stage
	Ptr    string
}

// Profile is a client-segment profile (профиль клиентского сегмента).
type Profile struct {
	Path          string
	ID            string
	LifeSituation string
	Title         string
	Description   string
	Status        Status
	Stage         Stage
	Attributes    []AttrValue
	Priority      Priority
	Journey       []Item
	Channels      Channels
	Pains         []Item
	Hypotheses    []Hypothesis
	Sources       []string
	History       []HistoryEntry
	Notes         string
}
