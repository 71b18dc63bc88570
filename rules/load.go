package rules

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/internal/yamlerr"
	"github.com/netra-id/netra/textmodel"
	"gopkg.in/yaml.v3"
)

//go:embed packs
var packsFS embed.FS

// DefaultDir is the directory of the built-in pack inside the embedded files.
const DefaultDir = "packs/id"

// Size caps keep a hostile or mistaken pack from exhausting memory.
const (
	maxFileSize = 64 << 20
	maxRuleText = 4 << 10
)

// Default loads the built-in Indonesian pack.
func Default() (*Pack, error) {
	return Load(packsFS, DefaultDir)
}

// DefaultFS returns the embedded packs, for tools that list or copy them.
func DefaultFS() fs.FS { return packsFS }

// LoadDir loads a pack from a directory on disk.
func LoadDir(dir string) (*Pack, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("rule pack %s: %w", dir, err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("rule pack %s: not a directory", dir)
	}
	p, err := Load(os.DirFS(dir), ".")
	if err != nil {
		return nil, prefixFiles(err, dir)
	}
	return p, nil
}

func prefixFiles(err error, dir string) error {
	var es Errors
	if errors.As(err, &es) {
		for _, e := range es {
			e.File = path.Join(dir, e.File)
		}
		return es
	}
	return err
}

// packFile is pack.yaml.
type packFile struct {
	Name        string       `yaml:"name"`
	Version     string       `yaml:"version"`
	Description string       `yaml:"description"`
	Threshold   float64      `yaml:"threshold"`
	Calibration *Calibration `yaml:"calibration"`
}

// Load reads the pack in dir of fsys:
//
//	pack.yaml           name, version, threshold
//	lexicon.txt         colloquial spelling, then its standard word(s)
//	gazetteers/*.yaml   named term lists
//	candidates/*.csv    candidates (csv or csv.gz) added to gazetteer "candidates"
//	rules/*.yaml        rules
//	textmodel.tsv       word model for the calibration feature text_model (optional)
//
// Every problem found is returned together, each naming file and line.
func Load(fsys fs.FS, dir string) (*Pack, error) {
	p := &Pack{Lexicon: map[string][]string{}, Gazetteers: map[string]*Gazetteer{}}
	var errs Errors
	rel := func(name string) string {
		if dir == "." {
			return name
		}
		return path.Join(dir, name)
	}

	// pack.yaml
	if data, err := readFile(fsys, rel("pack.yaml")); err != nil {
		errs = append(errs, &Error{File: "pack.yaml", Msg: err.Error()})
	} else {
		var pf packFile
		if e := decodeStrict(data, "pack.yaml", &pf); e != nil {
			// The fields are unknown, not missing: say only what is wrong.
			errs = append(errs, e...)
		} else {
			if pf.Name == "" {
				errs = append(errs, &Error{File: "pack.yaml", Line: 1, Msg: "missing field name"})
			}
			if pf.Version == "" {
				errs = append(errs, &Error{File: "pack.yaml", Line: 1, Msg: "missing field version"})
			}
			if pf.Threshold <= 0 || pf.Threshold > 1 {
				errs = append(errs, &Error{File: "pack.yaml", Line: 1, Msg: fmt.Sprintf("threshold %v must be in (0, 1]", pf.Threshold)})
			}
		}
		if c := pf.Calibration; c != nil {
			for _, f := range slices.Sorted(maps.Keys(c.Weights)) {
				if _, ok := CalibrationFeatures[f]; !ok {
					errs = append(errs, &Error{File: "pack.yaml", Line: 1, Msg: fmt.Sprintf("calibration: unknown feature %q (known: %s)", f, strings.Join(slices.Sorted(maps.Keys(CalibrationFeatures)), ", "))})
				}
			}
		}
		p.Name, p.Version, p.Description, p.Threshold, p.Calibration = pf.Name, pf.Version, pf.Description, pf.Threshold, pf.Calibration
		p.Files = append(p.Files, "pack.yaml")
	}

	// lexicon.txt (optional)
	if data, err := readFile(fsys, rel("lexicon.txt")); err == nil {
		errs = append(errs, parseLexicon(data, "lexicon.txt", p.Lexicon)...)
		p.Files = append(p.Files, "lexicon.txt")
	} else if !errors.Is(err, fs.ErrNotExist) {
		errs = append(errs, &Error{File: "lexicon.txt", Msg: err.Error()})
	}

	// textmodel.tsv (optional)
	if data, err := readFile(fsys, rel("textmodel.tsv")); err == nil {
		m, err := textmodel.Read(bytes.NewReader(data), "textmodel.tsv")
		var le *textmodel.LineError
		switch {
		case errors.As(err, &le):
			errs = append(errs, &Error{File: le.File, Line: le.Line, Msg: le.Msg})
		case err != nil:
			errs = append(errs, &Error{File: "textmodel.tsv", Msg: err.Error()})
		default:
			p.TextModel = m
			p.Files = append(p.Files, "textmodel.tsv")
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		errs = append(errs, &Error{File: "textmodel.tsv", Msg: err.Error()})
	}
	if w := p.Calibration; w != nil && p.TextModel == nil {
		for _, f := range ModelFeatures {
			if w.Weights[f] != 0 {
				errs = append(errs, &Error{File: "pack.yaml", Line: 1, Msg: "calibration: feature " + f + " needs the word model textmodel.tsv, which the pack lacks"})
			}
		}
	}

	// gazetteers
	before := len(errs)
	files, es := readGazetteers(fsys, rel("gazetteers"), p.Gazetteers)
	errs = append(errs, es...)
	p.Files = append(p.Files, files...)

	// candidates
	for _, name := range globSorted(fsys, rel("candidates"), ".csv", ".csv.gz") {
		file := path.Join("candidates", path.Base(name))
		f, err := fsys.Open(name)
		if err != nil {
			errs = append(errs, &Error{File: file, Msg: err.Error()})
			continue
		}
		cands, err := ReadCandidates(f, file)
		f.Close()
		if err != nil {
			errs = append(errs, asErrors(err, file)...)
			continue
		}
		p.AddCandidates(CandidatesGazetteer, cands)
		p.Files = append(p.Files, file)
	}

	// A gazetteer or candidates file that did not load leaves its lists
	// undefined: rules naming them are not wrong, so say nothing of them.
	listsComplete := len(errs) == before

	// rules
	ids := map[string]*Rule{}
	for _, name := range globSorted(fsys, rel("rules"), ".yaml", ".yml") {
		file := path.Join("rules", path.Base(name))
		data, err := readFile(fsys, name)
		if err != nil {
			errs = append(errs, &Error{File: file, Msg: err.Error()})
			continue
		}
		rs, es := parseRules(data, file)
		errs = append(errs, es...)
		for _, r := range rs {
			if r.ID == netra.WordModelRule {
				// The stores file the word model's flags under this ID
				// (index.RecordRules): a rule of that name would mix the two.
				errs = append(errs, &Error{File: file, Line: r.Line, Msg: fmt.Sprintf("rule id %q is reserved for the word model's flags", r.ID)})
				continue
			}
			if old, dup := ids[r.ID]; dup && r.ID != "" {
				errs = append(errs, &Error{File: file, Line: r.Line, Msg: fmt.Sprintf("rule id %q already used %s", r.ID, placeFrom(file, old.File, old.Line))})
				continue
			}
			ids[r.ID] = r
			p.Rules = append(p.Rules, r)
		}
		p.Files = append(p.Files, file)
	}
	if len(p.Rules) == 0 && len(errs) == 0 {
		errs = append(errs, &Error{File: "rules", Msg: "no rules found (expected rules/*.yaml)"})
	}
	errs = append(errs, p.validate(listsComplete)...)
	if len(errs) > 0 {
		return nil, errs
	}
	return p, nil
}

// placeFrom names an earlier definition as seen from file: "on line 6"
// in the same file, else "in rules/asn.yaml:6" (relative to the pack, like
// every file name in a load error).
func placeFrom(file, otherFile string, otherLine int) string {
	if otherFile == file {
		return fmt.Sprintf("on line %d", otherLine)
	}
	return fmt.Sprintf("in %s:%d", otherFile, otherLine)
}

// CandidatesGazetteer is the gazetteer that candidate CSV files feed.
const CandidatesGazetteer = "candidates"

// AddCandidates adds candidates to a target gazetteer (created if missing),
// so rules referring to "@name" also find these names.
func (p *Pack) AddCandidates(name string, cands []Candidate) {
	g := p.Gazetteers[name]
	if g == nil {
		g = &Gazetteer{Name: name, Role: RoleTarget, Mode: ModeExact, File: "candidates", Description: "candidates loaded from CSV"}
		p.Gazetteers[name] = g
	}
	g.Candidates = append(g.Candidates, cands...)
}

func readFile(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("larger than %d bytes", maxFileSize)
	}
	return data, nil
}

func globSorted(fsys fs.FS, dir string, exts ...string) []string {
	ents, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range ents {
		if e.IsDir() {
			continue
		}
		for _, x := range exts {
			if strings.HasSuffix(e.Name(), x) {
				out = append(out, path.Join(dir, e.Name()))
				break
			}
		}
	}
	sort.Strings(out)
	return out
}

// yamlErr turns a yaml.v3 error into file:line errors.
func yamlErr(err error, file string) Errors {
	var out Errors
	for _, p := range yamlerr.Problems(err) {
		out = append(out, &Error{File: file, Line: p.Line, Msg: p.Msg})
	}
	return out
}

// decodeStrict decodes one YAML document into v, refusing unknown fields.
func decodeStrict(data []byte, file string, v any) Errors {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return Errors{{File: file, Msg: "empty file"}}
		}
		return yamlErr(err, file)
	}
	return nil
}

// parseDoc parses data into a document node and returns the sequence under
// key (e.g. "rules"), checking that nothing else is at the top level.
func parseDoc(data []byte, file, key string) (*yaml.Node, Errors) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlErr(err, file)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, Errors{{File: file, Msg: "empty file"}}
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, Errors{{File: file, Line: top.Line, Msg: fmt.Sprintf("expected a mapping with key %q", key)}}
	}
	var seq *yaml.Node
	var errs Errors
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		if k.Value != key {
			errs = append(errs, &Error{File: file, Line: k.Line, Msg: fmt.Sprintf("unknown field %q (expected %q)", k.Value, key)})
			continue
		}
		if v.Kind != yaml.SequenceNode {
			errs = append(errs, &Error{File: file, Line: v.Line, Msg: fmt.Sprintf("%q must be a list", key)})
			continue
		}
		seq = v
	}
	if seq == nil && len(errs) == 0 {
		errs = append(errs, &Error{File: file, Line: top.Line, Msg: fmt.Sprintf("missing field %q", key)})
	}
	return seq, errs
}

// knownKeys lists the yaml keys of a struct type.
func knownKeys(v any) map[string]bool {
	t := reflect.TypeOf(v)
	out := map[string]bool{}
	for i := 0; i < t.NumField(); i++ {
		tag := t.Field(i).Tag.Get("yaml")
		name, _, _ := strings.Cut(tag, ",")
		if name != "" && name != "-" {
			out[name] = true
		}
	}
	return out
}

// checkKeys reports unknown and duplicate keys of a mapping node.
func checkKeys(n *yaml.Node, known map[string]bool, file, what string) Errors {
	if n.Kind != yaml.MappingNode {
		return Errors{{File: file, Line: n.Line, Msg: what + " must be a mapping"}}
	}
	var errs Errors
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !known[k.Value] {
			errs = append(errs, &Error{File: file, Line: k.Line, Msg: fmt.Sprintf("unknown field %q in %s", k.Value, what)})
		}
		if seen[k.Value] {
			errs = append(errs, &Error{File: file, Line: k.Line, Msg: fmt.Sprintf("duplicate field %q in %s", k.Value, what)})
		}
		seen[k.Value] = true
	}
	return errs
}

// parseList decodes the list under key in a rules or gazetteers file,
// reporting unknown and duplicate fields of each item (what names one),
// and hands every item that decoded to add with its line.
func parseList[T any](data []byte, file, key, what string, add func(v *T, line int)) Errors {
	seq, errs := parseDoc(data, file, key)
	if seq == nil {
		return errs
	}
	var zero T
	known := knownKeys(zero)
	for _, item := range seq.Content {
		errs = append(errs, checkKeys(item, known, file, what)...)
		if item.Kind != yaml.MappingNode {
			continue
		}
		v := new(T)
		if err := item.Decode(v); err != nil {
			errs = append(errs, yamlErr(err, file)...)
			continue
		}
		add(v, item.Line)
	}
	return errs
}

func parseRules(data []byte, file string) ([]*Rule, Errors) {
	var out []*Rule
	errs := parseList(data, file, "rules", "rule", func(r *Rule, line int) {
		r.File, r.Line = file, line
		out = append(out, r)
	})
	return out, errs
}

func parseGazetteers(data []byte, file string) ([]*Gazetteer, Errors) {
	var out []*Gazetteer
	errs := parseList(data, file, "gazetteers", "gazetteer", func(g *Gazetteer, line int) {
		g.File, g.Line = file, line
		if g.Mode == "" {
			g.Mode = ModeStem
		}
		out = append(out, g)
	})
	return out, errs
}

// parseLexicon reads "colloquial standard [standard...]" lines; '#' starts
// a comment.
func parseLexicon(data []byte, file string, into map[string][]string) Errors {
	var errs Errors
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line := 0
	first := map[string]int{}
	for sc.Scan() {
		line++
		s := sc.Text()
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = s[:i]
		}
		f := strings.Fields(s)
		if len(f) == 0 {
			continue
		}
		if len(f) < 2 {
			errs = append(errs, &Error{File: file, Line: line, Msg: fmt.Sprintf("%q has no standard form (expected: colloquial standard)", f[0])})
			continue
		}
		key := strings.ToLower(f[0])
		if prev, dup := first[key]; dup {
			errs = append(errs, &Error{File: file, Line: line, Msg: fmt.Sprintf("%q already defined on line %d", key, prev)})
			continue
		}
		first[key] = line
		vals := make([]string, 0, len(f)-1)
		for _, v := range f[1:] {
			vals = append(vals, strings.ToLower(v))
		}
		into[key] = vals
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, &Error{File: file, Line: line, Msg: err.Error()})
	}
	return errs
}

func asErrors(err error, file string) Errors {
	var es Errors
	if errors.As(err, &es) {
		return es
	}
	var e *Error
	if errors.As(err, &e) {
		return Errors{e}
	}
	return Errors{{File: file, Msg: err.Error()}}
}

// maybeGunzip wraps r in a gzip reader when name ends in .gz.
func maybeGunzip(r io.Reader, name string) (io.Reader, func() error, error) {
	if !strings.HasSuffix(name, ".gz") {
		return r, func() error { return nil }, nil
	}
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	return zr, zr.Close, nil
}
