// Package places finds the Indonesian provinces and regencies/cities
// (kabupaten/kota) a text is about, by their Kemendagri 2025 codes.
//
// Matching is written by hand over a token map: a name preceded by a prefix
// ("Kabupaten", "Kab.", "Pemkab", "Bupati"; "Kota", "Pemkot", "Wali Kota";
// "Provinsi", "Pemprov", "Gubernur") names that level; a bare name counts
// when it names exactly one unit and is not an ordinary word or a person's
// name (a stoplist kept as data); a name shared by a kabupaten and a kota
// (Bogor, Malang, ...) is settled by the prefix, else by the rest of the
// text, else by the source's region (the prior), else it is reported as the
// kabupaten with a lower confidence. A regency implies its province.
//
// A Matcher is immutable after New and safe for concurrent use.
package places

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
)

//go:embed data/wilayah.csv
var wilayahCSV []byte

//go:embed data/aliases.txt
var aliasesTxt []byte

//go:embed data/stoplist.txt
var stoplistTxt []byte

// Levels of administrative units, as reported in Place.Level.
const (
	LevelProvinsi  = "provinsi"
	LevelKabupaten = "kabupaten"
	LevelKota      = "kota"
)

// Confidence values given to a Place.
const (
	// ConfidencePrefix: named with its level ("Kota Bogor", "Gubernur Jatim").
	ConfidencePrefix = 1.0
	// ConfidenceBare: a bare name that names one unit only.
	ConfidenceBare = 0.9
	// ConfidenceContext: an ambiguous name settled by the rest of the text.
	ConfidenceContext = 0.8
	// ConfidencePrior: an ambiguous name settled by the source's region.
	ConfidencePrior = 0.7
	// ConfidenceGuess: an ambiguous kabupaten/kota name reported as the kabupaten.
	ConfidenceGuess = 0.5
)

// Place is one province or regency/city a text mentions (or implies).
type Place struct {
	// Code is the dotted Kemendagri code: "33" for a province, "33.74" for a
	// kabupaten or kota.
	Code string `json:"code"`
	// Name is the official name, with "Kabupaten "/"Kota " for level 2.
	Name string `json:"name"`
	// Level is LevelProvinsi, LevelKabupaten or LevelKota.
	Level string `json:"level"`
	// ProvinceCode and ProvinceName name the province (for a province: itself),
	// so that a province filter can include its regencies.
	ProvinceCode string `json:"province_code"`
	ProvinceName string `json:"province_name"`
	// Field is "title" when the first mention is in the title, else "text".
	Field string `json:"field"`
	// Start and End are the byte offsets of the first mention in Field.
	// For a province only implied by a regency they are the regency's.
	Start int `json:"start"`
	End   int `json:"end"`
	// Mentions counts the mentions of this unit itself in title and text
	// (0 for a province only implied by its regencies).
	Mentions int `json:"mentions"`
	// Implied is true for a province known only through its regencies.
	Implied bool `json:"implied,omitempty"`
	// Confidence is the best confidence of the mentions (see Confidence*).
	Confidence float64 `json:"confidence"`
}

// unit is one administrative unit of the gazetteer.
type unit struct {
	code, name, level string
	prov              int // index of the province unit
	idx               int
}

// Matcher finds places in texts. Create it with New.
type Matcher struct {
	units    []unit
	byCode   map[string]int
	phrases  map[string][]phrase // first token → phrases, longest first
	cancel   map[string]bool     // words that cancel a following bare name
	minCaps  bool                // every bare name needs a capital letter
	provOnly bool                // report provinces only
	start2   [1 << 10]uint64     // bigrams that may start a phrase (see mayStart)
	toks     sync.Pool           // *[]token buffers reused across calls
}

// phrase is a token sequence that names units or blocks a match.
type phrase struct {
	toks  []string
	units []int // empty for a blocking phrase
	stop  bool  // also an ordinary word or a person's name
	block bool
}

// Option configures New.
type Option func(*config) error

type config struct {
	csv, aliases, stoplist io.Reader
	caseSensitive          bool
	provincesOnly          bool
}

// WithGazetteer replaces the embedded wilayah.csv (columns kode, nama, level).
func WithGazetteer(r io.Reader) Option {
	return func(c *config) error { c.csv = r; return nil }
}

// WithAliases replaces the embedded aliases (lines "CODE|alias|alias").
func WithAliases(r io.Reader) Option {
	return func(c *config) error { c.aliases = r; return nil }
}

// WithStoplist replaces the embedded stoplist (see data/stoplist.txt).
func WithStoplist(r io.Reader) Option {
	return func(c *config) error { c.stoplist = r; return nil }
}

// WithCapitalisedBareNames makes every bare name (not only stoplisted ones)
// need a capital letter. The default accepts lower-case bare names that are
// not on the stoplist ("warga surabaya"), as posts are often lower case.
func WithCapitalisedBareNames(on bool) Option {
	return func(c *config) error { c.caseSensitive = on; return nil }
}

// WithProvincesOnly reports provinces only (regencies still imply theirs).
func WithProvincesOnly(on bool) Option {
	return func(c *config) error { c.provincesOnly = on; return nil }
}

// New builds a Matcher from the embedded data, or from the data given as
// options.
func New(opts ...Option) (*Matcher, error) {
	c := config{
		csv:      bytes.NewReader(wilayahCSV),
		aliases:  bytes.NewReader(aliasesTxt),
		stoplist: bytes.NewReader(stoplistTxt),
	}
	for _, o := range opts {
		if err := o(&c); err != nil {
			return nil, err
		}
	}
	m := &Matcher{
		byCode:   map[string]int{},
		phrases:  map[string][]phrase{},
		cancel:   map[string]bool{},
		minCaps:  c.caseSensitive,
		provOnly: c.provincesOnly,
	}
	if err := m.loadUnits(c.csv); err != nil {
		return nil, err
	}
	stops, blocks, err := m.loadStoplist(c.stoplist)
	if err != nil {
		return nil, err
	}
	names := map[string][]int{} // normalised name → units
	add := func(name string, u int) {
		k := strings.Join(tokenize(name), " ")
		if k == "" {
			return
		}
		for _, x := range names[k] {
			if x == u {
				return
			}
		}
		names[k] = append(names[k], u)
	}
	for i, u := range m.units {
		base := bareName(u.name)
		add(base, i)
		if toks := tokenize(base); len(toks) > 1 {
			add(strings.Join(toks, ""), i) // "Bau Bau" → "Baubau"
		}
	}
	if err := m.loadAliases(c.aliases, add); err != nil {
		return nil, err
	}
	for k, us := range names {
		toks := strings.Split(k, " ")
		m.phrases[toks[0]] = append(m.phrases[toks[0]], phrase{toks: toks, units: us, stop: stops[k]})
	}
	for k := range blocks {
		toks := strings.Split(k, " ")
		m.phrases[toks[0]] = append(m.phrases[toks[0]], phrase{toks: toks, block: true})
	}
	for w := range cueWords {
		m.addStart(w)
	}
	m.addStart("wali")
	for k, ps := range m.phrases {
		m.addStart(k)
		sort.SliceStable(ps, func(a, b int) bool { return len(ps[a].toks) > len(ps[b].toks) })
		m.phrases[k] = ps
	}
	return m, nil
}

func (m *Matcher) loadUnits(r io.Reader) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil {
		return fmt.Errorf("places: read gazetteer: %w", err)
	}
	for n, row := range rows {
		if n == 0 && len(row) > 0 && row[0] == "kode" {
			continue
		}
		if len(row) < 3 {
			return fmt.Errorf("places: gazetteer line %d: want kode,nama,level", n+1)
		}
		code, name, lvl := strings.TrimSpace(row[0]), strings.Join(strings.Fields(row[1]), " "), strings.TrimSpace(row[2])
		var level string
		switch {
		case lvl == "1":
			level = LevelProvinsi
		case lvl == "2" && strings.HasPrefix(name, "Kabupaten "):
			level = LevelKabupaten
		case lvl == "2" && strings.HasPrefix(name, "Kota "):
			level = LevelKota
		default:
			continue // kecamatan, desa: not used
		}
		u := unit{code: code, name: name, level: level, idx: len(m.units)}
		if level == LevelProvinsi {
			u.prov = u.idx
		} else {
			pc, _, _ := strings.Cut(code, ".")
			p, ok := m.byCode[pc]
			if !ok {
				return fmt.Errorf("places: gazetteer line %d: province %s of %s not listed before it", n+1, pc, code)
			}
			u.prov = p
		}
		m.byCode[code] = u.idx
		m.units = append(m.units, u)
	}
	if len(m.units) == 0 {
		return fmt.Errorf("places: gazetteer has no provinces or kabupaten/kota")
	}
	return nil
}

func (m *Matcher) loadAliases(r io.Reader, add func(string, int)) error {
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		parts := strings.Split(line, "|")
		u, ok := m.byCode[strings.TrimSpace(parts[0])]
		if !ok || len(parts) < 2 {
			return fmt.Errorf("places: aliases line %d: unknown code %q or no alias", n, parts[0])
		}
		for _, a := range parts[1:] {
			add(a, u)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("places: read aliases: %w", err)
	}
	return nil
}

func (m *Matcher) loadStoplist(r io.Reader) (stops, blocks map[string]bool, err error) {
	stops, blocks = map[string]bool{}, map[string]bool{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		switch line[0] {
		case '!':
			blocks[strings.Join(tokenize(line[1:]), " ")] = true
		case '-':
			m.cancel[strings.Join(tokenize(line[1:]), " ")] = true
		default:
			stops[strings.Join(tokenize(line), " ")] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("places: read stoplist: %w", err)
	}
	return stops, blocks, nil
}

// bareName strips the level prefix from an official name.
func bareName(name string) string {
	for _, p := range []string{"Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "} {
		if strings.HasPrefix(name, p) {
			return name[len(p):]
		}
	}
	return name
}

// tokenize returns the lower-case word tokens of s.
func tokenize(s string) []string {
	var out []string
	for _, t := range scan(s, nil) {
		out = append(out, t.low)
	}
	return out
}

// Province returns the province code for a prior: a province slug
// ("jawa-tengah"), name ("Jawa Tengah"), alias ("Jateng"), code ("33"), or a
// regency's name or code ("kota-bandung", "32.73"). It returns "" when the
// prior names no known unit.
func (m *Matcher) Province(prior string) string {
	u := m.priorUnit(prior)
	if u < 0 {
		return ""
	}
	return m.units[m.units[u].prov].code
}

func (m *Matcher) priorUnit(prior string) int {
	prior = strings.TrimSpace(prior)
	if prior == "" {
		return -1
	}
	if u, ok := m.byCode[prior]; ok {
		return u
	}
	s := strings.NewReplacer("-", " ", "_", " ").Replace(prior)
	toks := scan(s, nil)
	for _, x := range m.mentions(nil, s, toks, fieldText, false) {
		if len(x.units) > 0 {
			u, _ := m.pick(x, -1, nil)
			return u
		}
	}
	return -1
}

// Unit is one province or kabupaten/kota of the gazetteer.
type Unit struct {
	Code         string `json:"code"`
	Name         string `json:"name"`
	Level        string `json:"level"`
	ProvinceCode string `json:"province_code"`
}

// Units returns every province and kabupaten/kota of the gazetteer, in its
// order (each province before its regencies), as a new slice.
func (m *Matcher) Units() []Unit {
	out := make([]Unit, len(m.units))
	for i, u := range m.units {
		out[i] = Unit{Code: u.code, Name: u.name, Level: u.level, ProvinceCode: m.units[u.prov].code}
	}
	return out
}
