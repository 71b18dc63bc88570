package rules

import (
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

const goodPack = `name: test
version: "1"
threshold: 0.5
`

const goodGaz = `gazetteers:
  - name: asn
    role: actor
    mode: exact
    keywords: true
    terms: [asn, pns]
`

const goodRule = `rules:
  - id: r1
    title: t
    category: c
    regulation: "PP 94/2021 Pasal 5 huruf n"
    weight: 0.6
    flag: true
    require:
      act: [kampanye]
      actor: ["@asn"]
    match: [a, b, c]
    no_match: [d, e, f]
`

func packFS(files map[string]string) fstest.MapFS {
	fs := fstest.MapFS{}
	for name, body := range files {
		fs[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return fs
}

func TestDefaultPackLoads(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	if len(p.Rules) == 0 || len(p.Lexicon) == 0 {
		t.Fatalf("default pack is empty: %d rules, %d lexicon entries", len(p.Rules), len(p.Lexicon))
	}
	for _, r := range p.Rules {
		if len(r.Match) < MinExamples || len(r.NoMatch) < MinExamples {
			t.Errorf("%s: rule %s has too few examples", r.Where(), r.ID)
		}
	}
	if p.Lexicon["gak"][0] != "tidak" || p.Lexicon["yg"][0] != "yang" {
		t.Errorf("lexicon misses basic colloquial forms: gak=%v yg=%v", p.Lexicon["gak"], p.Lexicon["yg"])
	}
}

func TestLoadErrorsNameFileAndLine(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		want  string // substring of the error, incl. file:line
	}{
		{"malformed yaml", map[string]string{"rules/a.yaml": "rules:\n  - id: r1\n   title: [oops\n"}, "rules/a.yaml:2: did not find expected"},
		{"unknown rule field", map[string]string{"rules/a.yaml": strings.Replace(goodRule, "    weight: 0.6\n", "    weight: 0.6\n    wieght: 1\n", 1)}, `rules/a.yaml:7: unknown field "wieght"`},
		{"unknown top field", map[string]string{"rules/a.yaml": goodRule + "extra: 1\n"}, `rules/a.yaml:13: unknown field "extra"`},
		{"bad regexp", map[string]string{"rules/a.yaml": strings.Replace(goodRule, "act: [kampanye]", `act: ["re:kampanye("]`, 1)}, "rules/a.yaml:2: rule \"r1\": require.act: bad regular expression"},
		{"missing regulation", map[string]string{"rules/a.yaml": strings.Replace(goodRule, "    regulation: \"PP 94/2021 Pasal 5 huruf n\"\n", "", 1)}, "rules/a.yaml:2: rule \"r1\": missing field regulation"},
		{"unknown gazetteer", map[string]string{"rules/a.yaml": strings.Replace(goodRule, `"@asn"`, `"@nope"`, 1)}, `unknown gazetteer "nope"`},
		{"too few examples", map[string]string{"rules/a.yaml": strings.Replace(goodRule, "match: [a, b, c]", "match: [a]", 1)}, "needs at least 3 match examples"},
		{"reserved id", map[string]string{"rules/a.yaml": strings.Replace(goodRule, "id: r1", "id: word-model", 1)}, `rules/a.yaml:2: rule id "word-model" is reserved for the word model's flags`},
		{"duplicate id", map[string]string{"rules/a.yaml": goodRule, "rules/b.yaml": goodRule}, `rules/b.yaml:2: rule id "r1" already used in rules/a.yaml:2`},
		{"duplicate id in one file", map[string]string{"rules/a.yaml": goodRule + strings.TrimPrefix(goodRule, "rules:\n")}, `rules/a.yaml:13: rule id "r1" already used on line 2`},
		{"unclosed list", map[string]string{"rules/a.yaml": strings.Replace(goodRule, "weight: 0.6", "weight: [0.6", 1)}, "rules/a.yaml:6: did not find expected ',' or ']'"},
		{"threshold not a number", map[string]string{"pack.yaml": "name: x\nversion: \"1\"\nthreshold: high\n"}, "pack.yaml:3: cannot unmarshal"},
		{"wrong type", map[string]string{"rules/a.yaml": strings.Replace(goodRule, "weight: 0.6", "weight: heavy", 1)}, "rules/a.yaml:6: cannot unmarshal"},
		{"bad gazetteer role", map[string]string{"gazetteers/g.yaml": strings.Replace(goodGaz, "role: actor", "role: boss", 1)}, `gazetteers/g.yaml:2: gazetteer "asn": role "boss"`},
		{"lexicon without standard form", map[string]string{"lexicon.txt": "gak tidak\nyg\n"}, "lexicon.txt:2"},
		{"bad threshold", map[string]string{"pack.yaml": "name: x\nversion: \"1\"\nthreshold: 2\n"}, "pack.yaml:1: threshold 2"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"pack.yaml": goodPack, "gazetteers/g.yaml": goodGaz, "rules/a.yaml": goodRule}
			for k, v := range tc.files {
				files[k] = v
			}
			_, err := Load(packFS(files), ".")
			if err == nil {
				t.Fatal("want an error, got none")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %q does not contain %q", err, tc.want)
			}
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("error is %T, want rules.Errors", err)
			}
		})
	}
}

func TestLoadGoodPack(t *testing.T) {
	p, err := Load(packFS(map[string]string{"pack.yaml": goodPack, "gazetteers/g.yaml": goodGaz, "rules/a.yaml": goodRule, "lexicon.txt": "# c\ngak tidak\ngpp tidak apa apa\n"}), ".")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Rules) != 1 || p.Rules[0].Line != 2 || p.Rules[0].File != "rules/a.yaml" {
		t.Fatalf("rule position: %+v", p.Rules[0])
	}
	if got := strings.Join(p.Lexicon["gpp"], " "); got != "tidak apa apa" {
		t.Fatalf("lexicon gpp = %q", got)
	}
}

func TestReadCandidatesSample(t *testing.T) {
	cands, err := ReadCandidatesFile("testdata/candidates/caleg-2024-sample.csv.gz")
	if err != nil {
		t.Fatal(err)
	}
	if len(cands) != 2000 {
		t.Fatalf("got %d candidates, want 2000", len(cands))
	}
	for i, c := range cands {
		if c.Name == "" || c.Number == "" || c.Election == "" || c.Region == "" {
			t.Fatalf("row %d incomplete: %+v", i+2, c)
		}
	}
}

func TestReadCandidatesErrors(t *testing.T) {
	_, err := ReadCandidates(strings.NewReader("nomor,partai\n1,X\n"), "c.csv")
	if err == nil || !strings.Contains(err.Error(), "c.csv:1: no name column") {
		t.Fatalf("missing name column: %v", err)
	}
	_, err = ReadCandidates(strings.NewReader("nama,nomor_urut\nAdi Putra,1\nBudi \"x,2\n"), "c.csv")
	if err == nil || !strings.Contains(err.Error(), "c.csv:3") {
		t.Fatalf("broken quote: %v", err)
	}
}

// TestReadCandidatesFull loads the whole 2024 legislative list when
// $NETRA_CANDIDATES_CSV points at it.
func TestReadCandidatesFull(t *testing.T) {
	name := os.Getenv("NETRA_CANDIDATES_CSV")
	if name == "" {
		t.Skip("NETRA_CANDIDATES_CSV not set")
	}
	cands, err := ReadCandidatesFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if len(cands) < 258000 {
		t.Fatalf("loaded %d candidates, want all 258k", len(cands))
	}
	t.Logf("loaded %d candidates", len(cands))
}

func FuzzLoadRules(f *testing.F) {
	f.Add(goodRule)
	f.Add("rules:\n  - id: x\n")
	f.Add("rules: 3\n")
	f.Add("rules:\n  - [1, 2]\n")
	f.Add("rules:\n  - id: r\n    require: {act: [\"re:(\"]}\n")
	f.Add("\t\x00: :")
	f.Fuzz(func(t *testing.T, body string) {
		p, err := Load(packFS(map[string]string{"pack.yaml": goodPack, "gazetteers/g.yaml": goodGaz, "rules/a.yaml": body}), ".")
		if err == nil && p == nil {
			t.Fatal("nil pack without error")
		}
		if err != nil {
			var es Errors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("error without positions: %v", err)
			}
			for _, e := range es {
				if e.File == "" {
					t.Fatalf("error without file: %v", e)
				}
			}
		}
	})
}

func FuzzReadCandidates(f *testing.F) {
	f.Add("nama,nomor_urut\nAdi Putra,1\n")
	f.Add("name\n\"a,b\"\n")
	f.Add("nomor\n1\n")
	f.Add("nama\n\"unterminated\n")
	f.Add("\ufeffNAMA;partai\nX;Y\n")
	f.Fuzz(func(t *testing.T, body string) {
		cands, err := ReadCandidates(strings.NewReader(body), "f.csv")
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.File != "f.csv" {
				t.Fatalf("error without position: %v", err)
			}
			return
		}
		for _, c := range cands {
			if c.Name == "" {
				t.Fatal("empty name accepted")
			}
		}
	})
}

// TestPackFileErrorStandsAlone checks that a pack.yaml that does not
// decode yields its own error only, not follow-on "missing field" or
// "threshold 0" errors about fields that were merely unreadable.
func TestPackFileErrorStandsAlone(t *testing.T) {
	files := map[string]string{"pack.yaml": "name: x\nversion: \"1\"\nthreshold: high\n", "gazetteers/g.yaml": goodGaz, "rules/a.yaml": goodRule}
	_, err := Load(packFS(files), ".")
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("error %v is not rules.Errors", err)
	}
	if len(es) != 1 || es[0].File != "pack.yaml" || es[0].Line != 3 {
		t.Fatalf("want one error at pack.yaml:3, got %d: %v", len(es), err)
	}
}

// TestBrokenGazetteerFileStandsAlone checks that a gazetteer file that does
// not parse gives its own error only, not one "unknown gazetteer" per rule
// that names a list from it.
func TestBrokenGazetteerFileStandsAlone(t *testing.T) {
	files := map[string]string{"pack.yaml": goodPack, "gazetteers/g.yaml": goodGaz + "\tbad: [\n", "rules/a.yaml": goodRule}
	_, err := Load(packFS(files), ".")
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("error %v is not rules.Errors", err)
	}
	if len(es) != 1 || es[0].File != "gazetteers/g.yaml" {
		t.Fatalf("want one error in gazetteers/g.yaml, got %d:\n%v", len(es), err)
	}
}

func TestCalibrationUnknownFeature(t *testing.T) {
	fsys := fstest.MapFS{
		"pack.yaml":         {Data: []byte("name: t\nversion: \"1\"\nthreshold: 0.5\ncalibration:\n  bias: -1\n  weights:\n    rulez: 1\n")},
		"gazetteers/g.yaml": {Data: []byte("gazetteers:\n  - name: asn\n    role: actor\n    terms: [camat]\n  - name: act\n    role: act\n    terms: [kampanye]\n")},
		"rules/r.yaml":      {Data: []byte("rules: []\n")},
	}
	_, err := Load(fsys, ".")
	if err == nil || !strings.Contains(err.Error(), `pack.yaml`) || !strings.Contains(err.Error(), `unknown feature "rulez"`) {
		t.Fatalf("want an error naming pack.yaml and the feature, got %v", err)
	}
}

func TestOrderNamesRequiredRoles(t *testing.T) {
	fsys := fstest.MapFS{
		"pack.yaml":         {Data: []byte("name: t\nversion: \"1\"\nthreshold: 0.5\n")},
		"gazetteers/g.yaml": {Data: []byte("gazetteers:\n  - name: asn\n    role: actor\n    terms: [camat]\n  - name: act\n    role: act\n    terms: [kampanye]\n")},
		"rules/r.yaml": {Data: []byte(`rules:
  - id: r1
    title: t
    category: c
    regulation: PP 94/2021
    weight: 0.5
    flag: true
    order: [actor, target]
    require:
      act: ["@act"]
      actor: ["@asn"]
    match: [a, b, c]
    no_match: [d, e, f]
`)},
	}
	_, err := Load(fsys, ".")
	if err == nil || !strings.Contains(err.Error(), "rules/r.yaml") || !strings.Contains(err.Error(), `order names role "target"`) {
		t.Fatalf("want an error naming the file and the role, got %v", err)
	}
}

func TestTextModelFile(t *testing.T) {
	withModel := "name: t\nversion: \"1\"\nthreshold: 0.5\ncalibration:\n  bias: -1\n  weights:\n    rules: 1\n    text_model: 0.8\n"
	tests := []struct {
		name, model, want string
	}{
		{"missing", "", "pack.yaml:1: calibration: feature text_model needs the word model textmodel.tsv"},
		{"bad weight", "bias\t-1\ncamat\t2.5\t0.4\ncamat hadir\t3.1\tbanyak\n", `textmodel.tsv:3: weight "banyak" of "camat hadir" must be a number`},
		{"upper case", "bias\t-1\nCamat\t2.5\t0.4\n", `textmodel.tsv:2: n-gram "Camat" is not lowercase words`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"pack.yaml": withModel, "gazetteers/g.yaml": goodGaz, "rules/r.yaml": goodRule}
			if tc.model != "" {
				files["textmodel.tsv"] = tc.model
			}
			_, err := Load(packFS(files), ".")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("want an error containing %q, got %v", tc.want, err)
			}
		})
	}
	cancelledOnly := strings.Replace(withModel, "text_model: 0.8", "cancelled_model: 0.5", 1)
	_, err := Load(packFS(map[string]string{"pack.yaml": cancelledOnly, "gazetteers/g.yaml": goodGaz, "rules/r.yaml": goodRule}), ".")
	if want := "calibration: feature cancelled_model needs the word model textmodel.tsv"; err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("cancelled_model without a word model: want an error containing %q, got %v", want, err)
	}
	files := map[string]string{"pack.yaml": withModel, "gazetteers/g.yaml": goodGaz, "rules/r.yaml": goodRule,
		"textmodel.tsv": "# fitted by hand\nbias\t-1\ncamat\t2.5\t0.4\ncamat hadir\t3.1\t1.2\n"}
	p, err := Load(packFS(files), ".")
	if err != nil {
		t.Fatal(err)
	}
	if p.TextModel == nil || len(p.TextModel.Terms) != 2 || p.TextModel.MaxN != 2 || p.TextModel.Bias != -1 {
		t.Fatalf("model not loaded as written: %+v", p.TextModel)
	}
}
