// Package load turns one YAML file into a JSON-compatible value for the schema validator
// while keeping every node's position, and reports YAML hazards as findings.
//
// The pipeline of [Parse] is: size and encoding checks on the raw bytes (BOM stripped,
// invalid UTF-8, NUL and other characters YAML forbids are located precisely), then
// yaml.v3 decoding into a [yaml.Node] tree (exactly one document), then a single walk
// that builds the value (see convert.go). The walk never calls node.Decode: yaml.v3 has
// already resolved every plain scalar's tag while parsing, so the conversion is a switch
// on the tag per node.
//
// Merge keys (`<<`) are expanded the way YAML 1.1 and yaml.v3 define them: the value is a
// mapping or a sequence of mappings (usually aliases); keys written explicitly in the
// mapping win over merged ones, and among several merged mappings the first one wins.
// Node and Pos follow the same precedence, so positions agree with the value.
//
// Deep nesting: yaml.v3's scanner refuses more than 10,000 open flow brackets or block
// indentation levels ("exceeded max depth", reported here as yaml-limit) before its
// recursive parser could be hurt. The conversion
// recurses at most MaxDepth levels. Aliases are bounded as described in convert.go.
//
// Positions: yaml.v3 gives 1-based lines and columns counted in characters. Its syntax
// errors carry only a line (libyaml parser errors name the line one too low; that is
// corrected here), so a yaml-syntax finding points at the first non-blank character of
// that line. Findings about the whole file (empty, too large) have line and column 0.
package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"gopkg.in/yaml.v3"

	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
)

// Rule ids emitted by this package.
const (
	RuleSyntax         = "yaml-syntax"
	RuleEmpty          = "yaml-empty"
	RuleMultipleDocs   = "yaml-multiple-documents"
	RuleEncoding       = "encoding"
	RuleDuplicateKey   = "yaml-duplicate-key"
	RuleNonStringKey   = "yaml-non-string-key"
	RuleSpecialFloat   = "yaml-special-float"
	RuleLimit          = "yaml-limit"
	RuleAliasCycle     = "yaml-alias-cycle"
	RuleBadMerge       = "yaml-bad-merge"
	RuleInternal       = "yaml-internal"
	RuleDecimalComma   = "yaml-decimal-comma"
	RuleFileRead       = "file-read"
	RuleFileTooLarge   = "file-too-large"
	RuleFileNotRegular = "file-not-regular"
	RulePathNotFound   = "path-not-found"
	// RuleCheckInternal is any check's internal error (a schema that does not compile, a
	// validator that panics); every check imports this package, so the id lives here.
	RuleCheckInternal = "internal"
)

const (
	defaultMaxBytes      = 16 << 20
	defaultMaxDepth      = 256
	defaultMaxNodes      = 1_000_000
	maxNonStringKeyBytes = 64
)

// Rules lists the rule ids of reading and parsing a file, in the order SARIF lists them.
var Rules = []finding.Rule{
	{ID: RuleSyntax, Severity: finding.Error, Short: i18n.Text{RU: "файл не является корректным YAML", EN: "the file is not valid YAML"}},
	{ID: RuleDuplicateKey, Severity: finding.Error, Short: i18n.Text{RU: "ключ повторяется в одном словаре", EN: "a key appears twice in one mapping"}},
	{ID: RuleMultipleDocs, Severity: finding.Error, Short: i18n.Text{RU: "в файле больше одного документа (---)", EN: "a second --- document in the file"}},
	{ID: RuleEmpty, Severity: finding.Error, Short: i18n.Text{RU: "в файле нет документа", EN: "the file has no document"}},
	{ID: RuleNonStringKey, Severity: finding.Error, Short: i18n.Text{RU: "ключ, который YAML читает как число, логическое значение или null", EN: "a key that YAML reads as a number, boolean or null"}},
	{ID: RuleDecimalComma, Severity: finding.Error, Short: i18n.Text{RU: "десятичная запятая в {…}: YAML делит 4,5 на два поля", EN: "a decimal comma inside {…}: YAML splits 4,5 into two fields"}},
	{ID: RuleSpecialFloat, Severity: finding.Error, Short: i18n.Text{RU: ".inf или .nan вместо числа", EN: ".inf or .nan where a number is expected"}},
	{ID: RuleLimit, Severity: finding.Error, Short: i18n.Text{RU: "слишком много ссылок (alias) или слишком глубокая вложенность", EN: "too many aliases or too deep nesting"}},
	{ID: RuleAliasCycle, Severity: finding.Error, Short: i18n.Text{RU: "ссылка (alias) на саму себя", EN: "an alias that refers to itself"}},
	{ID: RuleBadMerge, Severity: finding.Error, Short: i18n.Text{RU: "ключ слияния << не со словарем", EN: "a << merge key whose value is not a mapping"}},
	{ID: RuleInternal, Severity: finding.Error, Short: i18n.Text{RU: "внутренняя ошибка разбора YAML", EN: "internal error while parsing YAML"}},
	{ID: RuleCheckInternal, Severity: finding.Error, Short: i18n.Text{RU: "внутренняя ошибка проверки", EN: "internal error of the check"}},
	{ID: RuleEncoding, Severity: finding.Error, Short: i18n.Text{RU: "файл не в UTF-8, содержит нулевые байты или перевод строки, который видит только YAML (одиночный CR, NEL, LS, PS)", EN: "not UTF-8, NUL bytes, or a line break only YAML counts (lone CR, NEL, LS, PS)"}},
	{ID: RuleFileTooLarge, Severity: finding.Error, Short: i18n.Text{RU: "файл слишком большой", EN: "the file is too large"}},
	{ID: RuleFileNotRegular, Severity: finding.Error, Short: i18n.Text{RU: "не обычный файл", EN: "not a regular file"}},
	{ID: RuleFileRead, Severity: finding.Error, Short: i18n.Text{RU: "файл не удается прочитать", EN: "the file cannot be read"}},
	{ID: RuleLinkOutside, Severity: finding.Error, Short: i18n.Text{RU: "символическая ссылка ведёт за пределы проверяемой папки", EN: "a symbolic link leads outside the checked folder"}},
	{ID: RulePathNotFound, Severity: finding.Error, Short: i18n.Text{RU: "путь не существует", EN: "the path does not exist"}},
}

// Limits bound the work and memory one file may cost. A zero (or negative) field means
// the default from [DefaultLimits].
type Limits struct {
	MaxBytes int64 // file size cap (default 16 MiB)
	MaxDepth int   // nesting depth of mappings/sequences, aliases included (default 256)
	MaxNodes int   // total nodes produced after expanding aliases (default 1_000_000)
}

// DefaultLimits are the limits used when a field of [Limits] is zero.
var DefaultLimits = Limits{MaxBytes: defaultMaxBytes, MaxDepth: defaultMaxDepth, MaxNodes: defaultMaxNodes}

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultLimits.MaxBytes
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultLimits.MaxDepth
	}
	if l.MaxNodes <= 0 {
		l.MaxNodes = DefaultLimits.MaxNodes
	}
	return l
}

// Document is one parsed profiler file.
type Document struct {
	Path  string     // display path (as given; used in findings)
	Root  *yaml.Node // the document's content node (usually a mapping); nil when parsing failed
	Value any        // nil, bool, string, json.Number, []any, map[string]any — nothing else, ever
	// Usable is false when Value must not be validated further (syntax error, empty
	// file, limit hit, bad encoding...).
	Usable bool
	// Poisoned holds JSON Pointers whose value the loader already reported (e.g. .inf,
	// a non-string key); later checkers drop their own findings there. It may be nil.
	Poisoned map[string]bool
	// steps is the converter's work (see converter.steps): a load-independent measure
	// of cost that the hostile-input tests bound instead of a wall-clock time.
	steps int
}

// Parse never panics and never hangs; it returns the document and the findings, with
// positions. Zero fields of lim take their defaults.
func Parse(path string, data []byte, lim Limits) (doc *Document, fs []finding.Finding) {
	lim = lim.withDefaults()
	doc = &Document{Path: path}
	defer func() {
		// yaml.v3 turns its own errors into values, but a bug in it (or here) must not
		// take the whole run down: report it against this file and carry on.
		if r := recover(); r != nil {
			doc.Root, doc.Value, doc.Usable, doc.Poisoned = nil, nil, false, nil
			fs = append(fs, finding.Finding{
				File: path, Severity: finding.Error, Rule: RuleInternal,
				Message: i18n.Msg("внутренняя ошибка при разборе YAML: %v; сообщите разработчикам и приложите файл",
					"internal error while parsing YAML: %v; please report it with the file attached", r),
			})
		}
	}()
	p := parser{path: path, data: data, lim: lim, doc: doc}
	p.run()
	return doc, p.findings
}

type parser struct {
	path     string
	data     []byte
	lim      Limits
	doc      *Document
	findings []finding.Finding
}

func (p *parser) add(line, col int, rule string, msg i18n.Text) {
	p.findings = append(p.findings, finding.Finding{
		File: p.path, Line: line, Column: col, Severity: finding.Error, Rule: rule, Message: msg,
	})
}

var bom = []byte{0xEF, 0xBB, 0xBF}

func (p *parser) run() {
	if int64(len(p.data)) > p.lim.MaxBytes {
		p.add(0, 0, RuleFileTooLarge, tooLargeMsg(int64(len(p.data)), p.lim.MaxBytes))
		return
	}
	data := bytes.TrimPrefix(p.data, bom)
	p.data = data
	if len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF) {
		p.add(1, 1, RuleEncoding, i18n.Msg(
			"файл в кодировке UTF-16; сохраните его в UTF-8",
			"the file is encoded in UTF-16; save it as UTF-8"))
		return
	}
	if off, kind, r := scanText(data); kind != textOK {
		line, col := posAt(data, off)
		p.add(line, col, RuleEncoding, encodingMsg(kind, r))
		return
	}

	dec := yaml.NewDecoder(bytes.NewReader(data))
	var first yaml.Node
	err := dec.Decode(&first)
	if errors.Is(err, io.EOF) {
		p.add(0, 0, RuleEmpty, emptyMsg())
		return
	}
	if err != nil {
		p.yamlError(err)
		return
	}
	if len(first.Content) == 1 {
		p.doc.Root = first.Content[0]
	}
	// A second document is an error, but the first one is still worth checking.
	var second yaml.Node
	if err := dec.Decode(&second); err == nil {
		p.add(second.Line, second.Column, RuleMultipleDocs, i18n.Msg(
			"второй YAML-документ в файле (после «---»): в файле должен быть ровно один документ; вынесите его в отдельный файл",
			"a second YAML document in the file (after \"---\"): a file must hold exactly one document; move it to a file of its own"))
	} else if !errors.Is(err, io.EOF) {
		p.yamlError(err)
	}

	root := p.doc.Root
	if root == nil || isEmptyNull(root) {
		p.add(0, 0, RuleEmpty, emptyMsg())
		return
	}
	c := converter{lim: p.lim, p: p, root: root}
	v := c.value(root, 1)
	p.doc.steps = c.steps
	if c.failed {
		return
	}
	p.doc.Value, p.doc.Poisoned, p.doc.Usable = v, c.poisoned, true
}

// isEmptyNull reports a document with no content at all (e.g. only "---" and comments).
func isEmptyNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Value == "" && n.Style == 0 && n.ShortTag() == "!!null" &&
		n.Anchor == ""
}

func emptyMsg() i18n.Text {
	return i18n.Msg("файл пуст (в нём нет ничего, кроме комментариев)",
		"the file is empty (nothing but comments)")
}

func tooLargeMsg(size, limit int64) i18n.Text {
	return i18n.Msg("файл слишком большой: %[1]d байт при пределе %[2]s; разделите его на несколько файлов",
		"the file is too large: %[1]d bytes, the limit is %[2]s; split it into several files",
		size, sizeText(limit))
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}
