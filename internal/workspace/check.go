// Package workspace finds profiler documents under the given paths, loads and checks them
// in parallel, then runs the cross-file rules, and returns every finding sorted.
//
// Discovery (which files are documents: paths, folder walks, links, the life situation
// beside a profile) lives in discover.go and lsfind.go; checking (read, parse, schema,
// single-file and cross-file rules, the cache) lives in check.go.
package workspace

import (
	"io"
	"os"
	"runtime"

	"github.com/profiler-cx/profiler/internal/cache"
	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/load"
	"github.com/profiler-cx/profiler/internal/model"
	"github.com/profiler-cx/profiler/internal/parallel"
	"github.com/profiler-cx/profiler/internal/rules"
	"github.com/profiler-cx/profiler/internal/schemacheck"
)

// Options tune a run.
type Options struct {
	Limits    load.Limits
	Workers   int       // 0: GOMAXPROCS
	Stdin     io.Reader // read when a path is "-"
	StdinName string    // display name (and location for context lookup) of stdin; default "-"
	// Keep is what each Doc keeps once its file is checked; the zero value keeps all.
	Keep Keep
	// Cache, when set, supplies results of unchanged files and receives new ones
	// (validate --cache). It implies KeepFacts for the files it answers.
	Cache *cache.File
	// LSProfiles checks, with every life situation named, the profiles of its profiles/
	// folder too: a pre-commit hook passes only the changed life-situation.yaml, and a
	// removed attribute, value or status must not break those profiles silently.
	LSProfiles bool
	// Overlay holds contents to check instead of what is on disk, keyed by absolute clean
	// path: `import` checks its edits before writing any. A path named in paths that is
	// only in the overlay (a file about to be created) is checked as if it existed.
	Overlay map[string][]byte
	// Memo, when set, reuses the Docs of files unchanged since the last run that used it
	// (profiler serve); see [Memo].
	Memo *Memo
}

// Keep names what a run keeps of each document once it is checked: the parsed YAML makes
// up most of the memory, and most commands need only the models or less.
type Keep int

const (
	// KeepAll keeps everything: Doc.Load, Doc.LS and Doc.Profile.
	KeepAll Keep = iota
	// KeepModels keeps Doc.LS and Doc.Profile whole and drops the parsed YAML (Doc.Load
	// is nil): render, list, export and serve need the models, not the syntax trees.
	KeepModels
	// KeepFacts keeps only what the cross-file rules read: Doc.Load and Doc.Profile are
	// nil and Doc.LS holds ids, statuses and attributes. It keeps memory low on large
	// workspaces; validate uses it.
	KeepFacts
)

// Doc is one loaded profiler document.
type Doc struct {
	Path    string         // display path
	Load    *load.Document // nil unless Options.Keep is KeepAll, and for results taken from the cache
	Kind    model.Kind
	LS      *model.LifeSituation // set when Kind is LifeSituation and the value is a mapping
	Profile *model.Profile       // set when Kind is Profile and the value is a mapping
	Context bool                 // loaded only to resolve references; its findings are not reported
	fs      []finding.Finding
	at      rules.Where
	facts   *rules.ProfileFacts // what the cross-file rules read of Profile
	// Because names the life situation whose check brought this profile in (Options.LSProfiles).
	Because string
}

// Result is the outcome of a run.
type Result struct {
	Docs     []*Doc            // every document, in path order
	Findings []finding.Finding // sorted by file, line, column
	Files    int               // documents checked (context documents excluded)
	IOError  bool              // a path could not be found or read: exit code 2
}

// LifeSituations returns the life situations of the run (context ones included).
func (r *Result) LifeSituations() []*model.LifeSituation {
	var out []*model.LifeSituation
	for _, d := range r.Docs {
		if d.LS != nil {
			out = append(out, d.LS)
		}
	}
	return out
}

// Profiles returns the profiles of the run.
func (r *Result) Profiles() []*model.Profile {
	var out []*model.Profile
	for _, d := range r.Docs {
		if d.Profile != nil {
			out = append(out, d.Profile)
		}
	}
	return out
}

// Check finds, loads and checks every document under paths.
func Check(paths []string, opts Options) *Result {
	if opts.Limits == (load.Limits{}) {
		opts.Limits = load.DefaultLimits
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// The files are checked while discovery is still walking the folders: each target
	// found goes to the workers at once. Each worker keeps its results with their target
	// index; they are put in discovery order afterwards, so the result does not depend on
	// scheduling.
	type job struct {
		i int
		t target
	}
	type done struct {
		i   int
		doc *Doc
		err error
	}
	results := make([][]done, workers)
	send, wait := parallel.Stream(workers, func(w int, j job) {
		t := j.t
		var data []byte
		var err error
		var meta cache.Meta
		var memoMeta cache.Meta
		if opts.Memo != nil && t.fsPath != "" {
			var d *Doc
			if d, memoMeta = opts.Memo.lookup(t); d != nil {
				results[w] = append(results[w], done{i: j.i, doc: d})
				return
			}
		}
		if opts.Cache != nil && t.fsPath != "" && t.data == nil {
			// A file whose metadata proves it unchanged is not even read.
			if st, serr := os.Stat(t.fsPath); serr == nil {
				if e := opts.Cache.Unchanged(t.display, st); e != nil {
					results[w] = append(results[w], done{i: j.i, doc: fromEntry(t, e)})
					return
				}
				meta = cache.MetaOf(st)
			}
		}
		switch {
		case t.fsPath == "":
			if opts.Stdin != nil {
				data, err = readLimited(opts.Stdin, opts.Limits.MaxBytes)
			}
		case t.data != nil:
			data = t.data
		case t.listed:
			data, err = load.ReadListed(t.fsPath, opts.Limits)
		default:
			data, err = load.ReadFile(t.fsPath, opts.Limits)
		}
		if err != nil {
			results[w] = append(results[w], done{i: j.i, err: err})
			return
		}
		d := checkCached(t, data, meta, opts)
		if opts.Memo != nil && t.fsPath != "" {
			opts.Memo.store(t, d, memoMeta)
		}
		results[w] = append(results[w], done{i: j.i, doc: d})
	})
	ts, pathFindings, ioErr := discover(paths, opts, func(i int, t target) { send(job{i, t}) })
	wait()
	res := &Result{IOError: ioErr}
	docs := make([]*Doc, len(ts))
	readErrs := make([]error, len(ts))
	for _, rs := range results {
		for _, r := range rs {
			docs[r.i], readErrs[r.i] = r.doc, r.err
		}
	}
	if opts.Cache != nil {
		opts.Cache.StartSave() // while the cross-file rules run
	}
	if opts.Memo != nil {
		opts.Memo.turn()
	}

	out := pathFindings
	beside := map[string]string{} // profile path → the life situation beside it
	finder := lsFinder{}
	for i, t := range ts {
		name := t.fsPath
		if name == "" {
			name = opts.StdinName
		}
		if name != "" {
			if ls := finder.beside(name); ls != "" {
				beside[t.display] = displayPath(ls)
			}
		}
		if e := readErrs[i]; e != nil {
			if t.context {
				continue
			}
			res.IOError = true
			out = append(out, readFinding(t.display, e))
			continue
		}
		d := docs[i]
		if d == nil {
			continue
		}
		d.Because = t.dependent
		res.Docs = append(res.Docs, d)
		if !d.Context {
			res.Files++
			out = append(out, d.fs...)
		}
	}
	out = append(out, caseClashes(ts, func(i int) bool { return docs[i] != nil && !docs[i].Context })...)
	var lss []rules.LSRef
	var ps []rules.ProfileRef
	for _, d := range res.Docs {
		if d.LS != nil {
			lss = append(lss, rules.LSRef{Path: d.Path, At: d.at, LS: d.LS})
		}
		if d.facts != nil {
			ps = append(ps, rules.ProfileRef{Path: d.Path, At: d.at, P: d.facts, Beside: beside[d.Path]})
		}
	}
	context := map[string]bool{}
	because := map[string]string{}
	for _, d := range res.Docs {
		if d.Context {
			context[d.Path] = true
		}
		if d.Because != "" {
			because[d.Path] = d.Because
		}
	}
	for _, f := range crossFile(opts.Memo, lss, ps) {
		if context[f.File] {
			continue
		}
		if ls := because[f.File]; ls != "" && brokenByLS[f.Rule] {
			// The user changed only the life situation: say that this is where it went.
			f.Message = i18n.Join("", i18n.Msg("после изменения %s: ", "after the change to %s: ", ls), f.Message,
				i18n.Msg(" (признак, значение или статус удалены из ЖС или переименованы — поправьте профиль или верните их)",
					" (the attribute, value or status was removed from the life situation or renamed — update the profile or restore it)"))
		}
		out = append(out, f)
	}
	clipFindings(out)
	finding.Sort(out)
	res.Findings = out
	return res
}

// brokenByLS are the cross-file rules a change to a life situation alone can break.
var brokenByLS = map[string]bool{rules.RuleAttrUndeclared: true, rules.RuleAttrValue: true, rules.RuleProfileStatus: true}

func readLimited(r io.Reader, maxBytes int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > maxBytes {
		return nil, &load.ReadError{Rule: load.RuleFileTooLarge, Message: i18n.Msg(
			"стандартный ввод больше %d байт — разделите документ", "standard input is larger than %d bytes — split the document", maxBytes)}
	}
	return data, nil
}

func readFinding(display string, err error) finding.Finding {
	if re, ok := err.(*load.ReadError); ok {
		return finding.Finding{File: display, Severity: finding.Error, Rule: re.Rule, Message: re.Message}
	}
	return finding.Finding{File: display, Severity: finding.Error, Rule: load.RuleFileRead,
		Message: i18n.Join(": ", i18n.Msg("не удалось прочитать файл", "cannot read the file"), osReason(err))}
}

// checkCached answers from the cache when it holds this file's content, and otherwise
// checks the file (and stores the result in the cache).
func checkCached(t target, data []byte, meta cache.Meta, opts Options) *Doc {
	if opts.Cache == nil || t.fsPath == "" {
		d := checkOne(t, data, opts.Limits)
		if opts.Keep != KeepAll {
			d.at = rules.Record(rules.DocWhere(d.Load), d.facts)
			if opts.Keep == KeepFacts {
				d.LS, d.Profile = leanLS(d.LS), nil
			}
			d.Load = nil
		}
		return d
	}
	sum := cache.Sum(data)
	if e := opts.Cache.Get(t.display, sum); e != nil {
		// Same content, new metadata (touched, checked out again), or the entry was too
		// close to its file's change to be trusted by metadata: stamped with this run, the
		// next run need not read the file again.
		if e.Meta != meta || e.Checked != opts.Cache.Start() {
			e = e.Refreshed(meta, opts.Cache.Start())
			opts.Cache.Put(t.display, e)
		}
		return fromEntry(t, e)
	}
	d := checkOne(t, data, opts.Limits)
	pos := rules.Record(rules.DocWhere(d.Load), d.facts)
	e := &cache.Entry{Meta: meta, Checked: opts.Cache.Start(), Sum: sum, Kind: string(d.Kind), LS: leanLS(d.LS),
		Facts: d.facts, Findings: d.fs, Pos: pos}
	opts.Cache.Put(t.display, e)
	return &Doc{Path: t.display, Kind: d.Kind, LS: e.LS, Context: t.context, fs: d.fs, at: pos, facts: d.facts}
}

func fromEntry(t target, e *cache.Entry) *Doc {
	return &Doc{Path: t.display, Kind: model.Kind(e.Kind), LS: e.LS, facts: e.Facts,
		Context: t.context, fs: e.Findings, at: e.Where()}
}

// leanLS keeps what the cross-file rules read.
func leanLS(ls *model.LifeSituation) *model.LifeSituation {
	if ls == nil {
		return nil
	}
	out := &model.LifeSituation{Path: ls.Path, ID: ls.ID, Statuses: ls.Statuses, Attributes: make([]model.Attribute, len(ls.Attributes))}
	for i, a := range ls.Attributes {
		out.Attributes[i] = model.Attribute{ID: a.ID, Title: a.Title, Statuses: a.Statuses, Type: a.Type, Values: a.Values, Catalog: a.Catalog, Ptr: a.Ptr}
	}
	return out
}

// checkOne parses, schema-checks, decodes and runs the single-file rules on one document.
func checkOne(t target, data []byte, lim load.Limits) *Doc {
	doc, fs := load.Parse(t.display, data, lim)
	d := &Doc{Path: t.display, Load: doc, Context: t.context, at: rules.DocWhere(doc)}
	if doc.Usable {
		d.Kind = model.KindOf(doc.Value, t.display)
		fs = append(fs, schemacheck.Check(doc, d.Kind)...)
		if _, ok := doc.Value.(map[string]any); ok {
			switch d.Kind {
			case model.KindLifeSituation:
				d.LS = decodeLifeSituation(doc)
				fs = append(fs, rules.LifeSituation(rules.LSDoc{Doc: doc, LS: d.LS})...)
			case model.KindProfile:
				d.Profile = decodeProfile(doc)
				d.facts = rules.FactsOf(d.Profile)
				fs = append(fs, rules.Profile(rules.ProfileDoc{Doc: doc, P: d.Profile})...)
			}
		}
	}
	d.fs = fs
	return d
}
